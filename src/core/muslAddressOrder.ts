/**
 * musl's getaddrinfo order (src/network/lookup_name.c, __lookup_name; the same rules from musl 1.1.10, where
 * sorting was added in 2014, through 1.2.5): RFC 6724's policy table built in (no gai.conf), rules 3, 4 and 7 left
 * out, and each address given one 31-bit key: usable, matching scope, matching label, precedence, smaller scope,
 * common prefix with the source (over all 128 bits, IPv4 as ::ffff:a.b.c.d), then the original position.
 * Sorted only when there are two or more addresses and at least one is IPv6.
 */
import * as l10n from '@vscode/l10n';
import type { Destination, ExplainedAddress, OrderExplanation } from './addressOrder';
import { ruleName } from './addressOrder';
import type { PolicyRow } from './gaiConf';
import { parseIpAddress } from './ipAddress';

/** musl's defpolicy as rows (::/96, fec0::/10 and 3ffe::/16 are left out there on purpose: "#if 0"). */
export const MUSL_POLICY: readonly { prefix: string; bits: number; precedence: number; label: number }[] = [
  { prefix: '::1', bits: 128, precedence: 50, label: 0 },
  { prefix: '::ffff:0.0.0.0', bits: 96, precedence: 35, label: 4 },
  { prefix: '2002::', bits: 16, precedence: 30, label: 2 },
  { prefix: '2001::', bits: 32, precedence: 5, label: 5 },
  { prefix: 'fc00::', bits: 7, precedence: 3, label: 13 },
  { prefix: '::', bits: 0, precedence: 40, label: 1 },
];

/** The built-in table as label and precedence rows (what the report shows instead of gai.conf on musl). */
export function muslTables(): { labels: PolicyRow[]; precedence: PolicyRow[] } {
  const rows = (pick: 'label' | 'precedence'): PolicyRow[] => MUSL_POLICY.map((p) => ({ prefix: `${p.prefix}/${p.bits}`, bits: p.bits, value: p[pick], origin: 'default', line: null }));
  return { labels: rows('label'), precedence: rows('precedence') };
}

/** MAXADDRS in src/network/lookup.h: the key's lowest bits hold MAXADDRS - position. */
const MAXADDRS = 48;
const DAS_USABLE = 0x40000000;
const DAS_MATCHINGSCOPE = 0x20000000;
const DAS_MATCHINGLABEL = 0x10000000;

function v6Bytes(text: string): Uint8Array {
  const parsed = parseIpAddress(text);
  if (!parsed) throw new Error(`not an IP address: ${text}`);
  if (parsed.version === 6) return parsed.bytes;
  const out = new Uint8Array(16);
  out[10] = 0xff;
  out[11] = 0xff;
  out.set(parsed.bytes, 12);
  return out;
}

function policyOf(a: Uint8Array): (typeof MUSL_POLICY)[number] {
  for (const p of MUSL_POLICY) {
    const prefix = v6Bytes(p.prefix);
    const whole = Math.floor(p.bits / 8);
    const rest = p.bits % 8;
    if (!prefix.subarray(0, whole).every((b, i) => b === a[i])) continue;
    const mask = (0xff00 >> rest) & 0xff;
    if (rest === 0 || (a[whole] & mask) === (prefix[whole] & mask)) return p;
  }
  return MUSL_POLICY[MUSL_POLICY.length - 1];
}

/** scopeof: note that IPv4 loopback (::ffff:127.0.0.1) is global here, unlike in glibc and Go. */
function scopeOf(a: Uint8Array): number {
  if (a[0] === 0xff) return a[1] & 15;
  if (a[0] === 0xfe && (a[1] & 0xc0) === 0x80) return 2;
  if (a.subarray(0, 15).every((b) => b === 0) && a[15] === 1) return 2;
  if (a[0] === 0xfe && (a[1] & 0xc0) === 0xc0) return 5;
  return 14;
}

function prefixMatch(s: Uint8Array, d: Uint8Array): number {
  let i = 0;
  while (i < 128 && !((s[i >> 3] ^ d[i >> 3]) & (128 >> (i % 8)))) i++;
  return i;
}

interface MuslEntry {
  destination: Destination;
  key: number;
  scope: number;
  label: number;
  precedence: number;
  sourceScope: number | null;
  sourceLabel: number | null;
  prefix: number;
}

function entries(list: readonly Destination[]): MuslEntry[] {
  return list.map((d, i) => {
    const da = v6Bytes(d.address);
    const p = policyOf(da);
    const scope = scopeOf(da);
    let key = 0;
    let prefix = 0;
    let sourceScope: number | null = null;
    let sourceLabel: number | null = null;
    if (d.source !== null) {
      const sa = v6Bytes(d.source);
      sourceScope = scopeOf(sa);
      sourceLabel = policyOf(sa).label;
      key |= DAS_USABLE;
      if (scope === sourceScope) key |= DAS_MATCHINGSCOPE;
      if (p.label === sourceLabel) key |= DAS_MATCHINGLABEL;
      prefix = prefixMatch(sa, da);
    }
    key |= p.precedence << 20;
    key |= (15 - scope) << 16;
    key |= prefix << 8;
    key |= MAXADDRS - i;
    return { destination: d, key, scope, label: p.label, precedence: p.precedence, sourceScope, sourceLabel, prefix };
  });
}

/** The order musl's getaddrinfo gives `destinations` (in the order its hosts file or DNS answer listed them). */
export function muslOrder(destinations: readonly Destination[]): Destination[] {
  if (destinations.length < 2 || destinations.every((d) => d.family === 'AF_INET')) return [...destinations];
  // The keys are distinct (the position is in them), so any sort gives the same order.
  return entries(destinations)
    .sort((a, b) => b.key - a.key)
    .map((e) => e.destination);
}

/** The rule behind the highest key bit in which two entries differ. */
function decidingRule(a: MuslEntry, b: MuslEntry): number {
  const diff = (mask: number): boolean => (a.key & mask) !== (b.key & mask);
  if (diff(DAS_USABLE)) return 1;
  if (diff(DAS_MATCHINGSCOPE)) return 2;
  if (diff(DAS_MATCHINGLABEL)) return 5;
  if (a.precedence !== b.precedence) return 6;
  if (a.scope !== b.scope) return 8;
  if (a.prefix !== b.prefix) return 9;
  return 10;
}

/** Explains an answer as musl ordered it (the answer is its own input, as in explainGlibcOrder). */
export function explainMuslOrder(answer: readonly Destination[]): OrderExplanation {
  const list = entries(answer);
  const unsorted = answer.length < 2 || answer.every((d) => d.family === 'AF_INET');
  const reproduced = muslOrder(answer).every((d, i) => d.address === answer[i].address);
  const addresses = list.map((e, i): ExplainedAddress => {
    let rule: string | null = null;
    let ruleNumber: number | null = null;
    const next = list[i + 1];
    if (next) {
      ruleNumber = unsorted ? 10 : decidingRule(e, next);
      rule = unsorted
        ? l10n.t('musl does not sort answers without an IPv6 address')
        : `${ruleName(ruleNumber)}: ${l10n.t('musl key {0} over {1} for {2}', e.key.toString(16), next.key.toString(16), next.destination.address)}`;
    }
    return {
      address: e.destination.address,
      family: e.destination.family,
      source: e.destination.source,
      scope: e.scope,
      label: e.label,
      precedence: e.precedence,
      sourceScope: e.sourceScope,
      sourceLabel: e.sourceLabel,
      rule,
      ruleNumber,
    };
  });
  return { addresses, reproduced };
}
