import * as assert from 'node:assert/strict';
import { resolveAll } from '../../src/client/bulkResolver';

describe('bulk resolver (Resolve All Hosts in File)', () => {
  it('resolves each distinct host once, never more than `concurrency` at a time', async () => {
    let inFlight = 0;
    let peak = 0;
    const calls: string[] = [];
    const hosts = Array.from({ length: 50 }, (_, i) => `h${i % 40}.test`);
    const results = await resolveAll(
      hosts,
      async (host) => {
        calls.push(host);
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight--;
        return host.toUpperCase();
      },
      { concurrency: 7 }
    );
    assert.equal(results.size, 40);
    assert.equal(calls.length, 40, 'duplicates are looked up once');
    assert.equal(peak, 7);
    assert.equal(results.get('h3.test'), 'H3.TEST');
  });

  it('starts no new lookup after cancellation and reports progress as answers arrive', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const results = await resolveAll(
      Array.from({ length: 100 }, (_, i) => `n${i}`),
      async (host) => {
        await new Promise((r) => setTimeout(r, 1));
        return host;
      },
      {
        concurrency: 4,
        signal: controller.signal,
        onResult: (_h, _r, done) => {
          progress.push(done);
          if (done === 10) controller.abort();
        },
      }
    );
    assert.ok(results.size >= 10 && results.size <= 13, `stopped soon after the abort (${results.size})`);
    assert.deepEqual(progress, progress.slice().sort((a, b) => a - b));
  });
});
