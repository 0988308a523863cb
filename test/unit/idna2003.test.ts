// IDNA 2003 (src/core/idna2003.ts) against python3's `encodings.idna` codec, with generated inputs. No network.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { domainToASCII } from 'node:url';
import { compareIdnForms, idna2003ToAscii, IdnaError, punycodeEncode } from '../../src/core/idna2003';
import { hasPython } from '../support/python';

const PY = `
import json, sys
out = []
for s in json.load(sys.stdin):
    try: out.append(s.encode('idna').decode('ascii'))
    except UnicodeError as e: out.append('!' + str(e))
print(json.dumps(out))
`;

function python(inputs: readonly string[]): string[] {
  return JSON.parse(execFileSync('python3', ['-c', PY], { input: JSON.stringify(inputs), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as string[];
}

function netlens(input: string): string {
  try {
    return idna2003ToAscii(input);
  } catch (err) {
    if (err instanceof IdnaError) return '!' + err.message;
    throw err;
  }
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function compare(inputs: readonly string[]): void {
  const want = python(inputs);
  const bad: string[] = [];
  inputs.forEach((input, i) => {
    const got = netlens(input);
    if (got !== want[i] && bad.length < 20) bad.push(`${JSON.stringify(input)}: netlens ${JSON.stringify(got)}, python ${JSON.stringify(want[i])}`);
  });
  assert.deepEqual(bad, [], `differences from python3:\n${bad.join('\n')}`);
}

describe('IDNA 2003 (core/idna2003.ts)', () => {
  it('known answers: nameprep, punycode, the codec errors', () => {
    assert.equal(idna2003ToAscii('straße.de'), 'strasse.de');
    assert.equal(idna2003ToAscii('Bücher.example'), 'xn--bcher-kva.example');
    assert.equal(idna2003ToAscii('ａｌｉａｓ。netlens。test'), 'alias.netlens.test');
    assert.equal(punycodeEncode('bücher'), 'bcher-kva');
    assert.throws(() => idna2003ToAscii('a..b'), /encoding with 'idna' codec failed \(UnicodeError: label empty or too long\)/);
    assert.throws(() => idna2003ToAscii('x'.repeat(64)), /label too long/);
    assert.throws(() => idna2003ToAscii('xn--ä'), /Label starts with ACE prefix/);
    assert.throws(() => idna2003ToAscii('a\ue000'), /Invalid character '\\ue000'/);
    assert.throws(() => idna2003ToAscii('\u05d0a\u05d0'), /Violation of BIDI requirement 2/);
    const forms = compareIdnForms('straße.de', domainToASCII);
    assert.deepEqual(forms, { idna2003: { ok: true, ascii: 'strasse.de' }, uts46: 'xn--strae-oqa.de', differ: true, international: true });
  });

  (hasPython() ? describe : describe.skip)('against python3 (generated inputs)', function () {
    this.timeout(60_000);

    it('every 7th code point of the BMP and every 97th above it, inside a label', () => {
      const inputs: string[] = [];
      for (let cp = 0; cp < 0x110000; cp += cp < 0x10000 ? 7 : 97) inputs.push(`a${String.fromCodePoint(cp)}b.test`);
      compare(inputs);
    });

    it('random labels mixing letters, combining marks, jamo, compatibility forms, RTL and prohibited characters', () => {
      const random = prng(3490);
      const pools = [
        'abcxyzABCXYZ0189-',
        'äöüßÆØÅçñéèêëİıſﬁﬃ',
        '\u0300\u0301\u0302\u0308\u0323\u0327\u0345\u0340\u0341\u0344\u05b0\u0651\u093c\u0f71\u0f72\u302a',
        '\u1100\u1101\u1161\u1162\u11a8\u11a9\uac00\uac01\u3131\u314f',
        '\u2460\u2474\u2160\u3300\uff21\uff41\u2126\u212b\u1e9b\u01c4\u00bd\u2075',
        '\u05d0\u05d1\u0627\u0628\u0661\u0031\u200f\u202e',
        '\u00ad\u200b\u200c\u200d\u2060\ufeff\ufe00\u3000\u00a0\ue000\ufffd\ufffc\u2ff0\u0000\u007f\u0085',
        '\u3002\uff0e\uff61.',
        '\u{1d400}\u{1d7ce}\u{1f600}\u{2f800}\u{e0001}\u{10ffff}',
      ];
      const inputs: string[] = [];
      for (let i = 0; i < 4000; i++) {
        const length = 1 + Math.floor(random() * 12);
        let s = '';
        for (let j = 0; j < length; j++) {
          const pool = [...pools[Math.floor(random() * pools.length)]];
          s += pool[Math.floor(random() * pool.length)];
        }
        inputs.push(random() < 0.5 ? `${s}.example` : s);
      }
      compare(inputs);
    });
  });
});
