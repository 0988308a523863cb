import * as crypto from 'crypto';
import * as fs from 'fs';
import * as fsp from 'fs/promises';
import * as path from 'path';
import { encodeRecord, HistoryFold, isEntry, parseLines, type HistoryEntry, type HistoryRecord } from './historyLog';
import { lookupKey } from './lookupView';

/** Most of a log read at once: ours stays far smaller (compaction); a bigger file was grown by something else. */
const MAX_READ_BYTES = 4 * 1024 * 1024;

export interface HistoryFileOptions {
  /** The log, e.g. <storageUri>/lookup-history.jsonl. Its folder is created on the first write. */
  file: string;
  /** netlens.history.size, read on each use. */
  limit: () => number;
  /** Diagnostics (the NetLens output channel): what was skipped, what failed. */
  log?: (line: string) => void;
  /** Compact once the log has more lines than this (default 2 × limit + 32). */
  compactAfter?: (limit: number) => number;
  /** A compaction lock older than this is left over from a crash and is taken over (default 10 s). */
  staleLockMs?: number;
}

/**
 * The Lookup History log on disk, shared by every window on the workspace (each window is an extension host with
 * its own HistoryFile on the same path). Appends are single O_APPEND writes; reads are incremental (only what
 * was appended since the last read); compaction rewrites the log to a temporary file and renames it over the
 * old one, under a lock file, and copies over whatever other windows appended meanwhile. No vscode here: plain
 * Node, so that two of these can be raced against each other in unit tests and in separate processes.
 */
export class HistoryFile {
  private fold = new HistoryFold();
  /** The inode read so far and how far: a different inode means another window compacted (renamed) the log. */
  private ino = -1;
  private offset = 0;
  /** The log file being read, held open (see read()). */
  private handle: fsp.FileHandle | undefined;
  /** Non-blank lines in the current log file: what decides when to compact. */
  private lines = 0;
  /** One operation at a time per instance: a read in the middle of our own compaction would see half of it. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log: (line: string) => void;

  constructor(private readonly options: HistoryFileOptions) {
    this.log = options.log ?? (() => undefined);
  }

  get file(): string {
    return this.options.file;
  }

  /** Changes whenever the list may have changed (records applied, or the log replaced). */
  get version(): number {
    return this.fold.version;
  }

  /** Newest first, at most netlens.history.size; from memory (refresh() reads what other windows wrote). */
  entries(): HistoryEntry[] {
    return this.fold.entries(this.limit());
  }

  /** Reads what was appended since the last read (or the whole log after a compaction); true if the list changed. */
  refresh(): Promise<boolean> {
    return this.serialized(() => this.read());
  }

  /** Appends a record (a fresh id is added), then reads the log up to and including it. */
  append(record: DistributiveOmit<HistoryRecord, 'id'> & { id?: string }): Promise<void> {
    const full = { ...record, id: record.id ?? crypto.randomUUID() };
    return this.serialized(async () => {
      try {
        await this.appendText(encodeRecord(full));
      } catch (err) {
        // Not saved (read-only or full disk): still shown in this window, and said once in the log.
        this.log(`Lookup History: could not write ${this.options.file}: ${message(err)}`);
        this.fold.apply([full]);
        return;
      }
      await this.read();
      if (this.lines > (this.options.compactAfter ?? defaultCompactAfter)(this.limit())) await this.compactNow();
    });
  }

  /**
   * Moves a list kept elsewhere (NetLens 0.1.0's workspaceState, newest first) into the log, oldest first so that
   * the newest stays on top; returns how many entries were moved. Only into a log that is empty: once a log exists
   * it is the truth, and a stale copy of the old list must not bring back what was removed since. Ids derived
   * from the entries make two windows doing this at the same moment harmless.
   */
  async importList(list: unknown): Promise<number> {
    if (!Array.isArray(list)) return 0;
    await this.refresh();
    if (this.version !== 0) return 0;
    const entries = list.filter(isEntry).reverse();
    for (const entry of entries) await this.append({ id: `migrated:${lookupKey(entry.host)}:${entry.at}`, op: 'put', entry });
    return entries.length;
  }

  /** Rewrites the log with only the current entries (bounded by the limit); false if another window holds the lock. */
  compact(): Promise<boolean> {
    return this.serialized(() => this.compactNow());
  }

  /**
   * Calls `onChange` after another window (or process) changed the log. Watches the folder, not the file: a
   * compaction renames a new file over the old one, and a watch on the old inode would go quiet.
   */
  watch(onChange: () => void): fs.FSWatcher | undefined {
    const dir = path.dirname(this.options.file);
    const base = path.basename(this.options.file);
    let timer: NodeJS.Timeout | undefined;
    try {
      fs.mkdirSync(dir, { recursive: true });
      const watcher = fs.watch(dir, (_event, name) => {
        if (name !== null && name !== base) return;
        // A burst of appends is one refresh.
        clearTimeout(timer);
        timer = setTimeout(() => {
          void this.refresh().then(
            (changed) => changed && onChange(),
            (err: unknown) => this.log(`Lookup History: could not read ${this.options.file}: ${message(err)}`)
          );
        }, 25);
      });
      watcher.on('error', (err) => this.log(`Lookup History: stopped watching ${dir}: ${message(err)}`));
      watcher.on('close', () => clearTimeout(timer));
      return watcher;
    } catch (err) {
      this.log(`Lookup History: cannot watch ${dir} (other windows' lookups show after a reload): ${message(err)}`);
      return undefined;
    }
  }

  /** Closes the log file held for reading (the window is closing). */
  close(): Promise<void> {
    return this.serialized(async () => {
      const handle = this.handle;
      this.handle = undefined;
      await handle?.close();
    });
  }

  private limit(): number {
    return Math.max(1, Math.min(1000, Math.floor(this.options.limit()) || 1));
  }

  private serialized<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * One O_APPEND write of complete lines: Linux puts each such write() to a regular file at the end in one piece,
   * so the records of two extension hosts never interleave. If a compaction renamed a new log over the one we wrote to, the lines
   * are written again to the new one: the compactor copies what it finds after its own read, but a write can land
   * after that copy. Record ids make the possible second copy harmless.
   */
  private async appendText(text: string): Promise<void> {
    await fsp.mkdir(path.dirname(this.options.file), { recursive: true });
    for (let attempt = 0; attempt < 5; attempt++) {
      const handle = await fsp.open(this.options.file, 'a', 0o600);
      let replaced: boolean;
      try {
        await handle.write(text);
        // Compared while the file is still open: once closed, a replaced log's inode number can be reused by
        // the next compaction's new file, and the check would pass although the lines went to the old one.
        const written = (await handle.stat()).ino;
        const current = await fsp.stat(this.options.file).catch(() => undefined);
        replaced = current?.ino !== written;
      } finally {
        await handle.close();
      }
      if (!replaced) return;
    }
    throw new Error('the log kept being replaced while writing');
  }

  private async read(): Promise<boolean> {
    const before = this.fold.version;
    const onDisk = await fsp.stat(this.options.file).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (!onDisk) {
      // No log (yet, or someone deleted it): an empty history.
      if (this.ino === -1 && this.fold.size === 0) return false;
      await this.reopen(undefined);
      return true;
    }
    // We keep the file we read open, so its inode number cannot be reused by a newer log: a different number at
    // the path means another window compacted (renamed a new log over it), and we read the new one from the start.
    if (!this.handle || onDisk.ino !== this.ino) await this.reopen(await fsp.open(this.options.file, 'r'));
    const handle = this.handle;
    if (!handle) return this.fold.version !== before;
    const stat = await handle.stat();
    if (stat.size < this.offset) this.reset(stat.ino);
    if (stat.size === this.offset) return this.fold.version !== before;
    // A log grown huge by something else than us: only its end (the first, partial line there is skipped).
    const from = stat.size - this.offset > MAX_READ_BYTES ? stat.size - MAX_READ_BYTES : this.offset;
    const buffer = Buffer.alloc(stat.size - from);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, from);
    // Cut after the last newline in bytes (a multi-byte character never contains 0x0a): the rest is a line
    // still being written, or torn by a crash, and is read again next time.
    const end = buffer.subarray(0, bytesRead).lastIndexOf(0x0a) + 1;
    const parsed = parseLines(buffer.subarray(0, end).toString('utf8'));
    this.offset = from + end;
    this.lines += parsed.records.length + parsed.skipped;
    this.fold.apply(parsed.records);
    if (parsed.skipped > 0) {
      this.log(`Lookup History: skipped ${parsed.skipped} unreadable line(s) in ${this.options.file} (torn write or not ours)`);
    }
    return this.fold.version !== before;
  }

  /** Switches to another log file (or none), closing the one held so far. */
  private async reopen(handle: fsp.FileHandle | undefined): Promise<void> {
    const old = this.handle;
    this.handle = handle;
    this.reset(handle ? (await handle.stat()).ino : -1);
    await old?.close();
  }

  /** Forgets what was read: the log is a new file (compacted by someone) or gone. */
  private reset(ino: number): void {
    const version = this.fold.version;
    this.fold = new HistoryFold();
    // Keep the version moving forward so that "changed?" stays a simple comparison.
    this.fold.version = version + 1;
    this.ino = ino;
    this.offset = 0;
    this.lines = 0;
  }

  private async compactNow(): Promise<boolean> {
    const lock = `${this.options.file}.lock`;
    if (!(await takeLock(lock, this.options.staleLockMs ?? 10_000))) return false;
    let old: fsp.FileHandle | undefined;
    try {
      old = await fsp.open(this.options.file, 'r').catch(() => undefined);
      if (!old) return false;
      // Our own full read of the file we are about to replace (not this.fold: that may lag behind it).
      const size = (await old.stat()).size;
      const from = Math.max(0, size - MAX_READ_BYTES);
      const buffer = Buffer.alloc(size - from);
      const { bytesRead } = await old.read(buffer, 0, buffer.length, from);
      const end = buffer.subarray(0, bytesRead).lastIndexOf(0x0a) + 1;
      const fold = new HistoryFold();
      fold.apply(parseLines(buffer.subarray(0, end).toString('utf8')).records);
      const tmp = `${this.options.file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      const out = await fsp.open(tmp, 'wx', 0o600);
      try {
        await out.write(fold.compacted(this.limit()).map(encodeRecord).join(''));
        // On disk before the rename makes it the log: a power cut must not leave an empty history.
        await out.sync();
      } finally {
        await out.close();
      }
      await fsp.rename(tmp, this.options.file);
      // Whatever other windows appended between our read and the rename is still only in the old file.
      const tail = await readRest(old, from + end);
      const lines = tail.slice(0, tail.lastIndexOf('\n') + 1);
      if (parseLines(lines).records.length > 0) await this.appendText(lines);
      this.log(`Lookup History: compacted ${this.options.file} to ${fold.size > this.limit() ? this.limit() : fold.size} entries`);
    } finally {
      await old?.close();
      await fsp.unlink(lock).catch(() => undefined);
    }
    await this.read();
    return true;
  }
}

function defaultCompactAfter(limit: number): number {
  return 2 * limit + 32;
}

/**
 * O_EXCL creation of the lock file. A lock left by a crashed window (older than `staleMs`) is removed and taken;
 * a lock that vanished between our attempt and our look is simply tried again (removing it then could remove a
 * third window's fresh lock, and two compactions at once would lose appends).
 */
async function takeLock(lock: string, staleMs: number): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fsp.open(lock, 'wx', 0o600);
      await handle.write(`${process.pid}\n`);
      await handle.close();
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const stat = await fsp.stat(lock).catch(() => undefined);
      if (!stat) continue;
      if (Date.now() - stat.mtimeMs < staleMs) return false;
      await fsp.unlink(lock).catch(() => undefined);
    }
  }
  return false;
}

async function readRest(handle: fsp.FileHandle, from: number): Promise<string> {
  const size = (await handle.stat()).size;
  if (size <= from) return '';
  const buffer = Buffer.alloc(size - from);
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, from);
  return buffer.subarray(0, bytesRead).toString('utf8');
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Omit over each member of a union (plain Omit would merge the members). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
