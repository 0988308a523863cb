#include "wordset.h"

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
