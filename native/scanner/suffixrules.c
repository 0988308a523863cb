/*
 * suffixRules.ts: what the last labels of a dotted name say about it (PRIVATE, COMMON, OTHER_TLD, FILE_EXTENSION or
 * NONE; see the TypeScript for what each class means to the scanner). The sets are generated from suffixRules.ts's
 * constants (gen/suffixRulesTables.ts). classifyLastLabel's cache is left out: it changes no result.
 */
#include "suffixrules.h"
#include "wordset.h"
#include "suffixRulesTables.h"

/*
 * classifyLastLabel's three lookups (COMMON_TLDS, then ICANN_TLD_SET, then FILE_EXTENSION_TLDS) in one: the
 * generator asks classifyLastLabel itself for the class of every label of COMMON_TLDS and ICANN_TLD_SET, the only
 * labels it does not call NONE, and LAST_LABEL_CLASSES maps each of them to its answer.
 */
int classify_last_label(const u8 *label, int len) {
  // `рф`, `中国`, `vermögensberater`: a last label with a non-ASCII character may be one of the ICANN table's
  // non-ASCII top-level domains, which its shadow bytes cannot tell.
  for (int k = 0; k < len; k++)
    if (label[k] >= 128) {
      shadow_unsure = true;
      return SUFFIX_NONE;
    }
  int k = word_set_find(&LAST_LABEL_CLASSES, label, len);
  return k < 0 ? SUFFIX_NONE : LAST_LABEL_CLASSES_VALUES[k];
}

/*
 * PrivateSuffixes: a set of dot-free and dotted suffixes, lower-case, and the set of their last labels (a name under
 * a suffix ends with its last label, and most names end with none). Both sets are sorted tables (by length, then
 * bytewise) over `text`, in a fixed room; PrivateSuffixes_set builds the next one in the other slot and switches to
 * it only when it fits, so a refused list leaves the suffixes as they were.
 */
#define PRIVATE_ROOM_SUFFIXES 1024
#define PRIVATE_ROOM_BYTES 65536

typedef struct {
  int start;
  int len;
} Span;

/*
 * A hash table over a sorted table of spans, for matches()'s lookups (the sorted tables stay for building: the
 * duplicates, the order the tests read). Open addressing with linear probing, at most a quarter full: each slot is
 * k + 1 for table[k], or 0; a span's first slot is wordset.h's word_hash of its key with SPAN_SEED.
 */
#define SPAN_SLOTS (PRIVATE_ROOM_SUFFIXES * 4)
#define SPAN_SEED 0x2545F491u

typedef struct {
  uint16_t slots[SPAN_SLOTS];
  int bits;
} SpanHash;

typedef struct {
  Span suffixes[PRIVATE_ROOM_SUFFIXES];
  int count;
  SpanHash suffixHash;
  Span lastLabels[PRIVATE_ROOM_SUFFIXES];
  int lastCount;
  SpanHash lastHash;
  int maxLabels;
  int used;
  u8 text[PRIVATE_ROOM_BYTES];
} Privates;

static Privates slots[2];
static int active = -1; /* -1: not built yet (the built-in suffixes, built on first use) */

/* Order of the tables: by length, then bytewise; negative when w comes before the span. */
static int compare_span(const Privates *p, Span sp, const u8 *w, int len) {
  if (len != sp.len) return len - sp.len;
  const u8 *x = p->text + sp.start;
  for (int i = 0; i < len; i++)
    if (w[i] != x[i]) return (int)w[i] - (int)x[i];
  return 0;
}

/* The index of w in the sorted table, or -(insertion point) - 1. */
static int find_span(const Privates *p, const Span *table, int count, const u8 *w, int len) {
  int lo = 0, hi = count - 1;
  while (lo <= hi) {
    int mid = (lo + hi) >> 1;
    int c = compare_span(p, table[mid], w, len);
    if (c == 0) return mid;
    if (c < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return -lo - 1;
}

static void insert_span(Span *table, int *count, int k, Span sp) {
  memmove(table + k + 1, table + k, (size_t)(*count - k) * sizeof(Span));
  table[k] = sp;
  (*count)++;
}

/* h over table[0, count): every span k at the first free slot from its first one. */
static void hash_spans(const Privates *p, const Span *table, int count, SpanHash *h) {
  h->bits = 0;
  while ((1 << h->bits) < count * 4) h->bits++;
  uint32_t mask = (1u << h->bits) - 1;
  memset(h->slots, 0, (size_t)(mask + 1) * sizeof h->slots[0]);
  for (int k = 0; k < count; k++) {
    const u8 *w = p->text + table[k].start;
    uint32_t slot = word_hash(word_key(w, table[k].len), table[k].len, SPAN_SEED, h->bits);
    while (h->slots[slot] != 0) slot = (slot + 1) & mask;
    h->slots[slot] = (uint16_t)(k + 1);
  }
}

/*
 * find_span(…) >= 0 by the hash table (the same answer: membership does not depend on how a set is searched, and
 * every span of the table sits in the probe sequence from its first slot up to the next empty slot).
 */
static bool has_hashed(const Privates *p, const Span *table, const SpanHash *h, const u8 *w, int len) {
  uint32_t mask = (1u << h->bits) - 1;
  for (uint32_t slot = word_hash(word_key(w, len), len, SPAN_SEED, h->bits);; slot = (slot + 1) & mask) {
    int e = h->slots[slot];
    if (e == 0) return false;
    if (compare_span(p, table[e - 1], w, len) == 0) return true;
  }
}

/* `raw.trim()`: JavaScript's white space and line terminators, of which the ASCII ones are these. */
static bool is_trimmed(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
static int trim_start(const u8 *s, int a, int b) {
  while (a < b && is_trimmed(s[a])) a++;
  return a;
}
static int trim_end(const u8 *s, int a, int b) {
  while (b > a && is_trimmed(s[b - 1])) b--;
  return b;
}

/* `.replace(/^\*?\.+/, '')` on s[a, b): where the rest starts (a when the regex does not match). */
static int strip_star_dots(const u8 *s, int a, int b) {
  int k = a;
  if (k < b && s[k] == '*') k++;
  if (k >= b || s[k] != '.') return a; /* \.+ needs a dot, with or without the star */
  while (k < b && s[k] == '.') k++;
  return k;
}

/* `.replace(/\.+$/, '')` on s[a, b): where the rest ends. */
static int strip_trailing_dots(const u8 *s, int a, int b) {
  while (b > a && s[b - 1] == '.') b--;
  return b;
}

/*
 * One entry of the constructor's loop: `raw.trim().toLowerCase().replace(/^\*?\.+/, '').replace(/\.+$/, '')`, added
 * when not empty. -1 when the entry is not ASCII (toLowerCase maps some non-ASCII letters to ASCII ones: the Kelvin
 * sign to `k`) or the set outgrows the room.
 */
static int add_suffix(Privates *p, const u8 *raw, int rawLen) {
  for (int k = 0; k < rawLen; k++)
    if (raw[k] >= 128) return -1;
  int a = trim_start(raw, 0, rawLen);
  int b = trim_end(raw, a, rawLen);
  a = strip_star_dots(raw, a, b);
  b = strip_trailing_dots(raw, a, b);
  int len = b - a;
  if (len == 0) return 0;
  if (len > PRIVATE_ROOM_BYTES - p->used) return -1;
  u8 *s = p->text + p->used;
  for (int k = 0; k < len; k++) s[k] = (u8)lower(raw[a + k]);
  int k = find_span(p, p->suffixes, p->count, s, len);
  if (k >= 0) return 0; /* already in the set */
  if (p->count == PRIVATE_ROOM_SUFFIXES) return -1;
  insert_span(p->suffixes, &p->count, -k - 1, (Span){p->used, len});
  p->used += len;
  return 0;
}

/* After the loop: maxLabels (the most labels of a suffix, at least 1) and lastLabels (each suffix's last label). */
static void finish(Privates *p) {
  p->maxLabels = 1;
  p->lastCount = 0;
  for (int i = 0; i < p->count; i++) {
    Span sp = p->suffixes[i];
    const u8 *s = p->text + sp.start;
    int labels = 1;
    for (int k = 0; k < sp.len; k++)
      if (s[k] == '.') labels++;
    if (labels > p->maxLabels) p->maxLabels = labels;
    int dot = last_index_of(s, sp.len, '.', sp.len - 1);
    Span last = {sp.start + dot + 1, sp.len - dot - 1};
    int k = find_span(p, p->lastLabels, p->lastCount, p->text + last.start, last.len);
    if (k < 0) insert_span(p->lastLabels, &p->lastCount, -k - 1, last);
  }
  hash_spans(p, p->suffixes, p->count, &p->suffixHash);
  hash_spans(p, p->lastLabels, p->lastCount, &p->lastHash);
}

/* `new PrivateSuffixes(extra)` into slot `to`: [...BUILTIN_PRIVATE_SUFFIXES, ...extra]. */
static int build(int to, const u8 *list, int count) {
  Privates *p = &slots[to];
  p->count = 0;
  p->used = 0;
  for (int i = 0; i < BUILTIN_PRIVATE_SUFFIXES.count; i++) {
    if (add_suffix(p, (const u8 *)BUILTIN_PRIVATE_SUFFIXES.words[i], BUILTIN_PRIVATE_SUFFIXES.lengths[i]) < 0) return -1;
  }
  if (count < 0) return -1;
  for (int i = 0; i < count; i++) {
    int len = read_i32(list);
    if (len < 0) return -1;
    if (add_suffix(p, list + 4, len) < 0) return -1;
    list += 4 + len;
  }
  finish(p);
  return 0;
}

static const Privates *privates(void) {
  if (active < 0) {
    build(0, 0, 0);
    active = 0;
  }
  return &slots[active];
}

EXPORT(PrivateSuffixes_set) int PrivateSuffixes_set(const u8 *list, int count) {
  int to = active == 0 ? 1 : 0;
  if (build(to, list, count) < 0) return -1;
  active = to;
  return 0;
}

/* True when `host` (lowercase, no trailing dot) is a private suffix or lies under one; `lastLabel` is its last label. */
static bool matches(const Privates *p, const u8 *host, int hostLen, const u8 *lastLabel, int lastLen) {
  if (!has_hashed(p, p->lastLabels, &p->lastHash, lastLabel, lastLen)) return false;
  int dot = hostLen; /* the TypeScript's `at` */
  for (int labels = 0; labels < p->maxLabels && dot > 0; labels++) {
    dot = last_index_of(host, hostLen, '.', dot - 1);
    if (dot < 0 ? has_hashed(p, p->suffixes, &p->suffixHash, host, hostLen) : has_hashed(p, p->suffixes, &p->suffixHash, host + dot + 1, hostLen - dot - 1)) return true;
    if (dot < 0) return false;
  }
  return false;
}

int classify_host(const u8 *host, int hostLen, const u8 *lastLabel, int lastLen) {
  if (matches(privates(), host, hostLen, lastLabel, lastLen)) return SUFFIX_PRIVATE;
  return classify_last_label(lastLabel, lastLen);
}

/* For the tests. */
EXPORT(t_classifyLastLabel) int t_classifyLastLabel(const u8 *s, int n) { return classify_last_label(s, n); }
/* classifyHost(s[0, hostLen), s[lastStart, lastStart + lastLen)): the last label may lie anywhere in the line. */
EXPORT(t_classifyHost) int t_classifyHost(const u8 *s, int n, int hostLen, int lastStart, int lastLen) {
  if (hostLen < 0 || hostLen > n || lastStart < 0 || lastLen < 0 || lastStart + lastLen > n) return -1;
  return classify_host(s, hostLen, s + lastStart, lastLen);
}
/* The current suffixes (in the table's order), maxLabels and the number of distinct last labels. */
EXPORT(t_privateCount) int t_privateCount(void) { return privates()->count; }
EXPORT(t_privateSuffix) const u8 *t_privateSuffix(int k) { return privates()->text + privates()->suffixes[k].start; }
EXPORT(t_privateSuffixLen) int t_privateSuffixLen(int k) { return privates()->suffixes[k].len; }
EXPORT(t_privateMaxLabels) int t_privateMaxLabels(void) { return privates()->maxLabels; }
EXPORT(t_privateLastLabelCount) int t_privateLastLabelCount(void) { return privates()->lastCount; }
/* The three steps of an entry's normalisation on the whole line: where trim() leaves it (start << 16 | end), and the regexes. */
EXPORT(t_trim) int t_trim(const u8 *s, int n) {
  int a = trim_start(s, 0, n);
  return a << 16 | trim_end(s, a, n);
}
EXPORT(t_stripStarDots) int t_stripStarDots(const u8 *s, int n) { return strip_star_dots(s, 0, n); }
EXPORT(t_stripTrailingDots) int t_stripTrailingDots(const u8 *s, int n) { return strip_trailing_dots(s, 0, n); }
