// `netlens scan FILE|-`: the hosts, IPs and URLs NetLens sees in a file, as the editor underlines them. Pure: it
// reads the file and scans it (a large one in worker threads, scanWorkers.ts), and never starts the resolver helper
// or resolves anything.
import { availableParallelism, constants as osConstants } from 'os';
import { pyStr } from '../../core/pythonRepr';
import { ResolverFailure, type ResolverErrorInfo } from '../../core/resolverError';
import { scanText, type ScanOptions } from '../../core/scanner';
import { expectPositionals } from '../args';
import { UsageError, type CliCommand } from '../command';
import { table } from '../output';
import { openScanInput, PIECE_BYTES, readScanText, SCAN_MAX_BYTES, type LinePiece, type ScanInput } from '../scanInput';
import { matchJson } from '../scanJson';
import { writeScanJsonWasm } from '../scanJsonWasm';
import { nativeScanner, nativeScannerProblem, useCliScannerModule } from '../scannerModule';
import { PieceMemory, writeScanJsonInWorkers } from '../scanWorkers';

export type { ScanMatchJson } from '../scanJson';

/**
 * Inputs smaller than this are scanned in the CLI's own thread. A worker costs a thread's start, the bundle's load
 * and its own module instances (~100 ms of CPU each, measured), and the main thread still reads and writes
 * everything; with the scanner in wasm the scan itself is fast, so on 2 cores 2 workers first break even at 32 MiB
 * of dense text (0.66 s against 0.69 in this thread; 16 MiB: 0.52 against 0.45; 64 MiB: 0.91 against 1.02). With the
 * native scanner (dist/scanner.node) this thread alone keeps up with 2 workers even at 64 MiB (0.83 and 1.10 s against
 * 0.85 and 0.90, one run each) in half the memory (61 against 128 MiB): workers then only on `--jobs`.
 */
export const PARALLEL_MIN_BYTES = 32 * PIECE_BYTES;
/** The most worker threads `scan` starts (`--jobs` and the default both). */
export const MAX_SCAN_JOBS = 16;

/** glibc's strerror texts for the errors reading a file can give, so messages read as Python's do. */
const STRERROR: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  EIO: 'Input/output error',
  ENXIO: 'No such device or address',
  EAGAIN: 'Resource temporarily unavailable',
  EFBIG: `File too large (scan reads at most ${SCAN_MAX_BYTES / 1024 / 1024} MiB)`,
};

/** Python's `open(path)` error: `[Errno 2] No such file or directory: 'x'` (stdin errors have no file name). */
export function readError(err: NodeJS.ErrnoException, file: string | null): ResolverErrorInfo {
  const code = err.code ?? null;
  const errnoTable = osConstants.errno as Readonly<Record<string, number>>;
  const errno = code !== null && code in errnoTable ? errnoTable[code] : null;
  const text = (code !== null ? STRERROR[code] : undefined) ?? err.message;
  return { kind: 'OSError', errno, code, message: file === null ? text : `${text}: ${pyStr(file)}` };
}

/** How many threads may scan, and whether the user said so (`--jobs N`) or it is the default (one per core). */
export interface ScanJobs {
  jobs: number;
  explicit: boolean;
}

/** `--jobs N`, 1 to MAX_SCAN_JOBS (1: the CLI's own thread); by default one per core, at most MAX_SCAN_JOBS. */
export function scanJobs(option: string | undefined): ScanJobs {
  if (option === undefined) return { jobs: Math.min(availableParallelism(), MAX_SCAN_JOBS), explicit: false };
  if (!/^[0-9]+$/.test(option) || Number(option) < 1 || Number(option) > MAX_SCAN_JOBS) {
    throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_SCAN_JOBS}, not ${JSON.stringify(option)}`);
  }
  return { jobs: Number(option), explicit: true };
}

/** The input's pieces (ScanInput.pieces), a read error in the middle of a file reported in Python's words (readError). */
function* readPieces(input: ScanInput, file: string | null, reuse: boolean, memory?: (size: number) => Buffer): Generator<LinePiece> {
  try {
    yield* input.pieces(reuse, memory);
  } catch (err) {
    if (typeof (err as NodeJS.ErrnoException).code !== 'string') throw err;
    throw new ResolverFailure(readError(err as NodeJS.ErrnoException, file));
  }
}

/**
 * `JSON.stringify(scanText(text, options).map(matchJson))` of the input's text, byte for byte, written as it is
 * scanned, a piece of whole lines at a time: memory holds a few pieces and their matches, however large the input.
 * Without the native scanner, an input of PARALLEL_MIN_BYTES or more is scanned by worker threads running
 * `workerScript`, at most one per piece; smaller ones in this thread. An explicit `--jobs` asks for workers at any size
 * of two pieces or more (they scan with the module).
 */
export function writeScanJson(
  input: ScanInput,
  file: string | null,
  options: ScanOptions,
  { jobs, explicit }: ScanJobs,
  workerScript: string | null,
  write: (chunk: string | Uint8Array) => Promise<void>,
  debug: (line: string) => void = () => undefined
): Promise<void> {
  const threads = Math.min(jobs, Math.ceil(input.size / PIECE_BYTES));
  const native = nativeScanner() !== null;
  if (workerScript === null || threads < 2 || (!explicit && (input.size < PARALLEL_MIN_BYTES || native))) {
    const problem = nativeScannerProblem();
    debug(`netlens scan: ${input.size} bytes, scanned in this thread${native ? ' (native scanner)' : problem !== null ? ` (scanner.node did not load: ${problem})` : ''}`);
    // Each piece is done with before the next is read: one buffer serves them all.
    return writeScanJsonWasm(readPieces(input, file, true), options, write);
  }
  debug(`netlens scan: ${input.size} bytes, scanned by ${threads} worker threads`);
  // Each piece's memory is moved to a worker, and back for a later piece once the worker has read it.
  const memory = new PieceMemory();
  return writeScanJsonInWorkers(readPieces(input, file, false, memory.take), options, threads, workerScript, write, memory);
}

export const scanCommand: CliCommand = {
  name: 'scan',
  usage: 'scan FILE|- [--private-suffixes corp.example,svc.cluster] [--jobs N]',
  summary: "the hosts, IP literals and URLs NetLens finds in a file ('-' reads stdin); resolves nothing",
  valueOptions: ['private-suffixes', 'jobs'],
  async run(args, ctx) {
    const [file] = expectPositionals(args, 1, 1);
    const jobs = scanJobs(args.options.get('jobs'));
    const source = file === '-' ? 0 : file;
    const fileName = file === '-' ? null : file;
    const privateSuffixes = (args.options.get('private-suffixes') ?? '').split(',').filter((s) => s.trim() !== '');
    if (args.switches.has('json')) {
      // JSON is streamed as the file is read and scanned, so that a large file of many hosts is never held whole.
      let input: ScanInput;
      try {
        input = openScanInput(source);
      } catch (err) {
        return { ok: false, error: readError(err as NodeJS.ErrnoException, fileName) };
      }
      return { ok: true, writeJson: (write) => writeScanJson(input, fileName, { privateSuffixes }, jobs, ctx.workerScript, write, ctx.debug) };
    }
    useCliScannerModule();
    let text: string;
    try {
      text = readScanText(source);
    } catch (err) {
      return { ok: false, error: readError(err as NodeJS.ErrnoException, fileName) };
    }
    const matches = scanText(text, { privateSuffixes }).map(matchJson);
    const rows = matches.map((m) => [
      `${m.line + 1}:${m.character + 1}`,
      m.kind,
      m.host,
      m.kind === 'url' ? (m.port === null || m.port === undefined ? '-' : `${m.port} (${m.portSource})`) : '',
      m.text,
    ]);
    return { ok: true, json: matches, human: rows.length ? table(rows, ['line:col', 'kind', 'host', 'port', 'text']) : ['(no hosts found)'] };
  },
};
