/**
 * What Python's `ipaddress.ip_network(text, strict=False)` says about a network written in a file
 * (`10.40.0.0/16`, `192.0.2.0/255.255.255.0`, `2001:db8::/32`): its network address, size, first and last address,
 * and whether the written address had host bits set (`strict=True` refuses `10.0.0.1/24`). The scanner finds such
 * text as a network, which NetLens explains and never resolves.
 */
import { factsOf, type AddressFacts } from './addressFacts';
import { formatIPv4, formatIPv6Rfc5952 } from './inetPton';
import { bigIntToIpBytes, ipToBigInt, parseIpAddress } from './ipAddress';

export interface NetworkFacts {
  version: 4 | 6;
  /** `str(ip_network(text, strict=False))`: the network address and prefix length. */
  network: string;
  prefixlen: number;
  /** `num_addresses` (a decimal string: an IPv6 /0 has 2^128). */
  num_addresses: string;
  first: string;
  last: string;
  /** True when the written address is not the network address (`strict=True` would raise "has host bits set"). */
  host_bits_set: boolean;
  /** The network address's facts (private, global, documentation, …). */
  facts: AddressFacts;
}

/** The facts, or null when Python's ip_network would refuse the text even with strict=False. */
export function networkFacts(text: string): NetworkFacts | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIpAddress(text.slice(0, slash));
  if (!ip || ip.scopeId !== null) return null;
  const bits = ip.version === 4 ? 32 : 128;
  const prefixlen = prefixLength(text.slice(slash + 1), ip.version, bits);
  if (prefixlen === null) return null;
  const value = ipToBigInt(ip.bytes);
  const hostMask = (1n << BigInt(bits - prefixlen)) - 1n;
  const network = value & ~hostMask & ((1n << BigInt(bits)) - 1n);
  const last = network | hostMask;
  const format = (v: bigint): string => (ip.version === 4 ? formatIPv4(bigIntToIpBytes(v, 4)) : formatIPv6Rfc5952(bigIntToIpBytes(v, 16)));
  return {
    version: ip.version,
    network: `${format(network)}/${prefixlen}`,
    prefixlen,
    num_addresses: (hostMask + 1n).toString(),
    first: format(network),
    last: format(last),
    host_bits_set: network !== value,
    facts: factsOf({ version: ip.version, bytes: bigIntToIpBytes(network, ip.version === 4 ? 4 : 16), scopeId: null }),
  };
}

/** A prefix length (`16`) or, for IPv4, a netmask (`255.255.0.0`) or hostmask (`0.0.255.255`), as ipaddress accepts them. */
function prefixLength(text: string, version: 4 | 6, bits: number): number | null {
  if (/^\d{1,3}$/.test(text)) {
    const n = Number(text);
    return n <= bits ? n : null;
  }
  if (version !== 4) return null;
  const mask = parseIpAddress(text);
  if (!mask || mask.version !== 4) return null;
  const m = ipToBigInt(mask.bytes);
  // ipaddress tries the text as a netmask first, then as a hostmask (so 255.255.255.255 is /32, 0.0.0.0 is /0).
  for (let n = 0; n <= 32; n++) if (m === ((1n << BigInt(n)) - 1n) << BigInt(32 - n)) return n;
  for (let n = 0; n <= 32; n++) if (m === (1n << BigInt(32 - n)) - 1n) return n;
  return null;
}
