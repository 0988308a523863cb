// What `netlens scan` reads: a file or stdin, bounded, as UTF-8 bytes cut into pieces of whole lines, so that
// `scan --json` holds one piece of a large file at a time (and can hand pieces to other threads) instead of the
// whole text.
import * as fs from 'fs';

/**
 * The most `scan` reads. Far beyond any source or config file, and it keeps a device that never ends (`scan
 * /dev/zero`, found by the CLI fuzz test: the process grew until it aborted) from exhausting memory.
 */
export const SCAN_MAX_BYTES = 64 * 1024 * 1024;

/** About how many bytes a piece holds: it ends at the first line end after this many (or at the input's end). */
export const PIECE_BYTES = 1024 * 1024;

/** Some whole lines of the input: every piece but the last ends with `\n`. */
export interface LinePiece {
  bytes: Buffer;
  last: boolean;
  /** Whether `bytes` is the only view of its memory (it may be moved to another thread instead of copied). */
  owned: boolean;
}

/** An opened input: its size when known up front (a regular file), and its pieces, read as they are asked for. */
export interface ScanInput {
  /** Bytes a regular file holds (what is read, unless it grows meanwhile); for stdin and devices, what was read. */
  size: number;
  /**
   * The pieces, in order. `reuse`: a piece's bytes are valid only until the next piece is asked for (a regular
   * file is then read into the same memory each time: fresh memory costs a page fault per 4 KiB, which made
   * reading a 10 MB file take 30 ms instead of 5, measured); else each piece's memory is its own, from `memory`
   * (at least `size` bytes of memory no one else uses; fresh by default).
   */
  pieces(reuse?: boolean, memory?: (size: number) => Buffer): Generator<LinePiece>;
}

function tooLarge(): Error {
  return Object.assign(new Error('File too large'), { code: 'EFBIG' });
}

/** Reads an fd to its end into one buffer (one read for a regular file of known size), failing past the bound. */
function readAll(fd: number, sizeHint: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(1 << 20, sizeHint - total + 1));
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    total += n;
    if (total > SCAN_MAX_BYTES) throw tooLarge();
    chunks.push(chunk.subarray(0, n));
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/**
 * The file (or stdin, fd 0) whole, decoded as UTF-8, failing with EFBIG past SCAN_MAX_BYTES (the table `scan`
 * prints without --json needs every row before its first: its columns are as wide as the widest).
 */
export function readScanText(file: string | 0): string {
  const fd = file === 0 ? 0 : fs.openSync(file, 'r');
  try {
    return readAll(fd, regularFileSize(fd)).toString('utf8');
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}

/** A regular file's size (bounded by SCAN_MAX_BYTES + 1), else 0. */
function regularFileSize(fd: number): number {
  try {
    const st = fs.fstatSync(fd);
    if (st.isFile()) return Math.min(st.size, SCAN_MAX_BYTES + 1);
  } catch {
    // not stat-able: read in 1 MiB chunks
  }
  return 0;
}

/**
 * The pieces of a buffer: cut after the first `\n` at or past every PIECE_BYTES. A cut after a `\n` byte keeps
 * the text exactly as decoding the whole would give it: in UTF-8 that byte is never inside a character (and a
 * malformed sequence before it ends there), and it cannot split a `\r\n`.
 */
export function* piecesOf(bytes: Buffer, pieceBytes = PIECE_BYTES): Generator<LinePiece> {
  let start = 0;
  for (;;) {
    const nl = start + pieceBytes < bytes.length ? bytes.indexOf(10, start + pieceBytes - 1) : -1;
    if (nl < 0) {
      yield { bytes: bytes.subarray(start), last: true, owned: false };
      return;
    }
    yield { bytes: bytes.subarray(start, nl + 1), last: false, owned: false };
    start = nl + 1;
  }
}

/**
 * Opens what `scan` reads. A regular file is read a piece at a time (its size checked against the bound first,
 * so that a file too large fails before anything is printed); stdin, pipes and devices are read whole first,
 * bounded, for the same reason. Errors opening or reading are thrown with Node's `code` (readError words them).
 */
export function openScanInput(file: string | 0, pieceBytes = PIECE_BYTES): ScanInput {
  const fd = file === 0 ? 0 : fs.openSync(file, 'r');
  let streamed = false;
  try {
    const size = regularFileSize(fd);
    if (size > SCAN_MAX_BYTES) throw tooLarge();
    if (size > 0) {
      streamed = true;
      return { size, pieces: (reuse = false, memory = freshMemory) => filePieces(fd, pieceBytes, reuse, memory) };
    }
    // Not a regular file (or an empty one): read it whole now, so that its errors come before any output.
    const all = readAll(fd, 0);
    return { size: all.length, pieces: () => piecesOf(all, pieceBytes) };
  } finally {
    if (fd !== 0 && !streamed) fs.closeSync(fd);
  }
}

/** Memory of its own (never Buffer's shared pool: it may be moved to a worker), not zero-filled. */
function freshMemory(size: number): Buffer {
  return Buffer.allocUnsafeSlow(size);
}

/**
 * A regular file's pieces, read as they are asked for (into one buffer when `reuse`: ScanInput.pieces); the fd is
 * closed at the end (or when the reader stops).
 */
function* filePieces(fd: number, pieceBytes: number, reuse: boolean, memory: (size: number) => Buffer): Generator<LinePiece> {
  try {
    let carry: Buffer = Buffer.alloc(0);
    let total = 0;
    let reused = Buffer.alloc(0);
    for (;;) {
      // A line longer than a piece doubles what is read next: a long line is copied in time linear in its length.
      const want = Math.max(pieceBytes, carry.length);
      let buf: Buffer;
      if (!reuse) buf = memory(carry.length + want); // never from the shared pool: its memory may move to a worker
      else if (reused.length >= carry.length + want) buf = reused;
      else buf = reused = Buffer.allocUnsafeSlow(Math.max(carry.length + want, reused.length * 2));
      if (carry.buffer === buf.buffer) buf.copyWithin(0, carry.byteOffset - buf.byteOffset, carry.byteOffset - buf.byteOffset + carry.length);
      else carry.copy(buf);
      const n = fs.readSync(fd, buf, carry.length, want, null);
      total += n;
      if (total > SCAN_MAX_BYTES) throw tooLarge(); // the file grew past the bound while it was read
      const have = buf.subarray(0, carry.length + n);
      if (n === 0) {
        yield { bytes: have, last: true, owned: !reuse };
        return;
      }
      // The last `\n` read so far ends this piece; the rest starts the next.
      const nl = have.lastIndexOf(10);
      if (nl < 0) {
        carry = have;
        continue;
      }
      // The rest stays where it is in the reused buffer (moved to its start before the next read), else is copied.
      carry = reuse ? have.subarray(nl + 1) : Buffer.from(have.subarray(nl + 1));
      yield { bytes: have.subarray(0, nl + 1), last: false, owned: !reuse };
    }
  } finally {
    fs.closeSync(fd);
  }
}
