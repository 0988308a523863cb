// Shared by the pure CLI functions (getservbyname, inet_aton, ...): they answer in-process from src/core and never
// start the resolver helper.
import { hexToBytes } from '../core/inetPton';
import { ResolverFailure } from '../core/resolverError';
import { platformDescription, platformRow, type PlatformId } from '../core/platform';
import { platformValues } from '../core/platformConstants';
import { hostPlatform } from '../helper/libcInfo';
import { loadNativeResolver, nativeAddonPath } from '../helper/nativeBackend';
import { UsageError, type CliAnswer } from './command';

/** Runs a core function that throws Python's exception as a ResolverFailure, and turns that into the answer. */
export function pythonCall<T>(call: () => T, answer: (value: T) => { json: unknown; human: string[] }): CliAnswer {
  let value: T;
  try {
    value = call();
  } catch (err) {
    if (err instanceof ResolverFailure) return { ok: false, error: err.info };
    throw err;
  }
  return { ok: true, ...answer(value) };
}

/** Packed bytes given as hex on the command line (`7f000001`, optionally `0x`-prefixed). */
export function parseHexArg(text: string, what: string): Uint8Array {
  const bytes = hexToBytes(text);
  if (!bytes) throw new UsageError(`${what} must be bytes as hex digits (e.g. 7f000001), not ${JSON.stringify(text)}`);
  return bytes;
}

let cachedValues: { values: Readonly<Record<string, number>>; source: string } | undefined;

/**
 * Socket constant values of this platform without starting the helper: Linux/glibc's table on Linux/glibc (checked
 * against python3); elsewhere the native addon's own numbers when it loads, else NetLens's table for the platform
 * (core/platformConstants.ts), said so.
 */
export function platformConstants(): { values: Readonly<Record<string, number>>; source: string } {
  return (cachedValues ??= constantsFor(hostPlatform(), __dirname));
}

/** platformConstants for a given platform, with the addon looked for under `dir` (the bundle's folder). */
export function constantsFor(platform: PlatformId, dir: string): { values: Readonly<Record<string, number>>; source: string } {
  const addon = platformRow(platform) === 'linux-glibc' ? null : nativeAddonPath(dir, platform);
  if (addon) {
    try {
      return { values: loadNativeResolver(addon).constants, source: `${platformDescription(platform)} (native addon)` };
    } catch {
      // No addon that loads here: the table, labelled as such (the helper's log says why the addon did not load).
    }
  }
  return platformValues(platform);
}

/** An address-family argument: a name with or without AF_ (any case) or a number; its name and platform value. */
export function parseFamilyArg(text: string): { name: string; value: number } {
  const { values } = platformConstants();
  if (/^[0-9]+$/.test(text)) {
    const value = Number(text);
    const name = Object.keys(values).find((n) => n.startsWith('AF_') && values[n] === value) ?? `AF_${value}`;
    return { name, value };
  }
  const upper = text.toUpperCase();
  const wanted = upper.startsWith('AF_') ? upper : `AF_${upper}`;
  const name = Object.keys(values).find((n) => n.toUpperCase() === wanted);
  if (name === undefined) throw new UsageError(`unknown address family ${JSON.stringify(text)} (AF_INET or AF_INET6)`);
  return { name, value: values[name] };
}
