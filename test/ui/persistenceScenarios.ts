// "Nothing lost" (issue 8), checked on screen: the Lookup History and the getaddrinfo panel across a second window
// on the same workspace (a second browser tab = a second extension host), a helper killed with SIGKILL in the
// middle of a lookup, and a reload of the window. Self-contained: each scenario opens what it needs, so that
// NETLENS_TEST_GREP=persistence runs them alone. The second window is closed at the end (or on a failure), so
// later scenarios see one window again.
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { FIXTURE } from '../fixtures/dns/zone';
import {
  addrinfoFrame,
  bounded,
  collapseViewPane,
  commandInputBox,
  commandTitle,
  expect,
  openViewPane,
  pickFromContextMenu,
  pickFromQuickInput,
  quickInputRows,
  resetUi,
  runCommand,
  sleep,
  textOf,
  waitUntil,
  type UiContext,
  type UiScenario,
} from './driver';

const SLOW = FIXTURE.slowWildcard;
const HOST_A = FIXTURE.v4only.name;
const HOST_B = FIXTURE.v6only.name;
/**
 * Answers after 0.8 s, so that the helper can be killed while the lookup is on its way (and within the fixture
 * resolver's 1 s timeout, so that the retried lookup gets the answer).
 */
const slowName = (label: string): string => `${label}.800ms.${SLOW.suffix}`;
const CRASH_HOST = slowName('crash-history');
const PANEL_HOST = slowName('crash-panel');
const TYPED_NOT_SUBMITTED = 'typed-but-not-submitted.netlens.test';

let second: Page | undefined;

/** The same workspace in a second tab: code-server gives it its own extension host, as a second window would. */
async function secondWindow(ctx: UiContext): Promise<UiContext> {
  if (!second || second.isClosed()) {
    await webviewWorkerInstalled(ctx);
    second = await ctx.page.context().newPage();
    await second.setViewportSize({ width: 1400, height: 900 });
    await second.goto(ctx.page.url(), { waitUntil: 'domcontentloaded', timeout: bounded(ctx, 30_000) });
    await second.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: bounded(ctx, 30_000) });
    ctx.log('second window open on the same workspace');
  }
  return { ...ctx, page: second, log: (m) => ctx.log(`[window 2] ${m}`) };
}

/**
 * Opens the getaddrinfo panel in window 1 before a second window exists. The editor's webview bootstrap
 * (code-server 4.139's webview/browser/pre/index.html) waits for a `controllerchange` of its service worker when it
 * registers it for the first time; when that first registration happens while a second tab of the workbench is open,
 * the event can come before the listener and the webview never shows its content: seen in 4 of 4 runs of the
 * persistence scenarios alone (2 of 3 in an earlier session) — the webview host frame had the service worker as its controller and the marks
 * `scriptStart, signalingReady, content/started` but never `content/workerReady`, and no inner frame. In a full run
 * the earlier scenarios had registered the worker before the second window opened, so they always passed. Installing
 * it first makes these scenarios independent of what ran before them.
 */
async function webviewWorkerInstalled(ctx: UiContext): Promise<void> {
  await front(ctx);
  await runCommand(ctx, 'netlens.showGetaddrinfo');
  await addrinfoFrame(ctx.page).locator('#host').waitFor({ state: 'visible', timeout: bounded(ctx, 60_000) });
}

async function closeSecondWindow(ctx: UiContext): Promise<void> {
  if (second && !second.isClosed()) await second.close().catch(() => undefined);
  second = undefined;
  ctx.log('second window closed');
}

/**
 * Runs `body`; on a failure the second window is closed too, so that it cannot disturb later scenarios — after a
 * screenshot of it (the run's own failure screenshot shows only window 1, which hid the cause of a failure seen once
 * in window 2: persistence-two-windows waited 30 s for Resolve Hostname's rows there).
 */
async function closingOnFailure(ctx: UiContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    // What window 1's webviews were doing: a panel that never draws has its iframe without `ready`, or none at all.
    const state = await ctx.page
      .evaluate(() => ({
        visibility: document.visibilityState,
        focus: document.hasFocus(),
        webviews: [...document.querySelectorAll('iframe.webview')].map((f) => `${f.className} ${(f as HTMLIFrameElement).src.replace(/^.*\/pre\//, 'pre/').slice(0, 160)}`),
      }))
      .catch((e: unknown) => String(e));
    ctx.log(`window 1 at the failure: ${JSON.stringify(state)}`);
    for (const frame of ctx.page.frames().filter((f) => f.url().includes('/pre/index.html'))) {
      const inner = await frame
        .evaluate(() => ({
          controller: navigator.serviceWorker?.controller?.scriptURL.replace(/^.*\/pre\//, 'pre/').slice(0, 60) ?? null,
          frames: [...document.querySelectorAll('iframe')].map((f) => `${f.id} ${f.src.replace(/^.*\/pre\//, 'pre/').slice(0, 80)} ${f.style.visibility}`),
          marks: performance.getEntriesByType('mark').map((m) => m.name),
        }))
        .catch((e: unknown) => String(e));
      ctx.log(`  its webview host frame: ${JSON.stringify(inner)}; child frames: ${frame.childFrames().map((c) => c.url().slice(-60)).join(' | ')}`);
    }
    if (second && !second.isClosed()) {
      const shot = ctx.artifactPath('window2-failure.png');
      await second.screenshot({ path: shot }).then(() => ctx.log(`window 2 screenshot: ${shot}`), () => undefined);
    }
    await closeSecondWindow(ctx);
    throw err;
  }
}

/**
 * Brings the window's tab to the front before using it: Chromium throttles animation frames in a background tab,
 * and the workbench draws trees and quick inputs in them.
 */
async function front(ctx: UiContext): Promise<void> {
  await ctx.page.bringToFront();
}

/** The NetLens side bar with the Lookup History pane open (and room for it). */
async function historyPane(ctx: UiContext): ReturnType<typeof openViewPane> {
  await front(ctx);
  const icon = ctx.page.locator('.part.activitybar .action-item a.action-label[aria-label^="NetLens"]');
  await icon.waitFor({ state: 'visible', timeout: bounded(ctx, 20_000) });
  if (!(await ctx.page.locator('.part.sidebar .pane-header', { hasText: 'Lookup History' }).first().isVisible())) await icon.click();
  await collapseViewPane(ctx, 'This Machine');
  await collapseViewPane(ctx, 'Hosts in This File');
  return openViewPane(ctx, 'Lookup History');
}

/** The hosts the Lookup History tree shows (top-level rows), top to bottom. */
async function historyHosts(ctx: UiContext): Promise<string[]> {
  const pane = await historyPane(ctx);
  const labels = await pane.locator('.monaco-list-row[aria-level="1"] .label-name').allInnerTexts();
  return labels.map((l) => l.trim());
}

/** Waits until the tree shows each of `hosts` exactly once; returns the whole list. */
async function expectHistoryOnce(ctx: UiContext, hosts: readonly string[], what: string, timeoutMs = 20_000): Promise<string[]> {
  let seen: string[] = [];
  try {
    return await waitUntil(ctx, what, timeoutMs, async () => {
      seen = await historyHosts(ctx);
      return hosts.every((h) => seen.filter((s) => s === h).length === 1) ? seen : undefined;
    });
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}: the Lookup History shows ${JSON.stringify(seen)}, expected each of ${JSON.stringify(hosts)} once`);
  }
}

/** NetLens: Resolve Hostname… for `host`; returns the address rows of the answer (then closes the quick pick). */
async function resolveHostname(ctx: UiContext, host: string, expectAddress: string, duringLookup?: () => Promise<void>): Promise<string[]> {
  const { page } = ctx;
  await front(ctx);
  // Generous: in a window that just opened, the extension may still be starting.
  const title = commandTitle('netlens.resolveHostname');
  await pickFromQuickInput(ctx, `>${title}`, title, { timeoutMs: 60_000, attemptMs: 10_000 });
  const input = await commandInputBox(ctx, 'NetLens: Resolve Hostname');
  await input.fill(host);
  await page.keyboard.press('Enter');
  await duringLookup?.();
  const rows = await waitUntil(ctx, `the answer for ${host} (${expectAddress})`, 30_000, async () => {
    const texts = (await quickInputRows(page).allInnerTexts()).map((t) => t.replace(/[\s\u00a0]+/g, ' ').trim());
    return texts.some((t) => t.startsWith(expectAddress)) ? texts : undefined;
  });
  await resetUi(page);
  return rows;
}

/**
 * The resolver helpers of this editor (one per extension host): the processes running the installed
 * extension's dist/helper.js. Found by their command line in /proc, not by pgrep on a pattern, so that the
 * helpers of other editors on the machine are never touched.
 */
function helperPids(ctx: UiContext): number[] {
  const installed = path.join(path.dirname(ctx.workspace), 'extensions');
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let cmdline: string[];
    try {
      cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited meanwhile
    }
    if (cmdline.some((arg) => arg.startsWith(installed) && arg.endsWith(`${path.sep}dist${path.sep}helper.js`))) pids.push(Number(name));
  }
  return pids;
}

/** SIGKILL to every helper of this editor: a crash, not a shutdown (no message, no grace period). */
async function killHelpers(ctx: UiContext): Promise<number[]> {
  const pids = await waitUntil(ctx, 'a running resolver helper', 5000, async () => {
    const found = helperPids(ctx);
    return found.length > 0 ? found : undefined;
  }, 50);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  ctx.log(`SIGKILL to helper pid(s) ${pids.join(', ')}`);
  return pids;
}

/** Every cell of the panel's table (addresses among them). */
async function panelAddresses(page: Page): Promise<string[]> {
  return addrinfoFrame(page)
    .locator('#output > table tbody td')
    .evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').trim()));
}

/**
 * Fills the panel's fields and checks that they show what was typed before the test goes on. Once (a cold CI run,
 * 1 of 21 runs of this scenario) the port field was empty at the Resolve click, though the host typed just before
 * it was kept: a failure here names the field and lists the focus and input events the panel's document saw, and
 * whether it is still the document the typing started in, to tell a lost keystroke from a reloaded page.
 */
async function typeInto(ctx: UiContext, frame: FrameLocator, fields: [Locator, string][]): Promise<void> {
  const body = frame.locator('body');
  await body.evaluate(() => {
    const w = window as unknown as { netlensTyping?: string[] };
    w.netlensTyping = [];
    const log = w.netlensTyping;
    for (const type of ['focusin', 'focusout', 'input'])
      window.addEventListener(type, (e) => log.push(`${Math.round(performance.now())} ms ${type} ${(e.target as HTMLElement).id || (e.target as HTMLElement).tagName}`), true);
  });
  for (const [field, value] of fields) {
    await field.fill(value);
    const shown = await field.inputValue();
    if (shown !== value) {
      const seen = await body.evaluate(() => (window as unknown as { netlensTyping?: string[] }).netlensTyping ?? 'none: a new document');
      const top = await ctx.page.evaluate(() => `${document.activeElement?.tagName ?? ''}.${String(document.activeElement?.className ?? '').slice(0, 60)}`);
      throw new Error(`the field shows "${shown}" after "${value}" was typed into it; the panel's events: ${JSON.stringify(seen)}; the workbench's focus: ${top}`);
    }
  }
}

const twoWindows: UiScenario = {
  name: 'persistence-two-windows',
  async run(ctx) {
    await closingOnFailure(ctx, async () => {
      const ctx2 = await secondWindow(ctx);
      // One lookup in each window: each window's tree shows both, once.
      await resolveHostname(ctx, HOST_A, FIXTURE.v4only.v4);
      await resolveHostname(ctx2, HOST_B, FIXTURE.v6only.v6);
      await expectHistoryOnce(ctx, [HOST_A, HOST_B], 'window 1 to show both windows\' lookups');
      await expectHistoryOnce(ctx2, [HOST_A, HOST_B], 'window 2 to show both windows\' lookups');
      // The same host again from the other window: still one entry, now on top in both.
      await resolveHostname(ctx2, HOST_A, FIXTURE.v4only.v4);
      for (const c of [ctx, ctx2]) {
        const hosts = await expectHistoryOnce(c, [HOST_A, HOST_B], 'one entry per host after a second lookup');
        expect(hosts[0] === HOST_A, `the newest lookup (${HOST_A}) is on top: ${JSON.stringify(hosts)}`);
      }
      // Remove from History in window 2 (the row's context menu): gone from window 1 too.
      const pane2 = await historyPane(ctx2);
      const row = pane2.locator('.monaco-list-row[aria-level="1"]', { has: ctx2.page.locator('.label-name', { hasText: HOST_B }) }).first();
      await pickFromContextMenu(ctx2, row, 'Remove from History');
      // Window 2 first: a failure then says whether the removal itself or its way to window 1 went wrong.
      await waitUntil(ctx, `${HOST_B} to leave window 2's own history`, 20_000, async () => !(await historyHosts(ctx2)).includes(HOST_B));
      await waitUntil(ctx, `${HOST_B} to leave window 1's history`, 20_000, async () => !(await historyHosts(ctx)).includes(HOST_B));
      await expectHistoryOnce(ctx, [HOST_A], `window 1 to keep ${HOST_A}`);
    });
  },
};

const helperCrash: UiScenario = {
  name: 'persistence-helper-crash',
  async run(ctx) {
    await closingOnFailure(ctx, async () => {
      const before = await historyHosts(ctx);
      // SIGKILL while the lookup waits for the DNS server: the client retries on a new helper, the user gets
      // the answer, and the history keeps every entry it had plus this one.
      let killed: number[] = [];
      await resolveHostname(ctx, CRASH_HOST, SLOW.v4, async () => {
        await sleep(300);
        killed = await killHelpers(ctx);
      });
      const after = await expectHistoryOnce(ctx, [CRASH_HOST, ...before], 'the history after the helper crash');
      expect(after.length === before.length + 1, `nothing lost, nothing doubled: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
      const now = helperPids(ctx);
      expect(now.every((p) => !killed.includes(p)) && now.length > 0, `a new helper answered (killed ${killed.join(', ')}, running ${now.join(', ')})`);
      if (second) await expectHistoryOnce(await secondWindow(ctx), [CRASH_HOST, ...before], 'window 2 to show the lookup made through the crash');

      // The getaddrinfo panel: a lookup in flight when the helper dies shows its answer, and the form keeps what
      // was typed (a port name the user entered too).
      await front(ctx);
      await runCommand(ctx, 'netlens.showGetaddrinfo');
      const frame = addrinfoFrame(ctx.page);
      const host = frame.locator('#host');
      const port = frame.locator('#port');
      await host.waitFor({ state: 'visible', timeout: bounded(ctx, 60_000) });
      await typeInto(ctx, frame, [
        [host, PANEL_HOST],
        [port, 'https'],
      ]);
      await frame.locator('button[type=submit]').click();
      await sleep(300);
      await killHelpers(ctx);
      const addresses = await waitUntil(ctx, `the panel's answer for ${PANEL_HOST} after the crash`, 30_000, async () => {
        const found = await panelAddresses(ctx.page);
        const error = frame.locator('#output > .error');
        if ((await error.count()) > 0) throw new Error(`the panel shows an error: ${await textOf(error.first())}`);
        return found.includes(SLOW.v4) ? found : undefined;
      });
      expect(addresses.includes(SLOW.v6), `both addresses of ${PANEL_HOST}: ${JSON.stringify(addresses)}`);
      expect((await host.inputValue()) === PANEL_HOST && (await port.inputValue()) === 'https', `the form kept what was typed: host "${await host.inputValue()}", port "${await port.inputValue()}"`);
    });
  },
};

const reload: UiScenario = {
  name: 'persistence-reload',
  async run(ctx) {
    try {
      const before = await historyHosts(ctx);
      await front(ctx);
      const frame = addrinfoFrame(ctx.page);
      // Typed, not submitted: must survive the reload as well.
      await frame.locator('#host').fill(TYPED_NOT_SUBMITTED);
      // setState travels to the workbench by message: give it a moment, then reload as a user does (F1, Developer:
      // Reload Window), and wait for the new workbench.
      await sleep(500);
      const oldBody = await ctx.page.locator('body').elementHandle();
      await pickFromQuickInput(ctx, '>Developer: Reload Window', 'Developer: Reload Window');
      await waitUntil(ctx, 'the window to reload', 30_000, async () => oldBody === null || !(await oldBody.evaluate((b) => b.isConnected).catch(() => false)));
      await ctx.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: bounded(ctx, 30_000) });
      ctx.log('window 1 reloaded');
      // The panel is drawn once the new extension host has started NetLens: on a loaded machine (2 cores, other
      // editors running) that was seen to take ~45 s after a reload.
      const afterReloadMs = 90_000;

      // The panel comes back (serializer) with the form as it was and the last answer's table.
      const restored = addrinfoFrame(ctx.page);
      await restored.locator('#host').waitFor({ state: 'visible', timeout: bounded(ctx, afterReloadMs) });
      const form = await waitUntil(ctx, 'the restored form', 10_000, async () => {
        const values = { host: await restored.locator('#host').inputValue(), port: await restored.locator('#port').inputValue() };
        return values.host === TYPED_NOT_SUBMITTED ? values : undefined;
      });
      expect(form.port === 'https', `the port field kept "https": ${JSON.stringify(form)}`);
      const addresses = await waitUntil(ctx, 'the restored table', 10_000, async () => {
        const found = await panelAddresses(ctx.page);
        return found.includes(SLOW.v4) ? found : undefined;
      });
      expect(addresses.includes(SLOW.v6), `the last answer's rows are back: ${JSON.stringify(addresses)}`);

      // The history, read back from disk by the new extension host: the same entries, once each.
      const after = await expectHistoryOnce(ctx, before, 'the history after the reload', afterReloadMs);
      expect(after.length === before.length, `the same entries after the reload: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);

      // Clear Lookup History in window 2 clears window 1's tree too.
      if (second) {
        const ctx2 = await secondWindow(ctx);
        await front(ctx2);
        await runCommand(ctx2, 'netlens.clearHistory');
        await waitUntil(ctx, 'window 1\'s history to be cleared by window 2', 20_000, async () => (await historyHosts(ctx)).length === 0);
      }
    } finally {
      await closeSecondWindow(ctx);
    }
  },
};

export const PERSISTENCE_SCENARIOS: readonly UiScenario[] = [twoWindows, helperCrash, reload];
