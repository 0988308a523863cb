import type { AddrinfoRow, Outcome } from '../core/addrinfo';
import type { ExplainReport, ExplainResult } from '../core/explainReport';
import { hostArgument, pyHostLookup, type HelperRequester } from './pythonSocket';

export interface ExplainOptions {
  /** The lookup timeout: bounds each source and the trace in the helper. */
  timeoutMs: number;
  /** vscode.env.remoteName; null in the CLI. */
  remoteName: string | null;
  /** false for the hover: only sources that send nothing, no search trace (see ExplainRequest.network). */
  network: boolean;
  /** The display lookup's answer when the caller has it (the editor's cache): then explain costs one round trip. */
  system?: Outcome<AddrinfoRow[]>;
}

/**
 * Why getaddrinfo answered what it answered for `input` (a name or an address, as typed): the helper's `explain`
 * (environment, every source, the trace) beside the display lookup's own answer, which follows the one rule for
 * names NetLens does not resolve (pyHostLookup).
 */
export async function explainHost(client: HelperRequester, input: string, options: ExplainOptions): Promise<Outcome<ExplainReport>> {
  const query = input.trim();
  const host = hostArgument(query);
  if (!host.ok) return host;
  const { name } = host.value;
  const system: Promise<Outcome<AddrinfoRow[]>> = options.system
    ? Promise.resolve(options.system)
    : pyHostLookup(client, query).then((o) => (o.ok ? { ok: true, value: o.value.rows } : o));
  // Sources and the trace run side by side in the helper, each bounded by timeoutMs; the margin covers the rest.
  const explained = client.request('explain', { name, family: 'AF_UNSPEC', timeoutMs: options.timeoutMs, remoteName: options.remoteName, network: options.network }, options.timeoutMs * 2 + 2000);
  const [result, answer]: [Outcome<ExplainResult>, Outcome<AddrinfoRow[]>] = await Promise.all([explained, system]);
  if (!result.ok) return result;
  return { ok: true, value: { query, name, ...result.value, system: answer } };
}
