/**
 * /etc/gai.conf as glibc reads it: gaiconf_init, add_prefixlist and add_scopelist in sysdeps/posix/getaddrinfo.c
 * (glibc 2.36; the file moved to nss/getaddrinfo.c in 2.39 with the same code), and the default tables it starts
 * from. What glibc really does, not what RFC 6724 says:
 *
 *  - the defaults are RFC 3484's tables (IPv4-mapped precedence 10, no ULA row in the precedence table) plus
 *    glibc's own label rows for fec0::/10 (5), fc00::/7 (6) and 2001::/32 (7): default_labels/default_precedence;
 *  - any `label`, `precedence` or `scopev4` line replaces that whole default table; glibc adds back only a ::/0
 *    row (label 1, precedence 40, scope 14) unless the file has a /0 line of its own;
 *  - the rows are sorted by prefix length, longest first, with glibc's qsort, a stable merge sort (stdlib/msort.c
 *    in 2.36, stdlib/qsort.c since 2.39), so of two rows with the same length the one earlier in the file wins;
 *  - a line glibc cannot parse is ignored without a word, and so is an unknown command;
 *  - the file is read once per process (`__libc_once (once, gaiconf_init)`), again only with `reload yes`.
 *
 * Numbers are strtoul's: up to glibc 2.40 an empty value is 0 and a line without `/bits` reads an uninitialized
 * pointer (BZ #32465, fixed in 2.41 by valid_decimal_value): see `undefinedNoPrefixLength` below.
 */
import * as l10n from '@vscode/l10n';
import { formatIPv4, formatIPv6Glibc, parseIPv4Strict, parseIPv6Strict } from './inetPton';
import { escapedToBytes } from './nssFilesParse';

export const GAI_CONF_PATH = '/etc/gai.conf';

/** One row of the label or precedence table: addresses whose first `bits` bits equal `prefix`'s get `value`. */
export interface PolicyRow {
  /** `address/bits`; the address as glibc holds it (bits past `bits` are kept, as glibc keeps them, and ignored). */
  prefix: string;
  bits: number;
  value: number;
  /** glibc's built-in table, a line of gai.conf, or the ::/0 row glibc adds to a table read from the file. */
  origin: 'default' | 'gai.conf' | 'implied';
  /** The gai.conf line (1-based) the row comes from; null for built-in rows. */
  line: number | null;
}

/** One row of the IPv4 scope table (scopev4): IPv4 addresses in `prefix` have scope `value`. */
export interface ScopeRow {
  /** `a.b.c.d/n`, the address masked as glibc stores it. */
  prefix: string;
  /** 0 to 32. */
  bits: number;
  value: number;
  origin: PolicyRow['origin'];
  line: number | null;
}

export type GaiConfLineStatus = 'used' | 'ignored' | 'undefined' | 'crash';

/** What glibc made of one line that names a command. */
export interface GaiConfLine {
  line: number;
  /** The line as read (bytes that are not UTF-8 are escaped), without its newline. */
  text: string;
  status: GaiConfLineStatus;
  /** Why the line was not used (or what is undefined about it); null when used. */
  reason: string | null;
}

/** The tables glibc's rfc3484_sort uses. */
export interface GaiConf {
  path: string;
  /** Whether a readable file was there (no file: the default tables). */
  fileRead: boolean;
  labels: PolicyRow[];
  precedence: PolicyRow[];
  scopev4: ScopeRow[];
  /** `reload yes` as the last `reload` line says: glibc re-reads the file when its mtime changes. */
  reload: boolean;
  lines: GaiConfLine[];
}

const ZERO6 = '::';

function row(address: string, bits: number, value: number): PolicyRow {
  return { prefix: `${address}/${bits}`, bits, value, origin: 'default', line: null };
}

/** default_labels (glibc 2.36 getaddrinfo.c), in its order (already longest prefix first). */
export const GLIBC_DEFAULT_LABELS: readonly PolicyRow[] = [
  row('::1', 128, 0),
  row('2002::', 16, 2),
  row(ZERO6, 96, 3),
  row('::ffff:0.0.0.0', 96, 4),
  row('fec0::', 10, 5),
  row('fc00::', 7, 6),
  row('2001::', 32, 7),
  row(ZERO6, 0, 1),
];

/** default_precedence: RFC 3484 section 2.1's table, with no ULA (fc00::/7) row. */
export const GLIBC_DEFAULT_PRECEDENCE: readonly PolicyRow[] = [row('::1', 128, 50), row('2002::', 16, 30), row(ZERO6, 96, 20), row('::ffff:0.0.0.0', 96, 10), row(ZERO6, 0, 40)];

/** default_scopes: IPv4 link-local and loopback are link-local scope (2), everything else global (14). */
export const GLIBC_DEFAULT_SCOPES: readonly ScopeRow[] = [
  { prefix: '169.254.0.0/16', bits: 16, value: 2, origin: 'default', line: null },
  { prefix: '127.0.0.0/8', bits: 8, value: 2, origin: 'default', line: null },
  { prefix: '0.0.0.0/0', bits: 0, value: 14, origin: 'default', line: null },
];

/** The tables with no gai.conf (or one without table lines). */
export function defaultGaiConf(path = GAI_CONF_PATH): GaiConf {
  return { path, fileRead: false, labels: [...GLIBC_DEFAULT_LABELS], precedence: [...GLIBC_DEFAULT_PRECEDENCE], scopev4: [...GLIBC_DEFAULT_SCOPES], reload: false, lines: [] };
}

/** glibc ≥ 2.41 parses numbers with valid_decimal_value; older ones with bare strtoul (BZ #32465). */
function hasValidDecimalValue(glibcVersion: string | null): boolean {
  if (glibcVersion === null) return true;
  const m = /^(\d+)\.(\d+)/.exec(glibcVersion);
  if (!m) return true;
  return Number(m[1]) > 2 || (Number(m[1]) === 2 && Number(m[2]) >= 41);
}

const ULONG_MAX = 2n ** 64n - 1n;
const INT_MAX = 2147483647n;

/** strtoul(s, &end, 10) on a token (no spaces in it): its value, whether it read digits, ERANGE. */
function strtoul(s: string): { value: bigint; digits: boolean; end: number; erange: boolean } {
  let i = 0;
  const negative = s[0] === '-';
  if (s[0] === '+' || s[0] === '-') i = 1;
  const start = i;
  while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
  if (i === start) return { value: 0n, digits: false, end: 0, erange: false };
  const magnitude = BigInt(s.slice(start, i));
  if (magnitude > ULONG_MAX) return { value: ULONG_MAX, digits: true, end: i, erange: true };
  // strtoul negates in unsigned arithmetic: "-1" is ULONG_MAX, "-18446744073709551615" is 1.
  return { value: negative ? (ULONG_MAX + 1n - magnitude) % (ULONG_MAX + 1n) : magnitude, digits: true, end: i, erange: false };
}

type Decimal = { ok: true; value: bigint } | { ok: false; reason: string };

/**
 * A number field: `(v = strtoul (s, &endp, 10)) != ULONG_MAX || errno != ERANGE) && *endp == '\0'` up to 2.40, where
 * an empty field converts to 0 and passes; valid_decimal_value from 2.41 on, which also wants at least one digit.
 */
function decimal(s: string, strict: boolean): Decimal {
  const r = strtoul(s);
  if (r.erange) return { ok: false, reason: l10n.t('the number {0} is too large for strtoul', s) };
  if (!r.digits) {
    if (s === '' && !strict) return { ok: true, value: 0n };
    return { ok: false, reason: s === '' ? l10n.t('a number is missing') : l10n.t('{0} is not a number', s) };
  }
  if (r.end !== s.length) return { ok: false, reason: l10n.t('{0} is not a number', s) };
  return { ok: true, value: r.value };
}

/** C-locale isspace, which glibc's tokenizer uses. */
function isSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

/** Bytes as text for the table (latin1: each byte one character; only ASCII can be a valid prefix or number). */
function latin1(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/**
 * The line buffer glibc's getline reuses from line to line. Only one quirk needs it: up to 2.40 a `scopev4` line
 * without `/bits` tests `*endp` with the `endp` that the previous scopev4 line's strtoul left, which points into
 * this same buffer (verified on glibc 2.36: `scopev4 127.0.0.0/8 2` followed by `scopev4 198.51.100.20 5` is used,
 * with `… 22` before it, the second line is ignored, and with no scopev4 line before it, getaddrinfo crashes).
 */
class LineBuffer {
  bytes = new Uint8Array(0);

  load(line: Uint8Array): void {
    if (this.bytes.length < line.length + 1) {
      const grown = new Uint8Array(Math.max(120, line.length + 1));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(line);
    this.bytes[line.length] = 0;
  }
}

interface Tokens {
  cmd: string;
  val1: string;
  /** Offset of val1 in the buffer. */
  val1At: number;
  val2: string;
  val2At: number;
}

/** gaiconf_init's tokenizer: `#` ends the line, then command, val1 and val2 split at C-locale white space. */
function tokenize(buf: Uint8Array, length: number): Tokens | null {
  let end = buf.indexOf(0);
  if (end < 0 || end > length) end = length;
  const hash = buf.subarray(0, end).indexOf(0x23);
  if (hash >= 0) {
    buf[hash] = 0;
    end = hash;
  }
  let cp = 0;
  while (cp < end && isSpace(buf[cp])) cp++;
  const cmdAt = cp;
  while (cp < end && !isSpace(buf[cp])) cp++;
  const cmd = latin1(buf, cmdAt, cp);
  if (cp < end) buf[cp++] = 0;
  while (cp < end && isSpace(buf[cp])) cp++;
  const val1At = cp;
  while (cp < end && !isSpace(buf[cp])) cp++;
  // glibc computes "val1len" as cp - cmd, so only a line with no command at all is skipped here.
  if (cp === cmdAt) return null;
  const val1 = latin1(buf, val1At, cp);
  if (cp < end) buf[cp++] = 0;
  while (cp < end && isSpace(buf[cp])) cp++;
  const val2At = cp;
  while (cp < end && !isSpace(buf[cp])) cp++;
  const val2 = latin1(buf, val2At, cp);
  buf[cp] = 0;
  return { cmd, val1, val1At, val2, val2At };
}

type Parsed<T> = { ok: true; row: T } | { ok: false; status: GaiConfLineStatus; reason: string };

function undefinedNoPrefixLength(): Parsed<never> {
  return {
    ok: false,
    status: 'undefined',
    reason: l10n.t('no /bits: glibc up to 2.40 then reads an uninitialized pointer (BZ #32465, fixed in 2.41); glibc 2.36 ignored such label and precedence lines in every test'),
  };
}

/** add_prefixlist: `label|precedence PREFIX[/BITS] VALUE`. */
function prefixLine(t: Tokens, strict: boolean, lineNumber: number): Parsed<PolicyRow> {
  const slash = t.val1.indexOf('/');
  const addrText = slash < 0 ? t.val1 : t.val1.slice(0, slash);
  const bytes = parseIPv6Strict(addrText);
  if (!bytes) return { ok: false, status: 'ignored', reason: l10n.t('{0} is not an IPv6 address (inet_pton)', addrText) };
  let bits = 128n;
  if (slash >= 0) {
    const b = decimal(t.val1.slice(slash + 1), strict);
    if (!b.ok) return { ok: false, status: 'ignored', reason: b.reason };
    bits = b.value;
  } else if (!strict) return undefinedNoPrefixLength();
  if (bits > 128n) return { ok: false, status: 'ignored', reason: l10n.t('prefix length {0} is over 128', String(bits)) };
  const v = decimal(t.val2, strict);
  if (!v.ok) return { ok: false, status: 'ignored', reason: v.reason };
  if (v.value > INT_MAX) return { ok: false, status: 'ignored', reason: l10n.t('{0} is over INT_MAX (2147483647)', String(v.value)) };
  return { ok: true, row: { prefix: `${formatIPv6Glibc(bytes)}/${bits}`, bits: Number(bits), value: Number(v.value), origin: 'gai.conf', line: lineNumber } };
}

function scopeRow(addr: number, bits: number, value: number, lineNumber: number): ScopeRow {
  // add_scopelist: netmask = bits != 96 ? 0xffffffff << (128 - bits) : 0; the stored address is masked.
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const masked = (addr & mask) >>> 0;
  const quad = Uint8Array.of(masked >>> 24, (masked >>> 16) & 0xff, (masked >>> 8) & 0xff, masked & 0xff);
  return { prefix: `${formatIPv4(quad)}/${bits}`, bits, value, origin: 'gai.conf', line: lineNumber };
}

/** Where the scopev4 block's `endp` points after its last strtoul (glibc ≤ 2.40 reuses it: see LineBuffer). */
interface ScopeEndp {
  at: number | null;
}

/**
 * The scopev4 branch of gaiconf_init: an IPv4-mapped IPv6 prefix (/96 to /128, default /128) or an IPv4 prefix
 * (/0 to /32, default /32), then the scope.
 */
function scopeLine(t: Tokens, strict: boolean, lineNumber: number, buf: Uint8Array, endp: ScopeEndp): Parsed<ScopeRow> {
  const slash = t.val1.indexOf('/');
  const addrText = slash < 0 ? t.val1 : t.val1.slice(0, slash);
  const bitsText = slash < 0 ? null : t.val1.slice(slash + 1);
  const bitsAt = t.val1At + slash + 1;
  const v6 = parseIPv6Strict(addrText);
  const v4 = v6 ? null : parseIPv4Strict(addrText);
  if (v6) {
    const mapped = v6.subarray(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
    if (!mapped) return { ok: false, status: 'ignored', reason: l10n.t('{0} is an IPv6 address but not IPv4-mapped (::ffff:a.b.c.d)', addrText) };
  } else if (!v4) return { ok: false, status: 'ignored', reason: l10n.t('{0} is neither an IPv4 nor an IPv4-mapped IPv6 address', addrText) };
  const quad = v6 ? v6.subarray(12) : (v4 as Uint8Array);
  const addr = ((quad[0] << 24) | (quad[1] << 16) | (quad[2] << 8) | quad[3]) >>> 0;
  const [minBits, maxBits, defaultBits] = v6 ? [96n, 128n, 128n] : [0n, 32n, 32n];
  let bits = defaultBits;
  if (bitsText !== null) {
    const r = strtoul(bitsText);
    endp.at = bitsAt + (r.digits ? r.end : 0);
    const b = decimal(bitsText, strict);
    if (!b.ok) return { ok: false, status: 'ignored', reason: b.reason };
    bits = b.value;
  } else if (!strict) {
    // `*endp` with the endp of the previous scopev4 line (none: an uninitialized pointer, and glibc 2.36 crashed).
    if (endp.at === null) {
      return { ok: false, status: 'crash', reason: l10n.t('no /bits: glibc up to 2.40 then reads an uninitialized pointer (BZ #32465); as the first scopev4 line, it made every getaddrinfo with two or more answers crash (SIGSEGV) on glibc 2.36') };
    }
    if (buf[endp.at] !== 0) return { ok: false, status: 'ignored', reason: l10n.t('no /bits: glibc up to 2.40 tests a pointer left by the previous scopev4 line (BZ #32465), and here it points at a character, so the line is ignored') };
  }
  if (bits < minBits || bits > maxBits) return { ok: false, status: 'ignored', reason: l10n.t('prefix length {0} is out of range ({1} to {2})', String(bits), String(minBits), String(maxBits)) };
  const r = strtoul(t.val2);
  endp.at = t.val2At + (r.digits ? r.end : 0);
  const v = decimal(t.val2, strict);
  if (!v.ok) return { ok: false, status: 'ignored', reason: v.reason };
  if (v.value > INT_MAX) return { ok: false, status: 'ignored', reason: l10n.t('{0} is over INT_MAX (2147483647)', String(v.value)) };
  return { ok: true, row: scopeRow(addr, Number(bits - (v6 ? 96n : 0n)), Number(v.value), lineNumber) };
}

/** Stable, longest prefix first: glibc's qsort is a merge sort, so equal lengths keep file order. */
function longestFirst<T extends { bits: number }>(rows: T[]): T[] {
  return rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.bits - a.r.bits || a.i - b.i).map(({ r }) => r);
}

/** The lines of a file as getline splits them: each up to and including '\n' (the last may lack one). */
function* getlines(bytes: Uint8Array): Generator<{ line: Uint8Array; number: number }> {
  let start = 0;
  let number = 0;
  while (start < bytes.length) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl + 1;
    yield { line: bytes.subarray(start, end), number: ++number };
    start = end;
  }
}

function lineText(line: Uint8Array, original: string[], number: number): string {
  return original[number - 1] ?? latin1(line, 0, line.length).replace(/\n$/, '');
}

/**
 * gaiconf_init on the file's text (null: no readable file, so the built-in tables). `glibcVersion` is the runtime
 * glibc's (`2.36`); null means the newest rules.
 */
export function parseGaiConf(text: string | null, glibcVersion: string | null, path = GAI_CONF_PATH): GaiConf {
  const conf = defaultGaiConf(path);
  if (text === null) return conf;
  conf.fileRead = true;
  const strict = hasValidDecimalValue(glibcVersion);
  const bytes = escapedToBytes(text);
  const original = text.split('\n');
  const labels: PolicyRow[] = [];
  const precedence: PolicyRow[] = [];
  const scopes: ScopeRow[] = [];
  const buffer = new LineBuffer();
  const endp: ScopeEndp = { at: null };
  let crashed = false;
  for (const { line, number } of getlines(bytes)) {
    buffer.load(line);
    const t = tokenize(buffer.bytes, line.length);
    if (!t) continue;
    const record = (status: GaiConfLineStatus, reason: string | null): void => {
      conf.lines.push({ line: number, text: lineText(line, original, number), status, reason });
    };
    // glibc switches on the command's length first, then compares: case matters, and anything else is skipped.
    if (t.cmd === 'label' || t.cmd === 'precedence') {
      const parsed = prefixLine(t, strict, number);
      if (parsed.ok) (t.cmd === 'label' ? labels : precedence).push(parsed.row);
      record(parsed.ok ? 'used' : parsed.status, parsed.ok ? null : parsed.reason);
    } else if (t.cmd === 'scopev4') {
      const parsed = scopeLine(t, strict, number, buffer.bytes, endp);
      if (parsed.ok) scopes.push(parsed.row);
      if (!parsed.ok && parsed.status === 'crash') crashed = true;
      record(parsed.ok ? 'used' : parsed.status, parsed.ok ? null : parsed.reason);
    } else if (t.cmd === 'reload') {
      conf.reload = t.val1 === 'yes';
      record('used', null);
    } else record('ignored', l10n.t('{0} is not a gai.conf command (label, precedence, scopev4, reload)', t.cmd));
    if (crashed) break;
  }
  // A table read from the file replaces the default one; glibc appends a /0 row unless the file has one.
  if (labels.length > 0) conf.labels = longestFirst(withZeroRow(labels, 1));
  if (precedence.length > 0) conf.precedence = longestFirst(withZeroRow(precedence, 40));
  if (scopes.length > 0) {
    const all = scopes.some((s) => s.bits === 0) ? scopes : [...scopes, { prefix: '0.0.0.0/0', bits: 0, value: 14, origin: 'implied' as const, line: null }];
    conf.scopev4 = longestFirst(all);
  }
  return conf;
}

function withZeroRow(rows: PolicyRow[], value: number): PolicyRow[] {
  return rows.some((r) => r.bits === 0) ? rows : [...rows, { prefix: `${ZERO6}/0`, bits: 0, value, origin: 'implied', line: null }];
}

/** Whether glibc (≤ 2.40) crashes in getaddrinfo with this file: a scopev4 line without /bits before any other. */
export function gaiConfCrashes(conf: GaiConf): boolean {
  return conf.lines.some((l) => l.status === 'crash');
}
