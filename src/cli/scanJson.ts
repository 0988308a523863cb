// `netlens scan --json`'s text: one JSON array of matches, written a piece of the input at a time (in this thread
// or by scan workers, scanWorkers.ts), byte for byte what `JSON.stringify(scanText(text).map(matchJson))` gives.
import { ResolverFailure } from '../core/resolverError';
import { createScanner, TextLines, type HostMatch, type HostScanner, type ScanOptions, type UrlMatch } from '../core/scanner';
import { schemePort } from '../core/urlPort';
import type { LinePiece } from './scanInput';

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

/** A URL's port and where it comes from; an explicit port Python refuses (`:99999`) is no port (the URL is still shown). */
export function urlPort(m: UrlMatch): { port: number | null; portSource: ScanMatchJson['portSource'] } {
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
export const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(s)`: most texts need no escape, and quoting them is twice as fast as asking JSON.stringify. */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/**
 * How much JSON text is gathered before it is handed on (UTF-16 code units): text built by appending is a tree of
 * small strings until it is flattened, and held longer it outlives the young generation (a piece's JSON at once
 * spent a third of `scan --json`'s time in garbage collection).
 */
const JSON_CHUNK = 64 * 1024;

/**
 * Scans a piece of text (whole lines, numbered from `firstLine`; see TextLines) and hands its matches on as JSON
 * array elements, each preceded by a comma (`,{…},{…}`), in chunks of about JSON_CHUNK, each awaited (a writer's
 * backpressure). Returns how many lines the piece had.
 */
export async function pieceJson(scanner: HostScanner, text: string, firstLine: number, last: boolean, flush: (json: string) => Promise<void> | void): Promise<number> {
  const found: HostMatch[] = [];
  let json = '';
  const lines = new TextLines(text, firstLine, !last);
  while (lines.next()) {
    if (found.length !== 0) found.length = 0; // setting an array's length is a runtime call, even to its own length
    scanner.scanLineInto(lines.line, lines.lineNo, found);
    for (const m of found) json += ',' + matchJsonText(m);
    if (json.length >= JSON_CHUNK) {
      await flush(json);
      json = '';
    }
  }
  if (json.length !== 0) await flush(json);
  return lines.lineNo + 1 - firstLine;
}

/** Writes `[`, the pieces' elements (the first without its comma) and `]`, in order, awaiting each write. */
export class JsonArrayWriter {
  private first = true;

  constructor(private readonly write: (chunk: string | Uint8Array) => Promise<void>) {}

  open(): Promise<void> {
    return this.write('[');
  }

  /** One piece's `,{…},{…}` (text, or its UTF-8 bytes from a worker). */
  async elements(json: string | Uint8Array): Promise<void> {
    if (json.length === 0) return;
    // ',' is one byte in UTF-8 too; a view of the bytes, not a copy.
    await this.write(this.first ? (typeof json === 'string' ? json.slice(1) : json.subarray(1)) : json);
    this.first = false;
  }

  close(): Promise<void> {
    return this.write(']');
  }
}

/**
 * `JSON.stringify(scanText(text, options).map(matchJson))`, byte for byte, for the text the pieces hold, scanned
 * in this thread a piece at a time: memory holds one piece and a chunk of JSON, however large the input.
 */
export async function writeScanJsonHere(pieces: Iterable<LinePiece>, options: ScanOptions, write: (chunk: string | Uint8Array) => Promise<void>): Promise<void> {
  const scanner = createScanner(options);
  const out = new JsonArrayWriter(write);
  await out.open();
  let line = 0;
  const flush = (json: string): Promise<void> => out.elements(json); // one function: a new one per piece deoptimized pieceJson
  for (const piece of pieces) line += await pieceJson(scanner, piece.bytes.toString('utf8'), line, piece.last, flush);
  await out.close();
}
