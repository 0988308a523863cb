// The Lookup History log on disk (src/core/historyFile.ts), as two windows use it: two HistoryFile instances on
// one file in this process, and two separate processes (this file, forked with NETLENS_HISTORY_WORKER set, is the
// second window) appending and compacting at the same time. Nothing may be lost or shown twice.
import * as assert from 'assert';
import { fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HistoryFile } from '../../src/core/historyFile';
import { encodeRecord, type HistoryEntry } from '../../src/core/historyLog';

/** A clock that ticks on every use, so that "newer" is never a tie within a test. */
let tick = Date.now();
const now = (): number => ++tick;

function entry(host: string, at = now()): HistoryEntry {
  return { host, at, ok: true, addresses: ['198.51.100.10', '2001:db8::10'], canonicalName: 'canonical.netlens.test', error: null, backend: 'native' };
}

/** A second window in its own process: appends `count` lookups of `<prefix><i>.test`, compacting often. */
async function worker(): Promise<void> {
  const file = process.env.NETLENS_HISTORY_FILE ?? '';
  const prefix = process.env.NETLENS_HISTORY_PREFIX ?? 'w';
  const count = Number(process.env.NETLENS_HISTORY_COUNT);
  let compactions = 0;
  const log = new HistoryFile({ file, limit: () => 1000, compactAfter: () => 8, log: (l) => void (l.includes('compacted') && compactions++) });
  for (let i = 0; i < count; i++) await log.append({ op: 'put', entry: entry(`${prefix}${i}.test`, Date.now() + i / 1000) });
  await log.close();
  process.send?.({ compactions });
}

/** Resolves with the number of compactions the worker did. */
function runWorker(file: string, prefix: string, count: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let compactions = 0;
    const child = fork(__filename, [], { env: { ...process.env, NETLENS_HISTORY_WORKER: '1', NETLENS_HISTORY_FILE: file, NETLENS_HISTORY_PREFIX: prefix, NETLENS_HISTORY_COUNT: String(count) }, stdio: 'inherit' });
    child.on('message', (m: { compactions?: number }) => (compactions = m.compactions ?? 0));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(compactions) : reject(new Error(`worker ${prefix} exited with ${code}`))));
  });
}

if (process.env.NETLENS_HISTORY_WORKER === '1') {
  worker().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    }
  );
} else {
  describe('history file: two windows on one log', function () {
    this.timeout(60_000);
    let dir: string;
    let file: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-history-'));
      file = path.join(dir, 'storage', 'lookup-history.jsonl');
    });
    const opened: HistoryFile[] = [];
    /** A window's HistoryFile, closed after the test. */
    const open = (options: ConstructorParameters<typeof HistoryFile>[0]): HistoryFile => {
      const h = new HistoryFile(options);
      opened.push(h);
      return h;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((h) => h.close()));
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const hostsOf = (h: HistoryFile): string[] => h.entries().map((e) => e.host);
    const once = (list: string[]): boolean => new Set(list).size === list.length;

    it('two windows appending at once: both show every lookup exactly once, and a removal or clear in one applies in both', async () => {
      const a = open({ file, limit: () => 100 });
      const b = open({ file, limit: () => 100 });
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append({ op: 'put', entry: entry(`h${i}.test`) })));
      await a.append({ op: 'put', entry: entry('H3.TEST') });
      await Promise.all([a.refresh(), b.refresh()]);
      assert.strictEqual(hostsOf(a).length, 20);
      assert.deepStrictEqual(hostsOf(a), hostsOf(b), 'the same list, in the same order, in both windows');
      assert.ok(once(hostsOf(a).map((h) => h.toLowerCase())));
      assert.strictEqual(hostsOf(b)[0], 'H3.TEST', 'the newest lookup of a host replaces its entry, on top');

      await b.append({ op: 'remove', host: 'h5.test', at: now() });
      await a.refresh();
      assert.ok(!hostsOf(a).includes('h5.test'), 'removed in the other window');
      await a.append({ op: 'clear', at: now() });
      await b.refresh();
      assert.deepStrictEqual(hostsOf(b), []);
      // A window that starts later reads the same list from the file.
      await b.append({ op: 'put', entry: entry('after.test') });
      const c = open({ file, limit: () => 100 });
      await c.refresh();
      assert.deepStrictEqual(hostsOf(c), ['after.test']);
    });

    it('the other window is told when the log changes (watch), also across a compaction', async () => {
      const a = open({ file, limit: () => 5, compactAfter: () => 6 });
      const b = open({ file, limit: () => 5 });
      await a.append({ op: 'put', entry: entry('first.test') });
      let changes = 0;
      const watcher = b.watch(() => changes++);
      try {
        await b.refresh();
        for (let i = 0; i < 12; i++) await a.append({ op: 'put', entry: entry(`w${i}.test`) });
        const expected = hostsOf(a);
        const deadline = Date.now() + 5000;
        while (JSON.stringify(hostsOf(b)) !== JSON.stringify(expected) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        assert.deepStrictEqual(hostsOf(b), expected, 'b shows a\'s lookups without being asked');
        assert.ok(changes > 0);
        assert.ok(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length <= 6 + 1, 'the log was compacted');
      } finally {
        watcher?.close();
      }
    });

    it('a torn last line (crash mid-append) is skipped, and the next append is not lost with it', async () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, encodeRecord({ id: 'x1', op: 'put', entry: entry('before.test') }) + encodeRecord({ id: 'x2', op: 'put', entry: entry('torn.test') }).slice(0, 30));
      const lines: string[] = [];
      const a = open({ file, limit: () => 100, log: (l) => lines.push(l) });
      await a.refresh();
      assert.deepStrictEqual(hostsOf(a), ['before.test']);
      await a.append({ op: 'put', entry: entry('after.test') });
      assert.deepStrictEqual(hostsOf(a), ['after.test', 'before.test']);
      const fresh = open({ file, limit: () => 100 });
      await fresh.refresh();
      assert.deepStrictEqual(hostsOf(fresh), ['after.test', 'before.test']);
      assert.ok(lines.some((l) => l.includes('skipped 1')), `the skipped line is logged: ${JSON.stringify(lines)}`);
    });

    it('garbage, a huge log and an unwritable folder do not throw', async () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const junk = Buffer.alloc(20 * 1024 * 1024, 'x\u0000\n\ud800{'.repeat(1));
      fs.writeFileSync(file, Buffer.concat([junk, Buffer.from(encodeRecord({ id: 'y', op: 'put', entry: entry('end.test') }))]));
      const a = open({ file, limit: () => 10 });
      await a.refresh();
      assert.deepStrictEqual(hostsOf(a), ['end.test'], 'the end of an oversized log is read');
      assert.strictEqual(await a.compact(), true);
      assert.ok(fs.statSync(file).size < 1000, 'compaction drops the garbage');

      // A storage folder that cannot be created (its parent is a file; permissions would not stop root).
      const blocker = path.join(dir, 'a-file');
      fs.writeFileSync(blocker, '');
      const lines: string[] = [];
      const b = open({ file: path.join(blocker, 'sub', 'h.jsonl'), limit: () => 10, log: (l) => lines.push(l) });
      await b.append({ op: 'put', entry: entry('kept-in-memory.test') });
      assert.deepStrictEqual(hostsOf(b), ['kept-in-memory.test'], 'shown although it could not be saved');
      assert.ok(lines.some((l) => l.includes('could not write')), JSON.stringify(lines));
    });

    it('the list NetLens 0.1.0 kept in workspace state moves into an empty log once, even from two windows at once', async () => {
      const legacy = [entry('newest.test', 3), entry('middle.test', 2), { host: 42 }, entry('oldest.test', 1)];
      const a = open({ file, limit: () => 50 });
      const b = open({ file, limit: () => 50 });
      const moved = await Promise.all([a.importList(legacy), b.importList(legacy)]);
      assert.ok(moved.includes(3), `one window moved the 3 valid entries: ${JSON.stringify(moved)}`);
      await Promise.all([a.refresh(), b.refresh()]);
      assert.deepStrictEqual(hostsOf(a), ['newest.test', 'middle.test', 'oldest.test']);
      assert.deepStrictEqual(hostsOf(b), hostsOf(a));
      // Later, a stale copy of the old list must not bring back what the user removed.
      await a.append({ op: 'remove', host: 'middle.test', at: now() });
      assert.strictEqual(await b.importList(legacy), 0);
      await b.refresh();
      assert.deepStrictEqual(hostsOf(b), ['newest.test', 'oldest.test']);
      assert.strictEqual(await b.importList('not a list'), 0);
    });

    it('a compaction lock left by a crashed window is taken over; a live one is respected', async () => {
      const a = open({ file, limit: () => 3, staleLockMs: 200 });
      for (let i = 0; i < 10; i++) await a.append({ op: 'put', entry: entry(`l${i}.test`) });
      fs.writeFileSync(`${file}.lock`, '99999\n');
      assert.strictEqual(await a.compact(), false, 'someone else is compacting');
      await new Promise((r) => setTimeout(r, 250));
      assert.strictEqual(await a.compact(), true, 'a stale lock is taken over');
      assert.ok(!fs.existsSync(`${file}.lock`), 'and released');
      assert.deepStrictEqual(hostsOf(a), ['l9.test', 'l8.test', 'l7.test']);
    });

    it('three windows in separate processes appending and compacting at the same time lose nothing and duplicate nothing', async () => {
      const perWindow = 150;
      const t0 = Date.now();
      // This process is a third window, appending too, compacting as often as the workers.
      let compactions = 0;
      const here = open({ file, limit: () => 1000, compactAfter: () => 8, log: (l) => void (l.includes('compacted') && compactions++) });
      const mine = (async () => {
        for (let i = 0; i < perWindow; i++) await here.append({ op: 'put', entry: entry(`m${i}.test`) });
      })();
      const [ca, cb] = await Promise.all([runWorker(file, 'a', perWindow), runWorker(file, 'b', perWindow), mine]);
      compactions += ca + cb;
      const reader = open({ file, limit: () => 1000 });
      await reader.refresh();
      const shown = hostsOf(reader);
      const expected = ['a', 'b', 'm'].flatMap((p) => Array.from({ length: perWindow }, (_, i) => `${p}${i}.test`));
      const missing = expected.filter((h) => !shown.includes(h));
      assert.deepStrictEqual(missing, [], `lost ${missing.length} of ${expected.length}`);
      assert.strictEqual(shown.length, expected.length, 'nothing shown twice or from nowhere');
      for (const p of ['a', 'b', 'm']) {
        const own = shown.filter((h) => h.startsWith(p)).reverse();
        assert.deepStrictEqual(own, Array.from({ length: perWindow }, (_, i) => `${p}${i}.test`), `window ${p}'s lookups in its own order`);
      }
      assert.ok(!fs.readdirSync(path.dirname(file)).some((f) => f.endsWith('.tmp') || f.endsWith('.lock')), 'no temporary or lock file left');
      console.log(`      history file: 3 processes × ${perWindow} appends, ${compactions} compactions racing them: ${expected.length} entries, 0 lost, 0 duplicated (${Date.now() - t0} ms)`);
    });
  });
}
