import * as vscode from 'vscode';
import { resolveAll } from '../client/bulkResolver';
import { scanText, type HostMatch } from '../core/scanner';
import type { HostLookup, HostLookups } from './hostLookups';
import { matchRange, scanOptions } from './hostsInDocument';

/** One distinct host of the active file, with every place it occurs. */
interface FileHost {
  host: string;
  occurrences: HostMatch[];
}

type FileHostNode = { kind: 'host'; item: FileHost } | { kind: 'detail'; label: string; description?: string; icon: string; command?: vscode.Command };

const SCAN_DEBOUNCE_MS = 300;

/**
 * The "Hosts in This File" view: every host the scanner finds in the active editor, refreshed (debounced) as
 * you switch or edit. Expanding a host resolves it (an explicit act); clicking it reveals its first occurrence.
 * Also `NetLens: Resolve All Hosts in File`, which fills the view's answers with bounded concurrency.
 */
export function registerFileHostsTree(lookups: HostLookups): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  let hosts: FileHost[] = [];
  let documentUri: vscode.Uri | undefined;
  let timer: NodeJS.Timeout | undefined;

  const rescan = (): void => {
    const editor = vscode.window.activeTextEditor;
    // Focus in a webview, the output panel or the tree itself leaves no active text editor: keep the last file.
    if (!editor) return;
    documentUri = editor.document.uri;
    hosts = groupByHost(scanText(editor.document.getText(), scanOptions()));
    changed.fire();
  };
  const scheduleRescan = (): void => {
    clearTimeout(timer);
    timer = setTimeout(rescan, SCAN_DEBOUNCE_MS);
  };

  const provider: vscode.TreeDataProvider<FileHostNode> = {
    onDidChangeTreeData: changed.event,
    async getChildren(node) {
      if (!node) return hosts.map((item): FileHostNode => ({ kind: 'host', item }));
      if (node.kind !== 'host') return [];
      if (!vscode.workspace.isTrusted) {
        return [{ kind: 'detail', label: vscode.l10n.t('Not resolved: this workspace is not trusted'), icon: 'shield', command: { title: vscode.l10n.t('Resolve'), command: 'netlens.resolveHostname', arguments: [node.item.host] } }];
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
      const { host, occurrences } = node.item;
      const known = lookups.cached(host);
      const item = new vscode.TreeItem(host, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `file-host:${host}`;
      item.description = `${occurrences.length}× · line ${occurrences[0].line + 1}${known ? ` · ${known.ok ? `${known.addresses.length} address${known.addresses.length === 1 ? '' : 'es'}` : (known.error?.text ?? 'failed')}` : ''}`;
      item.iconPath = new vscode.ThemeIcon(known ? (known.ok ? 'pass' : 'error') : occurrences[0].kind === 'url' ? 'link' : 'globe');
      item.contextValue = 'netlens.fileHost';
      if (documentUri) {
        item.command = { title: vscode.l10n.t('Reveal'), command: 'vscode.open', arguments: [documentUri, { selection: matchRange(occurrences[0]) }] };
      }
      return item;
    },
  };

  const resolveAllInFile = async (): Promise<Map<string, HostLookup> | undefined> => {
    rescan();
    const names = hosts.map((h) => h.host);
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
    const concurrency = Math.max(1, Math.min(64, vscode.workspace.getConfiguration('netlens').get<number>('bulk.concurrency', 8)));
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('NetLens: resolving {0} hosts', names.length), cancellable: true },
      async (progress, token) => {
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
      }
    );
  };

  rescan();
  return vscode.Disposable.from(
    changed,
    vscode.window.registerTreeDataProvider('netlens.fileHosts', provider),
    vscode.window.onDidChangeActiveTextEditor(scheduleRescan),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.toString() !== documentUri?.toString()) return;
      documentUri = undefined;
      hosts = [];
      changed.fire();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === documentUri?.toString()) scheduleRescan();
    }),
    vscode.commands.registerCommand('netlens.resolveAllInFile', resolveAllInFile),
    new vscode.Disposable(() => clearTimeout(timer))
  );
}

function groupByHost(matches: HostMatch[]): FileHost[] {
  const byHost = new Map<string, FileHost>();
  for (const m of matches) {
    const key = m.host.toLowerCase();
    const entry = byHost.get(key) ?? { host: m.host, occurrences: [] };
    entry.occurrences.push(m);
    byHost.set(key, entry);
  }
  return [...byHost.values()];
}

function lookupDetails(lookup: HostLookup): FileHostNode[] {
  if (!lookup.ok) return [{ kind: 'detail', label: lookup.error?.text ?? 'failed', description: lookup.error?.code ?? undefined, icon: 'error' }];
  const nodes: FileHostNode[] = lookup.addresses.map((a) => ({ kind: 'detail', label: a, description: a.includes(':') ? 'IPv6' : 'IPv4', icon: 'symbol-numeric' }));
  if (lookup.canonicalName && lookup.canonicalName.toLowerCase() !== lookup.host.toLowerCase()) {
    nodes.unshift({ kind: 'detail', label: lookup.canonicalName, description: 'canonical name', icon: 'arrow-right' });
  }
  return nodes;
}
