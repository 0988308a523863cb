// `netlens scan --json` written by the ahead-of-time scanner (native/scanner/textlines.c, jsonout.c and
// src/cli/scanJsonWasm.ts) against the TypeScript: TextLines and countLineEnds on every corpus file's bytes and on
// random texts, the JSON writer's matchers against their regular expressions, its elements against matchJsonText on
// records built from the TypeScript scanner's matches (and on random records), and writeScanJsonWasm against
// writeScanJsonHere byte for byte. A difference is a bug in the port.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { piecesOf, type LinePiece } from '../../src/cli/scanInput';
import { jsonString, matchJsonText, NEEDS_ESCAPE, urlPort, writeScanJsonHere } from '../../src/cli/scanJson';
import { WasmPieceScanner, writeScanJsonWasm } from '../../src/cli/scanJsonWasm';
import { countLineEnds, createScanner, TextLines, type HostMatch, type ScanOptions, type UrlMatch } from '../../src/core/scanner';
import { SCHEME_DEFAULT_PORTS } from '../../src/core/wellKnownPorts';
import { asciiLine } from '../support/asciiLines';
import { generateDense } from '../support/denseCorpus';
import { REPO_ROOT } from '../support/paths';
import { prng } from '../support/prng';
import { nativeScanner, nativeScannerProblem, schemePortCode } from '../../src/cli/scannerModule';
import { corpusAsciiLines, SCANNER_WASM, scannerNodeOrSkip, scannerWasmOrSkip, type ScannerWasm, type WasmFn } from '../support/scannerWasm';

const CORPORA = ['scanner-corpus', 'scanner-corpus-independent', 'scanner-corpus-heldout', 'scanner-corpus-heldout2', 'scanner-corpus-heldout3', 'scanner-corpus-heldout4', 'scanner-corpus-heldout5', 'scanner-corpus-heldout6', 'scanner-corpus-heldout7'];

/** Every corpus file's bytes, as read (the files loadCorpus reads: those with labels). */
function corpusFiles(): { name: string; bytes: Buffer }[] {
  const files: { name: string; bytes: Buffer }[] = [];
  for (const dir of CORPORA) {
    const full = path.join(REPO_ROOT, 'test', 'fixtures', dir);
    for (const labels of (fs.readdirSync(full, { recursive: true }) as string[]).filter((f) => f.endsWith('.labels.json')).sort()) {
      const name = labels.slice(0, -'.labels.json'.length);
      files.push({ name: `${dir}/${name}`, bytes: fs.readFileSync(path.join(full, name)) });
    }
  }
  return files;
}

/** The JSON writer's functions and memory: the module's (ScannerWasm), or the native scanner's (the same exports). */
type JsonWriterC = Pick<ScannerWasm, 'exports'> & { readonly memory: { readonly buffer: ArrayBuffer } };

/** Writes bytes into the module's input buffer; returns the pointer. */
function putBytes(wasm: JsonWriterC, bytes: Uint8Array): number {
  const ptr = wasm.exports.Input_reserve(bytes.length + 1);
  new Uint8Array(wasm.memory.buffer, ptr, bytes.length).set(bytes);
  return ptr;
}

/** The module's output (JsonOut_data, JsonOut_length) as text, emptied. */
function takeOutput(wasm: ScannerWasm): string {
  const e = wasm.exports;
  const text = Buffer.from(wasm.memory.buffer, e.JsonOut_data(), e.JsonOut_length()).toString('utf8');
  e.JsonOut_clear();
  return text;
}

/** TextLines (C) over bytes against TextLines (TypeScript) over their decoding: the same lines, numbers and count. */
function compareTextLines(wasm: ScannerWasm, bytes: Buffer, firstLine: number, piece: boolean): void {
  const ptr = putBytes(wasm, bytes);
  const count = wasm.exports.t_textLines(ptr, bytes.length, firstLine, piece ? 1 : 0);
  const triples = wasm.ints(wasm.exports.t_textLinesOut(), 3 * count);
  const ts = new TextLines(bytes.toString('utf8'), firstLine, piece);
  let k = 0;
  while (ts.next()) {
    const what = `${JSON.stringify(bytes.toString('utf8').slice(0, 200))} (firstLine ${firstLine}, piece ${piece}) line ${k}`;
    assert.ok(k < count, `${what}: C has only ${count} lines`);
    assert.strictEqual(bytes.toString('utf8', triples[3 * k], triples[3 * k + 1]), ts.line, what);
    assert.strictEqual(triples[3 * k + 2], ts.lineNo, what);
    k++;
  }
  assert.strictEqual(count, k, `${JSON.stringify(bytes.toString('utf8').slice(0, 200))}: line count`);
  if (piece) assert.strictEqual(wasm.exports.t_countLineEnds(ptr, bytes.length), countLineEnds(bytes), 'countLineEnds');
}

const KINDS = ['url', 'hostname', 'ipv4', 'ipv6', 'network'];
const CONTEXTS = ['url', 'email', 'userHost', 'hostPort', 'keyword', 'keyValue', 'hostsFile', 'bare'];
const RECORD_INTS = 14;

/** The offset of `needle` in `s` at or after `from`, ASCII case-insensitively when asked; -1 if none. */
function find(s: string, needle: string, from: number, caseless = false): number {
  return caseless ? s.toLowerCase().indexOf(needle.toLowerCase(), from) : s.indexOf(needle, from);
}

/** A TypeScript match as hostscanner.h's 14-int record, its strings located in the line (asserted). */
function recordOf(s: string, m: HostMatch): number[] {
  const start = m.character;
  const end = start + m.length;
  assert.strictEqual(s.slice(start, end), m.text);
  let hostStart = find(s, m.host, start);
  let hostCut = -1;
  if (hostStart < 0 || hostStart + m.host.length > end) {
    // A zone written `%25eth0` is the host `…%eth0`: the record's cut drops the `25`.
    const pct = m.host.indexOf('%');
    const written = m.host.slice(0, pct + 1) + '25' + m.host.slice(pct + 1);
    hostStart = pct < 0 ? -1 : find(s, written, start);
    assert.ok(hostStart >= 0 && hostStart + written.length <= end, `host ${JSON.stringify(m.host)} not in ${JSON.stringify(m.text)}`);
    hostCut = hostStart + pct + 1;
  }
  const hostEnd = hostStart + m.host.length + (hostCut >= 0 ? 2 : 0);
  const r = [KINDS.indexOf(m.kind), CONTEXTS.indexOf(m.context), start, end, hostStart, hostEnd, hostCut, -1, -1, -1, -1, -1, -1, -1];
  if (m.explicitPort !== null) {
    const at = find(s, ':' + m.explicitPort, hostEnd - 1);
    // A URL's port is in its text; a host's `:port` follows the match (`[2001:db8::5]:443`).
    assert.ok(at >= 0 && (at < end || m.kind !== 'url'), `port ${m.explicitPort} not after ${JSON.stringify(m.text)}`);
    r[7] = at + 1;
    r[8] = at + 1 + m.explicitPort.length;
  }
  if (m.kind === 'url') {
    assert.strictEqual(s.slice(start, start + m.scheme.length).toLowerCase(), m.scheme, `scheme of ${m.text}`);
    assert.ok(m.scheme.endsWith(m.portScheme));
    r[9] = start;
    r[10] = start + m.scheme.length;
    r[11] = r[10] - m.portScheme.length;
    r[12] = r[10];
  }
  if (m.kind === 'network') r[13] = start + m.address.length;
  return r;
}

/** The C's elements for the line's records against `',' + matchJsonText(m)` of each match. */
function compareElements(wasm: ScannerWasm, s: string, lineNo: number, matches: readonly HostMatch[], records: readonly number[][]): void {
  const e = wasm.exports;
  const ptr = e.t_recordsBuffer(records.length);
  new Int32Array(wasm.memory.buffer, ptr, records.length * RECORD_INTS).set(records.flat());
  e.JsonOut_clear();
  assert.strictEqual(wasm.onLine('t_jsonRecords', s, lineNo, records.length), 1);
  const c = takeOutput(wasm);
  const ts = matches.map((m) => ',' + matchJsonText(m)).join('');
  if (c !== ts) assert.fail(`${JSON.stringify(s)}:\n  C  ${c}\n  TS ${ts}`);
}

/** The TypeScript scanner's matches on a line, written by the C from their records. */
function compareScannedLine(wasm: ScannerWasm, s: string, lineNo: number, options?: ScanOptions): number {
  const matches = createScannerFor(options).scanLine(s, lineNo);
  compareElements(wasm, s, lineNo, matches, matches.map((m) => recordOf(s, m)));
  return matches.length;
}

const scanners = new Map<string, ReturnType<typeof createScanner>>();
function createScannerFor(options: ScanOptions = {}): ReturnType<typeof createScanner> {
  const key = (options.privateSuffixes ?? []).join('\n');
  let scanner = scanners.get(key);
  if (!scanner) scanners.set(key, (scanner = createScanner(options)));
  return scanner;
}

/** A match of any shape on a line (not necessarily one the scanner makes): ranges picked from `pick`. */
function randomMatch(s: string, pick: () => number, lineNo: number): { match: HostMatch; record: number[] } {
  const n = s.length;
  const range = (): [number, number] => {
    const a = Math.floor(pick() * (n + 1));
    const b = Math.floor(pick() * (n + 1));
    return a <= b ? [a, b] : [b, a];
  };
  const kind = KINDS[Math.floor(pick() * KINDS.length)] as HostMatch['kind'];
  const [start, end] = range();
  const [hostStart, hostEnd] = range();
  const hostCut = hostEnd - hostStart >= 2 && pick() < 0.3 ? hostStart + Math.floor(pick() * (hostEnd - hostStart - 1)) : -1;
  const host = hostCut < 0 ? s.slice(hostStart, hostEnd) : s.slice(hostStart, hostCut) + s.slice(hostCut + 2, hostEnd);
  const portChoice = pick();
  const [portStart, portEnd] = portChoice < 0.3 ? [-1, -1] : range();
  const explicitPort = portStart < 0 ? null : s.slice(portStart, portEnd);
  const [schemeStart, schemeEnd] = range();
  const scheme = s.slice(schemeStart, schemeEnd).toLowerCase();
  const portSchemeStart = schemeStart + Math.floor(pick() * (schemeEnd - schemeStart + 1));
  const portScheme = s.slice(portSchemeStart, schemeEnd).toLowerCase();
  const base = { text: s.slice(start, end), line: lineNo, character: start, length: end - start, host, explicitPort, context: 'bare' as const };
  const record = [KINDS.indexOf(kind), 7, start, end, hostStart, hostEnd, hostCut, portStart, portEnd, -1, -1, -1, -1, -1];
  let match: HostMatch;
  if (kind === 'url') {
    match = { ...base, kind, scheme, portScheme };
    record.splice(9, 4, schemeStart, schemeEnd, portSchemeStart, schemeEnd);
  } else if (kind === 'network') {
    match = { ...base, kind, address: '', prefix: '' };
  } else {
    match = { ...base, kind };
  }
  return { match, record };
}

/** What a writer receives, as bytes (strings as UTF-8, as the CLI writes them). */
function collector(): { write: (chunk: string | Uint8Array) => Promise<void>; bytes: () => Buffer; writes: () => number } {
  const parts: Buffer[] = [];
  return {
    write: (chunk) => {
      parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
      return Promise.resolve();
    },
    bytes: () => Buffer.concat(parts),
    writes: () => parts.length,
  };
}

/** Pieces of `bytes` as the CLI cuts them (piecesOf) or cut after each line end of `cuts` (any kind of line end). */
function piecesAt(bytes: Buffer, cuts: readonly number[]): LinePiece[] {
  const pieces: LinePiece[] = [];
  let start = 0;
  for (const cut of cuts) {
    if (cut <= start || cut >= bytes.length) continue;
    pieces.push({ bytes: bytes.subarray(start, cut), last: false, owned: false });
    start = cut;
  }
  pieces.push({ bytes: bytes.subarray(start), last: true, owned: false });
  return pieces;
}

/** Every offset just after a line end (`\n`, `\r\n` as one, a lone `\r`) of the bytes. */
function lineEndCuts(bytes: Buffer): number[] {
  const cuts: number[] = [];
  for (let k = 0; k < bytes.length; k++) {
    if (bytes[k] === 10) cuts.push(k + 1);
    else if (bytes[k] === 13 && bytes[k + 1] !== 10) cuts.push(k + 1);
  }
  return cuts;
}

/** The C that writes the JSON in a suite: the module, or the CLI's native scanner (scanner.node, with the module's help). */
let nativeFile: string | null = null;

/** writeScanJsonWasm (with `nativeFile`) against writeScanJsonHere on the same pieces: the same bytes. */
async function compareWriters(pieces: readonly LinePiece[], options: ScanOptions, what: string): Promise<Buffer> {
  const here = collector();
  await writeScanJsonHere(pieces, options, here.write);
  const wasm = collector();
  await writeScanJsonWasm(pieces, options, wasm.write, SCANNER_WASM, nativeFile);
  const a = here.bytes();
  const b = wasm.bytes();
  if (!a.equals(b)) {
    let k = 0;
    while (k < a.length && a[k] === b[k]) k++;
    assert.fail(`${what}: first difference at byte ${k}\n  TS ${a.toString('utf8', Math.max(0, k - 200), k + 200)}\n  C  ${b.toString('utf8', Math.max(0, k - 200), k + 200)}`);
  }
  return a;
}

describe('scanner.wasm scan --json: TextLines and the JSON writer (C against TypeScript)', function () {
  this.timeout(120_000);
  const asciiLines = corpusAsciiLines();

  it('finds line ends as /[\\n\\r]/g does, from every position', function () {
    const wasm = scannerWasmOrSkip(this);
    const rand = prng(7);
    const ends = ['\n', '\r', '\r\n', '\n\r', '\r\r', '\n\n'];
    let text = '';
    for (const line of asciiLines.slice(0, 4000)) text += line + ends[Math.floor(rand() * ends.length)];
    const check = (s: string): void => {
      const ptr = wasm.put(s);
      const re = /[\n\r]/g;
      for (let from = 0; from <= s.length + 1; from++) {
        re.lastIndex = from;
        const ts = re.test(s) ? re.lastIndex - 1 : -1;
        const c = wasm.exports.t_lineEndFrom(ptr, s.length, from);
        if (c !== ts) assert.fail(`/[\\n\\r]/g at ${from} of ${JSON.stringify(s.slice(0, 100))}: TypeScript ${ts}, C ${c}`);
      }
    };
    check(text);
    fc.assert(fc.property(asciiLine(['\n', '\r', '\r\n'], 16), check), { numRuns: 20_000 });
  });

  it('reads the lines of every corpus file as TextLines does, whole and as a piece, and counts their ends', function () {
    const wasm = scannerWasmOrSkip(this);
    const files = corpusFiles();
    assert.ok(files.length > 100, `only ${files.length} corpus files`);
    for (const f of files) {
      for (const piece of [false, true]) compareTextLines(wasm, f.bytes, piece ? 1234 : 0, piece);
      // The same text with every line end turned into \r\n and into \r.
      const text = f.bytes.toString('utf8');
      compareTextLines(wasm, Buffer.from(text.replace(/\r\n|\n|\r/g, '\r\n')), 5, true);
      compareTextLines(wasm, Buffer.from(text.replace(/\r\n|\n|\r/g, '\r')), 0, false);
    }
  });

  it('reads the lines of random texts (every kind of line end, empty lines, malformed UTF-8) as TextLines does', function () {
    const wasm = scannerWasmOrSkip(this);
    const part = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('\n', '\r', '\r\n', '\n\r', 'a', 'bc', ' ', 'é', '\u{1F600}', '\t') },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).map((b) => Buffer.from([b])) }
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), fc.boolean(), fc.nat(1000), (parts, piece, firstLine) => {
        const bytes = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
        compareTextLines(wasm, bytes, firstLine, piece);
      }),
      { numRuns: 30_000 }
    );
    for (const text of ['', '\n', '\r', '\r\n', '\n\n', 'a', 'a\n', 'a\r\n', 'a\rb', 'a\n\rb', '\r\n\r\n']) {
      for (const piece of [false, true]) compareTextLines(wasm, Buffer.from(text), 0, piece);
    }
  });

  it('escapes strings as jsonString (NEEDS_ESCAPE, then JSON.stringify) does', function () {
    const wasm = scannerWasmOrSkip(this);
    const check = (s: string): void => {
      wasm.exports.JsonOut_clear();
      assert.strictEqual(wasm.onLine('t_needsEscape', s), Number(NEEDS_ESCAPE.test(s)), `NEEDS_ESCAPE ${JSON.stringify(s)}`);
      assert.strictEqual(wasm.onLine('t_jsonString', s), 1);
      const c = takeOutput(wasm);
      if (c !== jsonString(s)) assert.fail(`jsonString(${JSON.stringify(s)}): C ${c}`);
    };
    for (let c = 0; c < 128; c++) for (const s of [String.fromCharCode(c), `a${String.fromCharCode(c)}b`]) check(s);
    check('');
    // The C copies eight bytes at a time, the last eight overlapping: a character to escape at every place (or none)
    // of strings of every length around those steps.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let n = 0; n <= 26; n++) {
      for (let at = -1; at < n; at++) {
        for (const e of ['"', '\\', '\x00', '\x1f', '\n']) check(letters.slice(0, n).replace(/./g, (c, k: number) => (k === at ? e : c)));
      }
    }
    for (const s of asciiLines) check(s);
    const anyAscii = fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 20 }).map((cs) => String.fromCharCode(...cs));
    fc.assert(fc.property(fc.oneof(anyAscii, asciiLine(['"', '\\', '\b', '\f', '\x01', '\x1f'])), check), { numRuns: 30_000 });
  });

  it('reads ports as urlPort does: /^[0-9]+$/, the range, and the scheme\'s service or default', function () {
    const wasm = scannerWasmOrSkip(this);
    const digits = (s: string): void => {
      assert.strictEqual(wasm.onLine('t_explicitPortDigits', s), Number(/^[0-9]+$/.test(s)), `/^[0-9]+$/ ${JSON.stringify(s)}`);
    };
    for (const s of asciiLines) digits(s);
    fc.assert(fc.property(asciiLine(['0', '9', '65535', '65536', '00080', '/', ':']), digits), { numRuns: 20_000 });
    const schemes = [...Object.keys(SCHEME_DEFAULT_PORTS), 'http', 'https', 'ssh', 'imaps', 'domain', 'ftp', 'postgresql', 'jdbc:mysql', '', 'x', 'nosuchscheme', '__proto__', 'constructor', 'a'.repeat(40), 'b'.repeat(32), 'c'.repeat(33)];
    const ports: (string | null)[] = [null, '', '0', '80', '0080', '65535', '65536', '99999', '000000000000000000000065535', '1'.repeat(30), '8o', ' 80', '-1', '+1', '1e3', '0x50'];
    const check = (scheme: string, port: string | null): void => {
      const s = `${scheme}|${port ?? ''}`;
      const c = wasm.onLine('t_urlPort', s, 0, scheme.length, port === null ? -1 : scheme.length + 1, port === null ? -1 : s.length);
      const ts = urlPort({ portScheme: scheme, explicitPort: port } as UrlMatch);
      const expected = ts.port === null ? -1 : { explicit: 0, service: 1, default: 2 }[ts.portSource!] * 65536 + ts.port;
      assert.ok(ts.port !== null || ts.portSource === null);
      if (c !== expected) assert.fail(`urlPort(${JSON.stringify(scheme)}, ${JSON.stringify(port)}): TypeScript ${JSON.stringify(ts)}, C ${c}`);
    };
    // Twice: the second answers come from the C's cache (and more schemes than it holds push the first ones out).
    for (let round = 0; round < 2; round++) for (const scheme of schemes) for (const port of ports) check(scheme, port);
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9+.-]{0,12}$/), fc.option(fc.stringMatching(/^[0-9]{0,7}$/)), check), { numRuns: 20_000 });
  });

  it('writes the elements of every ASCII corpus line\'s matches as matchJsonText does (records from the TypeScript scanner)', function () {
    const wasm = scannerWasmOrSkip(this);
    let total = 0;
    asciiLines.forEach((s, k) => (total += compareScannedLine(wasm, s, k)));
    assert.ok(total > 5_000, `only ${total} matches`);
    // With private suffixes that make more names hosts.
    for (const s of asciiLines.slice(0, 3000)) compareScannedLine(wasm, s, 7, { privateSuffixes: ['internal', 'lan', 'corp'] });
  });

  it('writes the elements of random lines\' matches as matchJsonText does', function () {
    const wasm = scannerWasmOrSkip(this);
    const extra = ['http://[fe80::1%25eth0]:8080/', '%25', 'jdbc:postgresql://', 'JDBC:MySQL://', 'HTTPS://', 'ftp://', 'redis://:pw@', ':99999', ':0080', ':', '"', '\\', '\x01', 'mongodb://a,b:27018,c/'];
    fc.assert(
      fc.property(asciiLine(extra), fc.nat(1_000_000), (s, lineNo) => {
        compareScannedLine(wasm, s, lineNo);
      }),
      { numRuns: 30_000 }
    );
  });

  it('writes any record (host cut, empty port, every kind) as matchJsonText does', function () {
    const wasm = scannerWasmOrSkip(this);
    const lines = [...asciiLines.filter((_, k) => k % 10 === 0), '', '"\\\x00\x1f\x7f', 'HTTP://[Fe80::1%25Eth0]:0080/"x"'];
    const rand = prng(11);
    for (const s of lines) {
      const made = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => randomMatch(s, rand, Math.floor(rand() * 100000)));
      compareElements(wasm, s, made[0].match.line, made.map((m) => ({ ...m.match, line: made[0].match.line })), made.map((m) => m.record));
    }
  });
});

for (const engine of ['scanner.wasm', 'scanner.node'] as const) describe(`${engine} scan --json: writeScanJsonWasm against writeScanJsonHere`, function () {
  this.timeout(120_000);
  const options: ScanOptions[] = [{}, { privateSuffixes: ['internal', '.corp.example', 'svc.cluster'] }];
  beforeEach(function () {
    nativeFile = engine === 'scanner.node' ? scannerNodeOrSkip(this) : null;
    // An addon that is there must load: the suite would otherwise test the module twice (writeScanJsonWasm falls back).
    if (nativeFile !== null) assert.ok(nativeScanner(nativeFile), nativeScannerProblem(nativeFile) ?? `${nativeFile} did not load`);
  });
  after(() => (nativeFile = null));

  it('runs the C it names (the addon in this thread, else the module) and gives it back for the next scan', function () {
    scannerWasmOrSkip(this);
    for (let round = 0; round < 2; round++) {
      const scanner = WasmPieceScanner.open({}, SCANNER_WASM, null, nativeFile);
      assert.ok(scanner);
      assert.strictEqual(scanner.native, nativeFile !== null);
      if (nativeFile !== null) {
        // One addon per process: a second scan at the same time gets the module.
        const second = WasmPieceScanner.open({}, SCANNER_WASM, null, nativeFile);
        assert.ok(second);
        assert.strictEqual(second.native, false);
        second.release();
      }
      scanner.release();
    }
  });

  it('writes every corpus file as writeScanJsonHere does, whole and in pieces at every line end', async function () {
    scannerWasmOrSkip(this);
    const files = corpusFiles();
    const all = Buffer.concat(files.map((f) => f.bytes));
    for (const f of files) {
      await compareWriters(piecesAt(f.bytes, []), {}, f.name);
      await compareWriters(piecesAt(f.bytes, lineEndCuts(f.bytes).filter((_, k) => k % 7 === 3)), options[1], `${f.name} in pieces`);
    }
    for (const opts of options) await compareWriters([...piecesOf(all, 4096)], opts, 'all corpora in 4 KiB pieces');
  });

  it('writes dense text, with non-ASCII, CRLF and CR lines mixed in, cut at every kind of line end', async function () {
    scannerWasmOrSkip(this);
    const dense = generateDense(1_500_000, 13).text;
    const rand = prng(5);
    const ends = ['\n', '\r\n', '\r'];
    const extras = ['naïve host db.internal:5432 café', '', '  ', 'https://bücher.example/ and https://api.example.com/', '\u{1F600} 10.0.0.1', 'x\u00e9 user@mail.example.org'];
    let mixed = '';
    for (const line of dense.split('\n')) {
      mixed += (rand() < 0.1 ? extras[Math.floor(rand() * extras.length)] : line) + ends[Math.floor(rand() * ends.length)];
    }
    for (const text of [dense, mixed]) {
      const bytes = Buffer.from(text, 'utf8');
      const cuts = lineEndCuts(bytes);
      for (const opts of options) {
        const json = await compareWriters([...piecesOf(bytes)], opts, 'dense, 1 MiB pieces');
        assert.ok(json.length > 100_000);
        await compareWriters(piecesAt(bytes, cuts.filter(() => rand() < 0.002)), opts, 'dense, pieces at random line ends');
      }
    }
  });

  it('writes edge texts as writeScanJsonHere does: empty, line ends alone, a final line with and without its end', async function () {
    scannerWasmOrSkip(this);
    const texts = ['', '\n', '\r', '\r\n', '\n\n\n', 'db.internal', 'db.internal\n', 'db.internal\r\n', 'db.internal\r', 'a\n\nhttp://x.example/\n\n', '\uFEFFhttps://bom.example.com/\n10.0.0.1', 'é', 'é\n10.0.0.1\ré\r\n192.0.2.1', 'ok.example.com\n\xff\xfe db.example.com\n', 'see http://x.example/a\x80b db.example.com\x80:80\n'];
    for (const text of texts) {
      const bytes = Buffer.from(text, /[\x80\xff]/.test(text) ? 'latin1' : 'utf8'); // raw bytes: malformed UTF-8
      for (const opts of options) {
        await compareWriters(piecesAt(bytes, []), opts, JSON.stringify(text));
        await compareWriters(piecesAt(bytes, lineEndCuts(bytes)), opts, `${JSON.stringify(text)} a line a piece`);
        // A last piece that is empty (the input ended with a line end).
        await compareWriters([...piecesAt(bytes, lineEndCuts(bytes)).map((p) => ({ ...p, last: false })), { bytes: Buffer.alloc(0), last: true, owned: false }], opts, `${JSON.stringify(text)} then an empty piece`);
      }
    }
    // The C finds line ends and non-ASCII bytes eight at a time: a non-ASCII character (or a lone byte: malformed
    // UTF-8) at every place of a line of every length around those steps, before each line end or at the text's end.
    const line = 'http://db.example.com/p/q?r'; // its text holds the odd byte
    const around: Buffer[] = [];
    for (let n = 0; n <= line.length; n++) {
      for (let at = 0; at <= n; at++) {
        for (const odd of [Buffer.from('é'), Buffer.from([0x80])]) {
          for (const end of ['\n', '\r', '\r\n', '']) around.push(Buffer.concat([Buffer.from(line.slice(0, at)), odd, Buffer.from(line.slice(at, n) + end)]));
        }
      }
    }
    await compareWriters(piecesAt(Buffer.concat(around.map((text) => Buffer.concat([text, Buffer.from(`${line}\n`)]))), []), {}, 'non-ASCII around the eight-byte steps');
    for (const text of around) await compareWriters(piecesAt(text, []), {}, JSON.stringify(text.toString('latin1')));
    const none = collector();
    await writeScanJsonWasm([], {}, none.write, SCANNER_WASM, nativeFile);
    assert.strictEqual(none.bytes().toString(), '[]');
  });

  it('writes random texts as writeScanJsonHere does', async function () {
    scannerWasmOrSkip(this);
    const line = fc.oneof({ weight: 4, arbitrary: asciiLine(['\u00e9', 'ü.example', '\x80', 'http://x.example/\x80']) }, { weight: 1, arbitrary: fc.constantFrom('', 'é', 'ｈｏｓｔ.example') });
    // A line is UTF-8, or (when it can be) Latin-1 bytes: malformed UTF-8 (a lone 0x80, 0xe9) the decoder replaces.
    const text = fc.tuple(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean()), { maxLength: 8 }), line);
    await fc.assert(
      fc.asyncProperty(text, fc.boolean(), fc.nat(), async ([lines, tail], private_, seed) => {
        const encode = (s: string, raw: boolean): Buffer => Buffer.from(s, raw && ![...s].some((c) => c.charCodeAt(0) > 0xff) ? 'latin1' : 'utf8');
        const bytes = Buffer.concat([...lines.map(([l, e, raw]) => encode(l + e, raw)), Buffer.from(tail, 'utf8')]);
        const rand = prng(seed);
        await compareWriters(piecesAt(bytes, lineEndCuts(bytes).filter(() => rand() < 0.5)), options[private_ ? 1 : 0], JSON.stringify(bytes.toString('latin1')));
      }),
      { numRuns: 10_000 }
    );
  });

  it('writes long lines (more matches than the C may hold) and private suffixes the C refuses as writeScanJsonHere does', async function () {
    scannerWasmOrSkip(this);
    const many = Array.from({ length: 20_000 }, (_, k) => `h${k}.example.com:${k % 65536} 10.0.${k % 256}.1`).join(' ');
    const bytes = Buffer.from(`before db.internal\n${many}\n${many.replace(/h1/g, 'hé')}\r\nafter https://x.example.org/\n`, 'utf8');
    for (const opts of options) await compareWriters(piecesAt(bytes, lineEndCuts(bytes)), opts, 'long lines');
    const some = Buffer.from('db.bücher:80 and api.corp.example\nhttps://svc.lan/ ok.s1.lan\n', 'utf8');
    const refused = [['bücher'], Array.from({ length: 5000 }, (_, k) => `s${k}.lan`), ['x'.repeat(70_000)]];
    for (const privateSuffixes of refused) await compareWriters([...piecesOf(some)], { privateSuffixes }, `private suffixes ${privateSuffixes.length}`);
    // And the same module again without them.
    await compareWriters([...piecesOf(some)], {}, 'no private suffixes after refused ones');
  });

  it('takes every line of the dense text in the C, and hands back malformed UTF-8, the Kelvin sign and non-ASCII top-level domains', function () {
    const module = scannerWasmOrSkip(this);
    const addon = nativeFile === null ? null : nativeScanner(nativeFile);
    const wasm: JsonWriterC = addon === null ? module : { exports: addon as unknown as Record<string, WasmFn>, memory: addon.memory };
    const e = wasm.exports;
    const kept = ['caf\u00e9 db.internal', 'https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/ (a URL: no suffix rule)', 'U+FFFD \ufffd', 'emoji \u{1f600} at https://api.example.com/\u{1f600}', 'm\u00fcnchen.example.de:8080'];
    const back = ['\u212aafka.example.com', 'see \u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444 today'];
    const text = `${generateDense(200_000, 3).text}${[...kept, ...back].join('\n')}\n`;
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0x78, 0xc3, 0x28, 0x0a])]); // a malformed line last
    e.PrivateSuffixes_set(0, 0);
    const ptr = putBytes(wasm, bytes);
    e.JsonOut_clear();
    e.JsonOut_begin(ptr, bytes.length, 0, 1);
    const handed: number[] = [];
    for (let status = e.JsonOut_run(); status !== 0; status = e.JsonOut_run()) {
      if (status === 1) handed.push(e.JsonOut_lineNo());
      else e.JsonOut_clear();
    }
    const lines = bytes.toString('utf8').split('\n');
    assert.strictEqual(e.JsonOut_lineNo(), lines.length - 1);
    const first = lines.length - 2 - back.length; // the lines of `back`, then the malformed one
    assert.deepStrictEqual(handed, [...back.map((_, k) => first + k), lines.length - 2]);
    assert.ok(lines.filter((l) => /[^\x00-\x7f]/.test(l)).length > 100); // eslint-disable-line no-control-regex
  });

  // The addon's own: the module's call unwinds out of the C (nothing is kept), and WebAssembly bounds its memory.
  if (engine === 'scanner.node') {
    it('fails a scan whose port lookup throws, and keeps no answer from it for the next scan (the addon)', async function () {
      const addon = nativeScanner(nativeFile ?? '');
      assert.ok(addon);
      const text = Buffer.from('see https://a.example.com/ and ftp://b.example.com/ and gopher://c.example.com/\n');
      addon.setSchemePort(() => {
        throw new Error('services database unreadable');
      });
      try {
        await assert.rejects(writeScanJsonWasm([...piecesOf(text)], {}, collector().write, SCANNER_WASM, nativeFile), /services database unreadable/);
      } finally {
        addon.setSchemePort(schemePortCode);
      }
      await compareWriters([...piecesOf(text)], {}, 'the same schemes after a lookup that threw');
    });

    it('refuses offsets and lengths outside its memory with a RangeError (the addon)', function () {
      const addon = nativeScanner(nativeFile ?? '') as unknown as Record<string, (...args: number[]) => number>;
      assert.throws(() => addon.PrivateSuffixes_set((1 << 30) - 2, 1), RangeError);
      assert.throws(() => addon.PrivateSuffixes_set(-8, 1), RangeError);
      assert.throws(() => addon.JsonOut_begin(16, 1 << 30), RangeError);
      assert.throws(() => addon.JsonOut_begin(0, 1), RangeError);
      const at = addon.JsonOut_reserve(8);
      assert.ok(at > 0);
      assert.throws(() => addon.JsonOut_commit(9), RangeError);
      assert.throws(() => addon.JsonOut_commit(-1), RangeError);
      addon.JsonOut_clear();
    });
  }

  it('falls back to writeScanJsonHere without the module (and the module without the addon)', async function () {
    const pieces = [...piecesOf(Buffer.from('see https://a.example.com/ and 10.0.0.1\n'), 4)];
    const here = collector();
    await writeScanJsonHere(pieces, {}, here.write);
    const missing = collector();
    await writeScanJsonWasm(pieces, {}, missing.write, path.join(REPO_ROOT, 'no-such-dir', 'scanner.wasm'), nativeFile === null ? null : path.join(REPO_ROOT, 'no-such-dir', 'scanner.node'));
    assert.ok(here.bytes().equals(missing.bytes()));
    if (nativeFile === null) return;
    assert.strictEqual(WasmPieceScanner.open({}, SCANNER_WASM, null, path.join(REPO_ROOT, 'no-such-dir', 'scanner.node'))?.native, false);
    // A file that is not an addon (a broken build, another machine's): the module, and the reason for NETLENS_DEBUG.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-addon-'));
    try {
      const broken = path.join(dir, 'scanner.node');
      fs.writeFileSync(broken, 'not an addon');
      const scanner = WasmPieceScanner.open({}, SCANNER_WASM, null, broken);
      assert.strictEqual(scanner?.native, false);
      scanner.release();
      assert.match(nativeScannerProblem(broken) ?? '', /scanner\.node/);
      const written = collector();
      await writeScanJsonWasm(pieces, {}, written.write, SCANNER_WASM, broken);
      assert.ok(here.bytes().equals(written.bytes()));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
