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

/** Runs `npm start` and opens what it prints; one test. */
export async function runDemoStartTest(): Promise<IntegrationRunResult> {
  const t0 = Date.now();
  const deadline = t0 + TIMEOUT_MS;
  const port = await freeLoopbackPort();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-demo-profile-'));
  const outputDir = path.join(REPO_ROOT, '.test-output', 'demo');
  fs.rmSync(outputDir, { recursive: true, force: true });
  fs.mkdirSync(outputDir, { recursive: true });
  let output = '';
  const npmStart = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    detached: true, // its own process group: npm, the start script and code-server stop together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NETLENS_PORT: String(port), NETLENS_DEMO_PROFILE: profile, NETLENS_DEMO_RESTRICTED: '' },
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
    const ctx: UiContext = { page, workspace: folder, remaining: () => Math.max(0, deadline - Date.now()), log: (m) => log(`  ${m}`) };
    await session.openWorkbench(url, deadline, TIMEOUT_MS);
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });

    // The demo workspace is open: its name in the window title and its files in the explorer.
    await waitUntil(ctx, 'the window title to name the demo workspace', 30_000, async () => /\bdemo\b/.test(await page.title()));
    await page.locator('.part.sidebar .explorer-folders-view .monaco-list-row', { hasText: 'config' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // Trusted as served (--disable-workspace-trust): no Restricted Mode between the newcomer and the first answer.
    expect((await page.locator('.part.statusbar', { hasText: 'Restricted Mode' }).count()) === 0, 'the demo opened in Restricted Mode');

    // The demo's README opens first (workbench.startupEditor: readme); only then open a file, or the README
    // would open over it.
    await page.locator('.part.editor .tab', { hasText: 'README.md' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    // NetLens is active: the port its inlay hint gives an https URL without one.
    await quickOpenFile(ctx, 'app.yaml', 'localhost:5432');
    const urlLine = 'https://alias.netlens.test';
    await waitUntil(ctx, 'NetLens to be active (the :443 hint after the https URL)', 60_000, async () => (await textOf(editorLine(page, urlLine))).includes(`${urlLine}:443`));
    // The first hover shows what the resolver returns for a demo host that resolves on any machine (the hosts file).
    const hover = await hoverText(ctx, 'localhost', (t) => t.includes('127.0.0.1'), 30_000);
    expect(hover.startsWith('NetLens · localhost'), `NetLens's hover for localhost: ${hover}`);
    await session.screenshot(path.join(outputDir, 'demo-first-hover.png'));
    log(`✓ npm start: demo workspace open, NetLens active, hover answered (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return { passed: 1, failed: 0, failures: [] };
  } catch (err) {
    await session.screenshot(path.join(outputDir, 'failure.png'));
    fs.writeFileSync(path.join(outputDir, 'npm-start.log'), output);
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    log(`✗ ${why} (npm start's output: ${path.relative(REPO_ROOT, path.join(outputDir, 'npm-start.log'))})`);
    return { passed: 0, failed: 1, failures: [`npm start: ${why}`] };
  } finally {
    await session.close();
    session.removeDir();
    await stopProcessGroup(npmStart);
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
