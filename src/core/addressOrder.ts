/**
 * Why glibc's getaddrinfo puts its addresses in the order it does: rfc3484_sort in sysdeps/posix/getaddrinfo.c
 * (glibc 2.36; nss/getaddrinfo.c since 2.39, the same comparison up to 2.40 apart from fls becoming
 * stdc_leading_zeros), fed exactly what glibc feeds it:
 *
 *  - per destination, the source address the kernel picks, found as glibc finds it: a UDP socket connect() and
 *    getsockname() (no packet is sent); no source means the destination is unusable (rule 1);
 *  - the flags, prefix length and interface index of that source, from the interface address list __check_pf
 *    reads over netlink (sysdeps/unix/sysv/linux/check_pf.c). glibc keeps that list only when the machine has an
 *    IPv6 address other than ::1; otherwise every source has flags 0, prefix length 0 and no interface;
 *  - the label, precedence and IPv4 scope tables of gai.conf (gaiConf.ts).
 *
 * glibc sorts with its qsort, a top-down merge sort (stdlib/msort.c), which is reproduced here: with rules that
 * apply to one family only (9) or to reachable pairs only, the comparison is not always transitive, and then the
 * algorithm decides the order.
 */
import * as l10n from '@vscode/l10n';
import type { GaiConf, PolicyRow, ScopeRow } from './gaiConf';
import { parseIpAddress } from './ipAddress';

/** One address of an interface, as the kernel's RTM_GETADDR dump lists it. */
export interface InterfaceAddress {
  address: string;
  prefixLength: number;
  /** Interface index (ifa_index). */
  index: number;
  /** ifa_flags (IFA_F_*); IPv4 addresses carry none that matter here. */
  flags: number;
}

/** One interface, as RTM_GETLINK lists it: rule 7 asks whether it is a tunnel. */
export interface InterfaceLink {
  index: number;
  /** ifi_type: ARPHRD_* (1 ethernet, 772 loopback, 768 IPIP tunnel, 769 IPv6-in-IPv6, 776 SIT). */
  type: number;
}

export interface HostAddressing {
  interfaces: readonly InterfaceAddress[];
  links: readonly InterfaceLink[];
}

export type AddressFamily = 'AF_INET' | 'AF_INET6';

/** A destination as getaddrinfo returned it, with the source address a connected UDP socket got (null: none). */
export interface Destination {
  address: string;
  family: AddressFamily;
  source: string | null;
}

/** linux/if_addr.h */
const IFA_F_OPTIMISTIC = 0x04;
const IFA_F_HOMEADDRESS = 0x10;
const IFA_F_DEPRECATED = 0x20;
/** linux/if_arp.h: the link types check_native.c counts as not native. */
const ARPHRD_TUNNEL = 768;
const ARPHRD_TUNNEL6 = 769;
const ARPHRD_SIT = 776;
/** glibc's "no interface" index. */
const NO_INDEX = 0xffffffff;

/** What rfc3484_sort knows about one destination. */
interface SortEntry {
  address: string;
  family: AddressFamily;
  /** 4 or 16 bytes. */
  dest: Uint8Array;
  source: string | null;
  src: Uint8Array | null;
  deprecated: boolean;
  home: boolean;
  prefixLength: number;
  index: number;
  native: boolean;
}

function bytesOf(text: string): Uint8Array {
  const parsed = parseIpAddress(text);
  if (!parsed) throw new Error(`not an IP address: ${text}`);
  return parsed.bytes;
}

/** ::ffff:a.b.c.d for an IPv4 address (match_prefix maps IPv4 so), the address itself for IPv6. */
function asV6(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 16) return bytes;
  const out = new Uint8Array(16);
  out[10] = 0xff;
  out[11] = 0xff;
  out.set(bytes, 12);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** match_prefix: the value of the first row whose first `bits` bits equal the address's. */
function matchPrefix(bytes: Uint8Array, rows: readonly PolicyRow[]): number {
  const addr = asV6(bytes);
  for (const row of rows) {
    const prefix = bytesOf(row.prefix.split('/')[0]);
    let bits = row.bits;
    let i = 0;
    while (bits >= 8 && prefix[i] === addr[i]) {
      i++;
      bits -= 8;
    }
    if (bits >= 8) continue;
    const mask = (0xff00 >> bits) & 0xff;
    if (bits === 0 || (prefix[i] & mask) === (addr[i] & mask)) return row.value;
  }
  return 0; // unreachable: every table ends with a /0 row
}

function u32(bytes: Uint8Array, at = 0): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

/** get_scope: IPv6 by address type; IPv4 by the scopev4 table (first row whose masked address matches). */
export function glibcScope(bytes: Uint8Array, scopes: readonly ScopeRow[]): number {
  if (bytes.length === 16) {
    if (bytes[0] === 0xff) return bytes[1] & 0x0f;
    const loopback = bytes.subarray(0, 15).every((b) => b === 0) && bytes[15] === 1;
    if ((bytes[0] === 0xfe && (bytes[1] & 0xc0) === 0x80) || loopback) return 2;
    if (bytes[0] === 0xfe && (bytes[1] & 0xc0) === 0xc0) return 5;
    return 14;
  }
  const addr = u32(bytes);
  for (const row of scopes) {
    const [net, len] = row.prefix.split('/');
    const mask = row.bits === 0 ? 0 : (0xffffffff << (32 - Number(len))) >>> 0;
    if (((addr & mask) >>> 0) === u32(bytesOf(net))) return row.value;
  }
  return 14;
}

/** The interface list glibc keeps (check_pf.c): empty unless some IPv6 address other than ::1 exists. */
function glibcInterfaceList(addressing: HostAddressing): InterfaceAddress[] {
  const seenIpv6 = addressing.interfaces.some((i) => {
    const b = bytesOf(i.address);
    return b.length === 16 && !(b.subarray(0, 15).every((x) => x === 0) && b[15] === 1);
  });
  return seenIpv6 ? [...addressing.interfaces] : [];
}

/**
 * The sort entries, with the interface facts of each source found as getaddrinfo finds them: an IPv4 destination
 * that glibc connects on an AF_INET socket (before any IPv6 destination in the list) looks up 127.0.0.1 for any
 * 127/8 source ("Special case for lo interface"); later ones go through the AF_INET6 socket, as ::ffff:a.b.c.d.
 */
function sortEntries(destinations: readonly Destination[], addressing: HostAddressing): SortEntry[] {
  const list = glibcInterfaceList(addressing).map((i) => ({ ...i, key: asV6(bytesOf(i.address)) }));
  const native = new Map(addressing.links.map((l) => [l.index, l.type !== ARPHRD_TUNNEL && l.type !== ARPHRD_TUNNEL6 && l.type !== ARPHRD_SIT]));
  let socketFamily: AddressFamily | null = null;
  return destinations.map((d) => {
    if (socketFamily === null || (socketFamily === 'AF_INET' && d.family === 'AF_INET6')) socketFamily = d.family;
    const dest = bytesOf(d.address);
    const src = d.source === null ? null : bytesOf(d.source);
    let key: Uint8Array | null = null;
    if (src && d.family === 'AF_INET' && socketFamily === 'AF_INET') key = asV6(src[0] === 127 ? Uint8Array.of(127, 0, 0, 1) : src);
    else if (src) key = asV6(src);
    const found = key ? list.find((i) => sameBytes(i.key, key)) : undefined;
    const index = found?.index ?? NO_INDEX;
    return {
      address: d.address,
      family: d.family,
      dest,
      source: d.source,
      src,
      deprecated: found ? (found.flags & (IFA_F_DEPRECATED | IFA_F_OPTIMISTIC)) !== 0 : false,
      home: found ? (found.flags & IFA_F_HOMEADDRESS) !== 0 : false,
      prefixLength: found?.prefixLength ?? 0,
      index,
      // check_native.c: a link that is not a tunnel; an interface it cannot find counts as not native.
      native: native.get(index) ?? false,
    };
  });
}

/** Which rule decided, and for whom: `first` true when the entry compared first goes first. */
interface Verdict {
  first: boolean;
  rule: number;
}

/** The common-prefix lengths rule 9 compares, or null when rule 9 does not apply. */
function rule9Bits(a: SortEntry, b: SortEntry): [number, number] | null {
  if (!a.src || !b.src || a.family !== b.family) return null;
  if (a.family === 'AF_INET') {
    const one = (e: SortEntry): number => {
      const dst = u32(e.dest);
      const src = u32(e.src as Uint8Array);
      // 0xffffffffu << (32 - prefixlen): a prefix length of 0 (source not in the list) shifts by 32, which x86 and
      // arm64 take modulo 32, so the mask is all ones and only a destination equal to its source shares bits.
      const mask = (0xffffffff << ((32 - e.prefixLength) & 31)) >>> 0;
      return ((src & mask) >>> 0) === ((dst & mask) >>> 0) ? Math.clz32((dst ^ src) >>> 0) : 0;
    };
    return [one(a), one(b)];
  }
  // The first 32-bit word where either pair differs, compared by leading equal bits in that word only.
  const as = a.src;
  const bs = b.src;
  for (let w = 0; w < 16; w += 4) {
    const x = (u32(a.dest, w) ^ u32(as, w)) >>> 0;
    const y = (u32(b.dest, w) ^ u32(bs, w)) >>> 0;
    if (x !== 0 || y !== 0) return [Math.clz32(x), Math.clz32(y)];
  }
  return [0, 0];
}

/** rfc3484_sort for entries i and j (positions in the input list). */
function compare(e: readonly SortEntry[], i: number, j: number, conf: GaiConf): Verdict {
  const a = e[i];
  const b = e[j];
  const verdict = (first: boolean, rule: number): Verdict => ({ first, rule });
  // Rule 1: avoid unusable destinations.
  if (a.src && !b.src) return verdict(true, 1);
  if (!a.src && b.src) return verdict(false, 1);
  const aScope = glibcScope(a.dest, conf.scopev4);
  const bScope = glibcScope(b.dest, conf.scopev4);
  if (a.src && b.src) {
    // Rule 2: prefer matching scope.
    const aMatch = aScope === glibcScope(a.src, conf.scopev4);
    const bMatch = bScope === glibcScope(b.src, conf.scopev4);
    if (aMatch !== bMatch) return verdict(aMatch, 2);
    // Rule 3: avoid deprecated (and optimistic) source addresses.
    if (a.deprecated !== b.deprecated) return verdict(!a.deprecated, 3);
    // Rule 4: prefer home addresses.
    if (a.home !== b.home) return verdict(a.home, 4);
    // Rule 5: prefer matching label.
    const aLabel = matchPrefix(a.dest, conf.labels) === matchPrefix(a.src, conf.labels);
    const bLabel = matchPrefix(b.dest, conf.labels) === matchPrefix(b.src, conf.labels);
    if (aLabel !== bLabel) return verdict(aLabel, 5);
  }
  // Rule 6: prefer higher precedence (reachable or not).
  const aPrec = matchPrefix(a.dest, conf.precedence);
  const bPrec = matchPrefix(b.dest, conf.precedence);
  if (aPrec !== bPrec) return verdict(aPrec > bPrec, 6);
  // Rule 7: prefer native transport, when the sources are on different interfaces.
  if (a.src && a.index !== b.index && a.native !== b.native) return verdict(a.native, 7);
  // Rule 8: prefer smaller scope.
  if (aScope !== bScope) return verdict(aScope < bScope, 8);
  // Rule 9: longest matching prefix, same family only.
  const bits = rule9Bits(a, b);
  if (bits && bits[0] !== bits[1]) return verdict(bits[0] > bits[1], 9);
  // Rule 10: keep the order the name services returned.
  return verdict(i < j, 10);
}

/** glibc's msort_with_tmp: top-down, left half n/2, the left element wins when cmp <= 0. */
function mergeSort(indices: number[], before: (i: number, j: number) => boolean): number[] {
  if (indices.length <= 1) return indices;
  const n1 = Math.floor(indices.length / 2);
  const left = mergeSort(indices.slice(0, n1), before);
  const right = mergeSort(indices.slice(n1), before);
  const out: number[] = [];
  let l = 0;
  let r = 0;
  while (l < left.length && r < right.length) out.push(before(left[l], right[r]) ? left[l++] : right[r++]);
  return out.concat(left.slice(l), right.slice(r));
}

/** The order glibc's getaddrinfo gives `destinations` (listed in the order the name services returned them). */
export function glibcOrder(destinations: readonly Destination[], addressing: HostAddressing, conf: GaiConf): Destination[] {
  // getaddrinfo sorts only when it has two or more addresses (naddrs > 1).
  if (destinations.length < 2) return [...destinations];
  const entries = sortEntries(destinations, addressing);
  return mergeSort(
    destinations.map((_, i) => i),
    (i, j) => compare(entries, i, j, conf).first
  ).map((i) => destinations[i]);
}

/** One address of the answer, explained. */
export interface ExplainedAddress {
  address: string;
  family: AddressFamily;
  /** The source address the kernel would use; null when there is no route (rule 1 puts it last). */
  source: string | null;
  /** Scope, label and precedence of the destination in glibc's tables. */
  scope: number;
  label: number;
  precedence: number;
  /** Scope and label of the source (null without one): rules 2 and 5 compare them with the destination's. */
  sourceScope: number | null;
  sourceLabel: number | null;
  /** The rule that put this address before the next one, as a sentence; null for the last address. */
  rule: string | null;
  /** That rule's number (1 to 10); null for the last address. */
  ruleNumber: number | null;
}

export interface OrderExplanation {
  addresses: ExplainedAddress[];
  /** Whether sorting the answer again with this model gives the answer's order (it does unless a fact is missing). */
  reproduced: boolean;
}

const RULE_NAMES: Record<number, () => string> = {
  1: () => l10n.t('Rule 1, avoid unusable destinations'),
  2: () => l10n.t('Rule 2, prefer matching scope'),
  3: () => l10n.t('Rule 3, avoid deprecated addresses'),
  4: () => l10n.t('Rule 4, prefer home addresses'),
  5: () => l10n.t('Rule 5, prefer matching label'),
  6: () => l10n.t('Rule 6, prefer higher precedence'),
  7: () => l10n.t('Rule 7, prefer native transport'),
  8: () => l10n.t('Rule 8, prefer smaller scope'),
  9: () => l10n.t('Rule 9, use longest matching prefix'),
  10: () => l10n.t('Rule 10, keep the order the name services returned'),
};

/** The name of an RFC 3484/6724 destination-selection rule ("Rule 6, prefer higher precedence"). */
export function ruleName(rule: number): string {
  return RULE_NAMES[rule]?.() ?? String(rule);
}

function ruleDetail(rule: number, a: SortEntry, b: SortEntry, conf: GaiConf): string {
  const label = (x: Uint8Array): number => matchPrefix(x, conf.labels);
  const scope = (x: Uint8Array): number => glibcScope(x, conf.scopev4);
  switch (rule) {
    case 1:
      return l10n.t('{0} has a source address, {1} has no route', a.address, b.address);
    case 2:
      return l10n.t('scope {0} equals its source scope, {1} has scope {2} but source scope {3}', String(scope(a.dest)), b.address, String(scope(b.dest)), String(scope(b.src as Uint8Array)));
    case 3:
      return l10n.t('the source of {0} ({1}) is deprecated', b.address, String(b.source));
    case 4:
      return l10n.t('the source of {0} ({1}) is a home address', a.address, String(a.source));
    case 5:
      return l10n.t('label {0} equals its source label, {1} has label {2} but source label {3}', String(label(a.dest)), b.address, String(label(b.dest)), String(label(b.src as Uint8Array)));
    case 6:
      return l10n.t('precedence {0} over {1} for {2}', String(matchPrefix(a.dest, conf.precedence)), String(matchPrefix(b.dest, conf.precedence)), b.address);
    case 7:
      return l10n.t('{0} leaves through a tunnel interface', b.address);
    case 8:
      return l10n.t('scope {0} below {1} of {2}', String(scope(a.dest)), String(scope(b.dest)), b.address);
    case 9: {
      const bits = rule9Bits(a, b) ?? [0, 0];
      return l10n.t('{0} leading bits shared with its source, {1} for {2}', String(bits[0]), String(bits[1]), b.address);
    }
    default:
      return l10n.t('nothing else tells {0} and {1} apart', a.address, b.address);
  }
}

/**
 * Explains an answer in the order glibc returned it. The answer is its own input: for every pair the rules decide,
 * sorting it again changes nothing, and where no rule decides (rule 10) glibc kept the order the name services
 * returned, which is the order given. `reproduced` is false when the model would order it otherwise.
 */
export function explainGlibcOrder(answer: readonly Destination[], addressing: HostAddressing, conf: GaiConf): OrderExplanation {
  const entries = sortEntries(answer, addressing);
  const resorted = glibcOrder(answer, addressing, conf);
  const reproduced = resorted.every((d, i) => d.address === answer[i].address);
  const addresses = entries.map((e, i): ExplainedAddress => {
    let rule: string | null = null;
    let ruleNumber: number | null = null;
    if (i + 1 < entries.length) {
      const v = compare(entries, i, i + 1, conf);
      ruleNumber = v.rule;
      rule = v.first
        ? `${ruleName(v.rule)}: ${ruleDetail(v.rule, e, entries[i + 1], conf)}`
        : l10n.t('{0} would put {1} first; glibc\'s merge sort never compared these two directly', ruleName(v.rule), entries[i + 1].address);
    }
    return {
      address: e.address,
      family: e.family,
      source: e.source,
      scope: glibcScope(e.dest, conf.scopev4),
      label: matchPrefix(e.dest, conf.labels),
      precedence: matchPrefix(e.dest, conf.precedence),
      sourceScope: e.src ? glibcScope(e.src, conf.scopev4) : null,
      sourceLabel: e.src ? matchPrefix(e.src, conf.labels) : null,
      rule,
      ruleNumber,
    };
  });
  return { addresses, reproduced };
}
