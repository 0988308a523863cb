#include "wordset.h"

/* Order: by length, then bytewise; negative when w comes before words[k]. */
static int compare(const WordSet *set, int k, const u8 *w, int len) {
  int l = set->lengths[k];
  if (len != l) return len - l;
  const u8 *x = (const u8 *)set->words[k];
  for (int i = 0; i < len; i++)
    if (w[i] != x[i]) return (int)w[i] - (int)x[i];
  return 0;
}

bool word_set_has(const WordSet *set, const u8 *w, int len) {
  if (len > 255) return false;
  int lo = 0, hi = set->count - 1;
  while (lo <= hi) {
    int mid = (lo + hi) >> 1;
    int c = compare(set, mid, w, len);
    if (c == 0) return true;
    if (c < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return false;
}
