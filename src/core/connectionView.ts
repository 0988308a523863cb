/**
 * Test Connection in words, for every view that shows one (the Lookup History, notifications): one sentence for the
 * whole test and one row per attempt. Renderers render these; they do not word results themselves.
 */
import * as l10n from '@vscode/l10n';
import type { ConnectResult } from './connectionTest';
import type { HistoryConnection } from './historyLog';

type ConnectionFacts = Pick<HistoryConnection, 'port' | 'tls' | 'attempts'>;

/** "connected to 127.0.0.1 port 8080 (after ::1 refused)" or "no address accepted port 8080 (2 refused)". */
export function connectionSummary(c: ConnectionFacts): string {
  const first = c.attempts.find((a) => a.result === 'connected');
  if (first) {
    const before = c.attempts.slice(0, c.attempts.indexOf(first)).map((a) => l10n.t('{0} {1}', a.address, resultWord(a.result)));
    return before.length === 0 ? l10n.t('connected to {0} port {1}', first.address, c.port) : l10n.t('connected to {0} port {1} (after {2})', first.address, c.port, before.join(', '));
  }
  if (c.attempts.length === 0) return l10n.t('no address to connect to on port {0}', c.port);
  const counts = new Map<ConnectResult, number>();
  for (const a of c.attempts) counts.set(a.result, (counts.get(a.result) ?? 0) + 1);
  const why = [...counts].map(([result, n]) => l10n.t('{0} {1}', n, resultWord(result))).join(', ');
  return l10n.t('no address accepted port {0} ({1})', c.port, why);
}

export interface ConnectionDetailRow {
  label: string;
  description: string;
  connected: boolean;
}

/** One row per attempt: "127.0.0.1 port 8080" — "connected · 4 ms" / "refused (ECONNREFUSED) · 3 ms". */
export function connectionDetailRows(c: ConnectionFacts): ConnectionDetailRow[] {
  return c.attempts.map((a) => ({
    label: l10n.t('{0} port {1}', a.address, c.port),
    description: a.errno && a.result !== 'connected' ? l10n.t('{0} ({1}) · {2} ms', resultWord(a.result), a.errno, Math.round(a.ms)) : l10n.t('{0} · {1} ms', resultWord(a.result), Math.round(a.ms)),
    connected: a.result === 'connected',
  }));
}

export function resultWord(result: ConnectResult): string {
  switch (result) {
    case 'connected':
      return l10n.t('connected');
    case 'refused':
      return l10n.t('refused');
    case 'timeout':
      return l10n.t('timed out');
    case 'unreachable':
      return l10n.t('unreachable');
    case 'error':
      return l10n.t('failed');
  }
}
