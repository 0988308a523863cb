import * as vscode from 'vscode';
import { HostsFileAnswers } from '../core/hostsFileAnswers';
import { registerAddrinfoPanel } from './addrinfoPanel';
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

let service: ResolverService | undefined;

/**
 * Activation is a list of registrations and nothing else: no helper process, no file scanning, no network.
 * The helper starts on the first lookup.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('NetLens', { log: true });
  service = createResolverService(context, log);
  const history = new LookupHistory(context.workspaceState, context.globalStorageUri, log);
  const lookups = new HostLookups(service, (lookup) => void history.record(lookup));
  context.subscriptions.push(
    log,
    service,
    history,
    registerHistoryTree(history),
    registerMachineTree(service),
    registerFileHostsTree(lookups),
    registerResolveHostnameCommand(lookups),
    registerHoverProvider(lookups, new HostsFileAnswers()),
    registerPortInlayHints(),
    registerCopyLookupJsonCommand(lookups),
    registerServicePortCommand(),
    registerReverseLookupCommand(service),
    registerCompareResolversCommand(service),
    registerAddrinfoPanel(service, context.extensionUri),
    registerHelperCommands(service, log)
  );
}

/** Gives the helper its grace period to exit; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  await service?.shutdown();
  service = undefined;
}
