// hostScanner.ts's word sets for hostscanner_rules.c.
import { DOTTED_PRODUCT_NAMES, PRODUCT_LAST_LABELS } from '../../../src/core/scanner/hostScanner';
import { cHeader, cWordSet } from './cWordSet';

export function generate(): string {
  return cHeader('NETLENS_SCANNER_GEN_HOSTSCANNERTABLES_H', [cWordSet('DOTTED_PRODUCT_NAMES', DOTTED_PRODUCT_NAMES), cWordSet('PRODUCT_LAST_LABELS', PRODUCT_LAST_LABELS)].join('\n'));
}
