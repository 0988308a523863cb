/**
 * Which port a URL connects to, the way Python code usually works it out:
 *
 *     u = urllib.parse.urlparse(url); port = u.port or socket.getservbyname(u.scheme)
 *
 * An explicit port wins; otherwise the scheme is looked up in the services database (any protocol, first match,
 * exactly as getservbyname(scheme) does); only if the database has no such service does NetLens fall back to its
 * table of well-known scheme defaults (postgres 5432, redis 6379, ...). The URL is split with Python 3.11's
 * urlsplit rules, including its ValueErrors, so a URL Python refuses is refused here with the same words.
 */
import { parseIpAddress, notAnIpAddress } from './ipAddress';
import { pyStr } from './pythonRepr';
import type { UrlMatch } from './scanner';
import { ResolverFailure } from './resolverError';
import { defaultServicesDatabase, type ServicesDatabase } from './servicesDb';
import { SCHEME_DEFAULT_PORTS } from './wellKnownPorts';

export type PortSource = 'explicit' | 'service' | 'default';

export interface UrlPortAnswer {
  scheme: string;
  /** urlparse(...).hostname: lowercased, brackets removed, zone kept as written; '' when the URL has none. */
  host: string;
  port: number | null;
  portSource: PortSource | null;
  /** The services-database name the port came from (portSource 'service'), else null. */
  service: string | null;
  /** Which database or table answered (for 'service' and unanswered lookups: the services database consulted). */
  source: string;
}

export const EXPLICIT_PORT_SOURCE = 'explicit port in the URL';
export const SCHEME_DEFAULTS_SOURCE = 'NetLens well-known scheme defaults';

function valueError(message: string): ResolverFailure {
  return new ResolverFailure({ kind: 'ValueError', errno: null, code: null, message });
}

/** The parts of Python's urlsplit that decide the port: scheme, hostname and the port text. */
export interface SplitUrl {
  scheme: string;
  netloc: string;
  hostname: string | null;
  /** The text after the host's colon, or null (Python's None: absent or empty). */
  portText: string | null;
}

const SCHEME_CHARS = /^[A-Za-z0-9+\-.]+$/;
// Python strips C0 controls and space from the start only ("some applications rely on preserving trailing space").
// eslint-disable-next-line no-control-regex
const LEADING_C0_OR_SPACE = /^[\u0000-\u0020]+/;

/** urllib.parse.urlsplit (Python 3.11.7) as far as the netloc; throws Python's ValueError where it does. */
export function splitUrl(url: string): SplitUrl {
  let rest = url.replace(LEADING_C0_OR_SPACE, '').replace(/[\t\r\n]/g, '');
  let scheme = '';
  const colon = rest.indexOf(':');
  if (colon > 0 && /^[A-Za-z]/.test(rest) && SCHEME_CHARS.test(rest.slice(0, colon))) {
    scheme = rest.slice(0, colon).toLowerCase();
    rest = rest.slice(colon + 1);
  }
  let netloc = '';
  if (rest.startsWith('//')) {
    let end = rest.length;
    for (const c of '/?#') {
      const at = rest.indexOf(c, 2);
      if (at >= 0) end = Math.min(end, at);
    }
    netloc = rest.slice(2, end);
    const open = netloc.includes('[');
    const close = netloc.includes(']');
    if (open !== close) throw valueError('Invalid IPv6 URL');
    if (open && close) checkBracketedHost(netloc.slice(netloc.indexOf('[') + 1).split(']')[0]);
    checkNetloc(netloc);
  }
  const hostinfo = netloc.slice(netloc.lastIndexOf('@') + 1);
  let hostname: string;
  let port: string;
  const bracket = hostinfo.indexOf('[');
  if (bracket !== -1) {
    const bracketed = hostinfo.slice(bracket + 1);
    const close = bracketed.indexOf(']');
    hostname = close === -1 ? bracketed : bracketed.slice(0, close);
    const after = close === -1 ? '' : bracketed.slice(close + 1);
    const c = after.indexOf(':');
    port = c === -1 ? '' : after.slice(c + 1);
  } else {
    const c = hostinfo.indexOf(':');
    hostname = c === -1 ? hostinfo : hostinfo.slice(0, c);
    port = c === -1 ? '' : hostinfo.slice(c + 1);
  }
  // Python lowercases the host but not an IPv6 zone ("%eth0").
  const percent = hostname.indexOf('%');
  const lowered = percent === -1 ? hostname.toLowerCase() : hostname.slice(0, percent).toLowerCase() + hostname.slice(percent);
  return { scheme, netloc, hostname: hostname === '' ? null : lowered, portText: port === '' ? null : port };
}

/** Python 3.11.4+ _check_bracketed_host: an IPv6 address or an IPvFuture literal, never an IPv4 address. */
function checkBracketedHost(host: string): void {
  if (host.startsWith('v')) {
    if (!/^v[a-fA-F0-9]+\..+$/s.test(host)) throw valueError('IPvFuture address is invalid');
    return;
  }
  const ip = parseIpAddress(host);
  if (!ip) throw notAnIpAddress(host);
  if (ip.version === 4) throw valueError('An IPv4 address cannot be in brackets');
}

/** Python's _checknetloc: a non-ASCII netloc must not turn into URL syntax under NFKC (CVE-2019-9636). */
function checkNetloc(netloc: string): void {
  if (/^[\u0000-\u007f]*$/.test(netloc)) return; // eslint-disable-line no-control-regex
  const n = netloc.replace(/[@:#?]/g, '');
  const normalized = n.normalize('NFKC');
  if (n === normalized) return;
  for (const c of '/?#@:') {
    // Python builds this message with "netloc '" + netloc + "'", not repr(): no escaping, always single quotes.
    if (normalized.includes(c)) throw valueError(`netloc '${netloc}' contains invalid characters under NFKC normalization`);
  }
}

/** SplitResult.port: ASCII digits only, 0-65535, with Python's ValueError texts. */
export function parseExplicitPort(text: string): number {
  if (!/^[0-9]+$/.test(text)) throw valueError(`Port could not be cast to integer value as ${pyStr(text)}`);
  const port = Number(text);
  if (port > 65535) throw valueError('Port out of range 0-65535');
  return port;
}

/**
 * The port for a scheme and an optional explicit port text (as written after the colon; '' or null for none).
 * Throws Python's ValueError for an explicit port Python would refuse.
 */
export function schemePort(
  scheme: string,
  explicitPort: string | null,
  db: ServicesDatabase = defaultServicesDatabase()
): { port: number | null; portSource: PortSource | null; service: string | null } {
  if (explicitPort !== null && explicitPort !== '') return { port: parseExplicitPort(explicitPort), portSource: 'explicit', service: null };
  const key = scheme.toLowerCase();
  const entry = key === '' ? null : db.byName(key);
  if (entry) return { port: entry.port, portSource: 'service', service: entry.name };
  const fallback = Object.prototype.hasOwnProperty.call(SCHEME_DEFAULT_PORTS, key) ? SCHEME_DEFAULT_PORTS[key] : undefined;
  if (fallback !== undefined) return { port: fallback, portSource: 'default', service: null };
  return { port: null, portSource: null, service: null };
}

/**
 * Why a URL means this port, as the hover and the port hint say it: "imaps in /etc/services", "explicit in the URL",
 * "well-known default: the services database has no redis". One wording, so the two never disagree.
 */
export function portReason(port: { portSource: PortSource | null; service: string | null }, scheme: string, db: ServicesDatabase = defaultServicesDatabase()): string {
  if (port.portSource === 'explicit') return 'explicit in the URL';
  if (port.portSource === 'service') return `${port.service ?? scheme} in ${db.source}`;
  return `well-known default: the services database has no ${scheme}`;
}

/** The port a URL match in a document means (explicit, from the services database, or a well-known default); null if invalid. */
export function urlMatchPort(match: UrlMatch, db: ServicesDatabase = defaultServicesDatabase()): ReturnType<typeof schemePort> | null {
  try {
    return schemePort(match.portScheme, match.explicitPort, db);
  } catch {
    return null; // an explicit port Python would reject (out of range): no hint rather than a wrong one
  }
}

/** The port a URL connects to, and where that number came from. Throws Python's ValueError for URLs it refuses. */
export function urlPort(url: string, db: ServicesDatabase = defaultServicesDatabase()): UrlPortAnswer {
  const split = splitUrl(url);
  const answer = schemePort(split.scheme, split.portText, db);
  const source = answer.portSource === 'explicit' ? EXPLICIT_PORT_SOURCE : answer.portSource === 'default' ? SCHEME_DEFAULTS_SOURCE : db.source;
  return { scheme: split.scheme, host: split.hostname ?? '', ...answer, source };
}
