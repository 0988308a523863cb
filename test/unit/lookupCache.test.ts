import * as assert from 'node:assert/strict';
import { LookupCache } from '../../src/client/lookupCache';
import type { Outcome } from '../../src/core/addrinfo';
import { gaiError, timeoutError } from '../../src/core/resolverError';

describe('lookup cache', () => {
  let clock = 0;
  const make = (): LookupCache<string> => new LookupCache<string>(() => ({ positiveMs: 60_000, negativeMs: 10_000 }), 3, () => clock);
  beforeEach(() => (clock = 1_000_000));

  it('shares one lookup between concurrent requests for the same name', async () => {
    const cache = make();
    let calls = 0;
    let release!: (o: Outcome<string>) => void;
    const fetch = (): Promise<Outcome<string>> => {
      calls++;
      return new Promise((r) => (release = r));
    };
    const a = cache.lookup('db.internal', fetch);
    const b = cache.lookup('db.internal', fetch);
    assert.equal(cache.isPending('db.internal'), true);
    release({ ok: true, value: '10.0.0.1' });
    assert.deepEqual(await a, await b);
    assert.equal(calls, 1);
    assert.equal(cache.isPending('db.internal'), false);
  });

  it('keeps answers for their lifetime, negative answers for less, and transient failures not at all', async () => {
    const cache = make();
    await cache.lookup('ok', async () => ({ ok: true, value: 'x' }));
    await cache.lookup('nx', async () => ({ ok: false, error: gaiError('EAI_NONAME') }));
    await cache.lookup('slow', async () => ({ ok: false, error: timeoutError('getaddrinfo', 5000) }));
    clock += 9_000;
    assert.ok(cache.get('ok'));
    assert.ok(cache.get('nx'), 'NXDOMAIN is remembered briefly');
    assert.equal(cache.get('slow'), undefined, 'a timeout is not remembered');
    clock += 2_000;
    assert.equal(cache.get('nx'), undefined, 'the negative answer expired after 10 s');
    assert.ok(cache.get('ok'));
    clock += 50_000;
    assert.equal(cache.get('ok'), undefined);
  });

  it('evicts the least recently used entries beyond its size', async () => {
    const cache = make();
    for (const name of ['a', 'b', 'c']) await cache.lookup(name, async () => ({ ok: true, value: name }));
    assert.ok(cache.get('a'), 'reading a makes it recent');
    await cache.lookup('d', async () => ({ ok: true, value: 'd' }));
    assert.equal(cache.get('b'), undefined, 'b was the least recently used');
    assert.ok(cache.get('a') && cache.get('c') && cache.get('d'));
  });
});
