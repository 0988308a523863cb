/**
 * python3's ipaddress as the oracle for the address facts: the fields compared, the python3 script that answers
 * them in one batch, and the documented deliberate differences. NetLens follows the IANA special-purpose registries
 * as Python does since 3.12.4/3.13 (gh-113171, gh-117566); an older python3 (Debian 12: 3.11) answers differently,
 * by design, for exactly the blocks DEVIATIONS lists, and any other difference is a bug.
 */
import { addressFacts, type AddressFacts } from '../../src/core/addressFacts';
import { parseIpAddress } from '../../src/core/ipAddress';
import { ours, type PyOutcome } from './pyOutcome';

export const FIELDS = ['is_private', 'is_global', 'is_loopback', 'is_link_local', 'is_multicast', 'is_reserved', 'is_unspecified', 'is_site_local', 'ipv4_mapped', 'sixtofour', 'teredo', 'exploded', 'packed', 'reverse_pointer', 'address'] as const;
export type Field = (typeof FIELDS)[number];

export function cidr(text: string): { base: bigint; bits: number; prefix: number } {
  const [a, p] = text.split('/');
  const ip = parseIpAddress(a);
  if (!ip) throw new Error(text);
  return { base: ip.bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n), bits: ip.version === 4 ? 32 : 128, prefix: Number(p) };
}
function inBlock(f: AddressFacts, block: string): boolean {
  const n = cidr(block);
  if ((f.version === 4 ? 32 : 128) !== n.bits) return false;
  const value = BigInt(`0x${f.packed}`);
  const shift = BigInt(n.bits - n.prefix);
  return value >> shift === n.base >> shift;
}
const mappedV4 = (f: AddressFacts): AddressFacts | null => (f.ipv4_mapped ? addressFacts(f.ipv4_mapped) : null);

/** Why NetLens deliberately answers differently from python3 < 3.12.4 (each with the direction of the difference). */
export const DEVIATIONS: { why: string; applies: (f: AddressFacts, field: Field, ours: unknown, py: unknown) => boolean }[] = [
  {
    why: 'IANA: all of 192.0.0.0/24 is not globally reachable except .9 and .10 (3.11 only knew /29 and .170/31)',
    applies: (f, field, ours) =>
      (field === 'is_private' || field === 'is_global') &&
      [f, mappedV4(f)].some((x) => x !== null && inBlock(x, '192.0.0.0/24') && !inBlock(x, '192.0.0.9/32') && !inBlock(x, '192.0.0.10/32')) &&
      ours === (field === 'is_private'),
  },
  {
    // Not 5f00::/16 (RFC 9602): it is in the registry, but in no Python's list.
    why: 'Python 3.13 IPv6 blocks 3.11 did not list: 64:ff9b:1::/48, 2002::/16 (6to4, N/A), 3fff::/20 (RFC 9637)',
    applies: (f, field, ours) => (field === 'is_private' || field === 'is_global') && ['64:ff9b:1::/48', '2002::/16', '3fff::/20'].some((b) => inBlock(f, b)) && ours === (field === 'is_private'),
  },
  {
    // Not 2001:1::3 (RFC 9665): globally reachable in the registry, but in no Python's exceptions.
    why: 'Python 3.13 globally reachable exceptions inside 2001::/23: 2001:1::1-2, 2001:3::/32, 2001:4:112::/48, 2001:20::/28, 2001:30::/28',
    applies: (f, field, ours) => (field === 'is_private' || field === 'is_global') && ['2001:1::1/128', '2001:1::2/128', '2001:3::/32', '2001:4:112::/48', '2001:20::/28', '2001:30::/28'].some((b) => inBlock(f, b)) && ours === (field === 'is_global'),
  },
  {
    why: 'Python 3.13: an IPv4-mapped address answers is_global/is_loopback/... as its IPv4 address (3.11 looked at the IPv6 value)',
    applies: (f, field, ours) => f.ipv4_mapped !== null && field !== 'address' && field in (mappedV4(f) ?? {}) && (mappedV4(f) as unknown as Record<string, unknown>)[field] === ours,
  },
  {
    why: 'python3 raises AddressValueError for exploded/reverse_pointer of a scoped IPv6 address (a CPython bug); NetLens answers',
    applies: (f, field, _ours, py) => (field === 'exploded' || field === 'reverse_pointer') && f.scope_id !== null && typeof py === 'object' && py !== null && 'raises' in py,
  },
  {
    why: 'RFC 5952 section 5 / Python 3.13: IPv4-mapped addresses print with a dotted tail (3.11: ::ffff:102:304)',
    applies: (f, field) => field === 'address' && f.ipv4_mapped !== null,
  },
  {
    why: 'Python 3.13 explodes IPv4-mapped addresses with a dotted tail and no scope (3.11: 0000:…:ffff:0102:0304)',
    applies: (f, field) => field === 'exploded' && f.ipv4_mapped !== null,
  },
];

/** python3's answer per input: the FIELDS (a field that raises is {raises: [kind, errno, message]}), or the error. */
export type PyFacts = PyOutcome<Record<string, unknown>>;

/** Answers every string in `data` with ipaddress.ip_address(s) and its FIELDS; for pythonBatch. */
export const FACTS_SCRIPT = `
fields = ${JSON.stringify(FIELDS)}
def facts(s):
    ip = ipaddress.ip_address(s)
    out = {}
    for f in fields:
        try: v = str(ip) if f == 'address' else ip.packed.hex() if f == 'packed' else getattr(ip, f, None)
        except Exception as e: v = {'raises': err(e)}
        if isinstance(v, tuple): v = [str(x) for x in v]
        elif isinstance(v, ipaddress.IPv4Address): v = str(v)
        out[f] = v
    return out
res = []
for s in data:
    try: res.append([True, facts(s)])
    except Exception as e: res.append([False, err(e)])
print(json.dumps(res))`;

/**
 * Compares NetLens with python3 on every input: the same error, or the same FIELDS except where a DEVIATION
 * explains the difference. Returns the unexplained differences and how often each deviation was used.
 */
export function compareFacts(
  inputs: readonly string[],
  py: readonly PyFacts[]
): { unexplained: string[]; used: Map<string, number> } {
  const unexplained: string[] = [];
  const used = new Map<string, number>();
  inputs.forEach((s, k) => {
    const expected = py[k];
    const mine = ours(() => addressFacts(s));
    if (!mine[0] || !expected[0]) {
      const differ = JSON.stringify(mine[0] ? [true, '(facts)'] : mine) !== JSON.stringify(expected[0] ? [true, '(facts)'] : expected);
      if (differ) {
        unexplained.push(`${JSON.stringify(s)}: python3 ${JSON.stringify(expected[0] ? 'accepts' : expected[1])}, NetLens ${JSON.stringify(mine[0] ? 'accepts' : mine[1])}`);
      }
      return;
    }
    for (const field of FIELDS) {
      const theirs = expected[1][field];
      const ourValue = mine[1][field];
      if (JSON.stringify(theirs) === JSON.stringify(ourValue)) continue;
      const reason = DEVIATIONS.find((d) => d.applies(mine[1], field, ourValue, theirs));
      if (reason) used.set(reason.why, (used.get(reason.why) ?? 0) + 1);
      else unexplained.push(`${JSON.stringify(s)} ${field}: python3 ${JSON.stringify(theirs)}, NetLens ${JSON.stringify(ourValue)}`);
    }
  });
  return { unexplained, used };
}
