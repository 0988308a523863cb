// Issue 15 item 1, "Explain the answer": each source of the hosts line asked alone through glibc's own module, and
// which source getaddrinfo answers from. Proven against the C library itself, inside the DNS fixture's network
// namespace, each nsswitch.conf in a private /etc (test/support/etcNamespace.ts):
//  - every decision (answeredBy, or the error) equals what python3's getaddrinfo(name, None, family, SOCK_STREAM,
//    0, AI_CANONNAME) really returns in the same /etc: the same addresses, or the same EAI code / errno;
//  - every source's own answer equals getaddrinfo restricted to that source (python3 calling
//    __nss_configure_lookup, as `getent -s` does), and `getent -s hosts:SOURCE ahosts NAME` for `files dns`;
//  - only: ['files'] sends no DNS query (the fixture's query log), a source that hangs is bounded by the timeout.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { getaddrinfoNssLoop, type NssLoopOutcome } from '../../src/core/nssHostsLoop';
import { parseServiceList } from '../../src/core/nsswitch';
import type { NssFamily, NssHostsParams, NssHostsReport, NssSourceAnswer } from '../../src/core/nssSources';
import { GLIBC_EAI } from '../../src/core/resolverError';
import { FIXTURE, slowName } from '../fixtures/dns/zone';
import { etcNamespaceUnavailable, FakeEtc, runWithEtc, type EtcEntry } from '../support/etcNamespace';
import { queriesForName, requiredFixtureLogLines } from '../support/fixtureLog';
import type { NssProbeAnswer, NssProbeInput } from '../support/nssProbe';
import { REPO_ROOT, TEST_ADDON } from '../support/paths';
import { hasPython } from '../support/python';

const PROBE_JS = path.join(REPO_ROOT, 'out', 'test', 'support', 'nssProbe.js');
const ADDON = TEST_ADDON;
const FAMILIES: NssFamily[] = ['AF_UNSPEC', 'AF_INET', 'AF_INET6'];
const OVERRIDE = { name: FIXTURE.cnameChain.canonical, v4: '198.51.100.250' };
const V6_HOSTS = { name: 'v6hosts.netlens.test', v6: '2001:db8::250' };
const HOSTS = `127.0.0.1 localhost\n${FIXTURE.hostsOnly.v4} ${FIXTURE.hostsOnly.name}\n${OVERRIDE.v4} ${OVERRIDE.name}\n${V6_HOSTS.v6} ${V6_HOSTS.name}\n`;
/** Names of the zone and the hosts file; the hosts file overrides `canonical`, which DNS answers otherwise. */
const NAMES = [
  'localhost',
  FIXTURE.hostsOnly.name,
  OVERRIDE.name,
  V6_HOSTS.name,
  FIXTURE.cnameChain.alias,
  FIXTURE.v4only.name,
  FIXTURE.v6only.name,
  FIXTURE.multiA.name,
  FIXTURE.nxdomain,
  FIXTURE.servfail,
  FIXTURE.refused,
];

/** Each line is an nsswitch.conf (null: none); `extra` are more cases for that line. */
const SCENARIOS: { conf: string | null; extra?: NssHostsParams[] }[] = [
  { conf: 'hosts: files dns\n', extra: [{ name: FIXTURE.dropped, family: 'AF_INET' }] },
  { conf: 'hosts: dns files\n' },
  { conf: 'hosts: files [NOTFOUND=return] dns\n' },
  { conf: 'hosts: files nosuchmodule dns\n' },
  { conf: 'hosts: files dns nosuchmodule\n' },
  { conf: 'hosts: files mdns4_minimal [NOTFOUND=return] dns\n', extra: [{ name: 'printer.local', family: 'AF_UNSPEC' }] },
  { conf: 'hosts: dns [!UNAVAIL=return] files\n' },
  { conf: 'hosts: files dns # comment\n' },
  { conf: null },
  { conf: 'passwd: files [NOTFOUND=bogus]\nhosts: files dns\n' },
  { conf: 'hosts: files [SUCCESS=continue] dns [NOTFOUND=return TRYAGAIN=return] files\n' },
  { conf: 'hosts: files [SUCCESS=merge] dns\n' },
  { conf: 'hosts: dns [UNAVAIL=return] files\n' },
  { conf: 'hosts: files myhostname dns\n' },
  { conf: 'hosts: dns' },
];

const counts = { scenarios: 0, decisions: 0, unknown: 0, perSource: 0, getent: 0, wholeEqual: 0 };

function file(content: string | Buffer): EtcEntry {
  return { kind: 'file', content };
}

function fakeEtc(conf: string | null, resolvOptions = 'timeout:1 attempts:1'): FakeEtc {
  const entries: Record<string, EtcEntry> = {
    hosts: file(HOSTS),
    'resolv.conf': file(`nameserver 127.0.0.1\noptions ${resolvOptions}\n`),
    'nsswitch.conf': conf === null ? { kind: 'absent' } : file(conf),
  };
  // The dynamic loader finds libnss_*.so.2 through its cache, as it does outside.
  if (fs.existsSync('/etc/ld.so.cache')) entries['ld.so.cache'] = file(fs.readFileSync('/etc/ld.so.cache'));
  return new FakeEtc(entries);
}

function probe(etc: FakeEtc, input: NssProbeInput): NssProbeAnswer[] {
  const run = runWithEtc(etc, [process.execPath, PROBE_JS], { input: JSON.stringify(input), timeoutMs: 120_000 });
  assert.equal(run.status, 0, `probe: ${String(run.failure)} ${run.stderr}`);
  return JSON.parse(run.stdout) as NssProbeAnswer[];
}

/** getaddrinfo's result as one comparable string: sorted addresses, or the error. */
type PyResult = { ok: string[]; canon: string | null } | { gai: number } | { os: number } | { signal: string };

const PY_SCRIPT = `
import socket, json, sys, ctypes
data = json.load(sys.stdin)
FAM = {'AF_UNSPEC': socket.AF_UNSPEC, 'AF_INET': socket.AF_INET, 'AF_INET6': socket.AF_INET6}
def gai(name, fam):
    try:
        rows = socket.getaddrinfo(name, None, FAM[fam], socket.SOCK_STREAM, 0, socket.AI_CANONNAME)
        return {'ok': [r[4][0] for r in rows], 'canon': rows[0][3] if rows else None}
    except socket.gaierror as e:
        return {'gai': e.errno}
    except OSError as e:
        return {'os': e.errno}
out = {'full': [gai(n, f) for n, f in data['full']], 'per': {}}
libc = ctypes.CDLL(None)
for source, cases in data['per'].items():
    # What getent -s does: this process's hosts line becomes SOURCE alone.
    if libc.__nss_configure_lookup(b'hosts', source.encode()) != 0:
        raise SystemExit('__nss_configure_lookup refused ' + source)
    out['per'][source] = [gai(n, f) for n, f in cases]
print(json.dumps(out))
`;

function python(etc: FakeEtc, full: [string, NssFamily][], per: Record<string, [string, NssFamily][]>): { full: PyResult[]; per: Record<string, PyResult[]> } {
  const run = runWithEtc(etc, ['python3', '-c', PY_SCRIPT], { input: JSON.stringify({ full, per }), timeoutMs: 120_000 });
  assert.equal(run.status, 0, `python3: ${String(run.failure)} ${run.stderr}`);
  return JSON.parse(run.stdout) as { full: PyResult[]; per: Record<string, PyResult[]> };
}

function pyText(r: PyResult): string {
  if ('ok' in r) return `addresses ${[...r.ok].sort().join(' ')}`;
  if ('gai' in r) return `gaierror ${r.gai}`;
  if ('os' in r) return `OSError ${r.os}`;
  return `killed by ${r.signal}`;
}

function predictedText(o: NssLoopOutcome): string {
  if (o.kind === 'addresses') return `addresses ${[...o.addresses].sort().join(' ')}`;
  if (o.kind === 'error') return o.code === 'EAI_SYSTEM' ? `OSError ${String(o.errno)}` : `gaierror ${GLIBC_EAI[o.code].errno}`;
  return o.kind;
}

/** What getaddrinfo says with `source` alone as the hosts line, predicted from that source's own answer. */
function aloneOutcome(entry: NssSourceAnswer, family: NssFamily): NssLoopOutcome | null {
  if (!entry.asked || !entry.module) return null;
  return getaddrinfoNssLoop(parseServiceList(entry.source, true).sources, [entry.module], family).outcome;
}

function reportOf(answer: NssProbeAnswer): NssHostsReport {
  assert.ok(answer.client.ok, `${answer.params.name}: ${JSON.stringify(answer.client)}`);
  return answer.client.value;
}

const ready =
  process.env.NETLENS_DNS_FIXTURE !== '1'
    ? 'NETLENS_DNS_FIXTURE is not set (run under node scripts/with-test-netns.js)'
    : !fs.existsSync(ADDON)
      ? 'the native addon is not built'
      : !hasPython()
        ? 'python3 is not available'
        : null;

describe('nss.hosts: each hosts source alone, and which one getaddrinfo answers from (glibc, fixture namespace)', function () {
  this.timeout(300_000);

  before(function () {
    const why = ready ?? etcNamespaceUnavailable();
    if (why) {
      console.log(`    (skipped: ${why})`);
      this.skip();
    }
  });

  after(() => {
    if (counts.scenarios > 0) console.log(`    nss.hosts compared: ${JSON.stringify(counts)}`);
  });

  it('decides as getaddrinfo does, and each source alone answers as getaddrinfo with that source alone (python3, getent)', () => {
    const bad: string[] = [];
    for (const scenario of SCENARIOS) {
      const etc = fakeEtc(scenario.conf);
      try {
        const cases: NssHostsParams[] = [...NAMES.flatMap((name) => FAMILIES.map((family) => ({ name, family }))), ...(scenario.extra ?? [])];
        const answers = probe(etc, { cases, timeoutMs: 4000, whole: true });
        counts.scenarios++;
        const full: [string, NssFamily][] = [];
        const fullOutcomes: NssLoopOutcome[] = [];
        const per: Record<string, [string, NssFamily][]> = {};
        const perExpected: Record<string, { outcome: NssLoopOutcome; what: string }[]> = {};
        for (const answer of answers) {
          const report = reportOf(answer);
          const { name, family } = answer.params;
          const what = `${JSON.stringify(scenario.conf)} ${name} ${family}`;
          assert.ok(report.outcome, `${what}: no outcome`);
          // The client (one request per source) and the helper (one request) decide alike.
          if (answer.whole?.ok) {
            const whole = answer.whole.value;
            assert.deepEqual([whole.answeredBy, whole.outcome, whole.sources.map((s) => s.status)], [report.answeredBy, report.outcome, report.sources.map((s) => s.status)], what);
            counts.wholeEqual++;
          }
          assert.equal(report.answeredBy, report.outcome.kind === 'addresses' ? report.outcome.source : null);
          // A decision that needs a source NetLens does not ask (localhost names never go to DNS) is not compared:
          // python3 would send the name to DNS.
          if (report.outcome.kind === 'unknown') counts.unknown++;
          else {
            full.push([name, family]);
            fullOutcomes.push(report.outcome);
          }
          for (const entry of report.sources) {
            const alone = aloneOutcome(entry, family);
            if (alone === null || alone.kind !== 'addresses' && alone.kind !== 'error') continue;
            (per[entry.source] ??= []).push([name, family]);
            (perExpected[entry.source] ??= []).push({ outcome: alone, what: `${what} [${entry.source} alone]` });
          }
        }
        const py = python(etc, full, per);
        fullOutcomes.forEach((outcome, k) => {
          counts.decisions++;
          const [name, family] = full[k];
          const got = py.full[k];
          if (predictedText(outcome) !== pyText(got)) bad.push(`${JSON.stringify(scenario.conf)} ${name} ${family}: NetLens ${predictedText(outcome)}, python3 ${pyText(got)}`);
          else if (outcome.kind === 'addresses' && outcome.canonname !== null && 'ok' in got && got.canon !== outcome.canonname) {
            bad.push(`${name} ${family}: canonical name ${outcome.canonname}, python3 ${String(got.canon)}`);
          }
        });
        for (const [source, expected] of Object.entries(perExpected)) {
          expected.forEach(({ outcome, what }, k) => {
            counts.perSource++;
            if (predictedText(outcome) !== pyText(py.per[source][k])) bad.push(`${what}: NetLens ${predictedText(outcome)}, python3 ${pyText(py.per[source][k])}`);
          });
        }
        if (scenario.conf === 'hosts: files dns\n') compareWithGetent(etc, answers, bad);
      } finally {
        etc.dispose();
      }
    }
    assert.deepEqual(bad, []);
    assert.ok(counts.decisions >= 300 && counts.perSource >= 600, JSON.stringify(counts));
  });

  it('names where the answer came from: the hosts-file line, the name servers, a module that is not installed', () => {
    const etc = fakeEtc('hosts: files nosuchmodule dns\n');
    try {
      const [hostsOnly, dnsOnly] = probe(etc, {
        cases: [
          { name: FIXTURE.hostsOnly.name, family: 'AF_INET' },
          { name: FIXTURE.cnameChain.alias, family: 'AF_UNSPEC' },
        ],
        timeoutMs: 4000,
        whole: false,
      }).map(reportOf);
      assert.equal(hostsOnly.answeredBy, 'files');
      assert.match(hostsOnly.sources[0].detail, /^\/etc\/hosts line 2 — SUCCESS: 1 address$/);
      assert.deepEqual(hostsOnly.sources[0].addresses, [FIXTURE.hostsOnly.v4]);
      assert.deepEqual(hostsOnly.sources.map((s) => s.action ?? null), ['return', null, null]);
      const [files, missing, dns] = dnsOnly.sources;
      assert.equal(dnsOnly.answeredBy, 'dns');
      assert.deepEqual([files.status, missing.status, dns.status], ['NOTFOUND', 'UNAVAIL', 'SUCCESS']);
      assert.match(files.detail, /^no line of \/etc\/hosts lists alias\.netlens\.test/);
      assert.match(missing.detail, /^not installed: libnss_nosuchmodule\.so\.2: cannot open shared object file/);
      assert.match(dns.detail, /name servers of \/etc\/resolv\.conf, tried in this order: 127\.0\.0\.1; glibc does not say which one answered — SUCCESS: 2 addresses/);
      assert.equal(dns.canonname, FIXTURE.cnameChain.canonical);
      assert.deepEqual([...dns.addresses].sort(), [FIXTURE.cnameChain.v4, FIXTURE.cnameChain.v6].sort());
    } finally {
      etc.dispose();
    }
  });

  it("only: ['files'] sends no DNS query (the fixture's log), and without it dns is asked", () => {
    const etc = fakeEtc('hosts: files dns\n');
    const name = `onlyfiles-${process.pid}-${Date.now().toString(36)}.netlens.test`;
    try {
      const since = requiredFixtureLogLines().length;
      const [local] = probe(etc, { cases: [{ name, family: 'AF_UNSPEC', only: ['files'] }], timeoutMs: 4000, whole: true });
      const report = reportOf(local);
      assert.deepEqual(report.sources.map((s) => [s.source, s.asked, s.status]), [['files', true, 'NOTFOUND'], ['dns', false, null]]);
      assert.match(report.sources[1].detail, /^not asked \(only files asked\)$/);
      assert.deepEqual(report.outcome, { kind: 'unknown', index: 1 });
      assert.deepEqual(queriesForName(name, since), [], 'no query for the name');
      probe(etc, { cases: [{ name, family: 'AF_UNSPEC' }], timeoutMs: 4000, whole: false });
      assert.ok(queriesForName(name, since).length > 0, 'the control lookup is logged');
    } finally {
      etc.dispose();
    }
  });

  it('a source that hangs is bounded by the lookup timeout; the other sources still answer', () => {
    // glibc waits up to 5 s for the name server, which answers after 3 s; the lookup timeout is 1 s.
    const etc = fakeEtc('hosts: files dns\n', 'timeout:5 attempts:1');
    try {
      const [hung] = probe(etc, { cases: [{ name: slowName(3000), family: 'AF_INET' }], timeoutMs: 1000, whole: false });
      const report = reportOf(hung);
      assert.ok(hung.ms < 2500, `answered after ${Math.round(hung.ms)} ms`);
      assert.deepEqual(report.sources.map((s) => [s.source, s.asked, s.status]), [['files', true, 'NOTFOUND'], ['dns', true, null]]);
      assert.match(report.sources[1].detail, /^no answer within 1000 ms; the call is still running in the resolver helper$/);
      assert.deepEqual([report.answeredBy, report.outcome], [null, { kind: 'unknown', index: 1 }]);
    } finally {
      etc.dispose();
    }
  });

  it('localhost names: dns is never asked; an empty hosts line is reported, not guessed (glibc crashes or says EBUSY)', () => {
    const etc = fakeEtc('hosts: dns files\n');
    const empty = fakeEtc('hosts:\n');
    try {
      const since = requiredFixtureLogLines().length;
      const [lh] = probe(etc, { cases: [{ name: 'app.localhost', family: 'AF_UNSPEC' }], timeoutMs: 4000, whole: true }).map(reportOf);
      assert.equal(lh.sources[0].asked, false);
      assert.match(lh.sources[0].detail, /^not asked: app\.localhost is a localhost name \(RFC 6761/);
      assert.deepEqual(queriesForName('app.localhost', since), []);
      const [report] = probe(empty, { cases: [{ name: FIXTURE.hostsOnly.name, family: 'AF_UNSPEC' }], timeoutMs: 4000, whole: false }).map(reportOf);
      assert.deepEqual([report.sources, report.outcome, report.answeredBy], [[], { kind: 'undefined' }, null]);
      assert.match(report.note ?? '', /names no source/);
      const run = runWithEtc(empty, ['python3', '-c', PY_SCRIPT], { input: JSON.stringify({ full: [[FIXTURE.hostsOnly.name, 'AF_UNSPEC']], per: {} }) });
      const crashed = run.status === null || run.status === 139 || run.status === -11;
      assert.ok(crashed || /"os": 16/.test(run.stdout), `python3: status ${String(run.status)} ${run.stdout}`);
    } finally {
      etc.dispose();
      empty.dispose();
    }
  });

  it('myhostname: answers as the module does when installed, else says it is not installed', () => {
    const installed = /libnss_myhostname\.so\.2/.test(spawnSync('ldconfig', ['-p'], { encoding: 'utf8' }).stdout ?? '');
    const etc = fakeEtc('hosts: myhostname files\n');
    try {
      const [lh] = probe(etc, { cases: [{ name: 'localhost', family: 'AF_UNSPEC' }], timeoutMs: 4000, whole: false }).map(reportOf);
      if (installed) {
        assert.equal(lh.sources[0].status, 'SUCCESS');
        assert.match(lh.sources[0].detail, /this machine itself/);
        assert.equal(lh.answeredBy, 'myhostname');
      } else {
        assert.equal(lh.sources[0].status, 'UNAVAIL');
        assert.match(lh.sources[0].detail, /^not installed: libnss_myhostname\.so\.2/);
        assert.equal(lh.answeredBy, 'files');
      }
    } finally {
      etc.dispose();
    }
  });

  it('the dns.lookup fallback backend reports the hosts line and asks nothing', () => {
    const etc = fakeEtc('hosts: files dns\n');
    try {
      const [fallback] = probe(etc, { cases: [{ name: FIXTURE.hostsOnly.name, family: 'AF_UNSPEC' }], timeoutMs: 4000, whole: false, env: { NETLENS_FORCE_FALLBACK: '1' } }).map(reportOf);
      assert.equal(fallback.platform, 'glibc');
      assert.deepEqual(fallback.sources.map((s) => [s.source, s.asked]), [['files', false], ['dns', false]]);
      assert.match(fallback.note ?? '', /native resolver addon is not loaded/);
      assert.equal(fallback.answeredBy, null);
    } finally {
      etc.dispose();
    }
  });
});

/** `getent -s hosts:SOURCE ahosts NAME` (getaddrinfo AF_UNSPEC with that source alone) against each source's answer. */
function compareWithGetent(etc: FakeEtc, answers: NssProbeAnswer[], bad: string[]): void {
  for (const answer of answers) {
    if (answer.params.family !== 'AF_UNSPEC' || answer.params.name === FIXTURE.dropped) continue;
    for (const entry of reportOf(answer).sources) {
      if (!entry.asked) continue;
      const run = runWithEtc(etc, ['getent', '-s', `hosts:${entry.source}`, 'ahosts', answer.params.name]);
      counts.getent++;
      const addresses = [...new Set(run.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0]))].sort();
      const ours = entry.status === 'SUCCESS' ? [...new Set(entry.addresses)].sort() : [];
      if (JSON.stringify(addresses) !== JSON.stringify(ours) || (run.status === 0) !== (entry.status === 'SUCCESS')) {
        bad.push(`getent -s hosts:${entry.source} ahosts ${answer.params.name}: exit ${String(run.status)} ${addresses.join(' ')}; NetLens ${String(entry.status)} ${ours.join(' ')}`);
      }
    }
  }
}
