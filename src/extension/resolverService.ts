import * as vscode from 'vscode';
import { ResolverClient } from '../client/resolverClient';
import { settings } from './settings';

export interface ResolverService extends vscode.Disposable {
  readonly client: ResolverClient;
  shutdown(): Promise<void>;
}

/** The one ResolverClient of the extension host, wired to the settings and the "NetLens" output channel. */
export function createResolverService(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ResolverService {
  let toldUser = false;
  const client = new ResolverClient({
    helperPath: context.asAbsolutePath('dist/helper.js'),
    timeoutMs: settings.lookupTimeoutMs,
    log: (line) => log.info(line),
    onHelperFailure: (description, everStarted) => {
      log.warn(description);
      if (toldUser) return; // once per session: a flapping helper must not spam notifications
      toldUser = true;
      const showLog = vscode.l10n.t('Show Log');
      // A helper that never started will not start on the next try either: say what still works without it.
      const message = everStarted
        ? vscode.l10n.t('NetLens: {0}; it was restarted. Lookups continue.', description)
        : vscode.l10n.t('NetLens: {0} before it was ready, so lookups fail until it starts (retried with a growing delay). Port hints, address facts and the service database work without it.', description);
      const show = everStarted ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
      void show(message, showLog).then((choice) => choice === showLog && log.show(true));
    },
  });
  const shutdown = (): Promise<void> => client.dispose();
  return { client, shutdown, dispose: () => void shutdown() };
}
