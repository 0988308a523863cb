// What the helper's explain path relies on since the soak (issue 18) traced its RSS growth to per-read buffers and
// repeated parses: readSystemFileText shares one read buffer between calls and files (a file read later must not
// show through an earlier answer, and a file larger than the buffer must come back whole), snapshotReader reads a
// path once per report, and lastResult hands every caller the same frozen parse.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lastResult } from '../../src/core/lastResult';
import { parseNsswitchConf } from '../../src/core/nsswitch';
import { readSystemFileText, snapshotReader, type SystemFileText } from '../../src/core/systemFiles';

describe('system file reads shared by a report', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-reads-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads files of every size around the shared 64 KiB buffer whole, and a shorter file after a longer one shows only its own bytes', () => {
    // 64 KiB ± 1 crosses the end of the shared buffer; 200 KiB needs extra chunks; the short ones reuse the buffer.
    const sizes = [65_537, 10, 65_535, 65_536, 200_000, 3, 0, 131_072];
    for (const [i, size] of sizes.entries()) {
      const text = Array.from({ length: size }, (_, k) => String.fromCharCode(97 + ((k * 7 + i) % 26))).join('');
      const file = path.join(dir, `f${i}`);
      fs.writeFileSync(file, text);
      const got = readSystemFileText(file);
      assert.strictEqual(got.problem, null);
      assert.strictEqual(got.text?.length, size, `size ${size}`);
      assert.strictEqual(got.text, text, `content of the ${size}-byte file`);
    }
  });

  it('cuts a file at the cap on a whole line whether the cap falls inside the shared buffer or past it', () => {
    const line = 'x'.repeat(99) + '\n';
    fs.writeFileSync(path.join(dir, 'long'), line.repeat(2000)); // 200,000 bytes
    for (const cap of [1000, 1050, 65_536, 150_000]) {
      const got = readSystemFileText(path.join(dir, 'long'), cap);
      assert.strictEqual(got.text, line.repeat(Math.floor(cap / 100)), `cap ${cap}`);
      assert.deepStrictEqual(got.truncated, { limitBytes: cap, fileBytes: 200_000 });
    }
  });

  it('snapshotReader reads each path once, and a new snapshot sees a changed file', () => {
    const file = path.join(dir, 'snap');
    fs.writeFileSync(file, 'one\n');
    const calls: string[] = [];
    const counting = (p: string): SystemFileText => (calls.push(p), readSystemFileText(p));
    const read = snapshotReader(counting);
    assert.strictEqual(read(file).text, 'one\n');
    fs.writeFileSync(file, 'two\n');
    assert.strictEqual(read(file).text, 'one\n', 'one report describes one state of the file');
    assert.strictEqual(read(path.join(dir, 'missing')).problem, 'ENOENT');
    assert.deepStrictEqual(calls, [file, path.join(dir, 'missing')]);
    assert.strictEqual(snapshotReader(counting)(file).text, 'two\n');
  });

  it('lastResult parses again only when an argument changes, and the shared result cannot be changed by a caller', () => {
    let parses = 0;
    const parse = lastResult((text: string | null, version: string | null) => (parses++, parseNsswitchConf(text, version)));
    const a = parse('hosts: files dns\n', '2.36');
    assert.strictEqual(parse('hosts: files dns\n', '2.36'), a);
    assert.strictEqual(parses, 1);
    assert.deepStrictEqual(a.sources?.map((s) => s.source), ['files', 'dns']);
    assert.throws(() => (a.sources as unknown as string[]).push('x'), TypeError);
    assert.throws(() => ((a.sources?.[0] as { source: string }).source = 'y'), TypeError);
    const b = parse('hosts: files\n', '2.36');
    assert.notStrictEqual(b, a);
    assert.strictEqual(parse('hosts: files\n', '2.31'), parse('hosts: files\n', '2.31'));
    assert.strictEqual(parses, 3);
  });
});
