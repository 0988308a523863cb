import * as assert from 'node:assert/strict';
import { isHostKey } from '../../src/core/scanner/hostValuedKey';
import { HOST_KEY_SUFFIXES } from '../../src/core/scanner/codeHeuristics';
import { isUpperChar } from '../../src/core/scanner/charClass';
import { prng } from '../support/prng';

/** isHostKey as first written (slice, lower-case, every suffix): the reference the in-place version must equal. */
function isHostKeyBySlicing(s: string, start: number, end: number): boolean {
  const key = s.slice(start, end).toLowerCase();
  for (const suffix of HOST_KEY_SUFFIXES) {
    if (!key.endsWith(suffix)) continue;
    const b = key.length - suffix.length;
    if (b === 0) return true;
    const sep = key.charCodeAt(b - 1);
    if (sep === 95 || sep === 45 || sep === 46) return true;
    if (isUpperChar(s.charCodeAt(start + b)) && !isUpperChar(s.charCodeAt(start + b - 1))) return true;
  }
  return false;
}

describe('scanner: host keys (isHostKey)', () => {
  it('answers as the slicing version on keys built from the suffixes, in any case and with any separator', () => {
    const rand = prng(29);
    const pieces = [...HOST_KEY_SUFFIXES, 'db', 'redis', 'g', 'ghost', 'hostel', 'x', 'API', 'Host', 'HOST', 'Server', 'IP', 'Dns', '_', '-', '.', '1'];
    let hostKeys = 0;
    for (let k = 0; k < 50_000; k++) {
      let key = '';
      for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) {
        const p = pieces[Math.floor(rand() * pieces.length)];
        key += rand() < 0.3 ? p.toUpperCase() : rand() < 0.3 ? p[0].toUpperCase() + p.slice(1) : p;
      }
      const line = `  ${key}: value`;
      const want = isHostKeyBySlicing(line, 2, 2 + key.length);
      assert.equal(isHostKey(line, 2, 2 + key.length), want, key);
      if (want) hostKeys++;
    }
    assert.ok(hostKeys > 10_000, `many generated keys should be host keys, got ${hostKeys}`);
  });
});
