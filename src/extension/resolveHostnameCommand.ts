import * as vscode from 'vscode';
import { errorText, familyLabel, lookupSummary, type HostLookup } from '../core/lookupView';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import { distinctAddressRows } from '../core/addrinfo';
import { hostFromToken } from '../core/hostAtPosition';
import type { HostLookups } from '../client/hostLookups';
import { hostAtCursor, hostMatchAt } from './hostsInDocument';
import { isHostToResolve } from '../core/scanner';
import { withoutLinks } from './untrustedText';

/** What the command returns to a caller (other commands, tests, keybinding `args`). */
export type ResolveHostnameResult = HostLookup;

/**
 * `NetLens: Resolve Hostname…`: asks for a host (pre-filled from the selection or the host under the cursor),
 * runs getaddrinfo(host, None, AF_UNSPEC, SOCK_STREAM, 0, AI_CANONNAME) in the helper, and shows every address
 * in the resolver's order. Called with a host argument it skips the input box.
 */
export function registerResolveHostnameCommand(commands: CommandRegistry, lookups: HostLookups): vscode.Disposable {
  // The user asked explicitly: always a fresh answer (it refreshes the hover's cache too).
  const resolveAndShow = async (host: string): Promise<ResolveHostnameResult> => {
    const result = await lookups.resolve(host, { fresh: true });
    present(result);
    return result;
  };
  return vscode.Disposable.from(
    commands.register(Commands.resolveHostname, async (hostArg?: unknown): Promise<ResolveHostnameResult | undefined> => {
      const host = typeof hostArg === 'string' && hostArg.trim() ? hostArg.trim() : await askForHost();
      return host === undefined ? undefined : resolveAndShow(host);
    }),
    // `NetLens: Resolve Hostname Under Cursor`: no input box; what the scanner calls a host at the cursor.
    commands.register(Commands.resolveAtCursor, async (): Promise<ResolveHostnameResult | undefined> => {
      const editor = vscode.window.activeTextEditor;
      const match = editor && hostMatchAt(editor.document, editor.selection.active);
      if (!match || !isHostToResolve(match)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('NetLens: no hostname, IP address or URL under the cursor.'));
        return undefined;
      }
      return resolveAndShow(match.host);
    })
  );
}

async function askForHost(): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('NetLens: Resolve Hostname'),
    prompt: vscode.l10n.t('Hostname, IP address or URL, resolved with the system resolver (getaddrinfo)'),
    placeHolder: 'db.internal',
    value: hostFromEditor() ?? '',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Type a hostname, an IP address or a URL')),
  });
  if (typed === undefined) return undefined;
  // A pasted URL or host:port means its host; anything else goes to the resolver as typed, so its own error shows.
  return hostFromToken(typed) ?? typed.trim();
}

function hostFromEditor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const selection = editor.selection;
  if (!selection.isEmpty && selection.isSingleLine) {
    const text = editor.document.getText(selection).trim();
    return hostFromToken(text) ?? text;
  }
  return hostAtCursor() ?? undefined;
}

function present(result: ResolveHostnameResult): void {
  if (result.error) {
    // The host may be anything typed or passed to the command: a notification would make `[x](command:…)` a link.
    void vscode.window.showErrorMessage(withoutLinks(vscode.l10n.t('NetLens: "{0}" did not resolve — {1}', result.host, errorText(result.error, { asException: true }))));
    return;
  }
  const items = distinctAddressRows(result.rows).map((row): vscode.QuickPickItem => ({
    label: row.sockaddr[0],
    description: familyLabel(row.sockaddr[0]),
    detail: row.family === 'AF_INET6' && row.sockaddr.length === 4 && row.sockaddr[3] !== 0 ? vscode.l10n.t('scope id {0}', row.sockaddr[3]) : undefined,
  }));
  void vscode.window
    .showQuickPick(items, {
      title: lookupSummary(result, items.length),
      placeHolder: vscode.l10n.t('Addresses in the order the system resolver returned them. Pick one to copy it.'),
    })
    .then(async (picked) => {
      if (!picked) return;
      await vscode.env.clipboard.writeText(picked.label);
      void vscode.window.showInformationMessage(vscode.l10n.t('NetLens: copied {0}', picked.label));
    });
}
