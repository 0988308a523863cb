/**
 * Character classes by UTF-16 code unit. The scanner looks at every character of every visible line, so these are
 * table lookups rather than regular expressions: a regex test per character would allocate and dominate the cost.
 */

const LABEL = 1; // may appear in a DNS label: ASCII letters, digits, '-', '_', and non-ASCII letters (IDN)
const HEX = 2;
const DIGIT = 4;
const UPPER = 8;
const LOWER = 16;
const SCHEME = 32; // may appear in a URL scheme: letters, digits, '+', '-', '.'
const USER = 64; // may appear in the user part of user@host / an e-mail address

const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let v = 0;
  if (/[A-Za-z0-9_-]/.test(ch)) v |= LABEL;
  if (/[0-9A-Fa-f]/.test(ch)) v |= HEX;
  if (/[0-9]/.test(ch)) v |= DIGIT;
  if (/[A-Z]/.test(ch)) v |= UPPER;
  if (/[a-z]/.test(ch)) v |= LOWER;
  if (/[A-Za-z0-9+.-]/.test(ch)) v |= SCHEME;
  if (/[A-Za-z0-9._%+-]/.test(ch)) v |= USER;
  ASCII[c] = v;
}

/**
 * Non-ASCII label characters, decided once per code unit and remembered (0 = not yet decided, 1 = label, 2 = not).
 * Letters, marks and numbers of any script can be IDN labels; surrogates (emoji and other astral characters),
 * spaces, punctuation and format characters such as bidi controls cannot, so they end a token (except the few
 * IDNA maps to nothing, below).
 */
const nonAscii = new Uint8Array(0x10000);
const IDN_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/**
 * Joiners and soft hyphens, which IDNA 2003 maps to nothing (RFC 3454 table B.1), stay inside the token:
 * `exa\u200Dmple.com` is sent as `example.com`, so ending the word there would hover (and look up) `mple.com`,
 * a name that is not in the file. ZWSP and the BOM, also in B.1, mark a break between words and still end it.
 */
const MAPPED_TO_NOTHING = new Set([0x00ad, 0x1806, 0x200c, 0x200d, 0x2060]);

export function isLabelChar(c: number): boolean {
  if (c < 128) return (ASCII[c] & LABEL) !== 0;
  let v = nonAscii[c];
  if (v === 0) {
    v = c >= 0xd800 && c <= 0xdfff ? 2 : IDN_CHAR.test(String.fromCharCode(c)) || MAPPED_TO_NOTHING.has(c) ? 1 : 2;
    nonAscii[c] = v;
  }
  return v === 1;
}

/** The classes of classBits: several at once, for the scanner's loop over every character of a word. */
export const CLASS_LABEL = LABEL;
export const CLASS_HEX = HEX;
export const CLASS_UPPER = UPPER;
export const CLASS_LOWER = LOWER;
/** Not an ASCII character (letters outside ASCII have no UPPER or LOWER class here). */
export const CLASS_NON_ASCII = 128;

/** A character's classes as CLASS_* bits: one table lookup for ASCII. */
export function classBits(c: number): number {
  return c < 128 ? ASCII[c] : isLabelChar(c) ? LABEL | CLASS_NON_ASCII : CLASS_NON_ASCII;
}

export const isHexChar = (c: number): boolean => c < 128 && (ASCII[c] & HEX) !== 0;
export const isDigitChar = (c: number): boolean => c >= 48 && c <= 57;
export const isUpperChar = (c: number): boolean => c < 128 && (ASCII[c] & UPPER) !== 0;
export const isLowerChar = (c: number): boolean => c < 128 && (ASCII[c] & LOWER) !== 0;
export const isAsciiLetter = (c: number): boolean => c < 128 && (ASCII[c] & (UPPER | LOWER)) !== 0;
export const isSchemeChar = (c: number): boolean => c < 128 && (ASCII[c] & SCHEME) !== 0;
export const isUserChar = (c: number): boolean => c < 128 && (ASCII[c] & USER) !== 0;
/** An ASCII capital's small letter; any other code unit as it is. */
export const toLowerAscii = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
export const isSpaceChar = (c: number): boolean => c === 32 || c === 9;
/** A quote that opens or closes a string in code and config: `"`, `'` or a backtick. */
export const isQuote = (c: number): boolean => c === CH.DQUOTE || c === CH.SQUOTE || c === CH.BACKTICK;

/**
 * Characters that end a URL: ASCII whitespace and controls, quotes and angle brackets (delimiters in code, HTML and
 * markdown), and the invisible or spacing Unicode characters that are never part of a link someone wrote
 * (NBSP, zero-width spaces and bidi controls, line/paragraph separators, ideographic space, BOM).
 */
export function endsUrl(c: number): boolean {
  if (c <= 0x20 || c === 0x7f) return true;
  if (c < 128) return c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x60 || c === 0x7b || c === 0x7d || c === 0x7c || c === 0x5c || c === 0x5e;
  return (
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200f && c !== 0x200c && c !== 0x200d) || // joiners stay inside a host (MAPPED_TO_NOTHING)
    (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x206f && c !== 0x2060) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export const CH = {
  TAB: 9,
  SPACE: 32,
  BANG: 33,
  DQUOTE: 34,
  HASH: 35,
  DOLLAR: 36,
  PERCENT: 37,
  AMP: 38,
  SQUOTE: 39,
  LPAREN: 40,
  RPAREN: 41,
  STAR: 42,
  PLUS: 43,
  COMMA: 44,
  MINUS: 45,
  DOT: 46,
  SLASH: 47,
  COLON: 58,
  SEMI: 59,
  LT: 60,
  EQ: 61,
  GT: 62,
  QUESTION: 63,
  PIPE: 124,
  AT: 64,
  LBRACKET: 91,
  BACKSLASH: 92,
  RBRACKET: 93,
  CARET: 94,
  UNDERSCORE: 95,
  BACKTICK: 96,
  LBRACE: 123,
  RBRACE: 125,
  TILDE: 126,
} as const;
