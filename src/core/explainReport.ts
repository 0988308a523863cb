/**
 * "Explain the answer" (issue 15): why getaddrinfo answered what it answered for a name — which nsswitch.conf
 * source answered and what the others say alone (core/nssSources.ts), every name the search list made DNS answer
 * (core/searchTrace.ts), and where the resolver runs (core/resolverEnvironment.ts). One model for `netlens explain`,
 * the panel's section, Compare and Copy as JSON; one hover line computed without any query.
 */
import * as l10n from '@vscode/l10n';
import { addrinfoRowJson, canonicalName, distinctAddresses, type AddrinfoRow, type Outcome } from './addrinfo';
import { environmentSummary } from './environmentView';
import { lineText, sentence, slot, words, type Line } from './lookupView';
import { LOCAL_NSS_SOURCES, type NssHostsReport, type NssSourceAnswer } from './nssSources';
import { errorJson, formatAsPythonException, type ErrorJson } from './resolverError';
import type { ResolverEnvironment } from './resolverEnvironment';
import { searchTraceSummary, type SearchList, type SearchTrace, type TraceFamily } from './searchTrace';

/** Params of the helper's `explain`: one round trip for everything but the getaddrinfo answer itself. */
export interface ExplainRequest {
  /** IDNA-2003 ASCII (what getaddrinfo gets). */
  name: string;
  family: TraceFamily;
  /** Bounds each source and the trace (the lookup timeout). */
  timeoutMs: number;
  /** vscode.env.remoteName, null in the CLI. */
  remoteName: string | null;
  /**
   * false: ask only the sources that send nothing on the network (files, myhostname) and walk no search list — what
   * the hover may do. true: every source and the search trace (the panel, `netlens explain`, Compare).
   */
  network: boolean;
}

export interface ExplainResult {
  environment: ResolverEnvironment;
  nss: NssHostsReport;
  /** The trace (network) or only the search list (no network); null when the name is not searched (an address). */
  search: SearchTrace | SearchList | null;
  /**
   * Why there is no search list on this platform (macOS, Windows: their resolvers search without resolv.conf),
   * localized; null or absent where there is one (absent in answers saved before issue 17).
   */
  searchUnavailable?: string | null;
}

export function searchUnavailableNote(platform: string): string {
  return l10n.t('not available on this platform ({0}): the search list and the trace come from resolv.conf, which the system resolver here does not use', platform);
}

/** Everything `netlens explain` and the panel show. */
export interface ExplainReport extends ExplainResult {
  /** As typed. */
  query: string;
  name: string;
  /** What getaddrinfo(name, None, AF_UNSPEC, SOCK_STREAM, 0, AI_CANONNAME) answered. */
  system: Outcome<AddrinfoRow[]>;
}

export function isTrace(search: ExplainResult['search']): search is SearchTrace {
  return search !== null && 'tries' in search;
}

/** `netlens explain --json`: the documented keys (README), then NetLens's extra facts. */
export function explainJson(r: ExplainReport): Record<string, unknown> {
  const { environment: env, nss } = r;
  return {
    query: r.query,
    name: r.name,
    environment: {
      context: env.context,
      machine: env.machine,
      libc: env.libc,
      resolvConf: env.resolvConf && { path: env.resolvConf.path, nameservers: env.resolvConf.nameservers, search: env.resolvConf.search, options: env.resolvConf.options },
      stub: env.stub && { kind: env.stub.kind, upstream: env.stub.upstream },
      nscd: env.nscd,
      os: env.os,
    },
    nsswitch: nss.nsswitch && { path: nss.nsswitch.path, hosts: nss.nsswitch.hosts.map((h) => ({ source: h.source, actions: h.actions })), origin: nss.nsswitch.origin ?? 'file' },
    sources: nss.sources.map((s) => ({ source: s.source, status: s.status, addresses: s.addresses, canonname: s.canonname, detail: s.detail, asked: s.asked, ...(s.action ? { action: s.action } : {}) })),
    answeredBy: nss.answeredBy,
    system: r.system.ok ? r.system.value.map(addrinfoRowJson) : (errorJson(r.system.error) satisfies ErrorJson),
    search: r.search && {
      domains: r.search.domains,
      ndots: r.search.ndots,
      candidates: r.search.candidates,
      tries: isTrace(r.search) ? r.search.tries.map((t) => ({ name: t.name, result: t.result, addresses: t.addresses, ...(t.queries === undefined ? {} : { queries: t.queries }) })) : [],
      queries: isTrace(r.search) ? r.search.queries : 0,
      ...(isTrace(r.search) && r.search.notAsked !== undefined ? { notAsked: r.search.notAsked } : {}),
      ...(isTrace(r.search) && r.search.incomplete ? { incomplete: true } : {}),
    },
    ...(r.searchUnavailable ? { searchUnavailable: r.searchUnavailable } : {}),
    platform: nss.platform,
    note: nss.note,
  };
}

/** A source's status as its row says it: NSS's name, or why there is none. */
export function sourceStatusText(s: NssSourceAnswer): string {
  if (!s.asked) return l10n.t('not asked');
  return s.status ?? l10n.t('no answer');
}

/**
 * The hover's line: which source answered, said without sending anything — the hosts file and myhostname are read
 * on this machine; for DNS, which candidate of the search list the answer's canonical name is. Null when there is
 * nothing certain to say (a failed lookup is explained by its error, musl's one hosts-then-DNS path by the panel).
 */
export function answerSourceLine(local: ExplainResult, name: string, system: { addresses: readonly string[]; canonicalName: string | null } | null): Line | null {
  const { nss } = local;
  if (!system || system.addresses.length === 0) return null;
  // Without NSS modules (macOS, Windows) no source can be named: the report's note says so rather than a guess.
  if (nss.platform === 'unsupported') return nss.note === null ? null : words(nss.note);
  if (nss.platform !== 'glibc') return null;
  // A numeric address never reaches NSS: getaddrinfo converts it itself (the report's outcome is null then).
  if (nss.outcome === null) return words(l10n.t('a numeric address: getaddrinfo converts it itself, no source is asked'));
  const answered = nss.answeredBy !== null ? nss.sources.find((s) => s.source === nss.answeredBy) : undefined;
  if (answered && LOCAL_NSS_SOURCES.includes(answered.source)) return sentence(l10n.t('answered by {0}: {1}', slot(0), slot(1)), answered.source, answered.detail);
  // No local source answered: a source after them did. With `dns` among them, the canonical name is the name that
  // answered when it is one of the search list's candidates (else it is the end of a CNAME chain: no certainty).
  const network = nss.sources.filter((s) => !LOCAL_NSS_SOURCES.includes(s.source)).map((s) => s.source);
  if (network.length === 0) return null;
  const search = local.search;
  const bare = (n: string): string => n.replace(/\.$/, '').toLowerCase();
  if (network.includes('dns') && search && system.canonicalName) {
    const index = search.candidates.findIndex((c) => bare(c) === bare(system.canonicalName ?? ''));
    if (index >= 0) {
      const domain = search.domains.find((d) => bare(search.candidates[index]) === `${bare(name)}.${bare(d)}`);
      return domain !== undefined
        ? sentence(l10n.t('answered by DNS via search domain {0} (name {1} of {2} the search list tries)', slot(0), String(index + 1), String(search.candidates.length)), domain)
        : words(l10n.t('answered by DNS, the name asked as is (name {0} of {1} the search list tries)', index + 1, search.candidates.length));
    }
  }
  // The only source after the local ones answered; with several, which one did cannot be told without asking them.
  if (network.length === 1) return sentence(l10n.t('answered by {0}', slot(0)), network[0]);
  return sentence(l10n.t('answered by one of {0} (the sources after the local ones)', slot(0)), network.join(', '));
}

/** `netlens explain`'s text: environment, the hosts line with each source's answer, the search trace, the system answer. */
export function explainHumanLines(r: ExplainReport): string[] {
  const lines: string[] = [];
  lines.push(`explain ${r.name}${r.name !== r.query ? ` (from ${r.query})` : ''}`);
  lines.push(`where   ${lineText(environmentSummary(r.environment))}`);
  const conf = r.environment.resolvConf;
  if (conf) lines.push(`resolv  ${conf.path}: nameserver ${conf.nameservers.join(' ') || '(none)'}; search ${conf.search.join(' ') || '(none)'}${conf.options.length ? `; options ${conf.options.join(' ')}` : ''}`);
  if (r.environment.stub) lines.push(`stub    ${r.environment.stub.kind} at ${r.environment.stub.address}${r.environment.stub.upstream.length ? ` → ${r.environment.stub.upstream.join(', ')}` : ''}`);
  if (r.environment.nscd?.cachesHosts) lines.push(`nscd    caches hosts: getaddrinfo asks nscd (${r.environment.nscd.socket}) before any source below`);
  const { nss } = r;
  if (nss.nsswitch) lines.push(`hosts   ${nss.nsswitch.path}: ${nss.nsswitch.hosts.map((h) => [h.source, ...h.actions.map((a) => `[${a}]`)].join(' ')).join(' ')}`);
  if (nss.note) lines.push(`note    ${nss.note}`);
  for (const s of nss.sources) {
    const mark = nss.answeredBy === s.source ? '→' : ' ';
    const answer = s.addresses.length ? ` ${s.addresses.join(', ')}${s.canonname ? ` (canonical name ${s.canonname})` : ''}` : '';
    lines.push(`${mark} ${s.source.padEnd(14)} ${sourceStatusText(s)}${answer}`);
    if (s.detail) lines.push(`    ${s.detail}`);
  }
  lines.push(nss.answeredBy ? `answer  from ${nss.answeredBy}` : 'answer  from no source');
  const search = r.search;
  if (search && isTrace(search)) {
    lines.push(`search  ${lineText(searchTraceSummary(search))}`);
    for (const t of search.tries) lines.push(`  ${t.name.padEnd(40)} ${t.result}${t.addresses.length ? ` ${t.addresses.join(', ')}` : ''}${t.queries === undefined ? '' : ` (${t.queries} queries)`}`);
  } else if (search) lines.push(`search  ${search.candidates.join(', ')} (ndots:${search.ndots})`);
  else if (r.searchUnavailable) lines.push(`search  ${r.searchUnavailable}`);
  lines.push(r.system.ok ? `system  ${distinctAddresses(r.system.value).join(', ')}${canonicalName(r.system.value) ? ` (canonical name ${canonicalName(r.system.value)})` : ''}` : `system  ${formatAsPythonException(r.system.error)}`);
  return lines;
}
