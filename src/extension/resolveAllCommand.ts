import * as vscode from 'vscode';
import { resolveAll } from '../client/bulkResolver';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import type { FileHostsScanner } from './fileHostsScanner';
import type { HostLookups } from '../client/hostLookups';
import type { HostLookup } from '../core/lookupView';
import { settings } from './settings';

/**
 * `NetLens: Resolve All Hosts in File`: scans the active file (beyond the size limit too), then resolves the hosts
 * the view lists with bounded concurrency (netlens.bulk.concurrency), cancellable, without filling the Lookup
 * History. In an untrusted workspace it asks first. Answers appear in the view as they arrive (`answered`).
 */
export function registerResolveAllCommand(commands: CommandRegistry, scanner: FileHostsScanner, lookups: HostLookups, answered: () => void): vscode.Disposable {
  return commands.register(Commands.resolveAllInFile, async (): Promise<Map<string, HostLookup> | undefined> => {
    await scanner.refresh(true);
    const names = scanner.listed.map((h) => h.host);
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
    const total = scanner.snapshot.total;
    const title =
      total > names.length ? vscode.l10n.t('NetLens: resolving the first {0} of {1} hosts', names.length, total) : vscode.l10n.t('NetLens: resolving {0} hosts', names.length);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        return await resolveAll(names, (host) => lookups.resolve(host, { record: false }), {
          concurrency,
          signal: controller.signal,
          onResult: (_host, _result, done, count) => {
            progress.report({ increment: 100 / count, message: vscode.l10n.t('{0} of {1}', done, count) });
            answered();
          },
        });
      } finally {
        cancel.dispose();
      }
    });
  });
}
