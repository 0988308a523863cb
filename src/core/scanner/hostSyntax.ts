/**
 * Host-name syntax, checked in place. Labels are LDH (letters, digits, hyphen) plus '_' (SRV and DKIM names,
 * Docker service names) and non-ASCII letters (IDN, checked loosely: the resolver applies IDNA itself).
 */
import { CH, isLabelChar } from './charClass';

/** The longest name: 253 characters and a trailing dot. */
export const MAX_NAME_CHARS = 254;

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
    if (badLabel(s, labelStart, i)) return -1;
    if (i < limit && s.charCodeAt(i) === CH.DOT) {
      i++;
      if (i === limit || !isLabelChar(s.charCodeAt(i))) break; // trailing dot of a fully qualified name
      labelStart = i;
      continue;
    }
    break;
  }
  if (i - start > MAX_NAME_CHARS) return -1;
  if (wholeRange && i < limit && s.charCodeAt(i) !== CH.COLON && s.charCodeAt(i) !== CH.COMMA) return -1;
  return i;
}

/**
 * A label [start, end) that no host name can have: empty, over 63 characters, or starting or ending with `-`. The
 * scanner's word loop asks it label by label as it reads a word, so that a dotted word is not read again.
 */
export function badLabel(s: string, start: number, end: number): boolean {
  return end - start > 63 || end === start || s.charCodeAt(start) === CH.MINUS || s.charCodeAt(end - 1) === CH.MINUS;
}
