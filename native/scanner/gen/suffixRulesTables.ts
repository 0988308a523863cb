// suffixRules.ts's sets for suffixrules.c: the TLD classes, the ICANN TLDs and the built-in private suffixes.
import { BUILTIN_PRIVATE_SUFFIXES, classifyLastLabel, COMMON_TLDS, ICANN_TLD_SET, SUFFIX_NONE } from '../../../src/core/scanner/suffixRules';
import { cHeader, cWordMap, cWordSet } from './cWordSet';

export function generate(): string {
  // classifyLastLabel's answer for every label it does not call NONE: those of COMMON_TLDS and of ICANN_TLD_SET
  // (asked of the TypeScript itself). Unicode TLDs are in it as UTF-8: no ASCII label equals them, as no ASCII
  // string equals them in TypeScript.
  const classes = new Map<string, number>();
  for (const label of [...COMMON_TLDS, ...ICANN_TLD_SET]) {
    const cls = classifyLastLabel(label);
    if (cls !== SUFFIX_NONE) classes.set(label, cls);
  }
  return cHeader(
    'NETLENS_SCANNER_GEN_SUFFIXRULESTABLES_H',
    [
      cWordMap('LAST_LABEL_CLASSES', classes),
      // A set, not a list: `new PrivateSuffixes` adds them to a Set, where their order does not matter.
      cWordSet('BUILTIN_PRIVATE_SUFFIXES', BUILTIN_PRIVATE_SUFFIXES),
    ].join('\n')
  );
}
