// HostLookups (src/client/hostLookups.ts): the one way NetLens resolves a host for display, against the real
// helper and the fixture DNS server (skipped outside the fixture namespace). Plain Node: no editor needed.
import * as assert from 'node:assert/strict';
import { cacheLifetimes, HostLookups } from '../../src/client/hostLookups';
import { ResolverClient } from '../../src/client/resolverClient';
import type { HostLookup } from '../../src/core/lookupView';
import { FIXTURE } from '../fixtures/dns/zone';
import { fixtureLogLines, queriesForName } from '../support/fixtureLog';
import { HELPER_JS } from '../support/paths';

describe('host lookups for display (real helper, fixture DNS)', function () {
  this.timeout(20000);
  let client: ResolverClient;
  let recorded: HostLookup[];
  let cacheSeconds: number;
  let lookups: HostLookups;

  before(function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
  });

  beforeEach(() => {
    client = new ResolverClient({ helperPath: HELPER_JS, timeoutMs: () => 5000, log: () => undefined, onHelperFailure: () => undefined });
    recorded = [];
    cacheSeconds = 60;
    lookups = new HostLookups(client, () => cacheSeconds, (lookup) => recorded.push(lookup));
  });

  afterEach(async () => {
    await client?.dispose();
  });

  it('answers a CNAME chain with its canonical name and every address, and tells the history once', async () => {
    const { alias, canonical } = FIXTURE.cnameChain;
    const lookup = await lookups.resolve(alias);
    assert.ok(lookup.ok, JSON.stringify(lookup));
    assert.equal(lookup.canonicalName, canonical);
    assert.equal(lookup.backend, 'native');
    assert.deepEqual(new Set(lookup.addresses), new Set([FIXTURE.cnameChain.v4, FIXTURE.cnameChain.v6]));
    assert.equal(recorded.length, 1);
    assert.equal(lookups.cached(alias.toUpperCase())?.canonicalName, canonical, 'one cache entry whatever the case');
  });

  it('concurrent hovers of one host share one lookup (one query per type), and a cached answer asks nothing', async () => {
    const name = FIXTURE.multiA.name;
    const since = fixtureLogLines().length;
    const answers = await Promise.all([lookups.resolve(name), lookups.resolve(name.toUpperCase()), lookups.resolve(name)]);
    const expected = new Set<string>([...FIXTURE.multiA.v4, ...FIXTURE.multiA.v6]);
    assert.ok(answers.every((a) => a.ok && a.addresses.length === expected.size && a.addresses.every((x) => expected.has(x))), JSON.stringify(answers));
    const asked = queriesForName(name, since).length;
    assert.ok(asked >= 1 && asked <= 2, `one A and one AAAA query at most: ${asked}`);
    await lookups.resolve(name);
    assert.equal(queriesForName(name, since).length, asked, 'the second resolve came from the cache');
    assert.equal(recorded.length, 1, 'the history hears about answers from the resolver, not from the cache');
  });

  it('fresh asks again; record: false keeps a bulk run out of the history', async () => {
    const name = FIXTURE.v4only.name;
    await lookups.resolve(name, { record: false });
    assert.equal(recorded.length, 0);
    const since = fixtureLogLines().length;
    const again = await lookups.resolve(name, { fresh: true });
    assert.deepEqual(again.addresses, [FIXTURE.v4only.v4]);
    assert.ok(queriesForName(name, since).length >= 1, 'fresh went to the resolver');
    assert.equal(recorded.length, 1);
  });

  it('a failure carries Python’s text and its EAI code; an IDNA error fails without a query', async () => {
    const failed = await lookups.resolve(FIXTURE.nxdomain);
    assert.equal(failed.ok, false);
    assert.equal(failed.error?.text, '[Errno -2] Name or service not known');
    assert.equal(failed.error?.code, 'EAI_NONAME');
    const since = fixtureLogLines().length;
    const bad = await lookups.resolve('a..netlens.test');
    assert.equal(bad.ok, false);
    assert.match(bad.error?.text ?? '', /label empty or too long/);
    assert.deepEqual(queriesForName('a..netlens.test', since), []);
  });

  it('the cache lifetime follows the setting at each lookup: 0 s asks every time', async () => {
    cacheSeconds = 0;
    const name = FIXTURE.v4only.name;
    const since = fixtureLogLines().length;
    await lookups.resolve(name);
    const first = queriesForName(name, since).length;
    await lookups.resolve(name);
    assert.ok(queriesForName(name, since).length > first, 'no caching with netlens.cacheSeconds = 0');
    assert.deepEqual(cacheLifetimes(60), { positiveMs: 60_000, negativeMs: 10_000 });
    assert.deepEqual(cacheLifetimes(3600), { positiveMs: 3_600_000, negativeMs: 30_000 }, 'failures at most 30 s');
  });

  it('finding a name is not resolving it: .onion, .invalid and .alt are never looked up, a localhost name only from a local source', async () => {
    const since = fixtureLogLines().length;
    for (const name of ['shop.example.onion', 'api.invalid', 'wiki.corp.alt', 'app.localhost', '_ldap._tcp.corp.netlens.test']) {
      const lookup = await lookups.resolve(name);
      assert.equal(lookup.ok, false, name);
      assert.equal(lookup.error?.kind, 'NotAsked', name);
      assert.match(lookup.error?.text ?? '', /^not looked up: .*\((RFC 7686|RFC 6761 §6\.4|RFC 9476|RFC 6761 §6\.3|RFC 2782)\)/, name);
    }
    assert.equal(recorded.length, 0, 'a name not looked up is no lookup for the history');
    const local = await lookups.resolve('localhost');
    assert.ok(local.ok && local.addresses.includes('127.0.0.1'), 'the hosts file answers localhost, so it is looked up');
    assert.deepEqual(fixtureLogLines().slice(since).filter((l) => /onion|invalid|\.alt |localhost|_ldap/.test(l)), [], 'no query reached the DNS server');
  });

  it('reverse names: gethostbyaddr’s name, or herror in Python’s words', async () => {
    assert.deepEqual(await lookups.reverseName(FIXTURE.ptr.forward.v4), { ok: true, name: FIXTURE.ptr.forward.name });
    assert.deepEqual(await lookups.reverseName(FIXTURE.ptr.missing.v4), { ok: false, error: '[Errno 1] Unknown host' });
    assert.deepEqual(lookups.cachedReverseName(FIXTURE.ptr.forward.v4), { ok: true, name: FIXTURE.ptr.forward.name });
  });
});
