/**
 * A line's ASCII shadow, for the ahead-of-time module (native/scanner), which reads one byte per UTF-16 code unit:
 * ASCII characters stay as they are, and each other code unit becomes a byte from 0x80 up that stands for what the
 * scanner asks of it — no rule of the scanner looks at a non-ASCII character for more than these classes (the
 * differential tests hold the module's matches on shadows equal to the TypeScript's on the lines themselves). So
 * positions stay UTF-16 positions, and the matches' text is taken from the line itself.
 *
 * The classes, each decided by the scanner's own rules (charClass.ts and the regular expressions' `\s` and `.`):
 *  - a label character (isLabelChar: letters, marks and numbers of any script, and the joiners IDNA maps to
 *    nothing), with whether toLowerCase and toUpperCase change it (hasCapitalsOnly and singleLabel's
 *    casing tests ask);
 *  - not a label character: whether it ends a URL (endsUrl), is whitespace to a regular expression (`\s`), and ends
 *    a line to one (`.` does not match it: U+2028 and U+2029).
 * A line the module cannot be trusted with goes to the TypeScript (writeAsciiShadow answers false): a code unit whose
 * lower case has an ASCII character in it (the Kelvin sign's is `k`, `İ`'s is `i` and a combining dot), so a word
 * of it could equal an ASCII word the scanner knows; the module itself hands back a line where a last label with a
 * non-ASCII character must be looked up among the top-level domains (`рф`, `中国`: suffixrules.c).
 */
import { endsUrl, isLabelChar } from './charClass';

/** A label character, plus SHADOW_LOWER_CHANGES and SHADOW_UPPER_CHANGES. */
export const SHADOW_LABEL = 0x80;
/** toLowerCase changes it (`É`). */
export const SHADOW_LOWER_CHANGES = 1;
/** toUpperCase changes it (`é`, `ß`). */
export const SHADOW_UPPER_CHANGES = 2;
/** Whitespace that ends a URL: NBSP, the spaces U+2000–U+200A, U+202F, U+205F, U+3000, the BOM. */
export const SHADOW_SPACE_ENDS_URL = 0x84;
/** U+2028 and U+2029: whitespace that ends a URL, and a line terminator to a regular expression. */
export const SHADOW_LINE_TERMINATOR = 0x85;
/** Ends a URL but is no whitespace: zero-width space, bidi marks and controls, invisible operators. */
export const SHADOW_ENDS_URL = 0x86;
/** Whitespace that does not end a URL (U+1680, the Ogham space mark). */
export const SHADOW_SPACE = 0x87;
/** Any other code unit: punctuation, symbols, controls, surrogates. */
export const SHADOW_OTHER = 0x88;
/** Not in a shadow: the line goes to the TypeScript. */
export const SHADOW_HAND_BACK = 0xff;

const REGEX_SPACE = /^\s$/;
const REGEX_ANY = /^.$/;

/** Each code unit's shadow byte, decided on first sight (0: not yet). */
const shadowOf = new Uint8Array(0x10000);

/** The shadow byte of a non-ASCII code unit c (or SHADOW_HAND_BACK). */
export function shadowByte(c: number): number {
  let v = shadowOf[c];
  if (v === 0) shadowOf[c] = v = decide(c);
  return v;
}

function decide(c: number): number {
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  for (let k = 0; k < lower.length; k++) if (lower.charCodeAt(k) < 128) return SHADOW_HAND_BACK;
  if (isLabelChar(c)) return SHADOW_LABEL | (lower !== ch ? SHADOW_LOWER_CHANGES : 0) | (ch.toUpperCase() !== ch ? SHADOW_UPPER_CHANGES : 0);
  const space = REGEX_SPACE.test(ch);
  if (!endsUrl(c)) return space ? SHADOW_SPACE : SHADOW_OTHER;
  if (!space) return SHADOW_ENDS_URL;
  return REGEX_ANY.test(ch) ? SHADOW_SPACE_ENDS_URL : SHADOW_LINE_TERMINATOR;
}

/**
 * Writes the shadow of s into bytes[0, s.length) (which must have room). False, with bytes partly written, when the
 * line must be scanned by the TypeScript.
 */
export function writeAsciiShadow(s: string, bytes: Uint8Array): boolean {
  const n = s.length;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 128) {
      bytes[k] = c;
      continue;
    }
    const v = shadowByte(c);
    if (v === SHADOW_HAND_BACK) return false;
    bytes[k] = v;
  }
  return true;
}
