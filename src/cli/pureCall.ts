// Shared by the pure CLI functions (getservbyname, inet_aton, ...): they answer in-process from src/core and never
// start the resolver helper.
import * as path from 'path';
import { hexToBytes } from '../core/inetPton';
import { ResolverFailure } from '../core/resolverError';
import { LINUX_VALUES } from '../core/socketConstants';
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

let platformValues: { values: Readonly<Record<string, number>>; source: string } | undefined;

/**
 * Socket constant values of this platform without starting the helper: Linux's table on Linux; elsewhere the
 * native addon's own numbers when it is built for this platform, else Linux's, said so.
 */
export function platformConstants(): { values: Readonly<Record<string, number>>; source: string } {
  if (platformValues) return platformValues;
  if (process.platform === 'linux') return (platformValues = { values: LINUX_VALUES, source: 'Linux/glibc' });
  const addonPath = path.join(__dirname, 'native', `${process.platform}-${process.arch}`, 'netlens_resolver.node');
  try {
    const addon = require(addonPath) as { constants?: Record<string, number> };
    if (addon.constants) return (platformValues = { values: addon.constants, source: `${process.platform} (native addon)` });
  } catch {
    // No addon for this platform: fall through to the Linux table, labelled as such.
  }
  return (platformValues = { values: LINUX_VALUES, source: `Linux/glibc (no native addon for ${process.platform}-${process.arch})` });
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
