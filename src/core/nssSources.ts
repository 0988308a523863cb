/**
 * "Explain the answer" (issue 15), part 1: what each source of nsswitch.conf's `hosts:` line answers for a name
 * when asked alone (glibc's own module, called as getaddrinfo calls it), and which one getaddrinfo's answer comes
 * from. The helper method `nss.hosts` answers with an NssHostsReport; src/client/nssHosts.ts asks for it.
 */
import type { NssActionName, NsswitchSource, NssStatusName } from './nsswitch';
import type { NssLoopOutcome } from './nssHostsLoop';
import type { FamilyName } from './socketConstants';

/** 'AF_UNSPEC' | 'AF_INET' | 'AF_INET6'. */
export type NssFamily = FamilyName;

export interface NssHostsParams {
  /** The name as getaddrinfo gets it: IDNA-2003 ASCII (Python's encoding). */
  name: string;
  family: NssFamily;
  /** Ask only these sources; the others come back `asked: false`. */
  only?: string[];
}

/** Sources that answer from this machine alone and send nothing on the network (what the hover may ask). */
export const LOCAL_NSS_SOURCES: readonly string[] = ['files', 'myhostname'];

/** One call of a module function: `family` is the family asked (AF_UNSPEC for gethostbyname4_r). */
export interface NssModuleCall {
  family: NssFamily;
  /** enum nss_status (-2 TRYAGAIN, -1 UNAVAIL, 0 NOTFOUND, 1 SUCCESS, 2 RETURN). */
  status: number;
  /** errno and h_errno after the call: getaddrinfo's loop reads both. */
  errno: number;
  herrno: number;
  canonname: string | null;
  /** Numeric addresses in the module's order. */
  addresses: string[];
}

/** What one module said when asked alone (native/nss_module_call.c). */
export interface NssModuleAnswer {
  /** The file its functions came from (`libc.so.6`, `libnss_mdns4_minimal.so.2`), null when it could not be loaded. */
  library: string | null;
  /** The loader's message when the module is not installed (or could not be loaded). */
  loadError: string | null;
  /** The function getaddrinfo calls for it; null when the module has none (getaddrinfo then counts UNAVAIL). */
  function: 'gethostbyname4_r' | 'gethostbyname3_r' | 'gethostbyname2_r' | null;
  /** An allocation failed (getaddrinfo would have failed with EAI_MEMORY). */
  memoryError: boolean;
  calls: NssModuleCall[];
}

export interface NssSourceAnswer {
  source: string;
  asked: boolean;
  /** The status getaddrinfo's loop sees for this source; null when not asked or when it did not answer in time. */
  status: NssStatusName | null;
  addresses: string[];
  canonname: string | null;
  /** Where the answer came from, in words: the hosts-file lines, the name servers, the module's rule, why not asked. */
  detail: string;
  /** The module's raw answer (extra field: what the decision is computed from). */
  module?: NssModuleAnswer;
  /** How long asking this source took (extra field). */
  elapsedMs?: number;
  /** What getaddrinfo did after this source (extra field): absent when its loop did not get here. */
  action?: NssActionName;
}

export interface NssHostsReport {
  platform: 'glibc' | 'musl' | 'unsupported';
  note: string | null;
  nsswitch: {
    path: string;
    /** The hosts line in force (extra field onStatus: what glibc does after each status). */
    hosts: NsswitchSource[];
    /** Extra fields: where the line comes from, its line number, and a line glibc rejected (then it asks no source). */
    origin?: 'file' | 'default';
    lineNumber?: number | null;
    parseError?: { lineNumber: number; text: string } | null;
  } | null;
  sources: NssSourceAnswer[];
  /** The source whose answer getaddrinfo returns; null when it returns an error or when that cannot be known. */
  answeredBy: string | null;
  /** Extra fields: the running glibc, and what getaddrinfo makes of the answers (addresses, error, or unknown). */
  glibcVersion?: string | null;
  outcome?: NssLoopOutcome | null;
}
