// The ahead-of-time scanner's base against the TypeScript: character classes, IP literals and host syntax, on every
// ASCII line of the corpora at every position and on random lines. A difference is a bug in the port (native/scanner).
import * as assert from 'assert';
import fc from 'fast-check';
import { classBits, endsUrl, isQuote, isSpaceChar } from '../../src/core/scanner/charClass';
import { CODE_RECEIVERS, HOST_MEMBER_NAMES, MODULE_LINE_WORDS, NOT_A_HOST_BEFORE_PORT, NOT_A_HOST_WORDS, REVERSED_DOMAIN_ROOTS, STRING_PREFIXES } from '../../src/core/scanner/codeHeuristics';
import { badLabel, hostSyntaxEnd } from '../../src/core/scanner/hostSyntax';
import { hasDigit, ipv4End, ipv6End, zoneEnd } from '../../src/core/scanner/ipLiterals';
import { asciiLine } from '../support/asciiLines';
import { corpusAsciiLines, scannerWasmOrSkip, type ScannerWasm } from '../support/scannerWasm';

/** Every recogniser of ipLiterals and hostSyntax at position i of a line, TypeScript against C. */
function comparePositions(wasm: ScannerWasm, s: string, i: number): void {
  const n = s.length;
  const ptr = wasm.put(s);
  const e = wasm.exports;
  // A limit past the line's end too: the characters there are no line's (the C must not read them as the line's).
  for (const limit of [n, Math.min(n, i + 5), n + 3]) {
    const same = (name: string, ts: number | boolean, c: number): void => {
      if (Number(ts) !== c) assert.fail(`${name}(${JSON.stringify(s)}, ${i}, ${limit}): TypeScript ${Number(ts)}, C ${c}`);
    };
    same('ipv4End', ipv4End(s, i, limit), e.t_ipv4End(ptr, n, i, limit));
    same('ipv6End', ipv6End(s, i, limit), e.t_ipv6End(ptr, n, i, limit));
    same('zoneEnd', zoneEnd(s, i, limit), e.t_zoneEnd(ptr, n, i, limit));
    same('hasDigit', hasDigit(s, i, limit), e.t_hasDigit(ptr, n, i, limit));
    same('hostSyntaxEnd', hostSyntaxEnd(s, i, limit, false), e.t_hostSyntaxEnd(ptr, n, i, limit, 0));
    same('hostSyntaxEnd whole', hostSyntaxEnd(s, i, limit, true), e.t_hostSyntaxEnd(ptr, n, i, limit, 1));
    same('badLabel', badLabel(s, i, limit), e.t_badLabel(ptr, n, i, limit));
  }
}

describe('scanner.wasm base: character classes, IP literals, host syntax, word sets (C against TypeScript)', function () {
  this.timeout(120_000);

  it('classifies every ASCII character and -1 as charClass.ts does', function () {
    const wasm = scannerWasmOrSkip(this);
    for (let c = -1; c < 128; c++) {
      // classBits(-1) is `undefined` (ASCII[-1]), which every `&` the scanner applies reads as 0.
      assert.strictEqual(wasm.exports.t_classBits(c), classBits(c) | 0, `classBits(${c})`);
      // The C's -1 outside the line is charCodeAt's NaN there (endsUrl(-1) would be true, endsUrl(NaN) is false).
      const ch = c < 0 ? NaN : c;
      assert.strictEqual(wasm.exports.t_endsUrl(c), Number(endsUrl(ch)), `endsUrl(${ch})`);
      assert.strictEqual(wasm.exports.t_isSpace(c), Number(isSpaceChar(ch)), `isSpaceChar(${ch})`);
      assert.strictEqual(wasm.exports.t_isQuote(c), Number(isQuote(ch)), `isQuote(${ch})`);
    }
  });

  it('agrees at every position of every ASCII corpus line', function () {
    const wasm = scannerWasmOrSkip(this);
    const lines = corpusAsciiLines();
    assert.ok(lines.length > 15_000, `only ${lines.length} corpus lines`);
    for (const s of lines) for (let i = 0; i <= s.length; i++) comparePositions(wasm, s, i);
  });

  it('agrees at every position of random lines of addresses and names', function () {
    const wasm = scannerWasmOrSkip(this);
    const v6 = ['0', 'f', 'ffff', '12345', 'g', '::', ':', '.', '1.2.3.4', '%', '%eth0.', '%25en0', '00', '01', '255', '256', '300', '999', '1000'];
    fc.assert(
      fc.property(asciiLine(v6, 16), (s) => {
        for (let i = 0; i <= s.length; i++) comparePositions(wasm, s, i);
      }),
      { numRuns: 20_000 }
    );
  });

  it('agrees on dotted numbers around every octet bound', function () {
    const wasm = scannerWasmOrSkip(this);
    const octet = fc.oneof(fc.integer({ min: 0, max: 1100 }).map(String), fc.constantFrom('00', '01', '0255', ''));
    fc.assert(
      fc.property(fc.array(octet, { minLength: 1, maxLength: 6 }), fc.constantFrom('', ':', '.', 'x', ' '), (parts, tail) => {
        const s = parts.join('.') + tail;
        for (let i = 0; i <= s.length; i++) comparePositions(wasm, s, i);
      }),
      { numRuns: 20_000 }
    );
  });

  it('has exactly codeHeuristics.ts\'s word sets (generated from them)', function () {
    const wasm = scannerWasmOrSkip(this);
    const sets = [CODE_RECEIVERS, REVERSED_DOMAIN_ROOTS, NOT_A_HOST_WORDS, HOST_MEMBER_NAMES, STRING_PREFIXES, NOT_A_HOST_BEFORE_PORT, MODULE_LINE_WORDS];
    const all = new Set(sets.flatMap((set) => [...set]));
    // Every word of every set, its neighbours (one letter more or less, capitalised) and every word of the corpora.
    const probes = new Set<string>();
    for (const w of all) for (const p of [w, w.slice(1), w.slice(0, -1), w + 's', w.toUpperCase(), `${w[0].toUpperCase()}${w.slice(1)}`, '']) probes.add(p);
    // One letter changed anywhere (wordset.c's hash keys a long word by its first and last four bytes, and compares the rest).
    for (const w of all) for (let at = 0; at < w.length; at++) for (const c of 'aez_-') probes.add(w.slice(0, at) + c + w.slice(at + 1));
    for (const line of corpusAsciiLines()) for (const w of line.split(/[^A-Za-z0-9_-]+/)) probes.add(w.toLowerCase());
    sets.forEach((set, k) => {
      for (const p of probes) {
        if (wasm.onLine('t_codeWordSet', p, k, 0, p.length) !== Number(set.has(p))) assert.fail(`set ${k}: ${JSON.stringify(p)}`);
      }
    });
  });
});
