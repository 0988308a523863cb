// When Hosts in This File scans (src/core/scanScheduler.ts), in plain Node with real timers: debounced after
// changes, only while the view is visible (stale until shown), the newest scan wins, callers can wait until the
// scans have settled, and a scan that throws reaches onError instead of a rejected promise.
import * as assert from 'node:assert/strict';
import { ScanScheduler } from '../../src/core/scanScheduler';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A scheduler whose scans are recorded; each scan calls begin() (it found a document) and then `body`. */
function recorded(body: (superseded: () => boolean, force: boolean) => Promise<void> = async () => undefined) {
  const scans: { force: boolean; superseded: () => boolean }[] = [];
  const errors: unknown[] = [];
  const scheduler: ScanScheduler = new ScanScheduler(
    async (force) => {
      const superseded = scheduler.begin();
      scans.push({ force, superseded });
      await body(superseded, force);
    },
    (err) => errors.push(err)
  );
  return { scheduler, scans, errors };
}

describe('Hosts in This File: when it scans (core scheduler)', () => {
  it('debounces changes while visible: changes in a row give one scan, after the delay', async () => {
    const { scheduler, scans } = recorded();
    scheduler.visibilityChanged(true);
    assert.equal(scans.length, 1, 'shown for the first time: nothing was scanned yet, so it scans at once');
    for (let i = 0; i < 5; i++) scheduler.schedule(() => 10);
    assert.equal(scans.length, 1, 'not at once');
    await sleep(50);
    assert.equal(scans.length, 2, 'five changes, one scan');
    assert.equal(scans[1].force, false);
    scheduler.dispose();
  });

  it('a change restarts the wait; the delay is asked only when it will scan (a large file waits longer)', async () => {
    const { scheduler, scans } = recorded();
    let asked = 0;
    scheduler.schedule(() => (asked++, 0));
    assert.equal(asked, 0, 'hidden: no delay computed (that would measure the document for nothing)');
    scheduler.opened(true, () => (asked++, 10));
    assert.equal(asked, 1);
    scheduler.schedule(() => (asked++, 2000));
    await sleep(50);
    assert.equal(scans.length, 0, 'the 10 ms wait was replaced by the 2 s one');
    assert.equal(asked, 2);
    scheduler.dispose();
  });

  it('while hidden, changes only make it stale; shown, it scans once at once, and again only after a new change', async () => {
    const { scheduler, scans } = recorded();
    scheduler.opened(false, () => 0);
    scheduler.schedule(() => 0);
    await sleep(20);
    assert.equal(scans.length, 0, 'nobody sees the view: no scan');
    scheduler.visibilityChanged(true);
    assert.equal(scans.length, 1, 'shown with a stale result: scans without waiting');
    await sleep(10);
    scheduler.visibilityChanged(false);
    scheduler.visibilityChanged(true);
    assert.equal(scans.length, 1, 'hidden and shown again with nothing changed: no rescan');
    scheduler.visibilityChanged(false);
    scheduler.schedule(() => 0);
    scheduler.visibilityChanged(true);
    assert.equal(scans.length, 2, 'a change while hidden: rescans when shown');
    scheduler.dispose();
  });

  it('a change while hidden cancels the debounced scan it had scheduled while visible', async () => {
    const { scheduler, scans } = recorded();
    scheduler.opened(true, () => 20);
    scheduler.visibilityChanged(false);
    scheduler.schedule(() => 20);
    await sleep(50);
    assert.equal(scans.length, 0);
    scheduler.dispose();
  });

  it('the newest scan wins: an older one learns it was superseded; supersede() stops one without a new scan', async () => {
    const { scheduler, scans } = recorded(() => sleep(5));
    void scheduler.rescan();
    void scheduler.rescan(true);
    assert.equal(scans.length, 2);
    assert.equal(scans[0].superseded(), true);
    assert.equal(scans[1].superseded(), false);
    assert.equal(scans[1].force, true);
    scheduler.supersede();
    assert.equal(scans[1].superseded(), true);
    void scheduler.rescan();
    scheduler.dispose();
    assert.equal(scans[2].superseded(), true, 'dispose stops the running scan too');
  });

  it('a scan that finds nothing to scan (no editor) does not supersede the running one', async () => {
    let begin = true;
    const scans: (() => boolean)[] = [];
    const scheduler: ScanScheduler = new ScanScheduler(
      async () => {
        if (begin) scans.push(scheduler.begin());
      },
      () => assert.fail('no error')
    );
    void scheduler.rescan();
    begin = false;
    void scheduler.rescan();
    assert.equal(scans[0](), false);
    scheduler.dispose();
  });

  it('refreshing waits for the newest scan, also one started while it waited', async () => {
    const finished: number[] = [];
    let started = 0;
    const scheduler: ScanScheduler = new ScanScheduler(
      async () => {
        const n = ++started;
        scheduler.begin();
        if (n === 1) setTimeout(() => void scheduler.rescan(), 5); // a change arrives during the first scan
        await sleep(n === 1 ? 20 : 40);
        finished.push(n);
      },
      () => assert.fail('no error')
    );
    await scheduler.rescanAndSettle(false);
    assert.deepEqual(finished, [1, 2], 'returned only after the later scan finished');
    scheduler.dispose();
  });

  it('a scan that throws reaches onError, and the promise of it resolves (no unhandled rejection behind a timer)', async () => {
    const { scheduler, errors } = recorded(async () => {
      throw new Error('scanner bug');
    });
    await scheduler.rescan();
    await scheduler.rescanAndSettle(false);
    scheduler.opened(true, () => 1);
    await sleep(20);
    assert.deepEqual(
      errors.map((e) => (e as Error).message),
      ['scanner bug', 'scanner bug', 'scanner bug']
    );
    scheduler.dispose();
  });

  it('dispose cancels a scan waiting for its debounce', async () => {
    const { scheduler, scans } = recorded();
    scheduler.opened(true, () => 10);
    scheduler.dispose();
    await sleep(30);
    assert.equal(scans.length, 0);
  });
});
