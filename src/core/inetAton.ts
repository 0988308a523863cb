/**
 * inet_aton as glibc implements it (inet/inet_addr.c), which is what Python's socket.inet_aton calls. It accepts
 * far more than dotted quads: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x), the last part filling
 * the remaining bytes (127.1 is 127.0.0.1, 4294967295 is 255.255.255.255), and anything after a white-space
 * character is ignored ("1.2.3.4 junk" is 1.2.3.4). Those legacy forms are a classic SSRF trick: a filter that
 * sees "0x7f.1" as a hostname lets through a request the C library sends to 127.0.0.1, so NetLens names them.
 */
import { formatIPv4 } from './inetPton';
import { checkCString, isCSpace, strtoul } from './nssFilesParse';
import { ResolverFailure } from './resolverError';

export type AtonFlag = 'octal' | 'hex' | 'short' | 'trailing';

export const ATON_FLAG_TEXT: Readonly<Record<AtonFlag, string>> = {
  octal: 'a part with a leading 0 is read as octal (017 is 15)',
  hex: 'a part starting 0x is read as hexadecimal',
  short: 'fewer than four parts: the last part fills the remaining bytes (127.1 is 127.0.0.1)',
  trailing: 'text after white space is ignored',
};

export interface AtonResult {
  bytes: Uint8Array;
  /** The address as a strict dotted quad, which is what the C library connects to. */
  dotted: string;
  /** The legacy forms used, in the order of ATON_FLAG_TEXT; empty for a plain dotted quad. */
  flags: AtonFlag[];
  /** The number of parts written (1-4). */
  parts: number;
  /** What glibc ignored after the white space, or ''. */
  ignored: string;
}

const LAST_PART_MAX = [0xffffffff, 0xffffff, 0xffff, 0xff];

/** glibc inet_aton; null where it returns 0. */
export function inetAtonParse(text: string): AtonResult | null {
  const head: number[] = [];
  const flags = new Set<AtonFlag>();
  let pos = 0;
  let value: number;
  for (;;) {
    const c = text[pos];
    if (c === undefined || c < '0' || c > '9') return null; // every part must start with a digit (no sign, no space)
    const { value: ul, end, overflow } = strtoul(text, pos, 0);
    if (overflow || ul > 0xffffffffn) return null;
    if (/^0[xX]/.test(text.slice(pos, end))) flags.add('hex');
    else if (end - pos > 1 && c === '0') flags.add('octal');
    value = Number(ul);
    pos = end;
    if (text[pos] !== '.') break;
    if (head.length > 2 || value > 0xff) return null;
    head.push(value);
    pos++;
  }
  const rest = text.slice(pos);
  if (rest !== '' && !isCSpace(rest[0])) return null;
  if (value > LAST_PART_MAX[head.length]) return null;
  const word = head.reduce((acc, part, k) => acc + part * 2 ** (24 - 8 * k), 0) + value;
  const bytes = Uint8Array.of(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
  if (head.length < 3) flags.add('short');
  if (rest !== '') flags.add('trailing');
  const ordered = (Object.keys(ATON_FLAG_TEXT) as AtonFlag[]).filter((f) => flags.has(f));
  return { bytes, dotted: formatIPv4(bytes), flags: ordered, parts: head.length + 1, ignored: rest.slice(1) };
}

function pyError(kind: 'OSError' | 'ValueError', message: string): ResolverFailure {
  return new ResolverFailure({ kind, errno: null, code: null, message });
}

/** socket.inet_aton(text): the result, or Python's OSError. */
export function inetAton(text: string): AtonResult {
  // Python encodes the str to UTF-8 first: a lone surrogate fails even after the white space glibc stops at.
  checkCString(text);
  const result = inetAtonParse(text);
  if (!result) throw pyError('OSError', 'illegal IP address string passed to inet_aton');
  return result;
}

/** socket.inet_ntoa(packed): Python insists on exactly four bytes. */
export function inetNtoa(packed: Uint8Array): string {
  if (packed.length !== 4) throw pyError('OSError', 'packed IP wrong length for inet_ntoa');
  return formatIPv4(packed);
}
