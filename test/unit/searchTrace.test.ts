// The search-list trace (issue 15): the pure rules of glibc 2.36's res_init and __res_context_search everywhere,
// and, inside the DNS fixture, the proof: python3's getaddrinfo (glibc) resolves each name with a search list and
// ndots:5, the fixture server's log says what glibc really sent, and the trace (the real helper, sending its own
// packets) must name the same tries in the same order and count the same queries — and send the same packets.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { searchTrace } from '../../src/client/searchTrace';
import { ResolverClient } from '../../src/client/resolverClient';
import { lineText } from '../../src/core/lookupView';
import { parseResolvConf, resolverFlags, searchCandidates } from '../../src/core/resolverConfig';
import { classifyReplies, domainLabels, isResHostname, lookupRuns, scratchBufferNeed, type DnsReply, type QueryOutcome, type SendResult } from '../../src/core/resolverQuery';
import { searchTraceSummary, traceSearch, type SearchTrace, type TraceFamily } from '../../src/core/searchTrace';
import { hostAliasIn } from '../../src/helper/searchTrace';
import { readSystemFile } from '../../src/core/systemFiles';
import { searchTraceQuery } from '../../src/helper/searchTrace';
import { startDnsServer, type DnsServer } from '../fixtures/dns/dnsServer';
import { FIXTURE, type Zone } from '../fixtures/dns/zone';
import { etcNamespaceUnavailable, FakeEtc, runWithEtcAsync } from '../support/etcNamespace';
import { LOG_LINE, requiredFixtureLogLines } from '../support/fixtureLog';
import { HELPER_JS } from '../support/paths';
import { hasPython } from '../support/python';

const run = promisify(execFile);
const T = FIXTURE.searchTrace;

describe('search trace: resolv.conf as glibc 2.36 reads it', () => {
  it('reads keywords only at the start of a line, comments only as whole lines, and every search domain', () => {
    const conf = parseResolvConf(' search indented.test\nsearch a.test b.test # c\n#search x.test\nsearch\ndomain\nsearch  d1 d2 d3 d4 d5 d6 d7\n', {});
    assert.deepEqual(conf.search, ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'], 'the last search line wins, with no 6-domain limit');
    assert.deepEqual(parseResolvConf('search a.test # comment\n').search, ['a.test', '#', 'comment'], 'a # inside a line is a word');
    assert.deepEqual(parseResolvConf('search a.test\ndomain  b.test c.test\n').search, ['b.test'], 'domain takes its first word');
    assert.deepEqual(parseResolvConf('search a.test\r\n').search, ['a.test\r'], 'a CR stays part of the domain, as in glibc');
  });

  it('lets LOCALDOMAIN (even empty) replace search and domain lines, and falls back to the host name domain', () => {
    assert.deepEqual(parseResolvConf('search a.test\n', { LOCALDOMAIN: 'c.test  d.test' }).search, ['c.test', 'd.test']);
    assert.deepEqual(parseResolvConf('search a.test\n', { LOCALDOMAIN: '' }).search, [''], 'an empty LOCALDOMAIN is the root');
    assert.deepEqual(parseResolvConf('', { LOCALDOMAIN: ' c.test' }).search, ['', 'c.test']);
    assert.deepEqual(parseResolvConf('nameserver 127.0.0.1\n', {}, 'vm.corp.example').search, ['corp.example']);
    assert.deepEqual(parseResolvConf('nameserver 127.0.0.1\n', {}, 'vm').search, []);
  });

  it('parses name servers with inet_aton_exact or inet_pton, keeps three, and defaults to 127.0.0.1', () => {
    const conf = parseResolvConf('nameserver 127.1\nnameserver 10.0.0.1 junk\nnameserver 1.2.3.4\r\nnameserver fe80::1%eth0\nnameserver ::1\nnameserver 192.0.2.9\n');
    assert.deepEqual(conf.nameservers, ['127.0.0.1', '10.0.0.1', 'fe80::1%eth0']);
    assert.deepEqual(parseResolvConf('nameserver bogus\n').nameservers, ['127.0.0.1']);
  });

  it('reads options like res_setoptions: atoi, caps, prefixes, RES_OPTIONS last', () => {
    const conf = parseResolvConf('options ndots:20 timeout:99 attempts:9 rotatex single-request-reopen inet6\n', { RES_OPTIONS: 'ndots:x no_tld_query' });
    assert.deepEqual([conf.ndots, conf.timeoutS, conf.attempts], [0, 30, 5], 'ndots:x is atoi("x") = 0, read after the file');
    assert.deepEqual([...resolverFlags(conf)].sort(), ['no-tld-query', 'rotate', 'single-request-reopen']);
    assert.equal(parseResolvConf('options ndots:-1\n').ndots, 15, 'ndots lives in 4 bits');
    assert.equal(parseResolvConf('options ndots:3junk\n').ndots, 3);
    assert.deepEqual(conf.options, ['ndots:20', 'timeout:99', 'attempts:9', 'rotatex', 'single-request-reopen', 'inet6', 'ndots:x', 'no_tld_query']);
  });

  it('lists the candidates of __res_context_search', () => {
    const conf = { search: ['a.test', '.b.test', 'c.test.'], ndots: 2 };
    assert.deepEqual(searchCandidates('db', conf), ['db.a.test', 'db.b.test', 'db.c.test', 'db']);
    assert.deepEqual(searchCandidates('x.y.z', conf), ['x.y.z', 'x.y.z.a.test', 'x.y.z.b.test', 'x.y.z.c.test'], 'not asked as is again');
    assert.deepEqual(searchCandidates('db.', conf), ['db']);
    assert.deepEqual(searchCandidates('db', { search: ['', 'a.test'], ndots: 1 }), ['db', 'db.a.test'], 'the root asks the name itself, and it is not asked again');
    assert.deepEqual(searchCandidates('db', { search: ['a.test'], ndots: 1, options: ['no-tld-query'] }), ['db.a.test']);
    assert.deepEqual(searchCandidates('db.x', { search: ['a.test'], ndots: 5, options: ['no-tld-query'] }), ['db.x.a.test', 'db.x'], 'no-tld-query spares names with a dot');
    assert.deepEqual(searchCandidates('db', { search: [], ndots: 1 }), ['db']);
  });
});

describe('search trace: what glibc sends and how it reads the replies', () => {
  it('knows the names its dns module refuses (res_hnok) and the ones without a wire form', () => {
    assert.deepEqual(['web', '_ldap._tcp.x', 'a-b.c.', 'x\\065y', 'bad!name', '-lead', 'a..b', 'sp ace', 'é.test', `${'a'.repeat(64)}.test`].map(isResHostname), [true, true, true, true, false, false, false, false, false, false]);
    assert.deepEqual('problem' in domainLabels(`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`) ? 'problem' : 'ok', 'ok');
    assert.deepEqual('problem' in domainLabels(`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`) ? 'problem' : 'ok', 'problem');
  });

  const reply = (rcode: number, answers: DnsReply['answers'] = [], type = 'A', name = 'x.test'): DnsReply => ({
    id: 1,
    rcode,
    aa: true,
    ra: true,
    tc: false,
    qdcount: 1,
    ancount: answers.length,
    arcount: 0,
    question: { name, type },
    answers,
    size: 40,
  });
  const sent = (answered: SendResult['answered'], firstBuffer: DnsReply | null, received = 2): SendResult => ({ answered, errno: answered ? null : 'ETIMEDOUT', firstBuffer, received, sent: [], cutShort: false });

  it("sorts replies into h_errno as __res_context_query does, and takes the addresses getaddrinfo takes", () => {
    const nx = reply(3);
    assert.equal(classifyReplies(sent({ first: nx, second: reply(3, [], 'AAAA') }, nx), true).hErrno, 'HOST_NOT_FOUND');
    assert.equal(classifyReplies(sent({ first: reply(0), second: reply(0, [], 'AAAA') }, reply(0)), true).hErrno, 'NO_DATA');
    const found = classifyReplies(sent({ first: reply(0, [{ name: 'x.test', type: 'A', data: '192.0.2.1' }]), second: reply(0, [], 'AAAA') }, null), true);
    assert.deepEqual([found.success, found.result, found.addresses], [true, 'addresses', ['192.0.2.1']]);
    const cnameOnly = classifyReplies(sent({ first: reply(0, [{ name: 'x.test', type: 'CNAME', data: 'y.test' }], 'AAAA'), second: null }, null), false);
    assert.deepEqual([cnameOnly.success, cnameOnly.result], [true, 'NODATA'], 'a CNAME alone ends the search without an address');
    const servfail = reply(2);
    assert.deepEqual(Object.values(pick(classifyReplies(sent(null, servfail), true))), ['TRY_AGAIN', 2, 'SERVFAIL']);
    assert.deepEqual(Object.values(pick(classifyReplies(sent(null, reply(5)), true))), ['TRY_AGAIN', 5, 'REFUSED']);
    assert.deepEqual(Object.values(pick(classifyReplies({ ...sent(null, null, 0) }, true))), ['TRY_AGAIN', 0, 'timeout']);
  });

  it("sizes getaddrinfo's scratch buffer: 40 A records need a second run, 4 do not", () => {
    const records = (n: number): DnsReply['answers'] => Array.from({ length: n }, (_, i) => ({ name: 'x.test', type: 'A', data: `192.0.2.${i}` }));
    assert.equal(scratchBufferNeed([reply(0, records(4))], true), 4 * 40 + 8, "the name after the first tuple, padded to 8");
    assert.equal(lookupRuns(scratchBufferNeed([reply(0, records(40))], true)), 2);
    assert.equal(lookupRuns(scratchBufferNeed([reply(0, records(40))], false)), 1, 'a hostent of 40 IPv4 addresses fits in 1 KiB');
    assert.equal(lookupRuns(scratchBufferNeed([reply(0, records(200))], true)), 4);
  });

  it('reads HOSTALIASES like __res_context_hostalias', () => {
    const file = 'web   real.example.test extra\nDB db.example.test\nlonely\nafter lonely.test\n';
    assert.equal(hostAliasIn(file, 'web'), 'real.example.test');
    assert.equal(hostAliasIn(file, 'db'), 'db.example.test', 'case-insensitive');
    assert.equal(hostAliasIn(file, 'after'), 'lonely.test');
    assert.equal(hostAliasIn('lonely', 'after'), null, 'a last line without white space ends the file');
    assert.equal(hostAliasIn('web \n', 'web'), null);
  });
});

function pick(o: QueryOutcome): { hErrno: string; rcode: number; result: string } {
  return { hErrno: o.hErrno, rcode: o.rcode, result: o.result };
}

describe('search trace: __res_context_search with scripted answers', () => {
  type Scripted = 'nx' | 'nodata' | 'servfail' | 'refused' | 'timeout' | 'refusedconn' | 'found';
  function outcome(kind: Scripted): QueryOutcome {
    const base = { errno: null, addresses: [] as string[], queries: 2, sent: [], bufferNeed: 0, cutShort: false };
    switch (kind) {
      case 'nx':
        return { ...base, success: false, hErrno: 'HOST_NOT_FOUND', rcode: 3, result: 'NXDOMAIN' };
      case 'nodata':
        return { ...base, success: false, hErrno: 'NO_DATA', rcode: 0, result: 'NODATA' };
      case 'servfail':
        return { ...base, success: false, hErrno: 'TRY_AGAIN', rcode: 2, result: 'SERVFAIL', errno: 'ETIMEDOUT' };
      case 'refused':
        return { ...base, success: false, hErrno: 'TRY_AGAIN', rcode: 5, result: 'REFUSED', errno: 'ETIMEDOUT' };
      case 'timeout':
        return { ...base, success: false, hErrno: 'TRY_AGAIN', rcode: 0, result: 'timeout', errno: 'ETIMEDOUT' };
      case 'refusedconn':
        return { ...base, queries: 1, success: false, hErrno: 'TRY_AGAIN', rcode: 0, result: 'error', errno: 'ECONNREFUSED' };
      case 'found':
        return { ...base, success: true, hErrno: 'NETDB_SUCCESS', rcode: 0, result: 'addresses', addresses: ['192.0.2.1'], bufferNeed: 47 };
    }
  }
  async function walk(name: string, script: Record<string, Scripted>, confText = 'search a.test b.test c.test\n', env: Record<string, string> = {}, aliases = ''): Promise<SearchTrace> {
    const conf = parseResolvConf(confText, env);
    return traceSearch({ name, family: 'AF_UNSPEC', conf, hostAlias: (n) => hostAliasIn(aliases, n) }, async (q) => outcome(script[q.replace(/\.$/, '')] ?? 'nx'));
  }
  const names = (t: SearchTrace): string => t.tries.map((x) => `${x.name}=${x.result}`).join(' ');

  it('goes on after NXDOMAIN, NODATA and SERVFAIL; stops the list at a timeout or REFUSED, then asks the name as is', async () => {
    assert.equal(names(await walk('db', { 'db.b.test': 'found' })), 'db.a.test=NXDOMAIN db.b.test=addresses');
    assert.equal(names(await walk('db', { 'db.a.test': 'nodata', 'db.b.test': 'servfail', 'db.c.test': 'found' })), 'db.a.test=NODATA db.b.test=SERVFAIL db.c.test=addresses');
    assert.equal(names(await walk('db', { 'db.a.test': 'timeout', 'db.b.test': 'found' })), 'db.a.test=timeout db=NXDOMAIN');
    assert.equal(names(await walk('db', { 'db.a.test': 'refused' })), 'db.a.test=REFUSED db=NXDOMAIN');
    assert.equal(names(await walk('db', { 'db.a.test': 'refusedconn' })), 'db.a.test=error', 'no server reachable ends everything');
  });

  it('asks a name with ndots dots first, goes on after any failure there, and reports its h_errno', async () => {
    const t = await walk('x.y', { 'x.y': 'timeout', 'x.y.a.test': 'nx' }, 'search a.test\noptions ndots:1\n');
    assert.equal(names(t), 'x.y=timeout x.y.a.test=NXDOMAIN');
    assert.equal(t.hErrno, 'TRY_AGAIN', 'the as-is try decides the error');
    const nodata = await walk('db', { 'db.a.test': 'nodata' });
    assert.equal(nodata.hErrno, 'NO_DATA');
    assert.equal(nodata.queries, 8);
  });

  it('asks a trailing-dot name once; the root on the list replaces the last try; no-tld-query drops it', async () => {
    assert.equal(names(await walk('db.', {})), 'db=NXDOMAIN');
    assert.equal(names(await walk('db', {}, '', { LOCALDOMAIN: '' })), 'db=NXDOMAIN');
    assert.equal(names(await walk('db', {}, 'search a.test\noptions no-tld-query\n')), 'db.a.test=NXDOMAIN');
  });

  it('never asks IP literals, non-host names or localhost names, and says why', async () => {
    for (const name of ['127.1', '::1', 'fe80::1%lo', 'bad!name', 'app.localhost', 'x.invalid']) {
      const t = await walk(name, {});
      assert.deepEqual([t.tries.length, t.queries], [0, 0], name);
      assert.ok(t.notAsked, name);
    }
    const t = await walk('db', { 'db.b.test': 'found' }, 'search localhost b.test\n');
    assert.equal(names(t), 'db.localhost=error db.b.test=addresses', 'a search domain that makes a never-ask name is skipped');
    assert.equal(t.queries, 2);
  });

  it('follows HOSTALIASES for a name without dots', async () => {
    const t = await walk('web', { 'real.example.test': 'found' }, 'search a.test\noptions ndots:5\n', {}, 'web real.example.test\n');
    assert.equal(t.hostAlias, 'real.example.test');
    assert.equal(names(t), 'real.example.test.a.test=NXDOMAIN real.example.test=addresses');
  });

  it('says in one line where the name was found, or how the search ended', async () => {
    assert.equal(lineText(searchTraceSummary(await walk('db', { 'db.b.test': 'found' }))), 'DNS via search domain b.test (try 2 of 4, 4 queries)');
    assert.equal(lineText(searchTraceSummary(await walk('db.', { db: 'found' }))), 'DNS, asked as is (1 try, 2 queries)');
    assert.equal(lineText(searchTraceSummary(await walk('db', { db: 'found' }))), 'DNS, asked as is (try 4 of 4, 8 queries)');
    assert.equal(lineText(searchTraceSummary(await walk('db', {}))), 'DNS: NXDOMAIN for all 4 names tried (8 queries)');
    assert.equal(lineText(searchTraceSummary(await walk('db', { 'db.b.test': 'timeout' }))), 'DNS search list stopped at db.b.test (timeout); 3 names tried (6 queries)');
    assert.equal(lineText(searchTraceSummary(await walk('db.', {}))), 'DNS: NXDOMAIN for the only name tried (2 queries)');
    assert.equal(lineText(searchTraceSummary(await walk('127.0.0.1', {}))), 'DNS not asked for this name');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Against reality: glibc (python3) and the trace, both inside the fixture namespace, both logged by its server.

interface Logged {
  proto: string;
  type: string;
  name: string;
}

function loggedSince(since: number): Logged[] {
  return requiredFixtureLogLines()
    .slice(since)
    .map((line) => LOG_LINE.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ proto: m[1], type: m[2], name: m[3].toLowerCase().replace(/\.$/, '') }));
}

/** The names in the order they were first asked, each once per run of consecutive queries for it. */
function askedNames(log: readonly Logged[]): string[] {
  return log.map((l) => l.name).filter((name, i, all) => i === 0 || all[i - 1] !== name);
}

const PY_FAMILY: Record<TraceFamily, number> = { AF_UNSPEC: 0, AF_INET: 2, AF_INET6: 10 };
const PY = `
import socket, sys, json
try:
    rows = socket.getaddrinfo(sys.argv[1], None, int(sys.argv[2]), socket.SOCK_STREAM)
    print(json.dumps({"ok": True, "addresses": sorted({r[4][0] for r in rows})}))
except OSError as e:
    print(json.dumps({"ok": False, "errno": e.errno}))
`;
const EAI_OF: Record<string, number> = { HOST_NOT_FOUND: -2, TRY_AGAIN: -3, NO_DATA: -5 };

(process.env.NETLENS_DNS_FIXTURE === '1' && hasPython() ? describe : describe.skip)('search trace against glibc, inside the DNS fixture', function () {
  this.timeout(60_000);
  const clients = new Map<string, ResolverClient>();
  const env = (resOptions: string): Record<string, string> => ({ LOCALDOMAIN: T.domains.join(' '), RES_OPTIONS: resOptions });

  function client(resOptions: string): ResolverClient {
    let c = clients.get(resOptions);
    if (!c) {
      c = new ResolverClient({ helperPath: HELPER_JS, timeoutMs: () => 30_000, log: () => undefined, env: env(resOptions) });
      clients.set(resOptions, c);
    }
    return c;
  }

  after(async () => {
    await Promise.all([...clients.values()].map((c) => c.dispose()));
  });

  interface Case {
    title: string;
    /** What python3 is given (an IDN is encoded by Python itself). */
    input: string;
    /** What the trace is given: IDNA-2003 ASCII. */
    name: string;
    family?: TraceFamily;
    resOptions?: string;
    tries: string[];
    queries: number;
    found: boolean;
  }

  const s = (label: string, i: number): string => `${label}.${T.domains[i]}`;
  const cases: Case[] = [
    { title: 'a name found at the second search domain', input: T.web.label, name: T.web.label, tries: [s(T.web.label, 0), s(T.web.label, 1)], queries: 4, found: true },
    { title: 'a name found only as is, after the whole list', input: T.asIs.name, name: T.asIs.name, tries: [...T.domains.map((d) => `${T.asIs.name}.${d}`), T.asIs.name], queries: 8, found: true },
    { title: 'NXDOMAIN for every name', input: T.nowhere, name: T.nowhere, tries: [...T.domains.map((d) => `${T.nowhere}.${d}`), T.nowhere], queries: 8, found: false },
    {
      title: 'SERVFAIL in the middle goes on (and costs attempts:2 × A and AAAA)',
      input: T.servfailMid.label,
      name: T.servfailMid.label,
      resOptions: 'ndots:5 attempts:2',
      tries: [0, 1, 2].map((i) => s(T.servfailMid.label, i)),
      queries: 2 + 4 + 2,
      found: true,
    },
    {
      title: 'single-request: a SERVFAIL for A moves on before AAAA is sent',
      input: T.servfailMid.label,
      name: T.servfailMid.label,
      resOptions: 'ndots:5 attempts:2 single-request',
      tries: [0, 1, 2].map((i) => s(T.servfailMid.label, i)),
      queries: 2 + 2 + 2,
      found: true,
    },
    { title: 'a timeout stops the search list (s3 would answer); the name is then asked as is', input: T.timeoutMid.label, name: T.timeoutMid.label, tries: [s(T.timeoutMid.label, 0), s(T.timeoutMid.label, 1), T.timeoutMid.label], queries: 6, found: false },
    { title: 'REFUSED stops the search list too', input: T.refusedFirst.label, name: T.refusedFirst.label, tries: [s(T.refusedFirst.label, 0), T.refusedFirst.label], queries: 4, found: false },
    { title: 'a trailing dot: the name alone', input: `${T.web.label}.`, name: `${T.web.label}.`, tries: [T.web.label], queries: 2, found: false },
    { title: 'a trailing dot on a name that exists', input: `${s(T.web.label, 1)}.`, name: `${s(T.web.label, 1)}.`, tries: [s(T.web.label, 1)], queries: 2, found: true },
    { title: 'an IDN: glibc asks for the IDNA 2003 form', input: T.idn.name, name: T.idn.ascii2003, tries: [s(T.idn.ascii2003, 0), s(T.idn.ascii2003, 1)], queries: 4, found: true },
    { title: 'ndots dots: asked as is first, and found', input: T.deep.name, name: T.deep.name, tries: [T.deep.name], queries: 2, found: true },
    { title: 'ndots dots, nowhere: as is first, then the list, not as is again', input: T.deepGone, name: T.deepGone, tries: [T.deepGone, ...T.domains.map((d) => `${T.deepGone}.${d}`)], queries: 8, found: false },
    { title: 'AF_INET: one query per name', input: T.web.label, name: T.web.label, family: 'AF_INET', tries: [s(T.web.label, 0), s(T.web.label, 1)], queries: 2, found: true },
    { title: 'AF_INET6: NODATA goes on', input: T.family.label, name: T.family.label, family: 'AF_INET6', tries: [0, 1, 2].map((i) => s(T.family.label, i)), queries: 3, found: true },
    { title: 'AF_UNSPEC: an A alone is an answer', input: T.family.label, name: T.family.label, tries: [s(T.family.label, 0)], queries: 2, found: true },
    {
      title: 'no-aaaa with AF_INET6: AAAA is asked as A and read as NODATA',
      input: T.family.label,
      name: T.family.label,
      family: 'AF_INET6',
      resOptions: 'ndots:5 no-aaaa',
      tries: [...[0, 1, 2].map((i) => s(T.family.label, i)), T.family.label],
      queries: 4,
      found: false,
    },
    { title: 'AF_INET6: a CNAME alone ends the search with no address', input: T.cnameOnly.label, name: T.cnameOnly.label, family: 'AF_INET6', tries: [s(T.cnameOnly.label, 0)], queries: 1, found: false },
    { title: 'a truncated answer: TCP again, and getaddrinfo runs twice for 40 addresses', input: T.big.label, name: T.big.label, tries: [s(T.big.label, 0)], queries: 2 * (2 + 2), found: true },
    {
      title: 'A answered, AAAA never: asked again serially, then on a new socket, and the A answer is used',
      input: T.half.label,
      name: T.half.label,
      tries: [s(T.half.label, 0)],
      queries: 6,
      found: true,
    },
    { title: 'AF_INET: 40 addresses fit a hostent (TCP again, one run)', input: T.big.label, name: T.big.label, family: 'AF_INET', tries: [s(T.big.label, 0)], queries: 2, found: true },
    { title: 'a 900-byte answer is truncated without EDNS (TCP again)', input: T.mid.label, name: T.mid.label, tries: [s(T.mid.label, 0)], queries: 4, found: true },
    { title: 'edns0: the same answer fits in UDP', input: T.mid.label, name: T.mid.label, resOptions: 'ndots:5 edns0', tries: [s(T.mid.label, 0)], queries: 2, found: true },
    { title: 'use-vc: every query over TCP', input: T.web.label, name: T.web.label, resOptions: 'ndots:5 use-vc', tries: [s(T.web.label, 0), s(T.web.label, 1)], queries: 4, found: true },
  ];

  for (const c of cases) {
    it(c.title, async () => {
      const family = c.family ?? 'AF_UNSPEC';
      const resOptions = c.resOptions ?? 'ndots:5';

      const beforeGlibc = requiredFixtureLogLines().length;
      const { stdout } = await run('python3', ['-c', PY, c.input, String(PY_FAMILY[family])], { env: { ...process.env, ...env(resOptions) }, encoding: 'utf8' });
      const py = JSON.parse(stdout) as { ok: true; addresses: string[] } | { ok: false; errno: number };
      const glibc = loggedSince(beforeGlibc);

      const beforeTrace = requiredFixtureLogLines().length;
      const outcome = await searchTrace(client(resOptions), { name: c.name, family, timeoutMs: 20_000 });
      assert.ok(outcome.ok, JSON.stringify(outcome));
      const trace = outcome.value;
      const own = loggedSince(beforeTrace);
      const detail = `glibc sent:\n${glibc.map((l) => `  ${l.proto} ${l.type} ${l.name}`).join('\n')}\ntrace: ${JSON.stringify(trace.tries)}`;

      // What glibc really sent: names in order, and how many queries.
      assert.deepEqual(askedNames(glibc).slice(0, trace.tries.length), c.tries, detail);
      assert.equal(glibc.length, c.queries, detail);
      // The trace says the same.
      assert.deepEqual(trace.tries.map((t) => t.name), c.tries, detail);
      assert.equal(trace.queries, glibc.length, detail);
      // And sent the same packets (once; glibc repeats the whole lookup `runs` times).
      const runs = trace.runs ?? 1;
      assert.deepEqual(Array.from({ length: runs }, () => own).flat(), glibc, `the trace's own packets differ\n${detail}\ntrace sent:\n${own.map((l) => `  ${l.proto} ${l.type} ${l.name}`).join('\n')}`);
      // The answer agrees with Python's.
      const foundTry = trace.tries.find((t) => t.result === 'addresses');
      assert.equal(py.ok, c.found, `python: ${stdout}`);
      if (py.ok) assert.deepEqual([...(foundTry?.addresses ?? [])].sort(), py.addresses, detail);
      else {
        assert.equal(foundTry, undefined, detail);
        if (family === 'AF_UNSPEC' && trace.hErrno && EAI_OF[trace.hErrno] !== undefined) assert.equal(py.errno, EAI_OF[trace.hErrno], `${trace.hErrno}: ${stdout}`);
      }
    });
  }

  it('sends nothing for a name glibc refuses, as glibc', async () => {
    const since = requiredFixtureLogLines().length;
    const { stdout } = await run('python3', ['-c', PY, 'bad!name', '0'], { env: { ...process.env, ...env('ndots:5') }, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(stdout), { ok: false, errno: -2 });
    const outcome = await searchTrace(client('ndots:5'), { name: 'bad!name', family: 'AF_UNSPEC', timeoutMs: 5000 });
    assert.ok(outcome.ok && outcome.value.notAsked && outcome.value.queries === 0, JSON.stringify(outcome));
    assert.deepEqual(loggedSince(since), []);
  });

  it('stops at its time limit and says the trace is incomplete', async () => {
    const outcome = await searchTrace(client('ndots:5 timeout:5'), { name: T.timeoutMid.label, family: 'AF_UNSPEC', timeoutMs: 300 });
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.equal(outcome.value.incomplete, true);
    assert.deepEqual(outcome.value.tries.map((t) => t.result), ['NXDOMAIN', 'timeout']);
  });
});

// Two name servers need a resolv.conf of our own: a private /etc (bind-mounted in a private mount namespace) for
// python3, the same text for the trace. The second server runs in this process on 127.0.0.2:53 (inside the
// fixture namespace; binding port 53 needs root there) and keeps its own log.
(process.env.NETLENS_DNS_FIXTURE === '1' && hasPython() ? describe : describe.skip)('search trace against glibc with a resolv.conf of its own', function () {
  this.timeout(60_000);
  const SECOND = '127.0.0.2';
  const twoServers = `nameserver ${SECOND}\nnameserver 127.0.0.1\noptions timeout:1 attempts:2\n`;
  const searchEnv = { LOCALDOMAIN: T.domains.join(' '), RES_OPTIONS: 'ndots:5' };
  let etc: FakeEtc | undefined;

  before(function () {
    const why = etcNamespaceUnavailable() ?? (process.getuid?.() === 0 ? null : 'binding port 53 for a second server needs root');
    if (why) {
      console.log(`      (skipped: ${why})`);
      this.skip();
    }
  });

  afterEach(() => {
    etc?.dispose();
    etc = undefined;
  });

  /** A zone whose every name below `suffix` gets `rcode`, or no answer at all; anything else NXDOMAIN. */
  function secondZone(suffix: string, action: { rcode: 'SERVFAIL' } | { drop: true }): Zone {
    return { ttl: 60, apexes: [], entries: {}, wildcards: [{ suffix, ...action }], hostsOnly: [] };
  }

  interface Setup {
    resolvConf: string;
    env: Record<string, string>;
    /** The second server's zone, or null for none. */
    zone: Zone | null;
  }

  async function compare(setup: Setup, name: string, expected: { tries: string[]; second: number; first: number }): Promise<void> {
    const { resolvConf, env, zone } = setup;
    etc = new FakeEtc({
      'resolv.conf': { kind: 'file', content: resolvConf },
      hosts: { kind: 'file', content: '127.0.0.1 localhost\n::1 localhost\n' },
      'nsswitch.conf': { kind: 'file', content: 'hosts: files dns\n' },
    });
    const secondLog: string[] = [];
    let server: DnsServer | null = null;
    try {
      if (zone) server = await startDnsServer({ host: SECOND, port: 53, zone, log: (line) => secondLog.push(line) });
    } catch (err) {
      throw new Error(`cannot start the second server on ${SECOND}:53: ${String(err)}`);
    }
    try {
      const since = requiredFixtureLogLines().length;
      const py = await runWithEtcAsync(etc, ['env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), 'python3', '-c', PY, name, '0']);
      assert.equal(py.status, 0, py.stderr);
      const glibcFirst = loggedSince(since);
      const glibcSecond = secondLog.splice(0);

      const sinceTrace = requiredFixtureLogLines().length;
      const read = (file: string): string | null => (file === '/etc/resolv.conf' ? resolvConf : readSystemFile(file));
      const trace = await searchTraceQuery({ name, family: 'AF_UNSPEC', timeoutMs: 20_000 }, { read, env, hostname: 'vm' });
      const traceFirst = loggedSince(sinceTrace);
      const traceSecond = secondLog.splice(0);

      const strip = (lines: string[]): string[] => lines.map((l) => l.replace(/^\S+ /, ''));
      const detail = `glibc: ${SECOND} ${JSON.stringify(strip(glibcSecond))}, 127.0.0.1 ${JSON.stringify(glibcFirst)}\ntrace: ${JSON.stringify(trace.tries)}`;
      assert.equal(glibcSecond.length, expected.second, detail);
      assert.equal(glibcFirst.length, expected.first, detail);
      assert.deepEqual(trace.tries.map((t) => t.name), expected.tries, detail);
      assert.equal(trace.queries, expected.second + expected.first, detail);
      assert.deepEqual(strip(traceSecond), strip(glibcSecond), detail);
      assert.deepEqual(traceFirst, glibcFirst, detail);
    } finally {
      await server?.close();
    }
  }

  it('a server that answers SERVFAIL is asked, then the next one, for every name', async () => {
    const web = T.web.label;
    await compare({ resolvConf: twoServers, env: searchEnv, zone: secondZone(FIXTURE.origin, { rcode: 'SERVFAIL' }) }, web, { tries: [`${web}.${T.domains[0]}`, `${web}.${T.domains[1]}`], second: 4, first: 4 });
  });

  it('timeouts cost attempts × servers × (A and AAAA), and end the search list', async () => {
    const label = T.timeoutMid.label;
    // The second server drops only names below s2; the fixture server drops tomid.s2 too.
    await compare({ resolvConf: twoServers, env: searchEnv, zone: secondZone(T.domains[1], { drop: true }) }, label, { tries: [`${label}.${T.domains[0]}`, `${label}.${T.domains[1]}`, label], second: 2 + 4 + 2, first: 4 });
  });

  it("reads resolv.conf's quirks as glibc does: a keyword after a blank is none, a # is a word, the last ndots wins", async () => {
    const web = T.web.label;
    const [s1, s2] = T.domains;
    const resolvConf = `nameserver 127.0.0.1\n search ${s2}\nsearch ${s1} # ${s2}\noptions ndots:5 timeout:1 attempts:1 # ndots:1\n`;
    await compare({ resolvConf, env: {}, zone: null }, web, { tries: [`${web}.${s1}`, `${web}.#`, `${web}.${s2}`], second: 0, first: 6 });
  });
});
