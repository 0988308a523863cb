// The Lookup History log's merge rules (src/core/historyLog.ts), without files: what two windows appending to one
// log see, what a torn line costs, and that compaction keeps exactly the list. Property tests use fast-check with
// a fixed seed and a bounded number of runs, and print how many cases ran.
import * as assert from 'assert';
import fc from 'fast-check';
import { encodeRecord, HistoryFold, parseLines, type HistoryEntry, type HistoryRecord } from '../../src/core/historyLog';

const SEED = 0x4e4c08;
const RUNS = 300;

function entry(host: string, at = 1, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { host, at, ok: true, addresses: ['198.51.100.10'], canonicalName: null, error: null, backend: 'native', ...extra };
}
/** One clock for every window (they run on one machine); each record a tick later. */
let clock = 0;
const put = (host: string): HistoryRecord => ({ id: `r${++clock}`, op: 'put', entry: entry(host, clock) });
const remove = (host: string): HistoryRecord => ({ id: `r${++clock}`, op: 'remove', host, at: clock });
const clear = (): HistoryRecord => ({ id: `r${++clock}`, op: 'clear', at: clock });

function fold(text: string): HistoryFold {
  const f = new HistoryFold();
  f.apply(parseLines(text).records);
  return f;
}
const hosts = (f: HistoryFold, limit?: number): string[] => f.entries(limit).map((e) => e.host);

describe('history log: records and fold', () => {
  it('keeps one entry per host (any case), newest first, and tombstones remove what came before them', () => {
    const log = [put('a.test'), put('b.test'), put('A.TEST'), put('c.test'), remove('B.test'), put('d.test')].map(encodeRecord).join('');
    assert.deepStrictEqual(hosts(fold(log)), ['d.test', 'c.test', 'A.TEST']);
    assert.deepStrictEqual(hosts(fold(log + encodeRecord(clear()) + encodeRecord(put('e.test')))), ['e.test']);
    assert.deepStrictEqual(hosts(fold(log), 2), ['d.test', 'c.test'], 'bounded by the limit, newest kept');
  });

  it('counts a record copied twice (same id) once', () => {
    const a = put('a.test');
    const b = put('b.test');
    // A compaction copied `a` to the new log and its writer appended it again: `b` must stay on top.
    const f = fold([a, b, a].map(encodeRecord).join(''));
    assert.deepStrictEqual(hosts(f), ['b.test', 'a.test']);
    const version = f.version;
    f.apply([a, b]);
    assert.strictEqual(f.version, version, 'duplicates do not count as a change');
  });

  it('does not consume a torn last line, and a torn line glued to the next record costs only itself', () => {
    const first = encodeRecord(put('a.test'));
    const torn = encodeRecord(put('torn.test')).slice(0, 20);
    // Read while the second record is half written: only the first counts, and the fragment is read again later.
    const half = parseLines(first + torn);
    assert.deepStrictEqual(half.records.map((r) => r.op === 'put' && r.entry.host), ['a.test']);
    assert.ok(!half.records.some((r) => r.op === 'put' && r.entry.host === 'torn.test') && half.consumed <= first.length + 1, 'the fragment is read again next time');
    // The writer crashed; the next record starts with its own newline, so it is not lost with the fragment.
    const after = parseLines(first + torn + encodeRecord(put('next.test')));
    assert.deepStrictEqual(after.records.map((r) => r.op === 'put' && r.entry.host), ['a.test', 'next.test']);
    assert.strictEqual(after.skipped, 1, 'the fragment is one skipped line');
  });

  it('skips lines that are not its records (garbage, wrong types, extra fields dropped)', () => {
    const lines = [
      'not json',
      '{"id":"x","op":"put","entry":{"host":"h","at":"yesterday","ok":true,"addresses":[]}}',
      '{"id":"y","op":"put","entry":{"host":"h","at":1,"ok":true,"addresses":[{"toString":1}]}}',
      '{"id":"","op":"clear","at":1}',
      '{"id":"z","op":"drop-table","at":1}',
      '[1,2,3]',
      'null',
      `{"id":"long","op":"put","entry":{"host":"${'x'.repeat(70_000)}","at":1,"ok":true,"addresses":[]}}`,
      '{"id":"ok","op":"put","entry":{"host":"<img src=x onerror=alert(1)>","at":1,"ok":false,"addresses":[],"error":"e","html":"<b>"}}',
      '',
    ].join('\n');
    const parsed = parseLines(lines);
    assert.strictEqual(parsed.records.length, 1);
    assert.strictEqual(parsed.skipped, 8);
    const only = parsed.records[0];
    assert.ok(only.op === 'put');
    assert.deepStrictEqual(Object.keys(only.entry).sort(), ['addresses', 'at', 'backend', 'canonicalName', 'error', 'host', 'ok']);
    assert.strictEqual(only.entry.host, '<img src=x onerror=alert(1)>', 'kept as text: the tree renders it as a label');
  });
});

/** A generated operation of one window: a lookup of one of a few hosts, a removal or (rarely) a clear. */
const hostArb = fc.constantFrom('a.test', 'B.test', 'b.test', 'c.test', 'd.test', 'xn--strae-oqa.de', 'e.test');
const opArb = fc.oneof(
  { weight: 8, arbitrary: hostArb.map((h) => ({ op: 'put' as const, host: h })) },
  { weight: 2, arbitrary: hostArb.map((h) => ({ op: 'remove' as const, host: h })) },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const, host: '' }) }
);
type Op = { op: 'put' | 'remove' | 'clear'; host: string };

function toRecord(op: Op, id: string, at: number): HistoryRecord {
  if (op.op === 'put') return { id, op: 'put', entry: entry(op.host, at) };
  if (op.op === 'remove') return { id, op: 'remove', host: op.host, at };
  return { id, op: 'clear', at };
}

/** The list as one window would keep it if it saw these operations one after the other. */
function model(ops: readonly Op[]): string[] {
  let list: string[] = [];
  for (const o of ops) {
    if (o.op === 'put') list = [o.host, ...list.filter((h) => h.toLowerCase() !== o.host.toLowerCase())];
    else if (o.op === 'remove') list = list.filter((h) => h.toLowerCase() !== o.host.toLowerCase());
    else list = [];
  }
  return list;
}

describe('history log: properties (fast-check, fixed seed)', () => {
  it('two windows interleaving appends: every reader folds the log to the sequential list, each host once', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.array(opArb, { maxLength: 30 }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 80 }), (a, b, picks, moves) => {
        cases++;
        // The order the appends reached the file: some interleaving of A's and B's.
        const order: Op[] = [];
        const records: HistoryRecord[] = [];
        let i = 0;
        let j = 0;
        for (const pickA of picks) {
          if (i >= a.length && j >= b.length) break;
          if (i < a.length && (pickA || j >= b.length)) {
            order.push(a[i]);
            records.push(toRecord(a[i], `A${i}`, order.length));
            i++;
          } else {
            order.push(b[j]);
            records.push(toRecord(b[j], `B${j}`, order.length));
            j++;
          }
        }
        const text = records.map(encodeRecord).join('');
        const shown = hosts(fold(text));
        assert.deepStrictEqual(shown, model(order));
        // Compaction may move records behind newer ones and an append that raced with it is written twice:
        // the same list, whatever the order and however many copies.
        const moved = [...records];
        for (const m of moves) {
          if (moved.length === 0) break;
          const from = m % moved.length;
          if (m % 3 === 0) moved.push(moved[from]);
          else moved.push(...moved.splice(from, 1));
        }
        assert.deepStrictEqual(hosts(fold(moved.map(encodeRecord).join(''))), shown);
        assert.strictEqual(new Set(shown.map((h) => h.toLowerCase())).size, shown.length, 'each host once');
        // A reader that read the log in two pieces (a window watching the file) folds to the same list.
        const cut = text.length >> 1;
        const first = parseLines(text.slice(0, cut));
        const incremental = new HistoryFold();
        incremental.apply(first.records);
        incremental.apply(parseLines(text.slice(first.consumed)).records);
        assert.deepStrictEqual(hosts(incremental), shown);
      }),
      { seed: SEED, numRuns: RUNS }
    );
    console.log(`      history fold: ${cases} interleavings of two windows checked against the sequential model`);
  });

  it('compaction keeps exactly the list (up to the limit), and records that arrive after it still apply', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), fc.nat(), (ops, limit, split) => {
        cases++;
        const records = ops.map((o, i) => toRecord(o, `r${i}`, i + 1));
        const f = new HistoryFold();
        f.apply(records);
        const compacted = f.compacted(limit);
        const again = fold(compacted.map(encodeRecord).join(''));
        assert.deepStrictEqual(hosts(again), hosts(f, limit));
        // A window that had read the old log and then reads the compacted one sees no change.
        const version = f.version;
        f.apply(compacted);
        assert.strictEqual(f.version, version);
        // Records another window appended to the old log after the compactor read it, copied after the
        // compacted ones: the same list as if there had been no compaction (removals are kept for them).
        const cut = ops.length === 0 ? 0 : split % (ops.length + 1);
        const early = new HistoryFold();
        early.apply(records.slice(0, cut));
        const late = fold([...early.compacted(1000), ...records.slice(cut)].map(encodeRecord).join(''));
        assert.deepStrictEqual(hosts(late), hosts(f));
      }),
      { seed: SEED + 1, numRuns: RUNS }
    );
    console.log(`      history compaction: ${cases} generated logs compacted and re-read`);
  });

  it('a crash at any byte of an append loses at most that record', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 12 }), fc.nat(), fc.array(opArb, { maxLength: 5 }), (before, at, after) => {
        cases++;
        const head = before.slice(0, -1).map((o, i) => encodeRecord(toRecord(o, `h${i}`, i + 1))).join('');
        const last = encodeRecord(toRecord(before[before.length - 1], 'torn', 99));
        const tail = after.map((o, i) => encodeRecord(toRecord(o, `t${i}`, 100 + i))).join('');
        const torn = last.slice(0, at % last.length);
        const shown = hosts(fold(head + torn + tail));
        const withoutTorn = model([...before.slice(0, -1), ...after]);
        const withTorn = model([...before, ...after]);
        // Cut before its closing newline, the record is lost (or, cut only before that newline, read whole).
        assert.ok(JSON.stringify(shown) === JSON.stringify(withoutTorn) || JSON.stringify(shown) === JSON.stringify(withTorn), `${JSON.stringify(shown)} vs ${JSON.stringify(withoutTorn)}`);
      }),
      { seed: SEED + 2, numRuns: RUNS }
    );
    console.log(`      history torn writes: ${cases} crashes mid-append checked`);
  });
});
