// `node out/bench/scanThroughputChild.js current|typescript|frozen BYTES ROUNDS [sparse|dense]`: one scanner's line-by-line
// throughput on the sparse mix (generateLines, seed 1) or the dense text (generateDense, seed 7), in a process of its
// own, printed as JSON {mbPerS, mb}. Used by bench/scanner.ts to compare today's scanner with the frozen copy
// (bench/frozenScanner): in one process, the copy that ran second ran on fresh, monomorphic JIT state while the other
// carried the earlier benchmarks' (identical code measured 0.76×), so each gets a fresh process. bench/
// scanInstructions.ts runs it under cachegrind with ROUNDS 0 and 4.
import * as fs from 'fs';
import * as path from 'path';
import { createScanner, useAotScanner } from '../src/core/scanner';
import { DIST_DIR } from '../test/support/paths';
import { generateDense } from '../test/support/denseCorpus';
import { loadCorpus } from '../test/support/scannerCorpus';
import { createScanner as createFrozenScanner } from './frozenScanner';
import { generateLines } from './scanner';

const [which, bytes, rounds, input = 'sparse'] = process.argv.slice(2);
if ((which !== 'current' && which !== 'typescript' && which !== 'frozen') || (input !== 'sparse' && input !== 'dense')) {
  throw new Error(`usage: scanThroughputChild current|typescript|frozen BYTES ROUNDS [sparse|dense]`);
}
// `current` is the product's scanner: through the ahead-of-time module when it was built, as the extension and the
// CLI load it (dist/scanner.wasm); `typescript` is the TypeScript alone.
const wasm = path.join(DIST_DIR, 'scanner.wasm');
if (which === 'current' && fs.existsSync(wasm)) useAotScanner(new WebAssembly.Module(fs.readFileSync(wasm)));
const scanner = which === 'frozen' ? createFrozenScanner() : createScanner();
const lines = input === 'dense' ? generateDense(Number(bytes), 7).text.split('\n') : generateLines(loadCorpus(), Number(bytes), 1);
const mb = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) / 1e6;
let sink = 0;
for (let i = 0; i < Math.min(lines.length, 20_000); i++) sink += scanner.scanLine(lines[i], i).length; // warm-up
let best = Infinity;
for (let r = 0; r < Number(rounds); r++) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < lines.length; i++) sink += scanner.scanLine(lines[i], i).length;
  best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
}
if (sink < 0) console.log(sink);
console.log(JSON.stringify({ mbPerS: best === Infinity ? null : mb / (best / 1000), mb }));
