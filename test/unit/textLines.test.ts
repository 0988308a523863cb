import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextLines } from '../../src/core/scanner';

function linesOf(text: string): [string, number][] {
  const out: [string, number][] = [];
  for (const lines = new TextLines(text); lines.next(); ) out.push([lines.line, lines.lineNo]);
  return out;
}

describe('scanner: TextLines (the lines of scanText and scan --json)', () => {
  it('ends a line at \\n, \\r\\n or \\r; a final line without an end counts, an empty text is one empty line', () => {
    assert.deepEqual(linesOf(''), [['', 0]]);
    assert.deepEqual(linesOf('a'), [['a', 0]]);
    assert.deepEqual(linesOf('a\n'), [['a', 0], ['', 1]]);
    assert.deepEqual(linesOf('a\r\nb\rc\n\r\nd'), [['a', 0], ['b', 1], ['c', 2], ['', 3], ['d', 4]]);
    assert.deepEqual(linesOf('\r\r\n\n'), [['', 0], ['', 1], ['', 2], ['', 3]]);
  });

  it('gives the lines of split(/\\r\\n|\\r|\\n/) on any text (fast-check)', () => {
    const text = fc.array(fc.constantFrom('a', 'é', ' ', '\n', '\r', '\r\n', '\u2028', '\ud800'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(linesOf(t), t.split(/\r\n|\r|\n/).map((line, n) => [line, n]))),
      { seed: 0x7e47, numRuns: 3000 }
    );
  });
});
