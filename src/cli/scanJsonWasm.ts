// `netlens scan --json` written by the ahead-of-time scanner (dist/scanner.wasm, native/scanner/jsonout.c): the C
// scans a piece's ASCII lines and writes their JSON elements itself; a line it does not take (non-ASCII, or too
// large for it) comes back here and is scanned by the TypeScript into the same output. The bytes are exactly
// writeScanJsonHere's, which also writes everything when the module is missing or refuses the private suffixes.
import * as fs from 'fs';
import * as path from 'path';
import { ResolverFailure } from '../core/resolverError';
import { createScanner, type HostMatch, type HostScanner, type ScanOptions } from '../core/scanner';
import { schemePort, type PortSource } from '../core/urlPort';
import type { LinePiece } from './scanInput';
import { JsonArrayWriter, matchJsonText, pieceJson, writeScanJsonHere } from './scanJson';

/** The module next to the CLI's bundle (dist/cli.js, dist/scanner.wasm), as the CLI finds its helper. */
export const SCANNER_WASM_NEXT_TO_CLI = path.join(__dirname, 'scanner.wasm');

/** jsonout.h's JsonOut_run answers. */
const JSON_DONE = 0;
const JSON_FOR_TYPESCRIPT = 1;
const JSON_FLUSH = 2;
/** jsonout.h's JSON_CHUNK: output bytes handed on at once. */
const JSON_CHUNK_BYTES = 64 * 1024;

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

/** What the module imports: `memory` is its own memory, known once it is instantiated. */
export function scannerWasmImports(memory: () => WebAssembly.Memory): WebAssembly.Imports {
  return {
    env: {
      schemePort: (ptr: number, len: number): number => schemePortCode(Buffer.from(memory().buffer, ptr, len).toString('latin1')),
    },
  };
}

interface JsonOutExports {
  memory: WebAssembly.Memory;
  Input_reserve(size: number): number;
  PrivateSuffixes_set(list: number, count: number): number;
  JsonOut_pieceBuffer(size: number): number;
  JsonOut_begin(piece: number, len: number, firstLine: number, last: number): void;
  JsonOut_run(): number;
  JsonOut_lineStart(): number;
  JsonOut_lineEnd(): number;
  JsonOut_lineNo(): number;
  JsonOut_data(): number;
  JsonOut_length(): number;
  JsonOut_clear(): void;
  JsonOut_reserve(size: number): number;
  JsonOut_commit(n: number): void;
}

const JSON_OUT_FUNCTIONS = ['Input_reserve', 'PrivateSuffixes_set', 'JsonOut_pieceBuffer', 'JsonOut_begin', 'JsonOut_run', 'JsonOut_lineStart', 'JsonOut_lineEnd', 'JsonOut_lineNo', 'JsonOut_data', 'JsonOut_length', 'JsonOut_clear', 'JsonOut_reserve', 'JsonOut_commit'];

/** Compiled modules by file (null: no such file). */
const modules = new Map<string, WebAssembly.Module | null>();

function compiled(file: string): WebAssembly.Module | null {
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

/** Instances not in use, by file: a scan takes one (its state is that scan's) and gives it back when done. */
const idle = new Map<string, JsonOutExports[]>();

/** An instance of the module no scan is using, or null without a module that writes JSON. */
function instantiate(file: string): JsonOutExports | null {
  const free = idle.get(file)?.pop();
  if (free) return free;
  const mod = compiled(file);
  if (mod === null) return null;
  const own: { memory?: WebAssembly.Memory } = {};
  const instance = new WebAssembly.Instance(mod, scannerWasmImports(() => own.memory!));
  const exports = instance.exports as unknown as JsonOutExports;
  own.memory = exports.memory;
  for (const name of JSON_OUT_FUNCTIONS) if (typeof (exports as unknown as Record<string, unknown>)[name] !== 'function') return null;
  return exports;
}

/** `new PrivateSuffixes(list)` in the C: false when it refuses them (too many, or not ASCII) or cannot take any. */
function setPrivateSuffixes(wasm: JsonOutExports, list: readonly string[]): boolean {
  const encoded = list.map((s) => Buffer.from(s, 'utf8'));
  const size = encoded.reduce((sum, b) => sum + 4 + b.length, 0);
  const ptr = wasm.Input_reserve(size + 1);
  if (ptr === 0) return false;
  const view = new DataView(wasm.memory.buffer, ptr, size);
  let at = 0;
  for (const b of encoded) {
    view.setInt32(at, b.length, true);
    new Uint8Array(wasm.memory.buffer, ptr + at + 4, b.length).set(b);
    at += 4 + b.length;
  }
  return wasm.PrivateSuffixes_set(ptr, encoded.length) === 0;
}

/**
 * One piece's elements (pieceJson's, with the C writing the lines it takes) handed to `out` in chunks of about
 * JSON_CHUNK_BYTES. Returns how many lines the piece had.
 */
async function wasmPieceJson(wasm: JsonOutExports, scanner: HostScanner, piece: LinePiece, firstLine: number, out: JsonArrayWriter, encoder: TextEncoder, found: HostMatch[]): Promise<number> {
  const bytes = piece.bytes;
  const ptr = wasm.JsonOut_pieceBuffer(Math.max(1, bytes.length));
  if (ptr === 0) return pieceJson(scanner, bytes.toString('utf8'), firstLine, piece.last, (json) => out.elements(json));
  new Uint8Array(wasm.memory.buffer, ptr, bytes.length).set(bytes);
  const flush = async (): Promise<void> => {
    const len = wasm.JsonOut_length();
    if (len === 0) return;
    const data = wasm.JsonOut_data();
    // A copy: the module reuses its output's memory (not zero-filled first: every byte is written).
    const chunk = Buffer.allocUnsafeSlow(len);
    chunk.set(new Uint8Array(wasm.memory.buffer, data, len));
    wasm.JsonOut_clear();
    await out.elements(chunk);
  };
  wasm.JsonOut_begin(ptr, bytes.length, firstLine, piece.last ? 1 : 0);
  for (;;) {
    const status = wasm.JsonOut_run();
    if (status === JSON_DONE) break;
    if (status === JSON_FOR_TYPESCRIPT) {
      // The line's bytes decode as they do within the whole piece: its ends are ASCII, which end any UTF-8 sequence.
      const line = bytes.toString('utf8', wasm.JsonOut_lineStart(), wasm.JsonOut_lineEnd());
      if (found.length !== 0) found.length = 0;
      scanner.scanLineInto(line, wasm.JsonOut_lineNo(), found);
      let json = '';
      for (const m of found) json += ',' + matchJsonText(m);
      if (json.length !== 0) {
        // Into the module's output, after the elements before it (a UTF-16 code unit is at most 3 UTF-8 bytes).
        let at = wasm.JsonOut_reserve(json.length * 3);
        if (at === 0) {
          await flush();
          at = wasm.JsonOut_reserve(json.length * 3);
        }
        if (at === 0) await out.elements(json);
        else wasm.JsonOut_commit(encoder.encodeInto(json, new Uint8Array(wasm.memory.buffer, at, json.length * 3)).written);
      }
      if (wasm.JsonOut_length() >= JSON_CHUNK_BYTES) await flush();
    } else if (status === JSON_FLUSH) {
      await flush();
    } else {
      throw new Error(`scanner.wasm: JsonOut_run answered ${status}`);
    }
  }
  await flush();
  return wasm.JsonOut_lineNo() + 1 - firstLine;
}

/**
 * writeScanJsonHere's output, byte for byte, with the lines the module takes scanned and written by it: `[`, the
 * elements, `]`, each write awaited. Without the module (`wasmFile`, next to the CLI by default) or when it
 * refuses the private suffixes, writeScanJsonHere writes it all.
 */
export async function writeScanJsonWasm(pieces: Iterable<LinePiece>, options: ScanOptions, write: (chunk: string | Uint8Array) => Promise<void>, wasmFile = SCANNER_WASM_NEXT_TO_CLI): Promise<void> {
  const wasm = instantiate(wasmFile);
  if (wasm === null) return writeScanJsonHere(pieces, options, write);
  try {
    if (!setPrivateSuffixes(wasm, options.privateSuffixes ?? [])) return await writeScanJsonHere(pieces, options, write);
    wasm.JsonOut_clear(); // what a scan that failed halfway left
    const scanner = createScanner(options);
    const out = new JsonArrayWriter(write);
    const encoder = new TextEncoder();
    const found: HostMatch[] = [];
    await out.open();
    let line = 0;
    for (const piece of pieces) line += await wasmPieceJson(wasm, scanner, piece, line, out, encoder, found);
    await out.close();
  } finally {
    let free = idle.get(wasmFile);
    if (!free) idle.set(wasmFile, (free = []));
    free.push(wasm);
  }
}
