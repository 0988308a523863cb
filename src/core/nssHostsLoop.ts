/**
 * getaddrinfo's walk over the `hosts:` sources, transcribed from glibc 2.36 (sysdeps/posix/getaddrinfo.c,
 * get_nss_addresses and gethosts) for a request with AI_CANONNAME and without AI_V4MAPPED, which is how NetLens
 * asks (core/addrinfo.ts hostLookupRequest). The modules' answers come from asking each one alone
 * (native/nss_module_call.c makes the same calls); this decides, as glibc does, which source's answer getaddrinfo
 * returns or which error it reports. The variables are glibc's, including its quirks, because they decide errors:
 *  - the last module's h_errno/errno decide EAI_SYSTEM after the loop (a module that is not installed sets
 *    NETDB_INTERNAL and EBUSY, so `hosts: files dns nosuch` turns NXDOMAIN into "[Errno 16] Device or resource busy");
 *  - gethosts() (the per-family path) stops getaddrinfo at once with EAI_SYSTEM on NETDB_INTERNAL;
 *  - no_inet6_data is not reset for a module without functions; each module starts afresh (2.36 resets the
 *    addresses per module; glibc before 2.36 kept them after a [SUCCESS=continue], bug 28931).
 * test/unit/nssHosts.test.ts compares every decision with python3's getaddrinfo in the same namespace.
 */
import { nextAction, NSS_STATUS, nssStatusName, type NssActionName, type NsswitchSource, type NssStatusName } from './nsswitch';
import type { NssFamily, NssHostsReport, NssModuleAnswer, NssSourceAnswer } from './nssSources';

/** h_errno values (<netdb.h>) and the errno glibc sets for a module without functions (Linux EBUSY). */
const NETDB_INTERNAL = -1;
const TRY_AGAIN = 2;
const NO_DATA = 4;
const EBUSY = 16;
/** no_data's third value: both requests timed out. */
const NO_DATA_AGAIN = 'again';

export type NssLoopOutcome =
  /** getaddrinfo returns these addresses (in the module's order; getaddrinfo then sorts them): the answer of `source`. */
  | { kind: 'addresses'; source: string; index: number; addresses: string[]; canonname: string | null }
  /** getaddrinfo fails; `index` is the last source its loop asked (null: it asked none). */
  | { kind: 'error'; code: 'EAI_NONAME' | 'EAI_NODATA' | 'EAI_AGAIN' | 'EAI_SYSTEM' | 'EAI_MEMORY'; errno: number | null; index: number | null }
  /** The loop needs the answer of a source that was not asked (or did not answer in time). */
  | { kind: 'unknown'; index: number }
  /** The hosts line names no source: glibc 2.33+ then reads past its list (crash, or EBUSY, when tested on 2.36). */
  | { kind: 'undefined' };

interface LoopState {
  status: number;
  inet6Status: number;
  noData: number | typeof NO_DATA_AGAIN;
  noInet6Data: number | typeof NO_DATA_AGAIN;
  herrno: number;
  errno: number;
  addresses: string[];
  canonname: string | null;
}

function freshState(): LoopState {
  // A fresh thread's h_errno and errno are 0; get_nss_addresses starts with both statuses UNAVAIL.
  return { status: NSS_STATUS.UNAVAIL, inet6Status: NSS_STATUS.UNAVAIL, noData: 0, noInet6Data: 0, herrno: 0, errno: 0, addresses: [], canonname: null };
}

function noDataOf(herrno: number): number | typeof NO_DATA_AGAIN {
  return herrno === TRY_AGAIN ? NO_DATA_AGAIN : herrno === NO_DATA ? 1 : 0;
}

/** One iteration of the loop for one module's answer; returns an error when getaddrinfo stops right there. */
function applySource(state: LoopState, answer: NssModuleAnswer, family: NssFamily): NssLoopOutcome | null {
  state.addresses = [];
  state.canonname = null;
  state.noData = 0;
  if (answer.memoryError) return { kind: 'error', code: 'EAI_MEMORY', errno: null, index: null };
  if (answer.function === 'gethostbyname4_r' && family === 'AF_UNSPEC') {
    const call = answer.calls[0];
    if (call === undefined) return { kind: 'error', code: 'EAI_MEMORY', errno: null, index: null };
    state.status = call.status;
    state.herrno = call.herrno;
    state.errno = call.errno;
    if (call.status === NSS_STATUS.SUCCESS) {
      state.noData = call.addresses.length > 0 ? 0 : 1;
      state.addresses = [...call.addresses];
      state.canonname = call.canonname;
    } else state.noData = noDataOf(call.herrno);
    state.noInet6Data = state.noData;
    return null;
  }
  if (answer.function === null) {
    // Not installed, or no hosts function: "Could not locate any of the lookup functions" (EBUSY).
    state.status = NSS_STATUS.UNAVAIL;
    state.herrno = NETDB_INTERNAL;
    state.errno = EBUSY;
    return null;
  }
  for (const call of answer.calls) {
    // gethosts(): AF_INET6 first (for AF_INET6 and AF_UNSPEC), then AF_INET (for AF_INET and AF_UNSPEC).
    state.status = call.status;
    state.herrno = call.herrno;
    state.errno = call.errno;
    state.noData = 0;
    if (call.status === NSS_STATUS.NOTFOUND || call.status === NSS_STATUS.TRYAGAIN || call.status === NSS_STATUS.UNAVAIL) {
      if (call.herrno === NETDB_INTERNAL) return { kind: 'error', code: 'EAI_SYSTEM', errno: call.errno, index: null };
      state.noData = noDataOf(call.herrno);
    } else if (call.status === NSS_STATUS.SUCCESS) {
      state.addresses.push(...call.addresses);
      state.canonname ??= call.canonname;
    }
    if (call.family === 'AF_INET6' || family === 'AF_INET') {
      state.noInet6Data = state.noData;
      state.inet6Status = call.status;
    }
  }
  if (state.inet6Status === NSS_STATUS.SUCCESS || state.status === NSS_STATUS.SUCCESS) state.status = NSS_STATUS.SUCCESS;
  else if (state.inet6Status === NSS_STATUS.TRYAGAIN) state.status = NSS_STATUS.TRYAGAIN;
  else if (state.status === NSS_STATUS.UNAVAIL && state.inet6Status !== NSS_STATUS.UNAVAIL) state.status = state.inet6Status;
  return null;
}

/** The status getaddrinfo's loop sees for one module asked alone (null: NSS_STATUS_RETURN, which modules do not use). */
export function sourceStatus(answer: NssModuleAnswer, family: NssFamily): NssStatusName | null {
  const state = freshState();
  applySource(state, answer, family);
  return nssStatusName(state.status);
}

/** The addresses and canonical name getaddrinfo would take from one module (empty unless it succeeded). */
export function sourceAddresses(answer: NssModuleAnswer, family: NssFamily): { addresses: string[]; canonname: string | null } {
  const state = freshState();
  if (applySource(state, answer, family) !== null || state.status !== NSS_STATUS.SUCCESS) return { addresses: [], canonname: null };
  return { addresses: state.addresses, canonname: state.canonname };
}

/**
 * get_nss_addresses over the hosts line. `answers[i]` is source i's answer, or null when it was not asked (or
 * gave none in time): the walk stops there as `unknown` if it needs it. `sources` null: glibc rejected
 * nsswitch.conf and asks nothing. Returns the outcome and, per source, the action taken after it (if reached).
 */
export function getaddrinfoNssLoop(
  sources: readonly NsswitchSource[] | null,
  answers: readonly (NssModuleAnswer | null)[],
  family: NssFamily
): { outcome: NssLoopOutcome; actions: (NssActionName | undefined)[] } {
  const actions: (NssActionName | undefined)[] = (sources ?? []).map(() => undefined);
  if (sources !== null && sources.length === 0) return { outcome: { kind: 'undefined' }, actions };
  const state = freshState();
  let last: number | null = null;
  let doMerge = false;
  for (let i = 0; sources !== null && i < sources.length; i++) {
    state.addresses = [];
    if (doMerge) {
      // "The hosts database does not support MERGE."
      state.herrno = NETDB_INTERNAL;
      state.errno = EBUSY;
      break;
    }
    const answer = answers[i];
    if (answer === null || answer === undefined) return { outcome: { kind: 'unknown', index: i }, actions };
    last = i;
    const stopped = applySource(state, answer, family);
    if (stopped) return { outcome: stopped.kind === 'error' ? { ...stopped, index: i } : stopped, actions };
    const action = nextAction(sources[i], state.status);
    actions[i] = action;
    if (action === 'return') break;
    if (action === 'merge') doMerge = true;
  }
  if ((state.status === NSS_STATUS.TRYAGAIN || state.status === NSS_STATUS.UNAVAIL) && state.herrno === NETDB_INTERNAL) {
    return { outcome: { kind: 'error', code: 'EAI_SYSTEM', errno: state.errno, index: last }, actions };
  }
  if (state.noData !== 0 && state.noInet6Data !== 0) {
    const code = state.noData === NO_DATA_AGAIN && state.noInet6Data === NO_DATA_AGAIN ? 'EAI_AGAIN' : 'EAI_NODATA';
    return { outcome: { kind: 'error', code, errno: null, index: last }, actions };
  }
  if (state.addresses.length > 0 && last !== null && sources) {
    return { outcome: { kind: 'addresses', source: sources[last].source, index: last, addresses: state.addresses, canonname: state.canonname }, actions };
  }
  return { outcome: { kind: 'error', code: 'EAI_NONAME', errno: null, index: last }, actions };
}

/**
 * The report with its decision: answeredBy, outcome and each source's action, from the hosts line and the answers
 * of the sources that were asked. Used by the helper and again by the client after it merged per-source answers.
 */
export function decideNssReport(report: NssHostsReport, family: NssFamily): NssHostsReport {
  const nss = report.nsswitch;
  if (report.platform !== 'glibc' || nss === null || report.outcome === null) return report;
  const line = nss.parseError ? null : nss.hosts;
  const answers = report.sources.map((s) => (s.asked && s.module ? s.module : null));
  const { outcome, actions } = getaddrinfoNssLoop(line, answers, family);
  // An action from an earlier decision goes: only the walk over these answers says where getaddrinfo went.
  const sources = report.sources.map((s, i) => {
    const action = actions[i];
    return action === undefined ? withoutAction(s) : { ...s, action };
  });
  return { ...report, sources, outcome, answeredBy: outcome.kind === 'addresses' ? outcome.source : null };
}

function withoutAction(source: NssSourceAnswer): NssSourceAnswer {
  const copy = { ...source };
  delete copy.action;
  return copy;
}
