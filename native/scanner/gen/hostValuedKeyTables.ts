// hostValuedKey.ts's SUFFIXES_BY_LAST for hostvaluedkey.c: codeHeuristics.ts's HOST_KEY_SUFFIXES grouped by their
// last character (in their order), so that a key is compared only with the suffixes it could end with.
import { HOST_KEY_SUFFIXES } from '../../../src/core/scanner/codeHeuristics';
import { cHeader } from './cWordSet';

export function generate(): string {
  const groups = new Map<number, string[]>();
  for (const suffix of HOST_KEY_SUFFIXES) {
    const last = suffix.charCodeAt(suffix.length - 1);
    if (!/^[\x21-\x7e]+$/.test(suffix) || suffix.includes('"') || suffix.includes('\\')) throw new Error(`HOST_KEY_SUFFIXES: ${JSON.stringify(suffix)} is not plain printable ASCII`);
    groups.set(last, [...(groups.get(last) ?? []), suffix]);
  }
  const words: string[] = [];
  const first = new Array<number>(128).fill(0);
  const count = new Array<number>(128).fill(0);
  for (const [last, group] of [...groups].sort((a, b) => a[0] - b[0])) {
    first[last] = words.length;
    count[last] = group.length;
    words.push(...group);
  }
  return cHeader(
    'NETLENS_SCANNER_GEN_HOSTVALUEDKEYTABLES_H',
    [
      `static const char *const HOST_KEY_SUFFIXES[${words.length}] = {${words.map((w) => `"${w}"`).join(', ')}};`,
      `static const u8 HOST_KEY_SUFFIX_LENGTHS[${words.length}] = {${words.map((w) => w.length).join(', ')}};`,
      '/* SUFFIXES_BY_LAST.get(c): HOST_KEY_SUFFIXES[BY_LAST_FIRST[c], BY_LAST_FIRST[c] + BY_LAST_COUNT[c]) for c < 128. */',
      `static const u8 HOST_KEY_BY_LAST_FIRST[128] = {${first.join(', ')}};`,
      `static const u8 HOST_KEY_BY_LAST_COUNT[128] = {${count.join(', ')}};`,
      '',
    ].join('\n')
  );
}
