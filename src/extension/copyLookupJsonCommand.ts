import * as vscode from 'vscode';
import { lookupJson } from '../core/lookupView';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import type { HostLookups } from '../client/hostLookups';
import { hostAtCursor } from './hostsInDocument';
import { explainHost } from '../client/explainHost';
import type { HelperRequester } from '../client/pythonSocket';
import { explainJson } from '../core/explainReport';
import { settings } from './settings';

/**
 * `NetLens: Copy Lookup as JSON`: the full answer for a host (the hover's link passes it; from the palette, the
 * host under the cursor) as JSON on the clipboard, reusing the cached answer when there is one. The shape is
 * core/lookupView.ts's LookupJson: the Python call, its result as the CLI prints it, and the error as every NetLens JSON.
 */
export function registerCopyLookupJsonCommand(commands: CommandRegistry, lookups: HostLookups, client: HelperRequester): vscode.Disposable {
  return commands.register(Commands.copyLookupJson, async (hostArg?: unknown): Promise<string | undefined> => {
    const host = typeof hostArg === 'string' && hostArg ? hostArg : hostAtCursor();
    if (!host) {
      void vscode.window.showWarningMessage(vscode.l10n.t('NetLens: put the cursor on a hostname, IP address or URL first.'));
      return undefined;
    }
    const lookup = lookups.cached(host) ?? (await lookups.resolve(host));
    // Why this answer, as far as it is known without a query: the sources that send nothing (the hosts file,
    // myhostname) and the search list; `netlens explain` and Compare ask every source.
    const explained = lookup.ok
      ? await explainHost(client, host, { timeoutMs: settings.lookupTimeoutMs(), remoteName: vscode.env.remoteName ?? null, network: false, system: { ok: true, value: lookup.rows } })
      : undefined;
    const json = JSON.stringify({ ...lookupJson(lookup), explain: explained?.ok ? explainJson(explained.value) : null }, null, 2);
    await vscode.env.clipboard.writeText(json);
    void vscode.window.showInformationMessage(vscode.l10n.t('NetLens: copied the lookup of {0} as JSON', host));
    return json;
  });
}
