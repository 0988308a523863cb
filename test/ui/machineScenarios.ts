// UI scenario: the This Machine view shows where the resolver runs (issue 15, "Where it resolved"): its
// Resolver environment group, on screen, names this machine, its C library and the resolv.conf in force, as the
// test reads them itself. Independent of the scenarios before it (NETLENS_TEST_GREP=this-machine runs it alone);
// it leaves the pane open for its screenshot (the scenarios that need room collapse it themselves).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import { bounded, expect, openViewPane, treeRowsText, waitUntil, type UiScenario } from './driver';

const thisMachineEnvironment: UiScenario = {
  name: 'this-machine-environment',
  async run(ctx) {
    // The activity bar icon toggles: click it only if the NetLens side bar is not showing already. (Show This
    // Machine would expand the pane too, but asynchronously: a click on its header could then collapse it again.)
    if (!(await ctx.page.locator('.part.sidebar .pane-header', { hasText: 'This Machine' }).first().isVisible())) {
      await ctx.page.locator('.part.activitybar .action-item a.action-label[aria-label^="NetLens"]').click({ timeout: bounded(ctx, 10_000) });
    }
    const pane = await openViewPane(ctx, 'This Machine');
    const libc = spawnSync('getconf', ['GNU_LIBC_VERSION'], { encoding: 'utf8' }).stdout.trim();
    const nameservers = [...fs.readFileSync('/etc/resolv.conf', 'utf8').matchAll(/^\s*nameserver\s+(\S+)/gm)].map((m) => m[1]).slice(0, 3);
    const expected = [
      'Resolver environment',
      // The UI run is code-server: its extension host (and the helper) inherit CODE_SERVER_* from it.
      'code-server — context',
      `${os.hostname()} — machine`,
      `${libc} — C library`,
      '/etc/resolv.conf — resolv.conf in force',
      ...nameservers.map((ns) => `${ns} — nameserver`),
    ];
    const rows = await waitUntil(ctx, 'the Resolver environment group with this machine’s values', 15_000, async () => {
      const texts = await treeRowsText(pane);
      return expected.every((e) => texts.some((t) => t === e || t.startsWith(`${e} · `))) ? texts : undefined;
    }).catch(async (err: unknown) => {
      throw new Error(`${String(err)}; rows shown: ${JSON.stringify(await treeRowsText(pane))}`);
    });
    const at = rows.indexOf('Resolver environment');
    expect(at >= 0 && rows[at + 1].startsWith('code-server — context'), `the group opens with the context: ${JSON.stringify(rows)}`);
  },
};

export const MACHINE_SCENARIOS: readonly UiScenario[] = [thisMachineEnvironment];
