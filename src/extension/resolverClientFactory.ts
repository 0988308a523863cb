import * as vscode from 'vscode';
import { ResolverClient } from '../client/resolverClient';
import { settings } from './settings';

/**
 * The one ResolverClient of the extension host, wired to the settings, the "NetLens" output channel and the user's
 * notifications about a failing helper. Features take the client as a parameter; deactivate() awaits its dispose().
 */
export function createResolverClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ResolverClient {
  let toldUser = false;
  return new ResolverClient({
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
}
