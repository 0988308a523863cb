// Run inside a private /etc (test/support/etcNamespace.ts) by test/unit/nssHosts.test.ts: starts the real helper
// and answers a batch of `nss.hosts` cases two ways, through the client function (one request per source, each
// bounded by the timeout) and as one helper request, so the test can compare both with python3 in the same /etc.
import { nssHostsReport } from '../../src/client/nssHosts';
import { ResolverClient } from '../../src/client/resolverClient';
import type { NssHostsParams, NssHostsReport } from '../../src/core/nssSources';
import type { ResolverErrorInfo } from '../../src/core/resolverError';
import { HELPER_JS } from './paths';

export interface NssProbeInput {
  cases: NssHostsParams[];
  timeoutMs: number;
  /** Also ask each case as one `nss.hosts` request (no per-source split). */
  whole: boolean;
  env?: Record<string, string>;
}

export interface NssProbeAnswer {
  params: NssHostsParams;
  ms: number;
  client: { ok: true; value: NssHostsReport } | { ok: false; error: ResolverErrorInfo };
  whole: { ok: true; value: NssHostsReport } | { ok: false; error: ResolverErrorInfo } | null;
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as NssProbeInput;
  const client = new ResolverClient({ helperPath: HELPER_JS, timeoutMs: () => input.timeoutMs, log: () => undefined, env: input.env });
  const answers: NssProbeAnswer[] = [];
  try {
    for (const params of input.cases) {
      const started = performance.now();
      const viaClient = await nssHostsReport(client, params, input.timeoutMs);
      const ms = performance.now() - started;
      const whole = input.whole ? await client.request('nss.hosts', params, input.timeoutMs * 4) : null;
      answers.push({ params, ms, client: viaClient, whole });
    }
  } finally {
    await client.dispose();
  }
  process.stdout.write(JSON.stringify(answers));
}

main().catch((err: unknown) => {
  process.stderr.write(`nssProbe: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
