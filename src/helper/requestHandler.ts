import * as net from 'net';
import * as v8 from 'v8';
import { getaddrinfoRequestProblem, type GetaddrinfoRequest, type GetnameinfoRequest } from '../core/addrinfo';
import type { DirectDnsRequest } from '../core/directDns';
import type { SearchTraceRequest } from '../core/searchTrace';
import type { OrderDestination } from '../core/orderReport';
import { ResolverFailure, type ResolverErrorInfo } from '../core/resolverError';
import { NI_FLAGS } from '../core/socketConstants';
import { isHelperMethod, type HelperMethod, type ProgressOf, type RequestMessage, type ResponseMessage } from '../ipc/protocol';
import { readSystemFile, readSystemFileText } from '../core/systemFiles';
import { CONNECT_LIMITS, type ConnectTestParams } from '../core/connectionTest';
import { NUMBER_SETTINGS } from '../core/settingsTable';
import { cancelledError, connectTest } from './connectionTest';
import { directDnsQuery } from './directDns';
import { detectResolverEnvironment } from '../core/resolverEnvironment';
import { helperEnvironmentProbes } from './environmentProbes';
import { searchTraceQuery } from './searchTrace';
import { isOneOf, FAMILIES } from '../core/socketConstants';
import type { NssHostsParams } from '../core/nssSources';
import { detectLibc } from './libcInfo';
import { answerNssHosts, nssHostsDeps } from './nssHosts';
import { explainInHelper } from './explain';
import type { ExplainRequest } from '../core/explainReport';
import { orderSources } from './orderSources';
import type { ResolverBackend } from './resolverBackend';

export interface HandlerContext {
  backend: ResolverBackend;
  backendNote: string | null;
  threadpoolSize: number;
  testHooks: boolean;
  /** True when configuration the C library read once (gai.conf) has changed since: see gaiConfWatch.ts. */
  configChanged(): boolean;
  /** Ends this helper so that a fresh one (with a fresh C library state) answers instead: never returns. */
  retire(reason: string): never;
  /** Writes raw bytes to the client's stream (for the debug hooks that exercise the client's framing). */
  writeRaw(bytes: Buffer): void;
  /** Sends a progress message for request `id` (before its response). */
  sendProgress(id: number, progress: unknown): void;
  shutdown(): void;
}

/** Answers one request. Never throws: every failure becomes an error response in Python's terms. */
export class RequestHandler {
  private inFlight = 0;
  /** Requests that can be cancelled, by id, while they run. */
  private readonly running = new Map<number, AbortController>();

  constructor(private readonly ctx: HandlerContext) {}

  /** A `cancel` message: stops the request it names (if still running). False for any other message. */
  cancel(raw: unknown): boolean {
    if (typeof raw !== 'object' || raw === null) return false;
    const r = raw as Record<string, unknown>;
    if (r.type !== 'cancel' || typeof r.id !== 'number') return false;
    this.running.get(r.id)?.abort();
    return true;
  }

  async handle(raw: unknown): Promise<ResponseMessage | null> {
    const request = parseRequest(raw);
    if (!request) return null;
    if (request.method.startsWith('debug.') && !this.ctx.testHooks) {
      return errorResponse(request.id, { kind: 'helper', errno: null, code: null, message: `unknown method ${request.method}` });
    }
    this.inFlight++;
    const controller = new AbortController();
    this.running.set(request.id, controller);
    try {
      return { type: 'response', id: request.id, ok: true, result: await this.dispatch(request, controller.signal) };
    } catch (err) {
      return errorResponse(request.id, toErrorInfo(err));
    } finally {
      this.running.delete(request.id);
      this.inFlight--;
    }
  }

  private progress<M extends HelperMethod>(request: RequestMessage & { method: M }): (p: ProgressOf<M>) => void {
    return (p) => this.ctx.sendProgress(request.id, p);
  }

  private async dispatch(request: RequestMessage, signal: AbortSignal): Promise<unknown> {
    const { backend } = this.ctx;
    switch (request.method) {
      case 'ping':
        return {
          pid: process.pid,
          backend: backend.name,
          backendNote: this.ctx.backendNote,
          inFlight: this.inFlight - 1,
          threadpoolSize: this.ctx.threadpoolSize,
          platform: `${process.platform}-${process.arch}`,
          constants: { ...backend.constants },
        };
      case 'getaddrinfo':
        // glibc sorts with the gai.conf it read once per process: a changed file needs a fresh process.
        if (this.ctx.configChanged()) this.ctx.retire('/etc/gai.conf changed since this helper\'s C library read it');
        return backend.getaddrinfo(checkGetaddrinfo(request.params));
      case 'getnameinfo':
        return backend.getnameinfo(checkGetnameinfo(request.params));
      case 'gethostbyname':
        return backend.gethostbyname(checkString(request.params.host, 'host'), request.params.family === 'AF_INET6' ? 'AF_INET6' : 'AF_INET');
      case 'gethostbyaddr':
        return backend.gethostbyaddr(checkString(request.params.address, 'address'));
      case 'gethostname':
        return { hostname: backend.gethostname() };
      case 'dns.query':
        return directDnsQuery(checkDirectDns(request.params), readSystemFile);
      case 'connect.test':
        return connectTest(checkConnectTest(request.params), { backend, signal, progress: this.progress(request) });
      case 'environment': {
        const { remoteName } = request.params;
        if (remoteName !== null && typeof remoteName !== 'string') throw typeError('remoteName must be a string or null');
        return detectResolverEnvironment(helperEnvironmentProbes(remoteName));
      }
      case 'dns.searchTrace':
        return searchTraceQuery(checkSearchTrace(request.params), { read: readSystemFile });
      case 'explain':
        return explainInHelper(checkExplain(request.params), backend, this.ctx.backendNote);
      case 'nss.hosts':
        return answerNssHosts(checkNssHosts(request.params), nssHostsDeps(backend, this.ctx.backendNote, detectLibc(), readSystemFileText));
      case 'order.sources':
        return orderSources(checkOrderDestinations(request.params.destinations), checkPort(request.params.port));
      case 'shutdown':
        setImmediate(() => this.ctx.shutdown());
        return { ok: true };
      case 'debug.hang':
        return new Promise<never>(() => undefined);
      case 'debug.garbage':
        this.ctx.writeRaw(Buffer.from(request.params.bytes, 'utf8'));
        return { ok: true };
      case 'debug.oversized':
        this.ctx.writeRaw(Buffer.from(`Content-Length: ${request.params.size}\r\n\r\n${'x'.repeat(request.params.size)}`, 'utf8'));
        return { ok: true };
      case 'debug.progress': {
        const report = this.progress(request);
        for (let n = 0; n < request.params.count; n++) report({ n, pad: 'x'.repeat(request.params.bytes) });
        return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(cancelledError())));
      }
      case 'debug.memory': {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (request.params.gc && gc) gc();
        const m = process.memoryUsage();
        const kib = (bytes: number): number => Math.round(bytes / 1024);
        const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((x) => [x.space_name, { usedKiB: kib(x.space_used_size), physicalKiB: kib(x.physical_space_size) }]));
        return { gcRan: request.params.gc && gc !== undefined, rssKiB: kib(m.rss), heapUsedKiB: kib(m.heapUsed), heapTotalKiB: kib(m.heapTotal), externalKiB: kib(m.external), spaces };
      }
    }
  }
}

function parseRequest(raw: unknown): RequestMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.type !== 'request' || typeof r.id !== 'number' || !isHelperMethod(r.method)) return null;
  const method: HelperMethod = r.method;
  const params = typeof r.params === 'object' && r.params !== null ? r.params : {};
  return { type: 'request', id: r.id, method, params } as RequestMessage;
}

function checkString(value: unknown, name: string): string {
  if (typeof value !== 'string') throw typeError(`${name} must be a string`);
  return value;
}

function checkGetaddrinfo(p: GetaddrinfoRequest): GetaddrinfoRequest {
  const problem = getaddrinfoRequestProblem(p);
  if (problem !== null) throw typeError(problem);
  return p;
}

function checkDirectDns(p: DirectDnsRequest): DirectDnsRequest {
  checkString(p.name, 'name');
  if (p.kind !== 'name' && p.kind !== 'address') throw typeError('kind must be "name" or "address"');
  if (p.servers !== null && !(Array.isArray(p.servers) && p.servers.every((s) => typeof s === 'string'))) throw typeError('servers must be a list of strings or null');
  if (typeof p.timeoutMs !== 'number' || !(p.timeoutMs > 0)) throw typeError('timeoutMs must be a positive number');
  return p;
}

function checkConnectTest(p: ConnectTestParams): ConnectTestParams {
  checkString(p.host, 'host');
  if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) throw typeError('port must be 1-65535');
  const { minimum, maximum } = NUMBER_SETTINGS.connectTimeoutMs;
  if (typeof p.timeoutMs !== 'number' || !(p.timeoutMs >= minimum && p.timeoutMs <= maximum)) throw typeError(`timeoutMs must be ${minimum}-${maximum}`);
  if (!Number.isInteger(p.concurrency) || p.concurrency < 1 || p.concurrency > CONNECT_LIMITS.maxConcurrency) throw typeError(`concurrency must be 1-${CONNECT_LIMITS.maxConcurrency}`);
  if (typeof p.tls !== 'boolean') throw typeError('tls must be a boolean');
  return p;
}

function checkSearchTrace(p: SearchTraceRequest): SearchTraceRequest {
  checkString(p.name, 'name');
  if (p.name === '' || p.name.includes('\0')) throw typeError('name must be a non-empty string without NUL');
  if (p.family !== 'AF_UNSPEC' && p.family !== 'AF_INET' && p.family !== 'AF_INET6') throw typeError('family must be AF_UNSPEC, AF_INET or AF_INET6');
  if (typeof p.timeoutMs !== 'number' || !(p.timeoutMs > 0)) throw typeError('timeoutMs must be a positive number');
  return p;
}

function checkExplain(p: ExplainRequest): ExplainRequest {
  const { name, family } = checkNssHosts({ name: p.name, family: p.family });
  if (typeof p.timeoutMs !== 'number' || !(p.timeoutMs > 0)) throw typeError('timeoutMs must be a positive number');
  if (p.remoteName !== null && typeof p.remoteName !== 'string') throw typeError('remoteName must be a string or null');
  if (typeof p.network !== 'boolean') throw typeError('network must be a boolean');
  return { name, family: family, timeoutMs: p.timeoutMs, remoteName: p.remoteName, network: p.network };
}

function checkNssHosts(p: NssHostsParams): NssHostsParams {
  if (checkString(p.name, 'name').includes('\0')) throw typeError('name must not contain NUL characters');
  if (typeof p.family !== 'string' || !isOneOf(FAMILIES, p.family)) throw typeError('family must be AF_UNSPEC, AF_INET or AF_INET6');
  if (p.only !== undefined && !(Array.isArray(p.only) && p.only.every((s) => typeof s === 'string'))) throw typeError('only must be a list of source names');
  return { name: p.name, family: p.family, only: p.only };
}

function checkOrderDestinations(list: unknown): OrderDestination[] {
  if (!Array.isArray(list) || list.length > 1024) throw typeError('destinations must be a list of at most 1024 addresses');
  return list.map((d: unknown) => {
    const r = (typeof d === 'object' && d !== null ? d : {}) as Record<string, unknown>;
    if (typeof r.address !== 'string' || !net.isIP(r.address)) throw typeError('each destination needs an IP address');
    const family = net.isIPv4(r.address) ? 'AF_INET' : 'AF_INET6';
    if (r.family !== family) throw typeError(`the family of ${r.address} must be ${family}`);
    if (!(Number.isInteger(r.scopeId) && (r.scopeId as number) >= 0 && (r.scopeId as number) <= 0xffffffff)) throw typeError('scopeId must be 0-4294967295');
    return { address: r.address, family, scopeId: r.scopeId as number };
  });
}

function checkPort(port: unknown): number {
  if (!(Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535)) throw typeError('port must be 1-65535');
  return port as number;
}

function checkGetnameinfo(p: GetnameinfoRequest): GetnameinfoRequest {
  checkString(p.address, 'address');
  if (!Number.isInteger(p.port)) throw typeError('port must be an integer');
  if (p.flowinfo !== undefined && !(Number.isInteger(p.flowinfo) && p.flowinfo >= 0 && p.flowinfo <= 0xfffff)) throw typeError('flowinfo must be 0-1048575');
  if (p.scopeId !== undefined && !(Number.isInteger(p.scopeId) && p.scopeId >= 0 && p.scopeId <= 0xffffffff)) throw typeError('scopeId must be 0-4294967295');
  if (!Array.isArray(p.flags) || !p.flags.every((f) => NI_FLAGS.includes(f))) throw typeError('unknown NI_ flag');
  return p;
}

function typeError(message: string): ResolverFailure {
  return new ResolverFailure({ kind: 'TypeError', errno: null, code: null, message });
}

function toErrorInfo(err: unknown): ResolverErrorInfo {
  if (err instanceof ResolverFailure) return err.info;
  return { kind: 'helper', errno: null, code: null, message: err instanceof Error ? err.message : String(err) };
}

function errorResponse(id: number, error: ResolverErrorInfo): ResponseMessage {
  return { type: 'response', id, ok: false, error };
}
