/**
 * The search-list trace (issue 15, "Explain the answer"): the names glibc 2.36's getaddrinfo asks DNS for, in
 * order, what each answered and what it cost in queries. The walk is __res_context_search (resolv/res_query.c):
 *  - a name with a trailing dot is asked as is, once, and nothing else;
 *  - a name with at least `ndots` dots is asked as is first; whatever that answers short of success, the search
 *    list follows (even after a timeout);
 *  - each search domain is tried in order (a leading `.` dropped; the root domain asks the name itself); NXDOMAIN
 *    and NODATA go on to the next, and so does a failure whose reply was SERVFAIL; any other failure (a timeout,
 *    REFUSED, a name too long to send) ends the list, and a server that cannot be reached ends everything;
 *  - unless the name was already asked as is, or the root was on the list, it is asked as is last (`no-tld-query`
 *    skips that for a name without dots).
 * A name without dots may first be replaced through the HOSTALIASES file. IP literals, names glibc's dns module
 * refuses (res_hnok) and names NetLens never sends (neverAskDns.ts) get no query. The helper performs the tries
 * (helper/searchTrace.ts); this module decides which and what they mean, and words the one-line summary.
 */
import * as l10n from '@vscode/l10n';
import { inetAtonParse } from './inetAton';
import { parseIPv6Strict } from './inetPton';
import { sentence, slot, words, type Line } from './lookupView';
import { neverAskDns } from './neverAskDns';
import { resolverFlags, searchCandidates, type ResolvConf } from './resolverConfig';
import { domainLabels, isResHostname, lookupRuns, RCODE, type HErrno, type QueryOutcome, type TryResult } from './resolverQuery';

export type TraceFamily = 'AF_UNSPEC' | 'AF_INET' | 'AF_INET6';

/** Params of the helper's `dns.searchTrace`. */
export interface SearchTraceRequest {
  /** The name as getaddrinfo gets it: IDNA-2003 ASCII, may end with '.'. */
  name: string;
  family: TraceFamily;
  /** Bounds the whole trace (glibc's own timeouts apply inside it). */
  timeoutMs: number;
}

/** The search list as the system resolver applies it to one name: what `netlens dns` prints as `search`. */
export interface SearchList {
  domains: string[];
  ndots: number;
  /** Every name the resolver would try, in order, if each answered NXDOMAIN. */
  candidates: string[];
}

export interface SearchTry {
  name: string;
  result: TryResult;
  addresses: string[];
  /** Queries this try sent (A and AAAA, again per attempt and server on failures, again over TCP when truncated). */
  queries?: number;
  /** The search domain this try appended ('.' for the root); absent when the name was asked as is. */
  domain?: string;
  /** What needs a word more: why an 'error', or that NetLens did not send a name glibc would have sent. */
  detail?: string;
  /** Set on the try whose failure ended the search list early (the name may still be asked as is after it). */
  endedList?: boolean;
}

export interface SearchTrace extends SearchList {
  tries: SearchTry[];
  /** Queries the lookup costs getaddrinfo: the tries' queries times `runs`. */
  queries: number;
  /** Set when nothing was asked at all, and why (an IP literal, not a host name for glibc, a name NetLens never sends). */
  notAsked?: string;
  /** The HOSTALIASES entry that replaced the name, or absent. */
  hostAlias?: string;
  /** getaddrinfo ran the whole search this many times: its 1 KiB buffer was too small for the answer (ERANGE). */
  runs?: number;
  /** The final h_errno of the search: HOST_NOT_FOUND, NO_DATA and TRY_AGAIN become EAI_NONAME, EAI_NODATA, EAI_AGAIN. */
  hErrno?: HErrno;
  /** The time limit (timeoutMs) ended the trace where glibc would have waited on. */
  incomplete?: boolean;
  /** The servers asked (resolv.conf), and which options changed what was sent. */
  servers?: string[];
  options?: string[];
}

/** The `search` object of `netlens dns` and of a trace. */
export function searchList(name: string, conf: Pick<ResolvConf, 'search' | 'ndots' | 'options'>): SearchList {
  return { domains: conf.search, ndots: conf.ndots, candidates: searchCandidates(name, conf) };
}

/** getaddrinfo's numeric check (inet_aton_exact, inet_pton with a scope): such a name never reaches NSS. */
export function isNumericHost(name: string): boolean {
  const v4 = inetAtonParse(name);
  if (v4 && !v4.flags.includes('trailing')) return true;
  const percent = name.indexOf('%');
  return parseIPv6Strict(percent < 0 ? name : name.slice(0, percent)) !== null;
}

/** Why NetLens asks DNS nothing for `name`, or null. */
export function whyNotAsked(name: string): string | null {
  if (isNumericHost(name)) return `${name} is an IP address: getaddrinfo converts it without asking DNS`;
  const special = neverAskDns(name);
  if (special) return special.reason;
  if (!isResHostname(name)) return `${name} is not a host name to glibc (res_hnok: letters, digits, '-' and '_' in labels): its dns module sends no query`;
  return null;
}

export interface SearchInput {
  name: string;
  family: TraceFamily;
  conf: ResolvConf;
  /** The HOSTALIASES file's replacement for a name without dots (__res_context_hostalias), or null. */
  hostAlias: (name: string) => string | null;
}

/** Performs one try: res_query for `name`, whose wire form is `labels` (queries, retries and servers are the caller's). */
export type AskName = (name: string, labels: Uint8Array[]) => Promise<QueryOutcome>;

/** Walks the search list like __res_context_search, asking through `ask`, and records every try. */
export async function traceSearch(input: SearchInput, ask: AskName): Promise<SearchTrace> {
  const conf = input.conf;
  const list = searchList(input.name, conf);
  const trace: SearchTrace = { ...list, tries: [], queries: 0, servers: conf.nameservers, options: conf.options };
  const notAsked = whyNotAsked(input.name);
  if (notAsked) return { ...trace, candidates: [], notAsked };

  // _nss_dns_gethostbyname4_r and gethostbyname3_context replace a name without dots from HOSTALIASES first.
  let name = input.name;
  const alias = name.includes('.') ? null : input.hostAlias(name);
  if (alias !== null) {
    name = alias;
    trace.hostAlias = alias;
    trace.candidates = searchCandidates(alias, conf);
  }

  let errno: QueryOutcome['errno'] = null;
  let lastHErrno: HErrno = 'HOST_NOT_FOUND';
  const attempt = async (query: string, domain?: string): Promise<QueryOutcome> => {
    const outcome = await tryName(query, ask);
    if (outcome.queries > 0 || outcome.errno !== null) errno = outcome.errno;
    lastHErrno = outcome.hErrno;
    trace.tries.push({
      name: query.endsWith('.') && query !== '.' ? query.slice(0, -1) : query,
      result: outcome.result,
      addresses: outcome.addresses,
      queries: outcome.queries,
      ...(domain !== undefined ? { domain } : {}),
      ...(outcome.detail ? { detail: outcome.detail } : {}),
    });
    return outcome;
  };
  const finish = (outcome: QueryOutcome | null, hErrno: HErrno): SearchTrace => {
    const runs = outcome?.success ? lookupRuns(outcome.bufferNeed) : 1;
    const sent = trace.tries.reduce((sum, t) => sum + (t.queries ?? 0), 0);
    return { ...trace, queries: sent * runs, runs, hErrno: outcome?.success ? 'NETDB_SUCCESS' : hErrno, ...(outcome?.cutShort ? { incomplete: true } : {}) };
  };

  const dots = [...name].filter((c) => c === '.').length;
  const trailingDot = name.endsWith('.');
  // A name without dots may itself be an alias (res_search looks again): then it is asked once, as the alias says.
  const innerAlias = dots === 0 ? input.hostAlias(name) : null;
  if (innerAlias !== null) {
    const outcome = await attempt(innerAlias);
    return finish(outcome, outcome.hErrno);
  }

  let savedHErrno: HErrno | null = null;
  let triedAsIs = false;
  if (dots >= conf.ndots || trailingDot) {
    const outcome = await attempt(name);
    if (outcome.success || trailingDot || outcome.cutShort) return finish(outcome, outcome.hErrno);
    savedHErrno = outcome.hErrno;
    triedAsIs = true;
  }

  let gotNodata = false;
  let gotServfail = false;
  let rootOnList = false;
  let searched = false;
  // RES_DEFNAMES and RES_DNSRCH are always on in glibc 2.36 (no option clears them): every name without a
  // trailing dot is searched.
  if (!trailingDot) {
    for (const entry of conf.search) {
      searched = true;
      const domain = entry.startsWith('.') ? entry.slice(1) : entry;
      if (domain === '') rootOnList = true;
      const outcome = await attempt(domain === '' ? `${name}.` : `${name}.${domain}`, domain === '' ? '.' : domain.replace(/\.$/, ''));
      if (outcome.success || outcome.cutShort) return finish(outcome, outcome.hErrno);
      const current = trace.tries[trace.tries.length - 1];
      if (errno === 'ECONNREFUSED') {
        current.endedList = true;
        return finish(outcome, 'TRY_AGAIN');
      }
      if (outcome.hErrno === 'NO_DATA') gotNodata = true;
      else if (outcome.hErrno === 'TRY_AGAIN' && outcome.rcode === RCODE.SERVFAIL) gotServfail = true;
      else if (outcome.hErrno !== 'HOST_NOT_FOUND') {
        current.endedList = true;
        break;
      }
    }
  }

  const noTldQuery = resolverFlags(conf).has('no-tld-query');
  if ((dots > 0 || !searched || !noTldQuery) && !(triedAsIs || rootOnList)) {
    const outcome = await attempt(name);
    if (outcome.success || outcome.cutShort) return finish(outcome, outcome.hErrno);
  }
  return finish(null, savedHErrno ?? (gotNodata ? 'NO_DATA' : gotServfail ? 'TRY_AGAIN' : lastHErrno));
}

/** A try that sends nothing: the search goes on as after `hErrno`. */
function unsent(hErrno: HErrno, detail: string): QueryOutcome {
  return { success: false, hErrno, rcode: 0, errno: null, result: 'error', addresses: [], queries: 0, sent: [], bufferNeed: 0, cutShort: false, detail };
}

async function tryName(query: string, ask: AskName): Promise<QueryOutcome> {
  // res_mkquery fails, without sending anything, for a name that has no wire form: NO_RECOVERY ends the list.
  const wire = domainLabels(query);
  if ('problem' in wire) return unsent('NO_RECOVERY', `not sent: ${wire.problem}`);
  // A search domain can make a name NetLens never sends (x.localhost). glibc would send it, and servers answer
  // such names NXDOMAIN, so the search goes on as after an NXDOMAIN.
  const special = neverAskDns(query);
  if (special) return unsent('HOST_NOT_FOUND', `not sent: ${special.rule} (glibc would send it)`);
  return ask(query, wire.labels);
}

function queriesText(count: number): string {
  return count === 1 ? l10n.t('1 query') : l10n.t('{0} queries', count);
}

/** One line for the hover: where DNS found the name, or how the search ended, and what it cost. */
export function searchTraceSummary(trace: SearchTrace): Line {
  const tries = trace.tries;
  const cost = queriesText(trace.queries);
  const of = trace.candidates.length;
  const found = tries.findIndex((t) => t.result === 'addresses');
  if (trace.notAsked !== undefined || tries.length === 0) return words(l10n.t('DNS not asked for this name'));
  if (found >= 0) {
    const domain = tries[found].domain;
    if (domain !== undefined) return sentence(l10n.t('DNS via search domain {0} (try {1} of {2}, {3})', slot(0), found + 1, of, cost), domain);
    if (tries.length === 1) return words(l10n.t('DNS, asked as is (1 try, {0})', cost));
    return words(l10n.t('DNS, asked as is (try {0} of {1}, {2})', found + 1, of, cost));
  }
  if (trace.incomplete) return words(l10n.t('DNS search cut short by the time limit after {0} of {1} names ({2})', tries.length, of, cost));
  const last = tries[tries.length - 1];
  if (tries.length === 1) return words(l10n.t('DNS: {0} for the only name tried ({1})', last.result, cost));
  if (tries.every((t) => t.result === last.result)) return words(l10n.t('DNS: {0} for all {1} names tried ({2})', last.result, tries.length, cost));
  const stopper = tries.find((t) => t.endedList);
  if (stopper) return sentence(l10n.t('DNS search list stopped at {0} ({1}); {2} names tried ({3})', slot(0), stopper.result, tries.length, cost), stopper.name);
  return words(l10n.t('DNS found no address in {0} names ({1})', tries.length, cost));
}
