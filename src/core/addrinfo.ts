import type { ResolverErrorInfo } from './resolverError';
import { AI_FLAGS, FAMILIES, SOCKTYPES, type AiFlagName, type FamilyName, type NiFlagName, type SocktypeName } from './socketConstants';

/** Which implementation answered: users can see it, because the fallback knows less. */
export type BackendName = 'native' | 'dns.lookup';

/** Arguments of Python's `socket.getaddrinfo(host, port, family, type, proto, flags)`. */
export interface GetaddrinfoRequest {
  /** null is Python's None (with AI_PASSIVE: the wildcard address; without: loopback). */
  host: string | null;
  /** A port number, a service name, or null (None). */
  port: string | number | null;
  family: FamilyName;
  socktype: SocktypeName;
  proto: number;
  flags: AiFlagName[];
}

/** Python's sockaddr tuple: (address, port) for IPv4, (address, port, flowinfo, scope_id) for IPv6. */
export type Sockaddr = [address: string, port: number] | [address: string, port: number, flowinfo: number, scopeId: number];

export interface AddrinfoRow {
  family: FamilyName;
  /** null where the backend cannot know it (the dns.lookup fallback returns no socktype rows). */
  socktype: SocktypeName | null;
  proto: number | null;
  /** '' when the resolver reported none; null where the backend cannot know it. */
  canonname: string | null;
  sockaddr: Sockaddr;
}

export interface GetaddrinfoResult {
  backend: BackendName;
  rows: AddrinfoRow[];
  /** Fields the backend could not know, named for the user (empty for the native backend). */
  unavailable: string[];
  /** Wall time of the resolver call inside the helper, in milliseconds. */
  elapsedMs: number;
}

/**
 * Why `value` is not a GetaddrinfoRequest (the first problem found), or null when it is one. The one check for
 * requests that come from less trusted places: the helper's IPC, the panel's webview messages, a saved panel form.
 */
export function getaddrinfoRequestProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'the request must be an object';
  const r = value as Record<string, unknown>;
  if (r.host !== null && typeof r.host !== 'string') return 'host must be a string or None';
  if (r.port !== null && typeof r.port !== 'string' && !Number.isSafeInteger(r.port)) return 'Int or String expected';
  if (!FAMILIES.includes(r.family as FamilyName)) return `unknown family ${String(r.family)}`;
  if (!SOCKTYPES.includes(r.socktype as SocktypeName)) return `unknown socket type ${String(r.socktype)}`;
  if (!Number.isInteger(r.proto)) return 'proto must be an integer';
  if (!Array.isArray(r.flags) || !r.flags.every((f) => AI_FLAGS.includes(f as AiFlagName))) return 'unknown AI_ flag';
  return null;
}

/** A checked GetaddrinfoRequest holding only its own fields (nothing else a message carried), or undefined. */
export function asGetaddrinfoRequest(value: unknown): GetaddrinfoRequest | undefined {
  if (getaddrinfoRequestProblem(value) !== null) return undefined;
  const r = value as GetaddrinfoRequest;
  return { host: r.host, port: r.port, family: r.family, socktype: r.socktype, proto: r.proto, flags: [...r.flags] };
}

export interface GetnameinfoRequest {
  address: string;
  port: number;
  flags: NiFlagName[];
  /** sin6_flowinfo / sin6_scope_id of an IPv6 sockaddr (Python's 4-tuple); a `%scope` in `address` is used when absent. */
  flowinfo?: number;
  scopeId?: number;
}

export interface GetnameinfoResult {
  backend: BackendName;
  host: string;
  service: string;
  elapsedMs: number;
}

/** Either a value or Python's exception, as it travels over IPC and out of the CLI. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ResolverErrorInfo };

/** The first row of each address, in the resolver's order (the rows repeat each address per socktype). */
export function distinctAddressRows(rows: readonly AddrinfoRow[]): AddrinfoRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.sockaddr[0]) && seen.add(row.sockaddr[0]));
}

/** Distinct addresses of a result, in the resolver's order. */
export function distinctAddresses(rows: readonly AddrinfoRow[]): string[] {
  return distinctAddressRows(rows).map((row) => row.sockaddr[0]);
}

/** The canonical name glibc reports (first row only, with AI_CANONNAME), or null. */
export function canonicalName(rows: readonly AddrinfoRow[]): string | null {
  const first = rows.find((r) => r.canonname);
  return first?.canonname ?? null;
}

/** Python's row as JSON: [family, type, proto, canonname, sockaddr]; null where the backend cannot know. */
export function addrinfoRowJson(row: AddrinfoRow): unknown[] {
  // SocketKind has no member for 0: Python shows the plain int.
  return [row.family, row.socktype === 'SOCK_UNSPEC' ? 0 : row.socktype, row.proto, row.canonname, row.sockaddr];
}

/**
 * The call behind every lookup NetLens shows for a host (hover, trees, Resolve Hostname, Copy as JSON, the direct-
 * DNS comparison): getaddrinfo(host, None, AF_UNSPEC, SOCK_STREAM, 0, AI_CANONNAME) — one row per address, and the
 * canonical name.
 */
export function hostLookupRequest(host: string): GetaddrinfoRequest & { port: null } {
  return { host, port: null, family: 'AF_UNSPEC', socktype: 'SOCK_STREAM', proto: 0, flags: ['AI_CANONNAME'] };
}

/** hostLookupRequest as Python code, for reports and copied JSON. */
export function hostLookupCall(host: string): string {
  return `getaddrinfo(${JSON.stringify(host)}, None, AF_UNSPEC, SOCK_STREAM, 0, AI_CANONNAME)`;
}
