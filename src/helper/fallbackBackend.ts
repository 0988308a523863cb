import * as dns from 'dns';
import * as os from 'os';
import type { GetaddrinfoRequest, GetaddrinfoResult, GetnameinfoRequest, GetnameinfoResult } from '../core/addrinfo';
import { gaiError, ResolverFailure } from '../core/resolverError';
import { platformRow, type PlatformId, type PlatformRow } from '../core/platform';
import { platformValues } from '../core/platformConstants';
import type { HostentResult } from '../ipc/protocol';
import type { ResolverBackend } from './resolverBackend';

/**
 * The backend for platforms without the native addon: Node's `dns.lookup` (which calls getaddrinfo, but
 * reports only addresses). It never guesses what it cannot see: canonical names, aliases, socktype/protocol
 * rows, flowinfo/scope ids and service-name lookups are reported as unavailable instead.
 */
export class FallbackBackend implements ResolverBackend {
  readonly name = 'dns.lookup';
  /** The platform's values from NetLens's tables (no addon to ask), and the row whose errors Python raises here. */
  readonly constants: Readonly<Record<string, number>>;
  private readonly row: PlatformRow;

  constructor(platform: PlatformId) {
    this.constants = platformValues(platform).values;
    this.row = platformRow(platform) ?? 'linux-glibc';
  }

  async getaddrinfo(request: GetaddrinfoRequest): Promise<GetaddrinfoResult> {
    const started = performance.now();
    const port = numericPort(request.port);
    if (request.host === null) throw unsupported('getaddrinfo with host None');
    const family = request.family === 'AF_INET' ? 4 : request.family === 'AF_INET6' ? 6 : 0;
    let hints = 0;
    if (request.flags.includes('AI_ADDRCONFIG')) hints |= dns.ADDRCONFIG;
    if (request.flags.includes('AI_V4MAPPED')) hints |= dns.V4MAPPED;
    if (request.flags.includes('AI_ALL')) hints |= dns.ALL;
    const addresses = await lookupAll(request.host, family, hints, this.row);
    const unavailable: string[] = [];
    const canonname = request.flags.includes('AI_CANONNAME') ? null : '';
    if (canonname === null) unavailable.push('canonical name (AI_CANONNAME)');
    const socktype = request.socktype === 'SOCK_UNSPEC' ? null : request.socktype;
    if (socktype === null) unavailable.push('socket type and protocol rows');
    if (addresses.some((a) => a.family === 6)) unavailable.push('IPv6 flowinfo and scope_id');
    return {
      backend: 'dns.lookup',
      rows: addresses.map((a) => ({
        family: a.family === 6 ? 'AF_INET6' : 'AF_INET',
        socktype,
        proto: socktype === null ? null : request.proto,
        canonname,
        sockaddr: a.family === 6 ? [a.address, port, 0, 0] : [a.address, port],
      })),
      unavailable,
      elapsedMs: performance.now() - started,
    };
  }

  async getnameinfo(request: GetnameinfoRequest): Promise<GetnameinfoResult> {
    const started = performance.now();
    const numericHost = request.flags.includes('NI_NUMERICHOST');
    const numericServ = request.flags.includes('NI_NUMERICSERV');
    if (numericHost && numericServ) {
      return { backend: 'dns.lookup', host: request.address, service: String(request.port), elapsedMs: performance.now() - started };
    }
    // dns.lookupService always behaves as if NI_NAMEREQD were set: no other flag combination can be honoured.
    if (!request.flags.includes('NI_NAMEREQD')) throw unsupported('getnameinfo without NI_NAMEREQD (or without NI_NUMERICHOST|NI_NUMERICSERV)');
    // dns.lookupService takes no flowinfo; a scope id travels as `%<index>` in the address.
    const address = request.scopeId ? `${request.address.split('%')[0]}%${request.scopeId}` : request.address;
    const answer = await new Promise<{ hostname: string; service: string }>((resolve, reject) =>
      dns.lookupService(address, request.port, (err, hostname, service) => (err ? reject(fromNodeError(err, this.row)) : resolve({ hostname, service })))
    );
    return {
      backend: 'dns.lookup',
      host: numericHost ? request.address : answer.hostname,
      service: numericServ ? String(request.port) : answer.service,
      elapsedMs: performance.now() - started,
    };
  }

  async gethostbyname(host: string, family: 'AF_INET' | 'AF_INET6'): Promise<HostentResult> {
    const started = performance.now();
    const addresses = await lookupAll(host, family === 'AF_INET' ? 4 : 6, 0, this.row);
    return {
      backend: 'dns.lookup',
      name: host,
      aliases: [],
      addresses: addresses.map((a) => a.address),
      unavailable: ['canonical name', 'aliases'],
      elapsedMs: performance.now() - started,
    };
  }

  async gethostbyaddr(address: string): Promise<HostentResult> {
    const started = performance.now();
    const hostname = await new Promise<string>((resolve, reject) =>
      dns.lookupService(address, 0, (err, name) => (err ? reject(fromNodeError(err, this.row)) : resolve(name)))
    );
    return { backend: 'dns.lookup', name: hostname, aliases: [], addresses: [address], unavailable: ['aliases'], elapsedMs: performance.now() - started };
  }

  gethostname(): string {
    return os.hostname();
  }
}

function lookupAll(host: string, family: 0 | 4 | 6, hints: number, row: PlatformRow): Promise<dns.LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dns.lookup(host, { all: true, order: 'verbatim', family, hints }, (err, addresses) => (err ? reject(fromNodeError(err, row)) : resolve(addresses)))
  );
}

function numericPort(port: string | number | null): number {
  if (port === null) return 0;
  const text = String(port);
  if (/^\d+$/.test(text)) return Number(text) & 0xffff; // glibc keeps the low 16 bits, and so does Python's getaddrinfo
  throw unsupported(`service names such as ${JSON.stringify(text)} (give a port number)`);
}

function unsupported(what: string): ResolverFailure {
  return new ResolverFailure({ kind: 'helper', errno: null, code: 'ENOTSUP', message: `the dns.lookup fallback backend cannot answer ${what}; the native resolver addon is not loaded here (the helper's log says why)` });
}

/**
 * Node folds EAI_NONAME and EAI_NODATA into ENOTFOUND; we report it as EAI_NONAME, the more common of the two, with
 * the number and text Python shows on the platform (`[Errno 11001] getaddrinfo failed` on Windows).
 */
export function fromNodeError(err: NodeJS.ErrnoException, row: PlatformRow): ResolverFailure {
  switch (err.code) {
    case 'ENOTFOUND':
      return new ResolverFailure(gaiError('EAI_NONAME', row));
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_FAMILY':
    case 'EAI_SERVICE':
    case 'EAI_BADFLAGS':
    case 'EAI_MEMORY':
      return new ResolverFailure(gaiError(err.code, row));
    default:
      return new ResolverFailure({ kind: 'OSError', errno: typeof err.errno === 'number' ? err.errno : null, code: err.code ?? null, message: err.message });
  }
}
