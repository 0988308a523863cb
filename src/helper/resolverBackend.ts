import type { GetaddrinfoRequest, GetaddrinfoResult, GetnameinfoRequest, GetnameinfoResult } from '../core/addrinfo';
import type { NssFamily, NssModuleAnswer } from '../core/nssSources';
import type { HostentResult } from '../ipc/protocol';

/**
 * What the helper needs from a resolver implementation. On failure an implementation throws a ResolverFailure
 * (core/resolverError.ts), an Error that carries Python's exception (kind, errno, code, text), so that the text
 * reaches the user intact; anything else it throws reaches the user as a helper error.
 */
export interface ResolverBackend {
  readonly name: 'native' | 'dns.lookup';
  /** Platform values of the socket constants this backend uses. */
  readonly constants: Readonly<Record<string, number>>;
  getaddrinfo(request: GetaddrinfoRequest): Promise<GetaddrinfoResult>;
  getnameinfo(request: GetnameinfoRequest): Promise<GetnameinfoResult>;
  gethostbyname(host: string, family: 'AF_INET' | 'AF_INET6'): Promise<HostentResult>;
  gethostbyaddr(address: string): Promise<HostentResult>;
  gethostname(): string;
  /** One NSS hosts module alone (core/nssSources.ts); only the native backend on glibc can. */
  nssHostsLookup?(source: string, name: string, family: NssFamily): Promise<NssModuleAnswer>;
}
