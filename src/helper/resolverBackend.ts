import type { GetaddrinfoRequest, GetaddrinfoResult, GetnameinfoRequest, GetnameinfoResult } from '../core/addrinfo';
import type { HostentResult } from '../ipc/protocol';

/**
 * What the helper needs from a resolver implementation. Implementations throw a ResolverErrorInfo-shaped
 * object (see core/resolverError.ts) on failure, never a bare Error, so the text reaches the user intact.
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
}
