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
};

/**
 * Automatic lookups (hover) leak names to DNS servers; in an untrusted workspace a file could be full of
 * canary hostnames, so NetLens looks nothing up on its own there. Explicit commands are the user's choice.
 */
export function mayResolveAutomatically(): boolean {
  return vscode.workspace.isTrusted && settings.autoResolve();
}
