"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// test/integration/runInCodeServer.ts
var runInCodeServer_exports = {};
__export(runInCodeServer_exports, {
  findRepoRoot: () => findRepoRoot,
  runIntegrationTests: () => runIntegrationTests
});
module.exports = __toCommonJS(runInCodeServer_exports);
var import_child_process = require("child_process");
var fs = __toESM(require("fs"));
var http = __toESM(require("http"));
var net = __toESM(require("net"));
var os = __toESM(require("os"));
var path = __toESM(require("path"));
var util = __toESM(require("util"));
var import_playwright_core = require("playwright-core");
var RESULT_PREFIX = "NETLENS_INTEGRATION_RESULT ";
var PASS_THROUGH_ENV = ["NETLENS_DNS_FIXTURE", "NETLENS_DNS_FIXTURE_LOG", "NETLENS_TEST_NETNS"];
var CHROMIUM = "/usr/bin/chromium";
var DEFAULT_TIMEOUT_MS = 24e4;
var HEALTHZ_TIMEOUT_MS = 6e4;
function log(msg) {
  console.log(`[integration] ${msg}`);
}
function secs(since) {
  return `${((Date.now() - since) / 1e3).toFixed(1)} s`;
}
function findRepoRoot(start = __dirname) {
  let dir = start;
  for (; ; ) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      const name = JSON.parse(fs.readFileSync(pkg, "utf8")).name;
      if (name === "netlens") return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no NetLens package.json above ${start}`);
    dir = parent;
  }
}
function loadSetupScript(root) {
  return require(path.join(root, "scripts", "setup-test-editor.js"));
}
function freeLoopbackPort() {
  return new Promise((resolve2, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => port ? resolve2(port) : reject(new Error("could not pick a free port")));
    });
  });
}
function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
function healthz(port) {
  return new Promise((resolve2) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/healthz", timeout: 2e3 }, (res) => {
      res.resume();
      resolve2(res.statusCode === 200);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve2(false));
  });
}
function uriPath(p) {
  return p.split("/").map(encodeURIComponent).join("/");
}
function cleanEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith("VSCODE_") || k === "ELECTRON_RUN_AS_NODE") continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}
function defaultWorkspace(root) {
  const demo = path.join(root, "demo");
  return fs.existsSync(demo) ? demo : path.join(root, "test", "fixtures", "workspace");
}
async function stopProcessGroup(child) {
  if (!child || child.pid === void 0 || child.exitCode !== null || child.signalCode !== null) return;
  const pid = child.pid;
  const exited = new Promise((r) => child.once("exit", () => r()));
  const signal = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
    }
  };
  signal("SIGTERM");
  await Promise.race([exited, sleep(5e3)]);
  signal("SIGKILL");
  await Promise.race([exited, sleep(2e3)]);
}
function withTimeout(p, ms) {
  return Promise.race([p, sleep(ms).then(() => void 0)]);
}
async function runIntegrationTests(opts = {}) {
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs ?? (Number(process.env.NETLENS_INTEGRATION_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS);
  const deadline = t0 + timeoutMs;
  const root = findRepoRoot();
  const extensionDevelopmentPath = path.resolve(opts.extensionDevelopmentPath ?? root);
  const extensionTestsPath = path.resolve(
    opts.extensionTestsPath ?? path.join(root, "out", "test", "integration", "suite", "index.js")
  );
  const workspace = path.resolve(opts.workspace ?? defaultWorkspace(root));
  const outputDir = path.join(root, ".test-output");
  const failures = [];
  let result;
  if (!fs.existsSync(extensionTestsPath)) {
    return { passed: 0, failed: 1, failures: [`${extensionTestsPath} does not exist: run "node esbuild.js" first`] };
  }
  if (!fs.existsSync(workspace)) {
    return { passed: 0, failed: 1, failures: [`workspace folder ${workspace} does not exist`] };
  }
  const tEditor = Date.now();
  const editor = loadSetupScript(root).ensureTestEditor();
  log(`editor: ${editor.codeServerEntry} (${secs(tEditor)})`);
  const D = fs.mkdtempSync(path.join(os.tmpdir(), "netlens-it-"));
  const dirs = {
    userData: path.join(D, "user-data"),
    extensions: path.join(D, "extensions"),
    config: path.join(D, "xdg-config"),
    data: path.join(D, "xdg-data"),
    cache: path.join(D, "xdg-cache"),
    tmp: path.join(D, "tmp"),
    profile: path.join(D, "chromium-profile")
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, "User"), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, "User", "settings.json"),
    JSON.stringify({ "workbench.secondarySideBar.defaultVisibility": "hidden" }, null, 2) + "\n"
  );
  const sandboxEnv = {
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp
  };
  const serverLogFile = path.join(D, "code-server.log");
  const browserLogFile = path.join(D, "browser-console.log");
  const serverLog = fs.createWriteStream(serverLogFile);
  const browserLog = fs.createWriteStream(browserLogFile);
  let server;
  let context;
  let page;
  let workbenchLogs = [];
  const onSignal = (sig) => {
    log(`${sig}: stopping the editor`);
    void stopProcessGroup(server).finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const port = await freeLoopbackPort();
    const tServer = Date.now();
    server = (0, import_child_process.spawn)(
      editor.node24,
      [
        editor.codeServerEntry,
        "--auth",
        "none",
        "--bind-addr",
        `127.0.0.1:${port}`,
        "--user-data-dir",
        dirs.userData,
        "--extensions-dir",
        dirs.extensions,
        "--disable-telemetry",
        "--disable-update-check",
        "--disable-workspace-trust",
        "--disable-getting-started-override",
        // Required for the test payload: without it the extension under development is not loaded.
        "--vscode-option",
        "enable-smoke-test-driver"
      ],
      {
        cwd: D,
        detached: true,
        // own process group, so the whole tree can be stopped
        stdio: ["ignore", "pipe", "pipe"],
        env: cleanEnv({
          ...sandboxEnv,
          // A dead loopback port: no traffic to the public marketplace.
          EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: "http://127.0.0.1:9/gallery" })
        })
      }
    );
    server.stdout?.pipe(serverLog, { end: false });
    server.stderr?.pipe(serverLog, { end: false });
    const serverExited = new Promise((resolve2) => {
      server?.once("exit", (code, sig) => resolve2(`code-server exited early (code ${code}, signal ${sig})`));
      server?.once("error", (err) => resolve2(`code-server could not start: ${err.message}`));
    });
    let ready = false;
    const healthDeadline = Math.min(deadline, Date.now() + HEALTHZ_TIMEOUT_MS);
    while (!ready && Date.now() < healthDeadline) {
      if (server.exitCode !== null || server.signalCode !== null) break;
      ready = await healthz(port);
      if (!ready) await sleep(200);
    }
    if (!ready) {
      const why = server.exitCode !== null || server.signalCode !== null ? await serverExited : "no answer on /healthz";
      throw new Error(`code-server did not become ready on 127.0.0.1:${port}: ${why}`);
    }
    log(`code-server 127.0.0.1:${port} ready (${secs(tServer)})`);
    const tBrowser = Date.now();
    context = await import_playwright_core.chromium.launchPersistentContext(dirs.profile, {
      executablePath: CHROMIUM,
      headless: true,
      env: cleanEnv(sandboxEnv),
      viewport: { width: 1400, height: 900 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Nothing leaves the machine: every name fails to resolve except the loopback server.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"
      ]
    });
    page = context.pages()[0] ?? await context.newPage();
    page.on("console", (msg) => browserLog.write(`[${msg.type()}] ${msg.text()}
`));
    page.on("pageerror", (err) => browserLog.write(`[pageerror] ${err.message}
`));
    let resolveExit;
    const exitCode = new Promise((r) => resolveExit = r);
    await page.exposeFunction("codeAutomationExit", (code, logs) => {
      workbenchLogs = Array.isArray(logs) ? logs : [];
      resolveExit(code);
    });
    await page.exposeFunction("codeAutomationLog", (type, args) => {
      const text = util.format(...Array.isArray(args) ? args : [args]);
      for (const line of text.split("\n")) {
        const at = line.indexOf(RESULT_PREFIX);
        if (at >= 0) {
          try {
            result = JSON.parse(line.slice(at + RESULT_PREFIX.length));
          } catch (err) {
            failures.push(`unparsable result line: ${line} (${String(err)})`);
          }
        }
      }
      console.log(`[ext-host${type === "info" || type === "log" ? "" : ":" + type}] ${text}`);
    });
    log(`chromium ready (${secs(tBrowser)})`);
    const authority = `127.0.0.1:${port}`;
    const payload = [
      ["extensionDevelopmentPath", `vscode-remote://${authority}${uriPath(extensionDevelopmentPath)}`],
      ["extensionTestsPath", `vscode-remote://${authority}${uriPath(extensionTestsPath)}`],
      ["skipWelcome", "true"],
      ["skipReleaseNotes", "true"]
    ];
    const extensionEnvironment = {};
    for (const k of PASS_THROUGH_ENV) {
      const v = process.env[k];
      if (v !== void 0) extensionEnvironment[k] = v;
    }
    Object.assign(extensionEnvironment, opts.extensionEnv ?? {});
    if (Object.keys(extensionEnvironment).length > 0) {
      payload.push(["extensionEnvironment", JSON.stringify(extensionEnvironment)]);
    }
    const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const tTests = Date.now();
    log(`opening the workbench: folder ${workspace}, extension ${extensionDevelopmentPath}`);
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: Math.max(1e3, deadline - Date.now()) });
    const remaining = Math.max(0, deadline - Date.now());
    const outcome = await Promise.race([
      exitCode.then((code) => ({ kind: "exit", code })),
      serverExited.then((why) => ({ kind: "crash", why })),
      sleep(remaining).then(() => ({ kind: "timeout" }))
    ]);
    if (outcome.kind === "exit") {
      log(`extension host finished with exit code ${outcome.code} (${secs(tTests)} after opening the workbench)`);
      if (!result) failures.push(`the suite printed no ${RESULT_PREFIX.trim()} line (exit code ${outcome.code})`);
      else if (outcome.code !== 0 && result.failed === 0) failures.push(`extension host exited with code ${outcome.code}`);
    } else if (outcome.kind === "crash") {
      failures.push(outcome.why);
    } else {
      failures.push(`timed out after ${(timeoutMs / 1e3).toFixed(0)} s (overall limit, includes start-up)`);
    }
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    const total = {
      passed: result?.passed ?? 0,
      failed: (result?.failed ?? 0) + failures.length,
      failures: [...result?.failures ?? [], ...failures]
    };
    if (total.failed > 0) {
      fs.mkdirSync(outputDir, { recursive: true });
      if (page && !page.isClosed()) {
        const shot = path.join(outputDir, "integration-failure.png");
        const ok = await withTimeout(
          page.screenshot({ path: shot }).then(
            () => true,
            () => false
          ),
          1e4
        );
        if (ok) log(`screenshot: ${shot}`);
      }
    }
    if (context) await withTimeout(context.close().catch(() => void 0), 1e4);
    await stopProcessGroup(server);
    await new Promise((r) => serverLog.end(r));
    await new Promise((r) => browserLog.end(r));
    if (total.failed > 0) {
      fs.copyFileSync(serverLogFile, path.join(outputDir, "code-server.log"));
      fs.copyFileSync(browserLogFile, path.join(outputDir, "browser-console.log"));
      const logsDir = path.join(outputDir, "workbench-logs");
      fs.rmSync(logsDir, { recursive: true, force: true });
      for (const l of workbenchLogs) {
        const file = path.join(logsDir, path.normalize(l.relativePath).replace(/^(\.\.(\/|\\|$))+/, ""));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, l.contents);
      }
      log(`logs: ${outputDir}`);
    }
    if (process.env.NETLENS_KEEP_TEST_DIR === "1") log(`kept ${D}`);
    else fs.rmSync(D, { recursive: true, force: true });
    log(`total ${secs(t0)}`);
    result = total;
  }
  return result;
}
if (require.main === module) {
  const workspace = process.argv[2];
  runIntegrationTests(workspace ? { workspace } : {}).then(
    (r) => {
      for (const f of r.failures) console.log(`  FAILED: ${f}`);
      console.log(`${r.passed} passed, ${r.failed} failed (in-editor integration tests)`);
      process.exit(r.failed > 0 ? 1 : 0);
    },
    (err) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(1);
    }
  );
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  findRepoRoot,
  runIntegrationTests
});
//# sourceMappingURL=runInCodeServer.js.map
