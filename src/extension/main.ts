import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ResolverClient } from '../client/resolverClient';
import { HostsFileAnswers } from '../core/hostsFileAnswers';
import { registerAddrinfoPanel } from './addrinfoPanel';
import { registerAotScanner } from './aotScanner';
import { CommandRegistry } from './commands';
import { registerCompareResolversCommand } from './compareResolversCommand';
import { registerCopyLookupJsonCommand } from './copyLookupJsonCommand';
import { registerHelperCommands } from './helperCommands';
import { HostLookups } from '../client/hostLookups';
import { HoverInsights } from '../client/hoverInsights';
import { registerFileHostsTree } from './fileHostsTree';
import { registerHistoryTree } from './historyTree';
import { registerHoverProvider } from './hoverProvider';
import { registerKubernetesCodeActions } from './kubernetesCodeActions';
import { LookupHistory } from './lookupHistory';
import { registerMachineTree } from './machineTree';
import { registerPortInlayHints } from './portInlayHints';
import { createResolverClient } from './resolverClientFactory';
import { registerResolveHostnameCommand } from './resolveHostnameCommand';
import { registerReverseLookupCommand } from './reverseLookupCommand';
import { registerServicePortCommand } from './servicePortCommand';
import { automaticLookupBlock, settings } from './settings';

let client: ResolverClient | undefined;

/**
 * Activation is a list of registrations and nothing else: no helper process, no file scanning, no network.
 * The helper starts on the first lookup.
 */
export function activate(context: vscode.ExtensionContext): void {
  // The view model's sentences (src/core) are localized with @vscode/l10n from the same bundle as vscode.l10n.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel('NetLens', { log: true });
  client = createResolverClient(context, log);
  const history = new LookupHistory(context.workspaceState, context.globalStorageUri, log);
  const lookups = new HostLookups(client, settings.cacheSeconds, (lookup) => void history.record(lookup));
  const commands = new CommandRegistry(log);
  context.subscriptions.push(
    log,
    registerAotScanner(context.extensionUri, log),
    client,
    history,
    registerHistoryTree(commands, history),
    registerMachineTree(commands, client),
    registerFileHostsTree(commands, lookups),
    registerResolveHostnameCommand(commands, lookups),
    registerHoverProvider(
      lookups,
      new HostsFileAnswers(),
      automaticLookupBlock,
      new HoverInsights(client, () => ({ timeoutMs: settings.lookupTimeoutMs(), remoteName: vscode.env.remoteName ?? null, orderSettings: settings.orderSettings() }))
    ),
    registerPortInlayHints(),
    registerKubernetesCodeActions(),
    registerCopyLookupJsonCommand(commands, lookups, client),
    registerServicePortCommand(commands),
    registerReverseLookupCommand(commands, client),
    registerCompareResolversCommand(commands, client),
    registerAddrinfoPanel(commands, client, context.extensionUri, (tested) => {
      if (tested.outcome.ok) void history.recordConnection(tested.outcome.value, tested.target.tls);
    }),
    registerHelperCommands(commands, client, log)
  );
}

/** Gives the helper its grace period to exit; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}
