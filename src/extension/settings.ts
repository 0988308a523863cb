import * as vscode from 'vscode';
import type { OrderSettings } from '../core/orderReport';
import { noLookupReason, type NoLookupReason } from '../core/hoverView';
import { booleanSetting, boundedNumber, stringListSetting, stringSetting, type BooleanSetting, type NumberSetting } from '../core/settingsTable';

/**
 * The one reader of the netlens.* settings (as rust-analyzer's Config): typed getters, defaults and bounds from
 * src/core/settingsTable.ts, and one change event. No other file reads `getConfiguration('netlens')`.
 */
function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('netlens');
}

const number = (key: NumberSetting) => (): number => boundedNumber(key, section().get<unknown>(key));
const boolean = (key: BooleanSetting) => (): boolean => booleanSetting(key, section().get<unknown>(key));

export const settings = {
  lookupTimeoutMs: number('lookupTimeoutMs'),
  cacheSeconds: number('cacheSeconds'),
  historySize: number('history.size'),
  fileHostsMaxFileSizeMB: number('fileHosts.maxFileSizeMB'),
  dnsTimeoutMs: number('dnsTimeoutMs'),
  bulkConcurrency: number('bulk.concurrency'),
  connectTimeoutMs: number('connectTimeoutMs'),
  autoResolve: boolean('autoResolve'),
  annotationsEnabled: boolean('annotations.enabled'),
  privateSuffixes: (): string[] => stringListSetting(section().get<unknown>('privateSuffixes')),
  kubernetesClusterDomain: (): string => stringSetting('kubernetes.clusterDomain', section().get<unknown>('kubernetes.clusterDomain')),
  /** The runtimes NetLens models: Node's version from netlens.runtimes.nodeVersion, else the extension host's. */
  orderSettings: (): OrderSettings => ({ node: { version: stringSetting('runtimes.nodeVersion', section().get<unknown>('runtimes.nodeVersion')) || process.version } }),
  /** Servers for the direct DNS view; a workspace's own value counts only while it is trusted (see package.json). */
  dnsServers: (): string[] | null => {
    const servers = stringListSetting(vscode.workspace.isTrusted ? section().get<unknown>('dnsServers') : section().inspect<unknown>('dnsServers')?.globalValue);
    return servers.length ? servers : null;
  },
  /** Fires when any netlens.* setting changes; `affects('history.size')` tells which. */
  onDidChange(listener: (affects: (key: string) => boolean) => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('netlens')) listener((key) => e.affectsConfiguration(`netlens.${key}`));
    });
  },
};

/**
 * Why NetLens may not look names up on its own now (the hover), or null when it may. Automatic lookups leak names
 * to DNS servers, and in an untrusted workspace a file could be full of canary hostnames; explicit commands are
 * the user's choice.
 */
export function automaticLookupBlock(): NoLookupReason | null {
  return noLookupReason(vscode.workspace.isTrusted, settings.autoResolve());
}
