// codeHeuristics.ts's word sets for codeheuristics.c.
import { CODE_RECEIVERS, HOST_MEMBER_NAMES, MODULE_LINE_WORDS, NOT_A_HOST_BEFORE_PORT, NOT_A_HOST_WORDS, REVERSED_DOMAIN_ROOTS, STRING_PREFIXES } from '../../../src/core/scanner/codeHeuristics';
import { cHeader, cWordSet } from './cWordSet';

export function generate(): string {
  return cHeader(
    'NETLENS_SCANNER_GEN_CODEHEURISTICSTABLES_H',
    [
      cWordSet('CODE_RECEIVERS', CODE_RECEIVERS),
      cWordSet('REVERSED_DOMAIN_ROOTS', REVERSED_DOMAIN_ROOTS),
      cWordSet('NOT_A_HOST_WORDS', NOT_A_HOST_WORDS),
      cWordSet('HOST_MEMBER_NAMES', HOST_MEMBER_NAMES),
      cWordSet('STRING_PREFIXES', STRING_PREFIXES),
      cWordSet('NOT_A_HOST_BEFORE_PORT', NOT_A_HOST_BEFORE_PORT),
      cWordSet('MODULE_LINE_WORDS', MODULE_LINE_WORDS),
    ].join('\n')
  );
}
