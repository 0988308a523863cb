// Exactness of the "why this order" model against the real glibc: in network namespaces made here (addresses and
// routes on lo only, so nothing leaves), with a private /etc whose hosts file and gai.conf each case writes,
// python3's socket.getaddrinfo (glibc's rfc3484_sort with that gai.conf) must give exactly the order NetLens'
// model computes from the hosts file's order, the source addresses and the interfaces (test/fixtures/order/
// orderProbe.ts). Cases: default tables, `precedence ::ffff:0:0/96 100`, label and scopev4 lines, RFC 6724's
// table, dual-stack names with and without an IPv6 route, a ULA name where a ULA source exists, hostile lines,
// and generated gai.conf files and hosts orders (fixed seed).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { libcInfo } from '../../src/helper/orderSources';
import { FakeEtc } from '../support/etcNamespace';
import { loSetup, netnsUnavailable, runInNetns } from '../support/netns';
import { REPO_ROOT } from '../support/paths';
import { prng } from '../support/prng';
import { hasPython } from '../support/python';
import type { ProbeCase, ProbeResult } from '../fixtures/order/orderProbe';

const PROBE_JS = path.join(REPO_ROOT, 'out', 'test', 'fixtures', 'order', 'orderProbe.js');

/** Names in their own block; the hosts file's order is the order glibc's files module hands to the sort. */
export const ORDER_HOSTS = `127.0.0.1 localhost
::1 localhost
198.51.100.20 dual.test
2001:db8::20 dual.test
2001:db8::21 v6first.test
198.51.100.21 v6first.test
192.0.2.5 ula.test
fd00::5 ula.test
fd00::6 ula6first.test
192.0.2.6 ula6first.test
198.51.100.30 many.test
203.0.113.30 many.test
2001:db8::30 many.test
2001:db8:1::30 many.test
fd00::30 many.test
127.0.0.2 many.test
198.51.100.31 many.test
2001:db8::ffff:31 many.test
198.51.100.40 special.test
2002:c633:6414::40 special.test
2001:0:4136:e378::40 special.test
fec0::40 special.test
fe80::40 special.test
::1 special.test
2001:db8::51 two6.test
2001:db8:0:0:8000::51 two6.test
198.51.100.200 two4.test
198.51.100.3 two4.test
`;

const NAMES = ['localhost', 'dual.test', 'v6first.test', 'ula.test', 'ula6first.test', 'many.test', 'special.test', 'two6.test', 'two4.test'];

const V4 = ['addr', 'add', '198.51.100.1/24', 'dev', 'lo'];
const V4B = ['addr', 'add', '192.0.2.1/24', 'dev', 'lo'];
const V6 = ['-6', 'addr', 'add', '2001:db8::1/64', 'dev', 'lo', 'nodad'];
const ULA = ['-6', 'addr', 'add', 'fd00::1/64', 'dev', 'lo', 'nodad'];
const V4_DEFAULT = ['route', 'add', 'default', 'dev', 'lo'];
const V6_DEFAULT = ['-6', 'route', 'add', 'default', 'dev', 'lo'];

/** The namespaces: which addresses and routes lo gets. */
const NAMESPACES: Record<string, string[][]> = {
  'dual stack, no default routes': loSetup(V4, V6),
  'dual stack with an IPv6 default route': loSetup(V4, V6, V6_DEFAULT),
  'dual stack with both default routes': loSetup(V4, V6, V4_DEFAULT, V6_DEFAULT),
  'IPv4 only (no IPv6 address but ::1: glibc keeps no interface list)': loSetup(V4, V4B, V4_DEFAULT),
  'a ULA source (fd00::1/64) and IPv4 routes': loSetup(V4, V4B, ULA, V6),
};

const RFC6724_TABLE = `# RFC 6724 section 2.1, as Debian's gai.conf comments list it
label ::1/128 0
label ::/0 1
label ::ffff:0:0/96 4
label 2002::/16 2
label 2001::/32 5
label fc00::/7 13
label ::/96 3
label fec0::/10 11
label 3ffe::/16 12
precedence ::1/128 50
precedence ::/0 40
precedence ::ffff:0:0/96 35
precedence 2002::/16 30
precedence 2001::/32 5
precedence fc00::/7 3
precedence ::/96 1
precedence fec0::/10 1
precedence 3ffe::/16 1
`;

/** gai.conf files every namespace is tried with. */
const GAI_CONFS: Record<string, string | null> = {
  'no gai.conf': null,
  'precedence ::ffff:0:0/96 100': 'precedence ::ffff:0:0/96 100\n',
  "RFC 6724's table": RFC6724_TABLE,
  'a label line (2001:db8::20/128 99)': '# prefer IPv4 for dual.test\nlabel 2001:db8::20/128 99\n',
  'scopev4 198.51.100.0/24 5 with equal precedence (rule 8)': 'precedence ::ffff:0:0/96 40\nscopev4 198.51.100.0/24 5\n',
  'scopev4 for one address (rule 2)': 'scopev4 198.51.100.20/32 5\nscopev4 ::ffff:198.51.100.30/128 5\n',
  'reload yes and a ULA precedence': 'reload yes\nprecedence fc00::/7 5\n',
  'hostile lines': [
    'precedence not-an-address/96 100',
    'precedence ::ffff:0:0/129 100',
    'precedence ::ffff:0:0/96 2147483648',
    'precedence ::ffff:0:0/96 99999999999999999999999',
    'precedence ::ffff:0:0/96 12abc',
    'Precedence ::ffff:0:0/96 100',
    'label 2001:db8::20 99',
    'precedence 2001:db8::20 99',
    'frobnicate ::/0 1',
    '\t  precedence\t::ffff:0:0/96\t-18446744073709551606   # strtoul wraps: 10',
    'precedence 2001:db8::/32 60 trailing words are ignored',
    'label ::/0 1\r',
    'scopev4 127.0.0.0/8 2',
    'scopev4 198.51.100.20 5',
    'scopev4 2001:db8::/96 5',
    'scopev4 198.51.100.0/33 5',
  ].join('\n'),
  'empty values and an empty prefix length (glibc 2.36 reads them as 0)': 'precedence 2001:db8::/32\nprecedence ::ffff:0:0/ 50\nprecedence ::/0 40\n',
};

function probe(ns: string[][], cases: ProbeCase[]): ProbeResult[] {
  const etc = new FakeEtc({ 'host.conf': { kind: 'file', content: 'multi on\n' }, hosts: { kind: 'file', content: '' } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-order-cases-'));
  try {
    const file = path.join(dir, 'cases.json');
    fs.writeFileSync(file, JSON.stringify(cases));
    const run = runInNetns({ ip: ns, etc }, [process.execPath, PROBE_JS, file]);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as ProbeResult[];
  } finally {
    etc.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function describeMismatch(r: ProbeResult): string {
  return `${r.id} ${r.name}: glibc ${JSON.stringify(r.glibc)}, model ${JSON.stringify(r.model)} from ${JSON.stringify(r.presort)}, sources ${JSON.stringify(r.sources)}`;
}

describe("glibc's address order, explained exactly (network namespaces, python3 as the oracle)", function () {
  this.timeout(180_000);

  before(function () {
    const why = netnsUnavailable();
    if (why || !hasPython()) {
      console.log(`      skipped: ${why ?? 'python3 is not available'}`);
      this.skip();
    }
  });

  for (const [nsName, ns] of Object.entries(NAMESPACES)) {
    it(`${nsName}: every gai.conf, every name, the model's order is glibc's and the explanation reproduces it`, function () {
      const cases = Object.entries(GAI_CONFS).map(([id, gaiConf]): ProbeCase => ({ id, gaiConf, hosts: ORDER_HOSTS, names: NAMES }));
      const results = probe(ns, cases);
      assert.equal(results.length, cases.length * NAMES.length);
      const wrong = results.filter((r) => !Array.isArray(r.glibc) || JSON.stringify(r.glibc) !== JSON.stringify(r.model) || !r.reproduced);
      assert.deepEqual(wrong.map(describeMismatch), []);
      const orders = new Set(results.filter((r) => r.name === 'dual.test' || r.name === 'ula.test').map((r) => JSON.stringify(r.glibc)));
      if (nsName.startsWith('IPv4 only')) {
        // No IPv6 route at all: rule 1 puts IPv4 first whatever gai.conf says.
        assert.deepEqual([...orders].sort(), ['["192.0.2.5","fd00::5"]', '["198.51.100.20","2001:db8::20"]']);
      } else assert.ok(orders.size >= 3, `gai.conf changed nothing: ${[...orders].join(' ')}`);
    });
  }

  it('a ULA name with a ULA source: glibc puts fd00::5 first (no ULA row in its precedence table), by rule 6', function () {
    const [r] = probe(NAMESPACES['a ULA source (fd00::1/64) and IPv4 routes'], [{ id: 'ula', gaiConf: null, hosts: ORDER_HOSTS, names: ['ula.test'] }]);
    assert.deepEqual(r.glibc, ['fd00::5', '192.0.2.5']);
    assert.deepEqual(r.model, r.glibc);
    assert.equal(r.sources['fd00::5'], 'fd00::1');
    assert.deepEqual(
      r.explained.map((a) => [a.address, a.source, a.label, a.precedence, a.ruleNumber]),
      [
        ['fd00::5', 'fd00::1', 6, 40, 6],
        ['192.0.2.5', '192.0.2.1', 4, 10, null],
      ]
    );
    // With RFC 6724's table (what musl and Go use built in) IPv4 comes first.
    const [rfc] = probe(NAMESPACES['a ULA source (fd00::1/64) and IPv4 routes'], [{ id: 'ula', gaiConf: RFC6724_TABLE, hosts: ORDER_HOSTS, names: ['ula.test'] }]);
    assert.deepEqual(rfc.glibc, ['192.0.2.5', 'fd00::5']);
    assert.deepEqual(rfc.model, rfc.glibc);
  });

  it('dual stack: IPv6 first by precedence; IPv4 first with `precedence ::ffff:0:0/96 100`; an unroutable IPv6 last by rule 1', function () {
    const ns = NAMESPACES['dual stack, no default routes'];
    const [plain, pref4] = probe(ns, [
      { id: 'plain', gaiConf: null, hosts: ORDER_HOSTS, names: ['dual.test'] },
      { id: 'pref4', gaiConf: 'precedence ::ffff:0:0/96 100\n', hosts: ORDER_HOSTS, names: ['dual.test'] },
    ]);
    assert.deepEqual(plain.glibc, ['2001:db8::20', '198.51.100.20']);
    assert.equal(plain.explained[0].ruleNumber, 6);
    assert.deepEqual(pref4.glibc, ['198.51.100.20', '2001:db8::20']);
    assert.equal(pref4.explained[0].precedence, 100);
    const [many] = probe(ns, [{ id: 'many', gaiConf: null, hosts: ORDER_HOSTS, names: ['many.test'] }]);
    const last = many.explained.filter((a) => a.source === null).map((a) => a.address);
    assert.deepEqual(last.sort(), ['2001:db8:1::30', '203.0.113.30', 'fd00::30']);
    assert.deepEqual((many.glibc as string[]).slice(-3).sort(), last);
  });

  it('hostile and odd gai.conf lines: glibc uses or ignores each as NetLens\' parser says (one line per case)', function () {
    // Each line, if glibc uses it, puts IPv4 first for the case's name; if glibc ignores it, IPv6 stays first.
    // precedence/label: dual.test with no other line (default tables: IPv6 40 > IPv4 10). scopev4: v6first.test
    // (IPv6 first in the hosts file) with IPv4 and IPv6 at equal precedence, where a smaller IPv4 scope wins rule 8.
    const SCOPE_BASE = 'precedence ::ffff:0:0/96 40\n';
    const lines: [line: string, used: boolean][] = [
      ['precedence ::ffff:0:0/96 100', true],
      ['precedence ::ffff:0:0/96 +100', true],
      ['precedence ::ffff:0:0/96 -18446744073709551516', true], // strtoul wraps a negative number: 100
      ['precedence ::ffff:0:0/96 2147483648', false], // over INT_MAX
      ['precedence ::ffff:0:0/96 99999999999999999999999', false], // ERANGE
      ['precedence ::ffff:0:0/96 100x', false],
      ['precedence ::ffff:0:0/96 0x64', false], // base 10: "0", then "x"
      ['precedence ::ffff:0:0/96 1e2', false],
      ['precedence ::ffff:0:0/96/1 100', false],
      ['precedence ::ffff:0:0/+96 100', true],
      ['precedence ::ffff:0:0/129 100', false],
      ['precedence ::FFFF:0.0.0.0/96 100', true],
      ['precedence 198.51.100.0/24 100', false], // not IPv6
      ['precedence ::ffff:0:0%lo/96 100', false],
      ['precedence ::ffff:0:0 100', false], // no /bits: an uninitialized pointer in glibc <= 2.40, ignored in practice
      ['  precedence\t::ffff:0:0/96\t 100   # comment', true],
      ['precedence ::ffff:0:0/96 100#comment', true],
      ['precedence#::ffff:0:0/96 100', false],
      ['Precedence ::ffff:0:0/96 100', false],
      ['precedence ::ffff:0:0/96 100 and more words', true],
      ['precedence ::ffff:0:0/96 100\0ignored after a NUL', true],
      ['precedence ::ffff:0:0/96 100\r', true], // \r is white space to isspace
      ['label 2001:db8::20/128 99', true],
      ['label 2001:db8::20 99', false],
      ['label 2001:db8::20/128 -1', false], // ULONG_MAX
      ['scopev4 198.51.100.0/24 5', true],
      ['scopev4 ::ffff:198.51.100.0/120 5', true],
      ['scopev4 ::ffff:198.51.100.0/95 5', false],
      ['scopev4 198.51.100.0/33 5', false],
      ['scopev4 2001:db8::/120 5', false], // IPv6 but not IPv4-mapped
    ];
    // A scopev4 line without /bits tests the pointer the previous scopev4 line's strtoul left (glibc <= 2.40): here
    // it lands on a NUL (line used: 198.51.100.20 gets scope 5, its source 14, so rule 2 puts IPv6 first against
    // `precedence ::ffff:0:0/96 100`) or on a character (ignored: IPv4 first).
    const stale: [conf: string, first: string][] = [
      ['precedence ::ffff:0:0/96 100\nscopev4 127.0.0.0/8 2\nscopev4 198.51.100.20 5\n', '2001:db8::20'],
      ['precedence ::ffff:0:0/96 100\nscopev4 127.0.0.0/8 22\nscopev4 198.51.100.20 5\n', '198.51.100.20'],
    ];
    const cases = lines.map(([line], i): ProbeCase => {
      const scope = line.startsWith('scopev4');
      return { id: `line ${i}`, gaiConf: `${scope ? SCOPE_BASE : ''}${line}\n`, hosts: ORDER_HOSTS, names: [scope ? 'v6first.test' : 'dual.test'] };
    });
    const staleCases = stale.map(([gaiConf], i): ProbeCase => ({ id: `stale ${i}`, gaiConf, hosts: ORDER_HOSTS, names: ['dual.test'] }));
    const results = probe(NAMESPACES['dual stack, no default routes'], [...cases, ...staleCases]);
    const staleResults = results.splice(cases.length);
    assert.deepEqual(
      staleResults.map((r) => [r.glibc, r.model]),
      stale.map(([, first]) => [first === '2001:db8::20' ? ['2001:db8::20', '198.51.100.20'] : ['198.51.100.20', '2001:db8::20'], first === '2001:db8::20' ? ['2001:db8::20', '198.51.100.20'] : ['198.51.100.20', '2001:db8::20']])
    );
    const wrong = results.flatMap((r, i) => {
      const [line, used] = lines[i];
      const v4First = Array.isArray(r.glibc) && !r.glibc[0].includes(':');
      const problems: string[] = [];
      if (v4First !== used) problems.push(`${JSON.stringify(line)}: glibc ${used ? 'ignored' : 'used'} it (${JSON.stringify(r.glibc)})`);
      if (JSON.stringify(r.glibc) !== JSON.stringify(r.model)) problems.push(`${JSON.stringify(line)}: model ${JSON.stringify(r.model)}, glibc ${JSON.stringify(r.glibc)}`);
      return problems;
    });
    assert.deepEqual(wrong, []);
  });

  it('a scopev4 line without /bits as the first scopev4 line crashes glibc 2.36 (BZ #32465), as the parser says', function () {
    const [r] = probe(NAMESPACES['dual stack, no default routes'], [{ id: 'crash', gaiConf: 'scopev4 198.51.100.20 5\n', hosts: ORDER_HOSTS, names: ['dual.test'] }]);
    const libc = libcInfo();
    const glibcVersion = /^(\d+)\.(\d+)/.exec(libc.name === 'glibc' ? (libc.version ?? '') : '');
    if (!glibcVersion || Number(glibcVersion[1]) > 2 || Number(glibcVersion[2]) >= 41) this.skip();
    assert.deepEqual(r.glibc, { error: 'SIGSEGV' });
  });

  it('generated gai.conf tables and hosts orders (seed 6724): the model matches glibc on every case', function () {
    const random = prng(6724);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const prefixes = ['::1/128', '::/0', '::ffff:0:0/96', '::ffff:198.51.100.0/120', '2001:db8::/32', '2001:db8::/64', '2001:db8::20/128', 'fd00::/8', 'fc00::/7', '2002::/16', '2001::/32', '::/96', 'fec0::/10', '2001:db8::/16'];
    const scopes = ['198.51.100.0/24', '198.51.100.20/32', '127.0.0.0/8', '192.0.2.0/24', '0.0.0.0/0', '::ffff:192.0.2.0/120'];
    const pool = ['198.51.100.20', '198.51.100.21', '198.51.100.200', '192.0.2.5', '203.0.113.9', '127.0.0.1', '127.0.0.3', '2001:db8::20', '2001:db8::8000:0:0:21', '2001:db8:1::22', 'fd00::5', 'fd00:1::6', '::1', '2002:c633:6414::1', '2001:0:4136:e378::1', 'fec0::9'];
    const cases: ProbeCase[] = [];
    for (let c = 0; c < 40; c++) {
      const lines: string[] = [];
      const n = Math.floor(random() * 6);
      for (let i = 0; i < n; i++) {
        const kind = random();
        if (kind < 0.45) lines.push(`precedence ${pick(prefixes)} ${Math.floor(random() * 60)}`);
        else if (kind < 0.85) lines.push(`label ${pick(prefixes)} ${Math.floor(random() * 12)}`);
        else lines.push(`scopev4 ${pick(scopes)} ${pick([2, 5, 8, 14])}`);
      }
      const hosts = ['127.0.0.1 localhost'];
      const names: string[] = [];
      for (let k = 0; k < 4; k++) {
        const name = `gen${k}.test`;
        names.push(name);
        const count = 2 + Math.floor(random() * 5);
        const chosen = [...pool].sort(() => random() - 0.5).slice(0, count);
        for (const a of chosen) hosts.push(`${a} ${name}`);
      }
      cases.push({ id: `gen${c}: ${lines.join(' | ') || '(empty)'}`, gaiConf: lines.length ? `${lines.join('\n')}\n` : null, hosts: `${hosts.join('\n')}\n`, names });
    }
    let compared = 0;
    let notReproduced = 0;
    for (const ns of [NAMESPACES['a ULA source (fd00::1/64) and IPv4 routes'], NAMESPACES['dual stack with an IPv6 default route']]) {
      const results = probe(ns, cases);
      const wrong = results.filter((r) => !Array.isArray(r.glibc) || JSON.stringify(r.glibc) !== JSON.stringify(r.model));
      assert.deepEqual(wrong.map(describeMismatch), []);
      compared += results.length;
      // Where the rules are not transitive (rule 9 compares same-family pairs only), glibc's merge sort of the
      // name services' order and a sort of its own answer can differ: the explanation says so then.
      notReproduced += results.filter((r) => !r.reproduced).length;
    }
    console.log(`      ${compared} generated name lookups compared; ${notReproduced} answers depend on the name services' order (rules not transitive there)`);
  });
});
