// FROZEN: src/core/scanner/ipLiterals.ts as of commit 7cb81ee902f6f2166b7ecaaa080c2c5e43f138fb (2026-12-06; before issue 13's scanner changes).
// A baseline for `npm run bench` (issue 13: the core scan must reach ≥ 3× "today's scanner" on the sparse corpus,
// measured in the same run). Unchanged but for this header (its imports are all within this folder). Do not edit.
/**
 * IP literal recognisers that work in place on a line (start/end offsets, no substrings), so that the scanner can
 * try them at every plausible position without allocating.
 */
import { CH, isDigitChar, isHexChar, isLabelChar } from './charClass';

/**
 * The end of a dotted-quad IPv4 address starting at `start` (four decimal octets 0-255, no leading zeros, so that
 * `010.1.1.1` — octal to inet_aton — is not silently read as decimal), or -1.
 */
export function ipv4End(s: string, start: number, limit: number): number {
  let i = start;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (i >= limit || s.charCodeAt(i) !== CH.DOT) return -1;
      i++;
    }
    const first = i;
    let value = 0;
    while (i < limit && i - first < 4 && isDigitChar(s.charCodeAt(i))) value = value * 10 + (s.charCodeAt(i++) - 48);
    const digits = i - first;
    if (digits === 0 || digits > 3 || value > 255 || (digits > 1 && s.charCodeAt(first) === 48)) return -1;
  }
  return i;
}

/**
 * The end of an IPv6 literal starting at `start` (RFC 4291 text forms: up to eight groups, one `::`, an optional
 * embedded IPv4 tail), not including any `%zone`, or -1. It stops before a colon that does not continue the
 * address, so `[2001:db8::1]:443` and `fe80::1%eth0` leave the rest to the caller.
 */
export function ipv6End(s: string, start: number, limit: number): number {
  let i = start;
  let groups = 0;
  let compressed = false;
  if (s.charCodeAt(i) === CH.COLON) {
    if (s.charCodeAt(i + 1) !== CH.COLON) return -1;
    compressed = true;
    i += 2;
  }
  while (i < limit) {
    const groupStart = i;
    while (i < limit && i - groupStart < 5 && isHexChar(s.charCodeAt(i))) i++;
    const len = i - groupStart;
    if (len === 0) break;
    if (i < limit && s.charCodeAt(i) === CH.DOT) {
      // An embedded IPv4 address (::ffff:192.0.2.1) takes the place of the last two groups.
      const v4 = ipv4End(s, groupStart, limit);
      if (v4 < 0 || groups > 6) return -1;
      groups += 2;
      i = v4;
      break;
    }
    if (len > 4) return -1;
    groups++;
    if (groups > 8) return -1;
    if (i + 1 < limit && s.charCodeAt(i) === CH.COLON) {
      if (s.charCodeAt(i + 1) === CH.COLON) {
        if (compressed) return -1;
        compressed = true;
        i += 2;
        continue;
      }
      if (isHexChar(s.charCodeAt(i + 1))) {
        i++;
        continue;
      }
    }
    break;
  }
  if (compressed ? groups > 7 : groups !== 8) return -1;
  return i;
}

/** The end of a `%zone` suffix (`%eth0`, `%25en0` in URLs) at `i`, or `i` when there is none. */
export function zoneEnd(s: string, i: number, limit: number): number {
  if (i >= limit || s.charCodeAt(i) !== CH.PERCENT) return i;
  let j = i + 1;
  while (j < limit && (isLabelChar(s.charCodeAt(j)) || s.charCodeAt(j) === CH.DOT) && s.charCodeAt(j) < 128) j++;
  return j > i + 1 ? j : i;
}

/** True when an IPv6 literal contains a digit: `dead::beef` and `a::b` are far likelier to be code than addresses. */
export function hasDigit(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isDigitChar(s.charCodeAt(i))) return true;
  return false;
}
