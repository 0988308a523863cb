import * as vscode from 'vscode';

/** Typed access to the netlens.* settings, clamped to the bounds declared in package.json. */
function read<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration('netlens').get<T>(key, fallback);
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

export const settings = {
  lookupTimeoutMs: (): number => clamp(read('lookupTimeoutMs', 5000), 100, 120_000, 5000),
  cacheSeconds: (): number => clamp(read('cacheSeconds', 60), 0, 86_400, 60),
  autoResolve: (): boolean => read('autoResolve', true),
  /** Servers for the direct DNS view; a workspace's own value counts only while it is trusted (see package.json). */
  dnsServers: (): string[] | null => {
    const inspected = vscode.workspace.getConfiguration('netlens').inspect<string[]>('dnsServers');
    const servers = vscode.workspace.isTrusted ? read<string[]>('dnsServers', []) : (inspected?.globalValue ?? []);
    return Array.isArray(servers) && servers.length ? servers.filter((s) => typeof s === 'string') : null;
  },
  dnsTimeoutMs: (): number => clamp(read('dnsTimeoutMs', 3000), 1, 60_000, 3000),
};

/**
 * Automatic lookups (hover) leak names to DNS servers; in an untrusted workspace a file could be full of
 * canary hostnames, so NetLens looks nothing up on its own there. Explicit commands are the user's choice.
 */
export function mayResolveAutomatically(): boolean {
  return vscode.workspace.isTrusted && settings.autoResolve();
}
