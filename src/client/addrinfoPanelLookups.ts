/**
 * What the getaddrinfo panel (src/extension/addrinfoPanel.ts) asks the helper and what it tells its webview, without
 * vscode, so that it is unit-tested in plain Node: the default request, the check of every message the webview
 * sends, the form a restored panel starts from, and one lookup as the panel shows it ('resolving', 'result', then
 * 'details'). The panel class only owns the webview and posts what this module builds.
 */
import { asGetaddrinfoRequest, distinctAddresses, type AddrinfoRow, type GetaddrinfoRequest, type Outcome } from '../core/addrinfo';
import { environmentSummary } from '../core/environmentView';
import { isTrace, sourceStatusText } from '../core/explainReport';
import { parseIpAddress } from '../core/ipAddress';
import { tablesSummary, type OrderSettings } from '../core/orderReport';
import { formatAsPythonException } from '../core/resolverError';
import { searchTraceSummary } from '../core/searchTrace';
import type { ConnectTarget, FromWebviewMessage, PanelExplainReport, PanelOrderReport, ReverseName, ToWebviewMessage } from '../webview/messages';
import { testConnection } from './connectionTest';
import { explainHost } from './explainHost';
import { explainOrder } from './orderLookup';
import { directDnsLookup, encodeHost, pyArgsFromRequest, pyGethostbyaddr, pyGetaddrinfoResult, type DirectDnsOptions } from './pythonSocket';
import type { ResolverClient } from './resolverClient';

export type ResultMessage = Extract<ToWebviewMessage, { type: 'result' }>;
export type DetailsMessage = Extract<ToWebviewMessage, { type: 'details' }>;

/** Python's default call for a host: every row, as `socket.getaddrinfo(host, None)` returns them, plus the canonical name. */
export function defaultRequest(host: string | null): GetaddrinfoRequest {
  return { host, port: null, family: 'AF_UNSPEC', socktype: 'SOCK_UNSPEC', proto: 0, flags: ['AI_CANONNAME'] };
}

/** The webview is less trusted than the extension: every message's shape is checked before anything acts on it. */
export function parseWebviewMessage(raw: unknown): FromWebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'copy' && typeof m.text === 'string') return { type: 'copy', text: m.text };
  if (m.type === 'cancelConnect') return { type: 'cancelConnect' };
  if (m.type === 'connect') {
    const t = m.target as Record<string, unknown> | null;
    if (typeof t !== 'object' || t === null || typeof t.host !== 'string' || t.host.trim() === '' || typeof t.tls !== 'boolean') return undefined;
    if (!Number.isInteger(t.port) || (t.port as number) < 1 || (t.port as number) > 65535) return undefined;
    return { type: 'connect', target: { host: t.host.trim(), port: t.port as number, tls: t.tls } };
  }
  const request = m.type === 'resolve' ? asGetaddrinfoRequest(m.request) : undefined;
  if (!request) return undefined;
  const seq = Number.isSafeInteger(m.seq) ? (m.seq as number) : undefined;
  return { type: 'resolve', request, seq };
}

/**
 * The form a panel restored after a reload starts from: the `form` of what its webview saved (PanelSavedState), or
 * the bare request NetLens 0.1.0 saved; anything else gives the empty form. Only the form is checked here: the
 * extension acts on nothing else in the saved state (the webview checks the rest itself).
 */
export function restoredForm(saved: unknown): GetaddrinfoRequest {
  const form = typeof saved === 'object' && saved !== null && 'form' in saved ? saved.form : saved;
  return asGetaddrinfoRequest(form) ?? defaultRequest(null);
}

/** What a panel lookup needs: the helper (lookups and its socket constants) and the settings of its details. */
export interface AddrinfoPanelDeps {
  client: Pick<ResolverClient, 'request' | 'ping'>;
  dnsOptions: () => DirectDnsOptions;
  /**
   * "Why this answer" and "Address order": the lookup timeout (bounds each source and the trace), where the editor
   * runs (vscode.env.remoteName, null when local: this module does not import vscode) and the runtimes to model.
   */
  explainOptions: () => { timeoutMs: number; remoteName: string | null; orderSettings: OrderSettings };
  /** Test Connection's per-address timeout and the lookup timeout (settings, read at each test). */
  connectOptions: () => { timeoutMs: number; lookupTimeoutMs: number; orderSettings: OrderSettings };
}

export type ConnectionMessage = Extract<ToWebviewMessage, { type: 'connection' }>;

/** One lookup's messages: the result (what the table shows) and, later, its details (null after a failure). */
export interface PanelLookup {
  result: ResultMessage;
  /** Never rejects. */
  details: Promise<DetailsMessage | null>;
}

/**
 * The panel's lookups, shared by every panel of the window. The socket constants (their platform values, shown in
 * the Python form of each row) are asked of the helper once, with the first lookup, not with every lookup.
 */
export class AddrinfoPanelLookups {
  /** The helper's answer with the constants, asked once; forgotten when it failed, so that the next lookup asks again. */
  private constants: Promise<Record<string, number> | undefined> | undefined;

  constructor(private readonly deps: AddrinfoPanelDeps) {}

  /**
   * One lookup as the panel shows it: 'resolving', then 'result', then (for a success) 'details' with the reverse
   * names and the direct DNS view, which may take longer than the lookup. `seq` is the webview's number for its
   * request, echoed so that it can drop answers it no longer waits for (absent for lookups the extension starts).
   * `post` may fail (the user closed the panel meanwhile): the result is still returned, and no details are asked.
   */
  async lookUp(request: GetaddrinfoRequest, seq: number | undefined, post: (message: ToWebviewMessage) => Promise<unknown>): Promise<PanelLookup> {
    const shown = (message: ToWebviewMessage): Promise<boolean> => post(message).then(() => true, () => false);
    await shown({ type: 'resolving', request, seq });
    const result = await this.result(request, seq);
    if (!(await shown(result))) return { result, details: Promise.resolve(null) };
    const details = this.details(result).then(
      async (message) => {
        if (message) await shown(message);
        return message;
      },
      () => null
    );
    return { result, details };
  }

  /**
   * The table's message: the helper's whole getaddrinfo answer, through the same Python semantics as the hover and
   * the CLI (IDNA 2003 first), so the panel asks what they ask. The client answers every request (a crashed helper
   * is restarted and the request retried, or it is an error).
   */
  async result(request: GetaddrinfoRequest, seq?: number): Promise<ResultMessage> {
    const [outcome, constants] = await Promise.all([pyGetaddrinfoResult(this.deps.client, pyArgsFromRequest(request)), this.socketConstants()]);
    return { type: 'result', request, outcome, constants, seq };
  }

  /**
   * A successful result's details, asked side by side: the reverse name of each address; for a host name, the direct
   * DNS view and "Why this answer" (every nsswitch.conf source and the search trace: both ask DNS, as the user asked
   * the panel to); for a host name or an address, "Address order" of the result's own rows. None gets neither.
   */
  async details(result: ResultMessage): Promise<DetailsMessage | null> {
    if (!result.outcome.ok) return null;
    const { client } = this.deps;
    const { request } = result;
    const rows = result.outcome.value.rows;
    const name = request.host !== null && !parseIpAddress(request.host) ? request.host : null;
    const [reverse, dns, explain, order] = await Promise.all([
      Promise.all(
        distinctAddresses(rows).map(async (a): Promise<[string, ReverseName]> => {
          const r = await pyGethostbyaddr(client, a);
          return [a, r.ok ? { ok: true, name: r.value[0] } : { ok: false, error: formatAsPythonException(r.error) }];
        })
      ),
      name !== null ? directDnsLookup(client, name, this.deps.dnsOptions()) : Promise.resolve(null),
      name !== null ? this.explain(name, rows) : Promise.resolve(null),
      request.host !== null ? this.order(request, request.host, rows) : Promise.resolve(null),
    ]);
    return { type: 'details', request, reverse: Object.fromEntries(reverse), dns, explain, order, seq: result.seq };
  }

  /**
   * "Why this answer" for a name the panel resolved: its own rows are the system's answer (no second lookup), the
   * helper's `explain` adds the environment, every source and the trace. The lines core words from the report are
   * worded here, where @vscode/l10n has the editor's bundle: the webview draws them as given.
   */
  private async explain(name: string, rows: AddrinfoRow[]): Promise<Outcome<PanelExplainReport>> {
    const { timeoutMs, remoteName } = this.deps.explainOptions();
    const outcome = await explainHost(this.deps.client, name, { timeoutMs, remoteName, network: true, system: { ok: true, value: rows } });
    if (!outcome.ok) return outcome;
    const r = outcome.value;
    const shown = { environment: environmentSummary(r.environment), statuses: r.nss.sources.map(sourceStatusText), trace: isTrace(r.search) ? searchTraceSummary(r.search) : null };
    return { ok: true, value: { ...r, shown } };
  }

  /** "Address order" of the result's rows as they are (one `order.sources` round trip), with the extension host's runtimes. */
  private async order(request: GetaddrinfoRequest, host: string, rows: AddrinfoRow[]): Promise<Outcome<PanelOrderReport>> {
    // As getaddrinfo got it (IDNA 2003), which is what the Go model's per-name choice reads; an address as it is.
    const encoded = parseIpAddress(host) ? null : encodeHost(host);
    const port = request.port === null ? null : String(request.port);
    const outcome = await explainOrder(this.deps.client, encoded?.ok ? encoded.value : host, port, rows, this.deps.explainOptions().orderSettings, requestCall(request));
    if (!outcome.ok) return outcome;
    return { ok: true, value: { ...outcome.value, shown: { tables: tablesSummary(outcome.value) } } };
  }

  /**
   * Test Connection as the panel shows it: 'connecting', one 'attempt' per address as it ends, then 'connection'.
   * Posting may fail (the panel closed): the test still ends, and its answer is returned.
   */
  async connect(target: ConnectTarget, signal: AbortSignal, post: (message: ToWebviewMessage) => Promise<unknown>): Promise<ConnectionMessage> {
    const shown = (message: ToWebviewMessage): void => void post(message).then(undefined, () => undefined);
    shown({ type: 'connecting', target });
    const outcome = await testConnection(this.deps.client, target.host, target.port, {
      tls: target.tls,
      ...this.deps.connectOptions(),
      signal,
      onProgress: (attempt) => shown({ type: 'attempt', target, attempt }),
    });
    const message: ConnectionMessage = { type: 'connection', target, outcome };
    shown(message);
    return message;
  }

  /** The platform values of the socket constants; {} while the helper cannot say (the rows then show `?`). */
  private async socketConstants(): Promise<Record<string, number>> {
    const asked = (this.constants ??= this.deps.client.ping().then((p) => (p.ok ? p.value.constants : undefined)));
    const constants = await asked;
    if (constants) return constants;
    if (this.constants === asked) this.constants = undefined;
    return {};
  }
}

/** The panel's call as the order report names it: `getaddrinfo("db", "https", AF_INET, SOCK_STREAM, 0, AI_CANONNAME)`. */
export function requestCall(r: GetaddrinfoRequest): string {
  const arg = (v: string | number | null): string => (v === null ? 'None' : typeof v === 'number' ? String(v) : JSON.stringify(v));
  return `getaddrinfo(${arg(r.host)}, ${arg(r.port)}, ${r.family}, ${r.socktype === 'SOCK_UNSPEC' ? '0' : r.socktype}, ${r.proto}, ${r.flags.join(' | ') || '0'})`;
}
