import * as vscode from 'vscode';
import type { ConnectionMessage } from '../client/addrinfoPanelLookups';
import { parseConnectPort } from '../core/connectionTest';
import { connectionTarget, type ConnectionTarget } from '../core/connectionTarget';
import { isHostToResolve } from '../core/scanner';
import type { ConnectTarget } from '../webview/messages';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import { hostMatchAt } from './hostsInDocument';

/** Shows a test in the getaddrinfo panel (opened for the host) and answers with its result; undefined if it could not. */
export type ShowConnectionTest = (target: ConnectTarget, signal: AbortSignal) => Promise<ConnectionMessage | undefined>;

/**
 * `NetLens: Test Connection…`: a TCP connect to every address of a host (a TLS handshake when the URL's scheme means
 * TLS), shown in the getaddrinfo panel's Test Connection section. The target is the command's argument, else the
 * host or URL under the cursor, else what the user types. It never runs on its own, and in an untrusted workspace a
 * host taken from the file needs the user's yes in a modal: the file's author chose it, not the user.
 */
export function registerTestConnectionCommand(commands: CommandRegistry, show: ShowConnectionTest): vscode.Disposable {
  return commands.register(Commands.testConnection, async (arg?: unknown): Promise<ConnectionMessage | undefined> => {
    const picked = typeof arg === 'string' && arg.trim() ? { text: arg.trim(), fromFile: false } : (targetAtCursor() ?? (await askForTarget()));
    if (!picked) return undefined;
    const parsed = connectionTarget(picked.text);
    if (!parsed) {
      void vscode.window.showErrorMessage(vscode.l10n.t('NetLens: {0} is not a host, an address or a URL to connect to.', picked.text));
      return undefined;
    }
    const port = parsed.port ?? (await askForPort(parsed));
    if (port === undefined) return undefined;
    const target: ConnectTarget = { host: parsed.host, port, tls: parsed.tls };
    if (picked.fromFile && !vscode.workspace.isTrusted && !(await confirmUntrusted(target))) return undefined;
    const title = target.tls ? vscode.l10n.t('NetLens: testing {0} port {1} (TLS)', target.host, port) : vscode.l10n.t('NetLens: testing {0} port {1}', target.host, port);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        return await show(target, controller.signal);
      } finally {
        cancel.dispose();
      }
    });
  });
}

function targetAtCursor(): { text: string; fromFile: true } | undefined {
  const editor = vscode.window.activeTextEditor;
  const match = editor && hostMatchAt(editor.document, editor.selection.active);
  if (!editor || !match || !isHostToResolve(match)) return undefined;
  // The whole match (a URL with its scheme and port, host:port), not only its host: it says the port and TLS.
  return { text: editor.document.getText(new vscode.Range(match.line, match.character, match.line, match.character + match.length)), fromFile: true };
}

async function askForTarget(): Promise<{ text: string; fromFile: false } | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('NetLens: Test Connection'),
    prompt: vscode.l10n.t('A URL, host:port, or a host (the port is asked next). NetLens connects to each address and sends no data.'),
    placeHolder: 'https://api.example.com  ·  db.internal:5432',
    ignoreFocusOut: true,
    validateInput: (value) => (connectionTarget(value) ? undefined : vscode.l10n.t('Type a URL, host:port, a host or an IP address')),
  });
  return typed === undefined ? undefined : { text: typed, fromFile: false };
}

async function askForPort(target: ConnectionTarget): Promise<number | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('NetLens: Test Connection to {0}', target.host),
    prompt: vscode.l10n.t('TCP port to connect to'),
    placeHolder: '443',
    ignoreFocusOut: true,
    validateInput: (value) => (parseConnectPort(value.trim()) === null ? vscode.l10n.t('A port number from 1 to 65535') : undefined),
  });
  return typed === undefined ? undefined : (parseConnectPort(typed.trim()) ?? undefined);
}

async function confirmUntrusted(target: ConnectTarget): Promise<boolean> {
  const connect = vscode.l10n.t('Connect');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('This workspace is not trusted. Test Connection would connect to {0} port {1}, a host taken from this file.', target.host, target.port),
    { modal: true },
    connect
  );
  return answer === connect;
}
