/**
 * The field scanners of glibc's nss_files line parser (nss/nss_files/files-parse.c), shared by the services and
 * protocols databases. They are deliberately byte-for-byte faithful rather than "reasonable": glibc reads ports
 * with strtoul(base 0), so `0x50/tcp` is port 80 and `70000/tcp` is port 4464, and NetLens must answer what the C library
 * answers for the same file.
 */
import { checkNoNul } from './pythonArgs';
import { ResolverFailure } from './resolverError';

/** isspace() in the C locale (glibc's parsers run with the program's locale, where these are the ASCII spaces). */
export function isCSpace(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return c === 32 || (c >= 9 && c <= 13);
}

const ULONG_MAX = (1n << 64n) - 1n;

/**
 * C's strtoul on a 64-bit platform: optional leading white space and sign, base 0 means C prefixes (0x hex,
 * 0 octal). Returns the value and the index just after the number; `end === start` means no digits were read.
 * `overflow` is strtoul's ERANGE (the value is then ULONG_MAX).
 */
export function strtoul(text: string, start: number, base: 0 | 8 | 10 | 16): { value: bigint; end: number; overflow: boolean } {
  let i = start;
  while (isCSpace(text[i])) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') negative = text[i++] === '-';
  let radix = base;
  if ((radix === 0 || radix === 16) && text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X') && digitValue(text[i + 2], 16) >= 0) {
    radix = 16;
    i += 2;
  } else if (radix === 0) radix = text[i] === '0' ? 8 : 10;
  const digitsStart = i;
  // Accumulate in a float while it is exact (below 2^53), then in a bigint; once past ULONG_MAX only skip digits:
  // a hostile file can hold a megabyte of digits, and bigint arithmetic on it would be quadratic.
  let small = 0;
  let value = 0n;
  let overflow = false;
  for (let d = digitValue(text[i], radix); d >= 0; d = digitValue(text[++i], radix)) {
    if (overflow) continue;
    if (small < 2 ** 46) {
      small = small * radix + d;
      continue;
    }
    if (value === 0n) value = BigInt(small);
    value = value * BigInt(radix) + BigInt(d);
    if (value > ULONG_MAX) overflow = true;
  }
  if (value === 0n) value = BigInt(small);
  if (i === digitsStart) return { value: 0n, end: start, overflow: false };
  if (overflow) return { value: ULONG_MAX, end: i, overflow: true };
  return { value: negative ? (ULONG_MAX + 1n - value) & ULONG_MAX : value, end: i, overflow: false };
}

function digitValue(ch: string | undefined, radix: number): number {
  if (ch === undefined || ch === '') return -1;
  const code = ch.charCodeAt(0);
  let d = -1;
  if (code >= 48 && code <= 57) d = code - 48;
  else if (code >= 97 && code <= 122) d = code - 87;
  else if (code >= 65 && code <= 90) d = code - 55;
  return d >= 0 && d < radix ? d : -1;
}

/** A cursor over one line, with glibc's STRING_FIELD / INT_FIELD / trailing-list semantics. */
export class NssLine {
  private pos = 0;
  private readonly text: string;

  /**
   * `commentChars` are where the line ends (LINE_PARSER's EOLSET): everything from the first one is ignored. So
   * does everything from a NUL byte: glibc's parser sees the line as a C string.
   */
  constructor(line: string, commentChars: string) {
    let end = line.length;
    for (const stop of [...commentChars, '\n', '\0']) {
      const at = line.indexOf(stop);
      if (at !== -1 && at < end) end = at;
    }
    this.text = end === line.length ? line : line.slice(0, end);
  }

  /** STRING_FIELD: everything up to the terminator; with `swallow`, runs of terminators are skipped. */
  stringField(isTerminator: (ch: string | undefined) => boolean, swallow: boolean): string {
    const start = this.pos;
    while (this.pos < this.text.length && !isTerminator(this.text[this.pos])) this.pos++;
    const value = this.text.slice(start, this.pos);
    if (this.pos < this.text.length) {
      do this.pos++;
      while (swallow && this.pos < this.text.length && isTerminator(this.text[this.pos]));
    }
    return value;
  }

  /**
   * INT_FIELD: strtoul, and the line is malformed (null: glibc skips it silently) when there are no digits, the
   * number is followed by anything but the terminator, or the value does not fit 32 bits. The last rule is what
   * Debian 12's glibc does (checked by the bind-mounted fixture test): `-1/tcp` and `99999999999999999999/tcp`
   * lines are skipped, while `70000/tcp` is kept and truncated to 16 bits by htons (port 4464).
   */
  intField(isTerminator: (ch: string | undefined) => boolean, swallow: boolean, base: 0 | 10): number | null {
    const { value, end } = strtoul(this.text, this.pos, base);
    if (end === this.pos || value > 0xffffffffn) return null;
    let next = end;
    if (next < this.text.length && isTerminator(this.text[next])) {
      do next++;
      while (swallow && next < this.text.length && isTerminator(this.text[next]));
    } else if (next < this.text.length) return null;
    this.pos = next;
    return Number(value);
  }

  /** The trailing list (aliases): white-space separated words up to the end of the line. */
  trailingList(): string[] {
    if (this.pos >= this.text.length) return [];
    return this.text
      .slice(this.pos)
      .split(/[ \t\n\v\f\r]+/)
      .filter((w) => w !== '');
  }
}

/**
 * The lines glibc's nss_files hands to a parser: leading white space skipped, empty and `#` lines ignored. Yields
 * the 1-based line number with each line so that answers can point at the file line that produced them.
 */
export function* nssLines(text: string): Generator<{ line: string; lineNumber: number }> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let j = 0;
    while (isCSpace(lines[i][j])) j++;
    const line = lines[i].slice(j);
    if (line === '' || line.startsWith('#')) continue;
    yield { line, lineNumber: i + 1 };
  }
}

/** Every entry `parse` accepts, in file order (glibc's nss_files skips a line it cannot parse and reads on). */
export function parseNssEntries<T>(text: string, parse: (line: string, lineNumber: number) => T | null): T[] {
  const entries: T[] = [];
  for (const { line, lineNumber } of nssLines(text)) {
    const entry = parse(line, lineNumber);
    if (entry) entries.push(entry);
  }
  return entries;
}

/**
 * Bytes as text, the way Python's `surrogateescape` error handler does it: valid UTF-8 decodes normally, every
 * byte of an invalid sequence becomes U+DC80..U+DCFF. The file's bytes stay recoverable (escapedToBytes), so a
 * garbage services file answers as glibc does and a name Python cannot decode fails as Python fails.
 */
export function decodeUtf8Escaped(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    // Not valid UTF-8: escape the bad bytes one by one below.
  }
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = validSequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    parts.push(UTF8.decode(bytes.subarray(runStart, i)), String.fromCharCode(0xdc00 + bytes[i]));
    runStart = ++i;
  }
  parts.push(UTF8.decode(bytes.subarray(runStart)));
  return parts.join('');
}

// TextDecoder/TextEncoder rather than Buffer: this module is also bundled into the webview (a browser).
// ignoreBOM: keep a leading U+FEFF as glibc keeps the bytes (the default would drop it).
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
const ENCODER = new TextEncoder();

function isCont(b: number | undefined): boolean {
  return b !== undefined && b >= 0x80 && b <= 0xbf;
}

/** The length of the well-formed UTF-8 sequence at `i` (no overlongs, surrogates or values above U+10FFFF), else 0. */
function validSequenceLength(b: Uint8Array, i: number): number {
  const b0 = b[i];
  if (b0 < 0x80) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) return isCont(b[i + 1]) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return b[i + 1] >= lo && b[i + 1] <= hi && isCont(b[i + 2]) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return b[i + 1] >= lo && b[i + 1] <= hi && isCont(b[i + 2]) && isCont(b[i + 3]) ? 4 : 0;
  }
  return 0;
}

/** True when decodeUtf8Escaped put escaped bytes into `text` (a lone U+DC80..U+DCFF). */
export function hasEscapedBytes(text: string): boolean {
  return /[\udc80-\udcff]/.test(text);
}

/** The bytes glibc holds for a string that decodeUtf8Escaped produced. */
export function escapedToBytes(text: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc80 || c > 0xdcff) continue;
    parts.push(ENCODER.encode(text.slice(runStart, i)), Uint8Array.of(c - 0xdc00));
    runStart = i + 1;
  }
  parts.push(ENCODER.encode(text.slice(runStart)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * What CPython's strict UTF-8 decoder says about `bytes` (Objects/stringlib/codecs.h, which decides the error
 * position and reason exactly like this), or null when they decode. Python raises it when a C string from glibc,
 * such as getservbyport's s_name, is not UTF-8:
 * `'utf-8' codec can't decode byte 0xff in position 3: invalid start byte`.
 */
export function utf8DecodeErrorMessage(bytes: Uint8Array): string | null {
  const end = bytes.length;
  for (let s = 0; s < end; ) {
    const length = validSequenceLength(bytes, s);
    if (length > 0) {
      s += length;
      continue;
    }
    const [reason, span] = decodeFailure(bytes, s, end);
    const head = "'utf-8' codec can't decode";
    return span === 1
      ? `${head} byte 0x${bytes[s].toString(16).padStart(2, '0')} in position ${s}: ${reason}`
      : `${head} bytes in position ${s}-${s + span - 1}: ${reason}`;
  }
  return null;
}

/** CPython's classification of the invalid sequence at `s`: the reason and how many bytes it covers. */
function decodeFailure(b: Uint8Array, s: number, end: number): [string, number] {
  const ch = b[s];
  const invalid = (k: number): [string, number] => ['invalid continuation byte', k];
  const endOfData: [string, number] = ['unexpected end of data', end - s];
  if (ch < 0xc2 || ch > 0xf4) return ['invalid start byte', 1];
  if (ch < 0xe0) return end - s < 2 ? endOfData : invalid(1);
  const ch2 = b[s + 1];
  // The second byte's allowed range is narrower after E0, ED, F0 and F4 (overlongs, surrogates, > U+10FFFF).
  const badSecond = ch2 === undefined || !isCont(ch2) || (ch < 0xf0 ? (ch2 < 0xa0 ? ch === 0xe0 : ch === 0xed) : ch2 < 0x90 ? ch === 0xf0 : ch === 0xf4);
  if (ch < 0xf0) {
    if (end - s < 2) return endOfData;
    if (badSecond) return invalid(1);
    if (end - s < 3) return endOfData;
    return invalid(2);
  }
  if (end - s < 2) return endOfData;
  if (badSecond) return invalid(1);
  if (end - s < 3) return endOfData;
  if (!isCont(b[s + 2])) return invalid(2);
  if (end - s < 4) return endOfData;
  return invalid(3);
}

/**
 * Python's "s" argument format encodes a str as strict UTF-8 before the C call: a lone surrogate is a
 * UnicodeEncodeError naming its position in code points. Returns that message, or null when `text` encodes.
 */
export function utf8EncodeErrorMessage(text: string): string | null {
  let position = 0;
  for (let i = 0; i < text.length; i++, position++) {
    if (!isLoneSurrogate(text, i)) {
      if (isHighSurrogate(text.charCodeAt(i))) i++; // a pair: one code point
      continue;
    }
    // Python reports the whole run of lone surrogates: "characters in position 1-3".
    let end = i;
    while (end + 1 < text.length && isLoneSurrogate(text, end + 1)) end++;
    if (end === i) return `'utf-8' codec can't encode character '\\u${text.charCodeAt(i).toString(16)}' in position ${position}: surrogates not allowed`;
    return `'utf-8' codec can't encode characters in position ${position}-${position + end - i}: surrogates not allowed`;
  }
  return null;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** A surrogate code unit that is not half of a valid pair (what Python sees as a lone surrogate code point). */
function isLoneSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isHighSurrogate(c)) return !(i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)));
  if (isLowSurrogate(c)) return !(i > 0 && isHighSurrogate(text.charCodeAt(i - 1)));
  return false;
}

/** Python's UnicodeEncodeError / UnicodeDecodeError, with Python's message word for word. */
function unicodeFailure(kind: 'UnicodeEncodeError' | 'UnicodeDecodeError', message: string): ResolverFailure {
  return new ResolverFailure({ kind, errno: null, code: null, message });
}

/** Python's "s" argument format: strict UTF-8 first (lone surrogates fail), then no embedded NUL. */
export function checkCString(text: string): void {
  const encodeError = utf8EncodeErrorMessage(text);
  if (encodeError !== null) throw unicodeFailure('UnicodeEncodeError', encodeError);
  checkNoNul(text);
}

/**
 * A name glibc returns becomes a Python str by strict UTF-8 decoding: a services or protocols file with other
 * bytes in a name makes Python raise UnicodeDecodeError, and NetLens raises the same.
 */
export function checkDecodableName(name: string): void {
  if (!hasEscapedBytes(name)) return;
  const message = utf8DecodeErrorMessage(escapedToBytes(name));
  if (message !== null) throw unicodeFailure('UnicodeDecodeError', message);
}
