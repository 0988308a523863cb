// The order models without a network: gai.conf parsed as gaiconf_init parses it, glibc's rules on facts given here
// (deprecated sources, tunnels, prefix lengths), musl's and Go's built-in tables, and each runtime's choice by
// version. The same models meet the real glibc and the real runtimes in addressOrderGlibc.test.ts and
// orderRuntimes.test.ts.
import * as assert from 'node:assert/strict';
import { explainGlibcOrder, glibcOrder, type Destination, type HostAddressing } from '../../src/core/addressOrder';
import { defaultGaiConf, gaiConfCrashes, parseGaiConf } from '../../src/core/gaiConf';
import { explainMuslOrder, muslOrder } from '../../src/core/muslAddressOrder';
import { addrconfigFamilies } from '../../src/core/orderReport';
import { curlChoice } from '../../src/core/runtimes/curl';
import { goChoice, goResolverFor } from '../../src/core/runtimes/go';
import { goOrder } from '../../src/core/runtimes/goAddressOrder';
import { javaChoice } from '../../src/core/runtimes/java';
import { nodeChoice, nodeDefaults } from '../../src/core/runtimes/node';
import { pythonChoice } from '../../src/core/runtimes/python';

const d = (address: string, source: string | null): Destination => ({ address, family: address.includes(':') ? 'AF_INET6' : 'AF_INET', source });
const order = (list: readonly Destination[]): string[] => list.map((x) => x.address);

/** lo with a ULA and a documentation prefix, IPv4 198.51.100.1/24 (interface 1), plus eth0 (2) and a sit tunnel (3). */
const ADDRESSING: HostAddressing = {
  interfaces: [
    { address: '198.51.100.1', prefixLength: 24, index: 1, flags: 0 },
    { address: '192.0.2.1', prefixLength: 24, index: 2, flags: 0 },
    { address: 'fd00::1', prefixLength: 64, index: 1, flags: 0 },
    { address: '2001:db8::1', prefixLength: 64, index: 2, flags: 0 },
    { address: '2001:db8:dead::1', prefixLength: 64, index: 2, flags: 0x20 },
    { address: '2002:c000:201::1', prefixLength: 16, index: 3, flags: 0 },
    { address: '::1', prefixLength: 128, index: 1, flags: 0 },
  ],
  links: [
    { index: 1, type: 772 },
    { index: 2, type: 1 },
    { index: 3, type: 776 },
  ],
};

describe('gai.conf, parsed as glibc 2.36 gaiconf_init parses it', () => {
  it('no file: the RFC 3484 tables built into glibc (IPv4-mapped precedence 10, no ULA precedence row)', () => {
    const conf = parseGaiConf(null, '2.36');
    assert.equal(conf.fileRead, false);
    assert.deepEqual(
      conf.precedence.map((r) => [r.prefix, r.value]),
      [
        ['::1/128', 50],
        ['2002::/16', 30],
        ['::/96', 20],
        ['::ffff:0.0.0.0/96', 10],
        ['::/0', 40],
      ]
    );
    assert.ok(conf.labels.some((r) => r.prefix === 'fc00::/7' && r.value === 6));
    assert.deepEqual(conf, { ...defaultGaiConf(), fileRead: false });
  });

  it('one precedence line replaces the whole precedence table; glibc adds back only ::/0 (40); labels stay default', () => {
    const conf = parseGaiConf('precedence ::ffff:0:0/96 100\n', '2.36');
    assert.deepEqual(
      conf.precedence.map((r) => [r.prefix, r.value, r.origin]),
      [
        ['::ffff:0.0.0.0/96', 100, 'gai.conf'],
        ['::/0', 40, 'implied'],
      ]
    );
    assert.deepEqual(conf.labels, defaultGaiConf().labels);
    assert.deepEqual(conf.scopev4, defaultGaiConf().scopev4);
  });

  it('rows sort longest prefix first, keeping file order for equal lengths (merge sort); a /0 line suppresses the implied row', () => {
    const conf = parseGaiConf('label ::/0 7\nlabel 2001:db8::/32 3\nlabel 2001:db8::/32 4\nlabel ::1/128 9\n', '2.36');
    assert.deepEqual(
      conf.labels.map((r) => [r.prefix, r.value, r.line]),
      [
        ['::1/128', 9, 4],
        ['2001:db8::/32', 3, 2],
        ['2001:db8::/32', 4, 3],
        ['::/0', 7, 1],
      ]
    );
  });

  it('scopev4 rows: IPv4 or IPv4-mapped prefixes, masked; the implied 0.0.0.0/0 row is scope 14', () => {
    const conf = parseGaiConf('scopev4 ::ffff:169.254.99.99/112 2\nscopev4 10.1.2.3/8 5\n', '2.36');
    assert.deepEqual(
      conf.scopev4.map((r) => [r.prefix, r.value, r.origin]),
      [
        ['169.254.0.0/16', 2, 'gai.conf'],
        ['10.0.0.0/8', 5, 'gai.conf'],
        ['0.0.0.0/0', 14, 'implied'],
      ]
    );
  });

  it('ignores what glibc ignores, says why, and keeps strtoul quirks (empty value 0, wrapped negatives, + signs)', () => {
    const text = [
      'precedence bogus/8 1',
      'precedence ::/129 1',
      'precedence ::/8 2147483648',
      'precedence ::/8 18446744073709551616',
      'precedence ::/8 12abc',
      'LABEL ::/8 1',
      'precedence ::1/+128 -18446744073709551606',
      'precedence 2001:db8::/32',
      'reload yes # comment',
      '# only a comment',
      '',
      'reload',
    ].join('\n');
    const conf = parseGaiConf(text, '2.36');
    assert.deepEqual(
      conf.lines.map((l) => [l.line, l.status]),
      [
        [1, 'ignored'],
        [2, 'ignored'],
        [3, 'ignored'],
        [4, 'ignored'],
        [5, 'ignored'],
        [6, 'ignored'],
        [7, 'used'],
        [8, 'used'],
        [9, 'used'],
        [12, 'used'],
      ]
    );
    assert.match(conf.lines[2].reason ?? '', /INT_MAX/);
    assert.match(conf.lines[5].reason ?? '', /not a gai.conf command/);
    assert.deepEqual(
      conf.precedence.map((r) => [r.prefix, r.value]),
      [
        ['::1/128', 10],
        ['2001:db8::/32', 0],
        ['::/0', 40],
      ]
    );
    assert.equal(conf.reload, false, 'the last reload line (no value) wins');
  });

  it('glibc 2.41+ (valid_decimal_value): an empty value is refused and a missing /bits means /128', () => {
    const conf = parseGaiConf('precedence 2001:db8::/32\nprecedence 2001:db8::20 7\nscopev4 198.51.100.20 5\n', '2.41');
    assert.deepEqual(
      conf.lines.map((l) => l.status),
      ['ignored', 'used', 'used']
    );
    assert.deepEqual(conf.precedence[0], { prefix: '2001:db8::20/128', bits: 128, value: 7, origin: 'gai.conf', line: 2 });
    assert.equal(conf.scopev4[0].prefix, '198.51.100.20/32');
  });

  it('up to 2.40, a line without /bits is undefined (BZ #32465): ignored for label/precedence, a crash as the first scopev4 line', () => {
    const conf = parseGaiConf('label 2001:db8::20 99\nscopev4 198.51.100.20 5\n', '2.36');
    assert.deepEqual(
      conf.lines.map((l) => l.status),
      ['undefined', 'crash']
    );
    assert.ok(gaiConfCrashes(conf));
    // After a scopev4 line with /bits, glibc tests that line's leftover pointer into the reused line buffer.
    const used = parseGaiConf('scopev4 127.0.0.0/8 2\nscopev4 198.51.100.20 5\n', '2.36');
    assert.deepEqual(
      used.lines.map((l) => l.status),
      ['used', 'used']
    );
    const ignored = parseGaiConf('scopev4 127.0.0.0/8 22\nscopev4 198.51.100.20 5\n', '2.36');
    assert.deepEqual(
      ignored.lines.map((l) => l.status),
      ['used', 'ignored']
    );
  });

  it('a NUL ends a line, bytes that are not UTF-8 are no digits, and CR is white space', () => {
    const conf = parseGaiConf('precedence ::/0 5\0garbage\nprecedence ::1/128 9\udcff\nprecedence ::ffff:0:0/96 3\r\n', '2.36');
    assert.deepEqual(
      conf.lines.map((l) => l.status),
      ['used', 'ignored', 'used']
    );
  });
});

describe("glibc's rules on given facts", () => {
  it('a ULA name with a ULA source: glibc puts the ULA first (rule 6, 40 over 10); musl and Go put IPv4 first', () => {
    const answer = [d('192.0.2.5', '192.0.2.1'), d('fd00::5', 'fd00::1')];
    const conf = defaultGaiConf();
    assert.deepEqual(order(glibcOrder(answer, ADDRESSING, conf)), ['fd00::5', '192.0.2.5']);
    const explained = explainGlibcOrder(glibcOrder(answer, ADDRESSING, conf), ADDRESSING, conf);
    assert.equal(explained.addresses[0].ruleNumber, 6);
    assert.match(explained.addresses[0].rule ?? '', /precedence 40 over 10/);
    assert.deepEqual(order(muslOrder(answer)), ['192.0.2.5', 'fd00::5']);
    assert.deepEqual(order(goOrder(answer)), ['192.0.2.5', 'fd00::5']);
    assert.equal(explainMuslOrder(muslOrder(answer)).addresses[0].ruleNumber, 6);
  });

  it('rule 1 before anything: an address without a source goes last, whatever its precedence', () => {
    const answer = [d('::1', null), d('198.51.100.9', '198.51.100.1')];
    assert.deepEqual(order(glibcOrder(answer, ADDRESSING, defaultGaiConf())), ['198.51.100.9', '::1']);
  });

  it('rule 3: a deprecated source (IFA_F_DEPRECATED in the interface list) loses', () => {
    const answer = [d('2001:db8:dead::9', '2001:db8:dead::1'), d('2001:db8::9', '2001:db8::1')];
    const sorted = glibcOrder(answer, ADDRESSING, defaultGaiConf());
    assert.deepEqual(order(sorted), ['2001:db8::9', '2001:db8:dead::9']);
    assert.equal(explainGlibcOrder(sorted, ADDRESSING, defaultGaiConf()).addresses[0].ruleNumber, 3);
  });

  it('rule 7: a source on a sit tunnel loses against a native interface when nothing before decides', () => {
    const conf = parseGaiConf('precedence ::/0 40\nlabel ::/0 1\n', '2.36');
    const answer = [d('2002:c000:201::9', '2002:c000:201::1'), d('2001:db8::9', '2001:db8::1')];
    const sorted = glibcOrder(answer, ADDRESSING, conf);
    assert.deepEqual(order(sorted), ['2001:db8::9', '2002:c000:201::9']);
    assert.equal(explainGlibcOrder(sorted, ADDRESSING, conf).addresses[0].ruleNumber, 7);
  });

  it('rule 9 for IPv4: only inside the source prefix; without the interface list (no IPv6 address) only an exact match counts', () => {
    const answer = [d('198.51.100.200', '198.51.100.1'), d('198.51.100.3', '198.51.100.1')];
    assert.deepEqual(order(glibcOrder(answer, ADDRESSING, defaultGaiConf())), ['198.51.100.3', '198.51.100.200']);
    const v4only: HostAddressing = { interfaces: ADDRESSING.interfaces.filter((i) => !i.address.includes(':')), links: ADDRESSING.links };
    assert.deepEqual(order(glibcOrder(answer, v4only, defaultGaiConf())), ['198.51.100.200', '198.51.100.3'], 'prefix length 0: the mask is all ones (shift by 32)');
  });

  it('rule 10 keeps the name services order; the explanation names the rule between every neighbour', () => {
    const answer = [d('2001:db8::8', '2001:db8::1'), d('2001:db8::9', '2001:db8::1')];
    const sorted = glibcOrder(answer, ADDRESSING, defaultGaiConf());
    assert.deepEqual(order(sorted), ['2001:db8::8', '2001:db8::9']);
    const e = explainGlibcOrder(sorted, ADDRESSING, defaultGaiConf());
    assert.equal(e.reproduced, true);
    assert.deepEqual(
      e.addresses.map((a) => a.ruleNumber),
      [10, null]
    );
  });

  it("musl leaves IPv4-only answers alone and treats 127.0.0.1 as global scope; Go's rule 9 is for IPv6 only", () => {
    const v4 = [d('198.51.100.200', '198.51.100.1'), d('198.51.100.3', '198.51.100.1')];
    assert.deepEqual(order(muslOrder(v4)), ['198.51.100.200', '198.51.100.3']);
    assert.deepEqual(order(goOrder(v4)), ['198.51.100.200', '198.51.100.3']);
    assert.equal(explainMuslOrder([d('127.0.0.1', '127.0.0.1'), d('::1', '::1')]).addresses[0].scope, 14);
  });
});

describe('what each runtime does with the answer', () => {
  const answer = [d('2001:db8::1', null), d('2001:db8::2', null), d('198.51.100.1', null), d('198.51.100.2', null)];

  it('Node: verbatim since 17, autoSelectFamily since 20.0.0, 250 ms until 25.2.0 and 500 ms after, ipv6first from 20.13/22.1', () => {
    assert.deepEqual(nodeDefaults('v16.20.2'), { dnsResultOrder: 'ipv4first', autoSelectFamily: null, attemptTimeoutMs: null, ipv6firstSupported: false });
    assert.deepEqual(nodeDefaults('v18.19.0'), { dnsResultOrder: 'verbatim', autoSelectFamily: false, attemptTimeoutMs: 250, ipv6firstSupported: false });
    assert.deepEqual(nodeDefaults('v20.12.2'), { dnsResultOrder: 'verbatim', autoSelectFamily: true, attemptTimeoutMs: 250, ipv6firstSupported: false });
    assert.deepEqual(nodeDefaults('v20.13.0').ipv6firstSupported, true);
    assert.deepEqual(nodeDefaults('v22.0.0').ipv6firstSupported, false);
    assert.deepEqual(nodeDefaults('v24.21.0'), { dnsResultOrder: 'verbatim', autoSelectFamily: true, attemptTimeoutMs: 250, ipv6firstSupported: true });
    assert.deepEqual(nodeDefaults('v25.1.0').attemptTimeoutMs, 250);
    assert.deepEqual(nodeDefaults('v25.2.0').attemptTimeoutMs, 500);
    assert.deepEqual(nodeChoice(answer, { version: 'v20.20.2' }, null).order, ['2001:db8::1', '198.51.100.1', '2001:db8::2', '198.51.100.2']);
    assert.deepEqual(nodeChoice(answer, { version: 'v18.19.0' }, null).order, ['2001:db8::1']);
    assert.deepEqual(nodeChoice(answer, { version: 'v16.0.0' }, null).order, ['198.51.100.1']);
    assert.deepEqual(nodeChoice(answer, { version: 'v22.1.0', dnsResultOrder: 'ipv4first' }, null).order, ['198.51.100.1', '2001:db8::1', '198.51.100.2', '2001:db8::2']);
    assert.deepEqual(nodeChoice(answer, { version: 'v26.0.0' }, ['AF_INET']).order, ['198.51.100.1', '198.51.100.2'], 'AI_ADDRCONFIG on an IPv4-only machine');
    assert.match(nodeChoice(answer, { version: 'v26.0.0' }, null).strategy, /500 ms/);
  });

  it("AI_ADDRCONFIG's families: 127.0.0.1 and ::1 do not count, any other address does", () => {
    const i = (address: string) => ({ address, prefixLength: 8, index: 1, flags: 0 });
    assert.equal(addrconfigFamilies([i('127.0.0.1'), i('::1')]), null);
    assert.deepEqual(addrconfigFamilies([i('127.0.0.1'), i('::1'), i('127.0.0.2')]), ['AF_INET']);
    assert.deepEqual(addrconfigFamilies([i('::1'), i('fe80::1')]), ['AF_INET6']);
    assert.equal(addrconfigFamilies([i('10.0.0.1'), i('fe80::1')]), null);
  });

  it('Python: the answer in order, one at a time', () => {
    assert.deepEqual(pythonChoice(answer).order, order(answer));
  });

  it('curl: 8.16+ alternates from IPv6; 8.10-8.15 IPv6 first; 7.59-8.9 the first family first', () => {
    const v4first = [answer[2], answer[0], answer[3], answer[1]];
    assert.deepEqual(curlChoice(v4first).order, ['2001:db8::1', '198.51.100.1', '2001:db8::2', '198.51.100.2']);
    assert.deepEqual(curlChoice(v4first, '8.12.0').order, ['2001:db8::1', '2001:db8::2', '198.51.100.1', '198.51.100.2']);
    assert.deepEqual(curlChoice(v4first, '7.88.1').order, ['198.51.100.1', '198.51.100.2', '2001:db8::1', '2001:db8::2']);
  });

  it('Go: primaries of the first family, then fallbacks; the resolver per nsswitch and name; both models given', () => {
    assert.equal(goResolverFor('db.internal', 'hosts: files dns\n', 'vm').resolver, 'go');
    assert.equal(goResolverFor('printer.local', 'hosts: files dns\n', 'vm').resolver, 'cgo');
    assert.equal(goResolverFor('db.internal', 'hosts: files mdns4_minimal [NOTFOUND=return] dns\n', 'vm').resolver, 'go');
    assert.equal(goResolverFor('db.internal', 'hosts: files resolve [!UNAVAIL=return] dns\n', 'vm').resolver, 'cgo');
    assert.equal(goResolverFor('vm', 'hosts: files myhostname dns\n', 'vm').resolver, 'cgo');
    assert.equal(goResolverFor('db', 'hosts: files myhostname dns\n', 'vm').resolver, 'go');
    assert.equal(goResolverFor('db', null, 'vm').resolver, 'go');
    const ula = [d('fd00::5', 'fd00::1'), d('192.0.2.5', '192.0.2.1')];
    const go = goChoice(ula, { resolver: 'go', reason: 'test' });
    assert.deepEqual(go.order, ['192.0.2.5', 'fd00::5']);
    assert.deepEqual(go.alternative?.order, ['fd00::5', '192.0.2.5']);
    assert.deepEqual(goChoice(answer.slice().reverse(), { resolver: 'cgo', reason: 'test' }).order, ['198.51.100.2', '198.51.100.1', '2001:db8::2', '2001:db8::1']);
  });

  it('Java: IPv4 first by default, IPv6 first or the system order by preferIPv6Addresses; new Socket uses only the first', () => {
    const dup = [...answer, answer[0]];
    assert.deepEqual(javaChoice(dup).lookup, ['198.51.100.1', '198.51.100.2', '2001:db8::1', '2001:db8::2']);
    assert.deepEqual(javaChoice(dup).order, ['198.51.100.1']);
    assert.deepEqual(javaChoice(dup, 'true').lookup, ['2001:db8::1', '2001:db8::2', '198.51.100.1', '198.51.100.2']);
    assert.deepEqual(javaChoice(dup, 'system').lookup, order(answer));
  });
});
