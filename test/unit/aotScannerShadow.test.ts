// Lines with non-ASCII characters through the ahead-of-time module: the product's scanner (AotHostScanner) gives
// them to the C as their ASCII shadows (asciiShadow.ts), and its matches must be the TypeScript scanner's on the
// lines themselves. Inputs: every corpus line, and random lines (the rules' fragments, asciiLine) and corpus lines
// with non-ASCII characters of every class put in at random places: letters that change case and that do not,
// marks, numbers, joiners, Unicode spaces and line terminators, bidi controls, punctuation, surrogates, and the
// characters and top-level domains the module hands back; and the dense text the bench scans.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import { HostScanner, type HostMatch } from '../../src/core/scanner';
import { AotHostScanner, useAotModule } from '../../src/core/scanner/aotScanner';
import { SHADOW_ENDS_URL, SHADOW_HAND_BACK, SHADOW_LABEL, SHADOW_LINE_TERMINATOR, SHADOW_OTHER, SHADOW_SPACE, SHADOW_SPACE_ENDS_URL, shadowByte } from '../../src/core/scanner/asciiShadow';
import { endsUrl, isLabelChar } from '../../src/core/scanner/charClass';
import { asciiLine } from '../support/asciiLines';
import { generateDense } from '../support/denseCorpus';
import { prng } from '../support/prng';
import { loadCorpus } from '../support/scannerCorpus';
import { ALL_CORPORA, SCANNER_WASM, scannerWasmOrSkip } from '../support/scannerWasm';
import * as path from 'path';
import { REPO_ROOT } from '../support/paths';

/** Non-ASCII code units and strings of every shadow class, and the ones the module hands back. */
const UNITS = [
  'é', 'É', 'ß', 'ö', 'Ö', 'ü', 'ı', 'ǅ', 'Σ', 'σ', 'ς', 'ʼ', 'ª', '٣', '①', 'Ⅻ', '\u0301', '\u00ad', '\u200c', '\u200d', '\u2060', '\u1806',
  '\u200b', '\u00a0', '\u2028', '\u2029', '\u1680', '\u3000', '\ufeff', '\u200e', '\u202a', '\u2061', '\u2003', '\u202f', '\u205f',
  '😀', '\ud800', '\udc00', '\u0085', '§', '–', '“', '”', '«', '»', '．', '。', '·', '€', '\u2212', '・',
  'İ', '\u212a', 'рф', 'р', 'ф', '中国', 'vermögensberater', 'VERMÖGENSBERATUNG', 'münchen', 'ÉCOLE', 'straße', 'ΑΘΗΝΑ',
  '.рф', '.中国', 'пример.рф', 'bücher.example', 'café', 'CAFÉ.EXAMPLE.COM', 'naïve', 'Ω',
];

function inject(rng: () => number, line: string, count: number): string {
  let s = line;
  for (let k = 0; k < count; k++) {
    const at = Math.floor(rng() * (s.length + 1));
    const unit = UNITS[Math.floor(rng() * UNITS.length)];
    const replace = rng() < 0.4 && at < s.length ? 1 : 0;
    s = s.slice(0, at) + unit + s.slice(at + replace);
  }
  return s;
}

describe('non-ASCII lines through the ahead-of-time module (ASCII shadows)', function () {
  this.timeout(300_000);
  let aot: AotHostScanner;
  let ts: HostScanner;
  before(function () {
    scannerWasmOrSkip(this);
    useAotModule(new WebAssembly.Module(fs.readFileSync(SCANNER_WASM)));
    aot = AotHostScanner.create()!;
    ts = new HostScanner();
  });
  after(() => useAotModule(null));

  /**
   * Scans every line with both and compares; returns how many lines had non-ASCII characters and how many of those
   * the module scanned (AotHostScanner hands the others to the TypeScript it extends: counted by wrapping that method).
   */
  function compare(lines: Iterable<string>, what: string): { lines: number; shadowed: number } {
    let count = 0;
    let shadowed = 0;
    let handedBack = 0;
    const typescript = Object.getOwnPropertyDescriptor(HostScanner.prototype, 'scanLineInto')!;
    const scanLineInto = typescript.value as HostScanner['scanLineInto'];
    Object.defineProperty(HostScanner.prototype, 'scanLineInto', {
      ...typescript,
      value(this: HostScanner, ...args: Parameters<HostScanner['scanLineInto']>) {
        if (this === aot) handedBack++;
        return scanLineInto.apply(this, args);
      },
    });
    const got: HostMatch[] = [];
    const failures: string[] = [];
    try {
      for (const line of lines) {
        const before = handedBack;
        got.length = 0;
        aot.scanLineInto(line, 3, got);
        if (/[^\0-\x7f]/.test(line)) {
          count++;
          if (handedBack === before) shadowed++;
        }
        const want = ts.scanLine(line, 3);
        if (JSON.stringify(got) !== JSON.stringify(want) && failures.push(`${JSON.stringify(line)}\n  module     ${JSON.stringify(got)}\n  TypeScript ${JSON.stringify(want)}`) >= 10) break;
      }
    } finally {
      Object.defineProperty(HostScanner.prototype, 'scanLineInto', typescript);
    }
    assert.deepStrictEqual(failures, [], `${what}: ${failures.length} lines differ`);
    return { lines: count, shadowed };
  }

  it('gives each non-ASCII code unit the class the scanner reads (isLabelChar, endsUrl, \\s, `.`, case)', function () {
    for (let c = 128; c < 0x10000; c++) {
      const v = shadowByte(c);
      const ch = String.fromCharCode(c);
      if (v === SHADOW_HAND_BACK) {
        assert.ok(/[\0-\x7f]/.test(ch.toLowerCase()), `U+${c.toString(16)} handed back`);
        continue;
      }
      const label = v >= SHADOW_LABEL && v < SHADOW_SPACE_ENDS_URL;
      assert.strictEqual(label, isLabelChar(c), `U+${c.toString(16)} label`);
      if (label) {
        assert.strictEqual((v & 1) !== 0, ch.toLowerCase() !== ch, `U+${c.toString(16)} lower`);
        assert.strictEqual((v & 2) !== 0, ch.toUpperCase() !== ch, `U+${c.toString(16)} upper`);
      } else {
        assert.strictEqual(endsUrl(c), v === SHADOW_SPACE_ENDS_URL || v === SHADOW_LINE_TERMINATOR || v === SHADOW_ENDS_URL, `U+${c.toString(16)} endsUrl`);
        assert.strictEqual(/\s/.test(ch), v === SHADOW_SPACE_ENDS_URL || v === SHADOW_LINE_TERMINATOR || v === SHADOW_SPACE, `U+${c.toString(16)} \\s`);
        assert.strictEqual(!/./.test(ch), v === SHADOW_LINE_TERMINATOR, `U+${c.toString(16)} .`);
        if (v === SHADOW_OTHER) assert.ok(!endsUrl(c) && !/\s/.test(ch));
      }
    }
    for (const c of [0x212a, 0x130]) assert.strictEqual(shadowByte(c), SHADOW_HAND_BACK);
  });

  it("finds the TypeScript's matches on every corpus line", function () {
    const lines: string[] = [];
    for (const dir of ALL_CORPORA) for (const f of loadCorpus(path.join(REPO_ROOT, 'test', 'fixtures', dir))) lines.push(...f.text.split(/\r\n|\n|\r/));
    const r = compare(lines, 'corpus');
    assert.ok(lines.length > 19_000 && r.lines > 20 && r.shadowed > r.lines * 0.9, `${lines.length} lines, ${r.shadowed} of ${r.lines} non-ASCII ones through the module`);
  });

  it("finds the TypeScript's matches on corpus lines with non-ASCII characters put in", function () {
    const rng = prng(13);
    const lines: string[] = [];
    for (const dir of ALL_CORPORA) for (const f of loadCorpus(path.join(REPO_ROOT, 'test', 'fixtures', dir))) lines.push(...f.text.split(/\r\n|\n|\r/));
    const variants = (function* () {
      for (let round = 0; round < 10; round++) for (const line of lines) yield inject(rng, line, 1 + Math.floor(rng() * 3));
    })();
    const r = compare(variants, 'corpus with non-ASCII');
    assert.ok(r.shadowed > r.lines * 0.8, `${r.shadowed} of ${r.lines} non-ASCII lines through the module`);
  });

  it("finds the TypeScript's matches on 2 MB of the dense text (a line in eleven is not ASCII)", function () {
    const lines = generateDense(2_000_000, 11).text.split('\n');
    const r = compare(lines, 'dense');
    assert.ok(r.lines > lines.length / 20 && r.shadowed === r.lines, `${r.shadowed} of ${r.lines} non-ASCII lines through the module`);
  });

  it("finds the TypeScript's matches on random lines of the rules' fragments and non-ASCII characters", function () {
    const rng = prng(29);
    const samples = fc.sample(asciiLine(UNITS, 32), { numRuns: 400_000, seed: 29 });
    const r = compare(
      samples.map((s) => inject(rng, s, 1 + Math.floor(rng() * 3))),
      'random'
    );
    assert.ok(r.shadowed > r.lines * 0.8, `${r.shadowed} of ${r.lines} non-ASCII lines through the module`);
  });
});
