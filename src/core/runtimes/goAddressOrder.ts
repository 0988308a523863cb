/**
 * The pure-Go resolver's own address sort (src/net/addrselect.go, sortByRFC6724; in Go since 1.5): RFC 6724's
 * policy table built in, gai.conf never read, rules 3, 4 and 7 left out, rule 9 for IPv6 pairs only and over the
 * first 64 bits, and sort.Stable (insertion sort in blocks of 20, then SymMerge) for the order. Go finds source
 * addresses as glibc does, with a connected UDP socket per destination.
 */
import type { Destination } from '../addressOrder';
import { parseIpAddress } from '../ipAddress';

/** rfc6724policyTable (RFC 6724 section 2.1), longest prefix first as Go sorts it at init. */
export const GO_POLICY: readonly { prefix: string; bits: number; precedence: number; label: number }[] = [
  { prefix: '::1', bits: 128, precedence: 50, label: 0 },
  { prefix: '::ffff:0.0.0.0', bits: 96, precedence: 35, label: 4 },
  { prefix: '::', bits: 96, precedence: 1, label: 3 },
  { prefix: '2001::', bits: 32, precedence: 5, label: 5 },
  { prefix: '2002::', bits: 16, precedence: 30, label: 2 },
  { prefix: '3ffe::', bits: 16, precedence: 1, label: 12 },
  { prefix: 'fec0::', bits: 10, precedence: 1, label: 11 },
  { prefix: 'fc00::', bits: 7, precedence: 3, label: 13 },
  { prefix: '::', bits: 0, precedence: 40, label: 1 },
];

interface GoAttr {
  scope: number;
  precedence: number;
  label: number;
}

interface GoEntry {
  destination: Destination;
  /** 4 bytes for IPv4, 16 for IPv6 (Go's To4() view). */
  dst: Uint8Array;
  src: Uint8Array | null;
  dstAttr: GoAttr;
  srcAttr: GoAttr | null;
}

function bytes(text: string): Uint8Array {
  const parsed = parseIpAddress(text);
  if (!parsed) throw new Error(`not an IP address: ${text}`);
  return parsed.bytes;
}

function as16(b: Uint8Array): Uint8Array {
  if (b.length === 16) return b;
  const out = new Uint8Array(16);
  out[10] = 0xff;
  out[11] = 0xff;
  out.set(b, 12);
  return out;
}

function classify(b: Uint8Array): { precedence: number; label: number } {
  const a = as16(b);
  for (const p of GO_POLICY) {
    const prefix = bytes(p.prefix);
    const whole = Math.floor(p.bits / 8);
    const rest = p.bits % 8;
    if (!prefix.subarray(0, whole).every((x, i) => x === a[i])) continue;
    const mask = (0xff00 >> rest) & 0xff;
    if (rest === 0 || (a[whole] & mask) === (prefix[whole] & mask)) return p;
  }
  return { precedence: 0, label: 0 };
}

/** classifyScope: loopback and link-local (IPv4 too) are link-local (2), IPv6 multicast by its scope field. */
function classifyScope(b: Uint8Array): number {
  if (b.length === 4) return b[0] === 127 || (b[0] === 169 && b[1] === 254) ? 2 : 14;
  if (b.subarray(0, 15).every((x) => x === 0) && b[15] === 1) return 2;
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0x80) return 2;
  if (b[0] === 0xff) return b[1] & 0x0f;
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0xc0) return 5;
  return 14;
}

function attrOf(b: Uint8Array): GoAttr {
  return { scope: classifyScope(b), ...classify(b) };
}

/** commonPrefixLen: 0 across families, IPv4 over 32 bits, IPv6 over the first 64 bits only. */
function commonPrefixLen(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return 0;
  const n = a.length === 16 ? 8 : 4;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] ^ b[i];
    if (x === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(x) - 24;
  }
  return bits;
}

/** byRFC6724.Less: whether a is a better destination than b ("equal" is false both ways). */
function less(a: GoEntry, b: GoEntry): boolean {
  if (!a.src && !b.src) return false;
  if (!b.src) return true;
  if (!a.src) return false;
  const sa = a.srcAttr as GoAttr;
  const sb = b.srcAttr as GoAttr;
  if (a.dstAttr.scope === sa.scope && b.dstAttr.scope !== sb.scope) return true;
  if (a.dstAttr.scope !== sa.scope && b.dstAttr.scope === sb.scope) return false;
  if (sa.label === a.dstAttr.label && sb.label !== b.dstAttr.label) return true;
  if (sa.label !== a.dstAttr.label && sb.label === b.dstAttr.label) return false;
  if (a.dstAttr.precedence !== b.dstAttr.precedence) return a.dstAttr.precedence > b.dstAttr.precedence;
  if (a.dstAttr.scope !== b.dstAttr.scope) return a.dstAttr.scope < b.dstAttr.scope;
  if (a.dst.length === 16 && b.dst.length === 16) {
    const ca = commonPrefixLen(a.src, a.dst);
    const cb = commonPrefixLen(b.src, b.dst);
    if (ca !== cb) return ca > cb;
  }
  return false;
}

/** sort.Stable's algorithm: insertion sort of blocks of 20, then SymMerge (Kim and Kutzner) of doubling runs. */
function stableSort<T>(data: T[], lessThan: (x: T, y: T) => boolean): void {
  const swap = (i: number, j: number): void => {
    [data[i], data[j]] = [data[j], data[i]];
  };
  const lessAt = (i: number, j: number): boolean => lessThan(data[i], data[j]);
  const insertion = (a: number, b: number): void => {
    for (let i = a + 1; i < b; i++) for (let j = i; j > a && lessAt(j, j - 1); j--) swap(j, j - 1);
  };
  const swapRange = (a: number, b: number, n: number): void => {
    for (let i = 0; i < n; i++) swap(a + i, b + i);
  };
  const rotate = (a: number, m: number, b: number): void => {
    let i = m - a;
    let j = b - m;
    while (i !== j) {
      if (i > j) {
        swapRange(m - i, m, j);
        i -= j;
      } else {
        swapRange(m - i, m + j - i, i);
        j -= i;
      }
    }
    swapRange(m - i, m, i);
  };
  const symMerge = (a: number, m: number, b: number): void => {
    if (m - a === 1) {
      // Insert data[a] into the sorted data[m:b]: after every element not greater than it.
      let i = m;
      let j = b;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (lessAt(h, a)) i = h + 1;
        else j = h;
      }
      for (let k = a; k < i - 1; k++) swap(k, k + 1);
      return;
    }
    if (b - m === 1) {
      let i = a;
      let j = m;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (!lessAt(m, h)) i = h + 1;
        else j = h;
      }
      for (let k = m; k > i; k--) swap(k, k - 1);
      return;
    }
    const mid = (a + b) >>> 1;
    const n = mid + m;
    let start: number;
    let r: number;
    if (m > mid) {
      start = n - b;
      r = mid;
    } else {
      start = a;
      r = m;
    }
    const p = n - 1;
    while (start < r) {
      const c = (start + r) >>> 1;
      if (!lessAt(p - c, c)) start = c + 1;
      else r = c;
    }
    const end = n - start;
    if (start < m && m < end) rotate(start, m, end);
    if (a < start && start < mid) symMerge(a, start, mid);
    if (mid < end && end < b) symMerge(mid, end, b);
  };
  const n = data.length;
  const block = 20;
  let a = 0;
  let b = block;
  while (b <= n) {
    insertion(a, b);
    a = b;
    b += block;
  }
  insertion(a, n);
  for (let size = block; size < n; size *= 2) {
    a = 0;
    b = 2 * size;
    while (b <= n) {
      symMerge(a, a + size, b);
      a = b;
      b += 2 * size;
    }
    if (a + size < n) symMerge(a, a + size, n);
  }
}

/** The order the pure-Go resolver gives `destinations` (as its hosts file or DNS answer listed them). */
export function goOrder(destinations: readonly Destination[]): Destination[] {
  if (destinations.length < 2) return [...destinations];
  const entries: GoEntry[] = destinations.map((d) => {
    const dst = bytes(d.address);
    const src = d.source === null ? null : bytes(d.source);
    return { destination: d, dst, src, dstAttr: attrOf(dst), srcAttr: src ? attrOf(src) : null };
  });
  stableSort(entries, less);
  return entries.map((e) => e.destination);
}
