import * as vscode from 'vscode';
import { addressCountText, detailNode } from './lookupText';
import { lookupDetailRows } from '../core/lookupView';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import { settings } from './settings';
import { resolveAll } from '../client/bulkResolver';
import { lineWindows, scanWindows } from '../core/hostAtPosition';
import { idna2003ToAscii } from '../core/idna2003';
import { scanLine, type HostMatch } from '../core/scanner';
import type { HostLookups } from '../client/hostLookups';
import type { HostLookup } from '../core/lookupView';
import { looksBinary, matchRange, scanOptions } from './hostsInDocument';
import { TimeSlices } from './timeSlices';

/** One distinct host of the active file: where it first occurs and how often. */
interface FileHost {
  host: string;
  first: HostMatch;
  count: number;
}

type FileHostNode = { kind: 'host'; item: FileHost } | { kind: 'detail'; label: string; description?: string; icon: string; command?: vscode.Command };

/** What the view shows, as `netlens.refreshFileHosts` returns it (and the tests read it). */
export interface FileHostsSnapshot {
  uri: string | null;
  /** `tooLarge`: over netlens.fileHosts.maxFileSizeMB, not scanned automatically; `binary`: NULs in it, not scanned. */
  status: 'none' | 'scanned' | 'tooLarge' | 'binary';
  /** The document's size in MB of UTF-16 text (what the limit compares). */
  sizeMB: number;
  /** Distinct hosts found; at most MAX_LISTED_HOSTS of them are listed. */
  total: number;
  /** `ace`: the ASCII form NetLens sends for a non-ASCII name (what makes a look-alike visible), else null. */
  hosts: { host: string; ace: string | null; occurrences: number; line: number }[];
  /** The note above the tree ("first N of M", "too large"), or null. */
  message: string | null;
  /** Wall-clock time of the last scan, and the longest time it held the extension host without yielding. */
  scanMs: number | null;
  longestSliceMs: number | null;
}

const SCAN_DEBOUNCE_MS = 300;
/** A rescan of a file over a million characters costs seconds of CPU: wait for a real pause in typing. */
const LARGE_FILE_CHARS = 1_000_000;
const LARGE_SCAN_DEBOUNCE_MS = 1500;
/** How long the scan may hold the extension host before it yields to hovers, commands and typing (ms). */
const SLICE_MS = 15;
/** A tree of more rows than this is not something anyone reads; it says "first N of M" instead. */
export const MAX_LISTED_HOSTS = 1000;
const MB = 1024 * 1024;

/**
 * The "Hosts in This File" view: every host the scanner finds in the active editor, refreshed (debounced) as
 * you switch or edit while the view is visible. The scan yields to the extension host every few milliseconds,
 * so a 10 MB file never freezes hovers or typing; files over netlens.fileHosts.maxFileSizeMB are not scanned
 * on their own. Expanding a host resolves it (an explicit act); clicking it reveals its first occurrence.
 * Also `NetLens: Resolve All Hosts in File`, which fills the view's answers with bounded concurrency.
 */
export function registerFileHostsTree(commands: CommandRegistry, lookups: HostLookups): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  let snapshot = emptySnapshot();
  let listed: FileHost[] = [];
  let documentUri: vscode.Uri | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** Each scan's number: a scan that is no longer the latest stops at its next yield. */
  let generation = 0;
  let latest: Promise<void> = Promise.resolve();
  /** The active editor changed while the view was hidden: scan when it is shown. */
  let stale = true;

  const provider: vscode.TreeDataProvider<FileHostNode> = {
    onDidChangeTreeData: changed.event,
    async getChildren(node) {
      if (!node) return listed.map((item): FileHostNode => ({ kind: 'host', item }));
      if (node.kind !== 'host') return [];
      if (!vscode.workspace.isTrusted) {
        return [{ kind: 'detail', label: vscode.l10n.t('Not resolved: this workspace is not trusted'), icon: 'shield', command: { title: vscode.l10n.t('Resolve'), command: Commands.resolveHostname, arguments: [node.item.host] } }];
      }
      return lookupDetails(await lookups.resolve(node.item.host));
    },
    getTreeItem(node) {
      if (node.kind === 'detail') {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.command = node.command;
        return item;
      }
      const { host, first, count } = node.item;
      const known = lookups.cached(host);
      const item = new vscode.TreeItem(host, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `file-host:${host}`;
      // `саnonical.netlens.test` (Cyrillic а) looks like a name of yours: the ACE form shows it is not.
      const ace = aceForm(host);
      if (ace) item.tooltip = vscode.l10n.t('{0} is sent as {1}', host, ace);
      item.description = `${ace ? `${ace} · ` : ''}${count}× · line ${first.line + 1}${known ? ` · ${known.ok ? addressCountText(known.addresses.length) : (known.error?.text ?? 'failed')}` : ''}`;
      item.iconPath = new vscode.ThemeIcon(known ? (known.ok ? 'pass' : 'error') : first.kind === 'url' ? 'link' : 'globe');
      item.contextValue = 'netlens.fileHost';
      if (documentUri) {
        item.command = { title: vscode.l10n.t('Reveal'), command: 'vscode.open', arguments: [documentUri, { selection: matchRange(first) }] };
      }
      return item;
    },
  };
  const view = vscode.window.createTreeView('netlens.fileHosts', { treeDataProvider: provider });

  const show = (next: FileHostsSnapshot, hosts: FileHost[], uri: vscode.Uri | undefined): void => {
    snapshot = next;
    listed = hosts;
    documentUri = uri;
    view.message = next.message ?? undefined;
    changed.fire();
  };

  const scan = async (force: boolean): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    // Focus in a webview, the output panel or the tree itself leaves no active text editor: keep the last file.
    if (!editor) return;
    stale = false;
    const gen = ++generation;
    const doc = editor.document;
    const chars = documentLength(doc);
    const sizeMB = chars / MB;
    const limitMB = maxFileSizeMB();
    if (looksBinary(doc)) {
      const message = vscode.l10n.t('This file looks binary (it contains NUL characters), so NetLens does not look for hosts in it.');
      show({ ...emptySnapshot(), uri: doc.uri.toString(), status: 'binary', sizeMB, message }, [], doc.uri);
      return;
    }
    if (!force && sizeMB > limitMB) {
      const message = vscode.l10n.t(
        'This file is too large to scan automatically ({0} MB; the limit is {1} MB, setting netlens.fileHosts.maxFileSizeMB). Resolve All Hosts in File scans it anyway.',
        sizeMB.toFixed(1),
        limitMB
      );
      show({ ...emptySnapshot(), uri: doc.uri.toString(), status: 'tooLarge', sizeMB, message }, [], doc.uri);
      return;
    }
    let result: ScanResult | undefined;
    while (!(result = await scanDocument(doc, () => gen !== generation || doc.isClosed))) {
      // A newer scan took over, or the document changed under this one: then scan its new text.
      if (gen !== generation || doc.isClosed) return;
    }
    const hosts = result.hosts.slice(0, MAX_LISTED_HOSTS);
    const message =
      result.hosts.length > hosts.length ? vscode.l10n.t('Showing the first {0} of {1} hosts in this file, in order of appearance.', hosts.length, result.hosts.length) : null;
    show(
      {
        uri: doc.uri.toString(),
        status: 'scanned',
        sizeMB,
        total: result.hosts.length,
        hosts: hosts.map((h) => ({ host: h.host, ace: aceForm(h.host), occurrences: h.count, line: h.first.line })),
        message,
        scanMs: result.elapsedMs,
        longestSliceMs: result.longestSliceMs,
      },
      hosts,
      doc.uri
    );
  };
  const rescan = (force = false): Promise<void> =>
    (latest = scan(force).catch((err: unknown) => {
      // A scanner bug must not leave a rejected promise behind a timer: say it in the view instead.
      const message = vscode.l10n.t('NetLens could not scan this file: {0}', err instanceof Error ? err.message : String(err));
      show({ ...emptySnapshot(), message }, [], undefined);
    }));
  /** Starts a scan now and waits until the newest scan (perhaps a later one) has finished. */
  const rescanAndSettle = async (force: boolean): Promise<void> => {
    void rescan(force);
    let current: Promise<void>;
    do {
      current = latest;
      await current;
    } while (current !== latest);
  };
  const scheduleRescan = (): void => {
    clearTimeout(timer);
    // Nobody sees the view: scanning now would only cost CPU. It scans when it is shown.
    if (!view.visible) {
      stale = true;
      return;
    }
    const doc = vscode.window.activeTextEditor?.document;
    const delay = doc && documentLength(doc) > LARGE_FILE_CHARS ? LARGE_SCAN_DEBOUNCE_MS : SCAN_DEBOUNCE_MS;
    timer = setTimeout(() => void rescan(), delay);
  };

  const resolveAllInFile = async (): Promise<Map<string, HostLookup> | undefined> => {
    await rescanAndSettle(true);
    const names = listed.map((h) => h.host);
    if (names.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('NetLens: no hostnames, IPs or URLs found in this file.'));
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      const resolveAnyway = vscode.l10n.t('Resolve Anyway');
      const go = await vscode.window.showWarningMessage(
        vscode.l10n.t('This workspace is not trusted. Resolving sends {0} names from this file to your DNS servers.', names.length),
        { modal: true },
        resolveAnyway
      );
      if (go !== resolveAnyway) return undefined;
    }
    const concurrency = settings.bulkConcurrency();
    // Only the listed hosts: a generated file with 100,000 names is not a reason to send 100,000 queries.
    const title =
      snapshot.total > names.length
        ? vscode.l10n.t('NetLens: resolving the first {0} of {1} hosts', names.length, snapshot.total)
        : vscode.l10n.t('NetLens: resolving {0} hosts', names.length);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        return await resolveAll(names, (host) => lookups.resolve(host, { record: false }), {
          concurrency,
          signal: controller.signal,
          onResult: (_host, _result, done, total) => {
            progress.report({ increment: 100 / total, message: vscode.l10n.t('{0} of {1}', done, total) });
            changed.fire();
          },
        });
      } finally {
        cancel.dispose();
      }
    });
  };

  if (view.visible) scheduleRescan();
  return vscode.Disposable.from(
    changed,
    view,
    view.onDidChangeVisibility((e) => {
      if (e.visible && stale) void rescan();
    }),
    vscode.window.onDidChangeActiveTextEditor(scheduleRescan),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.toString() !== documentUri?.toString()) return;
      generation++;
      show(emptySnapshot(), [], undefined);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === documentUri?.toString()) scheduleRescan();
    }),
    settings.onDidChange((affects) => {
      if (affects('fileHosts.maxFileSizeMB') || affects('privateSuffixes')) scheduleRescan();
    }),
    commands.register(Commands.resolveAllInFile, resolveAllInFile),
    commands.register(Commands.refreshFileHosts, async (): Promise<FileHostsSnapshot> => {
      await rescanAndSettle(false);
      return snapshot;
    }),
    new vscode.Disposable(() => {
      clearTimeout(timer);
      generation++;
    })
  );
}

function emptySnapshot(): FileHostsSnapshot {
  return { uri: null, status: 'none', sizeMB: 0, total: 0, hosts: [], message: null, scanMs: null, longestSliceMs: null };
}

/** The IDNA 2003 ASCII form (what Python and NetLens send) of a non-ASCII name; null for ASCII or an invalid name. */
function aceForm(host: string): string | null {
  if (![...host].some((c) => c.charCodeAt(0) > 0x7f)) return null;
  try {
    return idna2003ToAscii(host);
  } catch {
    return null; // the hover and the lookup say why it is invalid
  }
}

/** Characters in the document, without copying its text. */
function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(new vscode.Position(doc.lineCount, 0));
}

function maxFileSizeMB(): number {
  return settings.fileHostsMaxFileSizeMB();
}

interface ScanResult {
  hosts: FileHost[];
  elapsedMs: number;
  longestSliceMs: number;
}

/**
 * Every host of a document, line by line and (for long lines) window by window, yielding to the event loop
 * every SLICE_MS. Undefined when `superseded()` says a newer scan took over or the document changed meanwhile.
 */
async function scanDocument(doc: vscode.TextDocument, superseded: () => boolean): Promise<ScanResult | undefined> {
  const options = scanOptions();
  const version = doc.version;
  const byHost = new Map<string, FileHost>();
  const started = performance.now();
  const slices = new TimeSlices(SLICE_MS);
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    for (const window of lineWindows(text)) {
      for (const m of scanWindows(text, [window], (t) => scanLine(t, line, options))) {
        const key = m.host.toLowerCase();
        const entry = byHost.get(key);
        if (entry) entry.count++;
        else byHost.set(key, { host: m.host, first: m, count: 1 });
      }
      if ((await slices.yieldIfDue()) && (superseded() || doc.version !== version)) return undefined;
    }
  }
  return { hosts: [...byHost.values()], elapsedMs: performance.now() - started, longestSliceMs: slices.longestSliceMs() };
}

function lookupDetails(lookup: HostLookup): FileHostNode[] {
  if (!lookup.ok) return [{ kind: 'detail', label: lookup.error?.text ?? 'failed', description: lookup.error?.code ?? undefined, icon: 'error' }];
  return lookupDetailRows(lookup.host, lookup.canonicalName, lookup.addresses).map(detailNode);
}
