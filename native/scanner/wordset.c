#include "wordset.h"

/* A 32-bit little-endian number at p, unaligned (wasm32 loads are little-endian and may be unaligned). */
typedef uint32_t u32_unaligned __attribute__((aligned(1), may_alias));
static inline uint32_t load32(const u8 *p) { return *(const u32_unaligned *)p; }

/*
 * The key of w[0, len): from 4 bytes up, the first four and the last four bytes (all of the word up to 8 bytes);
 * below, the bytes w[0], w[len >> 1] and w[len - 1] in a (all of the word, as the length tells which repeat).
 * gen/cWordSet.ts's wordKey is the same function.
 */
static inline WordKey word_key(const u8 *w, int len) {
  if (len >= 4) return (WordKey){load32(w), load32(w + len - 4)};
  if (len == 0) return (WordKey){0, 0};
  return (WordKey){(uint32_t)w[0] | (uint32_t)w[len >> 1] << 8 | (uint32_t)w[len - 1] << 16, 0};
}

/* The first slot of a key in a table of 1 << bits slots (gen/cWordSet.ts's wordHash): the high bits of a product. */
static inline uint32_t word_hash(WordKey key, int len, uint32_t seed, int bits) {
  uint32_t h = (key.a * 0x9E3779B1u + key.b + (uint32_t)len) * seed;
  return bits == 0 ? 0 : h >> (32 - bits);
}

/*
 * Equal to the binary search it replaces (set membership does not depend on how the table is searched): every word
 * of the set sits in the probe sequence from its first slot up to the next empty slot, so a word not met there is not
 * in the set. A candidate is the word when its length and key are equal and, past 8 bytes, its middle bytes too.
 */
static inline int find(const WordSet *set, const u8 *w, int len) {
  if (len > 255) return -1; /* no word of a set is longer (the generator refuses them) */
  WordKey key = word_key(w, len);
  uint32_t mask = (1u << set->bits) - 1;
  for (uint32_t slot = word_hash(key, len, set->seed, set->bits);; slot = (slot + 1) & mask) {
    int e = set->slots[slot];
    if (e == 0) return -1;
    int k = e - 1;
    if (set->lengths[k] != len || set->keys[k].a != key.a || set->keys[k].b != key.b) continue;
    const u8 *x = (const u8 *)set->words[k];
    int i = 4;
    while (i < len - 4 && w[i] == x[i]) i++;
    if (i >= len - 4) return k;
  }
}

bool word_set_has(const WordSet *set, const u8 *w, int len) { return find(set, w, len) >= 0; }

int word_set_find(const WordSet *set, const u8 *w, int len) { return find(set, w, len); }
