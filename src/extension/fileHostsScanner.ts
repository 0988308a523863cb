import * as vscode from 'vscode';
import { declinedSnapshot, emptySnapshot, scanDelayMs, scanHosts, scannedSnapshot, sizeInMB, type FileHost, type FileHostsSnapshot, type HostScan } from '../core/fileHostsIndex';
import { ScanScheduler } from '../core/scanScheduler';
import { looksBinary, scanOptions } from './hostsInDocument';
import { settings } from './settings';

/**
 * The hosts of the active editor's file, kept current for the Hosts in This File view: rescanned (debounced) as
 * you switch or edit while the view is visible, in time slices so a 10 MB file never freezes hovers or typing.
 * Files over netlens.fileHosts.maxFileSizeMB are not scanned unless forced (Resolve All), binary files never.
 * What is found and listed is decided in src/core/fileHostsIndex.ts; when to scan in src/core/scanScheduler.ts.
 */
export class FileHostsScanner implements vscode.Disposable {
  /** What the view shows, as `netlens.refreshFileHosts` returns it. */
  private current: FileHostsSnapshot = emptySnapshot();
  /** The hosts the tree lists: the first MAX_LISTED_HOSTS of the last scan, with their first occurrences. */
  private listedHosts: FileHost[] = [];
  /** The document those hosts are in (their Reveal target); undefined before a scan and after it closed. */
  private uri: vscode.Uri | undefined;
  /** Debounce, generations, stale-while-hidden. */
  private readonly scheduler: ScanScheduler;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];

  /** Fires when the snapshot (and with it the listed hosts) changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.scheduler = new ScanScheduler(
      (force) => this.scan(force),
      (err: unknown) => this.show(emptySnapshot(vscode.l10n.t('NetLens could not scan this file: {0}', err instanceof Error ? err.message : String(err))), [], undefined)
    );
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.scheduleRescan()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.toString() !== this.uri?.toString()) return;
        this.scheduler.supersede();
        this.show(emptySnapshot(), [], undefined);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.uri?.toString()) this.scheduleRescan();
      }),
      settings.onDidChange((affects) => {
        if (affects('fileHosts.maxFileSizeMB') || affects('privateSuffixes')) this.scheduleRescan();
      }),
    ];
  }

  /**
   * Scans for this view (there is one; it is made after its tree provider, which reads this scanner): only while
   * it is visible.
   */
  scanFor(view: vscode.TreeView<unknown>): vscode.Disposable {
    const visibility = view.onDidChangeVisibility((e) => this.scheduler.visibilityChanged(e.visible));
    this.scheduler.opened(view.visible, () => this.delayMs());
    return visibility;
  }

  get snapshot(): FileHostsSnapshot {
    return this.current;
  }

  get listed(): readonly FileHost[] {
    return this.listedHosts;
  }

  get documentUri(): vscode.Uri | undefined {
    return this.uri;
  }

  /**
   * Scans the active editor's file now and waits until the newest scan (perhaps a later one) has finished. `force`
   * scans a file over the size limit too (Resolve All).
   */
  refresh(force: boolean): Promise<void> {
    return this.scheduler.rescanAndSettle(force);
  }

  dispose(): void {
    this.scheduler.dispose();
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }

  private scheduleRescan(): void {
    this.scheduler.schedule(() => this.delayMs());
  }

  /** The debounce before a rescan: longer for a file whose rescan costs seconds. */
  private delayMs(): number {
    const doc = vscode.window.activeTextEditor?.document;
    return scanDelayMs(doc ? documentLength(doc) : 0);
  }

  private show(snapshot: FileHostsSnapshot, listed: FileHost[], uri: vscode.Uri | undefined): void {
    this.current = snapshot;
    this.listedHosts = listed;
    this.uri = uri;
    this.changed.fire();
  }

  private async scan(force: boolean): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    // Focus in a webview, the output panel or the tree itself leaves no active text editor: keep the last file.
    if (!editor) return;
    const superseded = this.scheduler.begin();
    const doc = editor.document;
    const sizeMB = sizeInMB(documentLength(doc));
    const limitMB = settings.fileHostsMaxFileSizeMB();
    if (looksBinary(doc)) {
      const message = vscode.l10n.t('This file looks binary (it contains NUL characters), so NetLens does not look for hosts in it.');
      this.show(declinedSnapshot(doc.uri.toString(), 'binary', sizeMB, message), [], doc.uri);
      return;
    }
    if (!force && sizeMB > limitMB) {
      const message = vscode.l10n.t(
        'This file is too large to scan automatically ({0} MB; the limit is {1} MB, setting netlens.fileHosts.maxFileSizeMB). Resolve All Hosts in File scans it anyway.',
        sizeMB.toFixed(1),
        limitMB
      );
      this.show(declinedSnapshot(doc.uri.toString(), 'tooLarge', sizeMB, message), [], doc.uri);
      return;
    }
    let result: HostScan | undefined;
    while (!(result = await scanDocument(doc, () => superseded() || doc.isClosed))) {
      // A newer scan took over, or the document changed under this one: then scan its new text.
      if (superseded() || doc.isClosed) return;
    }
    const { snapshot, listed } = scannedSnapshot(doc.uri.toString(), sizeMB, result, (shown, total) =>
      vscode.l10n.t('Showing the first {0} of {1} hosts in this file, in order of appearance.', shown, total)
    );
    this.show(snapshot, listed, doc.uri);
  }
}

/** One scan of a document's current text; undefined when `superseded()` or the document changed meanwhile. */
function scanDocument(doc: vscode.TextDocument, superseded: () => boolean): Promise<HostScan | undefined> {
  const version = doc.version;
  return scanHosts(doc, scanOptions(), () => superseded() || doc.version !== version);
}

/** Characters in the document, without copying its text. */
export function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(new vscode.Position(doc.lineCount, 0));
}
