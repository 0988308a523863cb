#include "hostsyntax.h"
#include "charclass.h"

int host_syntax_end(const u8 *s, int n, int start, int limit, bool wholeRange) {
  int i = start;
  int labelStart = start;
  /* The label characters are read inside the line only (at() is -1, no label character, outside it): one bound. */
  int end = limit < n ? limit : n;
  for (;;) {
    while (i >= 0 && i < end && is_label(s[i])) i++;
    if (bad_label(s, n, labelStart, i)) return -1;
    if (i < limit && at(s, n, i) == '.') {
      i++;
      if (i == limit || !is_label(at(s, n, i))) break;
      labelStart = i;
      continue;
    }
    break;
  }
  if (i - start > MAX_NAME_CHARS) return -1;
  if (wholeRange && i < limit && at(s, n, i) != ':' && at(s, n, i) != ',') return -1;
  return i;
}

bool bad_label(const u8 *s, int n, int start, int end) {
  return end - start > 63 || end == start || at(s, n, start) == '-' || at(s, n, end - 1) == '-';
}

EXPORT(t_hostSyntaxEnd) int t_hostSyntaxEnd(const u8 *s, int n, int start, int limit, int whole) { return host_syntax_end(s, n, start, limit, whole != 0); }
EXPORT(t_badLabel) int t_badLabel(const u8 *s, int n, int start, int end) { return bad_label(s, n, start, end); }
