import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { HostsFileAnswers } from '../core/hostsFileAnswers';
import { registerAddrinfoPanel } from './addrinfoPanel';
import { CommandRegistry } from './commands';
import { registerCompareResolversCommand } from './compareResolversCommand';
import { registerCopyLookupJsonCommand } from './copyLookupJsonCommand';
import { registerHelperCommands } from './helperCommands';
import { HostLookups } from './hostLookups';
import { registerFileHostsTree } from './fileHostsTree';
import { registerHistoryTree } from './historyTree';
import { registerHoverProvider } from './hoverProvider';
import { LookupHistory } from './lookupHistory';
import { registerMachineTree } from './machineTree';
import { registerPortInlayHints } from './portInlayHints';
import { createResolverService, type ResolverService } from './resolverService';
import { registerResolveHostnameCommand } from './resolveHostnameCommand';
import { registerReverseLookupCommand } from './reverseLookupCommand';
import { registerServicePortCommand } from './servicePortCommand';
import { automaticLookupBlock } from './settings';

let service: ResolverService | undefined;

/**
 * Activation is a list of registrations and nothing else: no helper process, no file scanning, no network.
 * The helper starts on the first lookup.
 */
export function activate(context: vscode.ExtensionContext): void {
  // The view model's sentences (src/core) are localized with @vscode/l10n from the same bundle as vscode.l10n.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel('NetLens', { log: true });
  service = createResolverService(context, log);
  const history = new LookupHistory(context.workspaceState, context.globalStorageUri, log);
  const lookups = new HostLookups(service, (lookup) => void history.record(lookup));
  const commands = new CommandRegistry(log);
  context.subscriptions.push(
    log,
    service,
    history,
    registerHistoryTree(commands, history),
    registerMachineTree(commands, service),
    registerFileHostsTree(commands, lookups),
    registerResolveHostnameCommand(commands, lookups),
    registerHoverProvider(lookups, new HostsFileAnswers(), automaticLookupBlock),
    registerPortInlayHints(),
    registerCopyLookupJsonCommand(commands, lookups),
    registerServicePortCommand(commands),
    registerReverseLookupCommand(commands, service),
    registerCompareResolversCommand(commands, service),
    registerAddrinfoPanel(commands, service, context.extensionUri),
    registerHelperCommands(commands, service, log)
  );
}

/** Gives the helper its grace period to exit; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  await service?.shutdown();
  service = undefined;
}
