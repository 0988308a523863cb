/**
 * The contract of the N-API addon `native/netlens_resolver.c` (built by node-gyp into
 * `build/Release/netlens_resolver.node`, copied by esbuild.js to `dist/native/<platform>-<arch>/`).
 * The same shape on every platform; what each function calls there is CPython's choice for that platform
 * (native/platform_net.h): glibc and musl the reentrant `_r` calls, macOS and Windows `gethostbyname` /
 * `gethostbyaddr` (macOS under one process-wide lock), Windows through Winsock.
 *
 * Every resolver call runs in `napi_create_async_work`, i.e. on the helper's libuv threadpool, never on
 * its event loop: a hung getaddrinfo must not stop the helper from answering pings and timeouts.
 *
 * Addresses cross the boundary as text (inet_ntop form, IPv6 scope appended as `%<ifname>` only by the
 * TypeScript layer when asked); numbers are the platform's own constant values (see `constants`).
 */

/** One `struct addrinfo` row, in the order the system resolver returned it. */
export interface NativeAddrinfoRow {
  family: number;
  socktype: number;
  protocol: number;
  /** `ai_canonname`, or '' when the resolver set none (glibc sets it on the first row only). */
  canonname: string;
  /** Numeric host from the sockaddr (inet_ntop), without any `%scope`. */
  address: string;
  port: number;
  /** IPv6 only (sin6_flowinfo, sin6_scope_id); 0 for IPv4. */
  flowinfo: number;
  scopeId: number;
}

/** `struct hostent` as returned by gethostbyname2_r / gethostbyaddr_r. */
export interface NativeHostent {
  name: string;
  aliases: string[];
  /** Numeric addresses (inet_ntop) of the hostent's family. */
  addresses: string[];
  family: number;
}

/** One call of an NSS module function (native/nss_module_call.h): numbers are the platform's own values. */
export interface NativeNssCall {
  family: number;
  /** enum nss_status. */
  status: number;
  errno: number;
  herrno: number;
  canonname: string | null;
  addresses: { family: number; address: string }[];
}

/** One NSS hosts module asked alone, as getaddrinfo asks it. */
export interface NativeNssAnswer {
  library: string | null;
  loadError: string | null;
  function: string | null;
  memoryError: boolean;
  calls: NativeNssCall[];
}

export interface NativeNameinfo {
  host: string;
  service: string;
}

/**
 * The rejection value of every async call: an Error whose message is the C library's own text
 * (gai_strerror, hstrerror or strerror) and whose `kind` says which error space `code` belongs to.
 * On Windows 'gai' and 'h' codes are WSAGetLastError() values (11001 WSAHOST_NOT_FOUND, ...) and the message
 * is the system's own text for that code (FormatMessage, in the user's language); Python prints its own
 * fixed texts there ('getaddrinfo failed', 'host not found'), which the JS side supplies.
 */
export interface NativeResolverError extends Error {
  kind: 'gai' | 'h' | 'os';
  /**
   * EAI_* value (negative on glibc and musl, WSA error on Windows) for 'gai', h_errno (WSA error on Windows) for
   * 'h', errno for 'os' (a Windows error code for gethostname's failure on Windows).
   */
  code: number;
  /** For EAI_SYSTEM: the errno that came with it. */
  errno?: number;
}

export interface NativeResolver {
  /** Hard-wired to 'native' so the user can see which backend answered. */
  readonly backend: 'native';
  /** Platform values of AF_*, SOCK_*, IPPROTO_*, AI_*, NI_*, EAI_*, and NI_MAXHOST/NI_MAXSERV. */
  readonly constants: Readonly<Record<string, number>>;
  /** `host`/`service` null mean a NULL pointer, exactly as Python's None. */
  getaddrinfo(
    host: string | null,
    service: string | null,
    family: number,
    socktype: number,
    protocol: number,
    flags: number
  ): Promise<NativeAddrinfoRow[]>;
  /** Builds the sockaddr from a numeric address (inet_pton of `address`, without `%scope`). */
  getnameinfo(address: string, port: number, flowinfo: number, scopeId: number, flags: number): Promise<NativeNameinfo>;
  /**
   * gethostbyname2_r(host, family) on Linux. macOS and Windows have no `_r` calls: there AF_INET is
   * gethostbyname(host), what CPython's gethostbyname_ex calls; another family is gethostbyname2 on macOS and
   * rejects with kind 'os' (ENOSYS) on Windows. Rejects with kind 'h' (h_errno).
   */
  gethostbyname2(host: string, family: number): Promise<NativeHostent>;
  /** gethostbyaddr_r (macOS, Windows: gethostbyaddr) of a numeric IPv4 or IPv6 address. Rejects with kind 'h'. */
  gethostbyaddr(address: string): Promise<NativeHostent>;
  /**
   * The NSS hosts module `source` alone, called as getaddrinfo (with AI_CANONNAME) calls it for `family`
   * (AF_UNSPEC, AF_INET or AF_INET6). glibc only: elsewhere it rejects with kind 'os' (ENOSYS).
   */
  nssHostsLookup(source: string, name: string, family: number): Promise<NativeNssAnswer>;
  /**
   * gethostname(2); synchronous because it never blocks on the network. On Windows, as CPython there,
   * GetComputerNameExW(ComputerNamePhysicalDnsHostname) rather than Winsock's gethostname.
   */
  gethostname(): string;
  /** if_nametoindex (Windows: iphlpapi's); 0 when there is no such interface. */
  ifNameToIndex(name: string): number;
  /** if_indextoname; '' when there is no such index. */
  ifIndexToName(index: number): string;
  gaiStrerror(code: number): string;
  hstrerror(code: number): string;
}
