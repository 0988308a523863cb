/**
 * Python's `ipaddress.ip_address(text)` for text input: a strict dotted quad, or an IPv6 address with an optional
 * `%scope` (Python 3.9+). The grammar is glibc's inet_pton grammar (see inetPton.ts), so one parser serves both.
 */
import { parseIPv4Strict, parseIPv6Strict } from './inetPton';
import { ResolverFailure } from './resolverError';
import { pyStr } from './pythonRepr';

export interface ParsedIp {
  version: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array;
  /** The IPv6 zone after `%` (kept as written), or null. */
  scopeId: string | null;
}

export function parseIpAddress(text: string): ParsedIp | null {
  const v4 = parseIPv4Strict(text);
  if (v4) return { version: 4, bytes: v4, scopeId: null };
  // ipaddress refuses any '/' before parsing ("Unexpected '/'"), so also inside a zone: fe80::1%a/b is no address.
  if (text.includes('/')) return null;
  const percent = text.indexOf('%');
  const addr = percent === -1 ? text : text.slice(0, percent);
  const scope = percent === -1 ? null : text.slice(percent + 1);
  if (scope !== null && (scope === '' || scope.includes('%'))) return null;
  const v6 = parseIPv6Strict(addr);
  return v6 ? { version: 6, bytes: v6, scopeId: scope } : null;
}

/** An address's bytes (network order) as one number, as ipaddress's `int(ip)`. */
export function ipToBigInt(bytes: Uint8Array): bigint {
  return bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
}

/** The inverse of ipToBigInt: `length` bytes (4 or 16), network order. */
export function bigIntToIpBytes(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Python's ValueError for text that is neither: `'zz' does not appear to be an IPv4 or IPv6 address`. */
export function notAnIpAddress(text: string): ResolverFailure {
  return new ResolverFailure({ kind: 'ValueError', errno: null, code: null, message: `${pyStr(text)} does not appear to be an IPv4 or IPv6 address` });
}
