// hostValuedKey.ts in C (native/scanner/hostvaluedkey.c) against the TypeScript: isValueOfHostKey at every position
// of every ASCII corpus line and of random lines made of keys, separators and quotes, and isHostKey on every key
// length that ends at every position. A difference is a bug in the port.
import * as assert from 'assert';
import fc from 'fast-check';
import { HOST_KEY_SUFFIXES } from '../../src/core/scanner/codeHeuristics';
import { isHostKey, isValueOfHostKey } from '../../src/core/scanner/hostValuedKey';
import { asciiLine } from '../support/asciiLines';
import { corpusAsciiLines, scannerWasmOrSkip, type ScannerWasm } from '../support/scannerWasm';

/** The longest suffix plus its separator and the character before: isHostKey reads no further back than this. */
const KEY_REACH = Math.max(...HOST_KEY_SUFFIXES.map((s) => s.length)) + 2;

/** isValueOfHostKey at every value position of the line (one before and one past it too), and isHostKey on every key that ends at each position. */
function compareLine(wasm: ScannerWasm, s: string, keys = true): void {
  const n = s.length;
  const ptr = wasm.put(s);
  const e = wasm.exports;
  for (let i = -1; i <= n + 1; i++) {
    const ts = isValueOfHostKey(s, i);
    const c = e.t_isValueOfHostKey(ptr, n, i);
    if (Number(ts) !== c) assert.fail(`isValueOfHostKey(${JSON.stringify(s)}, ${i}): TypeScript ${ts}, C ${c}`);
  }
  if (!keys) return;
  for (let end = 0; end <= n; end++) {
    // Starts that decide the answer: each key length up to KEY_REACH (b = 0 or not), and the line's start.
    for (let start = Math.max(0, end - KEY_REACH); start <= end; start++) compareKey(wasm, ptr, s, start, end);
    compareKey(wasm, ptr, s, 0, end);
  }
}

function compareKey(wasm: ScannerWasm, ptr: number, s: string, start: number, end: number): void {
  const ts = isHostKey(s, start, end);
  const c = wasm.exports.t_isHostKey(ptr, s.length, start, end);
  if (Number(ts) !== c) assert.fail(`isHostKey(${JSON.stringify(s)}, ${start}, ${end}): TypeScript ${ts}, C ${c}`);
}

/** Keys, separators, quotes and the look-back's edge cases. */
const FRAGMENTS = [
  'DB_HOST=', '"host": "', "'host' => '", 'host: ', 'host:', 'dbHost := "', ':=', '=>', '??', '||', '?', '|', ' ?? ', ' || ',
  'getenv("CACHE_HOST", "', "ENV.fetch('DB_HOST', '", 'os.environ.get("REDIS_HOST", "', '("', "('", ', "', ", '", ',',
  '${REDIS_HOST:-', '${REDIS_HOST:', '${', '$', '{', ':-', 'Data Source=', 'data source=', 'DATA SOURCE', 'Data  Source=', ' Source=',
  'process.env.REDIS_HOST', 'os.environ["DB_HOST"]', '["', '"]', '[', ']', '(', ')', '"', "'", '`', '=', '==', '!=', '<=', '>=', '::',
  '--server=', 'upstream-servers', 'redis.host', 'ghost', 'hostel', 'Host', 'HOST', 'HOSTS', 'dbHOST', 'DBHost', 'xServers', 'my_ip',
  'kdc', 'realm', 'nameServer', 'jumphost', 'x'.repeat(58), 'y'.repeat(60), 'z'.repeat(63), '.', '_', '-', ' ', '\t', '  ',
];

describe('scanner.wasm hostValuedKey: values of host keys (C against TypeScript)', function () {
  this.timeout(120_000);

  it('agrees at every position of every ASCII corpus line', function () {
    const wasm = scannerWasmOrSkip(this);
    const lines = corpusAsciiLines();
    assert.ok(lines.length > 15_000, `only ${lines.length} corpus lines`);
    for (const s of lines) compareLine(wasm, s);
  });

  it('agrees on every host key suffix in every case, with every separator and value opening', function () {
    const wasm = scannerWasmOrSkip(this);
    const cases = (w: string): string[] => [w, w.toUpperCase(), `${w[0].toUpperCase()}${w.slice(1)}`];
    for (const suffix of HOST_KEY_SUFFIXES) {
      for (const key of [...cases(suffix), ...cases(suffix).flatMap((c) => [`db_${c}`, `db-${c}`, `db.${c}`, `db${c}`, `DB${c}`, `g${c}`, `${c}s`, `${c}el`])]) {
        for (const sep of ['=', ': ', ':', ' = ', ' := ', ':=', ' => ', '==', '!=', '<=', '>=', '::', ' ?? ', ' || ', ', ', ',']) {
          for (const open of ['', '"', "'", '`', '[', ' ']) {
            compareLine(wasm, `${key}${sep}${open}value`, false);
            compareLine(wasm, `"${key}"${sep}${open}value`, false);
            compareLine(wasm, `getenv("${key}"${sep}${open}value`, false);
            compareLine(wasm, `\${${key}${sep}${open}value}`, false);
          }
        }
      }
    }
  });

  it('agrees at every position of random lines made of host-key fragments', function () {
    const wasm = scannerWasmOrSkip(this);
    fc.assert(
      fc.property(asciiLine([...FRAGMENTS, ...HOST_KEY_SUFFIXES], 12), (s) => compareLine(wasm, s)),
      { numRuns: 40_000 }
    );
  });

  it('agrees on keys around the 64-character limit', function () {
    const wasm = scannerWasmOrSkip(this);
    for (let len = 55; len <= 70; len++) {
      for (const tail of ['_host', 'Host', 'host', '_HOST']) {
        const key = 'k'.repeat(len - tail.length) + tail;
        for (const line of [`${key}=v`, `"${key}": "v`, `getenv("${key}", "v`, `\${${key}:-v`, `x.${key}=v`, `(${key}=v`]) compareLine(wasm, line);
      }
    }
  });
});
