/**
 * The whole `nss.hosts` report from one answer per source: the hosts line (asked with no source), then every source
 * alone, each bounded by `timeoutMs`, so that a source that hangs (a name server that never answers, a stuck module)
 * shows "no answer within N ms" while the others still show; then getaddrinfo's loop decides on all the answers.
 * The client asks the helper this way (one request per source) and the helper's `explain` asks itself this way
 * (one round trip for the caller): one composition for both.
 */
import type { Outcome } from './addrinfo';
import { decideNssReport } from './nssHostsLoop';
import { notAskedDetail, timedOutDetail } from './nssSourceDetail';
import type { NssHostsParams, NssHostsReport, NssSourceAnswer } from './nssSources';

/** Asks the report with only these sources really asked. */
export type AskNssSources = (only: string[]) => Promise<Outcome<NssHostsReport>>;

export async function composeNssReport(params: NssHostsParams, ask: AskNssSources, timeoutMs: number): Promise<Outcome<NssHostsReport>> {
  // The hosts line and everything that needs no module call.
  const skeleton = await ask([]);
  if (!skeleton.ok || skeleton.value.platform !== 'glibc' || skeleton.value.outcome === null) return skeleton;
  const report = skeleton.value;
  const wanted = [...new Set(report.sources.map((s) => s.source))].filter((s) => params.only === undefined || params.only.includes(s));
  const answers = new Map(await Promise.all(wanted.map(async (source) => [source, await ask([source])] as const)));
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
