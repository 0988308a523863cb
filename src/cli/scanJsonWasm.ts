// `netlens scan --json` written by the ahead-of-time scanner (native/scanner/jsonout.c): the C scans a piece's lines
// and writes their JSON elements itself; a line it does not take (malformed UTF-8, a character or top-level domain
// its ASCII shadow cannot stand for, too large for it) comes back here, is scanned by an AotHostScanner (the module
// again, or the TypeScript) and its elements written into the same output. The C runs as dist/scanner.node (compiled
// for this machine, in the CLI's main thread) where there is one, else as dist/scanner.wasm: the two have the same
// exports (JsonOutExports). The bytes are exactly writeScanJsonHere's, which also writes everything when neither is
// here or the C refuses the private suffixes.
import { createScanner, type HostMatch, type HostScanner, type ScanOptions } from '../core/scanner';
import { AotHostScanner, setModulePrivateSuffixes } from '../core/scanner/aotScanner';
import type { LinePiece } from './scanInput';
import { JsonArrayWriter, matchJsonText, pieceJson, writeScanJsonHere } from './scanJson';
import { compiledScannerModule, nativeScanner, SCANNER_NODE_NEXT_TO_CLI, SCANNER_WASM_NEXT_TO_CLI, scannerWasmImports } from './scannerModule';

/** jsonout.h's JsonOut_run answers. */
const JSON_DONE = 0;
const JSON_FOR_TYPESCRIPT = 1;
const JSON_FLUSH = 2;
/** jsonout.h's JSON_CHUNK: output bytes handed on at once. */
const JSON_CHUNK_BYTES = 64 * 1024;
/** A chunk size no piece's JSON reaches: the piece's JSON is handed on whole (WasmPieceScanner.open's `wholeInto`). */
const JSON_WHOLE_PIECE = 0x7fffffff;

/** The output bytes after which JSON is handed on: a chunk, or (with memory to copy it into) a whole piece's. */
function chunkBytes(wholeInto: ((len: number) => Uint8Array) | null): number {
  return wholeInto === null ? JSON_CHUNK_BYTES : JSON_WHOLE_PIECE;
}

/** The JSON writer's functions, in scanner.wasm and scanner.node alike (a pointer is an offset in `memory.buffer`). */
interface JsonOutExports {
  memory: { readonly buffer: ArrayBuffer };
  Input_reserve(size: number): number;
  PrivateSuffixes_set(list: number, count: number): number;
  JsonOut_pieceBuffer(size: number): number;
  JsonOut_setChunk(bytes: number): void;
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

const JSON_OUT_FUNCTIONS = ['Input_reserve', 'PrivateSuffixes_set', 'JsonOut_pieceBuffer', 'JsonOut_setChunk', 'JsonOut_begin', 'JsonOut_run', 'JsonOut_lineStart', 'JsonOut_lineEnd', 'JsonOut_lineNo', 'JsonOut_data', 'JsonOut_length', 'JsonOut_clear', 'JsonOut_reserve', 'JsonOut_commit'];

/** Instances not in use, by file: a scan takes one (its state is that scan's) and gives it back when done. */
const idle = new Map<string, JsonOutExports[]>();
/** The addons handed out once already: there is one per file and process, back in `idle` when its scan is done. */
const nativeTaken = new Set<string>();

/**
 * The addon that goes with the module `wasmFile`: the CLI's own (both next to its bundle), else none (a test that
 * names another module names the addon it wants too).
 */
function addonBeside(wasmFile: string): string | null {
  return wasmFile === SCANNER_WASM_NEXT_TO_CLI ? SCANNER_NODE_NEXT_TO_CLI : null;
}

function hasJsonOut(exports: unknown): exports is JsonOutExports {
  return JSON_OUT_FUNCTIONS.every((name) => typeof (exports as Record<string, unknown>)[name] === 'function');
}

/**
 * An instance no scan is using: of the addon `file` (scanner.node; null while another scan of this thread has it),
 * else of the module `file`; null without one that writes JSON.
 */
function instantiate(file: string): JsonOutExports | null {
  const free = idle.get(file)?.pop();
  if (free) return free;
  if (file.endsWith('.node')) {
    if (nativeTaken.has(file)) return null;
    const addon = nativeScanner(file);
    if (addon === null || !hasJsonOut(addon)) return null;
    nativeTaken.add(file);
    return addon;
  }
  const mod = compiledScannerModule(file);
  if (mod === null) return null;
  const own: { memory?: WebAssembly.Memory } = {};
  const instance = new WebAssembly.Instance(mod, scannerWasmImports(() => own.memory!));
  const exports = instance.exports as unknown as JsonOutExports;
  own.memory = instance.exports.memory as WebAssembly.Memory;
  return hasJsonOut(exports) ? exports : null;
}

/**
 * One piece's elements (pieceJson's, with the C writing the lines it takes) handed to `emit` in chunks of about
 * JSON_CHUNK_BYTES: views of the module's memory, valid until emit's promise resolves (it must be done with them
 * then, as CliIo.write is); or, with `wholeInto`, in one chunk of the memory it gives (emit may keep it).
 * Returns how many lines the piece had.
 */
async function wasmPieceJson(wasm: JsonOutExports, lines: () => HostScanner, piece: LinePiece, firstLine: number, emit: (json: string | Uint8Array) => Promise<void> | void, encoder: TextEncoder, found: HostMatch[], wholeInto: ((len: number) => Uint8Array) | null): Promise<number> {
  const chunk = chunkBytes(wholeInto);
  const bytes = piece.bytes;
  const ptr = wasm.JsonOut_pieceBuffer(Math.max(1, bytes.length));
  if (ptr === 0) return pieceJson(lines(), bytes.toString('utf8'), firstLine, piece.last, emit);
  new Uint8Array(wasm.memory.buffer, ptr, bytes.length).set(bytes);
  const flush = async (): Promise<void> => {
    const len = wasm.JsonOut_length();
    if (len === 0) return;
    const view = new Uint8Array(wasm.memory.buffer, wasm.JsonOut_data(), len);
    if (wholeInto === null) {
      // Written from the module's memory, which it reuses once the write is done with it (CliIo.write): fresh
      // memory for each chunk cost a page fault per 4 KiB.
      await emit(view);
      wasm.JsonOut_clear();
      return;
    }
    // A piece's JSON whole, in memory that is the caller's (a worker moves it to the main thread).
    const whole = wholeInto(len);
    whole.set(view);
    wasm.JsonOut_clear();
    await emit(whole);
  };
  wasm.JsonOut_begin(ptr, bytes.length, firstLine, piece.last ? 1 : 0);
  for (;;) {
    const status = wasm.JsonOut_run();
    if (status === JSON_DONE) break;
    if (status === JSON_FOR_TYPESCRIPT) {
      // The line's bytes decode as they do within the whole piece: its ends are ASCII, which end any UTF-8 sequence.
      const line = bytes.toString('utf8', wasm.JsonOut_lineStart(), wasm.JsonOut_lineEnd());
      if (found.length !== 0) found.length = 0;
      lines().scanLineInto(line, wasm.JsonOut_lineNo(), found);
      let json = '';
      for (const m of found) json += ',' + matchJsonText(m);
      if (json.length !== 0) {
        // Into the module's output, after the elements before it (a UTF-16 code unit is at most 3 UTF-8 bytes).
        let at = wasm.JsonOut_reserve(json.length * 3);
        if (at === 0) {
          await flush();
          at = wasm.JsonOut_reserve(json.length * 3);
        }
        if (at === 0) await emit(json);
        else wasm.JsonOut_commit(encoder.encodeInto(json, new Uint8Array(wasm.memory.buffer, at, json.length * 3)).written);
      }
      if (wasm.JsonOut_length() >= chunk) await flush();
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
 * One scan's instance of the C (the addon or the module), with a scanner for the lines the C hands back: pieces in,
 * their JSON elements (`,{…},{…}`, pieceJson's bytes) out. A scan worker keeps one for all its pieces.
 */
export class WasmPieceScanner {
  private readonly encoder = new TextEncoder();
  private readonly found: HostMatch[] = [];
  private released = false;
  private scanner: HostScanner | null = null;
  /**
   * A line JsonOut hands back (malformed UTF-8, a character or top-level domain no shadow byte stands for, a line
   * past the C's room) is tried by an AotHostScanner, which gives it to the TypeScript where it must. Made for the
   * first such line: most files have none, and the addon's scans then never compile the module.
   */
  private readonly lines = (): HostScanner => (this.scanner ??= AotHostScanner.create(this.options, compiledScannerModule(this.wasmFile)) ?? createScanner(this.options));

  private constructor(
    private readonly wasm: JsonOutExports,
    private readonly options: ScanOptions,
    private readonly file: string,
    private readonly wasmFile: string,
    private readonly wholeInto: ((len: number) => Uint8Array) | null
  ) {}

  /**
   * Null without a C that writes JSON — the addon `nativeFile` (null: not asked for; else free in this thread), else
   * the module `wasmFile` (both next to the CLI by default) — or when it refuses the private suffixes. With
   * `wholeInto`, each piece's JSON is handed on in one chunk, copied out of the C's memory into the memory it gives
   * for that many bytes (a scan worker's, moved to the main thread as it is); else in chunks of about
   * JSON_CHUNK_BYTES, views of the C's memory (written as they come).
   */
  static open(
    options: ScanOptions,
    wasmFile = SCANNER_WASM_NEXT_TO_CLI,
    wholeInto: ((len: number) => Uint8Array) | null = null,
    nativeFile: string | null = addonBeside(wasmFile)
  ): WasmPieceScanner | null {
    let file = nativeFile;
    let wasm = file === null ? null : instantiate(file);
    if (wasm === null) wasm = instantiate((file = wasmFile));
    if (wasm === null || file === null) return null;
    if (!setModulePrivateSuffixes(wasm, options.privateSuffixes ?? [])) {
      release(file, wasm);
      return null;
    }
    wasm.JsonOut_clear(); // what a scan that failed halfway left
    wasm.JsonOut_setChunk(chunkBytes(wholeInto));
    return new WasmPieceScanner(wasm, options, file, wasmFile, wholeInto);
  }

  /** Whether the C runs as the addon (scanner.node) rather than the module. */
  get native(): boolean {
    return this.file.endsWith('.node');
  }

  /** The piece's elements handed to `emit` in chunks (see open and wasmPieceJson); returns how many lines it had. */
  pieceJson(piece: LinePiece, firstLine: number, emit: (json: string | Uint8Array) => Promise<void> | void): Promise<number> {
    return wasmPieceJson(this.wasm, this.lines, piece, firstLine, emit, this.encoder, this.found, this.wholeInto);
  }

  /** Gives the instance back for the next scan. */
  release(): void {
    if (this.released) return;
    this.released = true;
    release(this.file, this.wasm);
  }
}

function release(file: string, wasm: JsonOutExports): void {
  let free = idle.get(file);
  if (!free) idle.set(file, (free = []));
  free.push(wasm);
}

/**
 * writeScanJsonHere's output, byte for byte, with the lines the C takes scanned and written by it: `[`, the
 * elements, `]`, each write awaited. The C is the addon `nativeFile` when there is one (WasmPieceScanner.open), else
 * the module `wasmFile` (both next to the CLI by default); without either, or when the C refuses the private
 * suffixes, writeScanJsonHere writes it all.
 */
export async function writeScanJsonWasm(
  pieces: Iterable<LinePiece>,
  options: ScanOptions,
  write: (chunk: string | Uint8Array) => Promise<void>,
  wasmFile = SCANNER_WASM_NEXT_TO_CLI,
  nativeFile: string | null = addonBeside(wasmFile)
): Promise<void> {
  const scanner = WasmPieceScanner.open(options, wasmFile, null, nativeFile);
  if (scanner === null) return writeScanJsonHere(pieces, options, write);
  try {
    const out = new JsonArrayWriter(write);
    const emit = (json: string | Uint8Array): Promise<void> => out.elements(json);
    await out.open();
    let line = 0;
    for (const piece of pieces) line += await scanner.pieceJson(piece, line, emit);
    await out.close();
  } finally {
    scanner.release();
  }
}
