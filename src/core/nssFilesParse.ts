/**
 * The field scanners of glibc's nss_files line parser (nss/nss_files/files-parse.c), shared by the services and
 * protocols databases. They are deliberately byte-for-byte faithful rather than "reasonable": glibc reads ports
 * with strtoul(base 0), so `0x50/tcp` is port 80 and `70000/tcp` is port 4464, and NetLens must answer what the C library
 * answers for the same file.
 */

const C_SPACE = ' \t\n\v\f\r';

/** isspace() in the C locale (glibc's parsers run with the program's locale, where these are the ASCII spaces). */
export function isCSpace(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && C_SPACE.includes(ch);
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
  let value = 0n;
  let overflow = false;
  for (let d = digitValue(text[i], radix); d >= 0; d = digitValue(text[++i], radix)) {
    value = value * BigInt(radix) + BigInt(d);
    if (value > ULONG_MAX) overflow = true;
  }
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

  /** `commentChars` are where the line ends (LINE_PARSER's EOLSET): everything from the first one is ignored. */
  constructor(line: string, commentChars: string) {
    let end = line.length;
    for (let i = 0; i < line.length; i++) {
      if (commentChars.includes(line[i]) || line[i] === '\n') {
        end = i;
        break;
      }
    }
    this.text = line.slice(0, end);
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
