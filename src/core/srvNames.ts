/**
 * SRV names (RFC 2782): `_ldap._tcp.corp.example.com` names a service, whose SRV records list the hosts and ports
 * that provide it; `mongodb+srv://cluster0.example.net` makes the driver ask for `_mongodb._tcp.cluster0.example.net`.
 * getaddrinfo never looks SRV records up, so its answer for such a name (usually NXDOMAIN) says nothing about
 * where a client connects: NetLens marks these names and does not show a getaddrinfo answer as theirs.
 */
import type { HostMatch } from './scanner';

/** The service and protocol labels RFC 2782 puts in front of a domain. */
const SRV_PREFIX = /^_[a-z0-9][a-z0-9-]*\._(?:tcp|udp|tls|sctp)\./i;

/** Whether a name is an SRV owner name (`_service._proto.domain`). */
export function isSrvName(host: string): boolean {
  return SRV_PREFIX.test(host);
}

/** The SRV query a match stands for: the name itself, or `_<scheme>._tcp.<host>` for a `<scheme>+srv://` URL; else null. */
export function srvQueryFor(match: HostMatch): string | null {
  if (match.kind === 'url' && match.scheme.endsWith('+srv')) return `_${match.scheme.slice(0, -'+srv'.length)}._tcp.${match.host}`;
  if (match.kind === 'hostname' && isSrvName(match.host)) return match.host;
  return null;
}
