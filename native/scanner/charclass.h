/*
 * Character classes of a line's characters: src/core/scanner/charClass.ts. c is a byte of the line's ASCII shadow
 * (asciiShadow.ts: ASCII as it is, a non-ASCII code unit as one of the SHADOW_* bytes from 0x80 up), or -1 outside it.
 */
#ifndef NETLENS_SCANNER_CHARCLASS_H
#define NETLENS_SCANNER_CHARCLASS_H

#include "base.h"
#include "shadowTables.h"

/* The CLASS_* bits, as charClass.ts numbers them (classBits returns them). */
#define CLASS_LABEL 1
#define CLASS_HEX 2
#define CLASS_DIGIT 4
#define CLASS_UPPER 8
#define CLASS_LOWER 16
#define CLASS_SCHEME 32
#define CLASS_USER 64
#define CLASS_NON_ASCII 128
/*
 * Two more bits, the C's own (classBits has 8; a word's `shape` uses 0x100 and 0x200): toLowerCase changes the
 * character (ASCII capitals, and a shadow with SHADOW_LOWER_CHANGES), toUpperCase changes it (ASCII small letters,
 * and a shadow with SHADOW_UPPER_CHANGES). So `word === word.toLowerCase()` is no CLASS_LOWER_CHANGES among its
 * characters' bits, on any line.
 */
#define CLASS_LOWER_CHANGES 0x400
#define CLASS_UPPER_CHANGES 0x800
/*
 * A character that hasLetter counts (not a digit, `-` or `_`), among a word's label characters: an ASCII letter or
 * a non-ASCII one.
 */
#define CLASS_LETTER_OF_LABEL (CLASS_UPPER | CLASS_LOWER | CLASS_NON_ASCII)

/*
 * classBits by byte and the two bits above: ASCII's, and for a shadow byte CLASS_NON_ASCII (with CLASS_LABEL and the
 * case bits for a label character).
 */
extern const uint16_t CHAR_CLASS[256];

/* classBits(c) | the two bits above, for c in -1..255 (-1: 0, as `ASCII[-1]` is undefined there). */
static inline int class_bits(int c) {
  return (unsigned)c < 256u ? CHAR_CLASS[c] : 0;
}
static inline bool is_label(int c) { return (class_bits(c) & CLASS_LABEL) != 0; }
static inline bool is_hex(int c) { return (class_bits(c) & CLASS_HEX) != 0; }
static inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool is_upper(int c) { return (class_bits(c) & CLASS_UPPER) != 0; }
static inline bool is_lower(int c) { return (class_bits(c) & CLASS_LOWER) != 0; }
static inline bool is_ascii_letter(int c) { return (class_bits(c) & (CLASS_UPPER | CLASS_LOWER)) != 0; }
static inline bool is_scheme(int c) { return (class_bits(c) & CLASS_SCHEME) != 0; }
static inline bool is_user(int c) { return (class_bits(c) & CLASS_USER) != 0; }
static inline bool is_space(int c) { return c == ' ' || c == '\t'; }
static inline bool is_quote(int c) { return c == '"' || c == '\'' || c == '`'; }
/*
 * endsUrl: ASCII whitespace and controls, DEL, quotes, angle brackets, `{}|\^` and the backtick; the invisible and
 * spacing Unicode characters (their shadow bytes).
 */
static inline bool ends_url(int c) {
  if (c < 0) return false; /* NaN <= 0x20 is false */
  if (c <= 0x20 || c == 0x7f) return true;
  if (c >= 128) return c == SHADOW_SPACE_ENDS_URL || c == SHADOW_LINE_TERMINATOR || c == SHADOW_ENDS_URL;
  return c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^';
}

/* Regular expressions' classes (no u flag): `\s` is [ \t\n\v\f\r] and Unicode's spaces and line terminators. */
static inline bool re_space(int c) {
  return c == ' ' || (c >= 9 && c <= 13) || c == SHADOW_SPACE_ENDS_URL || c == SHADOW_LINE_TERMINATOR || c == SHADOW_SPACE;
}
/* `\w`: [A-Za-z0-9_] (ASCII only). */
static inline bool re_word(int c) { return is_ascii_letter(c) || is_digit(c) || c == '_'; }
/* `.` without the s flag: not a line terminator (\n, \r, U+2028, U+2029). */
static inline bool re_dot(int c) { return c != '\n' && c != '\r' && c != SHADOW_LINE_TERMINATOR; }

#endif
