// The getaddrinfo panel where it really opens: beside an editor, about half the window (~480 px). The address of
// every row must be on screen without a horizontal scroll; Enter resolves from any field; opened with nothing to
// resolve, the host field is empty and focused, with a hint, never a pre-filled host without its answer; opened for
// a host, its answer.
import * as net from 'net';
import * as path from 'path';
import { FIXTURE } from '../fixtures/dns/zone';
import { addrinfoFrame, bounded, expect, pickFromQuickInput, quickOpenFile, resolveInPanel, runCommand, textBox, textOf, waitUntil, type UiContext, type UiScenario } from './driver';
import { REPO_ROOT } from '../support/paths';
import type { DetailsMessage, ResultMessage } from '../../src/client/addrinfoPanelLookups';
import type { ToWebviewMessage } from '../../src/webview/messages';

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
  /** "Why this answer" and "Address order" as drawn, and the cells of their tables that are not wholly inside. */
  sections: string[];
  cellsOutside: string[];
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
        sections: [...body.querySelectorAll('#output section.explain, #output section.order')].map((x) => x.className),
        cellsOutside: [...body.querySelectorAll('#output section td')].filter((td) => (td.textContent ?? '') !== '' && !inside(td)).map((td) => td.textContent ?? ''),
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
      // The details' sections (sources, trace, addresses, runtimes) wrap the same way: no cell past the right edge.
      const details = await waitUntil(ctx, `"Why this answer" and "Address order" for ${alias}`, 15_000, async () => {
        const l = await layout(ctx);
        return l.sections.length === 2 ? l : undefined;
      });
      expect(!details.pageScrolls && !details.outputScrolls && details.cellsOutside.length === 0, `the sections' cells are on screen at ${width.toFixed(0)} px: ${JSON.stringify(details)}`);
      await addrinfoFrame(page).locator('#output section.explain').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(REPO_ROOT, '.test-output', 'ui', `panel-${Math.round(width)}px-why.png`) });
      await addrinfoFrame(page).locator('#output section.order').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(REPO_ROOT, '.test-output', 'ui', `panel-${Math.round(width)}px-order.png`) });
      await addrinfoFrame(page).locator('#host').scrollIntoViewIfNeeded();
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

/** What the panel shows, read from its page in one look: the form's host, the status line, the table and the DNS view. */
interface PanelView {
  host: string;
  status: string;
  /** Per row: address, canonname, reverse name, and the Python tuple of its title. */
  rows: { address: string; canonname: string; reverse: string; python: string }[];
  pendingReverse: number;
  dnsSection: boolean;
}

async function panelView(ctx: UiContext): Promise<PanelView> {
  return addrinfoFrame(ctx.page)
    .locator('body')
    .evaluate((body): PanelView => {
      const cell = (tr: Element, column: string): string => (tr.querySelector(`td.col-${column}`)?.textContent ?? '').trim();
      return {
        host: body.querySelector<HTMLInputElement>('#host')?.value ?? '',
        status: (body.querySelector('#status')?.textContent ?? '').trim(),
        rows: [...body.querySelectorAll('#output > table tbody tr')].map((tr) => ({
          address: cell(tr, 'address'),
          canonname: cell(tr, 'canonname'),
          reverse: cell(tr, 'reverse-name'),
          python: tr.getAttribute('title') ?? '',
        })),
        pendingReverse: body.querySelectorAll('#output td.pending').length,
        dnsSection: body.querySelector('#output section.dns') !== null,
      };
    });
}

/** Puts the editor's cursor on `text` with a click, as a user does before running a command on it. */
async function clickInEditor(ctx: UiContext, text: string): Promise<void> {
  const box = await textBox(ctx.page, text);
  if (!box) throw new Error(`"${text}" is not on screen`);
  await ctx.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Opened for the host under the cursor, the panel resolves it at once: the lookup the command itself starts, drawn
 * by the webview's script (form, table with the platform's constant values, reverse names, the direct DNS view).
 * With the panel open, the command for another host reveals the same panel and shows that host's answer.
 */
const panelForHost: UiScenario = {
  name: 'getaddrinfo-opened-for-host',
  async run(ctx) {
    const { page } = ctx;
    await closeAllEditors(ctx);
    await quickOpenFile(ctx, 'app.yaml', alias);
    await clickInEditor(ctx, alias);
    await runCommand(ctx, 'netlens.showGetaddrinfo');
    const shown = await waitUntil(ctx, `the panel's answer and details for ${alias}, opened for it`, 20_000, async () => {
      const v = await panelView(ctx);
      return v.rows.length > 0 && v.pendingReverse === 0 && v.dnsSection ? v : undefined;
    });
    const summary = JSON.stringify(shown);
    expect(shown.host === alias, `the form shows the host that was resolved: ${summary}`);
    expect(shown.rows.length === 6 && shown.status.startsWith('6 rows'), `6 rows (2 addresses × 3 socket types) and a status line that says so: ${summary}`);
    expect(shown.rows.every((r) => r.address === v4 || r.address === v6) && shown.rows[0].canonname === canonical, `the addresses of ${alias}, ${canonical} first: ${summary}`);
    expect(shown.rows.every((r) => r.reverse === canonical), `every reverse name is ${canonical}: ${summary}`);
    // The socket constants' values came from the helper (asked once): Python's tuple shows numbers, not '?'.
    expect(shown.rows.every((r) => /^\(<AddressFamily\.AF_INET6?: \d+>, <SocketKind\.SOCK_\w+: \d+>/.test(r.python)), `each row's Python tuple has the constants' values: ${summary}`);

    // The panel is open: the command for another host reveals it and shows that host's answer.
    await clickInEditor(ctx, FIXTURE.v4only.name);
    await runCommand(ctx, 'netlens.showGetaddrinfo');
    const next = await waitUntil(ctx, `the same panel's answer for ${FIXTURE.v4only.name}`, 20_000, async () => {
      const v = await panelView(ctx);
      return v.host === FIXTURE.v4only.name && v.rows.length > 0 && v.rows.every((r) => r.address === FIXTURE.v4only.v4) ? v : undefined;
    });
    expect(next.rows.length === 3 && next.status.startsWith('3 rows'), `3 rows for the IPv4-only name: ${JSON.stringify(next)}`);
    const panels = await page.locator('.part.editor .tab', { hasText: 'NetLens: getaddrinfo' }).count();
    expect(panels === 1, `one getaddrinfo panel, revealed again rather than a second one: ${panels} tabs`);
  },
};

/** What "Why this answer" and "Address order" show, read from the page in one look (textContent: what is there). */
interface SectionsView {
  call: string;
  headings: string[];
  environment: string;
  nsswitch: string;
  /** Per source row: its cells by column label, its mark, and whether the row is marked as the answer. */
  sources: { cells: Record<string, string>; mark: string; answered: boolean }[];
  traceSummary: string;
  tries: Record<string, string>[];
  rowAddresses: string[];
  orderRows: Record<string, string>[];
  tables: string;
  runtimes: Record<string, string>[];
  /** The order section is the last of the output, and the Test Connection section follows right below it. */
  orderAboveConnection: boolean;
}

async function sectionsView(ctx: UiContext): Promise<SectionsView> {
  return addrinfoFrame(ctx.page)
    .locator('body')
    .evaluate((body): SectionsView => {
      const text = (node: Element | null): string => (node?.textContent ?? '').trim();
      // Each cell under its column's label (data-label), the first cell's mark left out of its text.
      const rowsOf = (selector: string): Element[] => [...body.querySelectorAll(`${selector} tbody tr`)];
      const cellsOf = (tr: Element): Record<string, string> =>
        Object.fromEntries(
          [...tr.querySelectorAll('td')].map((td) => {
            const copy = td.cloneNode(true) as Element;
            copy.querySelector('.mark')?.remove();
            return [td.getAttribute('data-label') ?? '', text(copy)];
          })
        );
      const output = body.querySelector('#output');
      const order = body.querySelector('#output section.order');
      const connection = body.querySelector('#connection');
      return {
        call: text(body.querySelector('#output pre.call')),
        headings: [...body.querySelectorAll('#output section h3')].map(text),
        environment: text(body.querySelector('section.explain .environment')),
        nsswitch: text(body.querySelector('section.explain .nsswitch')),
        sources: rowsOf('section.explain table.sources').map((tr) => ({ cells: cellsOf(tr), mark: text(tr.querySelector('.mark')), answered: tr.classList.contains('answered') })),
        traceSummary: text(body.querySelector('section.explain .trace-summary')),
        tries: rowsOf('section.explain table.trace').map(cellsOf),
        rowAddresses: [...new Set([...body.querySelectorAll('#output > table td.col-address')].map(text))],
        orderRows: rowsOf('section.order table.addresses').map(cellsOf),
        tables: text(body.querySelector('section.order .tables')),
        runtimes: rowsOf('section.order table.runtimes').map(cellsOf),
        orderAboveConnection:
          order !== null && connection !== null && output?.lastElementChild === order && output.nextElementSibling === connection && order.getBoundingClientRect().bottom <= connection.getBoundingClientRect().top + 0.5,
      };
    });
}

/**
 * "Why this answer" and "Address order" on screen for the CNAME alias: every source of nsswitch.conf with what it
 * answers alone, dns marked as getaddrinfo's answer; the search trace; each address in getaddrinfo's order with the
 * rule that put it there; what each runtime tries. All drawn from the details message, in the words the extension
 * sent (English here).
 */
const panelSections: UiScenario = {
  name: 'getaddrinfo-why-and-order',
  async run(ctx) {
    await closeAllEditors(ctx);
    await runCommand(ctx, 'netlens.showGetaddrinfo');
    await resolveInPanel(ctx, alias);
    const view = await waitUntil(ctx, `"Why this answer" and "Address order" for ${alias}`, 20_000, async () => {
      const v = await sectionsView(ctx);
      return v.call.includes(alias) && v.sources.length > 0 && v.runtimes.length > 0 ? v : undefined;
    });
    const summary = JSON.stringify(view);
    expect(view.headings.includes('Why this answer') && view.headings.includes('Address order'), `both sections have their headings: ${summary}`);
    expect(view.environment.startsWith('resolved on ') && /glibc \d/.test(view.environment), `the environment line: ${view.environment}`);
    expect(view.nsswitch === 'hosts line of /etc/nsswitch.conf: files dns', `the hosts line of the fixture's nsswitch.conf: ${view.nsswitch}`);

    const dns = view.sources.find((r) => r.cells.source === 'dns');
    const files = view.sources.find((r) => r.cells.source === 'files');
    expect(dns !== undefined && files !== undefined, `a row for files and one for dns: ${summary}`);
    expect(dns.answered && dns.mark === 'getaddrinfo’s answer' && view.sources.filter((r) => r.answered).length === 1, `dns, and only dns, is marked as the answer: ${summary}`);
    expect(dns.cells.status === 'SUCCESS' && dns.cells.addresses.split(', ').sort().join() === [v4, v6].sort().join() && dns.cells['canonical name'] === canonical, `dns answers the two addresses and ${canonical}: ${JSON.stringify(dns)}`);
    expect(dns.cells.detail.includes('/etc/resolv.conf'), `dns's detail names the resolv.conf servers: ${JSON.stringify(dns)}`);
    expect(!files.answered && files.mark === '' && files.cells.status === 'NOTFOUND', `files does not answer and is not marked: ${JSON.stringify(files)}`);

    expect(view.traceSummary === 'DNS, asked as is (1 try, 2 queries)', `the trace's summary: ${view.traceSummary}`);
    expect(view.tries.length === 1 && view.tries[0].name === alias && view.tries[0].result === 'addresses' && view.tries[0].queries === '2', `one try, the name as is: ${JSON.stringify(view.tries)}`);

    expect(view.orderRows.map((r) => r.address).join() === view.rowAddresses.join() && view.rowAddresses.length === 2, `one order row per address, in the table's order: ${summary}`);
    const [first, last] = view.orderRows;
    expect(/^Rule \d+, /.test(first.rule ?? '') && (last.rule ?? '') === '', `the first address has the rule that put it first, the last none: ${JSON.stringify(view.orderRows)}`);
    expect(view.orderRows.every((r) => r['source address'] !== '' && /^\d+$/.test(r.scope) && /^\d+$/.test(r.label) && /^\d+$/.test(r.precedence)), `source address, scope, label, precedence per address: ${JSON.stringify(view.orderRows)}`);
    expect(view.tables.includes('gai.conf'), `where the tables come from: ${view.tables}`);
    expect(view.runtimes.map((r) => r.runtime).join() === 'node,python,curl,go,go (alternative),java', `the runtime table, Go's other model too: ${JSON.stringify(view.runtimes.map((r) => r.runtime))}`);
    expect(view.runtimes.every((r) => r.version !== '' && r.strategy !== '' && r.rule !== '' && r.order !== ''), `version, order, strategy and rule per runtime: ${JSON.stringify(view.runtimes)}`);
    expect(view.runtimes[0].version.startsWith('Node.js v'), `Node is the extension host's: ${view.runtimes[0].version}`);
    expect(view.orderAboveConnection, `"Address order" is right above Test Connection: ${summary}`);
    const frame = addrinfoFrame(ctx.page);
    await frame.locator('#output section.explain').scrollIntoViewIfNeeded();
    await ctx.page.screenshot({ path: path.join(REPO_ROOT, '.test-output', 'ui', 'panel-why-this-answer.png') });
    await frame.locator('#output section.order').scrollIntoViewIfNeeded();
    await ctx.page.screenshot({ path: path.join(REPO_ROOT, '.test-output', 'ui', 'panel-address-order.png') });
  },
};

/** What a webview saved before "Why this answer" and "Address order" existed: details and a test without them. */
const OLDER = (() => {
  const host = 'older.netlens.test';
  const address = '198.51.100.200';
  // The key order of the webview's own read(): the webview matches details to their result by this JSON.
  const request = { host, port: null, family: 'AF_UNSPEC', socktype: 'SOCK_STREAM', proto: 0, flags: ['AI_CANONNAME'] } as const;
  const result: ResultMessage = {
    type: 'result',
    request: { ...request, flags: [...request.flags] },
    outcome: { ok: true, value: { backend: 'native', rows: [{ family: 'AF_INET', socktype: 'SOCK_STREAM', proto: 6, canonname: host, sockaddr: [address, 0] }], unavailable: [], elapsedMs: 1 } },
    constants: {},
  };
  const details: Omit<DetailsMessage, 'explain' | 'order'> = { type: 'details', request: result.request, reverse: { [address]: { ok: true, name: `reverse-${host}` } }, dns: null };
  const connection: ToWebviewMessage = {
    type: 'connection',
    target: { host, port: 8080, tls: false },
    outcome: { ok: true, value: { host, port: 8080, attempts: [{ address, family: 'AF_INET', port: 8080, result: 'refused', errno: 'ECONNREFUSED', ms: 1 }], tls: null, tlsError: null, rows: [] } },
  };
  return { host, address, messages: [result, details, connection] };
})();

/** The panel as drawn from an older answer: its rows, reverse names, sections, landings and any error. */
async function olderView(ctx: UiContext): Promise<{ call: string; rows: string[]; reverse: string[]; sections: number; landings: number; attempts: number; errors: string[]; probe: boolean }> {
  return addrinfoFrame(ctx.page)
    .locator('body')
    .evaluate((body) => ({
      probe: body.hasAttribute('data-ui-probe'),
      call: (body.querySelector('#output pre.call')?.textContent ?? '').trim(),
      rows: [...body.querySelectorAll('#output > table td.col-address')].map((td) => (td.textContent ?? '').trim()),
      reverse: [...body.querySelectorAll('#output > table td.col-reverse-name')].map((td) => (td.textContent ?? '').trim()),
      sections: body.querySelectorAll('section.explain, section.order').length,
      landings: body.querySelectorAll('#connection table.landings').length,
      attempts: body.querySelectorAll('#connection table.attempts tbody tr').length,
      errors: [...body.querySelectorAll('.error')].map((e) => (e.textContent ?? '').trim()),
    }));
}

/**
 * A state saved by an older NetLens (details without explain or order, a test without the runtimes' landings) is
 * still drawn: given to the webview as its messages, then drawn again from what it saved, when its hidden tab
 * shows again (VS Code recreates a hidden webview: the script restores from getState, as after a reload).
 */
const olderSavedState: UiScenario = {
  name: 'getaddrinfo-older-saved-details',
  async run(ctx) {
    const { page } = ctx;
    await closeAllEditors(ctx);
    await runCommand(ctx, 'netlens.showGetaddrinfo');
    const frame = addrinfoFrame(page);
    await frame.locator('#host').waitFor({ state: 'visible', timeout: bounded(ctx, 15_000) });
    // The webview takes these as it takes the extension's messages (no seq: not an answer to its own request).
    await frame.locator('body').evaluate((_body, messages) => {
      for (const m of messages) window.postMessage(m, '*');
    }, OLDER.messages);
    const drawn = (v: Awaited<ReturnType<typeof olderView>>): boolean => v.call.includes(OLDER.host) && v.rows.join() === OLDER.address && v.reverse.join() === `reverse-${OLDER.host}` && v.attempts === 1;
    const first = await waitUntil(ctx, 'the older answer drawn', 10_000, async () => {
      const v = await olderView(ctx);
      return drawn(v) ? v : undefined;
    });
    expect(first.sections === 0 && first.landings === 0 && first.errors.length === 0, `no new section, no landing, no error: ${JSON.stringify(first)}`);
    // A mark on this page: the page drawn again must be a new one (no mark), not this one kept alive.
    await frame.locator('body').evaluate((body) => body.setAttribute('data-ui-probe', ''));

    // Hide the panel's tab behind a file in its group, then show it again: the webview is drawn from its saved state.
    await quickOpenFile(ctx, 'app.yaml', alias);
    await page.locator('iframe.webview.ready').first().waitFor({ state: 'detached', timeout: bounded(ctx, 10_000) }).catch(() => undefined);
    await page.locator('.part.editor .tab', { hasText: 'NetLens: getaddrinfo' }).first().click();
    const again = await waitUntil(ctx, 'the older answer drawn again from the saved state', 15_000, async () => {
      const v = await olderView(ctx).catch(() => undefined);
      return v && drawn(v) ? v : undefined;
    });
    expect(!again.probe, 'the webview was made again (restored from its saved state), not kept');
    expect(again.sections === 0 && again.landings === 0 && again.errors.length === 0, `drawn again, with no new section, no landing, no error: ${JSON.stringify(again)}`);
  },
};

/**
 * Test Connection as a person uses it in the panel: resolve localhost, type the port of a server listening on
 * 127.0.0.1 only (in the fixture namespace), click Test Connection: one row per address in the resolver's order,
 * the IPv4 one connected, ::1 refused — the localhost trap, seen.
 */
const panelConnect: UiScenario = {
  name: 'test-connection-panel',
  async run(ctx) {
    let accepted = 0;
    const server = net.createServer((socket) => {
      accepted++;
      socket.on('error', () => undefined).destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await closeAllEditors(ctx);
      await runCommand(ctx, 'netlens.showGetaddrinfo');
      await resolveInPanel(ctx, 'localhost');
      await waitUntil(ctx, 'the answer for localhost', 15_000, async () => (await layout(ctx)).addresses.some((a) => a.text === '127.0.0.1'));
      const frame = addrinfoFrame(ctx.page);
      const portInput = frame.locator('#connect-port');
      await portInput.click();
      await portInput.pressSequentially(String(port), { delay: 10 });
      await frame.locator('#connect').click();
      const rows = await waitUntil(ctx, 'the attempts of Test Connection', 15_000, async () => {
        const seen = await frame.locator('body').evaluate((body) =>
          [...body.querySelectorAll('#connection table.attempts tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()))
        );
        return seen.length > 0 && seen.some((r) => r[0] === '127.0.0.1') && (await frame.locator('#connect').isVisible()) ? seen : undefined;
      });
      const summary = JSON.stringify(rows);
      expect(rows.find((r) => r[0] === '127.0.0.1')?.[1] === 'connected', `127.0.0.1 connected: ${summary}`);
      const v6 = rows.find((r) => r[0] === '::1');
      expect(v6 === undefined || (v6[1] === 'refused' && v6[2] === 'ECONNREFUSED'), `::1 refused: ${summary}`);
      expect(accepted === 1, `the listener saw exactly one connection: ${accepted}`);
      // Where each runtime's connect order meets the attempts: every one lands on the only listener.
      const landings = await frame.locator('#connection table.landings tbody tr').evaluateAll((trs) =>
        trs.map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-label') ?? '', (td.textContent ?? '').trim()])))
      );
      expect(landings.map((l) => l.runtime).join() === 'node,python,curl,go,java', `one landing per runtime: ${JSON.stringify(landings)}`);
      expect(landings.every((l) => l.address === '127.0.0.1' && (l.rule ?? '') !== ''), `every runtime lands on 127.0.0.1, with its rule: ${JSON.stringify(landings)}`);
    } finally {
      server.close();
    }
  },
};

export const PANEL_SCENARIOS: readonly UiScenario[] = [emptyPanel, panelForHost, narrowPanel, panelSections, olderSavedState, panelConnect];
