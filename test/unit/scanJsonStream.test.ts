// `netlens scan --json` streams its array as it scans (issue 13: peak RSS must not grow with the number of matches).
// Its bytes must stay exactly those of the implementation it replaced, kept here as `wholeArrayJson`: build every
// match, JSON.stringify the array, print it with a newline (printAnswer's io.out).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import { matchJson, writeScanJson } from '../../src/cli/commands/scan';
import { streamWriter } from '../../src/cli/output';
import { scanText, type ScanOptions } from '../../src/core/scanner';
import { generateDense } from '../support/denseCorpus';
import { CLI_JS } from '../support/paths';
import { CORPUS_DIR, loadCorpus } from '../support/scannerCorpus';

/** The implementation before streaming (scan.ts at 7cb81ee + printAnswer), verbatim in effect. */
function wholeArrayJson(text: string, options: ScanOptions): string {
  return JSON.stringify(scanText(text, options).map(matchJson)) + '\n';
}

async function streamed(text: string, options: ScanOptions): Promise<string> {
  let out = '';
  await writeScanJson(text, options, (chunk) => {
    out += chunk;
    return Promise.resolve();
  });
  return out + '\n';
}

function cliScan(args: string[], input?: string): string {
  const r = spawnSync(process.execPath, [CLI_JS, 'scan', ...args, '--json'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
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
  ];
  // Not through the CLI: stdin and files are UTF-8, where a lone surrogate cannot be written.
  const surrogates = 'https://example.com/\ud83d\ude00 https://example.com/a\ud800b https://example.com/\udc00';

  it('writes exactly the bytes of the whole-array implementation: every corpus file, a dense file and edge cases', async () => {
    for (const f of corpus) assert.equal(await streamed(f.text, {}), wholeArrayJson(f.text, {}), f.name);
    for (const [name, text] of edges) assert.equal(await streamed(text, {}), wholeArrayJson(text, {}), name);
    assert.equal(await streamed(surrogates, {}), wholeArrayJson(surrogates, {}), 'surrogates in a URL: a pair, and one alone that JSON escapes');
    const withSuffixes = { privateSuffixes: ['corp.example', 'svc.cluster'] };
    for (const f of corpus) assert.equal(await streamed(f.text, withSuffixes), wholeArrayJson(f.text, withSuffixes), f.name);
    const want = wholeArrayJson(dense, {});
    assert.ok(want.length > 1_000_000, 'the dense file has many matches');
    assert.equal(await streamed(dense, {}), want);
  });

  it('the CLI prints the same bytes as before, from a file and from stdin, with and without --private-suffixes', function () {
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
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
    await writeScanJson(text, {}, async (chunk) => {
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

  it('a stream that closes while the writer waits for drain fails the write instead of hanging', async () => {
    const stuck = new Writable({ highWaterMark: 1, write: () => undefined });
    const write = streamWriter(stuck);
    const pending = write('x'.repeat(10));
    stuck.destroy();
    await assert.rejects(pending, /closed/);
  });
});
