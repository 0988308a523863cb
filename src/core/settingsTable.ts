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

/** A DNS name: labels of letters, digits and inner hyphens, 1–63 characters each (RFC 1123), no final dot. */
const DNS_NAME_PATTERN = '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$';

/** String settings with the pattern and length a value must have; anything else is taken as the default. */
export const STRING_SETTINGS = {
  // kubelet --cluster-domain: the suffix of every Service name (`<svc>.<ns>.svc.<domain>`) and of the pod's search list.
  'kubernetes.clusterDomain': { default: 'cluster.local', pattern: DNS_NAME_PATTERN, maxLength: 253 },
  // The Node.js whose connect behaviour the order view and Test Connection model; '' is the extension host's own.
  'runtimes.nodeVersion': { default: '', pattern: '^(v?\\d+(\\.\\d+){0,2})?$', maxLength: 20 },
} as const;

export type NumberSetting = keyof typeof NUMBER_SETTINGS;
export type BooleanSetting = keyof typeof BOOLEAN_SETTINGS;
export type StringListSetting = keyof typeof STRING_LIST_SETTINGS;
export type StringSetting = keyof typeof STRING_SETTINGS;

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

/** A string setting's value as used: the value when it has the setting's pattern and length, else its default. */
export function stringSetting(key: StringSetting, value: unknown): string {
  const { default: fallback, pattern, maxLength } = STRING_SETTINGS[key];
  return typeof value === 'string' && value.length <= maxLength && new RegExp(pattern).test(value) ? value : fallback;
}
