// UI scenarios with hostile data from the DNS fixture (zone.ts: FIXTURE.hostile): names that are markup, markdown
// links to foreign commands and web pages, a bare command URI, emphasis and `$(icon)` syntax, shown by the real
// workbench. On screen, each must be its literal text, and nothing from data may become an element: no <img>,
// <script> or <a> from data, no link but NetLens's own commands, no icon. The webview's CSP is checked here too.
// They do not depend on the scenarios before them (NETLENS_TEST_GREP=hostile runs them alone).
import type { Locator } from 'playwright-core';
import { FIXTURE, HOSTILE_KEYS } from '../fixtures/dns/zone';
import {
  addrinfoFrame,
  bounded,
  collapseViewPane,
  expandTreeRow,
  expect,
  hoverText,
  openViewPane,
  quickInput,
  quickInputBox,
  openNewFile,
  quickInputRows,
  resetUi,
  resolveInPanel,
  runCommand,
  textOf,
  treeRowsText,
  waitUntil,
  visibleHover,
  type UiContext,
  type UiScenario,
} from './driver';

const HOSTILE = FIXTURE.hostile.strings;
const FILE = 'hostile-names.ini';
/** Elements that data must never become. */
const MARKUP = 'img, script, iframe, object, embed, svg, a[href^="http"], a[data-href^="http"]';

let checks = 0;
function check(condition: boolean, message: string): void {
  checks++;
  expect(condition, message);
}

/** Links and icons inside one rendered piece of the workbench (a hover, a quick pick, a tree). */
async function foreignElements(scope: Locator): Promise<{ markup: number; links: string[]; icons: number }> {
  return {
    markup: await scope.locator(MARKUP).count(),
    // Anchors with a target (the workbench's own action buttons are anchors without one).
    links: (await scope.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''))).filter(Boolean),
    icons: await scope.locator('.codicon-zap').count(),
  };
}

const hostileHover: UiScenario = {
  name: 'hostile-hover',
  async run(ctx) {
    const lines = HOSTILE_KEYS.flatMap((k) => [`name_${k} = ${HOSTILE[k].hostsName}`, `addr_${k} = ${HOSTILE[k].hostsV4}`]);
    await openNewFile(ctx, FILE, `${lines.join('\n')}\n`, HOSTILE.img.hostsName);
    for (const k of HOSTILE_KEYS) {
      const h = HOSTILE[k];
      for (const [target, what] of [[h.hostsName, 'canonical name'], [h.hostsV4, 'reverse name']] as const) {
        // hoverText closes the previous hover first (it may cover this line), then waits for this one's answer.
        const shown = await hoverText(ctx, target, (t) => t.startsWith(`NetLens · ${target}`) && (t.includes(h.hostsCanonical) || t.includes('✗')));
        check(shown.includes(h.hostsCanonical), `${k}: the hover over ${target} shows the ${what} ${h.hostsCanonical} as text: ${shown}`);
        const hover = visibleHover(ctx.page);
        const found = await foreignElements(hover);
        check(found.markup === 0, `${k}: no element made from data in the hover over ${target} (${found.markup})`);
        check(found.links.every((l) => l.startsWith('command:netlens.')), `${k}: only NetLens command links in the hover over ${target}: ${JSON.stringify(found.links)}`);
        check(found.icons === 0, `${k}: $(zap) is text, not an icon, in the hover over ${target}`);
      }
    }
  },
};

const hostileTrees: UiScenario = {
  name: 'hostile-trees',
  async run(ctx) {
    const { page } = ctx;
    if (!(await page.locator('.part.editor .tab.active', { hasText: FILE }).isVisible())) await hostileHover.run(ctx);
    // The activity bar icon toggles: click it only if the NetLens side bar is not showing already.
    if (!(await page.locator('.part.sidebar .pane-header', { hasText: 'Hosts in This File' }).first().isVisible())) {
      await page.locator('.part.activitybar .action-item a.action-label[aria-label^="NetLens"]').click({ timeout: bounded(ctx, 10_000) });
    }
    // Room for every host and its answer: only rows scrolled into view are rendered (and read).
    await collapseViewPane(ctx, 'This Machine');
    await collapseViewPane(ctx, 'Lookup History');
    const pane = await openViewPane(ctx, 'Hosts in This File');
    for (const k of ['emphasis', 'commandLink', 'img'] as const) {
      const h = HOSTILE[k];
      await expandTreeRow(ctx, pane, h.hostsName);
      const rows = await waitUntil(ctx, `the canonical name of ${h.hostsName} in the tree`, 10_000, async () => {
        const texts = await treeRowsText(pane);
        return texts.some((t) => t.startsWith(h.hostsCanonical)) ? texts : undefined;
      });
      check(rows.some((t) => t.startsWith(`${h.hostsCanonical} — canonical name`)), `${k}: the row shows ${h.hostsCanonical} as its label: ${JSON.stringify(rows)}`);
      const found = await foreignElements(pane);
      check(found.markup === 0 && found.icons === 0, `${k}: no element or icon made from data in the tree (${JSON.stringify(found)})`);
    }
    // The hover above recorded these lookups: the history shows the same names.
    await collapseViewPane(ctx, 'Hosts in This File');
    const history = await openViewPane(ctx, 'Lookup History');
    const h = HOSTILE.emphasis;
    await expandTreeRow(ctx, history, h.hostsName);
    const rows = await waitUntil(ctx, `the canonical name of ${h.hostsName} in the history`, 10_000, async () => {
      const texts = await treeRowsText(history);
      return texts.some((t) => t.includes(h.hostsCanonical)) ? texts : undefined;
    });
    const found = await foreignElements(history);
    check(found.markup === 0 && found.icons === 0, `no element or icon made from data in the history (${JSON.stringify(found)}): ${JSON.stringify(rows)}`);
  },
};

/** Runs a command that asks for one value in an input box, types it, and returns the rows of the quick pick it then shows. */
async function pickRowsAfterInput(ctx: UiContext, commandId: string, value: string, expectRow: string): Promise<string[]> {
  const { page } = ctx;
  await runCommand(ctx, commandId);
  const input = quickInputBox(page);
  await waitUntil(ctx, `the input box of ${commandId}`, 10_000, async () =>
    (await quickInput(page).isVisible()) && !(await input.inputValue()).startsWith('>') && (await quickInputRows(page).count()) === 0,
  );
  await input.fill(value);
  await page.keyboard.press('Enter');
  return waitUntil(ctx, `a row "${expectRow}" in the quick pick of ${commandId}`, 10_000, async () => {
    const texts = (await quickInputRows(page).allInnerTexts()).map((t) => t.replace(/[\s\u00a0]+/g, ' ').trim());
    return texts.some((t) => t.includes(expectRow)) ? texts : undefined;
  });
}

const hostileQuickPicks: UiScenario = {
  name: 'hostile-quick-picks',
  async run(ctx) {
    const { page } = ctx;
    const list = page.locator('.quick-input-widget .quick-input-list');
    // $(zap) in the name and <img/src=x/onerror=alert(1)> as an alias (hosts file): gethostbyaddr's tuple.
    const emphasis = HOSTILE.emphasis;
    const reverse = await pickRowsAfterInput(ctx, 'netlens.reverseLookup', emphasis.hostsV4, emphasis.hostsCanonical);
    check(reverse.some((r) => r.startsWith(emphasis.hostsCanonical)) && reverse.some((r) => r.startsWith(emphasis.hostsAlias)), `Reverse Lookup shows the name and the alias as text: ${JSON.stringify(reverse)}`);
    let found = await foreignElements(list);
    check(found.icons === 0 && found.markup === 0, `Reverse Lookup: no icon or element from data (${JSON.stringify(found)})`);
    await resetUi(page);

    const viaHosts = await pickRowsAfterInput(ctx, 'netlens.compareResolvers', emphasis.hostsName, emphasis.hostsCanonical);
    check(viaHosts.some((r) => r.startsWith(emphasis.hostsCanonical) && r.includes('canonical name')), `Compare Resolvers shows the hosts file's canonical name as text: ${JSON.stringify(viaHosts)}`);
    found = await foreignElements(list);
    check(found.icons === 0 && found.markup === 0, `Compare Resolvers: no icon or element from data (${JSON.stringify(found)})`);
    await resetUi(page);

    // c-ares gives the CNAME target in presentation form: [click]\(command:workbench.action.terminal.new\).netlens.test
    const link = HOSTILE.commandLink;
    const presented = link.dnsName.replace(/[()]/g, '\\$&');
    const viaCname = await pickRowsAfterInput(ctx, 'netlens.compareResolvers', link.cname, presented);
    check(viaCname.some((r) => r.includes(`${link.cname} → ${presented}`)), `the CNAME chain as text: ${JSON.stringify(viaCname)}`);
    found = await foreignElements(list);
    check(found.links.length === 0 && found.markup === 0, `Compare Resolvers: no link from DNS data (${JSON.stringify(found)})`);
    await resetUi(page);

    // A notification turns `[label](command:…)` into a link that runs the command: typed (or passed) text is not one.
    // (Not a name in the namespace's hosts file, so it fails: NXDOMAIN from the fixture.)
    const typed = '[x](command:netlens.clearHistory)';
    await runCommand(ctx, 'netlens.resolveHostname');
    const input = quickInputBox(page);
    await waitUntil(ctx, 'the input box of Resolve Hostname…', 10_000, async () => (await quickInput(page).isVisible()) && !(await input.inputValue()).startsWith('>'));
    await input.fill(typed);
    await page.keyboard.press('Enter');
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'did not resolve' }).first();
    await toast.waitFor({ state: 'visible', timeout: bounded(ctx, 10_000) });
    const message = toast.locator('.notification-list-item-message');
    const text = await textOf(message);
    check(text.replace(/\u2060/g, '').includes(typed), `the error names what was typed, as text: ${text}`);
    const links = await message.locator('a').count();
    check(links === 0, `no link in the error notification (${links})`);
    await toast.hover();
    await toast.locator('.codicon-notifications-clear, .codicon-close').first().click().catch(() => page.keyboard.press('Escape'));
  },
};

/** The panel's table as cell texts, once its first row holds `canonname` and every reverse name has arrived. */
async function panelRows(ctx: UiContext, host: string, canonname: string): Promise<{ headers: string[]; rows: string[][] }> {
  const frame = addrinfoFrame(ctx.page);
  return waitUntil(ctx, `the panel's table for ${host}`, 15_000, async () => {
    // One look at the whole table (textContent, not the styled innerText), so that cells and their state agree.
    const tables = await frame.locator('#output > table').evaluateAll((ts) =>
      ts.map((t) => ({
        headers: Array.from(t.querySelectorAll('thead th')).map((h) => (h.textContent ?? '').trim()),
        rows: Array.from((t as HTMLTableElement).tBodies[0]?.rows ?? []).map((tr) => Array.from(tr.cells).map((c) => c.textContent ?? '')),
        pending: t.querySelectorAll('td.pending').length,
      })),
    );
    const table = tables[0];
    return table && table.rows.length > 0 && table.pending === 0 && table.rows[0].includes(canonname) ? table : undefined;
  });
}

const hostileWebview: UiScenario = {
  name: 'hostile-webview',
  async run(ctx) {
    await runCommand(ctx, 'netlens.showGetaddrinfo');
    const frame = addrinfoFrame(ctx.page);
    for (const k of ['img', 'script'] as const) {
      const h = HOSTILE[k];
      await resolveInPanel(ctx, h.hostsName, 'paste');
      const { headers, rows } = await panelRows(ctx, h.hostsName, h.hostsCanonical);
      const canonname = headers.indexOf('canonname');
      const reverse = headers.indexOf('reverse name');
      check(rows[0][canonname] === h.hostsCanonical, `${k}: the canonname cell is the text ${h.hostsCanonical}: ${JSON.stringify(rows[0])}`);
      check(rows.every((r) => r[reverse] === h.hostsCanonical), `${k}: every reverse-name cell is the text ${h.hostsCanonical}: ${JSON.stringify(rows)}`);
      // "Why this answer": the hosts file answered, with the hostile canonical name as its text.
      const files = await waitUntil(ctx, `"Why this answer" for ${h.hostsName}`, 15_000, async (): Promise<Record<string, string> | undefined> => {
        const cells = await frame.locator('#output section.explain table.sources tr.answered td').evaluateAll((tds) => tds.map((td): [string, string] => [td.getAttribute('data-label') ?? '', td.textContent ?? '']));
        return cells.length > 0 ? Object.fromEntries(cells) : undefined;
      });
      check(files['canonical name'] === h.hostsCanonical && (files.source ?? '').startsWith('files'), `${k}: files answered, its canonical name is the text ${h.hostsCanonical}: ${JSON.stringify(files)}`);
      check((await frame.locator(`#output :is(${MARKUP}, a)`).count()) === 0, `${k}: no element made from data in the panel`);
    }
    const link = HOSTILE.commandLink;
    await resolveInPanel(ctx, link.cname, 'paste');
    const presented = link.dnsName.replace(/[()]/g, '\\$&');
    const dns = await waitUntil(ctx, `the DNS section for ${link.cname}`, 15_000, async () => {
      // The previous answer's section stays until this one replaces it.
      const section = frame.locator('#output section.dns');
      const text = (await section.count()) > 0 ? await textOf(section) : '';
      return text.includes(`CNAME chain: ${link.cname}`) ? text : undefined;
    });
    check(dns.includes(`CNAME chain: ${link.cname} → ${presented}`), `the CNAME chain from c-ares as text: ${dns}`);
    check((await frame.locator(`#output :is(${MARKUP}, a)`).count()) === 0, 'no element made from DNS data in the panel');

    // The page itself: a strict CSP, and no script without its nonce.
    const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((ms) => ms.map((m) => m.getAttribute('content') ?? ''));
    check(csp.length === 1, `one CSP meta: ${JSON.stringify(csp)}`);
    check(!/unsafe-inline|unsafe-eval/.test(csp[0]) && /default-src 'none'/.test(csp[0]), `no unsafe-inline/unsafe-eval, default-src 'none': ${csp[0]}`);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp[0])?.[1];
    check(nonce !== undefined, `script-src allows scripts by nonce only: ${csp[0]}`);
    const scripts = await frame.locator('script').evaluateAll((ss) => ss.map((s) => ({ id: s.id, nonce: (s as HTMLScriptElement).nonce, src: (s as HTMLScriptElement).src, text: (s.textContent ?? '').slice(0, 80) })));
    // The workbench puts its acquireVsCodeApi script first, before our CSP applies; every script of ours has the nonce.
    const ours = scripts.filter((s) => s.id !== '_vscodeApiScript');
    const summary = JSON.stringify(scripts.map((s) => ({ ...s, nonce: s.nonce === nonce })));
    check(ours.length === 1 && ours[0].src.endsWith('/media/webview.js'), `one script of ours, media/webview.js: ${summary}`);
    check(ours.every((s) => s.nonce === nonce), `every script of ours carries the nonce: ${summary}`);
    ctx.log(`hostile data on screen: ${checks} checks (${HOSTILE_KEYS.length} strings × 2 hovers, 4 in trees, 3 in quick picks, 1 in a notification, 3 in the panel, 2 in its "Why this answer")`);
  },
};

export const HOSTILE_DATA_SCENARIOS: readonly UiScenario[] = [hostileHover, hostileTrees, hostileQuickPicks, hostileWebview];
