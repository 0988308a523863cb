/**
 * What "Hosts in This File" finds in a document, decided without an editor: the distinct hosts with their first
 * occurrence and count, found line by line in time slices; the cap on how many are listed; and the snapshot the
 * view shows (and `netlens.refreshFileHosts` returns). Pure (no vscode): the extension words the messages and
 * decides when to scan (src/extension/fileHostsScanner.ts).
 */
import { lineWindows, scanWindows } from './hostAtPosition';
import { idna2003ToAscii } from './idna2003';
import { isHostToResolve, scanLine, type HostMatch, type ScanOptions } from './scanner';
import { TimeSlices } from './timeSlices';

/** One distinct host of the file: where it first occurs and how often. */
export interface FileHost {
  host: string;
  first: HostMatch;
  count: number;
}

/** What the view shows, as `netlens.refreshFileHosts` returns it (and the tests read it). */
export interface FileHostsSnapshot {
  uri: string | null;
  /** `tooLarge`: over netlens.fileHosts.maxFileSizeMB, not scanned automatically; `binary`: NULs in it, not scanned. */
  status: 'none' | 'scanned' | 'tooLarge' | 'binary';
  /** The document's size in MB of UTF-16 text (what the limit compares). */
  sizeMB: number;
  /** Distinct hosts found; at most MAX_LISTED_HOSTS of them are listed. */
  total: number;
  /** `ace`: the ASCII form NetLens sends for a non-ASCII name (what makes a look-alike visible), else null. */
  hosts: { host: string; ace: string | null; occurrences: number; line: number }[];
  /** The note above the tree ("first N of M", "too large"), or null. */
  message: string | null;
  /** Wall-clock time of the last scan, and the longest time it held the extension host without yielding. */
  scanMs: number | null;
  longestSliceMs: number | null;
}

/** A tree of more rows than this is not something anyone reads; it says "first N of M" instead. */
export const MAX_LISTED_HOSTS = 1000;
/** How long the scan may hold the extension host before it yields to hovers, commands and typing (ms). */
export const SLICE_MS = 15;
const SCAN_DEBOUNCE_MS = 300;
/** A rescan of a file over a million characters costs seconds of CPU: wait for a real pause in typing. */
const LARGE_FILE_CHARS = 1_000_000;
const LARGE_SCAN_DEBOUNCE_MS = 1500;
const MB = 1024 * 1024;

/** How long to wait after a change before rescanning a document of `chars` UTF-16 characters. */
export function scanDelayMs(chars: number): number {
  return chars > LARGE_FILE_CHARS ? LARGE_SCAN_DEBOUNCE_MS : SCAN_DEBOUNCE_MS;
}

/** A document's size as the netlens.fileHosts.maxFileSizeMB limit compares it: MB of UTF-16 text. */
export function sizeInMB(chars: number): number {
  return chars / MB;
}

/**
 * The distinct hosts of a file in order of first appearance. Names are case-insensitive, so `DB.internal` after
 * `db.internal` counts as the same host (the first spelling is the one listed).
 */
export class FileHostsIndex {
  /** By lower-cased name, in order of first appearance (a Map keeps insertion order). */
  private readonly byHost = new Map<string, FileHost>();

  add(match: HostMatch): void {
    if (!isHostToResolve(match)) return; // a network (`10.0.0.0/8`) is not a host to list or resolve
    const key = match.host.toLowerCase();
    const entry = this.byHost.get(key);
    if (entry) entry.count++;
    else this.byHost.set(key, { host: match.host, first: match, count: 1 });
  }

  hosts(): FileHost[] {
    return [...this.byHost.values()];
  }
}

/** The lines of a document as the scan reads them (a `vscode.TextDocument` is one). */
export interface ScannableLines {
  readonly lineCount: number;
  lineAt(line: number): { readonly text: string };
}

/** A finished scan: every distinct host, how long it took, and the longest time it held the thread. */
export interface HostScan {
  hosts: FileHost[];
  elapsedMs: number;
  longestSliceMs: number;
}

/**
 * Every host of a document, line by line and (for long lines) window by window, yielding to the event loop every
 * `sliceMs`. After each yield `superseded()` is asked (a newer scan took over, the document changed or closed):
 * then the scan stops and answers undefined.
 */
export async function scanHosts(lines: ScannableLines, options: ScanOptions, superseded: () => boolean, sliceMs = SLICE_MS): Promise<HostScan | undefined> {
  const index = new FileHostsIndex();
  const started = performance.now();
  const slices = new TimeSlices(sliceMs);
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineAt(line).text;
    for (const window of lineWindows(text)) {
      for (const m of scanWindows(text, [window], (t) => scanLine(t, line, options))) index.add(m);
      if ((await slices.yieldIfDue()) && superseded()) return undefined;
    }
  }
  return { hosts: index.hosts(), elapsedMs: performance.now() - started, longestSliceMs: slices.longestSliceMs() };
}

/** The view before any scan, after its document closed, or when a scan failed (with that message). */
export function emptySnapshot(message: string | null = null): FileHostsSnapshot {
  return { uri: null, status: 'none', sizeMB: 0, total: 0, hosts: [], message, scanMs: null, longestSliceMs: null };
}

/** A file the view does not scan on its own (binary, or over the size limit), with the message that says why. */
export function declinedSnapshot(uri: string, status: 'binary' | 'tooLarge', sizeMB: number, message: string): FileHostsSnapshot {
  return { ...emptySnapshot(message), uri, status, sizeMB };
}

/**
 * A scanned file: the first MAX_LISTED_HOSTS hosts (`listed`, what the tree shows) and the snapshot of them.
 * `capMessage(listed, total)` words the note shown when there were more.
 */
export function scannedSnapshot(
  uri: string,
  sizeMB: number,
  scan: HostScan,
  capMessage: (listed: number, total: number) => string
): { snapshot: FileHostsSnapshot; listed: FileHost[] } {
  const listed = scan.hosts.slice(0, MAX_LISTED_HOSTS);
  return {
    listed,
    snapshot: {
      uri,
      status: 'scanned',
      sizeMB,
      total: scan.hosts.length,
      hosts: listed.map((h) => ({ host: h.host, ace: aceForm(h.host), occurrences: h.count, line: h.first.line })),
      message: scan.hosts.length > listed.length ? capMessage(listed.length, scan.hosts.length) : null,
      scanMs: scan.elapsedMs,
      longestSliceMs: scan.longestSliceMs,
    },
  };
}

/** The IDNA 2003 ASCII form (what Python and NetLens send) of a non-ASCII name; null for ASCII or an invalid name. */
export function aceForm(host: string): string | null {
  if (![...host].some((c) => c.charCodeAt(0) > 0x7f)) return null;
  try {
    return idna2003ToAscii(host);
  } catch {
    return null; // the hover and the lookup say why it is invalid
  }
}
