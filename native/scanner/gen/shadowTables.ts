// asciiShadow.ts's bytes for non-ASCII code units, for charclass.h: the C reads a line's ASCII shadow.
import * as shadow from '../../../src/core/scanner/asciiShadow';
import { cHeader } from './cWordSet';

export function generate(): string {
  const names = ['SHADOW_LABEL', 'SHADOW_LOWER_CHANGES', 'SHADOW_UPPER_CHANGES', 'SHADOW_SPACE_ENDS_URL', 'SHADOW_LINE_TERMINATOR', 'SHADOW_ENDS_URL', 'SHADOW_SPACE', 'SHADOW_OTHER'] as const;
  return cHeader('NETLENS_SCANNER_GEN_SHADOWTABLES_H', names.map((name) => `#define ${name} ${shadow[name]}`).join('\n'));
}
