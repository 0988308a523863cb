// `netlens scan --json` streams its array as it reads and scans (issue 13: peak RSS must not grow with the file or
// its matches), a piece of whole lines at a time, in this thread or in worker threads for a large file. Its bytes
// must stay exactly those of the implementation it replaced, kept here as `wholeArrayJson`: build every match,
// JSON.stringify the array, print it with a newline (printAnswer's io.out).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import { MAX_SCAN_JOBS, PARALLEL_MIN_BYTES, writeScanJson } from '../../src/cli/commands/scan';
import { printAnswer, streamWriter } from '../../src/cli/output';
import { openScanInput, PIECE_BYTES, piecesOf, type LinePiece, type ScanInput } from '../../src/cli/scanInput';
import { matchJson, pieceJson, writeScanJsonHere } from '../../src/cli/scanJson';
import { writeScanJsonWasm } from '../../src/cli/scanJsonWasm';
import { writeScanJsonInWorkers } from '../../src/cli/scanWorkers';
import { ResolverFailure } from '../../src/core/resolverError';
import { countLineEnds, createScanner, scanText, TextLines, type ScanOptions } from '../../src/core/scanner';
import { generateDense } from '../support/denseCorpus';
import { CLI_JS } from '../support/paths';
import { SCANNER_NODE, SCANNER_WASM } from '../support/scannerWasm';
import { CORPUS_DIR, loadCorpus } from '../support/scannerCorpus';

/** The implementation before streaming (scan.ts at 7cb81ee + printAnswer), verbatim in effect. */
function wholeArrayJson(text: string, options: ScanOptions): string {
  return JSON.stringify(scanText(text, options).map(matchJson)) + '\n';
}

/** What a writer receives, as text (workers hand on UTF-8 bytes). */
function collector(): { write: (chunk: string | Uint8Array) => Promise<void>; text: () => string } {
  const parts: Buffer[] = [];
  return {
    write: (chunk) => {
      parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
      return Promise.resolve();
    },
    text: () => Buffer.concat(parts).toString('utf8') + '\n',
  };
}

/** A text's JSON through one piece (any string: lone surrogates too, which no UTF-8 input can hold). */
async function oneTextJson(text: string, options: ScanOptions): Promise<string> {
  let json = '';
  await pieceJson(createScanner(options), text, 0, true, (chunk) => void (json += chunk));
  return `[${json.slice(1)}]\n`;
}

function inputOf(text: string, pieceBytes: number): ScanInput {
  const bytes = Buffer.from(text, 'utf8');
  return { size: bytes.length, pieces: () => piecesOf(bytes, pieceBytes) };
}

/** In this thread, cut into pieces of about `pieceBytes`. */
async function here(text: string, options: ScanOptions, pieceBytes: number): Promise<string> {
  const out = collector();
  await writeScanJsonHere(inputOf(text, pieceBytes).pieces(), options, out.write);
  return out.text();
}

/** In `jobs` worker threads running the built CLI, cut into pieces of about `pieceBytes`. */
async function inWorkers(text: string, options: ScanOptions, jobs: number, pieceBytes: number): Promise<string> {
  const out = collector();
  await writeScanJsonInWorkers(inputOf(text, pieceBytes).pieces(), options, jobs, CLI_JS, out.write);
  return out.text();
}

/** Whether the built CLI has the native scanner next to it (dist/scanner.node): it then scans in its own thread. */
const NATIVE = fs.existsSync(SCANNER_NODE);
/** How NETLENS_DEBUG says the CLI's own thread scanned. */
const THIS_THREAD = `in this thread${NATIVE ? ' (native scanner)' : ''}`;

/** The CLI's stdout; `how` (if given) must be how NETLENS_DEBUG says it scanned (`in this thread`, `by 2 worker threads`). */
function cliScan(args: string[], input?: string, how?: string): string {
  const env = how === undefined ? process.env : { ...process.env, NETLENS_DEBUG: '1' };
  const r = spawnSync(process.execPath, [CLI_JS, 'scan', ...args, '--json'], { input, encoding: 'utf8', maxBuffer: 1 << 28, env });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, how === undefined ? '' : `netlens scan: ${Buffer.byteLength(input ?? fs.readFileSync(args[0]))} bytes, scanned ${how}\n`);
  return r.stdout;
}

describe('netlens scan --json streaming', () => {
  const corpus = loadCorpus();
  const dense = generateDense(2_000_000, 13).text;
  const edges: [string, string][] = [
    ['empty', ''],
    ['no hosts', 'just words\nand more words\n'],
    ['CRLF, CR and LF line ends', 'a db.internal\r\nb 10.0.0.1\rc https://example.com:8443/x\n\r\nops@example.org'],
    ['no final newline', 'https://example.com'],
    ['a port Python refuses', 'see https://example.com:99999/x and redis://cache.internal/0'],
    ['escapes in JSON strings', 'x "http://example.com/a\\"b" \u2028 https://example.com/\u00e9\t'],
    ['line ends of every kind around piece cuts', 'db.internal\r\n'.repeat(40) + '10.0.0.1\r'.repeat(40) + 'https://example.com/x\n\n\r\n'.repeat(40) + 'café.example.com\n'.repeat(40)],
    ['a line longer than a piece', `x ${'https://example.com/' + 'a'.repeat(5000)} db.internal\nlast.example.com`],
  ];
  const surrogates = 'https://example.com/\ud83d\ude00 https://example.com/a\ud800b https://example.com/\udc00';
  const withSuffixes = { privateSuffixes: ['corp.example', 'svc.cluster'] };

  it('a piece of text gives exactly the bytes of the whole-array implementation: every corpus file, a dense file and edge cases', async () => {
    for (const f of corpus) assert.equal(await oneTextJson(f.text, {}), wholeArrayJson(f.text, {}), f.name);
    for (const [name, text] of edges) assert.equal(await oneTextJson(text, {}), wholeArrayJson(text, {}), name);
    assert.equal(await oneTextJson(surrogates, {}), wholeArrayJson(surrogates, {}), 'surrogates in a URL: a pair, and one alone that JSON escapes');
    for (const f of corpus) assert.equal(await oneTextJson(f.text, withSuffixes), wholeArrayJson(f.text, withSuffixes), f.name);
    const want = wholeArrayJson(dense, {});
    assert.ok(want.length > 1_000_000, 'the dense file has many matches');
    assert.equal(await oneTextJson(dense, {}), want);
  });

  it('cut into pieces, in this thread and in worker threads, the bytes stay the same (lines numbered across pieces)', async function () {
    this.timeout(60000);
    const all = corpus.map((f) => f.text).join('\n');
    for (const pieceBytes of [1, 64, 4096]) {
      for (const [name, text] of edges) assert.equal(await here(text, {}, pieceBytes), wholeArrayJson(text, {}), `${name}, pieces of ${pieceBytes}`);
      assert.equal(await here(all, withSuffixes, pieceBytes), wholeArrayJson(all, withSuffixes), `the corpus, pieces of ${pieceBytes}`);
    }
    assert.equal(await here(dense, {}, 65536), wholeArrayJson(dense, {}), 'dense, pieces of 64 KiB');
    for (const [name, text] of edges) assert.equal(await inWorkers(text, {}, 2, 64), wholeArrayJson(text, {}), `${name}, 2 workers`);
    assert.equal(await inWorkers(all, withSuffixes, 3, 4096), wholeArrayJson(all, withSuffixes), 'the corpus, 3 workers');
    assert.equal(await inWorkers(dense, {}, 2, 65536), wholeArrayJson(dense, {}), 'dense, 2 workers');
  });

  it('pieces decode to the whole text, and countLineEnds numbers the next piece as TextLines would (fast-check, any bytes)', () => {
    // Bytes a file can hold: line ends, ASCII, UTF-8 sequences, and malformed ones (lone lead and continuation bytes).
    const part = fc.constantFrom(...['\n', '\r', '\r\n', 'a', ' ', 'é', '€', '😀'].map((s) => [...Buffer.from(s)]), [0xc3], [0xe2, 0x82], [0x80], [0xf0, 0x9f, 0x98], [0xff]);
    const bytes = fc.array(part, { maxLength: 60 }).map((parts) => Buffer.from(parts.flat()));
    fc.assert(
      fc.property(bytes, fc.integer({ min: 1, max: 20 }), (buf, pieceBytes) => {
        const pieces = [...piecesOf(buf, pieceBytes)];
        assert.equal(pieces.map((p) => p.bytes.toString('utf8')).join(''), buf.toString('utf8'));
        let line = 0;
        const lines: [string, number][] = [];
        for (const p of pieces) {
          for (const l = new TextLines(p.bytes.toString('utf8'), line, !p.last); l.next(); ) lines.push([l.line, l.lineNo]);
          if (!p.last) line += countLineEnds(p.bytes);
        }
        const whole: [string, number][] = [];
        for (const l = new TextLines(buf.toString('utf8')); l.next(); ) whole.push([l.line, l.lineNo]);
        assert.deepEqual(lines, whole);
      }),
      { seed: 0x5ca9, numRuns: 3000 }
    );
  });

  it('a file is read a piece at a time, lines longer than a piece too, with the same pieces as from memory, into one buffer too', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-scan-'));
    try {
      const file = path.join(dir, 'f.txt');
      const text = edges.map(([, t]) => t).join('\n');
      fs.writeFileSync(file, text);
      const fromFile = [...openScanInput(file, 100).pieces()];
      assert.ok(fromFile.length > 10, `${fromFile.length} pieces`);
      assert.equal(Buffer.concat(fromFile.map((p) => p.bytes)).toString('utf8'), text);
      assert.ok(fromFile.slice(0, -1).every((p) => !p.last && p.bytes[p.bytes.length - 1] === 10 && p.owned));
      assert.ok(fromFile[fromFile.length - 1].last);
      assert.ok(fromFile.some((p) => p.bytes.length > 5000), 'the long line is one piece');
      // Into one reused buffer: the same pieces, each read when the one before is done with (copied here).
      const reused: { bytes: Buffer; last: boolean; owned: boolean }[] = [];
      for (const p of openScanInput(file, 100).pieces(true)) reused.push({ ...p, bytes: Buffer.from(p.bytes) });
      assert.deepEqual(reused.map((p) => [p.bytes.toString('latin1'), p.last, p.owned]), fromFile.map((p) => [p.bytes.toString('latin1'), p.last, false]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI prints the same bytes as before, from a file and from stdin, with and without --private-suffixes and workers', function () {
    this.timeout(120000);
    for (const f of corpus) assert.equal(cliScan([path.join(CORPUS_DIR, f.name)]), wholeArrayJson(f.text, {}), f.name);
    const hosts = corpus.find((f) => f.name === 'values.yaml') ?? corpus[0];
    assert.equal(cliScan(['-', '--private-suffixes', 'corp.example,svc.cluster'], hosts.text), wholeArrayJson(hosts.text, { privateSuffixes: ['corp.example', 'svc.cluster'] }));
    for (const [name, text] of edges) assert.equal(cliScan(['-'], text), wholeArrayJson(text, {}), name);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-scan-'));
    try {
      const file = path.join(dir, 'dense.txt');
      fs.writeFileSync(file, dense);
      assert.equal(cliScan([file]), wholeArrayJson(dense, {}));
      // With --jobs 2 the CLI scans a file of 2 pieces or more in 2 worker threads (by default only past
      // PARALLEL_MIN_BYTES): from a file and from stdin (read whole first, then handed out in pieces).
      const big = generateDense(2 * PIECE_BYTES + 500_000, 17).text;
      fs.writeFileSync(file, big);
      const want = wholeArrayJson(big, withSuffixes);
      assert.equal(cliScan([file, '--jobs', '2', '--private-suffixes', 'corp.example,svc.cluster'], undefined, 'by 2 worker threads'), want);
      assert.equal(cliScan(['-', '--jobs', '2', '--private-suffixes', 'corp.example,svc.cluster'], big, 'by 2 worker threads'), want);
      assert.equal(cliScan([file, '--jobs', '1', '--private-suffixes', 'corp.example,svc.cluster'], undefined, THIS_THREAD), want);
      assert.equal(cliScan([file, '--private-suffixes', 'corp.example,svc.cluster'], undefined, THIS_THREAD), want, 'by default, under PARALLEL_MIN_BYTES');
      // From PARALLEL_MIN_BYTES on, by default: worker threads (one per core), unless the native scanner is here,
      // which is faster in this thread alone (README: scan).
      const cores = Math.min(os.availableParallelism(), MAX_SCAN_JOBS);
      const words = 'a line of words and no host at all\n';
      const large = words.repeat(Math.ceil(PARALLEL_MIN_BYTES / words.length));
      fs.writeFileSync(file, large);
      assert.equal(cliScan([file], undefined, NATIVE || cores < 2 ? THIS_THREAD : `by ${cores} worker threads`), '[]\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--jobs takes 1 to 16 and says so otherwise (exit 2)', () => {
    for (const bad of ['0', '17', 'two', '-1', '1.5', '']) {
      const r = spawnSync(process.execPath, [CLI_JS, 'scan', '-', '--json', `--jobs=${bad}`], { input: 'db.internal', encoding: 'utf8' });
      assert.equal(r.status, 2, `--jobs=${bad}: ${r.stderr}`);
      assert.match(r.stderr, /--jobs must be a whole number from 1 to 16/);
      assert.equal(r.stdout, '');
    }
  });

  it('a worker that fails fails the answer (no array passed off as whole), and the other workers are stopped', async function () {
    this.timeout(30000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-scan-'));
    try {
      const broken = path.join(dir, 'exits.js');
      fs.writeFileSync(broken, 'process.exit(3)');
      const out = collector();
      await assert.rejects(writeScanJsonInWorkers(inputOf(dense, 65536).pieces(), {}, 2, broken, out.write), /scan worker \d exited \(code 3\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a read error in the middle of a file ends the output and reports it in Python\'s words (exit 1)', async () => {
    function* failing(): Generator<LinePiece> {
      yield { bytes: Buffer.from('a db.internal\n'), last: false, owned: false };
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    const input: ScanInput = { size: 100, pieces: failing };
    const out = collector();
    const errors: string[] = [];
    const code = await printAnswer({ ok: true, writeJson: (write) => writeScanJson(input, 'f.txt', {}, { jobs: 1, explicit: true }, null, write) }, true, { out: () => undefined, err: (l) => errors.push(l), write: out.write });
    assert.equal(code, 1);
    assert.deepEqual(errors, ["OSError: [Errno 5] Input/output error: 'f.txt'"]);
    assert.match(out.text(), /^\[\{"kind":"hostname","text":"db.internal"/);
    await assert.rejects(writeScanJson(input, 'f.txt', {}, { jobs: 1, explicit: true }, null, out.write), (err) => err instanceof ResolverFailure && err.info.code === 'EIO');
  });

  it('waits for drain when the output stream is full (backpressure), and still writes the same bytes', async () => {
    const received: Buffer[] = [];
    let maxBuffered = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        received.push(chunk);
        setImmediate(done);
      },
    });
    let drains = 0;
    slow.on('drain', () => drains++);
    const text = dense.slice(0, 400_000);
    const write = streamWriter(slow);
    await writeScanJsonHere(inputOf(text, 1 << 20).pieces(), {}, async (chunk) => {
      await write(chunk);
      maxBuffered = Math.max(maxBuffered, slow.writableLength);
    });
    await new Promise<void>((resolve) => slow.end(resolve));
    const out = Buffer.concat(received).toString('utf8');
    assert.equal(out + '\n', wholeArrayJson(text, {}));
    assert.ok(drains > 0, 'the writer waited for drain');
    // Without backpressure the whole answer would sit in the stream's buffer; with it, at most one chunk does.
    assert.ok(out.length > 600_000 && maxBuffered <= 3 * 64 * 1024, `${out.length} bytes written, at most ${maxBuffered} buffered`);
  });

  it("resolves a write only once the stream is done with the chunk: the module's memory, written from, is reused after", async function () {
    if (!fs.existsSync(SCANNER_WASM)) this.skip();
    // An asynchronous stream with room to spare: write() returns true at once, but holds the chunk until its
    // callback. It reads each chunk only then: had the writer resolved earlier, the module would have written the
    // next JSON over it.
    const received: Buffer[] = [];
    const later = new Writable({
      highWaterMark: 1 << 24,
      write(chunk: Buffer, _enc, done) {
        setImmediate(() => {
          received.push(Buffer.from(chunk));
          done();
        });
      },
    });
    const text = dense.slice(0, 400_000);
    const write = streamWriter(later);
    let held = 0;
    await writeScanJsonWasm(inputOf(text, 1 << 20).pieces(), {}, async (chunk) => {
      await write(chunk);
      if (typeof chunk !== 'string') held = Math.max(held, later.writableLength); // a string has no memory to reuse
    }, SCANNER_WASM);
    await new Promise<void>((resolve) => later.end(resolve));
    assert.equal(Buffer.concat(received).toString('utf8') + '\n', wholeArrayJson(text, {}));
    assert.equal(held, 0, 'each write resolved after the stream let go of its chunk');
  });

  it('a stream that closes while the writer waits for drain fails the write instead of hanging', async () => {
    const stuck = new Writable({ highWaterMark: 1, write: () => undefined });
    const write = streamWriter(stuck);
    const pending = write('x'.repeat(10));
    stuck.destroy();
    await assert.rejects(pending, /closed/);
  });
});
