/**
 * The scanner through the ahead-of-time module (native/scanner: the TypeScript scanner ported to C, compiled to
 * wasm32). It gives the matches HostScanner gives — the differential tests (test/unit/scannerWasm*.test.ts) hold the
 * two equal — for ASCII lines, and for the others through their ASCII shadows (asciiShadow.ts); a line the module
 * does not take (see writeAsciiShadow) or has no room for is scanned by the TypeScript it extends. Pure: the caller
 * compiles the module from its bytes (the extension, the CLI and the bench read dist/scanner.wasm) and registers it
 * with useAotModule.
 */
import { decodeRecords } from './aotRecords';
import { writeAsciiShadow } from './asciiShadow';
import { HostScanner } from './hostScanner';
import type { HostMatch, ScanOptions } from './types';

/** What the module exports that this file calls (native/scanner/hostscanner.h, suffixrules.h, base.h). */
interface AotExports {
  memory: WebAssembly.Memory;
  Input_reserve(size: number): number;
  HostScanner_scanLine: (ptr: number, n: number) => number;
  HostScanner_records(): number;
  PrivateSuffixes_set(list: number, count: number): number;
}

/**
 * The functions the module imports: `env.schemePort` answers `scan --json`'s port lookups (native/scanner/jsonout.c);
 * a scanner never calls it.
 */
export interface AotImports {
  env: Record<string, (...args: number[]) => number>;
}

let aotModule: WebAssembly.Module | null = null;
let aotImports: WebAssembly.Imports = {};

/** Makes createScanner (and scanLine, scanText, scanLines) scan through this module from now on; null stops it. */
export function useAotModule(module: WebAssembly.Module | null, imports: AotImports | null = null): void {
  aotModule = module;
  aotImports = module === null ? {} : importsFor(module, imports);
}

/**
 * Every function the module imports: the given ones, and for the rest one that throws (a scanner never calls
 * `scan --json`'s imports; instantiating needs them all the same).
 */
function importsFor(module: WebAssembly.Module, given: AotImports | null): WebAssembly.Imports {
  const imports: Record<string, Record<string, (...args: number[]) => number>> = {};
  for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
    if (kind !== 'function') continue;
    const fn =
      given?.env && from === 'env' && name in given.env
        ? given.env[name]
        : (): number => {
            throw new Error(`scanner.wasm called ${from}.${name}, which this scanner does not provide`);
          };
    (imports[from] ??= {})[name] = fn;
  }
  return imports;
}

export function currentAotModule(): WebAssembly.Module | null {
  return aotModule;
}

const encoder = new TextEncoder();

/** What setModulePrivateSuffixes needs of an instance's exports. */
export interface PrivateSuffixesExports {
  /** The module's memory (or the CLI's native scanner's, which has the same exports: src/cli/scanJsonWasm.ts). */
  memory: { readonly buffer: ArrayBuffer };
  Input_reserve(size: number): number;
  PrivateSuffixes_set(list: number, count: number): number;
}

/**
 * `new PrivateSuffixes(list)` in a module instance (suffixrules.h): each suffix's UTF-8 bytes after their length as a
 * little-endian int32. False when the module refuses them (too many, or a non-ASCII one) or has no memory left: the
 * caller then scans with the TypeScript.
 */
export function setModulePrivateSuffixes(ex: PrivateSuffixesExports, suffixes: readonly string[]): boolean {
  const encoded = suffixes.map((s) => encoder.encode(s));
  const size = encoded.reduce((sum, b) => sum + 4 + b.length, 0);
  const ptr = ex.Input_reserve(Math.max(size, 1));
  if (ptr === 0) return false;
  const view = new DataView(ex.memory.buffer, ptr, Math.max(size, 1));
  let k = 0;
  for (const b of encoded) {
    view.setInt32(k, b.length, true);
    new Uint8Array(ex.memory.buffer, ptr + k + 4, b.length).set(b);
    k += 4 + b.length;
  }
  return ex.PrivateSuffixes_set(ptr, encoded.length) === 0;
}

export class AotHostScanner extends HostScanner {
  private readonly ex: AotExports;
  /** HostScanner_scanLine, read off the exports once (a property of the exports object per line cost more). */
  private readonly scan: (ptr: number, n: number) => number;
  /** The module's input buffer and a view of it, as JavaScript last saw them (a grown memory detaches views). */
  private input = 0;
  private room = 0;
  private bytes = new Uint8Array(0);
  /** The module's whole memory as int32s, and where HostScanner_records() is in it (a fixed address: hostscanner.h). */
  private ints = new Int32Array(0);
  private recordsBase = 0;

  private constructor(instance: WebAssembly.Instance, options: ScanOptions) {
    super(options);
    this.ex = instance.exports as unknown as AotExports;
    this.scan = this.ex.HostScanner_scanLine;
  }

  /**
   * A scanner through the registered module (or the one given), or null when there is none or it cannot hold the
   * private suffixes (too many, or a non-ASCII one): the caller then uses the TypeScript HostScanner.
   */
  static create(options: ScanOptions = {}, module: WebAssembly.Module | null = aotModule): AotHostScanner | null {
    if (module === null) return null;
    const instance = new WebAssembly.Instance(module, module === aotModule ? aotImports : importsFor(module, null));
    const scanner = new AotHostScanner(instance, options);
    return setModulePrivateSuffixes(scanner.ex, options.privateSuffixes ?? []) ? scanner : null;
  }

  /** Room for a line of n characters in the module's input buffer, and fresh views; false when memory cannot grow. */
  private reserve(n: number): boolean {
    // More than the line (a non-ASCII line's UTF-8 is longer: encodeInto then stops short, which tells it apart).
    const size = Math.max(n + 8, this.room, 4096);
    this.input = this.ex.Input_reserve(size);
    if (this.input === 0) return false;
    this.room = size;
    const buffer = this.ex.memory.buffer;
    this.bytes = new Uint8Array(buffer, this.input, size);
    this.ints = new Int32Array(buffer);
    this.recordsBase = this.ex.HostScanner_records() >> 2;
    return true;
  }

  override scanLineInto(s: string, lineNo: number, out: HostMatch[]): void {
    const n = s.length;
    if (n === 0) return;
    // A view of a grown (detached) memory has no bytes left.
    if ((n > this.room || this.bytes.byteLength === 0) && !this.reserve(n)) return super.scanLineInto(s, lineNo, out);
    // One native call copies the line and tells whether it is ASCII: then each UTF-16 unit became one byte. Any other
    // character (a lone surrogate too) takes 2-4 bytes, and with room for n + 8 bytes the encoder either writes the
    // whole line, more than n bytes, or stops within 3 bytes of the room's end: never exactly n.
    // Any other line goes in as its ASCII shadow (asciiShadow.ts): a JavaScript loop, but such lines are few.
    if (encoder.encodeInto(s, this.bytes).written !== n && !writeAsciiShadow(s, this.bytes)) return super.scanLineInto(s, lineNo, out);
    const count = this.scan(this.input, n);
    if (count > 0) decodeRecords(s, lineNo, this.ints, this.recordsBase, count, out);
    else if (count < 0) super.scanLineInto(s, lineNo, out);
  }
}
