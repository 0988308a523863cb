import * as fs from 'fs';
import { decodeUtf8Escaped } from './nssFilesParse';

/**
 * The one place where pure core modules touch the file system: reading a small system database such as
 * /etc/services. Kept behind these function types so that tests (and the browser-side webview, which has no files)
 * inject their own reader instead.
 */
export type FileReader = (path: string) => string | null;

/** What reading a system database gave: the text (or why there is none) and whether it was cut short. */
export interface SystemFileText {
  path: string;
  /** null when the file could not be used; `problem` then says why. */
  text: string | null;
  /** An errno code (ENOENT, EACCES, EISDIR, …) or NetLens' own reason (FIFO, NOTREG), null when read. */
  problem: string | null;
  /** Set when the file is larger than the cap: only its first `limitBytes` (whole lines) were read. */
  truncated: { limitBytes: number; fileBytes: number } | null;
}

export type SystemFileReader = (path: string) => SystemFileText;

/**
 * glibc reads these files without any limit. NetLens caps them because it parses a database synchronously the
 * first time a hover or command needs it, in the editor's extension host: Debian's /etc/services is 13 KB and the
 * largest real ones (Fedora's, nmap's list) are under 1 MB, so 4 MiB is four times the largest real file and keeps
 * the worst case (4 MiB of the shortest possible lines, 524,288 entries) to about a second and under 200 MB, once.
 * Only whole lines are kept, so a line cut by the cap cannot turn `http 8080/tcp` into `http 8/tcp`.
 */
export const MAX_SYSTEM_FILE_BYTES = 4 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

/**
 * One read buffer for every file this process reads, reused: a fresh 64 KiB Buffer per read is an ArrayBuffer
 * outside V8's heap that only a garbage collection frees, and one `explain` (a hover) read about twelve files
 * (nsswitch.conf, hosts and resolv.conf once per part, and the environment's). At ~1,000 explains a second in the
 * soak (bench/soak.ts --detail) those blocks went through malloc's main arena: V8's external memory climbed from
 * 2 to 29 MiB and the main arena from 20 to 35 MiB between the 10% and 100% points, most of the helper's RSS
 * growth; with this buffer both stay flat (2.4-3.7 and 5-6.4 MiB). Safe to share: the function is synchronous and the bytes are decoded to a string
 * before it returns, so nothing keeps a view of the buffer.
 */
let scratch: Buffer | undefined;

/**
 * Reads a system database the way NetLens can afford to: never blocks (a FIFO or device in the file's place is
 * refused, where glibc would wait for a writer or read /dev/zero forever), reads at most `maxBytes`, and decodes
 * invalid UTF-8 bytes as Python's surrogateescape does so that the bytes glibc sees can be recovered exactly.
 */
export function readSystemFileText(path: string, maxBytes: number = MAX_SYSTEM_FILE_BYTES): SystemFileText {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading otherwise waits until some process opens it for writing.
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { path, text: null, problem: errnoCode(err), truncated: null };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { path, text: null, problem: 'EISDIR', truncated: null };
    if (!stat.isFile()) return { path, text: null, problem: stat.isFIFO() ? 'FIFO' : 'NOTREG', truncated: null };
    const head = (scratch ??= Buffer.allocUnsafeSlow(CHUNK_BYTES));
    // The first 64 KiB go to the shared buffer (every real resolver file fits); only a larger file gets chunks of
    // its own, which it would need anyway for the text.
    const chunks: Buffer[] = [];
    let total = 0;
    // Read until EOF rather than trusting stat's size: the file may grow while it is read.
    for (;;) {
      const room = maxBytes + 1 - total;
      const inHead = total < head.length;
      const chunk = inHead ? head : Buffer.allocUnsafe(Math.min(CHUNK_BYTES, room));
      const offset = inHead ? total : 0;
      const n = fs.readSync(fd, chunk, offset, Math.min(chunk.length - offset, room), null);
      if (n === 0) break;
      if (!inHead) chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) break;
    }
    chunks.unshift(head.subarray(0, Math.min(total, head.length)));
    let bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    let truncated: SystemFileText['truncated'] = null;
    if (total > maxBytes) {
      truncated = { limitBytes: maxBytes, fileBytes: Math.max(stat.size, total) };
      // Keep whole lines only: the partial last line would be a different, made-up line.
      bytes = bytes.subarray(0, bytes.lastIndexOf(0x0a, maxBytes - 1) + 1);
    }
    return { path, text: decodeUtf8Escaped(bytes), problem: null, truncated };
  } catch (err) {
    return { path, text: null, problem: errnoCode(err), truncated: null };
  } finally {
    fs.closeSync(fd);
  }
}

function errnoCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'EIO';
}

/**
 * A reader that reads each path once and then answers from what it read: one report (the helper's `explain`) asks
 * for /etc/resolv.conf, /etc/nsswitch.conf and /etc/hosts three or four times over, and should describe one state
 * of each file rather than re-read, re-decode and re-parse them for every part (and see a file change half-way).
 * Made per report, never kept: a later report must see a changed file.
 */
export function snapshotReader(read: SystemFileReader): SystemFileReader {
  const seen = new Map<string, SystemFileText>();
  return (path) => {
    let got = seen.get(path);
    if (got === undefined) seen.set(path, (got = read(path)));
    return got;
  };
}

/** Reads a file as text; null when it does not exist or cannot be used (glibc then treats the database as absent). */
export const readSystemFile: FileReader = (path) => readSystemFileText(path).text;

/** Accepts either kind of reader, so tests can keep passing `() => text`. */
export function readWith(read: FileReader | SystemFileReader, path: string): SystemFileText {
  const got = read(path);
  if (got === null) return { path, text: null, problem: 'ENOENT', truncated: null };
  return typeof got === 'string' ? { path, text: got, problem: null, truncated: null } : got;
}

/**
 * The first of `paths` that can be read, as glibc's nss_files opens its one file (and NetLens the platform's list
 * in order); otherwise why each could not be, in the user's words (`/etc/services: EACCES, permission denied`).
 */
export function firstReadableFile(read: FileReader | SystemFileReader, paths: readonly string[]): { file: SystemFileText & { text: string }; problems?: never } | { file?: never; problems: string[] } {
  const problems: string[] = [];
  for (const path of paths) {
    const file = readWith(read, path);
    if (file.text !== null) return { file: { ...file, text: file.text } };
    problems.push(`${path}: ${describeProblem(file.problem ?? 'EIO')}`);
  }
  return { problems };
}

const PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'ENOENT, no such file',
  EACCES: 'EACCES, permission denied',
  EPERM: 'EPERM, operation not permitted',
  EISDIR: 'EISDIR, a directory',
  ELOOP: 'ELOOP, too many symbolic links',
  ENOTDIR: 'ENOTDIR, a parent is not a directory',
  FIFO: 'a FIFO, not a regular file',
  NOTREG: 'not a regular file',
};

/** `EACCES, permission denied`: the errno code a user can search for, and what it means. */
export function describeProblem(problem: string): string {
  return PROBLEMS[problem] ?? problem;
}

/** `16 MiB`, `100.5 MiB`, `900 KiB`: sizes in the words of the note that names a truncated file. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
  return bytes >= 1024 ? `${Number((bytes / 1024).toFixed(1))} KiB` : `${bytes} bytes`;
}

/**
 * Which source a database answer came from, in the words every front end shows: the path, or
 * `first 4 MiB of /etc/services (the file has 100 MiB; …)` when the cap applied.
 */
export function describeReadSource(file: SystemFileText): string {
  if (file.truncated === null) return file.path;
  return `first ${formatBytes(file.truncated.limitBytes)} of ${file.path} (the file has ${formatBytes(file.truncated.fileBytes)}; NetLens reads only the whole lines in its first ${formatBytes(file.truncated.limitBytes)})`;
}

/**
 * Where one line of a database is, for listings: `/etc/services:12`, `line 12 of the first 4 MiB of …` when the
 * file was only partly read, or just the source (the bundled table has no file to open).
 */
export function lineSource(db: { source: string; file: string | null }, lineNumber: number): string {
  if (db.file === null) return db.source;
  return db.source === db.file ? `${db.file}:${lineNumber}` : `line ${lineNumber} of the ${db.source}`;
}

/** Where the system keeps its `services` and `protocols` databases on the platform NetLens runs on. */
export function systemDatabasePaths(
  database: 'services' | 'protocols' | 'hosts',
  platform: string = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env
): string[] {
  if (platform === 'win32') {
    // Windows keeps them beside the hosts file; the protocols database is named "protocol" there.
    const root = env.SystemRoot ?? env.windir ?? 'C:\\Windows';
    return [`${root}\\System32\\drivers\\etc\\${database === 'protocols' ? 'protocol' : database}`];
  }
  // Linux, macOS and the BSDs all use /etc (on macOS /etc is a symlink to /private/etc).
  return [`/etc/${database}`];
}
