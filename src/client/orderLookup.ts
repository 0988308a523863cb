/**
 * `netlens order` (and any view of it): the system resolver's answer for a host, as a program connecting over TCP
 * asks for it (getaddrinfo(host, port, AF_UNSPEC, SOCK_STREAM): one row per address, in glibc's order), then the
 * helper's facts about that answer, explained by core/orderReport.ts.
 */
import type { AddrinfoRow, Outcome } from '../core/addrinfo';
import { buildOrderReport, orderDestinations, type OrderReport, type OrderSettings } from '../core/orderReport';
import { pyGetaddrinfoResult, type HelperRequester } from './pythonSocket';

/** Port for the source-address sockets when none is given (any port: connecting a UDP socket sends nothing). */
const DISCARD_PORT = 9;

/**
 * Explains rows already obtained in the resolver's order (the hover's SOCK_STREAM lookup has the same order), so a
 * view that has an answer needs only the helper's `order.sources` round trip, not a second lookup.
 */
export async function explainOrder(client: HelperRequester, host: string, port: string | null, rows: readonly AddrinfoRow[], settings: OrderSettings, call: string): Promise<Outcome<OrderReport>> {
  const seen = new Set<string>();
  const distinct = rows.filter((r) => (r.family === 'AF_INET' || r.family === 'AF_INET6') && !seen.has(r.sockaddr[0]) && seen.add(r.sockaddr[0]));
  const destinations = orderDestinations(
    distinct.map((r) => ({ address: r.sockaddr[0], family: r.family as 'AF_INET' | 'AF_INET6', scopeId: r.sockaddr.length === 4 ? r.sockaddr[3] : 0 }))
  );
  const sockPort = distinct[0]?.sockaddr[1] || DISCARD_PORT;
  const facts = await client.request('order.sources', { destinations, port: sockPort });
  if (!facts.ok) return facts;
  return { ok: true, value: buildOrderReport({ host, port, call, answer: destinations, facts: facts.value, settings }) };
}

/** getaddrinfo(host, port, AF_UNSPEC, SOCK_STREAM) with Python's argument rules, then explainOrder. */
export async function lookupOrder(client: HelperRequester, host: string, port: string | null, settings: OrderSettings): Promise<Outcome<OrderReport>> {
  const numeric = port !== null && /^\d+$/.test(port) ? BigInt(port) : null;
  const answer = await pyGetaddrinfoResult(client, { host, port: numeric ?? port, family: 'AF_UNSPEC', socktype: 'SOCK_STREAM', proto: 0, flags: [] });
  if (!answer.ok) return answer;
  const call = `getaddrinfo(${JSON.stringify(host)}, ${port === null ? 'None' : numeric !== null ? port : JSON.stringify(port)}, AF_UNSPEC, SOCK_STREAM)`;
  return explainOrder(client, host, port, answer.value.rows, settings, call);
}
