// suffixRules.ts's sets for suffixrules.c: the TLD classes, the ICANN TLDs and the built-in private suffixes.
import { BUILTIN_PRIVATE_SUFFIXES, COMMON_TLDS, FILE_EXTENSION_TLDS, ICANN_TLD_SET } from '../../../src/core/scanner/suffixRules';
import { cHeader, cWordSet } from './cWordSet';

export function generate(): string {
  return cHeader(
    'NETLENS_SCANNER_GEN_SUFFIXRULESTABLES_H',
    [
      cWordSet('COMMON_TLDS', COMMON_TLDS),
      cWordSet('FILE_EXTENSION_TLDS', FILE_EXTENSION_TLDS),
      // Unicode TLDs are in it as UTF-8: no ASCII label equals them, as no ASCII string equals them in TypeScript.
      cWordSet('ICANN_TLD_SET', ICANN_TLD_SET),
      // A set, not a list: `new PrivateSuffixes` adds them to a Set, where their order does not matter.
      cWordSet('BUILTIN_PRIVATE_SUFFIXES', BUILTIN_PRIVATE_SUFFIXES),
    ].join('\n')
  );
}
