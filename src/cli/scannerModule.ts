// The ahead-of-time scanner for the CLI: dist/scanner.wasm next to the CLI's bundle (as it finds its helper),
// compiled once per thread, with what the module imports (`env.schemePort`: `scan --json`'s URL ports, from this
// machine's services database); and dist/scanner.node, the same C compiled for this machine, which writes `scan
// --json`'s JSON in the main thread where it loads. Without either (a build without clang and lld) everything scans
// in TypeScript.
import * as fs from 'fs';
import * as path from 'path';
import { isMainThread } from 'worker_threads';
import { ResolverFailure } from '../core/resolverError';
import { useAotScanner } from '../core/scanner';
import { schemePort, type PortSource } from '../core/urlPort';

export const SCANNER_WASM_NEXT_TO_CLI = path.join(__dirname, 'scanner.wasm');
/** The same C compiled for this machine as a Node-API addon (scripts/build-scanner-wasm.js): the CLI's alone. */
export const SCANNER_NODE_NEXT_TO_CLI = path.join(__dirname, 'scanner.node');

/** url_port's source numbers (jsonout.h). */
const PORT_SOURCES: Record<PortSource, number> = { explicit: 0, service: 1, default: 2 };

/**
 * urlPort (scanJson.ts) of a URL without an explicit port, for the C (env.schemePort): -1 for null/null, else
 * source * 65536 + port. The C keeps each scheme's answer: the services database is read once per process.
 */
export function schemePortCode(scheme: string): number {
  let answer: ReturnType<typeof schemePort>;
  try {
    answer = schemePort(scheme, null);
  } catch (err) {
    if (!(err instanceof ResolverFailure)) throw err;
    return -1;
  }
  if (answer.port === null || answer.portSource === null) return -1;
  if (!Number.isInteger(answer.port) || answer.port < 0 || answer.port > 0xffff) throw new Error(`schemePort(${scheme}): port ${answer.port}`);
  return PORT_SOURCES[answer.portSource] * 65536 + answer.port;
}

/** What the module imports: `memory` is the instance's own memory, known once it is instantiated. */
export function scannerWasmImports(memory: () => WebAssembly.Memory): WebAssembly.Imports {
  return {
    env: {
      schemePort: (ptr: number, len: number): number => schemePortCode(Buffer.from(memory().buffer, ptr, len).toString('latin1')),
    },
  };
}

/** Compiled modules by file (null: no such file). */
const modules = new Map<string, WebAssembly.Module | null>();

/** The module compiled from `file` (once), or null when there is no such file. */
export function compiledScannerModule(file = SCANNER_WASM_NEXT_TO_CLI): WebAssembly.Module | null {
  let mod = modules.get(file);
  if (mod === undefined) {
    try {
      mod = new WebAssembly.Module(fs.readFileSync(file));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mod = null;
    }
    modules.set(file, mod);
  }
  return mod;
}

/**
 * Makes `mod` this thread's module for `file`, compiled by another thread (a scan worker gets the main thread's:
 * a compiled module is shared between threads, its machine code too, so no worker compiles it again).
 */
export function shareCompiledScannerModule(mod: WebAssembly.Module | null, file = SCANNER_WASM_NEXT_TO_CLI): void {
  modules.set(file, mod);
}

/** Makes this thread's scanners (scanText, createScanner) scan through the module, when there is one. */
export function useCliScannerModule(file = SCANNER_WASM_NEXT_TO_CLI): void {
  const mod = compiledScannerModule(file);
  // A scanner never calls schemePort (only JsonOut does): the scanners' instances get one that throws.
  if (mod !== null) useAotScanner(mod);
}

/** What dist/scanner.node exports (native/scanner/node/scanner_node.c): the module's JSON writer, and its import's setter. */
export interface NativeScannerExports {
  memory: { buffer: ArrayBuffer };
  setSchemePort(answer: (scheme: string) => number): void;
  [name: string]: unknown;
}

/**
 * The addon by file, loaded at most once per process (its C keeps global state): null when there is none here or it
 * did not load, and then why, if it was there (NETLENS_DEBUG says it: `scan` is then slower, not wrong).
 */
const nativeAddons = new Map<string, { addon: NativeScannerExports | null; problem: string | null }>();

/**
 * The native scanner `file` (next to the CLI by default), or null: not built for this machine, not loadable, or asked
 * for off the main thread (a scan worker uses the module: the addon's one set of globals is the main thread's).
 */
export function nativeScanner(file = SCANNER_NODE_NEXT_TO_CLI): NativeScannerExports | null {
  if (!isMainThread) return null;
  let loaded = nativeAddons.get(file);
  if (loaded === undefined) {
    loaded = { addon: null, problem: null };
    if (fs.existsSync(file)) {
      try {
        const handle = { exports: {} as NativeScannerExports };
        process.dlopen(handle, file);
        handle.exports.setSchemePort(schemePortCode);
        loaded.addon = handle.exports;
      } catch (err) {
        // Built for another machine or Node, or a broken build: the module does the work (same bytes).
        loaded.problem = err instanceof Error ? err.message : String(err);
      }
    }
    nativeAddons.set(file, loaded);
  }
  return loaded.addon;
}

/** Why the native scanner `file` is there but did not load (after nativeScanner asked for it), or null. */
export function nativeScannerProblem(file = SCANNER_NODE_NEXT_TO_CLI): string | null {
  return nativeAddons.get(file)?.problem ?? null;
}
