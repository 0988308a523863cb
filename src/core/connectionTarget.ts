/**
 * What Test Connection connects to, from a URL, `host:port`, `[v6]:port` or a bare host: the host, the port when
 * the text says it (explicitly or through its URL scheme), and whether the scheme means TLS from the first byte.
 * TLS is never guessed from a port number: 443 can be plain HTTP and 8443 anything.
 */
import { hostFromToken } from './hostAtPosition';
import { urlPort } from './urlPort';

export interface ConnectionTarget {
  host: string;
  /** null: the text does not say; the caller asks. */
  port: number | null;
  tls: boolean;
  /** The URL scheme, when the text was a URL. */
  scheme: string | null;
}

/**
 * Schemes whose connections start with a TLS handshake (implicit TLS), each from its specification: https (RFC 9110
 * §4.2.2), wss (RFC 6455 §3), imaps/pop3s/submissions (RFC 8314 §3.3), ldaps (RFC 4513 §3's companion, port 636),
 * ftps (RFC 4217 §13, implicit mode), nntps (RFC 4642's port 563), ircs (RFC 7194), sips (RFC 3261 §19.1),
 * coaps is DTLS (UDP) and is left out; amqps (AMQP 1.0 §5.2), mqtts (MQTT 5.0 §4.2), rediss (Redis clients' TLS
 * scheme), smtps (port 465, RFC 8314 §3.3's implicit TLS submission), grpcs (gRPC's TLS target form), xmpps
 * (XEP-0368 direct TLS).
 */
export const TLS_SCHEMES: ReadonlySet<string> = new Set(['https', 'wss', 'imaps', 'pop3s', 'submissions', 'smtps', 'ldaps', 'ftps', 'nntps', 'ircs', 'sips', 'amqps', 'mqtts', 'rediss', 'grpcs', 'xmpps']);

export function connectionTarget(text: string): ConnectionTarget | null {
  const trimmed = text.trim();
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(trimmed)) {
    try {
      const answer = urlPort(trimmed);
      if (!answer.host) return null;
      return { host: answer.host, port: answer.port, tls: TLS_SCHEMES.has(answer.scheme), scheme: answer.scheme };
    } catch {
      return null; // a URL Python refuses (a port out of range): nothing to connect to
    }
  }
  const host = hostFromToken(trimmed);
  if (host === null) return null;
  // host:port or [v6]:port (hostFromToken has taken the host; what follows its last ':' after the host is the port).
  const rest = trimmed.replace(/^.*@/, '').replace(/\/.*$/, '');
  const portMatch = /^(?:\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(rest);
  const port = portMatch ? Number(portMatch[1]) : null;
  return { host, port: port !== null && port >= 1 && port <= 65535 ? port : null, tls: false, scheme: null };
}
