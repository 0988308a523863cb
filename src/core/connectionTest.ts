import type { AddrinfoRow } from './addrinfo';
import type { RuntimeLanding, RuntimeName } from './runtimes/landing';

/**
 * Test Connection (issue 16): a TCP connect to each address of a host's getaddrinfo answer, run by the helper on
 * the machine where lookups run, never on its own. The shapes here are the IPC params/results, the progress the
 * helper reports after each attempt, and the documented JSON of `netlens connect`.
 */

/** How one connect attempt ended. `unreachable` is EHOSTUNREACH/ENETUNREACH; `error` is everything else. */
export const CONNECT_RESULTS = ['connected', 'refused', 'timeout', 'unreachable', 'error'] as const;
export type ConnectResult = (typeof CONNECT_RESULTS)[number];

export interface ConnectAttempt {
  /** The address as getaddrinfo gave it (IPv6 with its %zone when scoped). */
  address: string;
  family: 'AF_INET' | 'AF_INET6';
  port: number;
  result: ConnectResult;
  /** errno name of a failure (ECONNREFUSED, ETIMEDOUT, EHOSTUNREACH, …); null when connected. */
  errno: string | null;
  /** Milliseconds from the connect call to its outcome. */
  ms: number;
}

export interface ConnectTestParams {
  /** The host as typed (IDNA 2003 encoded by the client); a numeric address is used as is. */
  host: string;
  port: number;
  /** Per-attempt timeout. */
  timeoutMs: number;
  /** Attempts running at the same time. */
  concurrency: number;
  /** Do a TLS handshake after each TCP connect (no application data is sent). */
  tls: boolean;
}

/** The certificate the server presented, and whether it would pass Node's own checks for the name. */
export interface TlsInfo {
  /** The address whose handshake this is (the first address that connected). */
  address: string;
  /** Protocol negotiated (TLSv1.3, …). */
  protocol: string | null;
  subject: string;
  san: string[];
  issuer: string;
  validFrom: string;
  validTo: string;
  /** tls.checkServerIdentity(host, cert) found no error: the certificate is for this name. */
  nameMatches: boolean;
  /** Why checkServerIdentity refused, in its own words. */
  nameError: string | null;
  /** The chain verified against the trust store Node used (see trustStore). */
  chainTrusted: boolean;
  /** OpenSSL's verification error code when the chain is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT, …). */
  chainError: string | null;
  /** Which roots Node verified against: its bundled Mozilla store, OpenSSL's system store, plus NODE_EXTRA_CA_CERTS. */
  trustStore: string;
}

export interface ConnectTestResult {
  host: string;
  port: number;
  /** The attempts in getaddrinfo order (the order programs try them in). */
  attempts: ConnectAttempt[];
  /** The handshake with the first address that connected, when TLS was asked and one did. */
  tls: TlsInfo | null;
  /** Why TLS is null although it was asked (no address connected, the handshake failed). */
  tlsError: string | null;
  /** The getaddrinfo(host, port, AF_UNSPEC, SOCK_STREAM) rows the attempts came from (for the runtimes' orders). */
  rows: AddrinfoRow[];
  /** Where each runtime would have connected (filled in by the client from the order model); null when unknown. */
  runtimes?: Record<RuntimeName, RuntimeLanding> | null;
}

/** Attempts running at the same time (the per-attempt timeout is the setting netlens.connectTimeoutMs). */
export const CONNECT_LIMITS = { concurrency: 4, maxConcurrency: 16 } as const;

/** The result word for a Node/libuv errno name. */
export function connectResultFor(code: string | null): ConnectResult {
  if (code === null) return 'connected';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ETIMEDOUT') return 'timeout';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'unreachable';
  return 'error';
}

/** `netlens connect --json`'s attempt: the documented keys, in order. */
export function attemptJson(a: ConnectAttempt): { address: string; port: number; result: ConnectResult; errno: string | null; ms: number } {
  return { address: a.address, port: a.port, result: a.result, errno: a.errno, ms: Math.round(a.ms) };
}

/** `netlens connect --json`'s tls object, or null. */
export function tlsJson(t: TlsInfo | null): { subject: string; san: string[]; issuer: string; validFrom: string; validTo: string; nameMatches: boolean; chainTrusted: boolean; chainError: string | null; trustStore: string } | null {
  if (!t) return null;
  return { subject: t.subject, san: t.san, issuer: t.issuer, validFrom: t.validFrom, validTo: t.validTo, nameMatches: t.nameMatches, chainTrusted: t.chainTrusted, chainError: t.chainError, trustStore: t.trustStore };
}

/** A port as typed: 1–65535 (a connect to port 0 is not a test of anything). */
export function parseConnectPort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : null;
}
