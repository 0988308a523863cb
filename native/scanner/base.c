#include "base.h"

bool eq_lower(const u8 *s, int start, int len, const char *word) {
  int k = 0;
  for (; k < len; k++) {
    if (word[k] == 0 || lower(s[start + k]) != (u8)word[k]) return false;
  }
  return word[k] == 0;
}

bool eq_exact(const u8 *s, int start, int len, const char *word) {
  int k = 0;
  for (; k < len; k++) {
    if (word[k] == 0 || s[start + k] != (u8)word[k]) return false;
  }
  return word[k] == 0;
}

bool starts_with(const u8 *s, int n, int i, const char *word) {
  if (i < 0) i = 0; /* startsWith clamps a negative position to 0 */
  for (int k = 0; word[k] != 0; k++) {
    if (i + k >= n || s[i + k] != (u8)word[k]) return false;
  }
  return true;
}

int index_of(const u8 *s, int n, int ch, int from) {
  if (from < 0) from = 0;
  int k = from;
  /* Eight characters at a time while eight are left before n (the lowest bit bytes_equal sets is a true match). */
  if ((unsigned)ch < 256u) {
    for (; k + 8 <= n; k += 8) {
      uint64_t m = bytes_equal(load8(s + k), ch);
      if (m != 0) return k + first_byte(m);
    }
  }
  for (; k < n; k++)
    if (s[k] == ch) return k;
  return -1;
}

int last_index_of(const u8 *s, int n, int ch, int from) {
  if (from >= n) from = n - 1;
  for (int k = from; k >= 0; k--)
    if (s[k] == ch) return k;
  return -1;
}

int index_of_str(const u8 *s, int n, const char *str, int from) {
  int len = strlen_c(str);
  if (from < 0) from = 0;
  if (len == 0) return from <= n ? from : n;
  for (int k = from; k + len <= n; k++) {
    if (s[k] != (u8)str[0]) continue;
    int m = 1;
    while (m < len && s[k + m] == (u8)str[m]) m++;
    if (m == len) return k;
  }
  return -1;
}

void *memcpy(void *dst, const void *src, size_t len) {
  u8 *d = dst;
  const u8 *s = src;
  while (len--) *d++ = *s++;
  return dst;
}

void *memmove(void *dst, const void *src, size_t len) {
  u8 *d = dst;
  const u8 *s = src;
  if (d < s) {
    while (len--) *d++ = *s++;
  } else {
    d += len;
    s += len;
    while (len--) *--d = *--s;
  }
  return dst;
}

void *memset(void *dst, int c, size_t len) {
  u8 *d = dst;
  while (len--) *d++ = (u8)c;
  return dst;
}

int strlen_c(const char *s) {
  int n = 0;
  while (s[n]) n++;
  return n;
}

static uintptr_t heapTop = 0;

#ifdef __wasm__
/* The heap: everything past the module's static data, grown a page (64 KiB) at a time. */
extern u8 __heap_base;

static u8 *heap_take(int size) {
  if (heapTop == 0) heapTop = ((uintptr_t)&__heap_base + 15) & ~(uintptr_t)15;
  uintptr_t start = heapTop;
  uintptr_t need = start + (uintptr_t)size;
  uintptr_t have = __builtin_wasm_memory_size(0) * 65536u;
  if (need > have) {
    uintptr_t pages = (need - have + 65535u) / 65536u;
    if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) return 0;
  }
  heapTop = (need + 15) & ~(uintptr_t)15;
  return (u8 *)start;
}
#else
/*
 * The CLI's native build: the heap is the arena node/scanner_node.c reserved, which JavaScript sees as the module's
 * memory (a pointer crosses as its offset in it). It starts 16 bytes in, so that no block is at offset 0, which
 * JavaScript reads as "no memory" as it does a null wasm pointer.
 */
static u8 *heap_take(int size) {
  if (heapTop == 0) heapTop = (uintptr_t)scanner_arena + 16;
  uintptr_t start = heapTop;
  if ((uintptr_t)size > (uintptr_t)scanner_arena + scanner_arena_size - start) return 0;
  heapTop = (start + (uintptr_t)size + 15) & ~(uintptr_t)15;
  return (u8 *)start;
}

uintptr_t scanner_heap_used(void) {
  return heapTop == 0 ? 16 : heapTop - (uintptr_t)scanner_arena;
}
#endif

bool buffer_reserve(Buffer *b, int size) {
  if (size <= b->cap) return true;
  int cap = b->cap < 4096 ? 4096 : b->cap;
  while (cap < size) cap = cap > 0x3fffffff ? size : cap * 2;
  u8 *p = heap_take(cap);
  if (p == 0) return false;
  if (b->ptr != 0) memcpy(p, b->ptr, (size_t)b->cap);
  b->ptr = p;
  b->cap = cap;
  return true;
}

static Buffer input;

EXPORT(Input_reserve) u8 *Input_reserve(int size) {
  return buffer_reserve(&input, size) ? input.ptr : 0;
}

bool shadow_unsure;
