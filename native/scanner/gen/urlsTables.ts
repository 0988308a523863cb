// urls.ts's scheme sets for urls.c.
import { NON_HOST_SCHEMES, WEB_SCHEMES } from '../../../src/core/scanner/urls';
import { cHeader, cWordSet } from './cWordSet';

export function generate(): string {
  return cHeader('NETLENS_SCANNER_GEN_URLSTABLES_H', [cWordSet('NON_HOST_SCHEMES', NON_HOST_SCHEMES), cWordSet('WEB_SCHEMES', WEB_SCHEMES)].join('\n'));
}
