#include "textlines.h"

#define HIGH_BITS 0x8080808080808080ull

/*
 * `/[\n\r]/g` searched from `from` (lastIndex): the index of the first line end at or after it, or -1; and, in the
 * same pass, *ascii: whether the bytes from `from` to there (or to n) are all ASCII. Eight bytes at a time while
 * eight are left in the text, whose end may be the end of the module's memory.
 */
static int line_end_from(const u8 *s, int n, int from, bool *ascii) {
  uint64_t high = 0; /* the bytes passed, OR-ed: a non-ASCII one sets a high bit */
  int k = from;
  for (; k + 8 <= n; k += 8) {
    uint64_t v = load8(s + k);
    uint64_t ends = bytes_equal(v, '\n') | bytes_equal(v, '\r');
    if (ends != 0) {
      int i = first_byte(ends); /* the lowest bit of each mask is a true match, so of their OR too */
      high |= v & ((1ull << (8 * i)) - 1);
      *ascii = (high & HIGH_BITS) == 0;
      return k + i;
    }
    high |= v;
  }
  for (; k < n; k++) {
    if (s[k] == '\n' || s[k] == '\r') break;
    high |= s[k];
  }
  *ascii = (high & HIGH_BITS) == 0;
  return k < n ? k : -1;
}

void text_lines_init(TextLines *t, const u8 *text, int len, int firstLine, bool piece) {
  t->text = text;
  t->len = len;
  t->lineStart = 0;
  t->lineEnd = 0;
  t->lineNo = firstLine - 1;
  t->start = 0;
  t->last = piece ? len - 1 : len;
}

bool text_lines_next(TextLines *t) {
  const u8 *text = t->text;
  int n = t->len;
  int start = t->start;
  if (start > t->last) return false;
  int found = line_end_from(text, n, start, &t->ascii);
  int end = found >= 0 ? found : n;
  t->lineStart = start;
  t->lineEnd = end;
  t->lineNo++;
  if (at(text, n, end) == '\r' && at(text, n, end + 1) == '\n') end++;
  t->start = end + 1;
  return true;
}

int count_line_ends(const u8 *bytes, int len) {
  int n = 0;
  for (int k = index_of(bytes, len, '\n', 0); k != -1; k = index_of(bytes, len, '\n', k + 1)) n++;
  /* A `\r` alone ends a line too (bytes[k + 1] is undefined past the end: not 10). */
  for (int k = index_of(bytes, len, '\r', 0); k != -1; k = index_of(bytes, len, '\r', k + 1))
    if (at(bytes, len, k + 1) != '\n') n++;
  return n;
}

/* For the tests. */
EXPORT(t_lineEndFrom) int t_lineEndFrom(const u8 *s, int n, int from) {
  bool ascii;
  return line_end_from(s, n, from, &ascii);
}
EXPORT(t_countLineEnds) int t_countLineEnds(const u8 *s, int n) { return count_line_ends(s, n); }

static Buffer linesOut;

/*
 * Every line of the text [s, s + n) as TextLines reads it, as (start, end, lineNo) int32 triples at
 * t_textLinesOut(); returns how many lines, or -1 when memory cannot grow.
 */
EXPORT(t_textLines) int t_textLines(const u8 *s, int n, int firstLine, int piece) {
  TextLines t;
  text_lines_init(&t, s, n, firstLine, piece != 0);
  int count = 0;
  while (text_lines_next(&t)) {
    if (!buffer_reserve(&linesOut, (count + 1) * 12)) return -1;
    int32_t *triple = (int32_t *)linesOut.ptr + 3 * count;
    triple[0] = t.lineStart;
    triple[1] = t.lineEnd;
    triple[2] = t.lineNo;
    count++;
  }
  return count;
}
EXPORT(t_textLinesOut) const int32_t *t_textLinesOut(void) { return (const int32_t *)linesOut.ptr; }
