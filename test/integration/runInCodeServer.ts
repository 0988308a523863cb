// Runs the in-editor integration tests (out/test/integration/suite/index.js) inside a real VS Code, offline:
// code-server 4.139.1 (= VS Code 1.139.1, real extension host on Node 24) with the workbench in Debian's Chromium,
// driven by playwright-core. Recipe: /work/shared/docs/offline-editor-tests.md.
//
//   node esbuild.js && node out/test/integration/runInCodeServer.js [workspace]
//
// It also runs the UI tests (runUiTests, scenarios in test/ui/): the built extension installed as a user has it, the
// demo workspace opened trusted, and the workbench driven with real keyboard and mouse input. They resolve fixture
// names, so run them only inside the DNS fixture namespace:
//
//   node scripts/with-test-netns.js -- node out/test/integration/runInCodeServer.js --ui
//
// Environment: NETLENS_CACHE (editor cache folder, default ~/.cache/netlens), NETLENS_KEEP_TEST_DIR=1 (keep the
// temp folder), NETLENS_INTEGRATION_TIMEOUT_MS (overall timeout), NETLENS_DNS_FIXTURE / NETLENS_DNS_FIXTURE_LOG /
// NETLENS_TEST_NETNS (passed on to the extension host), NETLENS_INTEGRATION_VERBOSE=1 (echo every workbench message),
// NETLENS_UI_TIMEOUT_MS (overall timeout of the UI run).
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../support/paths';
import { resetUi, type UiContext, type UiScenario } from '../ui/driver';
import { UI_SCENARIOS } from '../ui/scenarios';

export interface IntegrationRunOptions {
  /** Folder opened in the editor. Default: <repo>/demo, or <repo>/test/fixtures/workspace if demo is missing. */
  workspace?: string;
  /** Extra environment variables for the extension host (NETLENS_DNS_FIXTURE* and NETLENS_TEST_NETNS pass through). */
  extensionEnv?: Record<string, string>;
  /** Overall time limit for start-up plus tests; running out counts as a failure. Default 240 s. */
  timeoutMs?: number;
  /** Extension under test. Default: the repository root. */
  extensionDevelopmentPath?: string;
  /** Compiled suite entry. Default: <repo>/out/test/integration/suite/index.js. */
  extensionTestsPath?: string;
  /**
   * Leave workspace trust on (default off: --disable-workspace-trust). With it on and no one to answer the
   * trust dialog, the folder opens in Restricted Mode — what the untrusted-workspace tests need.
   */
  workspaceTrust?: boolean;
}

export interface IntegrationRunResult {
  passed: number;
  failed: number;
  failures: string[];
}

interface TestEditor {
  node24: string;
  codeServerEntry: string;
}

interface WorkbenchLog {
  relativePath: string;
  contents: string;
}

const RESULT_PREFIX = 'NETLENS_INTEGRATION_RESULT ';
const PASS_THROUGH_ENV = ['NETLENS_DNS_FIXTURE', 'NETLENS_DNS_FIXTURE_LOG', 'NETLENS_TEST_NETNS', 'NETLENS_TEST_GREP'];
const CHROMIUM = '/usr/bin/chromium';
const DEFAULT_TIMEOUT_MS = 240_000;
const DEFAULT_UI_TIMEOUT_MS = 420_000;
const HEALTHZ_TIMEOUT_MS = 60_000;
/**
 * Known harmless workbench messages of an offline run (see the recipe's "Known pitfalls"); they are kept in
 * editor.log but not echoed unless NETLENS_INTEGRATION_VERBOSE=1. Everything else, in particular all extension-host
 * console output (mocha's report), is echoed.
 */
const NOISE: RegExp[] = [
  /^\[AgentHost(:[\w-]+)?\] /, // the chat agent host looking for a GitHub sign-in
  /^\[AccountPolicyGate\] /,
  /authentication provider 'github'/,
  /ECONNREFUSED 127\.0\.0\.1:9\b/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^Creation of workbench contribution '.*' took \d+ms/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\] registered/,
];

function log(msg: string): void {
  console.log(`[integration] ${msg}`);
}

function secs(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function loadSetupScript(root: string): { ensureTestEditor(): TestEditor } {
  // Resolved at run time from the repository root (not bundled): it is plain Node and also runs on its own.
  return require(path.join(root, 'scripts', 'setup-test-editor.js')) as { ensureTestEditor(): TestEditor };
}

/** The folders of a private code-server profile (scripts/code-server-profile.js). */
export type ProfileDirs = Readonly<Record<'userData' | 'extensions' | 'config' | 'data' | 'cache' | 'tmp', string>>;

/** scripts/code-server-profile.js: the editor `npm start` serves and these tests drive, defined once for both. */
export interface CodeServerProfile {
  profileDirs(root: string): ProfileDirs;
  prepareProfile(dirs: ProfileDirs, settings?: Record<string, unknown>, opts?: { keepUserEdits?: boolean }): void;
  codeServerArgs(o: { entry: string; port: number; dirs: ProfileDirs; workspaceTrust: boolean; smokeTestDriver?: boolean; folder?: string }): string[];
  codeServerEnv(parentEnv: NodeJS.ProcessEnv, dirs: ProfileDirs): NodeJS.ProcessEnv;
  installExtension(root: string, dirs: ProfileDirs): string;
  healthz(port: number): Promise<boolean>;
}

export function codeServerProfile(): CodeServerProfile {
  // Required at run time, like the set-up script: plain Node, shared with scripts/start-demo.js.
  return require(path.join(REPO_ROOT, 'scripts', 'code-server-profile.js')) as CodeServerProfile;
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A file URI path for vscode-remote://host:port<path>, with each segment percent-encoded. */
function uriPath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function defaultWorkspace(root: string): string {
  const demo = path.join(root, 'demo');
  return fs.existsSync(demo) ? demo : path.join(root, 'test', 'fixtures', 'workspace');
}

export async function stopProcessGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const pid = child.pid;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pid, sig); // the whole group: code-server forks its server, extension host, pty host, watcher
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
  signal('SIGKILL');
  await Promise.race([exited, sleep(2000)]);
}

/** Waits for `p` at most `ms`; the timer is cleared either way so it never holds the process open. */
async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** What one editor start owns: a fresh temp folder (profiles, logs), code-server and Chromium. */
export class EditorSession {
  readonly dir: string;
  readonly dirs: Readonly<Record<'userData' | 'extensions' | 'config' | 'data' | 'cache' | 'tmp' | 'profile', string>>;
  readonly serverLogFile: string;
  readonly browserLogFile: string;
  readonly editorLogFile: string;
  /** Workbench messages (codeAutomationLog); only the payload mode of runIntegrationTests writes to it. */
  readonly editorLog: fs.WriteStream;
  server: ChildProcess | undefined;
  /** Settles (never rejects) with a reason once code-server exits or fails to start. */
  serverExited: Promise<string> = new Promise<string>(() => undefined);
  context: BrowserContext | undefined;
  page: Page | undefined;
  private readonly serverLog: fs.WriteStream;
  private readonly browserLog: fs.WriteStream;
  /** The environment of code-server and Chromium: every folder they write to is inside `dir`. */
  private readonly env: NodeJS.ProcessEnv;
  private readonly onSignal = (sig: NodeJS.Signals): void => {
    log(`${sig}: stopping the editor`);
    void stopProcessGroup(this.server).finally(() => {
      this.removeDir();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  };

  /** Makes the folders and log files and writes the user settings (`settings` on top of the shared ones). */
  constructor(prefix: string, settings: Record<string, unknown> = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const D = this.dir;
    const profile = codeServerProfile();
    this.dirs = { ...profile.profileDirs(D), profile: path.join(D, 'chromium-profile') };
    fs.mkdirSync(this.dirs.profile, { recursive: true });
    profile.prepareProfile(this.dirs, settings);
    this.env = profile.codeServerEnv(process.env, this.dirs);
    this.serverLogFile = path.join(D, 'code-server.log');
    this.browserLogFile = path.join(D, 'browser-console.log');
    this.editorLogFile = path.join(D, 'editor.log');
    this.serverLog = fs.createWriteStream(this.serverLogFile);
    this.browserLog = fs.createWriteStream(this.browserLogFile);
    this.editorLog = fs.createWriteStream(this.editorLogFile);
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  /**
   * Starts code-server on a free loopback port and waits for /healthz. `smokeTestDriver` is what the test payload
   * needs (the extension under development is loaded only with it); it also hides notification toasts.
   */
  async startServer(editor: TestEditor, opts: { workspaceTrust: boolean; smokeTestDriver: boolean; deadline: number }): Promise<number> {
    const port = await freeLoopbackPort();
    const tServer = Date.now();
    const server = spawn(
      editor.node24,
      codeServerProfile().codeServerArgs({ entry: editor.codeServerEntry, port, dirs: this.dirs, workspaceTrust: opts.workspaceTrust, smokeTestDriver: opts.smokeTestDriver }),
      {
        cwd: this.dir,
        detached: true, // own process group, so the whole tree can be stopped
        stdio: ['ignore', 'pipe', 'pipe'],
        env: this.env,
      },
    );
    this.server = server;
    server.stdout?.pipe(this.serverLog, { end: false });
    server.stderr?.pipe(this.serverLog, { end: false });
    this.serverExited = new Promise<string>((resolve) => {
      server.once('exit', (code, sig) => resolve(`code-server exited early (code ${code}, signal ${sig})`));
      server.once('error', (err) => resolve(`code-server could not start: ${err.message}`));
    });

    // Ready when /healthz answers.
    let ready = false;
    const healthDeadline = Math.min(opts.deadline, Date.now() + HEALTHZ_TIMEOUT_MS);
    while (!ready && Date.now() < healthDeadline) {
      if (server.exitCode !== null || server.signalCode !== null) break;
      ready = await codeServerProfile().healthz(port);
      if (!ready) await sleep(200);
    }
    if (!ready) {
      const why = server.exitCode !== null || server.signalCode !== null ? await this.serverExited : 'no answer on /healthz';
      throw new Error(`code-server did not become ready on 127.0.0.1:${port}: ${why}`);
    }
    log(`code-server 127.0.0.1:${port} ready (${secs(tServer)})`);
    return port;
  }

  /** Debian's Chromium, headless, fresh profile, every name but loopback unresolvable; console goes to a log. */
  async launchBrowser(): Promise<Page> {
    const tBrowser = Date.now();
    this.context = await chromium.launchPersistentContext(this.dirs.profile, {
      executablePath: CHROMIUM,
      headless: true,
      env: this.env,
      viewport: { width: 1400, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Nothing leaves the machine: every name fails to resolve except the loopback server.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    });
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page = page;
    page.on('console', (msg) => this.browserLog.write(`[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => this.browserLog.write(`[pageerror] ${err.message}\n`));
    log(`chromium ready (${secs(tBrowser)})`);
    return page;
  }

  /** Loads the workbench; running out of the overall time limit says so. */
  async openWorkbench(url: string, deadline: number, timeoutMs: number): Promise<void> {
    try {
      await this.page?.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1000, deadline - Date.now()) });
    } catch (err) {
      if (Date.now() >= deadline - 50) {
        throw new Error(`timed out after ${(timeoutMs / 1000).toFixed(0)} s (overall limit) while loading the workbench`);
      }
      throw err;
    }
  }

  /** A PNG of the page, if there is one; never throws, gives up after 10 s. */
  async screenshot(file: string): Promise<boolean> {
    const page = this.page;
    if (!page || page.isClosed()) return false;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const ok = await withTimeout(
      page.screenshot({ path: file }).then(
        () => true,
        () => false,
      ),
      10_000,
    );
    return ok === true;
  }

  /** Closes the browser, stops code-server's process group and flushes the logs (the folder stays). */
  async close(): Promise<void> {
    process.removeListener('SIGINT', this.onSignal);
    process.removeListener('SIGTERM', this.onSignal);
    if (this.context) await withTimeout(this.context.close().catch(() => undefined), 10_000);
    await stopProcessGroup(this.server);
    await new Promise<void>((r) => this.serverLog.end(r));
    await new Promise<void>((r) => this.browserLog.end(r));
    await new Promise<void>((r) => this.editorLog.end(r));
  }

  /** Copies code-server's, the browser's and the workbench's logs to `outputDir` (after close()). */
  saveLogs(outputDir: string): void {
    fs.mkdirSync(outputDir, { recursive: true });
    fs.copyFileSync(this.serverLogFile, path.join(outputDir, 'code-server.log'));
    fs.copyFileSync(this.browserLogFile, path.join(outputDir, 'browser-console.log'));
    // Empty unless the test payload ran (nothing else sends workbench messages to codeAutomationLog).
    if (fs.statSync(this.editorLogFile).size > 0) fs.copyFileSync(this.editorLogFile, path.join(outputDir, 'editor.log'));
  }

  removeDir(): void {
    if (process.env.NETLENS_KEEP_TEST_DIR === '1') log(`kept ${this.dir}`);
    else fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function loadTestEditor(root: string): TestEditor | string {
  const tEditor = Date.now();
  try {
    const editor = loadSetupScript(root).ensureTestEditor();
    log(`editor: ${editor.codeServerEntry} (${secs(tEditor)})`);
    return editor;
  } catch (err) {
    return `test editor: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export async function runIntegrationTests(opts: IntegrationRunOptions = {}): Promise<IntegrationRunResult> {
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs ?? (Number(process.env.NETLENS_INTEGRATION_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS);
  const deadline = t0 + timeoutMs;
  const root = REPO_ROOT;
  const extensionDevelopmentPath = path.resolve(opts.extensionDevelopmentPath ?? root);
  const extensionTestsPath = path.resolve(
    opts.extensionTestsPath ?? path.join(root, 'out', 'test', 'integration', 'suite', 'index.js'),
  );
  const workspace = path.resolve(opts.workspace ?? defaultWorkspace(root));
  const outputDir = path.join(root, '.test-output');

  const failures: string[] = [];
  let result: IntegrationRunResult | undefined;

  if (!fs.existsSync(extensionTestsPath)) {
    return { passed: 0, failed: 1, failures: [`${extensionTestsPath} does not exist: run "node esbuild.js" first`] };
  }
  if (!fs.existsSync(workspace)) {
    return { passed: 0, failed: 1, failures: [`workspace folder ${workspace} does not exist`] };
  }

  const editor = loadTestEditor(root);
  if (typeof editor === 'string') return { passed: 0, failed: 1, failures: [editor] };

  // Fresh folder for everything the editor and the browser write.
  const session = new EditorSession('netlens-it-');
  const verbose = process.env.NETLENS_INTEGRATION_VERBOSE === '1';
  let suppressed = 0;
  let workbenchLogs: WorkbenchLog[] = [];

  try {
    const port = await session.startServer(editor, { workspaceTrust: opts.workspaceTrust === true, smokeTestDriver: true, deadline });
    const page = await session.launchBrowser();

    let resolveExit!: (code: number) => void;
    const exitCode = new Promise<number>((r) => (resolveExit = r));
    // Both must exist before the workbench loads.
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: WorkbenchLog[]) => {
      workbenchLogs = Array.isArray(logs) ? logs : [];
      resolveExit(code);
    });
    // Receives the workbench's log output as printf-style arrays; with a test run from the payload this includes
    // the extension host's console (unlabelled), so mocha's report and the result line arrive here.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      for (const line of text.split('\n')) {
        const at = line.indexOf(RESULT_PREFIX);
        if (at >= 0) {
          try {
            result = JSON.parse(line.slice(at + RESULT_PREFIX.length)) as IntegrationRunResult;
          } catch (err) {
            failures.push(`unparsable result line: ${line} (${String(err)})`);
          }
        }
      }
      session.editorLog.write(`[${type}] ${text}\n`);
      if (!verbose && NOISE.some((re) => re.test(text))) {
        suppressed++;
        return;
      }
      console.log(`[editor${type === 'info' || type === 'log' ? '' : ':' + type}] ${text}`);
    });

    const authority = `127.0.0.1:${port}`;
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${uriPath(extensionDevelopmentPath)}`],
      ['extensionTestsPath', `vscode-remote://${authority}${uriPath(extensionTestsPath)}`],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const extensionEnvironment: Record<string, string> = {};
    for (const k of PASS_THROUGH_ENV) {
      const v = process.env[k];
      if (v !== undefined) extensionEnvironment[k] = v;
    }
    Object.assign(extensionEnvironment, opts.extensionEnv ?? {});
    if (Object.keys(extensionEnvironment).length > 0) {
      payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
    }
    const url =
      `http://${authority}/?folder=${encodeURIComponent(workspace)}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const tTests = Date.now();
    log(`opening the workbench: folder ${workspace}, extension ${extensionDevelopmentPath}`);
    await session.openWorkbench(url, deadline, timeoutMs);

    const remaining = Math.max(0, deadline - Date.now());
    // A cancellable deadline: a plain sleep() here would keep this process alive for the rest of the budget.
    let deadlineTimer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      exitCode.then((code) => ({ kind: 'exit' as const, code })),
      session.serverExited.then((why) => ({ kind: 'crash' as const, why })),
      new Promise<{ kind: 'timeout' }>((resolve) => (deadlineTimer = setTimeout(() => resolve({ kind: 'timeout' }), remaining))),
    ]);
    clearTimeout(deadlineTimer);
    if (outcome.kind === 'exit') {
      log(`extension host finished with exit code ${outcome.code} (${secs(tTests)} after opening the workbench)`);
      if (!result) failures.push(`the suite printed no ${RESULT_PREFIX.trim()} line (exit code ${outcome.code})`);
      else if (outcome.code !== 0 && result.failed === 0) failures.push(`extension host exited with code ${outcome.code}`);
    } else if (outcome.kind === 'crash') {
      failures.push(outcome.why);
    } else {
      failures.push(`timed out after ${(timeoutMs / 1000).toFixed(0)} s (overall limit, includes start-up)`);
    }
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
  } finally {
    const total: IntegrationRunResult = {
      passed: result?.passed ?? 0,
      failed: (result?.failed ?? 0) + failures.length,
      failures: [...(result?.failures ?? []), ...failures],
    };
    if (total.failed > 0) {
      const shot = path.join(outputDir, 'integration-failure.png');
      if (await session.screenshot(shot)) log(`screenshot: ${shot}`);
    }
    await session.close();
    if (suppressed > 0) log(`${suppressed} known-harmless workbench messages not shown (NETLENS_INTEGRATION_VERBOSE=1 shows them)`);
    if (total.failed > 0) {
      // Keep what is needed to diagnose the failure next to the screenshot.
      session.saveLogs(outputDir);
      const logsDir = path.join(outputDir, 'workbench-logs');
      fs.rmSync(logsDir, { recursive: true, force: true });
      for (const l of workbenchLogs) {
        const file = path.join(logsDir, path.normalize(l.relativePath).replace(/^(\.\.(\/|\\|$))+/, ''));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, l.contents);
      }
      log(`logs: ${outputDir}`);
    }
    session.removeDir();
    log(`total ${secs(t0)}`);
    result = total;
  }
  return result;
}

export interface UiRunOptions {
  /** Folder copied to a temp folder and opened (trusted). Default: <repo>/demo. */
  workspace?: string;
  /** Overall time limit for start-up plus scenarios; running out counts as a failure. Default 120 s. */
  timeoutMs?: number;
  /** Default: UI_SCENARIOS from test/ui/scenarios.ts. */
  scenarios?: readonly UiScenario[];
  /** Screenshots (`<n>-<name>.png`) and, on failure, the logs. Default: <repo>/.test-output/ui. */
  outputDir?: string;
}

/** Settings of the UI run on top of the quiet, offline ones every profile has: nothing on screen but what the scenarios open. */
const UI_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'git.enabled': false,
  'editor.minimap.enabled': false,
};

/**
 * Installs the built extension as a user would have it (no development payload, no smoke-test driver, so toasts
 * and every UI piece behave normally), opens a temp copy of the demo workspace trusted, and runs UI scenarios in
 * Chromium with real keyboard and mouse input. Each scenario is one test; each leaves `<n>-<name>.png`.
 */
export async function runUiTests(opts: UiRunOptions = {}): Promise<IntegrationRunResult> {
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs ?? (Number(process.env.NETLENS_UI_TIMEOUT_MS) || DEFAULT_UI_TIMEOUT_MS);
  const deadline = t0 + timeoutMs;
  const root = REPO_ROOT;
  // NETLENS_TEST_GREP keeps the scenarios whose name contains it (they may depend on earlier ones: keep those too).
  const grep = process.env.NETLENS_TEST_GREP;
  const scenarios = (opts.scenarios ?? UI_SCENARIOS).filter((s) => !grep || s.name.includes(grep));
  const sourceWorkspace = path.resolve(opts.workspace ?? path.join(root, 'demo'));
  const outputDir = path.resolve(opts.outputDir ?? path.join(root, '.test-output', 'ui'));
  const failures: string[] = [];
  let passed = 0;

  for (const f of ['dist/extension.js', 'media/webview.js']) {
    if (!fs.existsSync(path.join(root, f))) return { passed: 0, failed: 1, failures: [`${f} does not exist: run "node esbuild.js" first`] };
  }
  if (!fs.existsSync(sourceWorkspace)) return { passed: 0, failed: 1, failures: [`workspace folder ${sourceWorkspace} does not exist`] };
  const editor = loadTestEditor(root);
  if (typeof editor === 'string') return { passed: 0, failed: 1, failures: [editor] };

  // Screenshots of an earlier run would be mistaken for this one's.
  fs.rmSync(outputDir, { recursive: true, force: true });
  fs.mkdirSync(outputDir, { recursive: true });
  const session = new EditorSession('netlens-ui-', UI_SETTINGS);
  const installed = codeServerProfile().installExtension(root, session.dirs);
  // A copy, so nothing the editor or a scenario does can change the demo folder.
  const workspace = path.join(session.dir, path.basename(sourceWorkspace));
  fs.cpSync(sourceWorkspace, workspace, { recursive: true });

  let stopped = false;
  let current = '';
  let attempted = 0;
  let scenariosDone: Promise<void> = Promise.resolve();
  try {
    const port = await session.startServer(editor, { workspaceTrust: false, smokeTestDriver: false, deadline });
    const page = await session.launchBrowser();
    page.setDefaultTimeout(10_000);
    log(`opening the workbench: folder ${workspace}, extension installed in ${installed}`);
    await session.openWorkbench(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, deadline, timeoutMs);
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: Math.max(1000, deadline - Date.now()) });
    log(`workbench up (${secs(t0)} after start)`);

    const ctx: UiContext = {
      page,
      workspace,
      remaining: () => Math.max(0, deadline - Date.now()),
      artifactPath: (file) => path.join(outputDir, file),
      log: (msg) => log(`  ${msg}`),
    };
    const runAll = async (): Promise<void> => {
      for (const [i, scenario] of scenarios.entries()) {
        if (stopped) return;
        current = scenario.name;
        attempted++;
        const tScenario = Date.now();
        const shot = path.join(outputDir, `${i + 1}-${scenario.name}.png`);
        try {
          await scenario.run(ctx);
          if (stopped) return;
          await session.screenshot(shot);
          passed++;
          log(`✓ ${scenario.name} (${secs(tScenario)})`);
        } catch (err) {
          if (stopped) return;
          await session.screenshot(shot);
          const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
          failures.push(`${scenario.name}: ${why} (screenshot ${path.relative(root, shot)})`);
          log(`✗ ${scenario.name}: ${why} (${secs(tScenario)})`);
        }
        await resetUi(page).catch(() => undefined);
      }
    };
    scenariosDone = runAll();
    let deadlineTimer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      scenariosDone.then(() => ({ kind: 'done' as const })),
      session.serverExited.then((why) => ({ kind: 'crash' as const, why })),
      new Promise<{ kind: 'timeout' }>((resolve) => (deadlineTimer = setTimeout(() => resolve({ kind: 'timeout' }), Math.max(0, deadline - Date.now())))),
    ]);
    clearTimeout(deadlineTimer);
    if (outcome.kind === 'crash') failures.push(`${current}: ${outcome.why}`);
    else if (outcome.kind === 'timeout') failures.push(`${current}: timed out after ${(timeoutMs / 1000).toFixed(0)} s (overall limit, includes start-up)`);
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
  } finally {
    stopped = true;
    if (failures.length > 0) {
      const shot = path.join(outputDir, 'failure.png');
      if (await session.screenshot(shot)) log(`screenshot: ${shot}`);
    }
    await session.close();
    // Whatever a scenario was still doing ends once the browser is gone.
    await withTimeout(scenariosDone, 5000);
    if (failures.length > 0) {
      session.saveLogs(outputDir);
      // The server side's own logs (server, extension host, NetLens's output channel).
      const serverLogs = path.join(session.dirs.userData, 'logs');
      if (fs.existsSync(serverLogs)) fs.cpSync(serverLogs, path.join(outputDir, 'server-logs'), { recursive: true });
      log(`logs: ${outputDir}`);
    }
    session.removeDir();
    log(`total ${secs(t0)}`);
  }
  if (attempted < scenarios.length) log(`${scenarios.length - attempted} of ${scenarios.length} scenarios did not run`);
  return { passed, failed: failures.length, failures };
}

// Run only when this file itself is the entry point. `require.main === module` alone is not enough: esbuild
// inlines this module into bundles that import it (out/test/runAll.js), where that comparison is true as well.
if (require.main === module && /runInCodeServer\.[cm]?[jt]s$/.test(require.main.filename)) {
  const ui = process.argv.includes('--ui');
  const workspace = process.argv.slice(2).find((a) => a !== '--ui');
  if (ui && process.env.NETLENS_DNS_FIXTURE !== '1') {
    // The scenarios resolve fixture names; outside the namespace those lookups would go to the real resolver.
    console.error('The UI tests need the DNS fixture: node scripts/with-test-netns.js -- node out/test/integration/runInCodeServer.js --ui');
    process.exit(2);
  }
  const run = ui ? runUiTests(workspace ? { workspace } : {}) : runIntegrationTests(workspace ? { workspace } : {});
  run.then(
    (r) => {
      for (const f of r.failures) console.log(`  FAILED: ${f}`);
      console.log(`${r.passed} passed, ${r.failed} failed (${ui ? 'UI tests' : 'in-editor integration tests'})`);
      process.exit(r.failed > 0 ? 1 : 0);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
}
