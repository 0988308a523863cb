/**
 * The helper protocol, shared by the extension-host client (src/client) and the forked helper (src/helper).
 * One entry per method: its params and its result. Messages travel as length-prefixed JSON (see framing.ts).
 */
import type { BackendName, GetaddrinfoRequest, GetaddrinfoResult, GetnameinfoRequest, GetnameinfoResult } from '../core/addrinfo';
import type { ConnectAttempt, ConnectTestParams, ConnectTestResult } from '../core/connectionTest';
import type { DirectDnsRequest, DirectDnsResult } from '../core/directDns';
import type { ResolverEnvironment } from '../core/resolverEnvironment';
import type { NssHostsParams, NssHostsReport } from '../core/nssSources';
import type { ExplainRequest, ExplainResult } from '../core/explainReport';
import type { OrderDestination, OrderFacts } from '../core/orderReport';
import type { ResolverErrorInfo } from '../core/resolverError';
import type { SearchTrace, SearchTraceRequest } from '../core/searchTrace';

export interface PingResult {
  pid: number;
  backend: BackendName;
  /** Why the native addon is not in use, when it is not. */
  backendNote: string | null;
  /** Resolver calls still running in the helper (a hung getaddrinfo stays here until it returns). */
  inFlight: number;
  threadpoolSize: number;
  platform: string;
  /** Platform values of the socket constants, as the backend knows them. */
  constants: Record<string, number>;
}

export interface HostentResult {
  backend: BackendName;
  name: string;
  aliases: string[];
  addresses: string[];
  /** h_addrtype (Python raises OSError EAFNOSUPPORT when it is not the family asked for); absent when unknown. */
  family?: 'AF_INET' | 'AF_INET6';
  /** Fields the backend could not know (empty for the native backend). */
  unavailable: string[];
  elapsedMs: number;
}

/**
 * The methods the helper answers. `debug.*` exist only when the helper runs with NETLENS_HELPER_TEST_HOOKS=1.
 * A method with a `progress` type may send progress messages before its response, and may be cancelled.
 */
export interface HelperMethods {
  ping: { params: Record<string, never>; result: PingResult };
  getaddrinfo: { params: GetaddrinfoRequest; result: GetaddrinfoResult };
  getnameinfo: { params: GetnameinfoRequest; result: GetnameinfoResult };
  gethostbyname: { params: { host: string; family: 'AF_INET' | 'AF_INET6' }; result: HostentResult };
  gethostbyaddr: { params: { address: string }; result: HostentResult };
  gethostname: { params: Record<string, never>; result: { hostname: string } };
  /** Asks DNS servers directly with c-ares (never the system resolver); see core/directDns.ts. */
  'dns.query': { params: DirectDnsRequest; result: DirectDnsResult };
  /** TCP (and TLS) connect to each address of a host: explicit only, cancellable, one progress per attempt. */
  'connect.test': { params: ConnectTestParams; result: ConnectTestResult; progress: ConnectAttempt };
  /** Where the helper's resolver runs (context, libc, resolv.conf, stub, nscd); remoteName is vscode.env's. */
  environment: { params: { remoteName: string | null }; result: ResolverEnvironment };
  /** The names getaddrinfo's search list makes DNS answer, sent as glibc sends them; see core/searchTrace.ts. */
  'dns.searchTrace': { params: SearchTraceRequest; result: SearchTrace };
  /** Each nsswitch.conf hosts source asked alone through glibc's module, and which one getaddrinfo answers from. */
  'nss.hosts': { params: NssHostsParams; result: NssHostsReport };
  /** Everything "explain the answer" needs but the getaddrinfo answer, in one round trip; see core/explainReport.ts. */
  explain: { params: ExplainRequest; result: ExplainResult };
  /** Source addresses (connected UDP sockets: no packet sent), interfaces, gai.conf, libc: see core/orderReport.ts. */
  'order.sources': { params: { destinations: OrderDestination[]; port: number }; result: OrderFacts };
  shutdown: { params: Record<string, never>; result: { ok: true } };
  'debug.hang': { params: Record<string, never>; result: never };
  'debug.garbage': { params: { bytes: string }; result: { ok: true } };
  'debug.oversized': { params: { size: number }; result: { ok: true } };
  /** Sends `count` progress messages of `bytes` each, then waits until cancelled (answers with the cancel error). */
  'debug.progress': { params: { count: number; bytes: number }; result: never; progress: { n: number; pad: string } };
  /** The helper's own memory figures (the soak's evidence of where its RSS is); `gc` runs a full collection first
   * when the helper was started with --expose-gc (gcRan says whether it could). */
  'debug.memory': { params: { gc: boolean }; result: HelperMemory };
}

export interface HelperMemory {
  gcRan: boolean;
  rssKiB: number;
  /** V8's heap: what live objects use, and what V8 holds for them (committed pages of every space). */
  heapUsedKiB: number;
  heapTotalKiB: number;
  /** Memory outside V8's heap that JavaScript objects own (Buffers, the addon's external strings). */
  externalKiB: number;
  /** Each V8 space (new_space, old_space, large_object_space, …): live bytes and resident pages. */
  spaces: Record<string, { usedKiB: number; physicalKiB: number }>;
}

export type HelperMethod = keyof HelperMethods;
export type ParamsOf<M extends HelperMethod> = HelperMethods[M]['params'];
export type ResultOf<M extends HelperMethod> = HelperMethods[M]['result'];
/** What a method reports while it runs (never for methods without progress). */
export type ProgressOf<M extends HelperMethod> = HelperMethods[M] extends { progress: infer P } ? P : never;

export type RequestMessage = {
  [M in HelperMethod]: { type: 'request'; id: number; method: M; params: ParamsOf<M> };
}[HelperMethod];

export type ResponseMessage =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: ResolverErrorInfo };

/** Sent by the helper while request `id` runs (methods with a `progress` type only), before its response. */
export interface ProgressMessage {
  type: 'progress';
  id: number;
  progress: unknown;
}

/**
 * Sent by the client to stop request `id`. The helper stops its work and answers the request with a `cancelled`
 * error; a cancel for a request it does not know (already answered) is ignored.
 */
export interface CancelMessage {
  type: 'cancel';
  id: number;
}

/** Sent by the helper once it is ready, before any response. */
export interface ReadyMessage {
  type: 'ready';
  pid: number;
  backend: BackendName;
}

export type HelperToClientMessage = ResponseMessage | ReadyMessage | ProgressMessage;
export type ClientToHelperMessage = RequestMessage | CancelMessage;

export const HELPER_METHODS: readonly HelperMethod[] = [
  'ping',
  'getaddrinfo',
  'getnameinfo',
  'gethostbyname',
  'gethostbyaddr',
  'gethostname',
  'dns.query',
  'connect.test',
  'environment',
  'dns.searchTrace',
  'nss.hosts',
  'explain',
  'order.sources',
  'shutdown',
  'debug.hang',
  'debug.garbage',
  'debug.oversized',
  'debug.progress',
  'debug.memory',
];

export function isHelperMethod(value: unknown): value is HelperMethod {
  return typeof value === 'string' && (HELPER_METHODS as readonly string[]).includes(value);
}

/** Largest message either side accepts; resolver answers are a few KB, so anything near this is a bug or an attack. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * UV_THREADPOOL_SIZE for the helper. A hung getaddrinfo occupies a pool thread until the C library gives up,
 * and libuv lets resolver work use only half the pool: with Node's default of 4, two slow names would stall
 * every other lookup in the helper.
 */
export const HELPER_THREADPOOL_SIZE = 16;

/**
 * The helper's exit status when it retires on purpose because its C library holds configuration that changed
 * (gai.conf: see helper/gaiConfWatch.ts). The client starts a new helper at once, resends what was in flight, and
 * counts it neither as a crash nor as an attempt.
 */
export const HELPER_EXIT_RESTART = 75;
