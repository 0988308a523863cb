import type { Outcome } from '../core/addrinfo';
import { CONNECT_LIMITS, type ConnectAttempt, type ConnectTestResult } from '../core/connectionTest';
import type { OrderSettings } from '../core/orderReport';
import { runtimeLandings } from '../core/runtimes/landing';
import { explainOrder } from './orderLookup';
import { hostArgument, notLookedUp, whyNotResolve, type HelperRequester } from './pythonSocket';

export interface ConnectionTestOptions {
  tls: boolean;
  /** Per-attempt timeout (netlens.connectTimeoutMs / --timeout-ms). */
  timeoutMs: number;
  /** The lookup's own timeout (netlens.lookupTimeoutMs): the helper resolves the host first. */
  lookupTimeoutMs: number;
  onProgress?: (attempt: ConnectAttempt) => void;
  signal?: AbortSignal;
  /** The runtimes to model (Node's version: the CLI's or the extension host's). */
  orderSettings: OrderSettings;
}

/**
 * Test Connection, extension-host/CLI side: the host as Python would pass it to getaddrinfo (IDNA 2003; an IPv6
 * literal without its brackets), never a name NetLens does not resolve, then the helper's `connect.test`.
 */
export async function testConnection(client: HelperRequester, hostInput: string, port: number, options: ConnectionTestOptions): Promise<Outcome<ConnectTestResult>> {
  const argument = hostArgument(hostInput);
  if (!argument.ok) return argument;
  const host = argument.value.name;
  if (!argument.value.numeric) {
    const refusal = await whyNotResolve(client, host);
    if (refusal !== null) return notLookedUp(refusal);
  }
  // The deadline restarts with every attempt reported, so a host with many addresses is not cut short; without any
  // report it covers the lookup, one round of attempts and the handshake.
  const idleMs = options.lookupTimeoutMs + 2 * options.timeoutMs + 2000;
  const tested = await client.request('connect.test', { host, port, timeoutMs: options.timeoutMs, concurrency: CONNECT_LIMITS.concurrency, tls: options.tls }, idleMs, {
    onProgress: options.onProgress,
    signal: options.signal,
  });
  if (!tested.ok) return tested;
  // Which address each runtime would have reached: its connect order (from the same rows) against what was measured.
  const call = `getaddrinfo(${JSON.stringify(host)}, ${port}, AF_UNSPEC, SOCK_STREAM)`;
  const order = await explainOrder(client, host, String(port), tested.value.rows, options.orderSettings, call);
  return { ok: true, value: { ...tested.value, runtimes: order.ok ? runtimeLandings(order.value.runtimes, tested.value.attempts) : null } };
}
