// Benchmarks the helper round trip against in-process baselines, in the same run:
//  - serial ping through the helper vs. a resolved Promise (pure IPC cost);
//  - getaddrinfo('localhost') through the helper vs. dns.lookup('localhost') in this process (what the helper
//    costs over doing the lookup in the extension host, where a slow lookup would block other extensions).
import * as dns from 'dns';
import * as path from 'path';
import { ResolverClient } from '../src/client/resolverClient';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timeEach(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e3);
  }
  return times;
}

export async function benchIpc(iterations: number): Promise<string[]> {
  const client = new ResolverClient({ helperPath: path.resolve(__dirname, '../../dist/helper.js'), timeoutMs: () => 10_000, log: () => undefined });
  try {
    await client.ping(); // start the helper outside the measurement
    const lines: string[] = [];
    const ping = median(await timeEach(iterations, () => client.ping()));
    const promise = median(await timeEach(iterations, () => Promise.resolve()));
    lines.push(`ipc ping (serial)             median ${ping.toFixed(1)} µs   baseline resolved Promise ${promise.toFixed(2)} µs   ratio ${(ping / promise).toFixed(0)}×`);

    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: iterations }, () => client.ping()));
    const perSecond = iterations / (Number(process.hrtime.bigint() - start) / 1e9);
    lines.push(`ipc ping (pipelined)          ${perSecond.toFixed(0)} round trips/s over ${iterations} requests`);

    const request = { host: 'localhost', port: null, family: 'AF_UNSPEC', socktype: 'SOCK_STREAM', proto: 0, flags: [] } as const;
    const viaHelper = median(await timeEach(iterations, () => client.request('getaddrinfo', { ...request, flags: [] })));
    const inProcess = median(await timeEach(iterations, () => dns.promises.lookup('localhost', { all: true, order: 'verbatim' })));
    lines.push(`getaddrinfo(localhost)        helper ${viaHelper.toFixed(1)} µs   baseline in-process dns.lookup ${inProcess.toFixed(1)} µs   ratio ${(viaHelper / inProcess).toFixed(2)}×`);
    return lines;
  } finally {
    await client.dispose();
  }
}
