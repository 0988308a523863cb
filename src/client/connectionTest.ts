import * as net from 'net';
import type { Outcome } from '../core/addrinfo';
import { CONNECT_LIMITS, type ConnectAttempt, type ConnectTestResult } from '../core/connectionTest';
import { encodeHost, notLookedUp, whyNotResolve, type HelperRequester } from './pythonSocket';

export interface ConnectionTestOptions {
  tls: boolean;
  /** Per-attempt timeout (netlens.connectTimeoutMs / --timeout-ms). */
  timeoutMs: number;
  /** The lookup's own timeout (netlens.lookupTimeoutMs): the helper resolves the host first. */
  lookupTimeoutMs: number;
  onProgress?: (attempt: ConnectAttempt) => void;
  signal?: AbortSignal;
}

/**
 * Test Connection, extension-host/CLI side: the host as Python would pass it to getaddrinfo (IDNA 2003; an IPv6
 * literal without its brackets), never a name NetLens does not resolve, then the helper's `connect.test`.
 */
export async function testConnection(client: HelperRequester, hostInput: string, port: number, options: ConnectionTestOptions): Promise<Outcome<ConnectTestResult>> {
  const bare = hostInput.trim().replace(/^\[(.*)\]$/, '$1');
  let host = bare;
  if (net.isIP(bare.replace(/%.*$/, '')) === 0) {
    const encoded = encodeHost(bare);
    if (!encoded.ok) return encoded;
    host = encoded.value;
    const refusal = await whyNotResolve(client, host);
    if (refusal !== null) return notLookedUp(refusal);
  }
  // The deadline restarts with every attempt reported, so a host with many addresses is not cut short; without any
  // report it covers the lookup, one round of attempts and the handshake.
  const idleMs = options.lookupTimeoutMs + 2 * options.timeoutMs + 2000;
  return client.request('connect.test', { host, port, timeoutMs: options.timeoutMs, concurrency: CONNECT_LIMITS.concurrency, tls: options.tls }, idleMs, {
    onProgress: options.onProgress,
    signal: options.signal,
  });
}
