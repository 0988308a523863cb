// The getaddrinfo panel's logic without an editor (src/client/addrinfoPanelLookups.ts): what it asks the helper,
// what it tells its webview, and which webview messages it acts on. The helper is a fake that records its requests:
// nothing here resolves a name.
import * as assert from 'node:assert/strict';
import { AddrinfoPanelLookups, defaultRequest, parseWebviewMessage, restoredForm, type AddrinfoPanelDeps } from '../../src/client/addrinfoPanelLookups';
import type { AddrinfoRow, GetaddrinfoRequest, Outcome } from '../../src/core/addrinfo';
import { gaiError } from '../../src/core/resolverError';
import type { HelperMethod, ParamsOf, PingResult } from '../../src/ipc/protocol';
import type { ToWebviewMessage } from '../../src/webview/messages';

const V4 = '198.51.100.10';
const V6 = '2001:db8::10';
const CONSTANTS = { AF_INET: 2, AF_INET6: 10, SOCK_STREAM: 1 };

function rows(name: string, addresses: string[]): AddrinfoRow[] {
  return addresses.map((a, i) => ({ family: a.includes(':') ? 'AF_INET6' : 'AF_INET', socktype: 'SOCK_STREAM', proto: 6, canonname: i === 0 ? name : '', sockaddr: a.includes(':') ? [a, 0, 0, 0] : [a, 0] }));
}

/** A helper that knows two names and the reverse name of V4, and records every request. */
class FakeHelper {
  readonly requests: { method: HelperMethod; params: unknown }[] = [];
  pingFails = false;

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
        const host = p.host as string;
        const known: Record<string, string[]> = { 'alias.example': [V6, V4], 'strasse.example': [V4] };
        const addresses = known[host] ?? (/^[\d.:a-f]+$/.test(host) ? [host] : undefined);
        if (!addresses) return { ok: false, error: gaiError('EAI_NONAME') };
        return { ok: true, value: { backend: 'native', rows: rows(host, addresses), unavailable: [], elapsedMs: 1 } };
      }
      case 'gethostbyaddr':
        if (p.address !== V4) return { ok: false, error: { kind: 'herror', errno: 1, code: 'HOST_NOT_FOUND', message: 'Unknown host' } };
        return { ok: true, value: { backend: 'native', name: 'canonical.example', aliases: [], addresses: [V4], family: 'AF_INET', unavailable: [], elapsedMs: 1 } };
      case 'dns.query':
        // The direct DNS view's own query: answered with an error, which the panel shows as it is.
        return { ok: false, error: { kind: 'OSError', errno: null, code: 'ECONNREFUSED', message: 'no DNS server in a unit test' } };
      default:
        throw new Error(`unexpected helper method ${method}`);
    }
  }
}

function setUp(): { helper: FakeHelper; lookups: AddrinfoPanelLookups; posted: ToWebviewMessage[]; post: (m: ToWebviewMessage) => Promise<void> } {
  const helper = new FakeHelper();
  const lookups = new AddrinfoPanelLookups({ client: helper.client, dnsOptions: () => ({ servers: ['127.0.0.1'], timeoutMs: 1234 }), connectOptions: () => ({ timeoutMs: 500, lookupTimeoutMs: 2000, orderSettings: { node: { version: 'v20.20.2' } } }) });
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

  it('details: no direct DNS view for an address or None, and no details at all for a failed lookup', async () => {
    const { helper, lookups, post, posted } = setUp();
    const forAddress = await (await lookups.lookUp(defaultRequest(V4), undefined, post)).details;
    assert.equal(forAddress?.dns, null);
    assert.equal(helper.count('dns.query'), 0);
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
    assert.equal(helper.count('gethostbyaddr') + helper.count('dns.query'), 0, 'no reverse lookups or DNS queries for a closed panel');
  });
});
