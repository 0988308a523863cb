/**
 * The ahead-of-time scanner (dist/scanner.wasm, native/scanner) for the differential tests, which run its C and the
 * TypeScript scanner on the same ASCII lines and compare. Lines go into the module's input buffer; exported
 * functions take (pointer, length, ...) and return numbers.
 */
import * as fs from 'fs';
import * as path from 'path';
import { scannerWasmImports } from '../../src/cli/scannerModule';
import { loadCorpus, type CorpusFile } from './scannerCorpus';
import { setModulePrivateSuffixes } from '../../src/core/scanner/aotScanner';
import { DIST_DIR, REPO_ROOT } from './paths';

export const SCANNER_WASM = path.join(DIST_DIR, 'scanner.wasm');

export type WasmFn = (...args: number[]) => number;

export interface ScannerWasm {
  readonly exports: Record<string, WasmFn>;
  readonly memory: WebAssembly.Memory;
  /** Writes an ASCII line into the input buffer; returns its pointer (the length is line.length). */
  put(line: string): number;
  /** Calls an exported function on a line: fn(pointer, length, ...args). */
  onLine(fn: string, line: string, ...args: number[]): number;
  /** The bytes [ptr, ptr + len) of the module's memory as a latin1/ASCII string. */
  text(ptr: number, len: number): string;
  /** The 32-bit ints [ptr, ptr + 4 * count) of the module's memory. */
  ints(ptr: number, count: number): Int32Array;
}

let cached: ScannerWasm | null | undefined;

/** The module, or null when it was not built (no clang/wasm-ld here: `node scripts/build-scanner-wasm.js --check`). */
export function loadScannerWasm(): ScannerWasm | null {
  if (cached !== undefined) return cached;
  if (!fs.existsSync(SCANNER_WASM)) return (cached = null);
  // Its imports (env.schemePort: the services database) are the CLI's own.
  const own: { memory?: WebAssembly.Memory } = {};
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(SCANNER_WASM)), scannerWasmImports(() => own.memory!));
  const exports = instance.exports as unknown as Record<string, WasmFn> & { memory: WebAssembly.Memory };
  const memory = exports.memory;
  own.memory = memory;
  const put = (line: string): number => {
    const ptr = exports.Input_reserve(line.length + 1);
    if (ptr === 0) throw new Error('scanner.wasm: out of memory');
    const bytes = new Uint8Array(memory.buffer, ptr, line.length);
    for (let k = 0; k < line.length; k++) {
      const c = line.charCodeAt(k);
      if (c > 127) throw new Error(`not an ASCII line: ${JSON.stringify(line)}`);
      bytes[k] = c;
    }
    return ptr;
  };
  cached = {
    exports,
    memory,
    put,
    onLine: (fn, line, ...args) => {
      const f = exports[fn];
      if (typeof f !== 'function') throw new Error(`scanner.wasm exports no ${fn}`);
      return f(put(line), line.length, ...args);
    },
    text: (ptr, len) => Buffer.from(memory.buffer, ptr, len).toString('latin1'),
    ints: (ptr, count) => new Int32Array(memory.buffer.slice(ptr, ptr + 4 * count)),
  };
  return cached;
}

/**
 * The module for a test suite: in CI (NETLENS_TARGETS_STRICT) a missing module fails the suite; elsewhere the
 * suite is skipped with the reason (a machine without clang and lld builds the TypeScript scanner only).
 */
export function scannerWasmOrSkip(ctx: Mocha.Context): ScannerWasm {
  const wasm = loadScannerWasm();
  if (wasm) return wasm;
  if (process.env.NETLENS_TARGETS_STRICT) throw new Error(`${SCANNER_WASM} was not built (clang and lld are needed: see native/scanner/README.md)`);
  ctx.skip();
}

/** The CLI's native scanner (the same C for this machine, a Node-API addon): built on Linux and macOS. */
export const SCANNER_NODE = path.join(DIST_DIR, 'scanner.node');

/**
 * The native scanner's file for a test suite: in CI (NETLENS_TARGETS_STRICT) a missing one on Linux or macOS fails
 * the suite; elsewhere the suite is skipped with the reason.
 */
export function scannerNodeOrSkip(ctx: Mocha.Context): string {
  if (fs.existsSync(SCANNER_NODE)) return SCANNER_NODE;
  if (process.env.NETLENS_TARGETS_STRICT && (process.platform === 'linux' || process.platform === 'darwin')) throw new Error(`${SCANNER_NODE} was not built (a C compiler is needed: see native/scanner/README.md)`);
  ctx.skip();
}

export const ALL_CORPORA = [
  'scanner-corpus',
  'scanner-corpus-independent',
  'scanner-corpus-heldout',
  'scanner-corpus-heldout2',
  'scanner-corpus-heldout3',
  'scanner-corpus-heldout4',
  'scanner-corpus-heldout5',
  'scanner-corpus-heldout6',
  'scanner-corpus-heldout7',
];

/** Every ASCII line of every corpus in test/fixtures (the C handles ASCII lines; others go to the TypeScript). */
export function corpusAsciiLines(): string[] {
  const lines: string[] = [];
  for (const dir of ALL_CORPORA) {
    const files: CorpusFile[] = loadCorpus(path.join(REPO_ROOT, 'test', 'fixtures', dir));
    for (const f of files) for (const line of f.text.split(/\r\n|\n|\r/)) if (isAscii(line)) lines.push(line);
  }
  return lines;
}

export function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 127) return false;
  return true;
}

/**
 * `new PrivateSuffixes(list)` in the module (the product's encoding, setModulePrivateSuffixes): whether it took them
 * (false when it refuses: too many, too long, non-ASCII).
 */
export function setWasmPrivateSuffixes(wasm: ScannerWasm, list: readonly string[]): boolean {
  return setModulePrivateSuffixes({ memory: wasm.memory, Input_reserve: wasm.exports.Input_reserve, PrivateSuffixes_set: wasm.exports.PrivateSuffixes_set }, list);
}
