/**
 * The host under a position in a line (by the scanner's rule), the host in what a user typed or pasted (a URL,
 * `user@host`, `host:port`, `[v6]:port`), and the windows very long lines (a minified bundle, a 10 MB log line)
 * are cut into, so that what the editor does per hover or per visible range costs the same on such a line as on a
 * line of code.
 */
import { scanLine, type HostMatch, type ScanOptions } from './scanner';

/** The longest name DNS can carry (RFC 1035: 255 octets on the wire, 253 characters written with dots). */
const MAX_HOST_LENGTH = 253;

/** The host part of a token (URL, user@host, host:port, [v6]:port), or null. */
export function hostFromToken(token: string): string | null {
  // Sentence punctuation after a host ("see db.internal.") is not part of it.
  let t = token.trim().replace(/[.:]+$/, '');
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(t);
  if (scheme) t = t.slice(scheme[0].length).split(/[/?#]/, 1)[0];
  else t = t.split('/', 1)[0];
  const at = t.lastIndexOf('@');
  if (at >= 0) t = t.slice(at + 1);
  if (t.length > MAX_HOST_LENGTH + 2) return null; // + brackets: no name or address is longer
  const bracketed = /^\[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\](?::\d+)?$/.exec(t);
  if (bracketed) return bracketed[1];
  // Two or more colons without brackets: a bare IPv6 literal (maybe with a %zone).
  if ((t.match(/:/g) ?? []).length >= 2) return /^[0-9A-Fa-f:.]+(%[\w.-]+)?$/.test(t) ? t : null;
  t = t.replace(/:\d*$/, '');
  if (t.length > MAX_HOST_LENGTH) return null;
  return /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/.test(t) && !/\.\./.test(t) ? t : null;
}

/**
 * The host under a position: the one rule for "the host at the cursor" (the hover, Resolve Hostname Under Cursor,
 * the pre-fills of the commands, the getaddrinfo panel opened from the palette). It is the scanner's match, so
 * what a command offers or resolves is exactly what the hover would look up, never a code word such as
 * `console.log`. On a long line only a window around the position is scanned.
 */
export function hostMatchInLine(line: string, lineNumber: number, character: number, options?: ScanOptions): HostMatch | undefined {
  const matches = scanWindows(line, [windowAround(line, character)], (text) => scanLine(text, lineNumber, options));
  return matches.find((m) => character >= m.character && character <= m.character + m.length);
}

/**
 * Lines longer than this are scanned in windows. Code and config lines are far shorter; a longer line is
 * minified code, data or a log line, where a whole-line scan per hover would block the extension host
 * (about 1 s for 10 MB).
 */
export const LONG_LINE_CHARS = 16_384;

/** Half the width of the window a hover scans around its position on a long line (longer than any URL we expect). */
const HOVER_RADIUS = 4096;

/**
 * A part of a line to scan. `hardStart`/`hardEnd`: the window was cut inside a token (no whitespace, quote or
 * bracket nearby), so a match touching that edge is a piece of a longer word and must be dropped.
 */
export interface LineWindow {
  start: number;
  end: number;
  hardStart: boolean;
  hardEnd: boolean;
}

/**
 * Where a long line may be cut without splitting a URL or a host: whitespace and controls, quotes and angle
 * brackets (the delimiters of code, JSON, HTML and logs). Commas and semicolons can be inside URLs.
 */
function isCut(c: number): boolean {
  return c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x60 || c === 0x3c || c === 0x3e;
}

/** Moves a hard cut off the low half of a surrogate pair, so no window starts or ends inside a character. */
function notInsidePair(line: string, i: number): number {
  const c = line.charCodeAt(i);
  const prev = i > 0 ? line.charCodeAt(i - 1) : 0;
  return c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff ? i + 1 : i;
}

/** The window of a line a scan for the match at `offset` needs: the whole line unless it is long. */
export function windowAround(line: string, offset: number): LineWindow {
  const n = line.length;
  if (n <= LONG_LINE_CHARS) return { start: 0, end: n, hardStart: false, hardEnd: false };
  const at = Math.min(Math.max(offset, 0), n);
  let start = Math.max(0, at - HOVER_RADIUS);
  let hardStart = false;
  if (start > 0) {
    let k = start;
    while (k < at && !isCut(line.charCodeAt(k))) k++;
    if (k < at) start = k;
    else {
      start = notInsidePair(line, start);
      hardStart = true;
    }
  }
  let end = Math.min(n, at + HOVER_RADIUS);
  let hardEnd = false;
  if (end < n) {
    let k = end;
    while (k > at && !isCut(line.charCodeAt(k - 1))) k--;
    if (k > at) end = k;
    else {
      end = notInsidePair(line, end);
      hardEnd = true;
    }
  }
  return { start, end, hardStart, hardEnd };
}

/**
 * Windows of at most about `size` characters that cover [0, limit) of a line, cut at a delimiter when one is
 * within the last quarter of the window (else cut hard). For a short line: one window, the whole line.
 */
export function lineWindows(line: string, limit = line.length, size = LONG_LINE_CHARS): LineWindow[] {
  const n = Math.min(line.length, Math.max(0, limit));
  if (line.length <= size && n === line.length) return [{ start: 0, end: n, hardStart: false, hardEnd: false }];
  const windows: LineWindow[] = [];
  let start = 0;
  let hardStart = false;
  while (start < n) {
    let end = Math.min(n, start + size);
    let hardEnd = end < line.length && !isCut(line.charCodeAt(end)) && !isCut(line.charCodeAt(end - 1));
    if (hardEnd) {
      const floor = end - (size >> 2);
      let k = end - 1;
      while (k > floor && !isCut(line.charCodeAt(k))) k--;
      if (k > floor) {
        end = k + 1;
        hardEnd = false;
      } else end = notInsidePair(line, end);
    }
    windows.push({ start, end, hardStart, hardEnd });
    hardStart = hardEnd;
    start = end;
  }
  return windows;
}

/** What a scan of a window returns, with offsets relative to the window. */
interface WindowMatch {
  character: number;
  length: number;
}

/**
 * The matches of a line found window by window: `scan(text)` is the scanner on one window's text; offsets are
 * moved back to the line, and a match cut by a hard window edge is dropped (it is a piece of a longer word).
 */
export function scanWindows<M extends WindowMatch>(line: string, windows: readonly LineWindow[], scan: (text: string) => M[]): M[] {
  const out: M[] = [];
  for (const w of windows) {
    for (const m of scan(w.start === 0 && w.end === line.length ? line : line.slice(w.start, w.end))) {
      if (w.hardStart && m.character === 0) continue;
      if (w.hardEnd && m.character + m.length === w.end - w.start) continue;
      out.push({ ...m, character: m.character + w.start });
    }
  }
  return out;
}
