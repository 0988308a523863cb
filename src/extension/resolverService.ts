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
    onHelperFailure: (description) => {
      log.warn(description);
      if (toldUser) return; // once per session: a flapping helper must not spam notifications
      toldUser = true;
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('NetLens: {0}; it was restarted. Lookups continue.', description), showLog)
        .then((choice) => choice === showLog && log.show(true));
    },
  });
  const shutdown = (): Promise<void> => client.dispose();
  return { client, shutdown, dispose: () => void shutdown() };
}
