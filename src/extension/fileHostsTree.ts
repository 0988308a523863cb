import * as vscode from 'vscode';
import type { FileHostsSnapshot } from '../core/fileHostsIndex';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import { FileHostsScanner } from './fileHostsScanner';
import { FileHostsTreeProvider } from './fileHostsTreeProvider';
import type { HostLookups } from '../client/hostLookups';
import { registerResolveAllCommand } from './resolveAllCommand';

/**
 * The "Hosts in This File" view, put together: the scanner that keeps the active file's hosts current while the
 * view is visible (fileHostsScanner.ts), the tree that renders them (fileHostsTreeProvider.ts), `NetLens: Resolve
 * All Hosts in File` (resolveAllCommand.ts), and `netlens.refreshFileHosts`, which scans now and returns what the
 * view shows (the tests read it).
 */
export function registerFileHostsTree(commands: CommandRegistry, lookups: HostLookups): vscode.Disposable {
  const scanner = new FileHostsScanner();
  const provider = new FileHostsTreeProvider(scanner, lookups);
  const view = vscode.window.createTreeView('netlens.fileHosts', { treeDataProvider: provider });
  return vscode.Disposable.from(
    scanner,
    provider,
    view,
    scanner.scanFor(view),
    scanner.onDidChange(() => {
      // The note first, then the rows, as before this view was split into parts: with the rows' change first, a view
      // shown with a stale result kept its welcome text although the scan had found hosts (UI scenario sidebar-trees).
      view.message = scanner.snapshot.message ?? undefined;
      provider.refresh();
    }),
    registerResolveAllCommand(commands, scanner, lookups, () => provider.refresh()),
    commands.register(Commands.refreshFileHosts, async (): Promise<FileHostsSnapshot> => {
      await scanner.refresh(false);
      return scanner.snapshot;
    })
  );
}
