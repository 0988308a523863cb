/**
 * Every netlens.* setting with its default and bounds, written once: the editor's settings reader
 * (src/extension/settings.ts) and the CLI take them from here, and test/unit/manifest.test.ts checks that
 * package.json declares exactly these (a setting added there without a row here fails the test).
 */
export const NUMBER_SETTINGS = {
  lookupTimeoutMs: { default: 5000, minimum: 100, maximum: 120_000 },
  cacheSeconds: { default: 60, minimum: 0, maximum: 86_400 },
  'history.size': { default: 50, minimum: 1, maximum: 1000 },
  // Automatic scans stop below VS Code's own large-file limit (20 MB), where the editor turns features off too.
  'fileHosts.maxFileSizeMB': { default: 16, minimum: 0.1, maximum: 50 },
  dnsTimeoutMs: { default: 3000, minimum: 1, maximum: 60_000 },
  'bulk.concurrency': { default: 8, minimum: 1, maximum: 64 },
  // Per address of Test Connection: long enough for a far server's SYN-ACK, short enough not to keep the user waiting.
  connectTimeoutMs: { default: 3000, minimum: 100, maximum: 60_000 },
} as const;

export const BOOLEAN_SETTINGS = {
  autoResolve: { default: true },
  'annotations.enabled': { default: true },
} as const;

export const STRING_LIST_SETTINGS = {
  dnsServers: { default: [] as readonly string[] },
  privateSuffixes: { default: [] as readonly string[] },
} as const;

export type NumberSetting = keyof typeof NUMBER_SETTINGS;
export type BooleanSetting = keyof typeof BOOLEAN_SETTINGS;
export type StringListSetting = keyof typeof STRING_LIST_SETTINGS;

/** A number setting's value as used: its default when not a finite number, else clamped into its bounds. */
export function boundedNumber(key: NumberSetting, value: unknown): number {
  const { default: fallback, minimum, maximum } = NUMBER_SETTINGS[key];
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(maximum, Math.max(minimum, value)) : fallback;
}

/** A boolean setting's value as used: its default unless it really is a boolean. */
export function booleanSetting(key: BooleanSetting, value: unknown): boolean {
  return typeof value === 'boolean' ? value : BOOLEAN_SETTINGS[key].default;
}

/** A string-list setting's value as used: its strings, anything else dropped. */
export function stringListSetting(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
}
