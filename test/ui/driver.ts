// Driving the VS Code workbench (code-server in Chromium, via playwright-core) as a person would: keyboard for the
// command palette and Quick Open, the real mouse for hovers and tree twisties. Used by the UI scenarios
// (test/ui/scenarios.ts) that runUiTests (test/integration/runInCodeServer.ts) runs. Plain Node: no `vscode` here.
//
// Every wait is condition-based and bounded: by its own limit and by the run's overall deadline (ctx.remaining()).
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../support/paths';

export interface UiContext {
  page: Page;
  /** The (temporary copy of the) workspace folder the editor has open. */
  workspace: string;
  /** Milliseconds left before the run's overall deadline. */
  remaining(): number;
  log(msg: string): void;
  /** Where a scenario may leave a file for diagnosis (beside the screenshots). */
  artifactPath(file: string): string;
}

export interface UiScenario {
  /** File-name friendly: the screenshot is `<n>-<name>.png`. */
  name: string;
  /** Rejects (with a message saying what was expected and what was seen) if the check fails. */
  run(ctx: UiContext): Promise<void>;
}

/** A short pause for the UI to settle between key presses; never used to wait for a result. */
const SETTLE_MS = 100;

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** `ms`, but never past the overall deadline (at least 500 ms, so a late step still fails with its own message). */
export function bounded(ctx: UiContext, ms: number): number {
  return Math.max(500, Math.min(ms, ctx.remaining()));
}

/** Polls `probe` until it returns something other than undefined/false; then returns it. */
export async function waitUntil<T>(ctx: UiContext, what: string, timeoutMs: number, probe: () => Promise<T | undefined | false>, intervalMs = 200): Promise<T> {
  const end = Date.now() + bounded(ctx, timeoutMs);
  let lastError = '';
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err instanceof Error ? err.message.split('\n')[0] : String(err);
    }
    if (Date.now() >= end) throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}`);
    await sleep(intervalMs);
  }
}

export function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Whitespace-normalised text of a locator (non-breaking spaces from the editor's rendering included). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/[\s\u00a0]+/g, ' ').trim();
}

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

export function quickInputBox(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-box input');
}

/** Rows of the open quick input's list, as the screen shows them. */
export function quickInputRows(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
}

/** Esc until no quick input, hover or menu is left open, and the mouse away from the editor text. */
export async function resetUi(page: Page): Promise<void> {
  await page.mouse.move(700, 5);
  for (let i = 0; i < 3; i++) {
    const open = await quickInput(page).isVisible();
    const hover = await visibleHover(page).isVisible().catch(() => false);
    if (!open && !hover) return;
    await page.keyboard.press('Escape');
    await sleep(SETTLE_MS);
  }
}

/**
 * F1, then `text` in the quick input (">" + a command title runs commands; a file name without ">" is Quick
 * Open), then Enter once the *focused* row shows `rowText`. F1 rather than Ctrl+P / Ctrl+Shift+P: the browser may
 * keep those for itself.
 */
export async function pickFromQuickInput(ctx: UiContext, text: string, rowText: string, opts: { timeoutMs?: number; attemptMs?: number } = {}): Promise<void> {
  const { timeoutMs = 20_000, attemptMs = 6000 } = opts;
  const { page } = ctx;
  const t0 = Date.now();
  let attempts = 0;
  await waitUntil(ctx, `a focused row "${rowText}" after typing "${text}" in the quick input`, timeoutMs, async () => {
    attempts++;
    if (!(await quickInput(page).isVisible())) await page.keyboard.press('F1');
    await quickInputBox(page).fill(text, { timeout: bounded(ctx, 5000) });
    const focused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: rowText });
    try {
      // A command of an extension that is still starting can take a few seconds to be listed.
      await focused.waitFor({ state: 'visible', timeout: bounded(ctx, attemptMs) });
    } catch {
      const rows = await quickInputRows(page).allInnerTexts().catch(() => []);
      ctx.log(`quick input "${text}": no focused row "${rowText}" yet (rows: ${JSON.stringify(rows)}); again`);
      // Close it and wait until it is gone, so that the next attempt opens a fresh one.
      await page.keyboard.press('Escape');
      await quickInput(page).waitFor({ state: 'hidden', timeout: bounded(ctx, 5000) });
      return false;
    }
    await page.keyboard.press('Enter');
    return true;
  }, 0);
  ctx.log(`quick input "${text}": picked "${rowText}" after ${attempts} attempt(s), ${Date.now() - t0} ms`);
}

/**
 * The palette title of a contributed command ("NetLens: Resolve Hostname…"), as the manifest says today: category
 * and title, with `%key%` texts from package.nls.json. Read at run time, so that renaming a command does not
 * break the UI tests.
 */
export function commandTitle(commandId: string): string {
  interface Manifest {
    contributes?: { commands?: { command: string; title: string; category?: string }[] };
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
  const nlsFile = path.join(REPO_ROOT, 'package.nls.json');
  const nls = fs.existsSync(nlsFile) ? (JSON.parse(fs.readFileSync(nlsFile, 'utf8')) as Record<string, string>) : {};
  const text = (s: string): string => s.replace(/^%([^%]+)%$/, (whole, key: string) => nls[key] ?? whole);
  const entry = manifest.contributes?.commands?.find((c) => c.command === commandId);
  if (!entry) throw new Error(`package.json contributes no command ${commandId}`);
  return entry.category ? `${text(entry.category)}: ${text(entry.title)}` : text(entry.title);
}

/** Runs a contributed command from the palette, typing its full title. */
export async function runCommand(ctx: UiContext, commandId: string): Promise<void> {
  const title = commandTitle(commandId);
  await pickFromQuickInput(ctx, `>${title}`, title);
}

/** Opens a workspace file by name through Quick Open and waits until the editor shows `expectText`. */
export async function quickOpenFile(ctx: UiContext, fileName: string, expectText: string): Promise<void> {
  // The session's first file search waits for the extension host (it runs the search): ~5–10 s after start-up.
  await pickFromQuickInput(ctx, fileName, fileName, { timeoutMs: 25_000, attemptMs: 15_000 });
  await ctx.page.locator('.part.editor .tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout: bounded(ctx, 10_000) });
  await editorLine(ctx.page, expectText).waitFor({ state: 'visible', timeout: bounded(ctx, 10_000) });
}

/**
 * Writes `contents` to `fileName` in the workspace and opens it; resolves once the line with `expectText` is drawn.
 * Quick Open by absolute path: a file written after start-up may not be in the file search's index yet.
 */
export async function openNewFile(ctx: UiContext, fileName: string, contents: string, expectText: string): Promise<void> {
  const file = path.join(ctx.workspace, fileName);
  fs.writeFileSync(file, contents);
  await pickFromQuickInput(ctx, file, fileName, { timeoutMs: 25_000 });
  await ctx.page.locator('.part.editor .tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout: bounded(ctx, 10_000) });
  await editorLine(ctx.page, expectText).waitFor({ state: 'visible', timeout: bounded(ctx, 10_000) });
}

/** The rendered line of the active text editor that contains `text`. */
export function editorLine(page: Page, text: string): Locator {
  return page.locator('.part.editor .editor-instance .monaco-editor .view-lines .view-line', { hasText: text }).first();
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where `text` is drawn in the editor: the bounding box of exactly those characters. The editor splits a line into
 * one span per token, so the characters are located by their offsets in the line's text nodes.
 */
export async function textBox(page: Page, text: string): Promise<Box | undefined> {
  return page.evaluate((needle: string): Box | undefined => {
    const lines = document.querySelectorAll('.part.editor .editor-instance .monaco-editor .view-lines .view-line');
    for (const line of Array.from(lines)) {
      const full = (line.textContent ?? '').replace(/\u00a0/g, ' ');
      const at = full.indexOf(needle);
      if (at < 0) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.textContent?.length ?? 0;
        if (!started && at < offset + len) {
          range.setStart(node, at - offset);
          started = true;
        }
        if (started && at + needle.length <= offset + len) {
          range.setEnd(node, at + needle.length - offset);
          const r = range.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }
        offset += len;
      }
    }
    return undefined;
  }, text);
}

/** The editor's hover while it is shown: its content. */
export function visibleHover(page: Page): Locator {
  return page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
}

/**
 * Moves the mouse out of the editor, onto the status bar, and waits until no hover is shown: only then is the next
 * hover over a word a new request to the providers. VS Code keeps a hover while the mouse is over it or comes back
 * within editor.hover.hidingDelay (300 ms), and a word hovered while its hover is still up gets that same hover
 * again. Moving 3 lines up for 100 ms, as this did before, landed on the hover itself (it opens above the line) and
 * every "hover again" re-read the first "resolving…": the cause of hover-alias failing in CI, where the helper's
 * cold start took longer than the hover's 400 ms wait.
 */
export async function dismissHover(ctx: UiContext): Promise<void> {
  const { page } = ctx;
  const bar = await page.locator('.monaco-workbench .part.statusbar').boundingBox();
  if (!bar) throw new Error('the status bar is not on screen');
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2, { steps: 3 });
  await visibleHover(page).waitFor({ state: 'hidden', timeout: bounded(ctx, 5000) });
}

/**
 * Moves the real mouse onto `text` in the editor and returns the hover's text once `accept` says it is the final
 * answer. A hover that is not final ("resolving…") is dismissed by moving away, and the word is hovered again.
 */
export async function hoverText(ctx: UiContext, text: string, accept: (hover: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const { page } = ctx;
  let seen = '(no hover)';
  const t0 = Date.now();
  let attempts = 0;
  try {
    const final = await waitUntil<string>(ctx, `a hover over "${text}"`, timeoutMs, async () => {
      attempts++;
      const box = await textBox(page, text);
      if (!box) throw new Error(`"${text}" is not on screen`);
      await dismissHover(ctx);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      const hover = visibleHover(page);
      await hover.waitFor({ state: 'visible', timeout: bounded(ctx, 5000) });
      // The hover fills in while visible; give its text a moment to reach its final form.
      const final = await waitUntil(ctx, 'the hover text', 2500, async () => {
        seen = await textOf(hover);
        return accept(seen) ? seen : undefined;
      }, 100).catch((): false => false);
      if (final === false) ctx.log(`hover over "${text}", attempt ${attempts}: not the answer yet: ${seen}`);
      return final;
    }, 0);
    ctx.log(`hover over "${text}": final answer after ${attempts} attempt(s), ${Date.now() - t0} ms`);
    return final;
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}; last hover text: ${seen}`);
  }
}

/**
 * The input box a command opened, once it is there: the quick input shows the command's own `title`, no `>` and no
 * rows. Until then the widget may still be the command palette the command was picked from, and what is typed
 * would go to the palette.
 */
export async function commandInputBox(ctx: UiContext, title: string, timeoutMs = 30_000): Promise<Locator> {
  const { page } = ctx;
  const input = quickInputBox(page);
  await waitUntil(ctx, `the input box "${title}"`, timeoutMs, async () =>
    (await quickInput(page).isVisible()) &&
    (await textOf(page.locator('.quick-input-widget .quick-input-title'))).includes(title) &&
    !(await input.inputValue()).startsWith('>') &&
    (await quickInputRows(page).count()) === 0
  );
  return input;
}

/**
 * Right-clicks `target` and runs the context menu's item `itemText` with the keyboard (the item is focused by moving
 * the mouse onto it, then Enter). Not with a click: a VS Code menu item ignores mouse-up until 100 ms after the menu
 * is drawn (so that releasing the right button cannot pick an item), and a click sent sooner than a person could is
 * silently dropped: that was the cause of the flaky "Remove from History" step in persistence-two-windows.
 */
export async function pickFromContextMenu(ctx: UiContext, target: Locator, itemText: string): Promise<void> {
  const { page } = ctx;
  await target.click({ button: 'right', timeout: bounded(ctx, 10_000) });
  const item = page.locator('.context-view .monaco-menu .action-item', { has: page.locator('.action-label', { hasText: itemText }) }).first();
  await item.waitFor({ state: 'visible', timeout: bounded(ctx, 5000) });
  await waitUntil(ctx, `the context menu item "${itemText}" to take the focus`, 5000, async () => {
    await item.hover();
    return (await item.getAttribute('class'))?.split(/\s+/).includes('focused') ?? false;
  }, 50);
  await page.keyboard.press('Enter');
  await page.locator('.context-view .monaco-menu').waitFor({ state: 'detached', timeout: bounded(ctx, 5000) });
}

/** The pane of a view in the side bar ("Lookup History"), expanded. */
export async function openViewPane(ctx: UiContext, title: string): Promise<Locator> {
  const pane = ctx.page.locator('.part.sidebar .pane', { has: ctx.page.locator('.pane-header', { hasText: title }) }).first();
  const header = pane.locator('.pane-header').first();
  await header.waitFor({ state: 'visible', timeout: bounded(ctx, 10_000) });
  if ((await header.getAttribute('aria-expanded')) === 'false') {
    await header.click();
    await waitUntil(ctx, `the "${title}" pane to expand`, 5000, async () => (await header.getAttribute('aria-expanded')) === 'true');
  }
  return pane;
}

/** Collapses a side bar pane (to give the others room). */
export async function collapseViewPane(ctx: UiContext, title: string): Promise<void> {
  const header = ctx.page.locator('.part.sidebar .pane-header', { hasText: title }).first();
  await header.waitFor({ state: 'visible', timeout: bounded(ctx, 10_000) });
  if ((await header.getAttribute('aria-expanded')) === 'true') {
    await header.click();
    await waitUntil(ctx, `the "${title}" pane to collapse`, 5000, async () => (await header.getAttribute('aria-expanded')) === 'false');
  }
}

/** The tree row of a pane whose label is `label` (first line of its text). */
export function treeRow(pane: Locator, label: string): Locator {
  return pane.locator('.monaco-list-row', { has: pane.page().locator('.label-name', { hasText: label }) }).first();
}

/** Expands a tree row by clicking its twistie, as a person would, and waits for the row to say it is expanded. */
export async function expandTreeRow(ctx: UiContext, pane: Locator, label: string): Promise<void> {
  const row = treeRow(pane, label);
  await row.waitFor({ state: 'visible', timeout: bounded(ctx, 10_000) });
  if ((await row.getAttribute('aria-expanded')) !== 'true') {
    await row.locator('.monaco-tl-twistie').click();
  }
  await waitUntil(ctx, `tree row "${label}" to expand`, 5000, async () => (await row.getAttribute('aria-expanded')) === 'true');
}

/** The rendered rows of a pane's tree (those scrolled into view) as "label — description", top to bottom. */
export async function treeRowsText(pane: Locator): Promise<string[]> {
  const rows = await pane.locator('.monaco-list-row').all();
  const texts: string[] = [];
  for (const r of rows) {
    const name = await textOf(r.locator('.label-name').first());
    const description = r.locator('.label-description');
    texts.push((await description.count()) > 0 ? `${name} — ${await textOf(description.first())}` : name);
  }
  return texts;
}

/** The getaddrinfo panel's document: the webview's outer iframe, then VS Code's inner #active-frame. */
export function addrinfoFrame(page: Page): ReturnType<Page['frameLocator']> {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

/**
 * Puts `host` into the panel's host field and clicks Resolve. Typed key by key as a person would, or pasted in one
 * go (`paste`) for long or hostile strings that a keyboard would not type as they are.
 */
export async function resolveInPanel(ctx: UiContext, host: string, how: 'type' | 'paste' = 'type'): Promise<void> {
  const frame = addrinfoFrame(ctx.page);
  const hostInput = frame.locator('#host');
  await hostInput.waitFor({ state: 'visible', timeout: bounded(ctx, 15_000) });
  if (how === 'paste') {
    await hostInput.fill(host);
  } else {
    await hostInput.click();
    await hostInput.fill('');
    await hostInput.pressSequentially(host, { delay: 10 });
  }
  await frame.locator('button[type=submit]').click();
}
