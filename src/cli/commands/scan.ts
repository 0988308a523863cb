// `netlens scan FILE|-`: the hosts, IPs and URLs NetLens sees in a file, as the editor underlines them. Pure: it
// reads the file and scans it in-process, and never starts the resolver helper or resolves anything.
import * as fs from 'fs';
import { constants as osConstants } from 'os';
import { pyStr } from '../../core/pythonRepr';
import { ResolverFailure, type ResolverErrorInfo } from '../../core/resolverError';
import { createScanner, scanText, TextLines, type HostMatch, type ScanOptions, type UrlMatch } from '../../core/scanner';
import { schemePort } from '../../core/urlPort';
import { expectPositionals } from '../args';
import type { CliCommand } from '../command';
import { table } from '../output';

/** The JSON contract of one match: 0-based line, UTF-16 character offset and length, as VS Code positions. */
export interface ScanMatchJson {
  kind: HostMatch['kind'];
  text: string;
  line: number;
  character: number;
  length: number;
  host: string;
  scheme?: string;
  port?: number | null;
  portSource?: 'explicit' | 'service' | 'default' | null;
}

/**
 * The most `scan` reads. Far beyond any source or config file, and it keeps a device that never ends (`scan
 * /dev/zero`, found by the CLI fuzz test: the process grew until it aborted) from exhausting memory.
 */
export const SCAN_MAX_BYTES = 64 * 1024 * 1024;

/** The file (or stdin, fd 0) as UTF-8 text, in chunks, failing with EFBIG past SCAN_MAX_BYTES. */
function readBounded(file: string | 0): string {
  const fd = file === 0 ? 0 : fs.openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file's size, so that it is read into one buffer: no second copy of the whole text to concatenate.
    let size = 0;
    try {
      const st = fs.fstatSync(fd);
      if (st.isFile()) size = Math.min(st.size, SCAN_MAX_BYTES);
    } catch {
      // not stat-able: read in 1 MiB chunks
    }
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(1 << 20, size - total + 1));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > SCAN_MAX_BYTES) throw Object.assign(new Error('File too large'), { code: 'EFBIG' });
      chunks.push(chunk.subarray(0, n));
    }
    return (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)).toString('utf8');
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}

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

/** A URL's port and where it comes from; an explicit port Python refuses (`:99999`) is no port (the URL is still shown). */
function urlPort(m: UrlMatch): { port: number | null; portSource: ScanMatchJson['portSource'] } {
  try {
    return schemePort(m.portScheme, m.explicitPort);
  } catch (err) {
    if (!(err instanceof ResolverFailure)) throw err;
    return { port: null, portSource: null };
  }
}

export function matchJson(m: HostMatch): ScanMatchJson {
  const base = { kind: m.kind, text: m.text, line: m.line, character: m.character, length: m.length, host: m.host };
  if (m.kind !== 'url') return base;
  const { port, portSource } = urlPort(m);
  return { ...base, scheme: m.scheme, port, portSource };
}

/**
 * `JSON.stringify(matchJson(m))` without building the object (the same keys in the same order): on a dense file,
 * building and stringifying each object took over a third of `scan --json`. scanJsonStream.test.ts holds the two
 * equal; a field added to ScanMatchJson must be added here too.
 */
export function matchJsonText(m: HostMatch): string {
  // A kind is a plain word, and a host is most often its match's text: each is written once.
  const text = jsonString(m.text);
  const host = m.host === m.text ? text : jsonString(m.host);
  const head = `{"kind":"${m.kind}","text":${text},"line":${m.line},"character":${m.character},"length":${m.length},"host":${host}`;
  if (m.kind !== 'url') return head + '}';
  const { port, portSource } = urlPort(m);
  return `${head},"scheme":${jsonString(m.scheme)},"port":${port === null ? 'null' : port},"portSource":${portSource === null ? 'null' : `"${portSource}"`}}`;
}

/** What JSON.stringify escapes in a string: quotes, backslashes, control characters and (unpaired) surrogates. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(s)`: most texts need no escape, and quoting them is twice as fast as asking JSON.stringify. */
function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** How much JSON text `writeScanJson` gathers before one write (UTF-16 code units). */
const JSON_CHUNK = 64 * 1024;

/**
 * `JSON.stringify(scanText(text, options).map(matchJson))`, byte for byte, written in chunks as the lines are
 * scanned: memory holds one line's matches and one chunk of text, however many matches the file has. `write`
 * is awaited after each chunk (backpressure). The lines are scanText's (TextLines).
 */
export async function writeScanJson(text: string, options: ScanOptions, write: (chunk: string) => Promise<void>): Promise<void> {
  const scanner = createScanner(options);
  const found: HostMatch[] = [];
  let pending = '[';
  let first = true;
  for (const lines = new TextLines(text); lines.next(); ) {
    if (found.length !== 0) found.length = 0; // setting an array's length is a runtime call, even to its own length
    scanner.scanLineInto(lines.line, lines.lineNo, found);
    for (const m of found) {
      pending += (first ? '' : ',') + matchJsonText(m);
      first = false;
    }
    if (pending.length >= JSON_CHUNK) {
      await write(pending);
      pending = '';
    }
  }
  await write(pending + ']');
}

export const scanCommand: CliCommand = {
  name: 'scan',
  usage: 'scan FILE|- [--private-suffixes corp.example,svc.cluster]',
  summary: "the hosts, IP literals and URLs NetLens finds in a file ('-' reads stdin); resolves nothing",
  valueOptions: ['private-suffixes'],
  async run(args) {
    const [file] = expectPositionals(args, 1, 1);
    let text: string;
    try {
      text = readBounded(file === '-' ? 0 : file);
    } catch (err) {
      return { ok: false, error: readError(err as NodeJS.ErrnoException, file === '-' ? null : file) };
    }
    const privateSuffixes = (args.options.get('private-suffixes') ?? '').split(',').filter((s) => s.trim() !== '');
    // JSON is streamed as the lines are scanned, so that a file of many hosts never holds all its matches.
    if (args.switches.has('json')) return { ok: true, writeJson: (write) => writeScanJson(text, { privateSuffixes }, write) };
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
