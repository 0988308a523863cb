/* Character classes of ASCII characters: src/core/scanner/charClass.ts. c is a byte, or -1 outside the line. */
#ifndef NETLENS_SCANNER_CHARCLASS_H
#define NETLENS_SCANNER_CHARCLASS_H

#include "base.h"

/* The CLASS_* bits, as charClass.ts numbers them (classBits returns them). */
#define CLASS_LABEL 1
#define CLASS_HEX 2
#define CLASS_DIGIT 4
#define CLASS_UPPER 8
#define CLASS_LOWER 16
#define CLASS_SCHEME 32
#define CLASS_USER 64

extern const u8 ASCII_CLASS[128];

/* classBits(c) for c in -1..127 (-1: 0, as `ASCII[-1]` is undefined there). */
static inline int class_bits(int c) {
  return (unsigned)c < 128u ? ASCII_CLASS[c] : 0;
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
/* endsUrl for ASCII: whitespace and controls, DEL, quotes, angle brackets, `{}|\^` and the backtick. */
static inline bool ends_url(int c) {
  if (c < 0) return false; /* NaN <= 0x20 is false */
  if (c <= 0x20 || c == 0x7f) return true;
  return c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^';
}

#endif
