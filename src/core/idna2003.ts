/**
 * IDNA 2003 exactly as Python's `encodings.idna` codec does it (RFC 3490 ToASCII with AllowUnassigned and without
 * UseSTD3ASCIIRules, RFC 3491 nameprep over RFC 3454 stringprep, RFC 3492 punycode). Python's socket functions
 * encode every str host with this codec before the C library sees it, so `straße.de` is looked up as
 * `strasse.de` and `a..b` fails with a UnicodeError before any query is sent.
 *
 * Browsers, libidn2 and Node's `url.domainToASCII` use UTS #46 instead (`straße.de` → `xn--strae-oqa.de`);
 * `compareIdnForms` reports both. The Unicode data (Unicode 3.2 for nameprep, with CPython's own quirks: case
 * folding and combining classes from its current database) is generated from python3 into idna2003Tables.ts.
 */
import { inflateSync } from 'zlib';
import { PACKED_TABLES } from './idna2003Tables';

/** The generated tables in their compact text form (see scripts/gen-idna2003-tables.py). */
interface TableTexts {
  MAP: string;
  DECOMP: string;
  CCC: string;
  COMPOSE: string;
  PROHIBITED_PRINTABLE: string;
  PROHIBITED_HIDDEN: string;
  RANDAL: string;
  LCAT: string;
}

/** Python's UnicodeError from the codec; `reason` is the codec's own text, e.g. "label empty or too long". */
export class IdnaError extends Error {
  constructor(readonly reason: string) {
    super(`encoding with 'idna' codec failed (UnicodeError: ${reason})`);
    this.name = 'IdnaError';
  }
}

type CodePoints = number[];

interface Tables {
  map: Map<number, CodePoints>;
  decomp: Map<number, CodePoints>;
  ccc: Uint8Array;
  /** first code point → (second code point → composite). */
  compose: Map<number, Map<number, number>>;
  prohibitedPrintable: Array<[number, number]>;
  prohibitedHidden: Array<[number, number]>;
  randal: Array<[number, number]>;
  lcat: Array<[number, number]>;
}

let tables: Tables | undefined;

function parseSeq(text: string): CodePoints {
  return text === '' ? [] : text.split(' ').map((h) => parseInt(h, 16));
}

function parseMap(text: string): Map<number, CodePoints> {
  const out = new Map<number, CodePoints>();
  for (const entry of text.split(';')) {
    const colon = entry.indexOf(':');
    out.set(parseInt(entry.slice(0, colon), 16), parseSeq(entry.slice(colon + 1)));
  }
  return out;
}

function parseRanges(text: string): Array<[number, number]> {
  return text.split(',').map((r) => {
    const [start, len = '0'] = r.split('+');
    const s = parseInt(start, 16);
    return [s, s + parseInt(len, 16)];
  });
}

/** Decoded lazily: most hosts are ASCII and never need the tables. */
function load(): Tables {
  if (tables) return tables;
  const { CCC, COMPOSE, DECOMP, LCAT, MAP, PROHIBITED_HIDDEN, PROHIBITED_PRINTABLE, RANDAL } = JSON.parse(
    inflateSync(Buffer.from(PACKED_TABLES, 'base64')).toString('ascii')
  ) as TableTexts;
  const ccc = new Uint8Array(0x110000);
  for (const entry of CCC.split(',')) {
    const [range, value] = entry.split(':');
    const [[start, end]] = parseRanges(range);
    ccc.fill(parseInt(value, 16), start, end + 1);
  }
  const compose = new Map<number, Map<number, number>>();
  for (const entry of COMPOSE.split(';')) {
    const [pair, composite] = entry.split(':');
    const [first, second] = parseSeq(pair);
    let inner = compose.get(first);
    if (!inner) compose.set(first, (inner = new Map<number, number>()));
    inner.set(second, parseInt(composite, 16));
  }
  tables = {
    map: parseMap(MAP),
    decomp: parseMap(DECOMP),
    ccc,
    compose,
    prohibitedPrintable: parseRanges(PROHIBITED_PRINTABLE),
    prohibitedHidden: parseRanges(PROHIBITED_HIDDEN),
    randal: parseRanges(RANDAL),
    lcat: parseRanges(LCAT),
  };
  return tables;
}

function inRanges(ranges: ReadonlyArray<[number, number]>, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid];
    if (cp < s) hi = mid - 1;
    else if (cp > e) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Code points of a JS string; a lone surrogate stays one code point, as in a Python str. */
function codePoints(text: string): CodePoints {
  const out: CodePoints = [];
  for (const ch of text) out.push(ch.codePointAt(0) ?? 0);
  return out;
}

function fromCodePoints(cps: CodePoints): string {
  let out = '';
  for (const cp of cps) out += String.fromCodePoint(cp);
  return out;
}

// Hangul syllables (Unicode 3.12), as CPython's unicodedata.c handles them.
const S_BASE = 0xac00;
const L_BASE = 0x1100;
const V_BASE = 0x1161;
const T_BASE = 0x11a7;
const L_COUNT = 19;
const V_COUNT = 21;
const T_COUNT = 28;
const N_COUNT = V_COUNT * T_COUNT;
const S_COUNT = L_COUNT * N_COUNT;

/** `unicodedata.ucd_3_2_0.normalize('NFKC', …)` as CPython computes it. */
export function nfkc32(input: CodePoints): CodePoints {
  const t = load();
  // Decompose (per code point, then canonical reordering: CPython's stable insertion sort).
  const d: CodePoints = [];
  for (const cp of input) {
    if (cp >= S_BASE && cp < S_BASE + S_COUNT) {
      const s = cp - S_BASE;
      d.push(L_BASE + Math.floor(s / N_COUNT), V_BASE + Math.floor((s % N_COUNT) / T_COUNT));
      if (s % T_COUNT) d.push(T_BASE + (s % T_COUNT));
      continue;
    }
    const mapped = t.decomp.get(cp);
    if (mapped) d.push(...mapped);
    else d.push(cp);
  }
  for (let i = 1; i < d.length; i++) {
    const cur = t.ccc[d[i]];
    if (cur === 0 || t.ccc[d[i - 1]] === 0 || t.ccc[d[i - 1]] <= cur) continue;
    let o = i - 1;
    for (;;) {
      [d[o], d[o + 1]] = [d[o + 1], d[o]];
      o--;
      if (o < 0) break;
      const prev = t.ccc[d[o]];
      if (prev === 0 || prev <= cur) break;
    }
  }
  // Compose (CPython's nfc_nfkc, including its Hangul shortcut for modern jamo only).
  const out: CodePoints = [];
  const skipped = new Set<number>();
  let i = 0;
  while (i < d.length) {
    if (skipped.has(i)) {
      skipped.delete(i);
      i++;
      continue;
    }
    let code = d[i];
    if (code >= L_BASE && code < L_BASE + L_COUNT && i + 1 < d.length && d[i + 1] >= V_BASE && d[i + 1] < V_BASE + V_COUNT) {
      code = S_BASE + ((code - L_BASE) * V_COUNT + (d[i + 1] - V_BASE)) * T_COUNT;
      i += 2;
      if (i < d.length && d[i] > T_BASE && d[i] < T_BASE + T_COUNT) code += d[i++] - T_BASE;
      out.push(code);
      continue;
    }
    let firsts = t.compose.get(code);
    if (!firsts) {
      out.push(code);
      i++;
      continue;
    }
    const o = out.length;
    out.push(code);
    let comb = 0;
    for (let i1 = i + 1; i1 < d.length; i1++) {
      const code1 = d[i1];
      const comb1 = t.ccc[code1];
      if (comb) {
        if (comb1 === 0) break;
        if (comb >= comb1) continue; // blocked
      }
      const composite = firsts.get(code1);
      if (composite === undefined) {
        if (comb1 === 0) break;
        comb = comb1;
        continue;
      }
      out[o] = composite;
      skipped.add(i1);
      firsts = t.compose.get(composite);
      if (!firsts) break;
    }
    i++;
  }
  return out;
}

/** Python's repr() of a one-character str, as the codec's "Invalid character %r" shows it. */
function reprChar(cp: number, printable: boolean): string {
  if (printable) return `'${String.fromCodePoint(cp)}'`;
  if (cp < 0x100) return `'\\x${cp.toString(16).padStart(2, '0')}'`;
  if (cp < 0x10000) return `'\\u${cp.toString(16).padStart(4, '0')}'`;
  return `'\\U${cp.toString(16).padStart(8, '0')}'`;
}

/** RFC 3491 nameprep as `encodings.idna.nameprep` (query strings: unassigned code points allowed). */
export function nameprep(label: string): string {
  const t = load();
  const mapped: CodePoints = [];
  for (const cp of codePoints(label)) {
    const m = t.map.get(cp);
    if (m) mapped.push(...m);
    else mapped.push(cp);
  }
  const normalized = nfkc32(mapped);
  for (const cp of normalized) {
    const printable = inRanges(t.prohibitedPrintable, cp);
    if (printable || inRanges(t.prohibitedHidden, cp)) throw new IdnaError(`Invalid character ${reprChar(cp, printable)}`);
  }
  const randal = normalized.map((cp) => inRanges(t.randal, cp));
  if (randal.some(Boolean)) {
    if (normalized.some((cp) => inRanges(t.lcat, cp))) throw new IdnaError('Violation of BIDI requirement 2');
    if (!randal[0] || !randal[randal.length - 1]) throw new IdnaError('Violation of BIDI requirement 3');
  }
  return fromCodePoints(normalized);
}

// RFC 3492 punycode, as Python's `punycode` codec.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;

function adapt(delta: number, numPoints: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digit(d: number): string {
  return String.fromCharCode(d < 26 ? 97 + d : 22 + d);
}

/** `label.encode('punycode')`: basic code points, '-', then the deltas. */
export function punycodeEncode(label: string): string {
  const cps = codePoints(label);
  const basic = cps.filter((cp) => cp < 0x80);
  let out = fromCodePoints(basic);
  if (basic.length > 0) out += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  let h = basic.length;
  while (h < cps.length) {
    const m = Math.min(...cps.filter((cp) => cp >= n));
    delta += (m - n) * (h + 1);
    n = m;
    for (const cp of cps) {
      if (cp < n) delta++;
      if (cp !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const tk = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < tk) break;
        out += digit(tk + ((q - tk) % (BASE - tk)));
        q = Math.floor((q - tk) / (BASE - tk));
      }
      out += digit(q);
      bias = adapt(delta, h + 1, h === basic.length);
      delta = 0;
      h++;
    }
    delta++;
    n++;
  }
  return out;
}

/** `str.encode('ascii')` succeeds: every UTF-16 unit below 0x80 (a lone surrogate is not ASCII either). */
const ASCII = { test: (text: string): boolean => ![...text].some((ch) => ch.charCodeAt(0) > 0x7f) };

/** RFC 3490 ToASCII of one label, as `encodings.idna.ToASCII`. */
function toAsciiLabel(label: string): string {
  const check = (ascii: string): string => {
    if (ascii.length > 0 && ascii.length < 64) return ascii;
    throw new IdnaError('label empty or too long');
  };
  if (ASCII.test(label)) return check(label);
  const prepared = nameprep(label);
  if (ASCII.test(prepared)) return check(prepared);
  if (prepared.startsWith('xn--')) throw new IdnaError('Label starts with ACE prefix');
  return check(`xn--${punycodeEncode(prepared)}`);
}

/** The label separators of IDNA 2003 section 3.1. */
const DOTS = /[.\u3002\uff0e\uff61]/;

/**
 * `host.encode('idna')` as Python does it before every socket call: the ASCII name the C library is given.
 * Throws IdnaError (Python's UnicodeError) with the codec's text.
 */
export function idna2003ToAscii(host: string): string {
  if (host === '') return '';
  if (ASCII.test(host)) {
    const labels = host.split('.');
    for (const label of labels.slice(0, -1)) if (label.length === 0 || label.length >= 64) throw new IdnaError('label empty or too long');
    if (labels[labels.length - 1].length >= 64) throw new IdnaError('label too long');
    return host;
  }
  const labels = host.split(DOTS);
  let trailingDot = '';
  if (labels.length > 0 && labels[labels.length - 1] === '') {
    trailingDot = '.';
    labels.pop();
  }
  return labels.map(toAsciiLabel).join('.') + trailingDot;
}

/** Both IDN forms of a host, for the editor to show side by side. */
export interface IdnForms {
  /** What Python (and so the NetLens CLI) sends: IDNA 2003, or Python's UnicodeError text. */
  idna2003: { ok: true; ascii: string } | { ok: false; error: string };
  /** UTS #46 (browsers, libidn2, Node's url.domainToASCII); '' when it rejects the name. */
  uts46: string;
  /** True when the two disagree (also when exactly one of them rejects the name). */
  differ: boolean;
  /** True when the input is not plain ASCII (otherwise both forms are the input itself, lowercase aside). */
  international: boolean;
}

/**
 * Compares the two IDN conventions. `uts46ToAscii` is injected (Node's `url.domainToASCII` in practice) so that
 * this module stays free of platform imports.
 */
export function compareIdnForms(host: string, uts46ToAscii: (host: string) => string): IdnForms {
  let idna2003: IdnForms['idna2003'];
  try {
    idna2003 = { ok: true, ascii: idna2003ToAscii(host) };
  } catch (err) {
    idna2003 = { ok: false, error: err instanceof IdnaError ? err.message : String(err) };
  }
  const uts46 = uts46ToAscii(host);
  const differ = idna2003.ok ? idna2003.ascii.toLowerCase() !== uts46.toLowerCase() : uts46 !== '';
  return { idna2003, uts46, differ, international: !ASCII.test(host) };
}
