import * as vscode from 'vscode';
import { detailNode } from './lookupText';
import { historyDescription, historyTooltip, lookupDetailRows } from '../core/lookupView';
import { connectionDetailRows } from '../core/connectionView';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import type { HistoryEntry, LookupHistory } from './lookupHistory';

type HistoryNode = { kind: 'entry'; entry: HistoryEntry } | { kind: 'detail'; label: string; description?: string; icon: string };

/** The "Lookup History" view: each lookup, expandable to its addresses, canonical name or error. */
export function registerHistoryTree(commands: CommandRegistry, history: LookupHistory): vscode.Disposable {
  const provider: vscode.TreeDataProvider<HistoryNode> = {
    onDidChangeTreeData: history.onDidChange,
    getChildren(node) {
      if (!node) return history.entries().map((entry): HistoryNode => ({ kind: 'entry', entry }));
      if (node.kind !== 'entry') return [];
      const { entry } = node;
      if (!entry.ok) return [{ kind: 'detail', label: historyDescription(entry), icon: 'error' }];
      const attempts = entry.connection
        ? connectionDetailRows(entry.connection).map((r): HistoryNode => ({ kind: 'detail', label: r.label, description: r.description, icon: r.connected ? 'plug' : 'debug-disconnect' }))
        : [];
      // A tested host shows its attempts (they hold its addresses, in the order tried); else its addresses.
      return attempts.length > 0 ? attempts : lookupDetailRows(entry.host, entry.canonicalName, entry.addresses).map(detailNode);
    },
    getTreeItem(node) {
      if (node.kind === 'detail') {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        return item;
      }
      const { entry } = node;
      const item = new vscode.TreeItem(entry.host, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `history:${entry.host}`;
      item.description = historyDescription(entry);
      item.iconPath = new vscode.ThemeIcon(entry.ok ? 'pass' : 'error');
      item.contextValue = 'netlens.historyEntry';
      item.tooltip = historyTooltip(entry);
      return item;
    },
  };
  const hostOf = (node: unknown): string | undefined =>
    typeof node === 'object' && node !== null && (node as HistoryNode).kind === 'entry' ? (node as { entry: HistoryEntry }).entry.host : undefined;
  return vscode.Disposable.from(
    vscode.window.registerTreeDataProvider('netlens.history', provider),
    commands.register(Commands.clearHistory, () => history.clear()),
    commands.register(Commands.removeHistoryEntry, async (node: unknown) => {
      const host = hostOf(node);
      if (host) await history.remove(host);
    }),
    commands.register(Commands.reresolveHistoryEntry, (node: unknown) => vscode.commands.executeCommand(Commands.resolveHostname, hostOf(node))),
    commands.register(Commands.copyHistoryEntry, (node: unknown) => vscode.commands.executeCommand(Commands.copyLookupJson, hostOf(node))),
    commands.register(Commands.openHistoryEntry, (node: unknown) => vscode.commands.executeCommand(Commands.showGetaddrinfo, hostOf(node)))
  );
}
