// Parity of the address facts with python3's ipaddress on generated addresses (every IANA special-purpose block,
// its edges, random unicast, IPv4-mapped/6to4/Teredo forms), one python3 process for all of them.
//
// NetLens follows the IANA special-purpose registries as Python does since 3.12.4/3.13 (gh-113171, gh-117566).
// The installed python3 may be older (Debian 12: 3.11), and then answers differently, by design, for exactly the
// blocks listed in DEVIATIONS (test/support/addressFactsOracle.ts); any other difference fails the test.
import * as assert from 'assert';
import { addressFacts } from '../../src/core/addressFacts';
import { formatIPv4, formatIPv6Rfc5952 } from '../../src/core/inetPton';
import { cidr, compareFacts, DEVIATIONS, FACTS_SCRIPT, type PyFacts } from '../support/addressFactsOracle';
import { hasPython } from '../support/python';
import { pythonBatch, Rng } from '../support/pythonBatch';

function candidates(rng: Rng): string[] {
  const blocks4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.0.0/29', '192.0.0.8/29', '192.0.0.168/29', '192.0.2.0/24', '192.31.196.0/24', '192.52.193.0/24', '192.88.99.0/24', '192.168.0.0/16', '192.175.48.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4', '255.255.255.0/24', '0.0.0.0/0'];
  const blocks6 = ['::/120', '::ffff:0:0/96', '64:ff9b::/96', '64:ff9b:1::/48', '100::/64', '2001::/23', '2001::/32', '2001:1::/124', '2001:2::/48', '2001:3::/32', '2001:4:112::/48', '2001:10::/28', '2001:20::/28', '2001:30::/28', '2001:db8::/32', '2002::/16', '2620:4f:8000::/48', '3fff::/20', '5f00::/16', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8', '::/0', '2000::/3', '4000::/2', 'fe00::/9'];
  const out = ['192.0.0.8', '192.0.0.9', '192.0.0.10', '192.0.0.11', '192.0.0.170', '192.0.0.172', '2001:1::1', '2001:1::3', '2001:1::4', '5f00::1', '2002::1', '64:ff9b::1', '0.0.0.0', '255.255.255.255', '::', '::1', '::ffff:127.0.0.1', '::ffff:100.64.0.1', '::ffff:192.0.0.9', '::ffff:0.0.0.0', 'fe80::1%eth0', '2002:c000:204::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '::1.2.3.4', 'nonsense', '1.2.3', '01.2.3.4', '::1%', '1:2:3:4:5:6:7:8:9', '[::1]', ''];
  const pick = (block: string): string => {
    const n = cidr(block);
    const host = BigInt(n.bits - n.prefix);
    const span = 1n << host;
    const offset = rng.bool(0.2) ? rng.pick([0n, span - 1n]) : BigInt(Math.floor(rng.next() * 2 ** 30)) * BigInt(Math.floor(rng.next() * 2 ** 30) + 1) % span;
    const value = ((n.base >> host) << host) + offset;
    const bytes = Uint8Array.from({ length: n.bits / 8 }, (_, k) => Number((value >> BigInt(n.bits - 8 - 8 * k)) & 0xffn));
    return n.bits === 32 ? formatIPv4(bytes) : formatIPv6Rfc5952(bytes) + (rng.bool(0.05) ? '%' + rng.pick(['1', 'eth0']) : '');
  };
  for (const b of blocks4) for (let k = 0; k < 8; k++) out.push(pick(b));
  for (const b of blocks6) for (let k = 0; k < 8; k++) out.push(pick(b));
  for (let k = 0; k < 60; k++) out.push(`::ffff:${pick(rng.pick(blocks4))}`);
  return out;
}

describe('address facts parity with python3 ipaddress', function () {
  const inputs = candidates(new Rng(0xfac75));
  let py: PyFacts[];
  before(function () {
    if (!hasPython()) this.skip();
    py = pythonBatch<PyFacts[]>(FACTS_SCRIPT, inputs);
  });

  it(`answers like python3 on ${inputs.length} generated addresses, except the documented IANA updates`, function () {
    const { unexplained, used } = compareFacts(inputs, py);
    assert.deepStrictEqual(unexplained.slice(0, 15), [], `${unexplained.length} unexplained differences`);
    // Every documented deviation is really exercised (so the list stays honest when python3 is upgraded, it
    // shrinks rather than hides bugs) unless the installed python3 already agrees with NetLens.
    if (py.length && !/^3\.(1[3-9]|[2-9]\d)/.test(pythonVersion)) for (const d of DEVIATIONS) assert.ok(used.has(d.why), `deviation not exercised: ${d.why}`);
  });

  let pythonVersion = '';
  before(function () {
    if (hasPython()) pythonVersion = pythonBatch<string>('import platform; print(json.dumps(platform.python_version()))', null);
  });

  it("regression: Python's own private lists, not the registry (5f00::/16, 2001:1::3), and 3.13's IPv4-mapped exploded form", () => {
    // No Python lists 5f00::/16 (RFC 9602) or excepts 2001:1::3 (RFC 9665); the registry entry stays in `iana`.
    const srv6 = addressFacts('5f00::1');
    assert.deepStrictEqual([srv6.is_private, srv6.is_global, srv6.iana?.rfc, srv6.iana?.globallyReachable], [false, true, 'RFC 9602', false]);
    const dnssd = addressFacts('2001:1::3');
    assert.deepStrictEqual([dnssd.is_private, dnssd.is_global, dnssd.iana?.globallyReachable], [true, false, true]);
    // Lib/ipaddress.py (3.13): exploded[:30] + str(ipv4_mapped); the scope is cut off with the rest.
    assert.strictEqual(addressFacts('::ffff:1.2.3.4').exploded, '0000:0000:0000:0000:0000:ffff:1.2.3.4');
    assert.strictEqual(addressFacts('::ffff:1.2.3.4%eth0').exploded, '0000:0000:0000:0000:0000:ffff:1.2.3.4');
    assert.strictEqual(addressFacts('::ffff:1.2.3.4').reverse_pointer, '4.0.3.0.2.0.1.0.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa');
    assert.strictEqual(addressFacts('::ffff:1.2.3.4').address, '::ffff:1.2.3.4');
  });

  it('NetLens extras: CGNAT shared space, documentation and benchmarking ranges, registry names, embedded IPv4', function () {
    const cgnat = addressFacts('100.64.1.2');
    assert.deepStrictEqual([cgnat.is_shared, cgnat.is_private, cgnat.is_global, cgnat.iana?.rfc], [true, false, false, 'RFC 6598']);
    assert.strictEqual(addressFacts('198.51.100.7').is_documentation, true);
    assert.strictEqual(addressFacts('3fff::1').is_documentation, true);
    assert.strictEqual(addressFacts('198.19.0.1').is_benchmarking, true);
    assert.deepStrictEqual(addressFacts('2001:0:4136:e378:8000:63bf:3fff:fdd2').teredo, ['65.54.227.120', '192.0.2.45']);
    assert.strictEqual(addressFacts('2002:c000:204::1').sixtofour, '192.0.2.4');
    assert.strictEqual(addressFacts('::ffff:127.0.0.1').is_loopback, true);
    assert.strictEqual(addressFacts('8.8.8.8').iana, null);
  });
});
