import * as vscode from 'vscode';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import { pyGethostbyaddr, type HostTuple } from '../client/pythonSocket';
import type { Outcome } from '../core/addrinfo';
import { parseIpAddress } from '../core/ipAddress';
import { formatAsPythonException } from '../core/resolverError';
import { hostAtCursor } from './hostsInDocument';
import type { ResolverClient } from '../client/resolverClient';
import { withoutIcons, withoutLinks } from './untrustedText';

/**
 * `NetLens: Reverse Lookup Address…`: Python's gethostbyaddr(ip) — the name, aliases and addresses the system
 * resolver gives for an address (hosts file, then PTR) — pre-filled with the address under the cursor.
 */
export function registerReverseLookupCommand(commands: CommandRegistry, client: ResolverClient): vscode.Disposable {
  return commands.register(Commands.reverseLookup, async (addressArg?: unknown): Promise<Outcome<HostTuple> | undefined> => {
    const address = typeof addressArg === 'string' && addressArg.trim() ? addressArg.trim() : await askForAddress();
    if (!address) return undefined;
    const outcome = await pyGethostbyaddr(client, address);
    if (!outcome.ok) {
      void vscode.window.showErrorMessage(withoutLinks(vscode.l10n.t('NetLens: gethostbyaddr({0}) — {1}', JSON.stringify(address), formatAsPythonException(outcome.error))));
      return outcome;
    }
    const [name, aliases, addresses] = outcome.value;
    // Names from PTR records and hosts files are attacker-controlled: quick-pick labels draw `$(name)` as an icon,
    // so they are shown withoutIcons, and the pick copies the name itself.
    const items: (vscode.QuickPickItem & { value: string })[] = [
      { value: name, label: withoutIcons(name), description: 'name' },
      ...aliases.map((alias) => ({ value: alias, label: withoutIcons(alias), description: 'alias' })),
      ...addresses.map((a) => ({ value: a, label: withoutIcons(a), description: 'address' })),
    ];
    void vscode.window.showQuickPick(items, { title: `gethostbyaddr(${address})`, placeHolder: vscode.l10n.t('Pick one to copy it') }).then(async (picked) => {
      if (picked) await vscode.env.clipboard.writeText(picked.value);
    });
    return outcome;
  });
}

async function askForAddress(): Promise<string | undefined> {
  const underCursor = hostAtCursor();
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('NetLens: Reverse Lookup Address'),
    prompt: vscode.l10n.t('An IPv4 or IPv6 address (gethostbyaddr)'),
    value: underCursor && parseIpAddress(underCursor) ? underCursor : '',
    placeHolder: '198.51.100.10',
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type an IP address')),
  });
  return typed?.trim();
}
