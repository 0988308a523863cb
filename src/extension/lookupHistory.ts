import * as vscode from 'vscode';
import type { HostLookup } from './hostLookups';

/** What the history keeps of a lookup: enough to show it again after a reload, nothing more. */
export interface HistoryEntry {
  host: string;
  at: number;
  ok: boolean;
  addresses: string[];
  canonicalName: string | null;
  error: string | null;
  backend: string | null;
}

const STATE_KEY = 'netlens.history';

/**
 * Lookups the resolver answered, newest first, one entry per host, kept in the workspace's state (names from
 * one project never show up in another) and bounded by netlens.history.size. Every change re-reads the stored
 * list before writing, so a second window on the same workspace does not overwrite the first one's entries.
 */
export class LookupHistory implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  entries(): HistoryEntry[] {
    const stored = this.state.get<unknown>(STATE_KEY);
    return Array.isArray(stored) ? stored.filter(isEntry) : [];
  }

  async record(lookup: HostLookup): Promise<void> {
    const entry: HistoryEntry = {
      host: lookup.host,
      at: lookup.resolvedAt,
      ok: lookup.ok,
      addresses: lookup.addresses,
      canonicalName: lookup.canonicalName,
      error: lookup.error ? `${lookup.error.text}${lookup.error.code ? ` (${lookup.error.code})` : ''}` : null,
      backend: lookup.backend,
    };
    await this.update((list) => [entry, ...list.filter((e) => e.host.toLowerCase() !== entry.host.toLowerCase())]);
  }

  async remove(host: string): Promise<void> {
    await this.update((list) => list.filter((e) => e.host !== host));
  }

  async clear(): Promise<void> {
    await this.update(() => []);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async update(change: (list: HistoryEntry[]) => HistoryEntry[]): Promise<void> {
    const size = Math.max(1, Math.min(1000, vscode.workspace.getConfiguration('netlens').get<number>('history.size', 50)));
    await this.state.update(STATE_KEY, change(this.entries()).slice(0, size));
    this.changed.fire();
  }
}

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.host === 'string' && typeof v.at === 'number' && typeof v.ok === 'boolean' && Array.isArray(v.addresses);
}
