/**
 * Python's `socket` functions (CPython 3.11 on Linux/glibc, Modules/socketmodule.c and Lib/socket.py), composed
 * from the helper's plain C-library calls. This is the one place that knows Python's semantics; the CLI and the
 * editor both call these functions, so what they show is what `python3 -c 'import socket; …'` prints here:
 *
 *  - every str host is IDNA-2003 encoded first (core/idna2003.ts): `a..b` raises UnicodeError without a query;
 *  - gethostbyname/_ex and gethostbyaddr convert the name with getaddrinfo first (setipaddr), so a failure of
 *    that step is a gaierror, and only the hostent call itself raises herror;
 *  - getnameinfo resolves the sockaddr with getaddrinfo(AI_NUMERICHOST) first, then overwrites the IPv6
 *    flowinfo/scope_id with the tuple's values (so `fe80::1%lo` without a scope_id is looked up with scope 0);
 *  - getfqdn swallows OSError (gaierror, herror) but not UnicodeError.
 */
import * as net from 'net';
import { domainToASCII } from 'url';
import { isSrvName } from '../core/srvNames';
import { hostLookupCall, hostLookupRequest, type AddrinfoRow, type GetaddrinfoRequest, type GetaddrinfoResult, type Outcome } from '../core/addrinfo';
import { buildDnsReport, type DnsReport, type SystemAnswer } from '../core/directDns';
import { fqdnFromHostent, fqdnLookupName } from '../core/getfqdn';
import { localSourceFor, neverAskDns } from '../core/neverAskDns';
import { compareIdnForms, idna2003ToAscii, IdnaError } from '../core/idna2003';
import { errorJson, type ResolverErrorInfo } from '../core/resolverError';
import type { AiFlagName, FamilyName, NiFlagName, SocktypeName } from '../core/socketConstants';
import type { HostentResult } from '../ipc/protocol';
import type { ResolverClient } from './resolverClient';

/** What these functions need from the client (the real ResolverClient, or a stub in tests). */
export type HelperRequester = Pick<ResolverClient, 'request'>;

/** Python's `(hostname, aliaslist, ipaddrlist)`. */
export type HostTuple = [name: string, aliases: string[], addresses: string[]];

function fail<T>(kind: ResolverErrorInfo['kind'], message: string, errno: number | null = null, code: string | null = null): Outcome<T> {
  return { ok: false, error: { kind, errno, code, message } };
}

/** `str.encode('idna')`, as Python does for every host argument; the failure is Python's UnicodeError. */
export function encodeHost(host: string): Outcome<string> {
  try {
    return { ok: true, value: idna2003ToAscii(host) };
  } catch (err) {
    if (err instanceof IdnaError) return fail('UnicodeError', err.message);
    throw err;
  }
}

/**
 * A host as typed, as getaddrinfo gets it: an IP literal as it is (an IPv6 one without its brackets, with its
 * %zone), a name IDNA-2003 encoded as Python encodes it. For the commands that take a host or an address
 * (explain, Test Connection).
 */
export function hostArgument(input: string): Outcome<{ name: string; numeric: boolean }> {
  const bare = input.trim().replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(bare.replace(/%.*$/, '')) !== 0) return { ok: true, value: { name: bare, numeric: true } };
  const encoded = encodeHost(bare);
  return encoded.ok ? { ok: true, value: { name: encoded.value, numeric: false } } : encoded;
}

/** The "et" argument format (IDNA-encoded C string): an embedded NUL is a ValueError before any lookup. */
function encodeCStringHost(host: string): Outcome<string> {
  const encoded = encodeHost(host);
  if (encoded.ok && encoded.value.includes('\0')) return fail('ValueError', 'embedded null byte');
  return encoded;
}

const C_LONG_MIN = -(2n ** 63n);
const C_LONG_MAX = 2n ** 63n - 1n;

/** Arguments of `socket.getaddrinfo`; a bigint port is a Python int, a string port a Python str. */
export interface PyGetaddrinfoArgs {
  host: string | null;
  port: bigint | string | null;
  family: FamilyName;
  socktype: SocktypeName;
  proto: number;
  flags: AiFlagName[];
}

/** `socket.getaddrinfo(host, port, family, type, proto, flags)`: the rows in the resolver's order. */
export async function pyGetaddrinfo(client: HelperRequester, args: PyGetaddrinfoArgs): Promise<Outcome<AddrinfoRow[]>> {
  const outcome = await pyGetaddrinfoResult(client, args);
  return outcome.ok ? { ok: true, value: outcome.value.rows } : outcome;
}

/**
 * The getaddrinfo panel's form as Python's arguments: what was typed in the port field is a str (Python's
 * getaddrinfo(host, '443') is what the panel shows); a number (an older saved form) is an int.
 */
export function pyArgsFromRequest(request: GetaddrinfoRequest): PyGetaddrinfoArgs {
  return { ...request, port: typeof request.port === 'number' ? BigInt(request.port) : request.port };
}

/**
 * The one way from a user's host to the system resolver, for the editor and the CLI alike: `socket.getaddrinfo`
 * with Python's argument conversions (IDNA 2003 host, C string, port int or str), and the helper's whole answer
 * (rows, backend, what it cannot know, time).
 */
export async function pyGetaddrinfoResult(client: HelperRequester, args: PyGetaddrinfoArgs): Promise<Outcome<GetaddrinfoResult>> {
  let host: string | null = null;
  if (args.host !== null) {
    const encoded = encodeHost(args.host);
    if (!encoded.ok) return encoded;
    // The C library sees a C string: it ends at the first NUL.
    host = encoded.value.split('\0')[0];
  }
  let port: string | null = null;
  if (typeof args.port === 'bigint') {
    if (args.port < C_LONG_MIN || args.port > C_LONG_MAX) return fail('OverflowError', 'Python int too large to convert to C long');
    // "%ld": glibc then keeps the low 16 bits of a numeric service (70000 → 4464), as python3 3.11 shows.
    port = args.port.toString();
  } else if (typeof args.port === 'string') {
    if (args.port.includes('\0')) return fail('ValueError', 'embedded null character');
    port = args.port;
  }
  const request: GetaddrinfoRequest = { host, port, family: args.family, socktype: args.socktype, proto: args.proto, flags: args.flags };
  return client.request('getaddrinfo', request);
}

interface ResolvedAddress {
  family: 'AF_INET' | 'AF_INET6';
  address: string;
}

/** CPython's setipaddr(): the address a name or numeric string stands for (the first getaddrinfo row). */
async function setipaddr(client: HelperRequester, name: string, family: 'AF_UNSPEC' | 'AF_INET'): Promise<Outcome<ResolvedAddress>> {
  if (name === '') {
    const outcome = await client.request('getaddrinfo', { host: null, port: '0', family, socktype: 'SOCK_DGRAM', proto: 0, flags: ['AI_PASSIVE'] });
    if (!outcome.ok) return outcome;
    const rows = outcome.value.rows;
    const first = rows[0];
    if (!first || (first.family !== 'AF_INET' && first.family !== 'AF_INET6')) return fail('OSError', 'unsupported address family');
    if (rows.length > 1) return fail('OSError', 'wildcard resolved to multiple address');
    return { ok: true, value: { family: first.family, address: first.sockaddr[0] } };
  }
  if (name === '255.255.255.255' || name === '<broadcast>') {
    if (family !== 'AF_INET' && family !== 'AF_UNSPEC') return fail('OSError', 'address family mismatched');
    return { ok: true, value: { family: 'AF_INET', address: '255.255.255.255' } };
  }
  // Numeric strings are parsed by getaddrinfo itself without any query, exactly like CPython's inet_pton shortcut.
  const outcome = await client.request('getaddrinfo', { host: name, port: null, family, socktype: 'SOCK_UNSPEC', proto: 0, flags: [] });
  if (!outcome.ok) return outcome;
  const first = outcome.value.rows[0];
  if (!first || (first.family !== 'AF_INET' && first.family !== 'AF_INET6')) return fail('OSError', 'unknown address family');
  return { ok: true, value: { family: first.family, address: first.sockaddr[0] } };
}

/** CPython's gethost_common(): the hostent as a tuple, or OSError when its family is not the one asked for. */
function hostTuple(h: HostentResult, family: 'AF_INET' | 'AF_INET6'): Outcome<HostTuple> {
  // The dns.lookup fallback cannot know the hostent's names: say so rather than show a tuple Python would not.
  if (h.unavailable.length > 0) {
    return fail('helper', `the ${h.backend} backend cannot know the ${h.unavailable.join(' and ')} of this answer; the native resolver addon is not loaded here (the helper's log says why)`, null, 'ENOTSUP');
  }
  if (h.family !== undefined && h.family !== family) return fail('OSError', 'Address family not supported by protocol', 97, 'EAFNOSUPPORT');
  return { ok: true, value: [h.name, h.aliases, h.addresses] };
}

export async function pyGethostname(client: HelperRequester): Promise<Outcome<string>> {
  const outcome = await client.request('gethostname', {});
  return outcome.ok ? { ok: true, value: outcome.value.hostname } : outcome;
}

/** `socket.gethostbyname(host)`: one IPv4 address as text. */
export async function pyGethostbyname(client: HelperRequester, host: string): Promise<Outcome<string>> {
  const encoded = encodeCStringHost(host);
  if (!encoded.ok) return encoded;
  const resolved = await setipaddr(client, encoded.value, 'AF_INET');
  return resolved.ok ? { ok: true, value: resolved.value.address } : resolved;
}

/** `socket.gethostbyname_ex(host)`: (canonical name, aliases incl. the CNAME chain, IPv4 addresses). */
export async function pyGethostbynameEx(client: HelperRequester, host: string): Promise<Outcome<HostTuple>> {
  const encoded = encodeCStringHost(host);
  if (!encoded.ok) return encoded;
  const resolved = await setipaddr(client, encoded.value, 'AF_INET');
  if (!resolved.ok) return resolved;
  const outcome = await client.request('gethostbyname', { host: encoded.value, family: 'AF_INET' });
  return outcome.ok ? hostTuple(outcome.value, resolved.value.family) : outcome;
}

/** `socket.gethostbyaddr(ip_address)` (a name is accepted too: Python converts it with getaddrinfo first). */
export async function pyGethostbyaddr(client: HelperRequester, address: string): Promise<Outcome<HostTuple>> {
  const encoded = encodeCStringHost(address);
  if (!encoded.ok) return encoded;
  const resolved = await setipaddr(client, encoded.value, 'AF_UNSPEC');
  if (!resolved.ok) return resolved;
  const outcome = await client.request('gethostbyaddr', { address: resolved.value.address });
  return outcome.ok ? hostTuple(outcome.value, resolved.value.family) : outcome;
}

/** Python's exception classes that are OSError (what getfqdn's `except error` catches). */
function isOsError(error: ResolverErrorInfo): boolean {
  return error.kind === 'gaierror' || error.kind === 'herror' || error.kind === 'OSError';
}

/** `socket.getfqdn(name='')`. */
export async function pyGetfqdn(client: HelperRequester, name = ''): Promise<Outcome<string>> {
  let lookup = fqdnLookupName(name);
  if (lookup === null) {
    const hostname = await pyGethostname(client);
    if (!hostname.ok) return hostname;
    lookup = hostname.value;
  }
  const answer = await pyGethostbyaddr(client, lookup);
  if (!answer.ok) return isOsError(answer.error) ? { ok: true, value: lookup } : answer;
  return { ok: true, value: fqdnFromHostent(answer.value[0], answer.value[1]) };
}

/** Python's sockaddr argument of getnameinfo: (host, port) or (host, port, flowinfo, scope_id). */
export interface PySockaddrArg {
  host: string;
  /** Python int (C int range is checked here). */
  port: bigint;
  flowinfo?: bigint;
  scopeId?: bigint;
}

const C_INT_MIN = -(2n ** 31n);
const C_INT_MAX = 2n ** 31n - 1n;

/** `socket.getnameinfo(sockaddr, flags)`: (host, port) as strings. */
export async function pyGetnameinfo(client: HelperRequester, sockaddr: PySockaddrArg, flags: NiFlagName[]): Promise<Outcome<[string, string]>> {
  if (sockaddr.host.includes('\0')) return fail('ValueError', 'embedded null character');
  if (sockaddr.port > C_INT_MAX) return fail('OverflowError', 'signed integer is greater than maximum');
  if (sockaddr.port < C_INT_MIN) return fail('OverflowError', 'signed integer is less than minimum');
  // The "I" format takes unsigned ints without an overflow check: Python keeps the low 32 bits.
  const flowinfo = Number(BigInt.asUintN(32, sockaddr.flowinfo ?? 0n));
  const scopeId = Number(BigInt.asUintN(32, sockaddr.scopeId ?? 0n));
  if (flowinfo > 0xfffff) return fail('OverflowError', 'getnameinfo(): flowinfo must be 0-1048575.');
  const resolved = await client.request('getaddrinfo', {
    host: sockaddr.host,
    port: sockaddr.port.toString(),
    family: 'AF_UNSPEC',
    socktype: 'SOCK_DGRAM',
    proto: 0,
    flags: ['AI_NUMERICHOST'],
  });
  if (!resolved.ok) return resolved;
  const rows = resolved.value.rows;
  if (rows.length > 1) return fail('OSError', 'sockaddr resolved to multiple addresses');
  const row = rows[0];
  if (!row) return fail('OSError', 'sockaddr resolved to no address');
  const fourTuple = sockaddr.flowinfo !== undefined || sockaddr.scopeId !== undefined;
  if (row.family === 'AF_INET' && fourTuple) return fail('OSError', 'IPv4 sockaddr must be 2 tuple');
  const v6 = row.family === 'AF_INET6';
  const outcome = await client.request('getnameinfo', {
    address: row.sockaddr[0],
    port: row.sockaddr[1],
    flags,
    ...(v6 ? { flowinfo, scopeId } : {}),
  });
  return outcome.ok ? { ok: true, value: [outcome.value.host, outcome.value.service] } : outcome;
}

/**
 * The display lookup of a host (hover, trees, Resolve Hostname, Resolve All, Copy as JSON): hostLookupRequest
 * through pyGetaddrinfoResult — except for names NetLens never sends to DNS (neverAskDns). `.invalid`, `.onion` and
 * `.alt` names are not looked up at all; a localhost name is looked up only when a source before `dns` answers it
 * (the hosts file, myhostname), which the helper tells without sending a query. Otherwise the answer is a NotAsked
 * error that says why: finding a name is not resolving it.
 */
export async function pyHostLookup(client: HelperRequester, host: string): Promise<Outcome<GetaddrinfoResult>> {
  const refusal = await whyNotResolve(client, host);
  return refusal === null ? pyGetaddrinfoResult(client, hostLookupRequest(host)) : notLookedUp(refusal);
}

/** The NotAsked error of a name NetLens does not resolve. */
export function notLookedUp<T>(reason: string): Outcome<T> {
  return { ok: false, error: { kind: 'NotAsked', errno: null, code: null, message: `not looked up: ${reason}` } };
}

/**
 * Why NetLens must not resolve `host` on its own (an SRV name, a name it never sends to DNS that no local source
 * answers), or null when it may. The one rule for every lookup of a host found in a file or typed by the user.
 */
export async function whyNotResolve(client: HelperRequester, host: string): Promise<string | null> {
  if (isSrvName(host)) return `${host} is an SRV name (RFC 2782): clients ask DNS for its SRV records, which getaddrinfo does not do, so NetLens did not look it up`;
  const special = neverAskDns(host);
  if (!special) return null;
  if (special.domain === 'localhost') {
    // `dns.query` for a never-ask name sends nothing: it reports nsswitch.conf and the hosts file's lines for it.
    const direct = await client.request('dns.query', { name: host, kind: 'name', servers: null, timeoutMs: 1000 });
    if (direct.ok && localSourceFor(special, host, direct.value.nsswitchHosts, direct.value.hostsFile.matches.length > 0)) return null;
  }
  return special.reason;
}

export interface DirectDnsOptions {
  /** DNS servers to ask instead of the system's (resolv.conf). */
  servers: string[] | null;
  /** c-ares timeout of each query (one try). */
  timeoutMs: number;
}

/**
 * The direct DNS view (explicit only: never called on its own): asks DNS with c-ares in the helper, asks the
 * system resolver the way Python would, and explains the differences.
 */
export async function directDnsLookup(client: HelperRequester, input: string, options: DirectDnsOptions): Promise<Outcome<DnsReport>> {
  const started = performance.now();
  const bare = input.replace(/^\[(.*)\]$/, '$1');
  const isAddress = net.isIP(bare) !== 0;
  let name = bare;
  let idn: DnsReport['idn'] = null;
  if (!isAddress) {
    const encoded = encodeHost(input);
    if (!encoded.ok) return encoded;
    name = encoded.value;
    const forms = compareIdnForms(input, domainToASCII);
    if (forms.international) idn = forms;
  }
  const systemCall = isAddress ? `gethostbyaddr(${JSON.stringify(bare)})` : hostLookupCall(input);
  const askSystem = (): Promise<SystemAnswer> => isAddress
    ? pyGethostbyaddr(client, bare).then((o) =>
        o.ok
          ? { call: systemCall, ok: true, canonname: o.value[0], addresses: o.value[2], names: [o.value[0], ...o.value[1]] }
          : { call: systemCall, ok: false, error: errorJson(o.error) }
      )
    : pyGetaddrinfo(client, hostLookupRequest(input)).then((o) => {
        if (!o.ok) return { call: systemCall, ok: false, error: errorJson(o.error) };
        const addresses = [...new Set(o.value.map((r) => r.sockaddr[0]))];
        return { call: systemCall, ok: true, canonname: o.value.find((r) => r.canonname)?.canonname ?? null, addresses, names: [] };
      });
  const askDns = () =>
    // The helper's own c-ares timeout ends every query; the IPC timeout only guards against a stuck helper.
    client.request('dns.query', { name, kind: isAddress ? 'address' : 'name', servers: options.servers, timeoutMs: options.timeoutMs }, options.timeoutMs * 3 + 2000);
  const special = isAddress ? null : neverAskDns(name);
  if (special) {
    // glibc has no rule for these names: unless a source before `dns` answers, getaddrinfo would send them to DNS.
    // The helper asks nothing for them and says what the hosts file and nsswitch.conf hold, so ask it first.
    const direct = await askDns();
    if (!direct.ok) return direct;
    const local = localSourceFor(special, name, direct.value.nsswitchHosts, direct.value.hostsFile.matches.length > 0);
    const systemAnswer: SystemAnswer = local
      ? await askSystem()
      : {
          call: systemCall,
          ok: false,
          error: {
            type: 'NotAsked',
            errno: null,
            message: `not asked: no source before dns (${hostsLine(direct.value.nsswitchHosts)}) answers ${name}, so the system resolver would send it to DNS`,
          },
        };
    return { ok: true, value: buildDnsReport(input, idn, direct.value, systemAnswer, performance.now() - started) };
  }
  const system = askSystem();
  const direct = await askDns();
  const systemAnswer = await system;
  if (!direct.ok) return direct;
  return { ok: true, value: buildDnsReport(input, idn, direct.value, systemAnswer, performance.now() - started) };
}

function hostsLine(sources: readonly string[] | null): string {
  // Not "nsswitch.conf": on musl, macOS and Windows these are the platform's own sources.
  return sources ? `hosts sources: ${sources.join(' ')}` : 'glibc rejects nsswitch.conf and asks no source';
}

