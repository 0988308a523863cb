// Issue 17 item 4: the Linux-only explanations say so elsewhere. Per-source NSS answers and gai.conf are glibc's;
// musl's address order is its built-in RFC 6724 table; on macOS and Windows the order model, the search list and the
// resolv.conf rows say "not available on this platform" instead of explaining with Linux's rules. The platform is
// passed in (explainInHelper, the order facts, the environment probes), never faked through process globals. Only
// `localhost` with the local sources is asked, through a backend that cannot ask any: nothing reaches DNS.
import * as assert from 'assert';
import { whyNotResolve } from '../../src/client/pythonSocket';
import { environmentRows } from '../../src/core/environmentView';
import { answerSourceLine, explainHumanLines, explainJson, isTrace, type ExplainResult } from '../../src/core/explainReport';
import { lineText } from '../../src/core/lookupView';
import { humanReport } from '../../src/cli/commands/order';
import { addrconfigFamilies, buildOrderReport, tablesSummary, type OrderFacts } from '../../src/core/orderReport';
import type { PlatformId } from '../../src/core/platform';
import { readSystemFile } from '../../src/core/systemFiles';
import { explainInHelper } from '../../src/helper/explain';
import { FallbackBackend } from '../../src/helper/fallbackBackend';
import { interfaceAddresses } from '../../src/helper/orderSources';
import { dnsQueryOnlyHelper } from '../support/dnsQueryHelper';

const GLIBC: PlatformId = { os: 'linux', arch: 'x64', libc: 'glibc' };
const MUSL: PlatformId = { os: 'linux', arch: 'arm64', libc: 'musl' };
const MACOS: PlatformId = { os: 'darwin', arch: 'arm64', libc: null };
const WINDOWS: PlatformId = { os: 'win32', arch: 'x64', libc: null };

function facts(platform: PlatformId | undefined): OrderFacts {
  return {
    sources: [
      { address: '::1', source: '::1', error: null },
      { address: '127.0.0.1', source: '127.0.0.1', error: null },
    ],
    interfaces: [
      { address: '127.0.0.1', prefixLength: 8, index: 1, flags: 0 },
      { address: '::1', prefixLength: 128, index: 1, flags: 0 },
    ],
    links: [{ index: 1, type: 772 }],
    gaiConf: { path: '/etc/gai.conf', text: 'precedence ::ffff:0:0/96 100\n', problem: null },
    libc: { name: platform?.libc === 'musl' ? 'musl' : platform?.os === 'linux' || platform === undefined ? 'glibc' : 'unknown', version: platform?.libc === 'glibc' ? '2.36' : null },
    ...(platform ? { platform } : {}),
    nsswitch: null,
    hostname: 'vm',
  };
}

function order(platform: PlatformId | undefined) {
  return buildOrderReport({
    host: 'localhost',
    port: null,
    call: 'getaddrinfo("localhost", None)',
    answer: [
      { address: '::1', family: 'AF_INET6', scopeId: 0 },
      { address: '127.0.0.1', family: 'AF_INET', scopeId: 0 },
    ],
    facts: facts(platform),
    settings: { node: { version: 'v20.20.2' } },
  });
}

describe('platform features: the address order per platform', () => {
  it("glibc: glibc's rules with gai.conf (and so with facts made before issue 17, which carry no platform)", () => {
    for (const r of [order(GLIBC), order(undefined)]) {
      assert.strictEqual(r.model, 'glibc');
      assert.strictEqual(r.unavailable, null);
      assert.strictEqual(r.addresses.length, 2);
      assert.ok(r.gaiConf.fileRead);
      assert.strictEqual(r.gaiConf.lines.length, 1);
      assert.match(tablesSummary(r), /^\/etc\/gai\.conf: 1 of 1 lines used$/);
    }
  });

  it("musl: musl's built-in RFC 6724 table, no gai.conf", () => {
    const r = order(MUSL);
    assert.strictEqual(r.model, 'musl');
    assert.strictEqual(r.addresses.length, 2);
    assert.strictEqual(r.gaiConf.path, null);
    assert.strictEqual(r.gaiConf.fileRead, false);
    assert.deepStrictEqual(r.gaiConf.lines, []);
    assert.strictEqual(tablesSummary(r), "musl's built-in RFC 6724 table (musl reads no gai.conf)");
    const cgo = r.runtimes.go.alternative?.version.includes('cgo') ? r.runtimes.go.alternative : r.runtimes.go;
    assert.match(cgo.rule, /^musl's order is kept\. /);
  });

  for (const [platform, label] of [
    [MACOS, 'darwin-arm64 (macOS)'],
    [WINDOWS, 'win32-x64 (Windows)'],
  ] as const) {
    it(`${platform.os}: not available, no rule made up, gai.conf not read; the runtimes still shown`, () => {
      const r = order(platform);
      assert.strictEqual(r.model, null);
      assert.deepStrictEqual(r.addresses, []);
      assert.strictEqual(r.unavailable, `not available on this platform (${label}): NetLens models the address order of glibc (with gai.conf) and musl only; the order shown is the resolver's own`);
      assert.strictEqual(tablesSummary(r), r.unavailable);
      assert.deepStrictEqual([r.gaiConf.path, r.gaiConf.fileRead, r.gaiConf.lines, r.gaiConf.label, r.gaiConf.crashes, r.gaiConf.reload], [null, false, [], [], false, false]);
      assert.deepStrictEqual(r.runtimes.python.order, ['::1', '127.0.0.1']);
      // Go asks the system there (no nsswitch.conf reasoning), and keeps the system resolver's order.
      assert.match(r.runtimes.go.strategy, platform.os === 'win32' ? /on Windows Go asks the system resolver \(GetAddrInfoW\)/ : /on macOS Go asks the system resolver \(libSystem\)/);
      assert.match(r.runtimes.go.rule, /^the system resolver's order is kept\. /);
      // `netlens order`'s text: the sentence instead of a table of made-up rules, then the runtimes.
      const text = humanReport(r);
      assert.deepStrictEqual(text.slice(0, 3), ['order    getaddrinfo("localhost", None), unknown C library', `tables   ${r.unavailable}`, 'runtimes']);
      assert.ok(!text.some((l) => /before the next because|^tables +\/etc\/gai\.conf|^reload|^warning/.test(l)), text.join('\n'));
    });
  }
});

describe("platform features: AI_ADDRCONFIG's families where there is no /proc/net/if_inet6 (macOS, Windows)", () => {
  it("IPv6 addresses come from libuv's list, so a dual-stack Mac is not taken for IPv4-only", () => {
    const list = {
      lo0: [
        { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4' as const, mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' },
        { address: '::1', netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', family: 'IPv6' as const, mac: '00:00:00:00:00:00', internal: true, cidr: '::1/128', scopeid: 0 },
      ],
      en0: [
        { address: '192.0.2.5', netmask: '255.255.255.0', family: 'IPv4' as const, mac: '02:00:00:00:00:01', internal: false, cidr: '192.0.2.5/24' },
        { address: '2001:db8::5', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6' as const, mac: '02:00:00:00:00:01', internal: false, cidr: '2001:db8::5/64', scopeid: 0 },
      ],
    };
    const v4 = interfaceAddresses('IPv4', new Map(), list);
    const v6 = interfaceAddresses('IPv6', new Map(), list);
    assert.deepStrictEqual(v6.map((a) => [a.address, a.prefixLength]), [['::1', 128], ['2001:db8::5', 64]]);
    assert.deepStrictEqual(addrconfigFamilies(v4), ['AF_INET'], 'IPv4 alone would drop the IPv6 answers for Node');
    assert.strictEqual(addrconfigFamilies([...v4, ...v6]), null, 'both families kept');
  });
});

describe('platform features: explain per platform (the helper side, platform injected)', function () {
  this.timeout(20_000);
  const explain = (platform: PlatformId): Promise<ExplainResult> =>
    explainInHelper({ name: 'localhost', family: 'AF_UNSPEC', timeoutMs: 2000, remoteName: null, network: false }, new FallbackBackend(platform), 'test: no addon', platform);

  for (const [platform, label] of [
    [WINDOWS, 'win32-x64 (Windows)'],
    [MACOS, 'darwin-arm64 (macOS)'],
  ] as const) {
    it(`${platform.os}: the sources, the search list and resolv.conf say "not available on this platform"`, async () => {
      const r = await explain(platform);
      assert.strictEqual(r.nss.platform, 'unsupported');
      assert.strictEqual(r.nss.note, `not available on this platform (${platform.os}-${platform.arch}): per-source answers need the NSS modules of glibc`);
      assert.deepStrictEqual(r.nss.sources, []);
      assert.strictEqual(r.search, null);
      assert.strictEqual(r.searchUnavailable, `not available on this platform (${label}): the search list and the trace come from resolv.conf, which the system resolver here does not use`);
      assert.strictEqual(r.environment.resolvConf, null);
      assert.strictEqual(r.environment.stub, null);
      assert.strictEqual(r.environment.resolvConfUnused, label);
      const resolvRow = environmentRows(r.environment).find((row) => row.kind === 'resolv-conf');
      assert.match(resolvRow?.description ?? '', /^not available on this platform \(.*\): the system resolver here does not read resolv\.conf$/);

      // The hover's line, the CLI's JSON and text.
      const hover = answerSourceLine(r, 'localhost', { addresses: ['127.0.0.1'], canonicalName: null });
      assert.strictEqual(hover && lineText(hover), r.nss.note);
      const report = { ...r, query: 'localhost', name: 'localhost', system: { ok: true as const, value: [] } };
      const json = explainJson(report);
      assert.strictEqual(json.searchUnavailable, r.searchUnavailable);
      assert.strictEqual(json.search, null);
      assert.strictEqual(json.platform, 'unsupported');
      const text = explainHumanLines(report);
      assert.ok(text.includes(`search  ${r.searchUnavailable}`), text.join('\n'));
      assert.ok(text.includes(`note    ${r.nss.note}`), text.join('\n'));
    });
  }

  it("musl: no NSS sources (musl's note), but the search list of resolv.conf", async () => {
    const r = await explain(MUSL);
    assert.strictEqual(r.nss.platform, 'musl');
    assert.match(r.nss.note ?? '', /^musl does not read \/etc\/nsswitch\.conf/);
    assert.strictEqual(r.searchUnavailable, null);
    assert.ok(r.search !== null && !isTrace(r.search) && r.search.candidates.length >= 1, JSON.stringify(r.search));
    assert.strictEqual(r.environment.resolvConfUnused, undefined);
    assert.strictEqual(answerSourceLine(r, 'localhost', { addresses: ['127.0.0.1'], canonicalName: null }), null, 'no guess on musl either');
  });

  it('glibc: as before (the note says the addon is missing; the search list is there)', async () => {
    const r = await explain(GLIBC);
    assert.strictEqual(r.nss.platform, 'glibc');
    assert.strictEqual(r.searchUnavailable, null);
    assert.ok(r.search !== null);
    assert.strictEqual(r.environment.resolvConfUnused, undefined);
  });
});

describe('platform features: localhost on this machine (its own files and platform; run on each release runner)', () => {
  it('localhost is looked up: a source before DNS answers it (the hosts file; on Windows, whose hosts file lists none, its built-in answer)', async () => {
    // The helper's dns.query sends nothing for a localhost name: it reads the hosts file (and nsswitch.conf on glibc).
    assert.strictEqual(await whyNotResolve(dnsQueryOnlyHelper(readSystemFile), 'localhost'), null);
  });
});
