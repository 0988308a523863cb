import * as assert from 'node:assert/strict';
import type { HostMatch } from '../../src/core/scanner';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * What every scanner result must satisfy, whatever the input: sorted, non-overlapping matches inside the line, each
 * text exactly its slice of the line (so an editor range shows what was matched), never starting or ending inside
 * a surrogate pair, and a host that is part of the text it came from.
 */
export function assertMatchInvariants(line: string, matches: readonly HostMatch[]): void {
  let previousEnd = 0;
  for (const m of matches) {
    const where = `${JSON.stringify(line.slice(0, 200))} → ${JSON.stringify(m)}`;
    assert.ok(Number.isInteger(m.character) && Number.isInteger(m.length) && m.length > 0, where);
    assert.ok(m.character >= previousEnd && m.character + m.length <= line.length, `overlapping, unsorted or out of range: ${where}`);
    assert.equal(line.slice(m.character, m.character + m.length), m.text, where);
    const end = m.character + m.length;
    assert.ok(!(isLow(line.charCodeAt(m.character)) && isHigh(line.charCodeAt(m.character - 1))), `starts inside a surrogate pair: ${where}`);
    assert.ok(!(isLow(line.charCodeAt(end)) && isHigh(line.charCodeAt(end - 1))), `ends inside a surrogate pair: ${where}`);
    assert.ok(m.host.length > 0 && (m.kind === 'url' || m.text.includes(m.host.split('%')[0])), where);
    previousEnd = end;
  }
}
