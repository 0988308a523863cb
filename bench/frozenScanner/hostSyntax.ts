// FROZEN: src/core/scanner/hostSyntax.ts as of commit 7cb81ee902f6f2166b7ecaaa080c2c5e43f138fb (2026-12-06; before issue 13's scanner changes).
// A baseline for `npm run bench` (issue 13: the core scan must reach ≥ 3× "today's scanner" on the sparse corpus,
// measured in the same run). Unchanged but for this header (its imports are all within this folder). Do not edit.
/**
 * Host-name syntax, checked in place. Labels are LDH (letters, digits, hyphen) plus '_' (SRV and DKIM names,
 * Docker service names) and non-ASCII letters (IDN, checked loosely: the resolver applies IDNA itself).
 */
import { CH, isLabelChar } from './charClass';

/**
 * The end of a syntactically valid host name at [start, limit): labels of 1-63 characters that neither start nor
 * end with '-', separated by single dots, at most 253 characters, optionally one trailing dot. `wholeRange`
 * demands that the name fill the range up to a ':' (port) or the limit; otherwise it ends at the first character
 * that cannot continue it. Returns -1 when there is no valid name.
 */
export function hostSyntaxEnd(s: string, start: number, limit: number, wholeRange: boolean): number {
  let i = start;
  let labelStart = start;
  for (;;) {
    while (i < limit && isLabelChar(s.charCodeAt(i))) i++;
    const len = i - labelStart;
    if (len === 0 || len > 63 || s.charCodeAt(labelStart) === CH.MINUS || s.charCodeAt(i - 1) === CH.MINUS) return -1;
    if (i < limit && s.charCodeAt(i) === CH.DOT) {
      i++;
      if (i === limit || !isLabelChar(s.charCodeAt(i))) break; // trailing dot of a fully qualified name
      labelStart = i;
      continue;
    }
    break;
  }
  if (i - start > 254) return -1;
  if (wholeRange && i < limit && s.charCodeAt(i) !== CH.COLON && s.charCodeAt(i) !== CH.COMMA) return -1;
  return i;
}
