#include "ipliterals.h"
#include "charclass.h"

int ipv4_end(const u8 *s, int n, int start, int limit) {
  int i = start;
  for (int part = 0; part < 4; part++) {
    if (part > 0) {
      if (i >= limit || at(s, n, i) != '.') return -1;
      i++;
    }
    int first = i;
    int value = 0;
    while (i < limit && i - first < 4 && is_digit(at(s, n, i))) value = value * 10 + (at(s, n, i++) - 48);
    int digits = i - first;
    if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && at(s, n, first) == '0')) return -1;
  }
  return i;
}

int ipv6_end(const u8 *s, int n, int start, int limit) {
  int i = start;
  int groups = 0;
  bool compressed = false;
  if (at(s, n, i) == ':') {
    if (at(s, n, i + 1) != ':') return -1;
    compressed = true;
    i += 2;
  }
  while (i < limit) {
    int groupStart = i;
    while (i < limit && i - groupStart < 5 && is_hex(at(s, n, i))) i++;
    int len = i - groupStart;
    if (len == 0) break;
    if (i < limit && at(s, n, i) == '.') {
      int v4 = ipv4_end(s, n, groupStart, limit);
      if (v4 < 0 || groups > 6) return -1;
      groups += 2;
      i = v4;
      break;
    }
    if (len > 4) return -1;
    groups++;
    if (groups > 8) return -1;
    if (i + 1 < limit && at(s, n, i) == ':') {
      if (at(s, n, i + 1) == ':') {
        if (compressed) return -1;
        compressed = true;
        i += 2;
        continue;
      }
      if (is_hex(at(s, n, i + 1))) {
        i++;
        continue;
      }
    }
    break;
  }
  if (compressed ? groups > 7 : groups != 8) return -1;
  return i;
}

int zone_end(const u8 *s, int n, int i, int limit) {
  if (i >= limit || at(s, n, i) != '%') return i;
  int j = i + 1;
  while (j < limit && (is_label(at(s, n, j)) || at(s, n, j) == '.') && at(s, n, j) < 128) j++;
  while (j > i + 1 && at(s, n, j - 1) == '.') j--;
  return j > i + 1 ? j : i;
}

bool has_digit(const u8 *s, int n, int start, int end) {
  for (int i = start; i < end; i++)
    if (is_digit(at(s, n, i))) return true;
  return false;
}

EXPORT(t_ipv4End) int t_ipv4End(const u8 *s, int n, int start, int limit) { return ipv4_end(s, n, start, limit); }
EXPORT(t_ipv6End) int t_ipv6End(const u8 *s, int n, int start, int limit) { return ipv6_end(s, n, start, limit); }
EXPORT(t_zoneEnd) int t_zoneEnd(const u8 *s, int n, int i, int limit) { return zone_end(s, n, i, limit); }
EXPORT(t_hasDigit) int t_hasDigit(const u8 *s, int n, int start, int end) { return has_digit(s, n, start, end); }
