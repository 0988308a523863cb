/**
 * What Python's `ipaddress` says about an address (is_private, is_global, is_loopback, ...), plus the facts NetLens
 * adds for readers: CGNAT shared space, documentation and benchmarking ranges, the IANA special-purpose registry
 * entry, and the IPv4 address embedded in IPv4-mapped, 6to4 and Teredo addresses.
 *
 * is_private / is_global are Python 3.13's (gh-113171): its own lists of not globally reachable blocks, taken from
 * the IANA IPv4 and IPv6 Special-Purpose Address Registries but not always up to date with them (PY_PRIVATE below).
 * Two details are Python's: 100.64.0.0/10 (shared, RFC 6598) is neither private nor global, and the IPv6 blocks
 * the registry marks "N/A" (6to4, Teredo) count as private while the one IPv4 "N/A" block (192.88.99.0/24) does not.
 * Since 3.13, IPv4-mapped IPv6 addresses answer every is_* question as their IPv4 address (so ::ffff:127.0.0.1 is
 * loopback, which is how a dual-stack socket treats it). Older Pythons (such as 3.11) answer differently for a few
 * blocks; test/unit/addressFacts.test.ts lists each difference.
 */
import { bigIntToIpBytes, ipToBigInt, notAnIpAddress, parseIpAddress, type ParsedIp } from './ipAddress';
import { bytesToHex, formatIPv4, formatIPv6Rfc5952 } from './inetPton';

export interface RegistryEntry {
  network: string;
  name: string;
  rfc: string;
  /** The registry's "Globally Reachable" column; null where it says N/A. */
  globallyReachable: boolean | null;
}

// [network, name, RFC, globally reachable]; from https://www.iana.org/assignments/iana-ipv4-special-registry and
// iana-ipv6-special-registry. Nested blocks are fine: lookups pick the most specific one.
type Row = [string, string, string, boolean | null];
const IPV4_REGISTRY: readonly Row[] = [
  ['0.0.0.0/8', '"This network"', 'RFC 791', false],
  ['0.0.0.0/32', '"This host on this network"', 'RFC 1122', false],
  ['10.0.0.0/8', 'Private-Use', 'RFC 1918', false],
  ['100.64.0.0/10', 'Shared Address Space (CGNAT)', 'RFC 6598', false],
  ['127.0.0.0/8', 'Loopback', 'RFC 1122', false],
  ['169.254.0.0/16', 'Link Local', 'RFC 3927', false],
  ['172.16.0.0/12', 'Private-Use', 'RFC 1918', false],
  ['192.0.0.0/24', 'IETF Protocol Assignments', 'RFC 6890', false],
  ['192.0.0.0/29', 'IPv4 Service Continuity Prefix', 'RFC 7335', false],
  ['192.0.0.8/32', 'IPv4 dummy address', 'RFC 7600', false],
  ['192.0.0.9/32', 'Port Control Protocol Anycast', 'RFC 7723', true],
  ['192.0.0.10/32', 'Traversal Using Relays around NAT Anycast', 'RFC 8155', true],
  ['192.0.0.170/32', 'NAT64/DNS64 Discovery', 'RFC 8880', false],
  ['192.0.0.171/32', 'NAT64/DNS64 Discovery', 'RFC 8880', false],
  ['192.0.2.0/24', 'Documentation (TEST-NET-1)', 'RFC 5737', false],
  ['192.31.196.0/24', 'AS112-v4', 'RFC 7535', true],
  ['192.52.193.0/24', 'AMT', 'RFC 7450', true],
  ['192.88.99.0/24', 'Deprecated (6to4 Relay Anycast)', 'RFC 7526', null],
  ['192.168.0.0/16', 'Private-Use', 'RFC 1918', false],
  ['192.175.48.0/24', 'Direct Delegation AS112 Service', 'RFC 7534', true],
  ['198.18.0.0/15', 'Benchmarking', 'RFC 2544', false],
  ['198.51.100.0/24', 'Documentation (TEST-NET-2)', 'RFC 5737', false],
  ['203.0.113.0/24', 'Documentation (TEST-NET-3)', 'RFC 5737', false],
  ['240.0.0.0/4', 'Reserved', 'RFC 1112', false],
  ['255.255.255.255/32', 'Limited Broadcast', 'RFC 919', false],
];
const IPV6_REGISTRY: readonly Row[] = [
  ['::1/128', 'Loopback Address', 'RFC 4291', false],
  ['::/128', 'Unspecified Address', 'RFC 4291', false],
  ['::ffff:0:0/96', 'IPv4-mapped Address', 'RFC 4291', false],
  ['64:ff9b::/96', 'IPv4-IPv6 Translation', 'RFC 6052', true],
  ['64:ff9b:1::/48', 'IPv4-IPv6 Translation (local use)', 'RFC 8215', false],
  ['100::/64', 'Discard-Only Address Block', 'RFC 6666', false],
  ['2001::/23', 'IETF Protocol Assignments', 'RFC 2928', false],
  ['2001::/32', 'TEREDO', 'RFC 4380', null],
  ['2001:1::1/128', 'Port Control Protocol Anycast', 'RFC 7723', true],
  ['2001:1::2/128', 'Traversal Using Relays around NAT Anycast', 'RFC 8155', true],
  ['2001:1::3/128', 'DNS-SD Service Registration Protocol Anycast', 'RFC 9665', true],
  ['2001:2::/48', 'Benchmarking', 'RFC 5180', false],
  ['2001:3::/32', 'AMT', 'RFC 7450', true],
  ['2001:4:112::/48', 'AS112-v6', 'RFC 7535', true],
  ['2001:10::/28', 'Deprecated (previously ORCHID)', 'RFC 4843', false],
  ['2001:20::/28', 'ORCHIDv2', 'RFC 7343', true],
  ['2001:30::/28', 'Drone Remote ID Protocol Entity Tags (DETs) Prefix', 'RFC 9374', true],
  ['2001:db8::/32', 'Documentation', 'RFC 3849', false],
  ['2002::/16', '6to4', 'RFC 3056', null],
  ['2620:4f:8000::/48', 'Direct Delegation AS112 Service', 'RFC 7534', true],
  ['3fff::/20', 'Documentation', 'RFC 9637', false],
  ['5f00::/16', 'Segment Routing (SRv6) SIDs', 'RFC 9602', false],
  ['fc00::/7', 'Unique-Local', 'RFC 4193', false],
  ['fe80::/10', 'Link-Local Unicast', 'RFC 4291', false],
];

interface Network {
  base: bigint;
  prefix: number;
  bits: number;
}

function network(cidr: string): Network {
  const [text, prefix] = cidr.split('/');
  const ip = parseIpAddress(text);
  if (!ip) throw new Error(`bad built-in network ${cidr}`);
  return { base: ipToBigInt(ip.bytes), prefix: Number(prefix), bits: ip.version === 4 ? 32 : 128 };
}

function contains(net: Network, value: bigint): boolean {
  const shift = BigInt(net.bits - net.prefix);
  return value >> shift === net.base >> shift;
}

type Compiled = { net: Network; entry: RegistryEntry }[];
let compiled: { v4: Compiled; v6: Compiled } | undefined;
function registries(): { v4: Compiled; v6: Compiled } {
  const build = (rows: readonly Row[]): Compiled =>
    rows.map(([cidr, name, rfc, globallyReachable]) => ({ net: network(cidr), entry: { network: cidr, name, rfc, globallyReachable } }));
  compiled ??= { v4: build(IPV4_REGISTRY), v6: build(IPV6_REGISTRY) };
  return compiled;
}

/** The most specific special-purpose registry block holding the address, or null for ordinary unicast space. */
export function registryEntry(version: 4 | 6, value: bigint): RegistryEntry | null {
  let best: { net: Network; entry: RegistryEntry } | null = null;
  for (const row of registries()[version === 4 ? 'v4' : 'v6']) {
    if (contains(row.net, value) && (!best || row.net.prefix > best.net.prefix)) best = row;
  }
  return best?.entry ?? null;
}

/**
 * is_private is Python's own rule, not the registry's: in one of `_private_networks` and in none of
 * `_private_networks_exceptions` (Lib/ipaddress.py, 3.13 and later). Python's lists lag the registry: 5f00::/16 (RFC
 * 9602) and 2001:1::3 (RFC 9665) are in the registry but not in Python's lists, so Python answers is_private False
 * for 5f00::1 and True for 2001:1::3; the registry entry still shows in the `iana` extra.
 */
const PY_PRIVATE = {
  v4: ['0.0.0.0/8', '10.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.0.170/31', '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4', '255.255.255.255/32'],
  v4Exceptions: ['192.0.0.9/32', '192.0.0.10/32'],
  v6: ['::1/128', '::/128', '::ffff:0:0/96', '64:ff9b:1::/48', '100::/64', '2001::/23', '2001:db8::/32', '2002::/16', '3fff::/20', 'fc00::/7', 'fe80::/10'],
  v6Exceptions: ['2001:1::1/128', '2001:1::2/128', '2001:3::/32', '2001:4:112::/48', '2001:20::/28', '2001:30::/28'],
};
let pyPrivate: { v4: Network[]; v4Exceptions: Network[]; v6: Network[]; v6Exceptions: Network[] } | undefined;

/** Python's is_private for the address's own version (before the IPv4-mapped rule). */
function pythonPrivate(version: 4 | 6, value: bigint): boolean {
  pyPrivate ??= { v4: PY_PRIVATE.v4.map(network), v4Exceptions: PY_PRIVATE.v4Exceptions.map(network), v6: PY_PRIVATE.v6.map(network), v6Exceptions: PY_PRIVATE.v6Exceptions.map(network) };
  const [nets, exceptions] = version === 4 ? [pyPrivate.v4, pyPrivate.v4Exceptions] : [pyPrivate.v6, pyPrivate.v6Exceptions];
  return nets.some((n) => contains(n, value)) && !exceptions.some((n) => contains(n, value));
}

const net = (cidr: string): ((v: bigint) => boolean) => {
  let n: Network | undefined;
  return (v) => contains((n ??= network(cidr)), v);
};
const V4 = {
  loopback: net('127.0.0.0/8'),
  linkLocal: net('169.254.0.0/16'),
  multicast: net('224.0.0.0/4'),
  reserved: net('240.0.0.0/4'),
  shared: net('100.64.0.0/10'),
  benchmarking: net('198.18.0.0/15'),
  documentation: [net('192.0.2.0/24'), net('198.51.100.0/24'), net('203.0.113.0/24')],
};
// Python's IPv6 is_reserved: the blocks RFC 4291 left unassigned.
const V6_RESERVED = ['::/8', '100::/8', '200::/7', '400::/6', '800::/5', '1000::/4', '4000::/3', '6000::/3', '8000::/3', 'a000::/3', 'c000::/3', 'e000::/4', 'f000::/5', 'f800::/6', 'fe00::/9'].map(net);
const V6 = {
  linkLocal: net('fe80::/10'),
  siteLocal: net('fec0::/10'),
  multicast: net('ff00::/8'),
  benchmarking: net('2001:2::/48'),
  documentation: [net('2001:db8::/32'), net('3fff::/20')],
};

export interface AddressFacts {
  /** str(ip_address(text)) in RFC 5952 form (Python 3.13 prints IPv4-mapped addresses as ::ffff:a.b.c.d too). */
  address: string;
  version: 4 | 6;
  exploded: string;
  /** The packed address as lowercase hex (ip.packed). */
  packed: string;
  scope_id: string | null;
  reverse_pointer: string;
  is_private: boolean;
  is_global: boolean;
  is_loopback: boolean;
  is_link_local: boolean;
  is_multicast: boolean;
  is_reserved: boolean;
  is_unspecified: boolean;
  /** IPv6 only (fec0::/10, deprecated by RFC 3879); null for IPv4, where Python has no such attribute. */
  is_site_local: boolean | null;
  /** NetLens: 100.64.0.0/10, carrier-grade NAT space (RFC 6598). */
  is_shared: boolean;
  /** NetLens: RFC 5737 / RFC 3849 / RFC 9637 documentation ranges. */
  is_documentation: boolean;
  /** NetLens: 198.18.0.0/15 and 2001:2::/48. */
  is_benchmarking: boolean;
  ipv4_mapped: string | null;
  sixtofour: string | null;
  /** (server, client) as Python's `teredo` gives them (the client address is stored inverted). */
  teredo: [server: string, client: string] | null;
  iana: RegistryEntry | null;
}

function v4Facts(value: bigint): Omit<AddressFacts, 'address' | 'version' | 'exploded' | 'packed' | 'scope_id' | 'reverse_pointer' | 'ipv4_mapped' | 'sixtofour' | 'teredo' | 'iana' | 'is_site_local'> {
  const shared = V4.shared(value);
  const isPrivate = pythonPrivate(4, value);
  return {
    is_private: isPrivate,
    is_global: !shared && !isPrivate,
    is_loopback: V4.loopback(value),
    is_link_local: V4.linkLocal(value),
    is_multicast: V4.multicast(value),
    is_reserved: V4.reserved(value),
    is_unspecified: value === 0n,
    is_shared: shared,
    is_documentation: V4.documentation.some((f) => f(value)),
    is_benchmarking: V4.benchmarking(value),
  };
}

function v4Text(value: bigint): string {
  return formatIPv4(bigIntToIpBytes(value, 4));
}

function reversePointer(ip: ParsedIp): string {
  if (ip.version === 4) return `${Array.from(ip.bytes).reverse().join('.')}.in-addr.arpa`;
  return `${bytesToHex(ip.bytes).split('').reverse().join('.')}.ip6.arpa`;
}

/** The facts for a parsed address. */
export function factsOf(ip: ParsedIp): AddressFacts {
  const value = ipToBigInt(ip.bytes);
  const packed = bytesToHex(ip.bytes);
  const common = { packed, scope_id: ip.scopeId, reverse_pointer: reversePointer(ip) };
  if (ip.version === 4) {
    const address = formatIPv4(ip.bytes);
    return { address, version: 4, exploded: address, ...common, ...v4Facts(value), is_site_local: null, ipv4_mapped: null, sixtofour: null, teredo: null, iana: registryEntry(4, value) };
  }
  const mapped = value >> 32n === 0xffffn ? value & 0xffffffffn : null;
  const entry = registryEntry(6, value);
  const own = {
    is_private: pythonPrivate(6, value),
    is_loopback: value === 1n,
    is_link_local: V6.linkLocal(value),
    is_multicast: V6.multicast(value),
    is_reserved: V6_RESERVED.some((f) => f(value)),
    is_unspecified: value === 0n,
  };
  // Python 3.13: an IPv4-mapped address answers as the IPv4 address it carries.
  const asV4 = mapped === null ? null : v4Facts(mapped);
  const isPrivate = asV4 ? asV4.is_private : own.is_private;
  const scope = ip.scopeId === null ? '' : `%${ip.scopeId}`;
  return {
    address: formatIPv6Rfc5952(ip.bytes) + scope,
    version: 6,
    // Python 3.13 explodes an IPv4-mapped address with its dotted IPv4 tail, and (cut at 30 characters) no scope.
    exploded: mapped === null ? (packed.match(/.{4}/g) ?? []).join(':') + scope : `0000:0000:0000:0000:0000:ffff:${v4Text(mapped)}`,
    ...common,
    is_private: isPrivate,
    is_global: asV4 ? asV4.is_global : !isPrivate,
    is_loopback: asV4 ? asV4.is_loopback : own.is_loopback,
    is_link_local: asV4 ? asV4.is_link_local : own.is_link_local,
    is_multicast: asV4 ? asV4.is_multicast : own.is_multicast,
    is_reserved: asV4 ? asV4.is_reserved : own.is_reserved,
    is_unspecified: asV4 ? asV4.is_unspecified : own.is_unspecified,
    is_site_local: V6.siteLocal(value),
    is_shared: asV4?.is_shared ?? false,
    is_documentation: asV4?.is_documentation ?? V6.documentation.some((f) => f(value)),
    is_benchmarking: asV4?.is_benchmarking ?? V6.benchmarking(value),
    ipv4_mapped: mapped === null ? null : v4Text(mapped),
    sixtofour: value >> 112n === 0x2002n ? v4Text((value >> 80n) & 0xffffffffn) : null,
    teredo: value >> 96n === 0x20010000n ? [v4Text((value >> 64n) & 0xffffffffn), v4Text(~value & 0xffffffffn)] : null,
    iana: entry,
  };
}

/** ipaddress.ip_address(text) and its facts; throws Python's ValueError for text that is not an address. */
export function addressFacts(text: string): AddressFacts {
  const ip = parseIpAddress(text);
  if (!ip) throw notAnIpAddress(text);
  return factsOf(ip);
}

/** addressFacts, or null for text Python's ipaddress does not accept (a view then simply shows no facts). */
export function tryAddressFacts(text: string): AddressFacts | null {
  const ip = parseIpAddress(text);
  return ip ? factsOf(ip) : null;
}
