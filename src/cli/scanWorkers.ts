// `netlens scan --json` on a large input: its pieces (whole lines, scanInput.ts) are scanned by worker threads, one
// per core, and their JSON is written in the input's order: the bytes are exactly those of a scan in one thread
// (pieceJson, the same scanner), only sooner on a machine with more than one core. The workers run this CLI's own
// bundle (main.ts starts serveScanPieces instead of the CLI when it is loaded as one).
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { countLineEnds, createScanner, type ScanOptions } from '../core/scanner';
import type { LinePiece } from './scanInput';
import { JsonArrayWriter, pieceJson } from './scanJson';
import { WasmPieceScanner } from './scanJsonWasm';
import { compiledScannerModule, shareCompiledScannerModule } from './scannerModule';

/** What a scan worker is started with (its workerData). */
interface ScanWorkerData {
  /** The scan's private suffixes, and the main thread's compiled dist/scanner.wasm (null: there is none). */
  netlensScanWorker: { privateSuffixes: string[]; module: WebAssembly.Module | null };
}

/**
 * Main thread → worker: one piece to scan, its first line's number, and whether it ends the input; or memory of an
 * earlier reply's JSON, written out, moved back for the worker's next ones.
 */
type ScanRequest = { seq: number; bytes: Uint8Array; firstLine: number; last: boolean } | { recycle: ArrayBuffer };

/**
 * Worker → main thread: the piece's `,{…},{…}` as UTF-8 and the piece's memory moved back (null when it was not the
 * piece's own) for the main thread to read the next piece into, or why it could not be scanned (a bug: it is reported).
 */
type ScanReply = { seq: number; json: Uint8Array; spent: ArrayBuffer | null } | { seq: number; error: string };

/** Pieces sent ahead per worker: each always has the next one queued, and memory holds a few pieces per thread. */
const AHEAD_PER_WORKER = 2;

function isScanWorkerData(data: unknown): data is ScanWorkerData {
  return typeof data === 'object' && data !== null && 'netlensScanWorker' in data;
}

/** Whether this thread was started as a scan worker (then main.ts serves pieces instead of running the CLI). */
export function isScanWorkerThread(): boolean {
  return !isMainThread && isScanWorkerData(workerData);
}

/** The worker's side: scans each piece it is sent and replies with its JSON elements. */
export function serveScanPieces(): void {
  const port = parentPort;
  if (!port || !isScanWorkerData(workerData)) throw new Error('serveScanPieces runs in a scan worker only');
  const options = { privateSuffixes: workerData.netlensScanWorker.privateSuffixes };
  shareCompiledScannerModule(workerData.netlensScanWorker.module);
  // Memory for each piece's JSON, moved to the main thread and back once written: fresh memory costs a page fault
  // per 4 KiB, which made two workers slower than one thread (measured). The module's JSON is copied in once.
  const spare = new SpareMemory();
  const pooled = new WeakSet<Uint8Array>();
  const jsonMemory = (len: number): Uint8Array => {
    const view = new Uint8Array(spare.take(len) ?? new ArrayBuffer(Math.ceil(len * 1.25)), 0, len);
    pooled.add(view);
    return view;
  };
  // The ahead-of-time module writes the JSON of the lines it takes (scanJsonWasm.ts); without it, the TypeScript.
  const wasm = WasmPieceScanner.open(options, undefined, jsonMemory);
  const scanner = wasm === null ? createScanner(options) : null;
  // Requests are answered one at a time, in order (each awaits nothing but its own JSON's chunks), into one
  // builder at a time through one function (a new function per piece deoptimized pieceJson).
  let json = new Utf8Builder(pooled);
  const append = (chunk: string | Uint8Array): void => json.append(chunk);
  let queue = Promise.resolve();
  port.on('message', (req: ScanRequest) => {
    if ('recycle' in req) {
      spare.give(req.recycle);
      return;
    }
    queue = queue.then(async () => {
      let reply: ScanReply;
      const transfer: ArrayBuffer[] = [];
      try {
        const bytes = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
        json = new Utf8Builder(pooled);
        if (wasm !== null) await wasm.pieceJson({ bytes, last: req.last, owned: false }, req.firstLine, append);
        else if (scanner !== null) await pieceJson(scanner, bytes.toString('utf8'), req.firstLine, req.last, append);
        // The piece is read (copied into the module, or decoded): its memory goes back for the next piece.
        const spent = req.bytes.byteOffset === 0 && req.bytes.buffer instanceof ArrayBuffer ? req.bytes.buffer : null;
        reply = { seq: req.seq, json: json.bytes(), spent };
        transfer.push(reply.json.buffer as ArrayBuffer);
        if (spent !== null && spent !== reply.json.buffer) transfer.push(spent);
      } catch (err) {
        reply = { seq: req.seq, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
      }
      // The JSON's memory is its own (not Buffer's shared pool): it is moved to the main thread, not copied.
      port.postMessage(reply, transfer);
    });
  });
}

/**
 * UTF-8 text appended chunk by chunk into memory of its own, grown by doubling. A first chunk of bytes in memory of
 * the worker's pool (`pooled`: WasmPieceScanner's, a whole piece's JSON) is kept as it is: most pieces are one such chunk.
 */
class Utf8Builder {
  private buf = new Uint8Array(0);
  private length = 0;
  private only: Uint8Array | null = null;
  private readonly encoder = new TextEncoder();

  constructor(private readonly pooled: WeakSet<Uint8Array>) {}

  /** Text (encoded) or UTF-8 bytes (copied, or kept: see above). */
  append(chunk: string | Uint8Array): void {
    if (this.length === 0 && this.only === null && typeof chunk !== 'string' && this.pooled.has(chunk)) {
      this.only = chunk;
      return;
    }
    if (this.only !== null) {
      const first = this.only;
      this.only = null;
      this.appendCopy(first);
    }
    this.appendCopy(chunk);
  }

  private appendCopy(chunk: string | Uint8Array): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
    const most = typeof chunk === 'string' ? chunk.length * 3 : chunk.length;
    if (this.buf.length - this.length < most) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + most));
      grown.set(this.buf.subarray(0, this.length));
      this.buf = grown;
    }
    if (typeof chunk !== 'string') {
      this.buf.set(chunk, this.length);
      this.length += chunk.length;
    } else this.length += this.encoder.encodeInto(chunk, this.buf.subarray(this.length)).written;
  }

  /** What was appended, in memory of its own (a copy only when most of the buffer is unused). */
  bytes(): Uint8Array {
    if (this.only !== null) return this.only;
    return this.length * 2 >= this.buf.length ? this.buf.subarray(0, this.length) : this.buf.slice(0, this.length);
  }
}

/**
 * Memory moved back from the other thread once it was done with it, kept for the next piece or JSON instead of fresh
 * memory (its page faults, one per 4 KiB, cost as much as the reading). At most a few blocks: as many as are in flight.
 */
class SpareMemory {
  private readonly spare: ArrayBuffer[] = [];

  /** A kept block of at least `size` bytes, or null (the caller takes fresh memory). */
  take(size: number): ArrayBuffer | null {
    const k = this.spare.findIndex((b) => b.byteLength >= size);
    return k >= 0 ? this.spare.splice(k, 1)[0] : null;
  }

  give(memory: ArrayBuffer): void {
    if (this.spare.length < 8) this.spare.push(memory);
  }
}

/**
 * Memory for the pieces the main thread reads (ScanInput.pieces' `memory`): the workers move each piece's memory
 * back once they have read it, and the next pieces are read into it.
 */
export class PieceMemory {
  private readonly spare = new SpareMemory();

  readonly take = (size: number): Buffer => {
    const kept = this.spare.take(size);
    return kept !== null ? Buffer.from(kept, 0, size) : Buffer.allocUnsafeSlow(size);
  };

  give(memory: ArrayBuffer): void {
    this.spare.give(memory);
  }
}

interface Pending {
  resolve(json: Uint8Array): void;
  reject(err: Error): void;
  worker: number;
}

/**
 * Writes the JSON array of the pieces' matches, scanned by `jobs` worker threads running `script`. Pieces go to
 * the worker with the fewest outstanding; the main thread reads, numbers lines and writes, in order, with the
 * writer's backpressure. A worker that fails or exits fails the whole answer (no partial array is passed off as
 * complete); the workers are stopped either way.
 */
export async function writeScanJsonInWorkers(
  pieces: Iterable<LinePiece>,
  options: ScanOptions,
  jobs: number,
  script: string,
  write: (chunk: string | Uint8Array) => Promise<void>,
  memory: PieceMemory | null = null
): Promise<void> {
  const data: ScanWorkerData = { netlensScanWorker: { privateSuffixes: [...(options.privateSuffixes ?? [])], module: compiledScannerModule() } };
  const workers: Worker[] = [];
  const outstanding: number[] = [];
  const pending = new Map<number, Pending>();
  let broken: Error | undefined;
  const fail = (worker: number, err: Error): void => {
    broken ??= err;
    for (const [seq, p] of pending) {
      if (p.worker !== worker) continue;
      pending.delete(seq);
      p.reject(err);
    }
  };
  for (let w = 0; w < jobs; w++) {
    // Its stdout is not joined to ours (nothing may slip into the JSON); its stderr is, for a crash's report.
    const worker = new Worker(script, { workerData: data, stdout: true, stderr: false });
    worker.on('message', (reply: ScanReply) => {
      const p = pending.get(reply.seq);
      if (!p) return;
      pending.delete(reply.seq);
      outstanding[w]--;
      if ('json' in reply && reply.spent !== null) memory?.give(reply.spent);
      if ('json' in reply) p.resolve(reply.json);
      else fail(w, new Error(`scan worker ${w}: ${reply.error}`));
    });
    worker.on('error', (err) => fail(w, err));
    worker.on('exit', (code) => fail(w, new Error(`scan worker ${w} exited (code ${code}) before answering`)));
    workers.push(worker);
    outstanding.push(0);
  }
  const send = (seq: number, piece: LinePiece, firstLine: number): { json: Promise<Uint8Array>; worker: number } => {
    let w = 0;
    for (let k = 1; k < jobs; k++) if (outstanding[k] < outstanding[w]) w = k;
    const result = new Promise<Uint8Array>((resolve, reject) => pending.set(seq, { resolve, reject, worker: w }));
    result.catch(() => undefined); // it is awaited in order later; a failure meanwhile must not count as unhandled
    outstanding[w]++;
    // Moved to the worker when the memory is the piece's own; else a copy of just the piece (cloning a view
    // would clone all of the memory under it).
    const bytes = piece.owned ? piece.bytes : new Uint8Array(piece.bytes);
    const req: ScanRequest = { seq, bytes, firstLine, last: piece.last };
    workers[w].postMessage(req, [bytes.buffer as ArrayBuffer]);
    return { json: result, worker: w };
  };
  // A reply's JSON, written out (the writer is done with its memory then): its memory goes back to its worker.
  const writeOut = async (reply: { json: Promise<Uint8Array>; worker: number }, out: JsonArrayWriter): Promise<void> => {
    const json = await reply.json;
    await out.elements(json);
    if (json.buffer instanceof ArrayBuffer && broken === undefined) workers[reply.worker].postMessage({ recycle: json.buffer } satisfies ScanRequest, [json.buffer]);
  };
  try {
    const out = new JsonArrayWriter(write);
    await out.open();
    const queue: { json: Promise<Uint8Array>; worker: number }[] = [];
    let seq = 0;
    let line = 0;
    for (const piece of pieces) {
      if (broken !== undefined) throw broken;
      const lines = piece.last ? 0 : countLineEnds(piece.bytes); // before send: the bytes may move to the worker
      queue.push(send(seq++, piece, line));
      line += lines;
      if (queue.length >= AHEAD_PER_WORKER * jobs) await writeOut(queue.shift()!, out);
    }
    while (queue.length > 0) await writeOut(queue.shift()!, out);
    await out.close();
  } finally {
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
