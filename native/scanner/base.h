/*
 * The ahead-of-time scanner's base: compiled by clang to wasm32 with no libc (scripts/build-scanner-wasm.js).
 * Every function here is a port of the TypeScript scanner (src/core/scanner) over an ASCII line: see README.md for
 * the conventions that keep the two equal.
 */
#ifndef NETLENS_SCANNER_BASE_H
#define NETLENS_SCANNER_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;

/*
 * An exported function: callable from JavaScript by this name. The CLI's native build (node/scanner_node.c) calls
 * the JSON writer's through Node-API instead, and exports nothing by name.
 */
#ifdef __wasm__
#define EXPORT(name) __attribute__((export_name(#name)))
#else
#define EXPORT(name)
#endif

/*
 * The character at k of the line s[0, n), or -1 outside it: `s.charCodeAt(k)`, whose NaN outside the line fails
 * every comparison as -1 does (the README lists where the two differ).
 */
static inline int at(const u8 *s, int n, int k) {
  return (unsigned)k < (unsigned)n ? s[k] : -1;
}

/* An ASCII letter lower-cased (`toLowerCase` on an ASCII line), any other value as it is. */
static inline int lower(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Whether s[start, start + len) equals the lower-case ASCII `word` when lower-cased (`slice(…).toLowerCase() === word`). */
bool eq_lower(const u8 *s, int start, int len, const char *word);
/* Whether s[start, start + len) equals `word` exactly (`slice(…) === word`). */
bool eq_exact(const u8 *s, int start, int len, const char *word);
/* `s.startsWith(word, i)` on the line s[0, n). */
bool starts_with(const u8 *s, int n, int i, const char *word);
/* `s.indexOf(ch, from)` for one ASCII character: its index, or -1. */
int index_of(const u8 *s, int n, int ch, int from);
/* `s.lastIndexOf(ch, from)` for one ASCII character (from clamped to n - 1): its index, or -1. */
int last_index_of(const u8 *s, int n, int ch, int from);
/* `s.indexOf(str, from)`: its index, or -1. */
int index_of_str(const u8 *s, int n, const char *str, int from);

/*
 * Eight characters at a time (SWAR): the eight bytes at p (any alignment; the caller keeps them inside the line) as
 * one integer, the first in the lowest byte (wasm is little-endian).
 */
static inline uint64_t load8(const u8 *p) {
  uint64_t v;
  __builtin_memcpy(&v, p, 8); /* an i64.load, not a call (explicit builtin, even with -fno-builtin) */
  return v;
}
/* A 32-bit little-endian integer at p (unaligned): a length JavaScript wrote (PrivateSuffixes_set's list). */
static inline int read_i32(const u8 *p) {
  return (int)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
}
/* load8's other way: v's eight bytes stored at p (any alignment; the caller keeps them inside its buffer). */
static inline void store8(u8 *p, uint64_t v) {
  __builtin_memcpy(p, &v, 8); /* an i64.store */
}
/*
 * The bytes of v equal to ch (0-255): the high bit of each such byte is set. (x - 0x01…) & ~x has the high bit of
 * every zero byte of x = v ^ ch… set, but also of a 0x01 byte right above a zero one (the borrow): the lowest bit
 * set is always a match, the others must be checked.
 */
static inline uint64_t bytes_equal(uint64_t v, int ch) {
  uint64_t x = v ^ (0x0101010101010101ull * (uint8_t)ch);
  return (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
}
/* The index in its word of the byte whose high bit is the lowest set in m (m != 0). */
static inline int first_byte(uint64_t m) {
  return __builtin_ctzll(m) >> 3;
}

/* clang emits calls to these for struct copies and zeroing; there is no libc. */
void *memcpy(void *dst, const void *src, size_t len);
void *memset(void *dst, int c, size_t len);
void *memmove(void *dst, const void *src, size_t len);
int strlen_c(const char *s);

/*
 * A growable block of the module's memory (no libc, no free): `buffer_reserve` makes it hold at least `size` bytes,
 * keeping its contents (a larger block is taken from the top of the heap and the old one abandoned, so the heap
 * stays within about twice the largest size asked for). False when the memory cannot grow.
 */
typedef struct {
  u8 *ptr;
  int cap;
} Buffer;
bool buffer_reserve(Buffer *b, int size);
#ifndef __wasm__
/* The native build's heap (node/scanner_node.c reserves it before any buffer is asked for), and how much is taken. */
extern u8 *scanner_arena;
extern uintptr_t scanner_arena_size;
uintptr_t scanner_heap_used(void);
#endif

/*
 * Memory for JavaScript to write into: the line (or text) to scan. Returns a buffer of at least `size` bytes, valid
 * until the next call, or 0 when memory cannot grow; the module's memory may grow (JavaScript must then re-read
 * `memory.buffer`).
 */
u8 *Input_reserve(int size);
/*
 * Set by a rule that cannot decide on a line's ASCII shadow (asciiShadow.ts): a non-ASCII top-level domain is known
 * only by its characters, which a shadow byte does not keep. The scan then hands the line back (-1) to the TypeScript.
 */
extern bool shadow_unsure;

#endif
