// `npm start` as a newcomer runs it: the real npm script (build, install NetLens into a private profile, serve
// code-server on a free NETLENS_PORT), then the printed URL opened in Chromium. Passes when the workbench shows the
// demo workspace with no trust prompt in the way, NetLens is active, and a hover on a demo host shows NetLens's
// answer. Runs inside the DNS fixture namespace (runAll), so the demo's lookups reach only the fixture.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/paths';
import { editorLine, expect, hoverText, quickOpenFile, textOf, waitUntil, type UiContext } from '../ui/driver';
import { EditorSession, freeLoopbackPort, stopProcessGroup, type IntegrationRunResult } from './runInCodeServer';

const TIMEOUT_MS = 300_000;
/** How long `npm start` may take to print its URL: a build plus, at most, a check of the cached editor. */
const START_TIMEOUT_MS = 180_000;

function log(msg: string): void {
  console.log(`[demo] ${msg}`);
}

/** One way of running the demo: what `npm start` is given, and what the newcomer must then see. */
interface DemoVariant {
  name: string;
  env: Record<string, string>;
  check(ctx: UiContext): Promise<void>;
}

/** Runs `npm start` and opens what it prints: the trusted demo (the default) and the restricted one; a test each. */
export async function runDemoStartTest(): Promise<IntegrationRunResult> {
  const result: IntegrationRunResult = { passed: 0, failed: 0, failures: [] };
  for (const variant of [TRUSTED, RESTRICTED]) {
    const why = await runVariant(variant);
    if (why === null) result.passed++;
    else {
      result.failed++;
      result.failures.push(`${variant.name}: ${why}`);
    }
  }
  return result;
}

/** Null when the variant passed, else why it failed. */
async function runVariant(variant: DemoVariant): Promise<string | null> {
  const t0 = Date.now();
  const deadline = t0 + TIMEOUT_MS;
  const port = await freeLoopbackPort();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-demo-profile-'));
  const outputDir = path.join(REPO_ROOT, '.test-output', 'demo', variant.name);
  fs.rmSync(outputDir, { recursive: true, force: true });
  fs.mkdirSync(outputDir, { recursive: true });
  let output = '';
  const npmStart = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    detached: true, // its own process group: npm, the start script and code-server stop together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NETLENS_PORT: String(port), NETLENS_DEMO_PROFILE: profile, NETLENS_DEMO_RESTRICTED: '', ...variant.env },
  });
  npmStart.stdout.on('data', (d: Buffer) => (output += d.toString()));
  npmStart.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const session = new EditorSession('netlens-demo-');
  try {
    const urlPattern = new RegExp(`http://127\\.0\\.0\\.1:${port}/\\?folder=(\\S+)`);
    let url: string | undefined;
    let folder = '';
    while (!url) {
      const m = urlPattern.exec(output);
      if (m) {
        url = m[0];
        folder = decodeURIComponent(m[1]);
      } else if (npmStart.exitCode !== null) {
        throw new Error(`npm start exited (${npmStart.exitCode}) without printing the URL`);
      } else if (Date.now() - t0 > START_TIMEOUT_MS) {
        throw new Error(`npm start printed no URL within ${START_TIMEOUT_MS / 1000} s`);
      } else {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    log(`npm start printed ${url} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(folder === path.join(REPO_ROOT, 'demo'), `npm start serves the demo folder, not ${folder}`);

    const page = await session.launchBrowser();
    page.setDefaultTimeout(10_000);
    const ctx: UiContext = { page, workspace: folder, remaining: () => Math.max(0, deadline - Date.now()), log: (m) => log(`  ${m}`), artifactPath: (file) => path.join(outputDir, file) };
    await session.openWorkbench(url, deadline, TIMEOUT_MS);
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });

    // The demo workspace is open: its name in the window title and its files in the explorer.
    await waitUntil(ctx, 'the window title to name the demo workspace', 30_000, async () => /\bdemo\b/.test(await page.title()));
    await page.locator('.part.sidebar .explorer-folders-view .monaco-list-row', { hasText: 'config' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await variant.check(ctx);
    await session.screenshot(path.join(outputDir, 'first-hover.png'));
    log(`✓ npm start (${variant.name}) (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return null;
  } catch (err) {
    await session.screenshot(path.join(outputDir, 'failure.png'));
    fs.writeFileSync(path.join(outputDir, 'npm-start.log'), output);
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    log(`✗ npm start (${variant.name}): ${why} (its output: ${path.relative(REPO_ROOT, path.join(outputDir, 'npm-start.log'))})`);
    return why;
  } finally {
    await session.close();
    session.removeDir();
    await stopProcessGroup(npmStart);
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Opens the demo's app.yaml once the README (workbench.startupEditor) is up, so the README cannot open over it. */
async function openAppYaml(ctx: UiContext): Promise<void> {
  await ctx.page.locator('.part.editor .tab', { hasText: 'README.md' }).first().waitFor({ state: 'visible', timeout: 60_000 });
  await quickOpenFile(ctx, 'app.yaml', 'localhost:5432');
}

/** NetLens is active: its inlay hint gives the port of an https URL without one. */
async function netlensActive(ctx: UiContext): Promise<void> {
  const urlLine = 'https://alias.netlens.test';
  await waitUntil(ctx, 'NetLens to be active (the :443 hint after the https URL)', 60_000, async () => (await textOf(editorLine(ctx.page, urlLine))).includes(`${urlLine}:443`));
}

/** `npm start`: served trusted, so the first hover on a demo host shows what the resolver returns. */
const TRUSTED: DemoVariant = {
  name: 'trusted',
  env: {},
  async check(ctx) {
    const { page } = ctx;
    // No Restricted Mode between the newcomer and the first answer.
    expect((await page.locator('.part.statusbar', { hasText: 'Restricted Mode' }).count()) === 0, 'the demo opened in Restricted Mode');
    await openAppYaml(ctx);
    await netlensActive(ctx);
    // A demo host that resolves on any machine (the hosts file).
    const hover = await hoverText(ctx, 'localhost', (t) => t.includes('127.0.0.1'), 30_000);
    expect(hover.startsWith('NetLens · localhost'), `NetLens's hover for localhost: ${hover}`);
  },
};

/** `NETLENS_DEMO_RESTRICTED=1 npm start`: trust is on; declined, the folder is in Restricted Mode and nothing is looked up. */
const RESTRICTED: DemoVariant = {
  name: 'restricted',
  env: { NETLENS_DEMO_RESTRICTED: '1' },
  async check(ctx) {
    const { page } = ctx;
    // The folder opens untrusted: Restricted Mode in the status bar and the banner. (Should VS Code ask whether to
    // trust the authors, as desktop VS Code does at start-up, the newcomer says no.)
    const decline = page.locator('.monaco-dialog-box .monaco-button', { hasText: /No, I don.t trust the authors/ }).first();
    const restricted = page.locator('.part.statusbar', { hasText: 'Restricted Mode' }).first();
    await waitUntil(ctx, 'Restricted Mode', 60_000, async () => {
      if (await decline.isVisible()) await decline.click();
      return (await restricted.isVisible()) && !(await decline.isVisible());
    });
    await openAppYaml(ctx);
    await netlensActive(ctx);
    const hover = await hoverText(ctx, 'localhost', (t) => t.startsWith('NetLens · localhost'), 30_000);
    // It explains, offers the explicit lookup, and shows only what needs no lookup (the hosts file, read offline).
    expect(/not trusted/.test(hover) && !/system resolver/.test(hover), `the hover explains that nothing is looked up in Restricted Mode: ${hover}`);
  },
};
