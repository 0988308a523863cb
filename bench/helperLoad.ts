// Benchmarks of the resolver helper under load, each against its baseline in the same run:
//  - lookup throughput through the helper (hosts-file names, pipelined) vs. dns.lookup in this process;
//  - responsiveness of this process (the extension host) while 64 lookups hang on a black-holed name, in the
//    helper vs. in this process (needs the DNS fixture: dropped.netlens.test never answers);
//  - "Resolve All Hosts in File": 5,000 distinct names answered after 20 ms each, through resolveAll with the real
//    helper, vs. the bound N × 20 ms / concurrency (needs the fixture: <label>.20ms.slow.netlens.test);
//  - memory: the lookup cache's bounds (size and TTL) and the helper's RSS.
import * as dns from 'dns';
import * as fs from 'fs';
import * as path from 'path';
import { resolveAll } from '../src/client/bulkResolver';
import { LookupCache } from '../src/client/lookupCache';
import { ResolverClient, type ResolverClientOptions } from '../src/client/resolverClient';
import type { GetaddrinfoRequest } from '../src/core/addrinfo';
import { HELPER_THREADPOOL_SIZE } from '../src/ipc/protocol';
import { FIXTURE, slowName } from '../test/fixtures/dns/zone';
import { percentile } from './extension';

const HELPER = path.resolve(__dirname, '../../dist/helper.js');
const SKIPPED = 'skipped: run inside scripts/with-test-netns.js (npm run bench does)';

/** What the hover and Resolve All Hosts in File ask: getaddrinfo(host, None, AF_UNSPEC, SOCK_STREAM, 0, AI_CANONNAME). */
function hostRequest(host: string): GetaddrinfoRequest {
  return { host, port: null, family: 'AF_UNSPEC', socktype: 'SOCK_STREAM', proto: 0, flags: ['AI_CANONNAME'] };
}

function newClient(options: Partial<ResolverClientOptions> = {}): ResolverClient {
  return new ResolverClient({ helperPath: HELPER, timeoutMs: () => 30_000, log: () => undefined, ...options });
}

function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

/** Lookups per second with `window` requests in flight at a time. */
async function pipelined(total: number, window: number, one: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  for (let done = 0; done < total; done += window) await Promise.all(Array.from({ length: Math.min(window, total - done) }, one));
  return total / (elapsedMs(t) / 1000);
}

function vmRssKiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : null;
}

/**
 * Latencies of `count` dns.lookup('localhost') calls in this process, started every `spacingMs` (so that they do
 * not queue behind each other), all awaited at the end: the probe of extension-host responsiveness.
 */
async function probe(count: number, spacingMs: number): Promise<number[]> {
  const latencies: Promise<number>[] = [];
  for (let i = 0; i < count; i++) {
    const t = process.hrtime.bigint();
    latencies.push(dns.promises.lookup('localhost').then(() => elapsedMs(t)));
    await new Promise((r) => setTimeout(r, spacingMs));
  }
  return Promise.all(latencies);
}

export async function* benchHelperLoad(quick: boolean): AsyncGenerator<string> {
  const fixture = process.env.NETLENS_DNS_FIXTURE === '1';
  const client = newClient();
  try {
    // --- throughput ----------------------------------------------------------------------------------------------
    await client.ping();
    const total = quick ? 400 : 20_000;
    const window = 500;
    const viaHelper = (): Promise<unknown> =>
      client.request('getaddrinfo', hostRequest('localhost')).then((o) => {
        if (!o.ok) throw new Error(`getaddrinfo(localhost) failed in the helper: ${o.error.message}`);
      });
    const inProcess = (): Promise<unknown> => dns.promises.lookup('localhost', { all: true, order: 'verbatim' });
    await pipelined(Math.min(total, 500), window, viaHelper); // warm-up
    await pipelined(Math.min(total, 500), window, inProcess);
    let ours = 0;
    let theirs = 0;
    for (let round = 0; round < (quick ? 1 : 3); round++) {
      ours = Math.max(ours, await pipelined(total, window, viaHelper));
      theirs = Math.max(theirs, await pipelined(total, window, inProcess));
    }
    yield `lookup throughput (pipelined)  helper ${ours.toFixed(0)} lookups/s   baseline in-process dns.lookup ${theirs.toFixed(0)} lookups/s   ratio ${(ours / theirs).toFixed(2)}×   ` +
      `(localhost from the hosts file, ${total} lookups, ${window} in flight; target ≥ 0.5×: ${ours / theirs >= 0.5 ? 'met' : 'MISSED'})`;

    // --- responsiveness while 64 lookups hang -----------------------------------------------------------------------
    if (!fixture) yield `responsiveness, 64 hung       ${SKIPPED}`;
    else yield await responsiveness(quick);

    // --- Resolve All Hosts in File ----------------------------------------------------------------------------------
    let rssNote = `helper VmRSS ${vmRssKiB(client.helperPid) ?? '?'} KiB after the throughput run`;
    if (!fixture || quick) {
      yield `resolve all hosts (5,000)     ${fixture ? 'skipped in --quick (takes ~7 s)' : SKIPPED}`;
    } else {
      const bulk = await bulkRun(client, 5000, 16, 20);
      const bound = (5000 * 20) / 16;
      yield `resolve all hosts (5,000)     ${(bulk.ms / 1000).toFixed(2)} s at concurrency 16, ${bulk.failures} failed, effective concurrency ${bulk.effective.toFixed(1)}, ` +
        `lookup p50 ${bulk.p50.toFixed(1)} ms   baseline bound N×20 ms/16 = ${(bound / 1000).toFixed(2)} s   ratio ${(bulk.ms / bound).toFixed(2)}×   ` +
        `target ≤ 1.3×: ${bulk.ms / bound <= 1.3 ? 'met' : 'MISSED'}`;
      rssNote = `helper VmRSS ${vmRssKiB(client.helperPid) ?? '?'} KiB after resolving 5,000 names`;
      // Why 16 in flight is really 16: the native backend's getaddrinfo runs as napi async work, which libuv does
      // not count as "slow I/O"; only uv_getaddrinfo (dns.lookup, the fallback backend) is capped at half the pool.
      const wide = await bulkRun(client, 800, 32, 20);
      const fallbackClient = newClient({ env: { NETLENS_FORCE_FALLBACK: '1' } });
      try {
        const fallback = await bulkRun(fallbackClient, 800, 16, 20);
        yield `helper concurrency (pool ${HELPER_THREADPOOL_SIZE})   native backend: ${wide.effective.toFixed(1)} effective at 32 requested   ` +
          `dns.lookup fallback backend: ${fallback.effective.toFixed(1)} effective at 16 requested (libuv caps getaddrinfo at half the pool)   (800 names × 20 ms each)`;
      } finally {
        await fallbackClient.dispose();
      }
    }

    // --- memory --------------------------------------------------------------------------------------------------
    yield `memory                        ${await cacheBounds()}   ${rssNote}`;
  } finally {
    await client.dispose();
  }
}

async function bulkRun(client: ResolverClient, count: number, concurrency: number, delayMs: number): Promise<{ ms: number; failures: number; effective: number; p50: number }> {
  const tag = `b${process.pid.toString(36)}${Date.now().toString(36)}`;
  const hosts = Array.from({ length: count }, (_, i) => slowName(delayMs, `${tag}-${i}`));
  const latencies: number[] = [];
  const t = process.hrtime.bigint();
  const results = await resolveAll(
    hosts,
    async (host) => {
      const s = process.hrtime.bigint();
      const outcome = await client.request('getaddrinfo', hostRequest(host));
      latencies.push(elapsedMs(s));
      return outcome;
    },
    { concurrency }
  );
  const ms = elapsedMs(t);
  const failures = [...results.values()].filter((o) => !o.ok).length;
  return { ms, failures, effective: (count * delayMs) / ms, p50: percentile(latencies, 50) };
}

async function responsiveness(quick: boolean): Promise<string> {
  const probes = 50;
  const spacing = 2;
  const hung = 64;
  await probe(10, spacing); // warm-up
  const idle = percentile(await probe(probes, spacing), 50);

  // Ours: the 64 lookups hang in the helper (RES_OPTIONS there makes each hang 3 s, longer than the probe).
  const helper = newClient({ env: { RES_OPTIONS: 'timeout:3 attempts:1' }, timeoutMs: () => 60_000, maxStuckRequests: 1000 });
  let oursMedian: number;
  let settled = 0;
  let settledDuringProbe = 0;
  try {
    await helper.ping();
    const inHelper = Array.from({ length: hung }, () => helper.request('getaddrinfo', hostRequest(FIXTURE.dropped)).then(() => settled++));
    oursMedian = percentile(await probe(probes, spacing), 50);
    settledDuringProbe = settled;
    void Promise.all(inHelper); // answered with "shutting down" by dispose() below
  } finally {
    await helper.dispose();
  }
  const oursRatio = oursMedian / idle;

  if (quick) return `responsiveness, 64 hung       helper ${oursMedian.toFixed(2)} ms   idle ${idle.toFixed(2)} ms   ratio ${oursRatio.toFixed(2)}×   (in-process baseline skipped in --quick)`;

  // Baseline: the same 64 lookups in this process; the probes queue behind them on libuv's pool.
  const t = process.hrtime.bigint();
  const inProcess = Array.from({ length: hung }, () => dns.promises.lookup(FIXTURE.dropped).catch(() => undefined));
  const baselineMedian = percentile(await probe(probes, spacing), 50);
  await Promise.all(inProcess);
  const baselineTotal = elapsedMs(t);
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return (
    `responsiveness, 64 hung       probe median: helper ${oursMedian.toFixed(2)} ms (${oursRatio.toFixed(2)}× idle ${idle.toFixed(2)} ms${settledDuringProbe ? `, ${settledDuringProbe} hung lookups ended early!` : ''})   ` +
    `baseline in-process ${(baselineMedian / 1000).toFixed(2)} s   ratio ${(baselineMedian / oursMedian).toFixed(0)}×   ` +
    `(dns.lookup('localhost') × ${probes} every ${spacing} ms; ${hung} × ${FIXTURE.dropped}; this process's pool ${pool}, in-process hang lasted ${(baselineTotal / 1000).toFixed(1)} s; ` +
    `target helper ≤ 1.5× idle: ${oursRatio <= 1.5 ? 'met' : 'MISSED'})`
  );
}

/** The cache's bounds with a fake clock: 5,000 answers into a 1,000-entry cache, then past the TTL. */
async function cacheBounds(): Promise<string> {
  let now = 0;
  const max = 1000;
  const cache = new LookupCache<number>(() => ({ positiveMs: 60_000, negativeMs: 10_000 }), max, () => now);
  const keys = Array.from({ length: 5000 }, (_, i) => `host${i}.example`);
  for (const [i, key] of keys.entries()) {
    await cache.lookup(key, () => Promise.resolve({ ok: true, value: i }));
    cache.get(keys[0]); // the first name is hovered again and again while others arrive
  }
  const kept = keys.filter((k) => cache.get(k) !== undefined).length;
  const firstKept = cache.get(keys[0]) !== undefined;
  now += 60_001;
  const afterTtl = keys.filter((k) => cache.get(k) !== undefined).length;
  return (
    `lookup cache ${kept}/${keys.length} kept (max ${max}), ${afterTtl} after the TTL; ` +
    `a name read often but stored first was ${firstKept ? 'kept (LRU)' : 'evicted (eviction is by insertion order: FIFO + TTL, get() does not refresh)'}; ` +
    `bounded: ${kept <= max && afterTtl === 0 ? 'yes' : 'NO'}`
  );
}
