// asciiShadow.ts's bytes for non-ASCII code units, for charclass.h and jsonout.c: the C reads a line's ASCII shadow,
// and makes the shadow of a non-ASCII line of `scan --json` itself (SHADOW_BLOCKS: every BMP code unit's byte).
import * as shadow from '../../../src/core/scanner/asciiShadow';
import { cHeader } from './cWordSet';

/** Code units per block of the two-level table (blocks that are alike are stored once). */
const BLOCK = 64;

export function generate(): string {
  const names = ['SHADOW_LABEL', 'SHADOW_LOWER_CHANGES', 'SHADOW_UPPER_CHANGES', 'SHADOW_SPACE_ENDS_URL', 'SHADOW_LINE_TERMINATOR', 'SHADOW_ENDS_URL', 'SHADOW_SPACE', 'SHADOW_OTHER', 'SHADOW_HAND_BACK'] as const;
  const defines = names.map((name) => `#define ${name} ${shadow[name]}`);
  const blocks: string[] = [];
  const byKey = new Map<string, number>();
  const index: number[] = [];
  for (let b = 0; b < 0x10000 / BLOCK; b++) {
    const bytes: number[] = [];
    for (let c = b * BLOCK; c < (b + 1) * BLOCK; c++) bytes.push(c < 128 ? c : shadow.shadowByte(c));
    const key = bytes.join(',');
    let k = byKey.get(key);
    if (k === undefined) {
      byKey.set(key, (k = blocks.length));
      blocks.push(`  {${key}},`);
    }
    index.push(k);
  }
  return cHeader(
    'NETLENS_SCANNER_GEN_SHADOWTABLES_H',
    [
      ...defines,
      '',
      `/* Every BMP code unit's shadow byte (ASCII: itself): SHADOW_BLOCKS[SHADOW_BLOCK_OF[c / ${BLOCK}]][c % ${BLOCK}]. */`,
      `#define SHADOW_BLOCK ${BLOCK}`,
      `static const uint16_t SHADOW_BLOCK_OF[${index.length}] = {${index.join(',')}};`,
      `static const uint8_t SHADOW_BLOCKS[${blocks.length}][${BLOCK}] = {`,
      ...blocks,
      '};',
    ].join('\n')
  );
}
