import type { Outcome } from '../core/addrinfo';
import { decideNssReport } from '../core/nssHostsLoop';
import { notAskedDetail, timedOutDetail } from '../core/nssSourceDetail';
import type { NssHostsParams, NssHostsReport, NssSourceAnswer } from '../core/nssSources';
import type { HelperRequester } from './pythonSocket';

/**
 * "Explain the answer" (issue 15): what each source of the hosts line answers alone, and which one getaddrinfo
 * answers from (core/nssSources.ts). One request per source, each bounded by `timeoutMs` like every other lookup:
 * a source that hangs (a name server that never answers, a stuck module) shows "no answer within N ms" and the
 * other sources still show; the helper's stuck-call accounting (client/resolverClient.ts) applies to each. The
 * decision is then made here from all the answers, with the same function the helper uses.
 */
export async function nssHostsReport(client: HelperRequester, params: NssHostsParams, timeoutMs: number): Promise<Outcome<NssHostsReport>> {
  // The hosts line and everything that needs no module call.
  const skeleton = await client.request('nss.hosts', { name: params.name, family: params.family, only: [] }, timeoutMs);
  if (!skeleton.ok || skeleton.value.platform !== 'glibc' || skeleton.value.outcome === null) return skeleton;
  const report = skeleton.value;
  const wanted = [...new Set(report.sources.map((s) => s.source))].filter((s) => params.only === undefined || params.only.includes(s));
  const answers = new Map(
    await Promise.all(
      wanted.map(async (source) => [source, await client.request('nss.hosts', { name: params.name, family: params.family, only: [source] }, timeoutMs)] as const)
    )
  );
  const sources = report.sources.map((entry, index): NssSourceAnswer => {
    const answer = answers.get(entry.source);
    if (answer === undefined) return { ...entry, detail: notAskedDetail({ kind: 'only', only: params.only ?? [] }) };
    if (!answer.ok) {
      const detail = answer.error.kind === 'timeout' ? timedOutDetail(timeoutMs) : answer.error.message;
      return { source: entry.source, asked: true, status: null, addresses: [], canonname: null, detail };
    }
    // The same line, unless nsswitch.conf changed in between: then the source's first entry there.
    const lineThere = answer.value.sources;
    return lineThere[index]?.source === entry.source ? lineThere[index] : (lineThere.find((s) => s.source === entry.source) ?? entry);
  });
  return { ok: true, value: decideNssReport({ ...report, sources }, params.family) };
}
