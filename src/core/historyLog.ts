/**
 * The Lookup History as an append-only log of records (one JSON object per line), and how the log folds into the
 * list the tree shows. Pure: no file system here (src/core/historyFile.ts does the I/O), so the merge rules are
 * tested on their own.
 *
 * Why a log and not one stored list: two windows on one workspace are two extension hosts, each with its own
 * cached copy of any stored list; whoever writes last drops the other's entries. Appending records with unique ids
 * instead lets every window add, remove and clear without reading-modifying-writing anything, and any window can
 * rebuild the same list from the same lines, whatever order they ended up in.
 */
import { CONNECT_RESULTS, type ConnectResult } from './connectionTest';
import { lookupKey } from './lookupView';

/** What the history keeps of a lookup: enough to show it again after a reload, nothing more. */
export interface HistoryEntry {
  host: string;
  at: number;
  ok: boolean;
  addresses: string[];
  canonicalName: string | null;
  error: string | null;
  backend: string | null;
  /** The last Test Connection of this host (absent in entries of lookups only, and in NetLens ≤ 0.1 logs). */
  connection?: HistoryConnection;
}

/** What the history keeps of a Test Connection: each address's result, in the order they were tried. */
export interface HistoryConnection {
  port: number;
  tls: boolean;
  at: number;
  attempts: { address: string; result: ConnectResult; errno: string | null; ms: number }[];
}

/** One line of the log. `id` is unique per record, so a line copied twice (see compaction) counts once. */
export type HistoryRecord =
  | { id: string; op: 'put'; entry: HistoryEntry }
  /** A tombstone: entries for `host` written before it are gone, in every window. */
  | { id: string; op: 'remove'; host: string; at: number }
  | { id: string; op: 'clear'; at: number };

/** Longest line read: a lookup with many addresses fits easily; anything longer is not ours. */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * A record as bytes to append. It starts with a newline too: if a crash left a torn line without its newline at
 * the end of the file, this record still starts on a line of its own instead of being glued to the fragment
 * (which then is one unparsable line, skipped). Blank lines are ignored.
 */
export function encodeRecord(record: HistoryRecord): string {
  return `\n${JSON.stringify(record)}\n`;
}

export interface ParsedLines {
  records: HistoryRecord[];
  /** Complete lines that were not a valid record (garbage, a torn write glued to its successor, a future format). */
  skipped: number;
  /**
   * How many characters of the text were consumed: up to and including the last newline. What follows is a line
   * still being written (or torn by a crash) and is read again next time.
   */
  consumed: number;
}

/** Parses the complete lines of a chunk of the log. Never throws. */
export function parseLines(text: string): ParsedLines {
  const end = text.lastIndexOf('\n') + 1;
  const records: HistoryRecord[] = [];
  let skipped = 0;
  for (const line of text.slice(0, end).split('\n')) {
    if (line.trim() === '') continue;
    // Only an object can be a record; the cheap check keeps a file of garbage from costing one exception a line.
    const record = line.length <= MAX_LINE_CHARS && line.trimStart().startsWith('{') ? parseRecord(line) : undefined;
    if (record) records.push(record);
    else skipped++;
  }
  return { records, skipped, consumed: end };
}

function parseRecord(line: string): HistoryRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || v.id === '') return undefined;
  if (v.op === 'put' && isEntry(v.entry)) return { id: v.id, op: 'put', entry: cleanEntry(v.entry) };
  if (v.op === 'remove' && typeof v.host === 'string' && typeof v.at === 'number') return { id: v.id, op: 'remove', host: v.host, at: v.at };
  if (v.op === 'clear' && typeof v.at === 'number') return { id: v.id, op: 'clear', at: v.at };
  return undefined;
}

/** The shape check for entries from disk or from the old workspaceState list: data from a file is untrusted. */
export function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const nullableString = (x: unknown): boolean => x === null || x === undefined || typeof x === 'string';
  return (
    typeof v.host === 'string' &&
    v.host !== '' &&
    typeof v.at === 'number' &&
    typeof v.ok === 'boolean' &&
    Array.isArray(v.addresses) &&
    v.addresses.every((a) => typeof a === 'string') &&
    nullableString(v.canonicalName) &&
    nullableString(v.error) &&
    nullableString(v.backend)
  );
}

/** Only the known fields, so nothing else a file carries reaches the tree. */
function cleanEntry(e: HistoryEntry): HistoryEntry {
  const entry: HistoryEntry = { host: e.host, at: e.at, ok: e.ok, addresses: [...e.addresses], canonicalName: e.canonicalName ?? null, error: e.error ?? null, backend: e.backend ?? null };
  // A connection that is not one (a future format, a hand-edited log) is dropped; the lookup it came with is kept.
  const connection = cleanConnection(e.connection);
  if (connection) entry.connection = connection;
  return entry;
}

function cleanConnection(value: unknown): HistoryConnection | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Record<string, unknown>;
  if (!Number.isInteger(c.port) || typeof c.tls !== 'boolean' || typeof c.at !== 'number' || !Array.isArray(c.attempts)) return undefined;
  const attempts: HistoryConnection['attempts'] = [];
  for (const a of c.attempts as unknown[]) {
    if (typeof a !== 'object' || a === null) return undefined;
    const x = a as Record<string, unknown>;
    if (typeof x.address !== 'string' || !(CONNECT_RESULTS as readonly unknown[]).includes(x.result) || !(x.errno === null || typeof x.errno === 'string') || typeof x.ms !== 'number') return undefined;
    attempts.push({ address: x.address, result: x.result as ConnectResult, errno: x.errno, ms: x.ms });
  }
  return { port: c.port as number, tls: c.tls, at: c.at, attempts };
}

/**
 * The history as the records so far say it is: one entry per host, the lookup with the latest time winning, a
 * tombstone or clear hiding the lookups of its host (or all) made before it, newest first.
 *
 * The result depends only on the set of records, not on their order in the file or on duplicates: a compaction
 * may copy records that other windows appended meanwhile after newer ones, and an append that raced with it is
 * written twice. Times come from one clock (every window on a workspace is an extension host on the same
 * machine); equal times are broken by record id, so that every window shows the same list.
 */
export class HistoryFold {
  /** Per host: its latest lookup. */
  private readonly puts = new Map<string, Stamped<HistoryEntry>>();
  /** Per host: its latest removal. */
  private readonly removed = new Map<string, Stamped<string>>();
  private cleared: Stamped<null> | undefined;
  private readonly seen = new Set<string>();
  /** Grows with every record applied (duplicates do not count): the caller's "did anything change?". */
  version = 0;

  apply(records: readonly HistoryRecord[]): void {
    for (const r of records) {
      if (this.seen.has(r.id)) continue;
      this.seen.add(r.id);
      this.version++;
      if (r.op === 'put') {
        const key = lookupKey(r.entry.host);
        const stamped = { at: r.entry.at, id: r.id, value: r.entry };
        if (later(stamped, this.puts.get(key))) this.puts.set(key, stamped);
      } else if (r.op === 'remove') {
        const key = lookupKey(r.host);
        const stamped = { at: r.at, id: r.id, value: r.host };
        if (later(stamped, this.removed.get(key))) this.removed.set(key, stamped);
      } else if (later({ at: r.at, id: r.id, value: null }, this.cleared)) {
        this.cleared = { at: r.at, id: r.id, value: null };
      }
    }
  }

  /** Newest first, at most `limit`. */
  entries(limit = Infinity): HistoryEntry[] {
    return this.visible(limit).map((p) => p.value);
  }

  /** How many hosts have an entry. */
  get size(): number {
    return this.visible(Infinity).length;
  }

  /**
   * The records a compacted log keeps: the latest clear, the removals after it (a lookup made before them may
   * still arrive late, from a window that raced with the compaction) and one put per entry shown, at most
   * `limit` of each, with their own ids, so that a window that already applied them sees no change.
   */
  compacted(limit: number): HistoryRecord[] {
    const records: HistoryRecord[] = [];
    if (this.cleared) records.push({ id: this.cleared.id, op: 'clear', at: this.cleared.at });
    const removals = [...this.removed.values()].filter((r) => this.cleared === undefined || r.at > this.cleared.at).sort(newestFirst).slice(0, limit);
    for (const r of removals.reverse()) records.push({ id: r.id, op: 'remove', host: r.value, at: r.at });
    for (const p of this.visible(limit).reverse()) records.push({ id: p.id, op: 'put', entry: p.value });
    return records;
  }

  /** Whether a record with this id has been applied. */
  has(id: string): boolean {
    return this.seen.has(id);
  }

  private visible(limit: number): Stamped<HistoryEntry>[] {
    const shown = [...this.puts.entries()]
      .filter(([key, p]) => (this.cleared === undefined || p.at > this.cleared.at) && p.at > (this.removed.get(key)?.at ?? -Infinity))
      .map(([, p]) => p)
      .sort(newestFirst);
    return shown.length > limit ? shown.slice(0, limit) : shown;
  }
}

interface Stamped<T> {
  at: number;
  id: string;
  value: T;
}

/** Whether `a` comes after `b` (no `b`: yes); equal times are ordered by id, the same way in every window. */
function later(a: Stamped<unknown>, b: Stamped<unknown> | undefined): boolean {
  return b === undefined || a.at > b.at || (a.at === b.at && a.id > b.id);
}

function newestFirst(a: Stamped<unknown>, b: Stamped<unknown>): number {
  return later(a, b) ? -1 : later(b, a) ? 1 : 0;
}
