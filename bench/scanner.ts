// Benchmarks the host scanner against baselines, in the same run:
//  - throughput, line by line as an editor scans, on a deterministic ~10 MB mix of code, config, markdown and logs,
//    vs linkify-it (fuzzy links, IPs and e-mail on) on the same lines; plus both precisions on the labeled corpus;
//  - work per keystroke: rescanning the ~100 visible lines after an edit vs scanning the whole 50,000-line file,
//    and how per-edit work scales from a 10 KB to a 1 MB file (it must not grow with the file).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import type { LinkifyIt } from 'linkify-it';
import * as path from 'path';
import { createScanner, useAotScanner, type HostScanner } from '../src/core/scanner';
import { newLinkify } from './linkify';
import { generateDense } from '../test/support/denseCorpus';
import { loadCorpus, scoreCorpus, type CorpusFile, type Prediction } from '../test/support/scannerCorpus';
import { prng } from '../test/support/prng';
import { DIST_DIR, REPO_ROOT } from '../test/support/paths';

/**
 * Lines from the corpus files with seeded variations (digits changed, labels renamed, identifiers appended), so
 * the mix keeps the corpus' proportions of code, config, markdown and logs without repeating one text verbatim.
 */
export function generateLines(corpus: readonly CorpusFile[], targetBytes: number, seed: number): string[] {
  const rand = prng(seed);
  const sources = corpus.map((f) => f.text.split('\n'));
  const words = ['value', 'handler', 'config', 'retry', 'client', 'cache', 'index', 'result', 'token', 'stream'];
  const lines: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const file = sources[Math.floor(rand() * sources.length)];
    const start = Math.floor(rand() * file.length);
    const take = 1 + Math.floor(rand() * 12);
    for (let k = start; k < Math.min(file.length, start + take); k++) {
      let line = file[k];
      if (rand() < 0.5) line = line.replace(/\d/g, (d) => (rand() < 0.3 ? String(Math.floor(rand() * 10)) : d));
      if (rand() < 0.3) line = line.replace(/\b(web|db|cache|api|shop)\b/g, (w) => `${w}${Math.floor(rand() * 20)}`);
      if (rand() < 0.2) line += ` // ${words[Math.floor(rand() * words.length)]}.${words[Math.floor(rand() * words.length)]}(${Math.floor(rand() * 100)})`;
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
  }
  // Hand the lines out as slices of one document string, as an editor's text model does: lines built by
  // concatenation and replace() are V8 cons strings of mixed representations, whose charCodeAt is several times
  // slower and would measure V8's string internals rather than either scanner.
  return lines.join('\n').split('\n');
}

/**
 * linkify's matches scored as kindly as possible: an e-mail counts as its host, a scheme-less link as its host
 * (without port or path), a link with a scheme as a URL.
 */
export function linkifyPredictions(linkify: LinkifyIt, file: CorpusFile): Prediction[] {
  const out: Prediction[] = [];
  file.text.split('\n').forEach((line, n) => {
    for (const m of linkify.match(line) ?? []) {
      if (m.schema === 'mailto:') out.push({ line: n, kind: 'hostname', text: m.text.slice(m.text.lastIndexOf('@') + 1) });
      else if (m.schema !== '') out.push({ line: n, kind: 'url', text: m.text });
      else {
        const host = m.text.split(/[/:?#]/, 1)[0];
        out.push({ line: n, kind: /^\d+\.\d+\.\d+\.\d+$/.test(host) ? 'ipv4' : 'hostname', text: host });
      }
    }
  });
  return out;
}

/** Whether the ahead-of-time module was built (the product's scanner then scans through it). */
function aotBuilt(): boolean {
  return fs.existsSync(path.join(DIST_DIR, 'scanner.wasm'));
}

function timeMs(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** The best of `rounds` timings: the least disturbed by the machine's other work. */
function best(rounds: number, fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < rounds; r++) min = Math.min(min, timeMs(fn));
  return min;
}

function throughput(scanner: HostScanner, linkify: LinkifyIt, lines: readonly string[], rounds: number): { ours: number; theirs: number; mb: number } {
  const mb = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) / 1e6;
  let sink = 0;
  const ours = best(rounds, () => {
    for (let i = 0; i < lines.length; i++) sink += scanner.scanLine(lines[i], i).length;
  });
  const theirs = best(rounds, () => {
    for (const line of lines) sink += linkify.match(line)?.length ?? 0;
  });
  if (sink < 0) console.log(sink); // keeps the work observable to the optimiser
  return { ours: mb / (ours / 1000), theirs: mb / (theirs / 1000), mb };
}

/**
 * Two line scanners over the same lines, in MB/s: rounds interleaved (A, B, A, B, …) so that a busy machine disturbs
 * both alike, and the best round of each.
 */
function versus(a: (line: string, n: number) => number, b: (line: string, n: number) => number, lines: readonly string[], rounds: number): { a: number; b: number; mb: number } {
  const mb = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) / 1e6;
  let sink = 0;
  const pass = (f: (line: string, n: number) => number) => (): void => {
    for (let i = 0; i < lines.length; i++) sink += f(lines[i], i);
  };
  for (const f of [a, b]) for (let i = 0; i < Math.min(lines.length, 20_000); i++) sink += f(lines[i], i); // warm-up: JIT, caches
  let bestA = Infinity;
  let bestB = Infinity;
  for (let r = 0; r < rounds; r++) {
    bestA = Math.min(bestA, timeMs(pass(a)));
    bestB = Math.min(bestB, timeMs(pass(b)));
  }
  if (sink < 0) console.log(sink);
  return { a: mb / (bestA / 1000), b: mb / (bestB / 1000), mb };
}

/**
 * The editor's work after one keystroke: change a line inside the viewport, then rescan the viewport's lines.
 * Lines are kept as an array (as VS Code's TextDocument.lineAt gives them), so an edit costs O(1) to apply.
 */
function perEditMicros(scanner: HostScanner, lines: string[], firstVisible: number, visible: number, edits: number): number {
  const rand = prng(99);
  let sink = 0;
  const run = (): void => {
    for (let e = 0; e < edits; e++) {
      const n = firstVisible + Math.floor(rand() * visible);
      const line = lines[n];
      const at = Math.floor(rand() * (line.length + 1));
      lines[n] = line.slice(0, at) + 'x' + line.slice(at);
      sink += scanner.scanLines((k) => lines[k], firstVisible, firstVisible + visible).length;
      lines[n] = line;
    }
  };
  run(); // warm-up
  const ms = best(5, run);
  if (sink < 0) console.log(sink);
  return (ms * 1000) / edits;
}

export function benchScanner(quick: boolean): string[] {
  const corpus = loadCorpus();
  // The product's scanner, as the extension loads it: through the ahead-of-time module when it was built.
  if (aotBuilt()) useAotScanner(new WebAssembly.Module(fs.readFileSync(path.join(DIST_DIR, 'scanner.wasm'))));
  const scanner = createScanner();
  const linkify = newLinkify();
  const lines: string[] = [];

  const mix = generateLines(corpus, quick ? 300_000 : 10_000_000, 1);
  throughput(scanner, linkify, mix.slice(0, 2000), 1); // warm-up: JIT and the suffix caches
  const t = throughput(scanner, linkify, mix, quick ? 1 : 3);
  const ours = scoreCorpus(corpus, (f) => scanner.scanText(f.text));
  const theirs = scoreCorpus(corpus, (f) => linkifyPredictions(linkify, f));
  const labels = corpus.reduce((n, f) => n + f.labels.length, 0);
  lines.push(
    `scanner throughput            NetLens ${t.ours.toFixed(1)} MB/s   baseline linkify-it ${t.theirs.toFixed(1)} MB/s   ratio ${(t.ours / t.theirs).toFixed(1)}×   ` +
      `(${t.mb.toFixed(1)} MB, line by line)`
  );
  lines.push(
    `scanner precision (corpus)    NetLens ${ours.precision.toFixed(3)} (recall ${ours.recall.toFixed(3)})   baseline linkify-it ${theirs.precision.toFixed(3)} (recall ${theirs.recall.toFixed(3)})   ` +
      `ratio ${(ours.precision / theirs.precision).toFixed(2)}×   (${corpus.length} files, ${labels} labels)`
  );
  // The corpora written by people who never read the scanner: `independent` and `heldout` were tuned on (issue 13),
  // `heldout2` hardly (two labeling conventions looked up in it); `heldout3` was not until stop 25, when `heldout4` and
  // `heldout5` were written, scored once and tuned on; `heldout6`, written after that, never; nor `heldout7` (stop 29).
  for (const name of ['independent', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7']) {
    const other = loadCorpus(path.join(REPO_ROOT, 'test', 'fixtures', `scanner-corpus-${name}`));
    const a = scoreCorpus(other, (f) => scanner.scanText(f.text));
    const b = scoreCorpus(other, (f) => linkifyPredictions(linkify, f));
    lines.push(
      `scanner precision (${name.padEnd(11)})  NetLens ${a.precision.toFixed(3)} (recall ${a.recall.toFixed(3)})   baseline linkify-it ${b.precision.toFixed(3)} (recall ${b.recall.toFixed(3)})   ` +
        `ratio ${(a.precision / b.precision).toFixed(2)}×   (${other.length} files, ${other.reduce((n, f) => n + f.labels.length, 0)} labels)`
    );
  }

  // Issue 13: a dense file (≥ 1 host per 100 bytes), the core scan alone vs linkify-it, in-process, line by line.
  const dense = generateDense(quick ? 300_000 : 10_000_000, 7);
  const denseLines = dense.text.split('\n');
  let denseMatches = 0;
  for (let i = 0; i < denseLines.length; i++) denseMatches += scanner.scanLine(denseLines[i], i).length;
  const d = versus(
    (l, n) => scanner.scanLine(l, n).length,
    (l) => linkify.match(l)?.length ?? 0,
    denseLines,
    quick ? 1 : 3
  );
  lines.push(
    `scanner dense throughput      NetLens ${d.a.toFixed(1)} MB/s   baseline linkify-it ${d.b.toFixed(1)} MB/s   ratio ${(d.a / d.b).toFixed(1)}×   ` +
      `(${d.mb.toFixed(1)} MB, ${denseMatches.toLocaleString('en-US')} matches = 1 per ${(dense.bytes / denseMatches).toFixed(0)} bytes, ${dense.planted.toLocaleString('en-US')} planted; line by line, in-process)`
  );

  // Issue 13: today's scanner against the frozen copy of the one at 7cb81ee (bench/frozenScanner), on the sparse mix,
  // each in fresh processes (bench/scanThroughputChild.ts), alternating, the best of each. Five pairs: with another
  // process busy on the machine one process of a pair measured up to 1.7× slower than the same code in the next.
  const child = (which: string): { mbPerS: number; mb: number } =>
    JSON.parse(
      execFileSync(process.execPath, [path.join(__dirname, 'scanThroughputChild.js'), which, String(quick ? 300_000 : 10_000_000), quick ? '1' : '3'], { encoding: 'utf8' })
    ) as { mbPerS: number; mb: number };
  let cur = 0;
  let ts = 0;
  let frz = 0;
  let sparseMb = 0;
  for (let r = 0; r < (quick ? 1 : 5); r++) {
    const c = child('current');
    cur = Math.max(cur, c.mbPerS);
    ts = Math.max(ts, child('typescript').mbPerS);
    frz = Math.max(frz, child('frozen').mbPerS);
    sparseMb = c.mb;
  }
  lines.push(
    `scanner vs frozen scanner     NetLens ${cur.toFixed(1)} MB/s   baseline frozen 7cb81ee ${frz.toFixed(1)} MB/s   ratio ${(cur / frz).toFixed(2)}× (target ≥ 3)   ` +
      `(${sparseMb.toFixed(1)} MB sparse mix, line by line, each in a fresh process; NetLens ${aotBuilt() ? 'through dist/scanner.wasm' : 'in TypeScript: dist/scanner.wasm was not built'})`
  );
  lines.push(
    `scanner TypeScript alone      ${ts.toFixed(1)} MB/s   baseline frozen 7cb81ee ${frz.toFixed(1)} MB/s   ratio ${(ts / frz).toFixed(2)}×   (the same runs; what a machine without the module scans at)`
  );

  // 50,000 lines (~1.5 MB): the viewport after an edit vs the whole file.
  const big: string[] = [];
  const src = generateLines(corpus, 3_000_000, 2);
  for (let i = 0; i < 50_000; i++) big.push(src[i % src.length]);
  const visible = 100;
  const first = 25_000;
  const edit = perEditMicros(scanner, big, first, visible, quick ? 20 : 300);
  const full = best(quick ? 1 : 3, () => void scanner.scanLines((k) => big[k], 0, big.length)) * 1000;
  lines.push(`scanner per keystroke         visible ${visible} lines ${edit.toFixed(1)} µs   baseline full scan of ${big.length.toLocaleString('en-US')} lines ${(full / 1000).toFixed(1)} ms   ratio ${(full / edit).toFixed(0)}×`);

  // The same viewport content in a 10 KB and a 1 MB document: the 10 KB one is a prefix of the 1 MB one.
  const mbDoc = generateLines(corpus, 1_000_000, 3);
  let kbLines = 0;
  for (let bytes = 0; bytes < 10_000 && kbLines < mbDoc.length; kbLines++) bytes += Buffer.byteLength(mbDoc[kbLines]) + 1;
  const kbDoc = mbDoc.slice(0, Math.max(kbLines, visible));
  const editKb = perEditMicros(scanner, kbDoc, 0, visible, quick ? 20 : 500);
  const editMb = perEditMicros(scanner, mbDoc, 0, visible, quick ? 20 : 500);
  lines.push(
    `scanner per-edit scaling      1 MB file (${mbDoc.length.toLocaleString('en-US')} lines) ${editMb.toFixed(1)} µs   baseline 10 KB file (${kbDoc.length} lines) ${editKb.toFixed(1)} µs   ratio ${(editMb / editKb).toFixed(2)}× (must be ≤ 1.5)`
  );
  return lines;
}
