// suffixRules.ts in C (native/scanner/suffixrules.c) against the TypeScript: the class of every last label (each
// ICANN TLD and its neighbours, every label of the corpora), `new PrivateSuffixes(list)`'s normalisation of its
// entries and classifyHost with the built-in and configured private suffixes on every dotted word of the corpora
// and on random names. A difference is a bug in the port.
import * as assert from 'assert';
import * as fs from 'fs';
import fc from 'fast-check';
import { scannerWasmImports } from '../../src/cli/scannerModule';
import { BUILTIN_PRIVATE_SUFFIXES, classifyHost, classifyLastLabel, COMMON_TLDS, FILE_EXTENSION_TLDS, ICANN_TLD_SET, PrivateSuffixes } from '../../src/core/scanner/suffixRules';
import { corpusAsciiLines, isAscii, loadScannerWasm, SCANNER_WASM, scannerWasmOrSkip, setWasmPrivateSuffixes, type ScannerWasm, type WasmFn } from '../support/scannerWasm';

/** The private suffix lists the tests configure (the setting's entries as a user writes them), the built-ins first. */
const PRIVATE_LISTS: readonly (readonly string[])[] = [
  [],
  ['corp.example', '.svc.cluster', 'LAB', 'a.b.c'],
  ['*.corp.acme', '  Internal.Acme.  ', '..dev.', '*.', '.', '', ' ', '*', '*foo', 'x..y', 'k8s.io', 'com', 'io.', 'pvt.k8s.example.com'],
  ['svc.cluster.local', 'home', 'private', 'net.', '\tcorp\n', '\v\fmy.lan\r', '\x1cnot.trimmed\x1f', '*..deep.one', 'a.b.c.d.e.f.g'],
];

/** `new PrivateSuffixes(list)` in C: 0 when it took them, -1 when it refused (PrivateSuffixes_set's answer). */
function setPrivates(wasm: ScannerWasm, list: readonly string[]): number {
  return setWasmPrivateSuffixes(wasm, list) ? 0 : -1;
}

/** The C's current suffixes, as a sorted list. */
function cSuffixes(wasm: ScannerWasm): string[] {
  const e = wasm.exports;
  const out: string[] = [];
  for (let k = 0; k < e.t_privateCount(); k++) out.push(wasm.text(e.t_privateSuffix(k), e.t_privateSuffixLen(k)));
  return out.sort();
}

/** The TypeScript's compiled suffixes (private fields, read for the comparison). */
function tsState(p: PrivateSuffixes): { suffixes: string[]; maxLabels: number; lastLabels: number } {
  return { suffixes: [...p['suffixes']].sort(), maxLabels: p['maxLabels'], lastLabels: p['lastLabels'].size };
}

/** Sets the list in both and checks that they compiled it alike. */
function configure(wasm: ScannerWasm, list: readonly string[]): PrivateSuffixes {
  const p = new PrivateSuffixes(list);
  assert.strictEqual(setPrivates(wasm, list), 0, `PrivateSuffixes_set(${JSON.stringify(list)})`);
  const ts = tsState(p);
  assert.deepStrictEqual(cSuffixes(wasm), ts.suffixes, `suffixes of ${JSON.stringify(list)}`);
  assert.strictEqual(wasm.exports.t_privateMaxLabels(), ts.maxLabels, `maxLabels of ${JSON.stringify(list)}`);
  assert.strictEqual(wasm.exports.t_privateLastLabelCount(), ts.lastLabels, `lastLabels of ${JSON.stringify(list)}`);
  return p;
}

/** classifyHost(host, lastLabel) in both; lastLabel defaults to the host's last label, as the scanner passes it. */
function compareHost(wasm: ScannerWasm, p: PrivateSuffixes, host: string, lastLabel = host.slice(host.lastIndexOf('.') + 1)): void {
  const c = wasm.onLine('t_classifyHost', host + lastLabel, host.length, host.length, lastLabel.length);
  const ts = classifyHost(host, lastLabel, p);
  if (c !== ts) assert.fail(`classifyHost(${JSON.stringify(host)}, ${JSON.stringify(lastLabel)}): TypeScript ${ts}, C ${c}`);
}

function compareLabel(wasm: ScannerWasm, label: string): void {
  const c = wasm.onLine('t_classifyLastLabel', label);
  const ts = classifyLastLabel(label);
  if (c !== ts) assert.fail(`classifyLastLabel(${JSON.stringify(label)}): TypeScript ${ts}, C ${c}`);
}

/** Every dotted word of the corpora, lower-cased (as the scanner classifies them), with and without its edge dots. */
function corpusDottedWords(): string[] {
  const words = new Set<string>();
  for (const line of corpusAsciiLines()) {
    for (const w of line.split(/[^A-Za-z0-9_.*-]+/)) {
      if (!w.includes('.')) continue;
      const lower = w.toLowerCase();
      words.add(lower);
      words.add(lower.replace(/^\.+|\.+$/g, ''));
    }
  }
  return [...words];
}

describe('scanner.wasm suffixRules: TLD classes, private suffixes, classifyHost (C against TypeScript)', function () {
  this.timeout(120_000);

  afterEach(function () {
    const wasm = loadScannerWasm();
    if (wasm) setPrivates(wasm, []); // the built-ins again, for the other suites
  });

  it('classifies every ICANN TLD, every listed TLD and their neighbours as classifyLastLabel does', function () {
    const wasm = scannerWasmOrSkip(this);
    const labels = new Set<string>(['', '.', 'x', 'xn--', 'xn-', 'com.', '.com', 'c0m', 'zz', 'a'.repeat(255), 'a'.repeat(256)]);
    for (const tld of [...ICANN_TLD_SET, ...COMMON_TLDS, ...FILE_EXTENSION_TLDS, ...BUILTIN_PRIVATE_SUFFIXES]) {
      if (!isAscii(tld)) continue;
      for (const l of [tld, tld.slice(1), tld.slice(0, -1), `${tld}s`, `${tld}-`, `_${tld}`, `${tld}${tld}`, tld.toUpperCase(), `${tld[0].toUpperCase()}${tld.slice(1)}`]) labels.add(l);
      // Every one-letter change at each end: the table's order (length, then bytes) is probed on both sides.
      for (let c = 32; c < 127; c++) labels.add(String.fromCharCode(c) + tld.slice(1)).add(tld.slice(0, -1) + String.fromCharCode(c));
      // And inside: wordset.c's hash keys a long word by its first and last four bytes, and compares the rest.
      for (const at of new Set([4, tld.length >> 1, tld.length - 5])) {
        if (at < 0 || at >= tld.length) continue;
        for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789-') labels.add(tld.slice(0, at) + c + tld.slice(at + 1));
      }
    }
    assert.ok(labels.size > 100_000, `${labels.size} labels`);
    for (const l of labels) compareLabel(wasm, l);
  });

  it('classifies every label and dotted word of the corpora as classifyLastLabel does', function () {
    const wasm = scannerWasmOrSkip(this);
    const labels = new Set<string>();
    for (const w of corpusDottedWords()) for (const l of [w, ...w.split('.')]) labels.add(l);
    for (const line of corpusAsciiLines()) for (const w of line.split(/[^A-Za-z0-9_-]+/)) labels.add(w.toLowerCase());
    assert.ok(labels.size > 10_000, `only ${labels.size} corpus labels`);
    for (const l of labels) compareLabel(wasm, l);
  });

  it('trims entries and strips their dots as trim() and the constructor\'s two regexes do', function () {
    const wasm = scannerWasmOrSkip(this);
    const check = (s: string): void => {
      const t = s.trim();
      const start = s.length - s.trimStart().length;
      assert.strictEqual(wasm.onLine('t_trim', s), (start << 16) | (start + t.length), `trim ${JSON.stringify(s)}`);
      // /^\*?\.+/ and /\.+$/ on the line itself: where the rest starts, where it ends.
      assert.strictEqual(wasm.onLine('t_stripStarDots', s), s.length - s.replace(/^\*?\.+/, '').length, `/^\\*?\\.+/ on ${JSON.stringify(s)}`);
      assert.strictEqual(wasm.onLine('t_stripTrailingDots', s), s.replace(/\.+$/, '').length, `/\\.+$/ on ${JSON.stringify(s)}`);
    };
    for (let c = 0; c < 128; c++) for (const s of [String.fromCharCode(c), `${String.fromCharCode(c)}a${String.fromCharCode(c)}`, `*${String.fromCharCode(c)}.`]) check(s);
    for (const line of corpusAsciiLines()) check(line.slice(0, 200));
    const part = fc.constantFrom('*', '.', '..', '*.', ' ', '\t', '\n', '\v', '\f', '\r', '\x1c', '\x1f', '\x00', 'a', 'Corp', '-', '_', '**');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 10 }), (parts) => check(parts.join(''))),
      { numRuns: 20_000 }
    );
  });

  it('compiles private suffix lists as new PrivateSuffixes(list) does', function () {
    const wasm = scannerWasmOrSkip(this);
    for (const list of PRIVATE_LISTS) configure(wasm, list);
    const entry = fc.array(fc.constantFrom('*', '.', '..', ' ', '\t', '\r\n', '\v', '\x1c', 'a', 'B', 'corp', 'LAB', 'svc', 'local', 'home.arpa', 'x-y', '_'), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (list) => {
        configure(wasm, list);
      }),
      { numRuns: 5_000 }
    );
  });

  it('refuses non-ASCII entries and lists past its room, keeping the suffixes it had', function () {
    const wasm = scannerWasmOrSkip(this);
    configure(wasm, ['kept.example']);
    const before = cSuffixes(wasm);
    // toLowerCase() maps the Kelvin sign to an ASCII k: the C leaves every non-ASCII entry to the TypeScript.
    for (const bad of [['\u212Aube'], ['ok', 'caf\u00e9'], ['\u00a0corp'], ['corp\ufeff'], ['\u0130nternal']]) {
      assert.strictEqual(setPrivates(wasm, bad), -1, JSON.stringify(bad));
      assert.deepStrictEqual(cSuffixes(wasm), before, `after ${JSON.stringify(bad)}`);
    }
    // 1,024 distinct suffixes, built-ins included; duplicates take no room.
    const builtins = new PrivateSuffixes()['suffixes'].size;
    const many = (k: number): string[] => Array.from({ length: k }, (_, i) => `s${i}.corp`);
    configure(wasm, many(1024 - builtins));
    configure(wasm, [...many(1024 - builtins), ...many(1024 - builtins), 'LOCAL', ' test. ']);
    assert.strictEqual(setPrivates(wasm, many(1024 - builtins + 1)), -1, 'one suffix past the room');
    // 64 KiB of suffix bytes, built-ins included.
    const builtinBytes = [...new PrivateSuffixes()['suffixes']].reduce((sum, s) => sum + s.length, 0);
    configure(wasm, ['x'.repeat(65536 - builtinBytes)]);
    configure(wasm, ['x'.repeat(30000), 'y'.repeat(65536 - builtinBytes - 30000), ' '.repeat(5000), '.'.repeat(300)]);
    assert.strictEqual(setPrivates(wasm, ['x'.repeat(65536 - builtinBytes + 1)]), -1, 'one byte past the room');
    assert.strictEqual(setPrivates(wasm, ['x'.repeat(30000), 'y'.repeat(65536 - builtinBytes - 30000 + 1)]), -1, 'one byte past the room in two');
  });

  it('starts with the built-in private suffixes, before any PrivateSuffixes_set', function () {
    scannerWasmOrSkip(this);
    // A fresh instance of the module (the shared one has had lists set by now): its first classifyHost builds them.
    const own: { memory?: WebAssembly.Memory } = {};
    const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(SCANNER_WASM)), scannerWasmImports(() => own.memory!));
    own.memory = instance.exports.memory as WebAssembly.Memory;
    const e = instance.exports as unknown as Record<string, WasmFn> & { memory: WebAssembly.Memory };
    const p = new PrivateSuffixes();
    for (const host of [...corpusDottedWords(), 'db.internal', 'a.home.arpa', 'home.arpa', 'arpa', 'svc.cluster.local', 'x.consul', 'test']) {
      const ptr = e.Input_reserve(host.length + 1);
      new Uint8Array(e.memory.buffer, ptr, host.length).set(Buffer.from(host, 'latin1'));
      const last = host.lastIndexOf('.') + 1;
      const c = e.t_classifyHost(ptr, host.length, host.length, last, host.length - last);
      if (c !== classifyHost(host, host.slice(last), p)) assert.fail(`classifyHost(${JSON.stringify(host)}) with the built-ins: TypeScript ${classifyHost(host, host.slice(last), p)}, C ${c}`);
    }
    const suffixes: string[] = [];
    for (let k = 0; k < e.t_privateCount(); k++) suffixes.push(Buffer.from(e.memory.buffer, e.t_privateSuffix(k), e.t_privateSuffixLen(k)).toString('latin1'));
    const ts = tsState(p);
    assert.deepStrictEqual(suffixes.sort(), ts.suffixes);
    assert.strictEqual(e.t_privateMaxLabels(), ts.maxLabels);
    assert.strictEqual(e.t_privateLastLabelCount(), ts.lastLabels);
  });

  it('classifies every dotted word of the corpora as classifyHost does, with each list of private suffixes', function () {
    const wasm = scannerWasmOrSkip(this);
    const words = corpusDottedWords();
    assert.ok(words.length > 5_000, `only ${words.length} dotted words`);
    for (const list of PRIVATE_LISTS) {
      const p = configure(wasm, list);
      for (const w of words) {
        compareHost(wasm, p, w);
        // Each of its label suffixes (`a.b.c`, `b.c`, `c`), as the names under it end.
        for (let d = w.indexOf('.'); d >= 0; d = w.indexOf('.', d + 1)) compareHost(wasm, p, w.slice(d + 1));
        // Its name under each private suffix, and the suffix alone.
        for (const s of tsState(p).suffixes) {
          compareHost(wasm, p, `${w}.${s}`);
          compareHost(wasm, p, s);
        }
      }
    }
  });

  it('classifies names under a full room of private suffixes as classifyHost does', function () {
    const wasm = scannerWasmOrSkip(this);
    // suffixrules.c's hash tables at their largest (1,024 suffixes, 4,096 slots each), probed with names near them.
    const builtins = new PrivateSuffixes()['suffixes'].size;
    const list = Array.from({ length: 1024 - builtins }, (_, i) => (i % 3 === 0 ? `s${i}.corp` : i % 3 === 1 ? `lab${i}` : `n${i}.x${i % 97}.grp`));
    const p = configure(wasm, list);
    for (let i = 0; i < 1100; i++) {
      for (const host of [`s${i}.corp`, `a.s${i}.corp`, `lab${i}`, `www.lab${i}`, `n${i}.x${i % 97}.grp`, `n${i}.x${(i + 1) % 97}.grp`, `q.x${i % 97}.grp`, `lab${i}.com`, `s${i}.corpx`]) compareHost(wasm, p, host);
    }
  });

  it('classifies random names made of TLDs, private suffixes and their labels as classifyHost does', function () {
    const wasm = scannerWasmOrSkip(this);
    const lists = PRIVATE_LISTS.map((list) => ({ list, p: new PrivateSuffixes(list) }));
    const labels = [...new Set([...lists.flatMap(({ p }) => tsState(p).suffixes.flatMap((s) => [s, ...s.split('.')])), 'com', 'io', 'md', 'app', 'ts', 'json', 'db', 'www', 'x', '', '-', 'svc', 'cluster', 'arpa', 'home'])];
    const label = fc.constantFrom(...labels);
    for (const { list, p } of lists) {
      configure(wasm, list);
      fc.assert(
        fc.property(fc.array(label, { minLength: 1, maxLength: 7 }), fc.option(label), (parts, last) => {
          const host = parts.join('.');
          compareHost(wasm, p, host);
          if (last !== null) compareHost(wasm, p, host, last); // a last label that is not the host's own
        }),
        { numRuns: 10_000 }
      );
    }
  });
});
