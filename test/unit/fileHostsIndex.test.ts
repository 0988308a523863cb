// What Hosts in This File finds in a document (src/core/fileHostsIndex.ts), in plain Node: distinct hosts with
// their first occurrence and count, the time-sliced scan that stops when superseded, the listing cap and the snapshot
// `netlens.refreshFileHosts` returns.
import * as assert from 'node:assert/strict';
import {
  aceForm,
  declinedSnapshot,
  emptySnapshot,
  FileHostsIndex,
  MAX_LISTED_HOSTS,
  scanDelayMs,
  scanHosts,
  scannedSnapshot,
  sizeInMB,
  type HostScan,
  type ScannableLines,
} from '../../src/core/fileHostsIndex';
import { scanLine } from '../../src/core/scanner';

/** A document's lines as the scan reads them, from plain strings. */
function linesOf(text: string): ScannableLines & { reads: number } {
  const lines = text.split('\n');
  const doc = {
    reads: 0,
    lineCount: lines.length,
    lineAt(line: number) {
      doc.reads++;
      return { text: lines[line] };
    },
  };
  return doc;
}

const never = (): boolean => false;

describe('Hosts in This File: the index of a file (core)', () => {
  it('collects each host once, case-insensitively, in order of first appearance, with its first occurrence and count', () => {
    const index = new FileHostsIndex();
    const matches = [
      ...scanLine('url = https://db.netlens.test/v1 and api.netlens.test', 0),
      ...scanLine('again DB.NETLENS.TEST, then 10.0.0.1 and db.netlens.test', 1),
    ];
    for (const m of matches) index.add(m);
    assert.deepEqual(
      index.hosts().map((h) => [h.host, h.count, h.first.line, h.first.character, h.first.kind]),
      [
        ['db.netlens.test', 3, 0, 6, 'url'],
        ['api.netlens.test', 1, 0, 37, 'hostname'],
        ['10.0.0.1', 1, 1, 28, 'ipv4'],
      ]
    );
  });

  it('scans a document line by line: hosts with the line they first appear on, and timings', async () => {
    const scan = await scanHosts(linesOf('# hosts\nhost: server-0.netlens.test\nurl: https://server-1.netlens.test/\nback to server-0.netlens.test'), {}, never);
    assert.ok(scan);
    assert.deepEqual(
      scan.hosts.map((h) => [h.host, h.first.line, h.count]),
      [
        ['server-0.netlens.test', 1, 2],
        ['server-1.netlens.test', 2, 1],
      ]
    );
    assert.ok(scan.elapsedMs >= 0 && scan.longestSliceMs >= 0);
  });

  it('scans a long line window by window: hosts at its start and end, offsets in the whole line', async () => {
    const line = `a = https://start.netlens.test/ ${'x '.repeat(300_000)}b = end.netlens.test`;
    const scan = await scanHosts(linesOf(line), {}, never);
    assert.ok(scan);
    assert.deepEqual(
      scan.hosts.map((h) => [h.host, h.first.character]),
      [
        ['start.netlens.test', 4],
        ['end.netlens.test', line.indexOf('end.netlens.test')],
      ]
    );
  });

  it('honours the scanner options (netlens.privateSuffixes)', async () => {
    const text = 'db.corp-zone and db.netlens.test';
    assert.deepEqual((await scanHosts(linesOf(text), {}, never))?.hosts.map((h) => h.host), ['db.netlens.test']);
    assert.deepEqual((await scanHosts(linesOf(text), { privateSuffixes: ['corp-zone'] }, never))?.hosts.map((h) => h.host), ['db.corp-zone', 'db.netlens.test']);
  });

  it('yields to the event loop between slices, and stops at the next yield once superseded', async () => {
    const lines = linesOf(Array.from({ length: 1000 }, (_, i) => `host-${i}.netlens.test`).join('\n'));
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    try {
      // A slice of -1 ms is always over: the scan yields after every line.
      const whole = await scanHosts(lines, {}, never, -1);
      assert.equal(whole?.hosts.length, 1000);
      assert.ok(ticks > 0, 'timers ran while the scan was going on');
    } finally {
      clearInterval(ticker);
    }
    const stopped = linesOf(Array.from({ length: 1000 }, (_, i) => `host-${i}.netlens.test`).join('\n'));
    let asked = 0;
    const result = await scanHosts(stopped, {}, () => ++asked >= 3, -1);
    assert.equal(result, undefined, 'a superseded scan answers nothing');
    assert.equal(asked, 3, 'asked once per yield, and stopped at the first yes');
    assert.equal(stopped.reads, 3, 'no line read after it was superseded');
  });

  it('does not ask whether it was superseded while it has not yielded', async () => {
    let asked = 0;
    const scan = await scanHosts(linesOf('a.netlens.test\nb.netlens.test'), {}, () => (asked++, true), 60_000);
    assert.equal(asked, 0);
    assert.equal(scan?.hosts.length, 2);
  });

  it(`lists the first ${MAX_LISTED_HOSTS} hosts and says how many there were`, () => {
    const scan = hostScan(MAX_LISTED_HOSTS + 5);
    const { snapshot, listed } = scannedSnapshot('file:///many.conf', 2.5, scan, (shown, total) => `first ${shown} of ${total}`);
    assert.equal(listed.length, MAX_LISTED_HOSTS);
    assert.equal(listed[0], scan.hosts[0], 'the listed hosts are the scan\'s, first ones first');
    assert.equal(snapshot.total, MAX_LISTED_HOSTS + 5);
    assert.equal(snapshot.hosts.length, MAX_LISTED_HOSTS);
    assert.equal(snapshot.message, `first ${MAX_LISTED_HOSTS} of ${MAX_LISTED_HOSTS + 5}`);
    assert.deepEqual(snapshot.hosts[7], { host: 'server-7.netlens.test', ace: null, occurrences: 8, line: 7 });
    assert.deepEqual({ ...snapshot, hosts: [] }, { uri: 'file:///many.conf', status: 'scanned', sizeMB: 2.5, total: MAX_LISTED_HOSTS + 5, hosts: [], message: snapshot.message, scanMs: 12, longestSliceMs: 3 });
  });

  it(`has no note when all hosts are listed (${MAX_LISTED_HOSTS} exactly)`, () => {
    const { snapshot, listed } = scannedSnapshot('file:///a', 0, hostScan(MAX_LISTED_HOSTS), () => assert.fail('no cap message'));
    assert.equal(listed.length, MAX_LISTED_HOSTS);
    assert.equal(snapshot.message, null);
  });

  it('shows the ASCII form NetLens sends for a non-ASCII name (a look-alike), none for ASCII or an invalid name', () => {
    assert.equal(aceForm('саnonical.netlens.test'), 'xn--nonical-1fg6m.netlens.test');
    assert.equal(aceForm('straße.de'), 'strasse.de', 'IDNA 2003, as Python sends it');
    assert.equal(aceForm('canonical.netlens.test'), null);
    assert.equal(aceForm('a\u00ad'.repeat(40) + 'x'.repeat(64) + 'é.test'), null, 'a label too long to encode: the lookup says why');
    const { snapshot } = scannedSnapshot('file:///idn', 0, { hosts: [{ host: 'саnonical.netlens.test', first: scanLine('саnonical.netlens.test')[0], count: 1 }], elapsedMs: 0, longestSliceMs: 0 }, String);
    assert.equal(snapshot.hosts[0].ace, 'xn--nonical-1fg6m.netlens.test');
  });

  it('the snapshots of no file, a binary file and a file over the limit', () => {
    const none = { uri: null, status: 'none', sizeMB: 0, total: 0, hosts: [], message: null, scanMs: null, longestSliceMs: null };
    assert.deepEqual(emptySnapshot(), none);
    assert.deepEqual(emptySnapshot('could not scan'), { ...none, message: 'could not scan' });
    assert.deepEqual(declinedSnapshot('file:///big.json', 'tooLarge', 17, 'too large'), { ...none, uri: 'file:///big.json', status: 'tooLarge', sizeMB: 17, message: 'too large' });
  });

  it('waits longer before rescanning a file over a million characters; sizes are MB of UTF-16 text', () => {
    assert.equal(scanDelayMs(0), 300);
    assert.equal(scanDelayMs(1_000_000), 300);
    assert.equal(scanDelayMs(1_000_001), 1500);
    assert.equal(sizeInMB(17 * 1024 * 1024), 17);
  });
});

/** A scan that found `n` hosts, server-i on line i, i+1 times each. */
function hostScan(n: number): HostScan {
  return {
    hosts: Array.from({ length: n }, (_, i) => ({ host: `server-${i}.netlens.test`, first: scanLine(`server-${i}.netlens.test`, i)[0], count: i + 1 })),
    elapsedMs: 12,
    longestSliceMs: 3,
  };
}
