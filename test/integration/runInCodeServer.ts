// Runs the in-editor integration tests (out/test/integration/suite/index.js) inside a real VS Code, offline:
// code-server 4.139.1 (= VS Code 1.139.1, real extension host on Node 24) with the workbench in Debian's Chromium,
// driven by playwright-core. Recipe: /work/shared/docs/offline-editor-tests.md.
//
//   node esbuild.js && node out/test/integration/runInCodeServer.js [workspace]
//
// Environment: NETLENS_CACHE (editor cache folder, default ~/.cache/netlens), NETLENS_KEEP_TEST_DIR=1 (keep the
// temp folder), NETLENS_INTEGRATION_TIMEOUT_MS (overall timeout), NETLENS_DNS_FIXTURE / NETLENS_DNS_FIXTURE_LOG /
// NETLENS_TEST_NETNS (passed on to the extension host), NETLENS_INTEGRATION_VERBOSE=1 (echo every workbench message).
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../support/paths';

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
const PASS_THROUGH_ENV = ['NETLENS_DNS_FIXTURE', 'NETLENS_DNS_FIXTURE_LOG', 'NETLENS_TEST_NETNS'];
const CHROMIUM = '/usr/bin/chromium';
const DEFAULT_TIMEOUT_MS = 240_000;
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

function freeLoopbackPort(): Promise<number> {
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

function healthz(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** A file URI path for vscode-remote://host:port<path>, with each segment percent-encoded. */
function uriPath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** Environment without variables of an editor we may have been started from (they would confuse code-server). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function defaultWorkspace(root: string): string {
  const demo = path.join(root, 'demo');
  return fs.existsSync(demo) ? demo : path.join(root, 'test', 'fixtures', 'workspace');
}

async function stopProcessGroup(child: ChildProcess | undefined): Promise<void> {
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

  const tEditor = Date.now();
  let editor: TestEditor;
  try {
    editor = loadSetupScript(root).ensureTestEditor();
  } catch (err) {
    return { passed: 0, failed: 1, failures: [`test editor: ${err instanceof Error ? err.message : String(err)}`] };
  }
  log(`editor: ${editor.codeServerEntry} (${secs(tEditor)})`);

  // Fresh folder for everything the editor and the browser write.
  const D = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-it-'));
  const dirs = {
    userData: path.join(D, 'user-data'),
    extensions: path.join(D, 'extensions'),
    config: path.join(D, 'xdg-config'),
    data: path.join(D, 'xdg-data'),
    cache: path.join(D, 'xdg-cache'),
    tmp: path.join(D, 'tmp'),
    profile: path.join(D, 'chromium-profile'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  const settings = {
    // Keeps the empty chat side bar out of screenshots.
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // No chat agent host (and its bundled Copilot CLI process) looking for a GitHub sign-in: less noise, ~150 MB less.
    'chat.disableAIFeatures': true,
  };
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  const sandboxEnv: Record<string, string> = {
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
  };
  const serverLogFile = path.join(D, 'code-server.log');
  const browserLogFile = path.join(D, 'browser-console.log');
  const serverLog = fs.createWriteStream(serverLogFile);
  const browserLog = fs.createWriteStream(browserLogFile);
  const editorLogFile = path.join(D, 'editor.log');
  const editorLog = fs.createWriteStream(editorLogFile);
  const verbose = process.env.NETLENS_INTEGRATION_VERBOSE === '1';
  let suppressed = 0;

  let server: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let workbenchLogs: WorkbenchLog[] = [];

  const onSignal = (sig: NodeJS.Signals): void => {
    log(`${sig}: stopping the editor`);
    void stopProcessGroup(server).finally(() => {
      if (process.env.NETLENS_KEEP_TEST_DIR !== '1') fs.rmSync(D, { recursive: true, force: true });
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const port = await freeLoopbackPort();
    const tServer = Date.now();
    server = spawn(
      editor.node24,
      [
        editor.codeServerEntry,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--user-data-dir', dirs.userData,
        '--extensions-dir', dirs.extensions,
        '--disable-telemetry',
        '--disable-update-check',
        ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
        '--disable-getting-started-override',
        // Required for the test payload: without it the extension under development is not loaded.
        '--vscode-option', 'enable-smoke-test-driver',
      ],
      {
        cwd: D,
        detached: true, // own process group, so the whole tree can be stopped
        stdio: ['ignore', 'pipe', 'pipe'],
        env: cleanEnv({
          ...sandboxEnv,
          // A dead loopback port: no traffic to the public marketplace.
          EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery' }),
        }),
      },
    );
    server.stdout?.pipe(serverLog, { end: false });
    server.stderr?.pipe(serverLog, { end: false });
    const serverExited = new Promise<string>((resolve) => {
      server?.once('exit', (code, sig) => resolve(`code-server exited early (code ${code}, signal ${sig})`));
      server?.once('error', (err) => resolve(`code-server could not start: ${err.message}`));
    });

    // Ready when /healthz answers.
    let ready = false;
    const healthDeadline = Math.min(deadline, Date.now() + HEALTHZ_TIMEOUT_MS);
    while (!ready && Date.now() < healthDeadline) {
      if (server.exitCode !== null || server.signalCode !== null) break;
      ready = await healthz(port);
      if (!ready) await sleep(200);
    }
    if (!ready) {
      const why = server.exitCode !== null || server.signalCode !== null ? await serverExited : 'no answer on /healthz';
      throw new Error(`code-server did not become ready on 127.0.0.1:${port}: ${why}`);
    }
    log(`code-server 127.0.0.1:${port} ready (${secs(tServer)})`);

    const tBrowser = Date.now();
    context = await chromium.launchPersistentContext(dirs.profile, {
      executablePath: CHROMIUM,
      headless: true,
      env: cleanEnv(sandboxEnv),
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
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (msg) => browserLog.write(`[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => browserLog.write(`[pageerror] ${err.message}\n`));

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
      editorLog.write(`[${type}] ${text}\n`);
      if (!verbose && NOISE.some((re) => re.test(text))) {
        suppressed++;
        return;
      }
      console.log(`[editor${type === 'info' || type === 'log' ? '' : ':' + type}] ${text}`);
    });
    log(`chromium ready (${secs(tBrowser)})`);

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
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1000, deadline - Date.now()) });
    } catch (err) {
      if (Date.now() >= deadline - 50) {
        throw new Error(`timed out after ${(timeoutMs / 1000).toFixed(0)} s (overall limit) while loading the workbench`);
      }
      throw err;
    }

    const remaining = Math.max(0, deadline - Date.now());
    // A cancellable deadline: a plain sleep() here would keep this process alive for the rest of the budget.
    let deadlineTimer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      exitCode.then((code) => ({ kind: 'exit' as const, code })),
      serverExited.then((why) => ({ kind: 'crash' as const, why })),
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
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    const total: IntegrationRunResult = {
      passed: result?.passed ?? 0,
      failed: (result?.failed ?? 0) + failures.length,
      failures: [...(result?.failures ?? []), ...failures],
    };
    if (total.failed > 0) {
      fs.mkdirSync(outputDir, { recursive: true });
      if (page && !page.isClosed()) {
        const shot = path.join(outputDir, 'integration-failure.png');
        const ok = await withTimeout(
          page.screenshot({ path: shot }).then(
            () => true,
            () => false,
          ),
          10_000,
        );
        if (ok) log(`screenshot: ${shot}`);
      }
    }
    if (context) await withTimeout(context.close().catch(() => undefined), 10_000);
    await stopProcessGroup(server);
    await new Promise<void>((r) => serverLog.end(r));
    await new Promise<void>((r) => browserLog.end(r));
    await new Promise<void>((r) => editorLog.end(r));
    if (suppressed > 0) log(`${suppressed} known-harmless workbench messages not shown (NETLENS_INTEGRATION_VERBOSE=1 shows them)`);
    if (total.failed > 0) {
      // Keep what is needed to diagnose the failure next to the screenshot.
      fs.copyFileSync(serverLogFile, path.join(outputDir, 'code-server.log'));
      fs.copyFileSync(browserLogFile, path.join(outputDir, 'browser-console.log'));
      fs.copyFileSync(editorLogFile, path.join(outputDir, 'editor.log'));
      const logsDir = path.join(outputDir, 'workbench-logs');
      fs.rmSync(logsDir, { recursive: true, force: true });
      for (const l of workbenchLogs) {
        const file = path.join(logsDir, path.normalize(l.relativePath).replace(/^(\.\.(\/|\\|$))+/, ''));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, l.contents);
      }
      log(`logs: ${outputDir}`);
    }
    if (process.env.NETLENS_KEEP_TEST_DIR === '1') log(`kept ${D}`);
    else fs.rmSync(D, { recursive: true, force: true });
    log(`total ${secs(t0)}`);
    result = total;
  }
  return result;
}

// Run only when this file itself is the entry point. `require.main === module` alone is not enough: esbuild
// inlines this module into bundles that import it (out/test/runAll.js), where that comparison is true as well.
if (require.main === module && /runInCodeServer\.[cm]?[jt]s$/.test(require.main.filename)) {
  const workspace = process.argv[2];
  runIntegrationTests(workspace ? { workspace } : {}).then(
    (r) => {
      for (const f of r.failures) console.log(`  FAILED: ${f}`);
      console.log(`${r.passed} passed, ${r.failed} failed (in-editor integration tests)`);
      process.exit(r.failed > 0 ? 1 : 0);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
}
