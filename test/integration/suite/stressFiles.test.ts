// Files that stress the editor (issue 8): a 10 MB single line, a 200k-line file, a file over the automatic
// scan limit, binary content, bidi/RTL/zero-width/lone-surrogate text and look-alike IDNs, opened in the real
// editor. NetLens must keep answering (hover, inlay hints, Hosts in This File) and never hold the extension
// host for long: an event-loop probe in this same extension host measures the longest stall. Every name
// looked up is under the fixture zone, so these tests run only inside the DNS fixture's namespace.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { idna2003ToAscii } from '../../../src/core/idna2003';
import type { FileHostsSnapshot } from '../../../src/core/fileHostsIndex';
import { hostMatchAt } from '../../../src/extension/hostsInDocument';
import { FIXTURE } from '../../fixtures/dns/zone';
import { binaryBytes, CONFUSABLES, hugeSingleLine, manyLines, unicodeStress } from '../../fixtures/stress/generate';
import { hoverText, settledHover } from '../hovers';

/** Generous bound on any single stall of the extension host (ms): a whole-file scan of 10 MB takes 1-3 s here. */
const MAX_STALL_MS = 1000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function inlayHints(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.InlayHint[]> {
  return vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range);
}

function hintLabel(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('');
}

async function timed<T>(work: () => Thenable<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/**
 * The longest time this extension host's event loop did not run a 10 ms timer: NetLens runs in this same
 * process, so any synchronous scan of a big file shows up here as a stall.
 */
function eventLoopProbe(): { stop(): number } {
  const every = 10;
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - every);
    last = now;
  }, every);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last - every);
    },
  };
}

/**
 * Runs `work` (a scan, a hint request) while asking for inlay hints on a small document over and over: what a
 * user typing in another editor would wait. Returns the work's result, the longest stall and those waits.
 */
async function whileResponsive<T>(work: () => Thenable<T>): Promise<{ value: T; stallMs: number; waits: number[]; ms: number }> {
  const small = await vscode.workspace.openTextDocument({ language: 'ini', content: `a = "https://${FIXTURE.v4only.name}/v1"\n` });
  const probe = eventLoopProbe();
  const started = performance.now();
  const waits: number[] = [];
  let done = false;
  const running = Promise.resolve(work()).finally(() => {
    done = true;
  });
  while (!done) {
    const { value, ms } = await timed(() => inlayHints(small, new vscode.Range(0, 0, 1, 0)));
    waits.push(ms);
    assert.deepEqual(value.map(hintLabel), [':443'], 'the small document still gets its hint while the big one is scanned');
    await sleep(20);
  }
  const value = await running;
  return { value, stallMs: probe.stop(), waits, ms: performance.now() - started };
}

/** Every offset of a line at which a range may start or end: not between the halves of a surrogate pair. */
function splitsPair(line: string, character: number): boolean {
  const before = line.charCodeAt(character - 1);
  const at = line.charCodeAt(character);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

function assertValidRange(doc: vscode.TextDocument, range: vscode.Range, what: string): void {
  assert.ok(range.start.line >= 0 && range.end.line < doc.lineCount, `${what}: line in the document`);
  const line = doc.lineAt(range.start.line).text;
  assert.ok(range.start.character >= 0 && range.end.character <= line.length && range.start.isBeforeOrEqual(range.end), `${what}: offsets inside the line`);
  assert.ok(!splitsPair(line, range.start.character) && !splitsPair(line, range.end.character), `${what}: does not split a surrogate pair`);
}

/** Bidi controls, zero-width characters, BOM and unpaired surrogates: none may end up inside a host name. */
const INVISIBLE_OR_BROKEN = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const max = (values: number[]): number => values.reduce((a, b) => Math.max(a, b), 0);
const ms = (value: number | null): string => (value === null ? '-' : value.toFixed(0));

describe('files that stress the editor', function () {
  let dir: string;

  before(async function () {
    // Hovers resolve names: only inside the fixture namespace, where the fixture DNS server is the only server.
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-stress-'));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openFile(name: string, content: string | Buffer): Promise<vscode.TextDocument> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  }

  it('a 10 MB single line: hover at its end answers, hints come back, the tree lists its hosts, and the extension host keeps answering', async function () {
    this.timeout(300_000);
    const big = hugeSingleLine(10);
    const doc = await openFile('one-line.json', big.text);
    assert.equal(doc.lineCount, 1);
    const probe = new vscode.Position(big.probe.line, big.probe.character);

    const firstHover = await timed(() => hoverText(doc, probe));
    const hover = await settledHover(doc, probe);
    assert.ok(hover.plain.includes(`NetLens · ${FIXTURE.v4only.name}`) && hover.plain.includes(FIXTURE.v4only.v4), hover.plain);
    assert.equal(doc.getText(hover.ranges[0]), `https://${FIXTURE.v4only.name}/v1/health`, 'the hover covers the URL near the end of the line');

    // The editor asks for whole visible lines: here the whole 10 MB line.
    const hints = await whileResponsive(() => inlayHints(doc, new vscode.Range(0, 0, 0, doc.lineAt(0).text.length)));
    assert.ok(hints.value.length > 0, 'hints for the URLs at the start of the line');
    assert.ok(hints.value.every((h) => hintLabel(h) === ':443' && h.position.character <= 10_000), 'only where the editor renders the line (editor.stopRenderingLineAfter)');

    const tree = await whileResponsive(() => vscode.commands.executeCommand<FileHostsSnapshot>('netlens.refreshFileHosts'));
    const snapshot = tree.value;
    assert.equal(snapshot.status, 'scanned');
    assert.deepEqual(snapshot.hosts.map((h) => h.host).sort(), [FIXTURE.cnameChain.alias, FIXTURE.multiA.name, FIXTURE.v4only.name].sort());
    assert.equal(snapshot.hosts.find((h) => h.host === FIXTURE.v4only.name)?.occurrences, 1);
    assert.ok(tree.stallMs < MAX_STALL_MS && hints.stallMs < MAX_STALL_MS, `stalls: tree ${tree.stallMs} ms, hints ${hints.stallMs} ms`);
    console.log(
      `stress 10 MB line: first hover ${ms(firstHover.ms)} ms; hints ${ms(hints.ms)} ms (${hints.value.length} hints, longest stall ${ms(hints.stallMs)} ms); ` +
        `tree scan ${ms(snapshot.scanMs)} ms wall (${snapshot.total} hosts, longest slice ${ms(snapshot.longestSliceMs)} ms, longest stall ${ms(tree.stallMs)} ms, ` +
        `${tree.waits.length} hint requests on a small file meanwhile, slowest ${ms(max(tree.waits))} ms)`
    );
  });

  it('a 200,000-line file: hover on its last lines answers, hints for the visible lines come back, the tree lists the first 1000 hosts and says so', async function () {
    this.timeout(300_000);
    const many = manyLines(200_000);
    const opened = await timed(() => openFile('many-lines.conf', many.text));
    const doc = opened.value;
    assert.equal(doc.lineCount, 200_001);
    const probe = new vscode.Position(many.probe.line, many.probe.character);

    // The first request after opening waits for the editor's own work on the new file (measured: up to ~25 s
    // in code-server on 2 busy cores, with this extension host idle): bounded only by the test's timeout.
    const firstHover = await timed(() => hoverText(doc, probe));
    const hover = await settledHover(doc, probe);
    assert.ok(hover.plain.includes(`canonical name: ${FIXTURE.cnameChain.canonical}`) && hover.plain.includes(FIXTURE.cnameChain.v4), hover.plain);

    const visible = new vscode.Range(many.probe.line - 40, 0, many.probe.line + 4, 0);
    const hints = await timed(() => inlayHints(doc, visible));
    assert.deepEqual(
      hints.value.map((h) => h.position.line),
      [...Array(45).keys()].map((k) => many.probe.line - 40 + k).filter((line) => line % 10 === 6 || line === many.probe.line),
      'one :443 hint per https URL without a port in the visible lines'
    );

    // A caller may ask for the whole file: it answers, capped, without stalling the extension host.
    const all = await whileResponsive(() => inlayHints(doc, new vscode.Range(0, 0, doc.lineCount, 0)));
    assert.equal(all.value.length, 5000, 'at most 5000 hints per request (20,001 URLs in the file)');

    const tree = await whileResponsive(() => vscode.commands.executeCommand<FileHostsSnapshot>('netlens.refreshFileHosts'));
    const snapshot = tree.value;
    assert.equal(snapshot.status, 'scanned');
    assert.equal(snapshot.total, 20_002, '20,000 server-N names, the canonical name in comments and the probe');
    assert.equal(snapshot.hosts.length, 1000);
    assert.deepEqual(snapshot.hosts[0], { host: 'server-0.netlens.test', ace: null, occurrences: 1, line: 0 });
    assert.ok(snapshot.message?.includes('first 1000 of 20002'), String(snapshot.message));
    assert.ok(tree.stallMs < MAX_STALL_MS && all.stallMs < MAX_STALL_MS, `stalls: tree ${tree.stallMs} ms, all hints ${all.stallMs} ms`);
    console.log(
      `stress 200k lines: opened in ${ms(opened.ms)} ms; first hover ${ms(firstHover.ms)} ms; hints for 45 visible lines ${ms(hints.ms)} ms; hints for the whole file ${ms(all.ms)} ms (capped at ${all.value.length}, longest stall ${ms(all.stallMs)} ms); ` +
        `tree scan ${ms(snapshot.scanMs)} ms wall (${snapshot.total} hosts, ${snapshot.hosts.length} listed, longest slice ${ms(snapshot.longestSliceMs)} ms, longest stall ${ms(tree.stallMs)} ms, ` +
        `slowest small-file hint request meanwhile ${ms(max(tree.waits))} ms)`
    );
  });

  it('a file over netlens.fileHosts.maxFileSizeMB is not scanned on its own, and the view says why; hover still answers', async function () {
    this.timeout(300_000);
    const big = hugeSingleLine(17);
    const doc = await openFile('too-large.json', big.text);
    const { value: snapshot, ms: refreshMs } = await timed(() => vscode.commands.executeCommand<FileHostsSnapshot>('netlens.refreshFileHosts'));
    assert.equal(snapshot.status, 'tooLarge');
    assert.deepEqual(snapshot.hosts, []);
    assert.ok(snapshot.message?.includes('too large to scan automatically (17.0 MB; the limit is 16 MB'), String(snapshot.message));
    const hover = await settledHover(doc, new vscode.Position(big.probe.line, big.probe.character));
    assert.ok(hover.plain.includes(FIXTURE.v4only.v4), hover.plain);
    console.log(`stress 17 MB line: the view declined in ${ms(refreshMs)} ms`);
  });

  it('binary content: no hosts, no hints, no hover, no exception, and the view says the file looks binary', async function () {
    this.timeout(120_000);
    const bytes = binaryBytes(256 * 1024, 8);
    // VS Code may refuse a binary file outright; "Open Anyway" gives the text we test below either way.
    let fromDisk: vscode.TextDocument | undefined;
    try {
      fromDisk = await openFile('image.png', bytes);
    } catch (err) {
      assert.match(String(err), /binary/i);
    }
    for (const [name, doc] of [
      ['latin1', await vscode.workspace.openTextDocument({ content: bytes.toString('latin1') })],
      ['utf8', await vscode.workspace.openTextDocument({ content: bytes.toString('utf8') })],
      ...(fromDisk ? [['disk', fromDisk] as const] : []),
    ] as const) {
      await vscode.window.showTextDocument(doc);
      let positions = 0;
      for (let line = 0; line < doc.lineCount; line++) {
        const text = doc.lineAt(line).text;
        for (let character = 0; character <= text.length; character += 7) {
          assert.equal(hostMatchAt(doc, new vscode.Position(line, character)), undefined, `${name}: no host at ${line}:${character}`);
          positions++;
        }
      }
      const hover = await hoverText(doc, new vscode.Position(0, 3));
      assert.doesNotMatch(hover.text, /NetLens/);
      assert.deepEqual(await inlayHints(doc, new vscode.Range(0, 0, doc.lineCount, 0)), []);
      const snapshot = await vscode.commands.executeCommand<FileHostsSnapshot>('netlens.refreshFileHosts');
      assert.equal(snapshot.status, 'binary', name);
      assert.equal(snapshot.total, 0);
      assert.match(String(snapshot.message), /looks binary/);
      console.log(`stress binary (${name}, ${doc.lineCount} lines): ${positions} positions probed, no host`);
    }
  });

  it('bidi controls, right-to-left text, zero-width joiners and lone surrogates: every match has a valid range and the right host', async function () {
    this.timeout(120_000);
    const { hosts, decoys } = unicodeStress();
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: [...hosts.map((h) => h.line), ...decoys].join('\n') });
    await vscode.window.showTextDocument(doc);
    const expectedAddress: Record<string, string> = { [FIXTURE.v4only.name]: FIXTURE.v4only.v4, [FIXTURE.cnameChain.alias]: FIXTURE.cnameChain.v4, [FIXTURE.multiA.name]: FIXTURE.multiA.v4[0] };

    // Every position of every line: a match, if any, is exactly its slice of the line, on whole characters.
    let probed = 0;
    for (let line = 0; line < doc.lineCount; line++) {
      const text = doc.lineAt(line).text;
      for (let character = 0; character <= text.length; character++) {
        const match = hostMatchAt(doc, new vscode.Position(line, character));
        probed++;
        if (!match) continue;
        assert.equal(match.text, text.slice(match.character, match.character + match.length));
        assertValidRange(doc, new vscode.Range(line, match.character, line, match.character + match.length), `match ${JSON.stringify(match.text)}`);
        assert.doesNotMatch(match.host, INVISIBLE_OR_BROKEN, `host ${JSON.stringify(match.host)} carries no invisible or broken character`);
        assert.ok(line < hosts.length, `no host in the decoy ${JSON.stringify(text)}: found ${JSON.stringify(match.host)}`);
      }
    }
    for (const [line, placed] of hosts.entries()) {
      const hover = await settledHover(doc, new vscode.Position(line, placed.at + 2));
      assert.ok(hover.plain.includes(`NetLens · ${placed.host}`) && hover.plain.includes(expectedAddress[placed.host]), `line ${line}: ${hover.plain}`);
      assertValidRange(doc, hover.ranges[0], `hover range on line ${line}`);
      assert.ok(doc.getText(hover.ranges[0]).includes(placed.host));
    }
    for (const hint of await inlayHints(doc, new vscode.Range(0, 0, doc.lineCount, 0))) {
      assertValidRange(doc, new vscode.Range(hint.position, hint.position), `hint ${hintLabel(hint)}`);
    }
    const snapshot = await vscode.commands.executeCommand<FileHostsSnapshot>('netlens.refreshFileHosts');
    assert.deepEqual(snapshot.hosts.map((h) => h.host).sort(), Object.keys(expectedAddress).sort());
    console.log(`stress unicode: ${probed} positions probed on ${doc.lineCount} lines, ${hosts.length} hosts hovered`);
  });

  // Characters IDNA maps to nothing (ZWJ, ZWSP, soft hyphen) used to split `exa\u200Dmple.netlens.test` into `exa`
  // and `mple.netlens.test`, and the hover then looked up a name that is not in the file. Python sends
  // `example.netlens.test` for the whole word.
  it('a name with a zero-width joiner inside is one host (or none), never its tail', async () => {
    const lines = ['host = exa\u200dmple.netlens.test', 'url = "https://exa\u200dmple.netlens.test/"', 'url = https://ex\u00adample.netlens.test/'];
    const doc = await vscode.workspace.openTextDocument({ content: lines.join('\n') });
    for (const [line, text] of lines.entries()) {
      const match = hostMatchAt(doc, new vscode.Position(line, text.indexOf('mple') + 1));
      assert.ok(!match || match.host.includes('ex'), `${JSON.stringify(text)}: ${JSON.stringify(match?.host)}`);
    }
  });

  it('look-alike IDNs (Cyrillic letters in Latin names): hover and tree show the xn-- form that is actually sent', async function () {
    this.timeout(120_000);
    const lines = [`url: https://${CONFUSABLES[0].host}/login`, `host: ${CONFUSABLES[1].host}`, `server_name ${CONFUSABLES[2].host};`];
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: lines.join('\n') + '\n' });
    await vscode.window.showTextDocument(doc);
    for (const [line, { host }] of CONFUSABLES.entries()) {
      const ace = idna2003ToAscii(host);
      assert.match(ace, /^xn--/);
      const hover = await settledHover(doc, new vscode.Position(line, lines[line].indexOf(host) + 1));
      assert.ok(hover.plain.includes(ace), `the hover on ${host} shows ${ace}: ${hover.plain}`);
      // It is not the fixture name it imitates: the fixture has no such name.
      assert.ok(hover.plain.includes('[Errno -2] Name or service not known'), hover.plain);
    }
    const snapshot = await vscode.commands.executeCommand<FileHostsSnapshot>('netlens.refreshFileHosts');
    assert.deepEqual(
      snapshot.hosts.map((h) => [h.host, h.ace]),
      CONFUSABLES.map(({ host }) => [host, idna2003ToAscii(host)])
    );
  });
});
