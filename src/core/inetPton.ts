/**
 * inet_pton / inet_ntop as glibc implements them (resolv/inet_pton.c, resolv/inet_ntop.c), which is what Python's
 * socket.inet_pton/inet_ntop call on Linux. The strict parsers here are also the address grammar of Python's
 * `ipaddress` (both reject leading zeros in dotted quads, five-digit groups and stray colons), so addressFacts
 * and urlPort reuse them rather than keeping a second parser.
 */
import { checkCString } from './nssFilesParse';
import { ResolverFailure } from './resolverError';

/** glibc inet_pton4: exactly four decimal parts 0-255, no leading zeros, nothing else. */
export function parseIPv4Strict(text: string): Uint8Array | null {
  const out = new Uint8Array(4);
  let octets = 0;
  let sawDigit = false;
  let current = 0;
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') {
      if (sawDigit && current === 0) return null; // a leading zero ("01") would be octal elsewhere: refused
      current = current * 10 + (ch.charCodeAt(0) - 48);
      if (current > 255) return null;
      if (!sawDigit) {
        if (++octets > 4) return null;
        sawDigit = true;
      }
      out[octets - 1] = current;
    } else if (ch === '.' && sawDigit) {
      if (octets === 4) return null;
      sawDigit = false;
      current = 0;
    } else return null;
  }
  return octets === 4 && sawDigit ? out : null;
}

function hexDigitValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** glibc inet_pton6: up to 8 groups of 1-4 hex digits, one `::`, an optional dotted-quad tail. */
export function parseIPv6Strict(text: string): Uint8Array | null {
  const out = new Uint8Array(16);
  let i = 0;
  if (text.length === 0) return null;
  // A leading colon must be half of a leading "::".
  if (text[0] === ':') {
    if (text[1] !== ':') return null;
    i = 1;
  }
  let tp = 0;
  let colonp = -1;
  let curtok = i;
  let digits = 0;
  let val = 0;
  while (i < text.length) {
    const ch = text[i++];
    const d = hexDigitValue(ch);
    if (d >= 0) {
      if (digits === 4) return null;
      val = (val << 4) | d;
      digits++;
      continue;
    }
    if (ch === ':') {
      curtok = i;
      if (digits === 0) {
        if (colonp !== -1) return null;
        colonp = tp;
        continue;
      }
      if (i === text.length) return null; // a trailing single colon
      if (tp + 2 > 16) return null;
      out[tp++] = val >> 8;
      out[tp++] = val & 0xff;
      digits = 0;
      val = 0;
      continue;
    }
    if (ch === '.' && tp + 4 <= 16) {
      const v4 = parseIPv4Strict(text.slice(curtok));
      if (!v4) return null;
      out.set(v4, tp);
      tp += 4;
      digits = 0;
      break;
    }
    return null;
  }
  if (digits > 0) {
    if (tp + 2 > 16) return null;
    out[tp++] = val >> 8;
    out[tp++] = val & 0xff;
  }
  if (colonp !== -1) {
    if (tp === 16) return null; // "::" must stand for at least one group
    const n = tp - colonp;
    out.copyWithin(16 - n, colonp, tp);
    out.fill(0, colonp, 16 - n);
    tp = 16;
  }
  return tp === 16 ? out : null;
}

export function formatIPv4(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 4)).join('.');
}

function words(bytes: Uint8Array): number[] {
  return Array.from({ length: 8 }, (_, k) => (bytes[2 * k] << 8) | bytes[2 * k + 1]);
}

/** The first longest run of zero groups of at least two, as glibc's and RFC 5952's compression both choose it. */
function longestZeroRun(w: readonly number[]): { base: number; len: number } | null {
  let best: { base: number; len: number } | null = null;
  let cur: { base: number; len: number } | null = null;
  for (let k = 0; k < 8; k++) {
    if (w[k] === 0) {
      cur = cur ? { base: cur.base, len: cur.len + 1 } : { base: k, len: 1 };
      if (!best || cur.len > best.len) best = cur;
    } else cur = null;
  }
  return best && best.len >= 2 ? best : null;
}

/**
 * glibc inet_ntop6, character for character. It differs from RFC 5952 in one place: when the first six groups
 * (or five plus ffff) are zero it prints the last 32 bits as a dotted quad, so ::2:3 prints as ::0.2.0.3 (an
 * "IPv4-compatible" address, deprecated since RFC 4291) and ::ffff:0 as ::ffff:0.0.0.0.
 */
export function formatIPv6Glibc(bytes: Uint8Array): string {
  const w = words(bytes);
  const best = longestZeroRun(w);
  let out = '';
  for (let k = 0; k < 8; k++) {
    if (best && k >= best.base && k < best.base + best.len) {
      if (k === best.base) out += ':';
      continue;
    }
    if (k !== 0) out += ':';
    if (k === 6 && best?.base === 0 && (best.len === 6 || (best.len === 5 && w[5] === 0xffff))) {
      out += formatIPv4(bytes.subarray(12, 16));
      break;
    }
    out += w[k].toString(16);
  }
  if (best && best.base + best.len === 8) out += ':';
  return out;
}

/**
 * RFC 5952 text: lowercase, no leading zeros, the first longest run (two or more) of zero groups as "::", and
 * (section 5) the dotted-quad tail only for IPv4-mapped addresses (::ffff:0:0/96).
 */
export function formatIPv6Rfc5952(bytes: Uint8Array): string {
  const w = words(bytes);
  const mapped = w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff;
  if (mapped) return `::ffff:${formatIPv4(bytes.subarray(12, 16))}`;
  const best = longestZeroRun(w);
  if (!best) return w.map((x) => x.toString(16)).join(':');
  const head = w.slice(0, best.base).map((x) => x.toString(16)).join(':');
  const tail = w.slice(best.base + best.len).map((x) => x.toString(16)).join(':');
  return `${head}::${tail}`;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Hex text (as the CLI takes packed addresses) to bytes; null unless it is an even number of hex digits. */
export function hexToBytes(hex: string): Uint8Array | null {
  const clean = hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex;
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) return null;
  return Uint8Array.from({ length: clean.length / 2 }, (_, k) => parseInt(clean.slice(2 * k, 2 * k + 2), 16));
}

/** Python's errors for the pton/ntop pair (Modules/socketmodule.c). */
function pyError(kind: 'OSError' | 'ValueError', message: string, errno: number | null = null): ResolverFailure {
  return new ResolverFailure({ kind, errno, code: errno === null ? null : 'EAFNOSUPPORT', message });
}

export interface PtonResult {
  bytes: Uint8Array;
  /** IPv6 only: glibc's inet_ntop text of the result (what Python's inet_ntop prints back). */
  glibc: string;
  /** IPv6 only: the RFC 5952 text, which differs from glibc's for some IPv4-compatible addresses. */
  rfc5952: string;
}

/**
 * socket.inet_pton(family, text). Families other than AF_INET/AF_INET6 fail with EAFNOSUPPORT, as in glibc.
 */
export function inetPton(family: string, text: string): PtonResult {
  checkCString(text);
  if (family !== 'AF_INET' && family !== 'AF_INET6') throw pyError('OSError', 'Address family not supported by protocol', 97);
  const bytes = family === 'AF_INET' ? parseIPv4Strict(text) : parseIPv6Strict(text);
  if (!bytes) throw pyError('OSError', 'illegal IP address string passed to inet_pton');
  const glibc = bytes.length === 4 ? formatIPv4(bytes) : formatIPv6Glibc(bytes);
  return { bytes, glibc, rfc5952: bytes.length === 4 ? glibc : formatIPv6Rfc5952(bytes) };
}

/**
 * socket.inet_ntop(family, packed): glibc's text, plus the RFC 5952 form for display beside it. `familyValue` is
 * the platform number of `family`, because Python reports an unknown family by number.
 */
export function inetNtop(family: string, familyValue: number, packed: Uint8Array): { text: string; rfc5952: string } {
  if (family === 'AF_INET') {
    if (packed.length !== 4) throw pyError('ValueError', 'invalid length of packed IP address string');
    const text = formatIPv4(packed);
    return { text, rfc5952: text };
  }
  if (family === 'AF_INET6') {
    if (packed.length !== 16) throw pyError('ValueError', 'invalid length of packed IP address string');
    return { text: formatIPv6Glibc(packed), rfc5952: formatIPv6Rfc5952(packed) };
  }
  throw pyError('ValueError', `unknown address family ${familyValue}`);
}
