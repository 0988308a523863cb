// Test Connection, helper side: getaddrinfo(host, port, AF_UNSPEC, SOCK_STREAM) through the same backend as every
// lookup, then a TCP connect to each address it returned (a few at a time, each bounded by its own timeout), and,
// when asked, a TLS handshake with the first address that connected. Nothing is written on any connection: the
// TCP sockets are closed as soon as they connect, the TLS socket as soon as the handshake ends.
import * as fs from 'fs';
import * as net from 'net';
import * as tls from 'tls';
import type { AddrinfoRow } from '../core/addrinfo';
import { connectResultFor, type ConnectAttempt, type ConnectTestParams, type ConnectTestResult, type TlsInfo } from '../core/connectionTest';
import { cancelledError as cancelledInfo, ResolverFailure } from '../core/resolverError';
import type { ResolverBackend } from './resolverBackend';

export interface ConnectTestContext {
  backend: ResolverBackend;
  signal: AbortSignal;
  progress: (attempt: ConnectAttempt) => void;
}

export function cancelledError(): ResolverFailure {
  return new ResolverFailure(cancelledInfo());
}

export async function connectTest(params: ConnectTestParams, ctx: ConnectTestContext): Promise<ConnectTestResult> {
  const answer = await ctx.backend.getaddrinfo({ host: params.host, port: params.port, family: 'AF_UNSPEC', socktype: 'SOCK_STREAM', proto: 0, flags: [] });
  if (ctx.signal.aborted) throw cancelledError();
  const targets = uniqueTargets(answer.rows);
  const attempts: ConnectAttempt[] = new Array<ConnectAttempt>(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length && !ctx.signal.aborted) {
      const index = next++;
      const attempt = await connectOnce(targets[index], params.port, params.timeoutMs, ctx.signal);
      if (ctx.signal.aborted) return;
      attempts[index] = attempt;
      ctx.progress(attempt);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(params.concurrency, targets.length)) }, worker));
  if (ctx.signal.aborted) throw cancelledError();
  let tlsInfo: TlsInfo | null = null;
  let tlsError: string | null = null;
  if (params.tls) {
    const first = attempts.find((a) => a.result === 'connected');
    if (!first) tlsError = 'no address accepted the TCP connection';
    else {
      try {
        tlsInfo = await handshake(params.host, first, params.timeoutMs, ctx.signal);
      } catch (err) {
        if (ctx.signal.aborted) throw cancelledError();
        tlsError = handshakeErrorText(err);
      }
    }
  }
  return { host: params.host, port: params.port, attempts, tls: tlsInfo, tlsError, rows: answer.rows };
}

interface Target {
  address: string;
  family: 'AF_INET' | 'AF_INET6';
}

/** One target per distinct address, in getaddrinfo's order; a scoped IPv6 address carries its interface name. */
function uniqueTargets(rows: readonly AddrinfoRow[]): Target[] {
  const seen = new Set<string>();
  const out: Target[] = [];
  for (const row of rows) {
    if (row.family !== 'AF_INET' && row.family !== 'AF_INET6') continue;
    const scope = row.sockaddr.length === 4 ? row.sockaddr[3] : 0;
    const address = scope > 0 ? `${row.sockaddr[0]}%${interfaceName(scope)}` : row.sockaddr[0];
    if (seen.has(address)) continue;
    seen.add(address);
    out.push({ address, family: row.family });
  }
  return out;
}

/** libuv takes an IPv6 zone as an interface name (if_nametoindex), not a number. */
function interfaceName(index: number): string {
  try {
    for (const name of fs.readdirSync('/sys/class/net')) {
      if (fs.readFileSync(`/sys/class/net/${name}/ifindex`, 'utf8').trim() === String(index)) return name;
    }
  } catch {
    // not Linux, or no sysfs: the number is the best we have
  }
  return String(index);
}

function connectOnce(target: Target, port: number, timeoutMs: number, signal: AbortSignal): Promise<ConnectAttempt> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ host: target.address, port, family: target.family === 'AF_INET' ? 4 : 6 });
    let done = false;
    const finish = (code: string | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({ address: target.address, family: target.family, port, result: connectResultFor(code), errno: code, ms: performance.now() - started });
    };
    const onAbort = (): void => finish('ECANCELED');
    const timer = setTimeout(() => finish('ETIMEDOUT'), timeoutMs);
    signal.addEventListener('abort', onAbort);
    socket.once('connect', () => finish(null));
    socket.once('error', (err: NodeJS.ErrnoException) => finish(err.code ?? 'EIO'));
  });
}

function handshake(host: string, attempt: ConnectAttempt, timeoutMs: number, signal: AbortSignal): Promise<TlsInfo> {
  return new Promise((resolve, reject) => {
    const bare = attempt.address.replace(/%.*$/, '');
    // SNI carries names only (RFC 6066 §3); for an address the certificate must hold it as an IP SAN.
    const servername = net.isIP(host) ? undefined : host;
    const socket = tls.connect({ host: attempt.address, port: attempt.port, servername, rejectUnauthorized: false });
    const timer = setTimeout(() => fail(new Error(`no TLS handshake within ${timeoutMs} ms`)), timeoutMs);
    const onAbort = (): void => fail(new Error('cancelled'));
    signal.addEventListener('abort', onAbort);
    function cleanup(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
    }
    function fail(err: Error): void {
      cleanup();
      reject(err);
    }
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const identity = tls.checkServerIdentity(servername ?? bare, cert);
      const info: TlsInfo = {
        address: attempt.address,
        protocol: socket.getProtocol(),
        subject: distinguishedName(cert.subject),
        san: cert.subjectaltname ? cert.subjectaltname.split(', ') : [],
        issuer: distinguishedName(cert.issuer),
        validFrom: cert.valid_from,
        validTo: cert.valid_to,
        nameMatches: identity === undefined,
        nameError: identity ? identity.message : null,
        chainTrusted: socket.authorized,
        chainError: socket.authorized ? null : String(socket.authorizationError),
        trustStore: trustStore(),
      };
      cleanup();
      resolve(info);
    });
  });
}

/** OpenSSL's errors carry a reason and a code; their message is a raw error-queue line. */
function handshakeErrorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as Error & { reason?: unknown; code?: unknown };
  if (typeof e.reason === 'string') return typeof e.code === 'string' ? `${e.reason} (${e.code})` : e.reason;
  return typeof e.code === 'string' && !e.message.includes(e.code) ? `${e.message} (${e.code})` : e.message;
}

function distinguishedName(dn: tls.PeerCertificate['subject'] | undefined): string {
  if (!dn) return '';
  return Object.entries(dn)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

/** Node verifies against its bundled Mozilla roots unless told to use OpenSSL's store; extra roots add to either. */
function trustStore(): string {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  const base = /--use-openssl-ca\b/.test(flags) ? "OpenSSL's system store" : /--use-system-ca\b/.test(flags) ? "the operating system's store" : "Node's bundled Mozilla CA store";
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  return extra ? `${base} + NODE_EXTRA_CA_CERTS (${extra})` : base;
}
