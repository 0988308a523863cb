// UI scenarios: what a person sees when using NetLens in the editor, checked on screen. runUiTests
// (test/integration/runInCodeServer.ts) runs them in this order against the demo workspace, inside the DNS
// fixture namespace; each leaves a screenshot `.test-output/ui/<n>-<name>.png` of the moment it checked.
// Later scenarios build on earlier ones (the editor on demo/config/app.yaml, the lookups in the history).
//
// The assertions are about data (names, addresses, ports, Python's error text), not about the wording around it,
// which is localizable and changes; command titles are read from the manifest.
import { FIXTURE, slowName } from '../fixtures/dns/zone';
import {
  addrinfoFrame,
  bounded,
  collapseViewPane,
  commandInputBox,
  editorLine,
  expandTreeRow,
  expect,
  hoverText,
  openNewFile,
  openViewPane,
  quickInputRows,
  quickOpenFile,
  resolveInPanel,
  runCommand,
  textOf,
  treeRowsText,
  waitUntil,
  type UiScenario,
} from './driver';
import { HOSTILE_DATA_SCENARIOS } from './hostileScenarios';
import { MACHINE_SCENARIOS } from './machineScenarios';
import { PANEL_SCENARIOS } from './panelScenarios';
import { PERSISTENCE_SCENARIOS } from './persistenceScenarios';

const { alias, canonical, v4, v6 } = FIXTURE.cnameChain;
const DEMO_FILE = 'app.yaml';
/** Python's text for EAI_NONAME: shown verbatim in every language. */
const ERRNO_NONAME = '[Errno -2] Name or service not known';

function includesAll(text: string, parts: readonly string[]): boolean {
  return parts.every((p) => text.includes(p));
}

/** The tree row labelled `label` and the labels of the `count` rows under it (its children, once expanded). */
function rowAndChildren(rows: string[], label: string, count: number): { row: string; children: string } | undefined {
  const at = rows.findIndex((r) => r === label || r.startsWith(`${label} — `));
  return at < 0 ? undefined : { row: rows[at], children: rows.slice(at + 1, at + 1 + count).join('\n') };
}

const hoverHost: UiScenario = {
  name: 'hover-alias',
  async run(ctx) {
    await quickOpenFile(ctx, DEMO_FILE, alias);
    // The port hint after the URL is drawn once NetLens is active: only then can a hover have its answer.
    await waitUntil(ctx, 'NetLens to be active (the :443 hint drawn)', 20_000, async () => (await textOf(editorLine(ctx.page, alias))).includes(`${alias}:443`));
    // Until the answer is there the hover says it is resolving; hovering again shows the answer.
    const hover = await hoverText(ctx, alias, (t) => includesAll(t, [canonical, v4, v6]));
    expect(hover.includes(alias), `the hover is about ${alias}: ${hover}`);
    expect(/\b443\b/.test(hover), `the hover repeats the port https implies (443): ${hover}`);
  },
};

const hoverAgain: UiScenario = {
  name: 'hover-again',
  async run(ctx) {
    // Answered 600 ms after it is asked: later than a hover waits (400 ms), well within the resolver's 1 s timeout.
    const name = slowName(600, 'hover-again');
    const { v4: address } = FIXTURE.slowWildcard;
    // Below a few lines, so that the hover opens above the line, over where the mouse goes when it moves away.
    const settings = ['# upstream', 'LOG_LEVEL=info', 'WORKERS=4', 'TIMEOUT_SECONDS=30', 'RETRIES=2', `UPSTREAM_URL=https://${name}/v1`];
    await openNewFile(ctx, 'slow-answer.env', `${settings.join('\n')}\n`, name);
    // A hover never waits for a slow answer: the first one has the name but not its address.
    const first = await hoverText(ctx, name, (t) => t.startsWith(`NetLens · ${name}`));
    expect(!first.includes(address), `the first hover over a name answered after 600 ms does not wait for ${address}: ${first}`);
    // The lookup goes on meanwhile: hovering again shows the answer.
    const again = await hoverText(ctx, name, (t) => t.includes(address));
    expect(again.startsWith(`NetLens · ${name}`), `the second hover is about ${name}: ${again}`);
  },
};

const portHints: UiScenario = {
  name: 'port-inlay-hints',
  async run(ctx) {
    // Inlay hints are drawn inside the line, right after the URL's host: `https://alias.netlens.test:443/api/v1`.
    const https = editorLine(ctx.page, alias);
    const imaps = editorLine(ctx.page, 'imaps://');
    const seen = await waitUntil(ctx, 'the :443 and :993 inlay hints', 10_000, async () => {
      const lines = [await textOf(https), await textOf(imaps)];
      return lines[0].includes(`https://${alias}:443/api/v1`) && lines[1].includes(`imaps://${FIXTURE.v4only.name}:993/INBOX`) ? lines : undefined;
    });
    // Drawn as hints, not typed into the file: separate elements that hold exactly the port text.
    const hints = await ctx.page.locator('.part.editor .view-lines .view-line span[class*="dyn-rule"]').allInnerTexts();
    const ports = hints.map((h) => h.replace(/[\s\u00a0]+/g, '')).filter((h) => /^:\d+$/.test(h));
    expect(ports.includes(':443') && ports.includes(':993'), `inlay hint elements :443 and :993, got ${JSON.stringify(hints)} (lines: ${JSON.stringify(seen)})`);
    // An explicit port gets no hint.
    const explicit = await textOf(editorLine(ctx.page, FIXTURE.nxdomain));
    expect(explicit.includes(`http://${FIXTURE.nxdomain}:8081/health`), `no hint after an explicit port: ${explicit}`);
  },
};

const resolveFromPalette: UiScenario = {
  name: 'resolve-hostname-command',
  async run(ctx) {
    const { page } = ctx;
    await runCommand(ctx, 'netlens.resolveHostname');
    // The palette gives way to the command's input box.
    const input = await commandInputBox(ctx, 'NetLens: Resolve Hostname', 10_000);
    await input.fill('');
    await input.pressSequentially(alias, { delay: 10 });
    await page.keyboard.press('Enter');
    // The answer: a quick pick with one row per address, titled with the host and its canonical name.
    const rows = await waitUntil(ctx, 'the quick pick with two address rows', 10_000, async () => {
      const texts = (await quickInputRows(page).allInnerTexts()).map((t) => t.replace(/[\s\u00a0]+/g, ' ').trim());
      return texts.length === 2 ? texts : undefined;
    });
    expect(rows.some((r) => r.startsWith(v4)), `a row ${v4}: ${JSON.stringify(rows)}`);
    expect(rows.some((r) => r.startsWith(v6)), `a row ${v6}: ${JSON.stringify(rows)}`);
    const title = await textOf(page.locator('.quick-input-widget .quick-input-title'));
    expect(title.includes(alias) && title.includes(canonical), `the title names ${alias} and its canonical name ${canonical}: ${title}`);
  },
};

const sidebarTrees: UiScenario = {
  name: 'sidebar-trees',
  async run(ctx) {
    const { page } = ctx;
    // The NetLens icon in the activity bar.
    await page.locator('.part.activitybar .action-item a.action-label[aria-label^="NetLens"]').click({ timeout: bounded(ctx, 10_000) });
    await collapseViewPane(ctx, 'This Machine');

    // The hover and the command above were lookups: the history has alias.netlens.test.
    const history = await openViewPane(ctx, 'Lookup History');
    await expandTreeRow(ctx, history, alias);
    const entry = await waitUntil(ctx, `the history entry ${alias} with its canonical name and addresses`, 5000, async () => {
      const found = rowAndChildren(await treeRowsText(history), alias, 3);
      return found && includesAll(found.children, [canonical, v6, v4]) ? found : undefined;
    });
    expect(entry.row.includes('2'), `the history row counts 2 addresses: ${entry.row}`);

    // Expanding a host of the file resolves it.
    const fileHosts = await openViewPane(ctx, 'Hosts in This File');
    await expandTreeRow(ctx, fileHosts, alias);
    await expandTreeRow(ctx, fileHosts, FIXTURE.nxdomain);
    // Only rows scrolled into view are rendered: check the two expanded hosts (near the top) and their children.
    await waitUntil(ctx, "the file's hosts resolved in the tree", 10_000, async () => {
      const rows = await treeRowsText(fileHosts);
      const resolved = rowAndChildren(rows, alias, 3);
      const failed = rowAndChildren(rows, FIXTURE.nxdomain, 1);
      return resolved && failed && includesAll(resolved.children, [canonical, v6, v4]) && failed.children.includes(ERRNO_NONAME);
    });
  },
};

const getaddrinfoTable: UiScenario = {
  name: 'getaddrinfo-table',
  async run(ctx) {
    await runCommand(ctx, 'netlens.showGetaddrinfo');
    await resolveInPanel(ctx, alias);
    const frame = addrinfoFrame(ctx.page);
    // Cells by content, not by column: the panel's columns are still growing.
    const rows = await waitUntil(ctx, `the table for ${alias}`, 10_000, async () => {
      const cells = await frame.locator('#output > table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells).map((c) => (c.textContent ?? '').trim())),
      );
      return cells.some((r) => r.includes(v4)) ? cells : undefined;
    });
    const summary = JSON.stringify(rows);
    expect(rows.length === 6, `6 rows (2 addresses × 3 socket types), got ${rows.length}: ${summary}`);
    const one = (row: string[], options: string[]): string | undefined => {
      const found = options.filter((o) => row.includes(o));
      return found.length === 1 ? found[0] : undefined;
    };
    const families = rows.map((r) => one(r, ['AF_INET', 'AF_INET6']));
    const types = rows.map((r) => one(r, ['SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW']));
    const addresses = rows.map((r) => one(r, [v4, v6]));
    expect(families.filter((f) => f === 'AF_INET6').length === 3 && families.filter((f) => f === 'AF_INET').length === 3, `3 rows AF_INET6, 3 rows AF_INET: ${summary}`);
    for (const t of ['SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW']) expect(types.filter((x) => x === t).length === 2, `2 rows ${t}: ${summary}`);
    expect(rows.every((_, i) => (families[i] === 'AF_INET6') === (addresses[i] === v6) && addresses[i] !== undefined), `AF_INET6 rows hold ${v6}, AF_INET rows ${v4}: ${summary}`);
    // By column here: the reverse-name column holds the same name in every row.
    const headers = (await frame.locator('#output > table thead th').allInnerTexts()).map((h) => h.trim());
    const canonname = headers.indexOf('canonname');
    expect(canonname >= 0, `a canonname column: ${JSON.stringify(headers)}`);
    expect(rows[0][canonname] === canonical, `the first row's canonname is ${canonical} (AI_CANONNAME): ${summary}`);
    expect(rows.slice(1).every((r) => r[canonname] === ''), `only the first row carries the canonical name, as glibc returns it: ${summary}`);
  },
};

const getaddrinfoError: UiScenario = {
  name: 'getaddrinfo-nxdomain',
  async run(ctx) {
    await resolveInPanel(ctx, FIXTURE.nxdomain);
    const frame = addrinfoFrame(ctx.page);
    const error = await waitUntil(ctx, `the error for ${FIXTURE.nxdomain}`, 10_000, async () => {
      const box = frame.locator('#output .error');
      return (await box.count()) > 0 ? textOf(box.first()) : undefined;
    });
    expect(error.includes(ERRNO_NONAME), `error text "${ERRNO_NONAME}", got: ${error}`);
    expect((await frame.locator('#output table').count()) === 0, 'no table is left from the previous answer');
  },
};

export const UI_SCENARIOS: readonly UiScenario[] = [
  hoverHost,
  portHints,
  resolveFromPalette,
  sidebarTrees,
  ...MACHINE_SCENARIOS,
  getaddrinfoTable,
  getaddrinfoError,
  ...PANEL_SCENARIOS,
  // Opens a file of its own, as the hostile-data scenarios after it do.
  hoverAgain,
  ...HOSTILE_DATA_SCENARIOS,
  ...PERSISTENCE_SCENARIOS,
];
