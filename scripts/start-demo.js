// `npm start`: build NetLens, install it into a private code-server (a real VS Code 1.139 in the browser,
// installed once into the cache by setup-test-editor.js), and open it on the demo/ workspace at
// http://127.0.0.1:<port>/ . Ctrl-C stops it. Env: NETLENS_PORT (default 8080), NETLENS_DEMO_DIR.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureTestEditor } = require('./setup-test-editor');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const port = Number(process.env.NETLENS_PORT || 8080);
const workspace = path.resolve(process.env.NETLENS_DEMO_DIR || path.join(root, 'demo'));

const build = spawnSync(process.execPath, ['esbuild.js', '--no-tests'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status || 1);

const { node24, codeServerEntry } = ensureTestEditor();

// A private profile so the demo never touches the user's own VS Code or code-server settings.
const profile = path.join(process.env.NETLENS_CACHE || path.join(os.homedir(), '.cache', 'netlens'), 'demo-profile');
const extensionsDir = path.join(profile, 'extensions');
const installed = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
fs.rmSync(extensionsDir, { recursive: true, force: true });
fs.mkdirSync(installed, { recursive: true });
// Exactly what the VSIX ships (see .vscodeignore), copied rather than linked so a rebuild needs a restart.
for (const item of ['package.json', 'package.nls.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist', 'media']) {
  const from = path.join(root, item);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(installed, item), { recursive: true });
}
const settingsDir = path.join(profile, 'user-data', 'User');
fs.mkdirSync(settingsDir, { recursive: true });
const settingsFile = path.join(settingsDir, 'settings.json');
if (!fs.existsSync(settingsFile)) {
  fs.writeFileSync(settingsFile, JSON.stringify({ 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.startupEditor': 'readme' }, null, 2));
}
for (const sub of ['config', 'data', 'cache', 'tmp']) fs.mkdirSync(path.join(profile, sub), { recursive: true });

const server = spawn(
  node24,
  [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', path.join(profile, 'user-data'),
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    workspace,
  ],
  {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(profile, 'config'),
      XDG_DATA_HOME: path.join(profile, 'data'),
      XDG_CACHE_HOME: path.join(profile, 'cache'),
      // No marketplace: the machine may have no internet, and the demo needs nothing from it.
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery' }),
    },
  }
);

const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
console.log(`\nNetLens ${pkg.version} is installed in a private VS Code (code-server). Open:\n\n    ${url}\n\nPut the cursor on a host in demo/ and run "NetLens: Resolve Hostname…" (F1). Ctrl-C stops the editor.\n`);

const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
