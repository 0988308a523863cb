import * as vscode from 'vscode';
import { ResolverClient } from '../client/resolverClient';

/** Bounds for netlens.lookupTimeoutMs, as declared in package.json. */
const TIMEOUT_MIN_MS = 100;
const TIMEOUT_MAX_MS = 120_000;
const TIMEOUT_DEFAULT_MS = 5_000;

export interface ResolverService extends vscode.Disposable {
  readonly client: ResolverClient;
  shutdown(): Promise<void>;
}

export function lookupTimeoutMs(): number {
  const value = vscode.workspace.getConfiguration('netlens').get<number>('lookupTimeoutMs', TIMEOUT_DEFAULT_MS);
  return Number.isFinite(value) ? Math.min(TIMEOUT_MAX_MS, Math.max(TIMEOUT_MIN_MS, value)) : TIMEOUT_DEFAULT_MS;
}

/** The one ResolverClient of the extension host, wired to the settings and the "NetLens" output channel. */
export function createResolverService(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ResolverService {
  let toldUser = false;
  const client = new ResolverClient({
    helperPath: context.asAbsolutePath('dist/helper.js'),
    timeoutMs: lookupTimeoutMs,
    log: (line) => log.info(line),
    onHelperFailure: (description) => {
      log.warn(description);
      if (toldUser) return; // once per session: a flapping helper must not spam notifications
      toldUser = true;
      void vscode.window
        .showWarningMessage(`NetLens: ${description}; it was restarted. Lookups continue.`, 'Show Log')
        .then((choice) => choice && log.show(true));
    },
  });
  const shutdown = (): Promise<void> => client.dispose();
  return { client, shutdown, dispose: () => void shutdown() };
}
