// Property-based tests (fast-check, fixed seeds) of the scanner, which has no oracle: on lines mixing realistic
// hosts, URLs and code with hostile Unicode, no exception escapes, every match is its own slice of the line at
// valid UTF-16 offsets, matches are sorted and disjoint, and results are stable (same input, same output; a line
// scanned alone, after other lines, or inside a document gives the same matches).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createScanner, scanLine, scanLines, scanText, type HostMatch } from '../../src/core/scanner';
import { scanDocument, scanLineText } from '../support/arbitraries';
import { assertMatchInvariants } from '../support/scannerInvariants';

const SEED = 0x5ca77e;
const RUNS = 1500;

/** A match with its line number cleared, to compare the same line scanned at different positions. */
const inLine = (m: HostMatch): HostMatch => ({ ...m, line: 0 });

describe('property: scanner on hostile input (fast-check, shrinking)', function () {
  let runs = 0;
  let matches = 0;
  after(() => console.log(`      scanner properties: ${runs} generated cases, ${matches} matches checked`));

  it('never throws; every match is its slice of the line, sorted, disjoint, at surrogate-safe offsets', function () {
    fc.assert(
      fc.property(scanLineText, fc.nat(1000), (line, lineNumber) => {
        runs++;
        const found = scanLine(line, lineNumber);
        matches += found.length;
        assertMatchInvariants(line, found);
        assert.ok(found.every((m) => m.line === lineNumber));
      }),
      { seed: SEED, numRuns: RUNS }
    );
    assert.ok(matches > RUNS / 2, `the generator should produce many matches to check, got ${matches}`);
  });

  it('is stable: the same line gives the same matches again, with a fresh scanner, and after any other line', function () {
    const shared = createScanner();
    fc.assert(
      fc.property(scanLineText, scanLineText, (before, line) => {
        runs++;
        const alone = createScanner().scanLine(line, 3);
        shared.scanLine(before, 2); // per-line state (URL spans, ssh detection) must not leak into the next line
        assert.deepEqual(shared.scanLine(line, 3), alone);
        assert.deepEqual(scanLine(line, 3), alone);
      }),
      { seed: SEED + 1, numRuns: RUNS }
    );
  });

  it('a line inside a document (any line breaks) gives the same matches as the line alone, through scanText and scanLines', function () {
    fc.assert(
      fc.property(scanDocument, ({ lines, text }) => {
        runs++;
        const whole = scanText(text);
        const visible = scanLines((k) => lines[k], 0, lines.length);
        assert.deepEqual(visible, whole);
        lines.forEach((line, k) => {
          const own = whole.filter((m) => m.line === k);
          assertMatchInvariants(line, own);
          assert.deepEqual(own.map(inLine), scanLine(line, 0).map(inLine));
        });
        assert.ok(whole.every((m) => m.line >= 0 && m.line < lines.length));
      }),
      { seed: SEED + 2, numRuns: RUNS / 3 }
    );
  });
});
