import * as crypto from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { settings } from './settings';
import { HistoryFile } from '../core/historyFile';
import { isEntry, type HistoryEntry } from '../core/historyLog';
import { lookupKey, type HostLookup } from '../core/lookupView';
import type { ConnectTestResult } from '../core/connectionTest';

export type { HistoryEntry } from '../core/historyLog';

/** Where NetLens 0.1.0 kept the list (workspaceState); read once to move it into the log, then emptied. */
const LEGACY_STATE_KEY = 'netlens.history';

/**
 * Lookups the resolver answered, newest first, one entry per host, per workspace (names from one project never
 * show up in another), bounded by netlens.history.size.
 *
 * Kept in an append-only log (src/core/historyFile.ts) rather than in workspaceState: a Memento is cached per
 * extension host, so two windows on one workspace would not see each other's lookups and the last one to write
 * would drop the other's. With the log, every window appends its own records, watches the file and shows the
 * other window's lookups, removals and clears as they happen.
 *
 * The log lives in the global storage folder, one file per workspace (named by a hash of the workspace's
 * folders), not in context.storageUri: VS Code locks a workspace's storage folder for the first extension host
 * and gives a second window on the same workspace another one (`<id>-1`), so the two would never meet there.
 * Without a folder or a workspace file the history lives in workspaceState, as before.
 */
export class LookupHistory implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly file: HistoryFile | undefined;
  private readonly watcher: { close(): void } | undefined;
  /** Settles once the log has been read (and the old list moved into it); every change waits for it. */
  readonly ready: Promise<void>;

  constructor(
    private readonly state: vscode.Memento,
    globalStorageUri?: vscode.Uri,
    private readonly log?: vscode.LogOutputChannel
  ) {
    const file = globalStorageUri?.scheme === 'file' ? historyFileFor(globalStorageUri.fsPath) : undefined;
    if (file) {
      this.file = new HistoryFile({ file, limit: historySize, log: (line) => this.log?.warn(line) });
      this.watcher = this.file.watch(() => this.changed.fire());
      this.ready = this.start(this.file);
    } else {
      this.ready = Promise.resolve();
    }
  }

  entries(): HistoryEntry[] {
    if (this.file) return this.file.entries();
    const stored = this.state.get<unknown>(LEGACY_STATE_KEY);
    return Array.isArray(stored) ? stored.filter(isEntry).slice(0, historySize()) : [];
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
    await this.change({ op: 'put', entry }, (list) => [entry, ...list.filter((e) => lookupKey(e.host) !== lookupKey(entry.host))]);
  }

  /**
   * A Test Connection's attempts, kept with the host's entry: its last lookup's canonical name and backend stay, its
   * addresses become the ones just tried (getaddrinfo answered them a moment ago).
   */
  async recordConnection(result: ConnectTestResult, tls: boolean): Promise<void> {
    const previous = this.entries().find((e) => lookupKey(e.host) === lookupKey(result.host));
    const at = Date.now();
    const entry: HistoryEntry = {
      host: result.host,
      at,
      ok: true,
      addresses: [...new Set(result.attempts.map((a) => a.address))],
      canonicalName: previous?.canonicalName ?? null,
      error: null,
      backend: previous?.backend ?? null,
      connection: { port: result.port, tls, at, attempts: result.attempts.map((a) => ({ address: a.address, result: a.result, errno: a.errno, ms: Math.round(a.ms) })) },
    };
    await this.change({ op: 'put', entry }, (list) => [entry, ...list.filter((e) => lookupKey(e.host) !== lookupKey(entry.host))]);
  }

  /** Removes the host's entry in every window (a tombstone in the log). */
  async remove(host: string): Promise<void> {
    await this.change({ op: 'remove', host, at: Date.now() }, (list) => list.filter((e) => lookupKey(e.host) !== lookupKey(host)));
  }

  async clear(): Promise<void> {
    await this.change({ op: 'clear', at: Date.now() }, () => []);
  }

  dispose(): void {
    this.watcher?.close();
    void this.file?.close().catch(() => undefined);
    this.changed.dispose();
  }

  private async start(file: HistoryFile): Promise<void> {
    try {
      await this.migrate(file);
      await file.refresh();
    } catch (err) {
      this.log?.error(`Lookup History: could not read ${file.file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.changed.fire();
  }

  /** Moves the list NetLens 0.1.0 kept in workspaceState into the log (see HistoryFile.importList), then drops it. */
  private async migrate(file: HistoryFile): Promise<void> {
    const stored = this.state.get<unknown>(LEGACY_STATE_KEY);
    if (stored === undefined) return;
    const moved = await file.importList(stored);
    if (moved > 0) this.log?.info(`Lookup History: moved ${moved} entries from workspace state to ${file.file}`);
    await this.state.update(LEGACY_STATE_KEY, undefined);
  }

  private async change(record: Parameters<HistoryFile['append']>[0], inMemento: (list: HistoryEntry[]) => HistoryEntry[]): Promise<void> {
    try {
      if (this.file) {
        await this.ready;
        await this.file.append(record);
      } else {
        await this.state.update(LEGACY_STATE_KEY, inMemento(this.entries()).slice(0, historySize()));
      }
    } catch (err) {
      // A history that cannot be saved must not break the lookup that produced it: say so in the log.
      this.log?.error(`Lookup History: could not save: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.changed.fire();
  }
}

/**
 * The workspace's log: <global storage>/history/<hash of the workspace file or folder URIs>.jsonl, the same path in
 * every window on this workspace and a different one for any other. Undefined without a workspace.
 */
function historyFileFor(globalStorage: string): string | undefined {
  const identity = vscode.workspace.workspaceFile?.toString() ?? vscode.workspace.workspaceFolders?.map((f) => f.uri.toString()).join('\n');
  if (!identity) return undefined;
  const name = crypto.createHash('sha256').update(identity).digest('hex').slice(0, 32);
  return path.join(globalStorage, 'history', `${name}.jsonl`);
}

function historySize(): number {
  return settings.historySize();
}
