// One definition of the private code-server NetLens runs in, used by `npm start` (scripts/start-demo.js) and by
// the in-editor tests (test/integration/runInCodeServer.ts): its folders, the settings that keep it quiet and
// offline, its command line, its environment, and how the built extension is installed into it as a user has it.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

/**
 * A quiet, offline editor: no chat/AI features (code-server's Copilot agent host would look for a GitHub sign-in),
 * no telemetry, no experiments, no update or marketplace checks, no tips, no empty chat side bar.
 */
const QUIET_SETTINGS = Object.freeze({
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
});

/** A dead loopback port as the marketplace: the editor never tries the public one. */
const NO_GALLERY = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery' });

/**
 * The folders of a profile rooted at `root`.
 * @param {string} root
 */
function profileDirs(root) {
  return {
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    config: path.join(root, 'xdg-config'),
    data: path.join(root, 'xdg-data'),
    cache: path.join(root, 'xdg-cache'),
    tmp: path.join(root, 'tmp'),
  };
}

/**
 * Creates the profile's folders and its user settings: `settings` on top of QUIET_SETTINGS. With `keepUserEdits`,
 * a settings file that already exists keeps every value the user set there; only missing keys are added.
 * @param {ReturnType<typeof profileDirs>} dirs
 * @param {Record<string, unknown>} settings
 * @param {{ keepUserEdits?: boolean }} [opts]
 */
function prepareProfile(dirs, settings = {}, opts = {}) {
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const userDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  const file = path.join(userDir, 'settings.json');
  let existing = {};
  if (opts.keepUserEdits && fs.existsSync(file)) {
    try {
      existing = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      // Comments or a half-typed edit: the user's file stays exactly as it is.
      return;
    }
  }
  fs.writeFileSync(file, JSON.stringify({ ...QUIET_SETTINGS, ...settings, ...existing }, null, 2) + '\n');
}

/**
 * code-server's command line.
 * @param {{ entry: string, port: number, dirs: ReturnType<typeof profileDirs>, workspaceTrust: boolean, smokeTestDriver?: boolean, folder?: string }} o
 */
function codeServerArgs(o) {
  return [
    o.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${o.port}`,
    '--user-data-dir', o.dirs.userData,
    '--extensions-dir', o.dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    // Trusted folders live in the browser's storage, so the server cannot pre-trust one: with trust on, every
    // new browser profile first sees Restricted Mode.
    ...(o.workspaceTrust ? [] : ['--disable-workspace-trust']),
    // Required for the tests' payload: without it the extension under development is not loaded.
    ...(o.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(o.folder ? [o.folder] : []),
  ];
}

/**
 * The environment for code-server (and the browser): the parent's without the variables of an editor it may have
 * been started from, with every folder code-server writes to (~/.config, ~/.local/share even for --version)
 * inside the profile, and no marketplace.
 * @param {NodeJS.ProcessEnv} parentEnv
 * @param {ReturnType<typeof profileDirs>} dirs
 */
function codeServerEnv(parentEnv, dirs) {
  const env = {};
  for (const [k, v] of Object.entries(parentEnv)) {
    if (v === undefined || k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') continue;
    env[k] = v;
  }
  return {
    ...env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    EXTENSIONS_GALLERY: NO_GALLERY,
  };
}

/**
 * The files the VSIX ships, read from the allow-list's `!` lines in .vscodeignore (test/unit/vsix.test.ts checks
 * that list against a real package): a `dir/**` line stands for the folder; what is not built is left out.
 */
function shippedFiles(root) {
  return fs
    .readFileSync(path.join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).trim().replace(/\/\*\*$/, ''))
    .filter((f) => fs.existsSync(path.join(root, f)));
}

/**
 * Installs the built extension from `root` into the profile as a user has it (a copy of what the VSIX ships, so a
 * rebuild needs a restart), replacing any earlier copy. Returns the installed folder.
 * @param {string} root
 * @param {ReturnType<typeof profileDirs>} dirs
 */
function installExtension(root, dirs) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const installed = path.join(dirs.extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.rmSync(dirs.extensions, { recursive: true, force: true });
  for (const f of shippedFiles(root)) fs.cpSync(path.join(root, f), path.join(installed, f), { recursive: true });
  return installed;
}

/**
 * Whether code-server answers on 127.0.0.1:port (its /healthz); never rejects.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function healthz(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

module.exports = { QUIET_SETTINGS, profileDirs, prepareProfile, codeServerArgs, codeServerEnv, installExtension, healthz };
