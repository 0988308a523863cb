// The getaddrinfo panel's logic without an editor (src/client/addrinfoPanelLookups.ts): what it asks the helper,
// what it tells its webview, and which webview messages it acts on. The helper is a fake that records its requests:
// nothing here resolves a name. The last suite gives the details message ("Why this answer", "Address order") the
// real helper, inside the DNS fixture's namespace only.
import * as assert from 'node:assert/strict';
import { AddrinfoPanelLookups, defaultRequest, parseWebviewMessage, requestCall, restoredForm, type AddrinfoPanelDeps, type DetailsMessage } from '../../src/client/addrinfoPanelLookups';
import { ResolverClient } from '../../src/client/resolverClient';
import type { AddrinfoRow, GetaddrinfoRequest, Outcome } from '../../src/core/addrinfo';
import type { ExplainRequest, ExplainResult } from '../../src/core/explainReport';
import { lineText } from '../../src/core/lookupView';
import type { OrderFacts } from '../../src/core/orderReport';
import type { ResolverEnvironment } from '../../src/core/resolverEnvironment';
import { gaiError } from '../../src/core/resolverError';
import type { HelperMethod, ParamsOf, PingResult } from '../../src/ipc/protocol';
import type { ToWebviewMessage } from '../../src/webview/messages';
import { FIXTURE } from '../fixtures/dns/zone';
import { HELPER_JS } from '../support/paths';

const V4 = '198.51.100.10';
const V6 = '2001:db8::10';
const CONSTANTS = { AF_INET: 2, AF_INET6: 10, SOCK_STREAM: 1 };

function rows(name: string, addresses: string[]): AddrinfoRow[] {
  return addresses.map((a, i) => ({ family: a.includes(':') ? 'AF_INET6' : 'AF_INET', socktype: 'SOCK_STREAM', proto: 6, canonname: i === 0 ? name : '', sockaddr: a.includes(':') ? [a, 0, 0, 0] : [a, 0] }));
}

const ENVIRONMENT: ResolverEnvironment = {
  context: 'ssh-remote',
  machine: 'buildhost',
  os: null,
  libc: { name: 'glibc', version: '2.36' },
  resolvConf: { path: '/etc/resolv.conf', target: null, nameservers: ['127.0.0.1'], search: [], options: [], overriddenBy: [] },
  stub: null,
  nscd: { socket: '/var/run/nscd/socket', cachesHosts: true, running: true },
  signals: [],
};

/** The helper's `explain` for a name: files says NOTFOUND, dns answers with the name's addresses, one try. */
function explainResult(name: string, addresses: string[]): ExplainResult {
  return {
    environment: ENVIRONMENT,
    nss: {
      platform: 'glibc',
      note: null,
      nsswitch: { path: '/etc/nsswitch.conf', hosts: [], origin: 'file' },
      sources: [
        { source: 'files', asked: true, status: 'NOTFOUND', addresses: [], canonname: null, detail: `no line of /etc/hosts lists ${name}` },
        { source: 'dns', asked: true, status: 'SUCCESS', addresses, canonname: name, detail: 'the name servers of /etc/resolv.conf' },
        { source: 'mdns4', asked: false, status: null, addresses: [], canonname: null, detail: 'not asked: dns answered' },
      ],
      answeredBy: 'dns',
    },
    search: { domains: [], ndots: 1, candidates: [name], tries: [{ name, result: 'addresses', addresses, queries: 2 }], queries: 2 },
  };
}

/** A helper that knows two names and the reverse name of V4, and records every request. */
class FakeHelper {
  readonly requests: { method: HelperMethod; params: unknown }[] = [];
  pingFails = false;
  explainFails = false;

  count(method: HelperMethod): number {
    return this.requests.filter((r) => r.method === method).length;
  }

  readonly client: AddrinfoPanelDeps['client'] = {
    ping: async () => this.answer('ping', {}) as Promise<Outcome<PingResult>>,
    request: (async (method: HelperMethod, params: ParamsOf<HelperMethod>) => this.answer(method, params)) as AddrinfoPanelDeps['client']['request'],
  };

  private async answer(method: HelperMethod, params: unknown): Promise<Outcome<unknown>> {
    this.requests.push({ method, params });
    const p = params as Record<string, unknown>;
    switch (method) {
      case 'ping':
        if (this.pingFails) return { ok: false, error: { kind: 'helper', errno: null, code: null, message: 'the helper is down' } };
        return { ok: true, value: { pid: 1, backend: 'native', backendNote: null, inFlight: 0, threadpoolSize: 16, platform: 'linux', constants: CONSTANTS } };
      case 'getaddrinfo': {
        const host = p.host as string | null;
        const known: Record<string, string[]> = { 'alias.example': [V6, V4], 'strasse.example': [V4] };
        // None: the loopback addresses, as getaddrinfo(None, …) without AI_PASSIVE answers.
        const addresses = host === null ? ['::1', '127.0.0.1'] : (known[host] ?? (/^[\d.:a-f]+$/.test(host) ? [host] : undefined));
        if (!addresses) return { ok: false, error: gaiError('EAI_NONAME') };
        return { ok: true, value: { backend: 'native', rows: rows(host ?? 'localhost', addresses), unavailable: [], elapsedMs: 1 } };
      }
      case 'gethostbyaddr':
        if (p.address !== V4) return { ok: false, error: { kind: 'herror', errno: 1, code: 'HOST_NOT_FOUND', message: 'Unknown host' } };
        return { ok: true, value: { backend: 'native', name: 'canonical.example', aliases: [], addresses: [V4], family: 'AF_INET', unavailable: [], elapsedMs: 1 } };
      case 'dns.query':
        // The direct DNS view's own query: answered with an error, which the panel shows as it is.
        return { ok: false, error: { kind: 'OSError', errno: null, code: 'ECONNREFUSED', message: 'no DNS server in a unit test' } };
      case 'explain': {
        if (this.explainFails) return { ok: false, error: { kind: 'timeout', errno: null, code: null, message: 'the helper did not answer explain in time' } };
        const known: Record<string, string[]> = { 'alias.example': [V4, V6], 'strasse.example': [V4] };
        const name = (params as ExplainRequest).name;
        return { ok: true, value: explainResult(name, known[name] ?? []) };
      }
      case 'order.sources': {
        const destinations = (p.destinations as { address: string }[]).map((d) => d.address);
        const facts: OrderFacts = {
          sources: destinations.map((address) => ({ address, source: address.includes(':') ? '2001:db8::1' : '198.51.100.1', error: null })),
          interfaces: [
            { address: '198.51.100.1', prefixLength: 24, index: 2, flags: 0 },
            { address: '2001:db8::1', prefixLength: 64, index: 2, flags: 0 },
          ],
          links: [],
          gaiConf: { path: '/etc/gai.conf', text: null, problem: 'ENOENT' },
          libc: { name: 'glibc', version: '2.36' },
          nsswitch: 'hosts: files dns\n',
          hostname: 'buildhost',
        };
        return { ok: true, value: facts };
      }
      default:
        throw new Error(`unexpected helper method ${method}`);
    }
  }
}

function setUp(): { helper: FakeHelper; lookups: AddrinfoPanelLookups; posted: ToWebviewMessage[]; post: (m: ToWebviewMessage) => Promise<void> } {
  const helper = new FakeHelper();
  const lookups = new AddrinfoPanelLookups({
    client: helper.client,
    dnsOptions: () => ({ servers: ['127.0.0.1'], timeoutMs: 1234 }),
    explainOptions: () => ({ timeoutMs: 4321, remoteName: 'ssh-remote', orderSettings: { node: { version: 'v20.20.2' } } }),
    connectOptions: () => ({ timeoutMs: 500, lookupTimeoutMs: 2000, orderSettings: { node: { version: 'v20.20.2' } } }),
  });
  const posted: ToWebviewMessage[] = [];
  return { helper, lookups, posted, post: async (m) => void posted.push(m) };
}

describe('getaddrinfo panel logic (no editor)', () => {
  it("opens for a host with Python's default call plus the canonical name", () => {
    assert.deepEqual(defaultRequest('db.internal'), { host: 'db.internal', port: null, family: 'AF_UNSPEC', socktype: 'SOCK_UNSPEC', proto: 0, flags: ['AI_CANONNAME'] });
    assert.equal(defaultRequest(null).host, null);
  });

  it('acts only on well-formed webview messages, keeping nothing else they carry', () => {
    const request: GetaddrinfoRequest = { host: 'db', port: 'https', family: 'AF_INET', socktype: 'SOCK_STREAM', proto: 6, flags: ['AI_CANONNAME'] };
    assert.deepEqual(parseWebviewMessage({ type: 'resolve', request: { ...request, extra: '<script>' }, seq: 3, more: 1 }), { type: 'resolve', request, seq: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'resolve', request, seq: 1.5 }), { type: 'resolve', request, seq: undefined });
    assert.deepEqual(parseWebviewMessage({ type: 'copy', text: 'rows' }), { type: 'copy', text: 'rows' });
    for (const bad of [null, 'resolve', { type: 'resolve' }, { type: 'resolve', request: { ...request, family: 'AF_EVIL' } }, { type: 'resolve', request: { ...request, flags: ['AI_X'] } }, { type: 'copy', text: 1 }, { type: 'run', command: 'x' }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('restores the form a reload saved (this version, 0.1.0), else the empty form', () => {
    const form: GetaddrinfoRequest = { host: 'typed', port: 'https', family: 'AF_INET6', socktype: 'SOCK_DGRAM', proto: 0, flags: [] };
    assert.deepEqual(restoredForm({ version: 2, form, seq: 4 }), form);
    assert.deepEqual(restoredForm(form), form, 'NetLens 0.1.0 saved the bare request');
    for (const bad of [undefined, null, 'x', { version: 2, form: { ...form, proto: 'six' } }]) assert.deepEqual(restoredForm(bad), defaultRequest(null), JSON.stringify(bad));
  });

  it("posts 'resolving', 'result' and 'details' in order, and answers with this lookup's own result", async () => {
    const { lookups, posted, post } = setUp();
    const request = defaultRequest('alias.example');
    const lookup = await lookups.lookUp(request, 7, post);
    assert.equal(lookup.result.type, 'result');
    assert.equal(lookup.result.seq, 7);
    assert.deepEqual(lookup.result.request, request);
    assert.ok(lookup.result.outcome.ok);
    assert.deepEqual(lookup.result.outcome.value.rows.map((r) => r.sockaddr[0]), [V6, V4]);
    const details = await lookup.details;
    assert.deepEqual(posted.map((m) => [m.type, 'seq' in m ? m.seq : undefined]), [['resolving', 7], ['result', 7], ['details', 7]]);
    assert.equal(posted[1], lookup.result, 'the command answers with the very message the webview got');
    assert.equal(posted[2], details);
  });

  it('asks the helper the IDNA 2003 form of a non-ASCII name, as the hover and Python do', async () => {
    const { helper, lookups, post } = setUp();
    const { result } = await lookups.lookUp(defaultRequest('straße.example'), undefined, post);
    assert.equal((helper.requests.find((r) => r.method === 'getaddrinfo')?.params as GetaddrinfoRequest).host, 'strasse.example');
    assert.equal(result.request.host, 'straße.example', 'the form keeps what the user asked');
    assert.ok(result.outcome.ok && result.outcome.value.rows[0].sockaddr[0] === V4);
  });

  it('asks the helper for the socket constants once, not with every lookup', async () => {
    const { helper, lookups, post } = setUp();
    const results = await Promise.all(['alias.example', 'strasse.example', V4].map(async (h) => (await lookups.lookUp(defaultRequest(h), undefined, post)).result));
    results.push((await lookups.lookUp(defaultRequest('alias.example'), 1, post)).result);
    assert.equal(helper.count('ping'), 1, 'one ping for four lookups');
    for (const r of results) assert.deepEqual(r.constants, CONSTANTS);
  });

  it('asks for the constants again after the helper could not answer, showing none meanwhile', async () => {
    const { helper, lookups, post } = setUp();
    helper.pingFails = true;
    assert.deepEqual((await lookups.lookUp(defaultRequest('alias.example'), undefined, post)).result.constants, {});
    helper.pingFails = false;
    assert.deepEqual((await lookups.lookUp(defaultRequest('alias.example'), undefined, post)).result.constants, CONSTANTS);
    assert.deepEqual((await lookups.lookUp(defaultRequest('alias.example'), undefined, post)).result.constants, CONSTANTS);
    assert.equal(helper.count('ping'), 2);
  });

  it("details: each address's reverse name or Python's error, and the direct DNS view with the settings' servers", async () => {
    const { helper, lookups, post } = setUp();
    const details = await (await lookups.lookUp(defaultRequest('alias.example'), undefined, post)).details;
    assert.ok(details);
    assert.deepEqual(details.reverse, { [V6]: { ok: false, error: 'socket.herror: [Errno 1] Unknown host' }, [V4]: { ok: true, name: 'canonical.example' } });
    assert.deepEqual(helper.requests.find((r) => r.method === 'dns.query')?.params, { name: 'alias.example', kind: 'name', servers: ['127.0.0.1'], timeoutMs: 1234 });
    assert.ok(details.dns && !details.dns.ok && details.dns.error.code === 'ECONNREFUSED', JSON.stringify(details.dns));
  });

  it("details: 'Why this answer' for a name, from the lookup's own rows (no second lookup), with its lines worded", async () => {
    const { helper, lookups, post } = setUp();
    const { result, details } = await lookups.lookUp(defaultRequest('alias.example'), undefined, post);
    const message = await details;
    assert.ok(result.outcome.ok && message?.explain?.ok, JSON.stringify(message?.explain));
    // The panel's own lookup and the direct DNS view's system call; explain asks none (it has the panel's rows).
    const forName = helper.requests.filter((r) => r.method === 'getaddrinfo' && (r.params as GetaddrinfoRequest).host === 'alias.example');
    assert.deepEqual(forName.map((r) => (r.params as GetaddrinfoRequest).socktype), ['SOCK_UNSPEC', 'SOCK_STREAM'], "explain's system answer is the panel's own rows");
    assert.deepEqual(helper.requests.find((r) => r.method === 'explain')?.params, { name: 'alias.example', family: 'AF_UNSPEC', timeoutMs: 4321, remoteName: 'ssh-remote', network: true });
    const report = message.explain.value;
    assert.deepEqual(report.system, { ok: true, value: result.outcome.value.rows });
    assert.equal(report.nss.answeredBy, 'dns');
    // The lines core words (environmentSummary, sourceStatusText, searchTraceSummary), so the webview words nothing.
    assert.equal(lineText(report.shown.environment), 'resolved on buildhost (SSH remote, glibc 2.36)');
    assert.deepEqual(report.shown.environment.filter((p) => 'data' in p), [{ data: 'buildhost' }, { data: 'SSH remote' }, { data: 'glibc 2.36' }]);
    assert.deepEqual(report.shown.statuses, ['NOTFOUND', 'SUCCESS', 'not asked']);
    assert.ok(report.shown.trace && lineText(report.shown.trace) === 'DNS, asked as is (1 try, 2 queries)', JSON.stringify(report.shown.trace));
  });

  it("details: 'Address order' of the lookup's rows, for the panel's own call and the extension host's runtimes", async () => {
    const { helper, lookups, post } = setUp();
    const request: GetaddrinfoRequest = { host: 'alias.example', port: 'https', family: 'AF_UNSPEC', socktype: 'SOCK_STREAM', proto: 0, flags: ['AI_CANONNAME'] };
    const message = await (await lookups.lookUp(request, undefined, post)).details;
    assert.ok(message?.order?.ok, JSON.stringify(message?.order));
    const order = message.order.value;
    assert.deepEqual(helper.requests.find((r) => r.method === 'order.sources')?.params, {
      destinations: [
        { address: V6, family: 'AF_INET6', scopeId: 0 },
        { address: V4, family: 'AF_INET', scopeId: 0 },
      ],
      port: 9,
    });
    assert.equal(order.call, 'getaddrinfo("alias.example", "https", AF_UNSPEC, SOCK_STREAM, 0, AI_CANONNAME)');
    assert.equal(order.port, 'https');
    assert.deepEqual(order.addresses.map((a) => [a.address, a.source]), [[V6, '2001:db8::1'], [V4, '198.51.100.1']]);
    assert.match(order.addresses[0].rule ?? '', /^Rule 6, prefer higher precedence/);
    assert.equal(order.addresses[1].rule, null);
    assert.equal(order.shown.tables, '/etc/gai.conf not read (ENOENT): the RFC 3484 tables built into glibc');
    assert.match(order.runtimes.node.version, /v20\.20\.2/);
    assert.ok(order.runtimes.go.alternative, 'Go has its other model');
    assert.equal(requestCall(defaultRequest(null)), 'getaddrinfo(None, None, AF_UNSPEC, 0, 0, AI_CANONNAME)');
  });

  it('details: a failed explain is shown as its error, beside the reverse names and the order', async () => {
    const { helper, lookups, post } = setUp();
    helper.explainFails = true;
    const message = await (await lookups.lookUp(defaultRequest('alias.example'), undefined, post)).details;
    assert.ok(message && message.explain && !message.explain.ok, JSON.stringify(message?.explain));
    assert.equal(message.explain.error.kind, 'timeout');
    assert.deepEqual(Object.keys(message.reverse).sort(), [V4, V6].sort());
    assert.ok(message.order?.ok);
  });

  it('details: no direct DNS view and no explain for an address or None; the order for an address only', async () => {
    const { helper, lookups, post, posted } = setUp();
    const forAddress = await (await lookups.lookUp(defaultRequest(V4), undefined, post)).details;
    assert.equal(forAddress?.dns, null);
    assert.equal(forAddress?.explain, null);
    assert.ok(forAddress?.order?.ok && forAddress.order.value.addresses.length === 1, JSON.stringify(forAddress?.order));
    assert.equal(helper.count('dns.query') + helper.count('explain'), 0);
    const forNone = await (await lookups.lookUp(defaultRequest(null), undefined, post)).details;
    assert.deepEqual([forNone?.dns, forNone?.explain, forNone?.order], [null, null, null]);
    assert.equal(helper.count('order.sources'), 1, 'no order for None');
    const failed = await lookups.lookUp(defaultRequest('nxdomain.example'), undefined, post);
    assert.ok(!failed.result.outcome.ok);
    assert.equal(await failed.details, null);
    assert.deepEqual(posted.slice(-2).map((m) => m.type), ['resolving', 'result'], 'a failure posts no details');
  });

  it('a panel closed during the lookup still gets its result returned, and nothing more is asked', async () => {
    const { helper, lookups } = setUp();
    const closed = async (): Promise<void> => {
      throw new Error('the getaddrinfo panel is closed');
    };
    const lookup = await lookups.lookUp(defaultRequest('alias.example'), undefined, closed);
    assert.ok(lookup.result.outcome.ok);
    assert.equal(await lookup.details, null);
    assert.equal(helper.count('gethostbyaddr') + helper.count('dns.query') + helper.count('explain') + helper.count('order.sources'), 0, 'nothing more asked for a closed panel');
  });
});

// The details message with the real helper: glibc's own modules and the fixture's DNS server answer.
(process.env.NETLENS_DNS_FIXTURE === '1' ? describe : describe.skip)("getaddrinfo panel details with the real helper (DNS fixture)", function () {
  this.timeout(30_000);
  let client: ResolverClient;
  let lookups: AddrinfoPanelLookups;

  before(() => {
    client = new ResolverClient({ helperPath: HELPER_JS, timeoutMs: () => 5000, log: () => undefined });
    lookups = new AddrinfoPanelLookups({
      client,
      dnsOptions: () => ({ servers: null, timeoutMs: 2000 }),
      explainOptions: () => ({ timeoutMs: 3000, remoteName: null, orderSettings: { node: { version: process.version } } }),
      connectOptions: () => ({ timeoutMs: 500, lookupTimeoutMs: 3000, orderSettings: { node: { version: process.version } } }),
    });
  });

  after(async () => {
    await client.dispose();
  });

  async function detailsFor(host: string): Promise<{ rows: AddrinfoRow[]; details: DetailsMessage }> {
    const lookup = await lookups.lookUp(defaultRequest(host), undefined, async () => undefined);
    const details = await lookup.details;
    assert.ok(lookup.result.outcome.ok && details, JSON.stringify(lookup.result.outcome));
    return { rows: lookup.result.outcome.value.rows, details };
  }

  it(`${FIXTURE.cnameChain.alias}: dns answered, files did not, the trace asked the name as is; the order of its rows`, async () => {
    const { alias, canonical, v4, v6 } = FIXTURE.cnameChain;
    const { rows, details } = await detailsFor(alias);
    assert.ok(details.explain?.ok, JSON.stringify(details.explain));
    const { nss, search, shown, system } = details.explain.value;
    assert.equal(nss.answeredBy, 'dns');
    assert.deepEqual(system, { ok: true, value: rows });
    const dns = nss.sources.find((s) => s.source === 'dns');
    assert.deepEqual([dns?.status, dns?.addresses.slice().sort(), dns?.canonname], ['SUCCESS', [v4, v6].sort(), canonical]);
    assert.equal(nss.sources.find((s) => s.source === 'files')?.status, 'NOTFOUND');
    assert.deepEqual(shown.statuses, nss.sources.map((s) => s.status ?? ''));
    assert.ok(search && 'tries' in search, JSON.stringify(search));
    assert.deepEqual(search.tries.map((t) => [t.name, t.result]), [[alias, 'addresses']]);
    assert.equal(shown.trace && lineText(shown.trace), 'DNS, asked as is (1 try, 2 queries)');
    assert.match(lineText(shown.environment), /^resolved on .+ \(.+, glibc \d/);

    assert.ok(details.order?.ok, JSON.stringify(details.order));
    const order = details.order.value;
    assert.deepEqual(order.addresses.map((a) => a.address), [...new Set(rows.map((r) => r.sockaddr[0]))], "the order report follows the rows' order");
    assert.ok(order.addresses[0].rule?.startsWith('Rule '), JSON.stringify(order.addresses));
    assert.ok(order.shown.tables.length > 0);
    assert.deepEqual(Object.keys(order.runtimes), ['node', 'python', 'curl', 'go', 'java']);
    assert.ok(order.runtimes.node.version.includes(process.version), order.runtimes.node.version);
  });

  it(`${FIXTURE.hostsOnly.name}: the hosts file answered (files); DNS says NXDOMAIN when asked alone`, async () => {
    const { name, v4 } = FIXTURE.hostsOnly;
    const { details } = await detailsFor(name);
    assert.ok(details.explain?.ok, JSON.stringify(details.explain));
    const { nss, search } = details.explain.value;
    assert.equal(nss.answeredBy, 'files');
    const files = nss.sources.find((s) => s.source === 'files');
    assert.deepEqual([files?.status, files?.addresses], ['SUCCESS', [v4]]);
    assert.match(files?.detail ?? '', /\/etc\/hosts line \d+/);
    assert.ok(search && 'tries' in search && search.tries.every((t) => t.result === 'NXDOMAIN'), JSON.stringify(search));
    assert.ok(details.order?.ok && details.order.value.addresses.map((a) => a.address).join() === v4, JSON.stringify(details.order));
  });
});
