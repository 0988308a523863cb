// The getaddrinfo panel where it really opens: beside an editor, about half the window (~480 px). The address of
// every row must be on screen without a horizontal scroll; Enter resolves from any field; opened with nothing to
// resolve, the host field is empty and focused, with a hint, never a pre-filled host without its answer.
import * as path from 'path';
import { FIXTURE } from '../fixtures/dns/zone';
import { addrinfoFrame, bounded, expect, pickFromQuickInput, quickOpenFile, resolveInPanel, runCommand, textOf, waitUntil, type UiContext, type UiScenario } from './driver';
import { REPO_ROOT } from '../support/paths';

const { alias, canonical, v4, v6 } = FIXTURE.cnameChain;
const PANEL_WIDTH = 480;
const VIEWPORT = { width: 1400, height: 900 };

/** The width of the panel's webview, in CSS pixels. */
async function panelWidth(ctx: UiContext): Promise<number> {
  const box = await ctx.page.locator('iframe.webview.ready').first().boundingBox();
  if (!box) throw new Error('the getaddrinfo panel is not on screen');
  return box.width;
}

/** What overflows the panel horizontally: page scroll, output scroll, and table cells past the right edge. */
interface Layout {
  viewportWidth: number;
  pageScrolls: boolean;
  outputScrolls: boolean;
  /** Address cells: their text and whether all of it is inside the panel. */
  addresses: { text: string; inside: boolean }[];
  canonnameInside: boolean;
}

async function layout(ctx: UiContext): Promise<Layout> {
  return addrinfoFrame(ctx.page)
    .locator('body')
    .evaluate((body): Layout => {
      const width = document.documentElement.clientWidth;
      const inside = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.left >= 0 && r.right <= width + 0.5;
      };
      const output = body.querySelector('#output');
      const canonname = [...body.querySelectorAll('td.col-canonname')].find((td) => (td.textContent ?? '').trim() !== '');
      return {
        viewportWidth: width,
        pageScrolls: document.documentElement.scrollWidth > width + 1,
        outputScrolls: output !== null && output.scrollWidth > output.clientWidth + 1,
        addresses: [...body.querySelectorAll('td.col-address')].map((td) => ({ text: (td.textContent ?? '').trim(), inside: inside(td) })),
        canonnameInside: canonname !== undefined && inside(canonname),
      };
    });
}

async function closeAllEditors(ctx: UiContext): Promise<void> {
  await pickFromQuickInput(ctx, '>View: Close All Editors', 'View: Close All Editors');
  await ctx.page.locator('.part.editor .tab').first().waitFor({ state: 'detached', timeout: bounded(ctx, 10_000) });
}

const narrowPanel: UiScenario = {
  name: 'getaddrinfo-narrow-panel',
  async run(ctx) {
    const { page } = ctx;
    try {
      // Where the panel opens for a user: beside the editor they are reading.
      await closeAllEditors(ctx);
      await quickOpenFile(ctx, 'app.yaml', alias);
      await runCommand(ctx, 'netlens.showGetaddrinfo');
      await addrinfoFrame(page).locator('#host').waitFor({ state: 'visible', timeout: bounded(ctx, 15_000) });
      // Make it about PANEL_WIDTH wide: the two editor groups share whatever the window gains or loses.
      let viewport = VIEWPORT.width;
      const width = await waitUntil(ctx, `the panel to be about ${PANEL_WIDTH} px wide`, 10_000, async () => {
        const w = await panelWidth(ctx);
        if (Math.abs(w - PANEL_WIDTH) <= 16) return w;
        viewport = Math.round(viewport - 2 * (w - PANEL_WIDTH));
        await page.setViewportSize({ width: viewport, height: VIEWPORT.height });
        return undefined;
      }, 500);
      await resolveInPanel(ctx, alias);
      const seen = await waitUntil(ctx, `the rows for ${alias}`, 10_000, async () => {
        const l = await layout(ctx);
        return l.addresses.some((a) => a.text === v4) && l.addresses.some((a) => a.text === v6) ? l : undefined;
      });
      const summary = JSON.stringify(seen);
      expect(!seen.pageScrolls && !seen.outputScrolls, `nothing scrolls sideways at ${width.toFixed(0)} px: ${summary}`);
      expect(seen.addresses.length === 6 && seen.addresses.every((a) => a.inside), `every row's address is on screen at ${width.toFixed(0)} px: ${summary}`);
      expect(seen.canonnameInside, `the canonical name (${canonical}) is on screen: ${summary}`);
      await page.screenshot({ path: path.join(REPO_ROOT, '.test-output', 'ui', `panel-${Math.round(width)}px.png`) });

      // Enter in a select resolves (a text field submits by itself; a select or a checkbox does not).
      const frame = addrinfoFrame(page);
      await frame.locator('#family').selectOption('AF_INET');
      await frame.locator('#family').focus();
      await page.keyboard.press('Enter');
      await waitUntil(ctx, 'Enter in the family field to resolve AF_INET only', 10_000, async () => {
        const call = await textOf(frame.locator('#output pre.call'));
        const l = await layout(ctx);
        return call.includes('socket.AF_INET,') && l.addresses.length === 3 && l.addresses.every((a) => a.text === v4);
      });
      // And in a flag checkbox.
      await frame.locator('input[name=flag][value=AI_ADDRCONFIG]').focus();
      await page.keyboard.press('Enter');
      await waitUntil(ctx, 'Enter on a flag checkbox to resolve', 10_000, async () => (await textOf(frame.locator('#output pre.call'))).includes('AI_CANONNAME'));
      await frame.locator('#family').selectOption('AF_UNSPEC');
    } finally {
      await page.setViewportSize(VIEWPORT);
    }
  },
};

const emptyPanel: UiScenario = {
  name: 'getaddrinfo-opened-without-host',
  async run(ctx) {
    const { page } = ctx;
    // No editor and no panel: the command has no host to start from.
    await closeAllEditors(ctx);
    await runCommand(ctx, 'netlens.showGetaddrinfo');
    const frame = addrinfoFrame(page);
    const host = frame.locator('#host');
    await host.waitFor({ state: 'visible', timeout: bounded(ctx, 15_000) });
    const state = await waitUntil(ctx, 'the empty, focused host field with its hint', 5000, async () => {
      const s = await frame.locator('body').evaluate(() => ({
        value: (document.getElementById('host') as HTMLInputElement | null)?.value,
        focused: document.activeElement?.id,
        hint: document.getElementById('status')?.textContent ?? '',
        table: document.querySelectorAll('#output table').length,
      }));
      return s.focused === 'host' && s.hint !== '' ? s : undefined;
    });
    expect(state.value === '' && state.table === 0, `no pre-filled host and no table: ${JSON.stringify(state)}`);
    // Typing a host and Enter resolves it.
    await page.keyboard.type(FIXTURE.v4only.name, { delay: 10 });
    await page.keyboard.press('Enter');
    await waitUntil(ctx, `the answer for ${FIXTURE.v4only.name}`, 10_000, async () => (await layout(ctx)).addresses.some((a) => a.text === FIXTURE.v4only.v4));
  },
};

export const PANEL_SCENARIOS: readonly UiScenario[] = [emptyPanel, narrowPanel];
