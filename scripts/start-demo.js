// `npm start`: build NetLens, install it into a private code-server (a real VS Code 1.139 in the browser,
// installed once into the cache by setup-test-editor.js), serve the demo/ workspace on 127.0.0.1 and print the
// URL once the editor answers. Ctrl-C stops it. Tested by test/integration/runDemo.ts, which runs `npm start`.
//
// Environment:
//   NETLENS_PORT=8080            the port (127.0.0.1 only)
//   NETLENS_DEMO_DIR=demo        the folder to open
//   NETLENS_DEMO_PROFILE=…       the private profile (default <cache>/demo-profile; settings you change there are kept)
//   NETLENS_DEMO_RESTRICTED=1    workspace trust on: the folder opens in Restricted Mode, where NetLens does no lookups
'use strict';
const { spawn, spawnSync } = require('child_process');
const net = require('net');
const path = require('path');
const { cacheDir, ensureTestEditor } = require('./setup-test-editor');
const { codeServerArgs, codeServerEnv, healthz, installExtension, prepareProfile, profileDirs } = require('./code-server-profile');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const port = Number(process.env.NETLENS_PORT || 8080);
const workspace = path.resolve(process.env.NETLENS_DEMO_DIR || path.join(root, 'demo'));
const restricted = process.env.NETLENS_DEMO_RESTRICTED === '1';
const dirs = profileDirs(path.resolve(process.env.NETLENS_DEMO_PROFILE || path.join(cacheDir(), 'demo-profile')));

function fail(message) {
  process.stderr.write(`npm start: ${message}\n`);
  process.exit(1);
}

/** Resolves when nothing listens on 127.0.0.1:port; a clear message otherwise (code-server's own is a stack trace). */
function checkPortFree() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (err) =>
      fail(err.code === 'EADDRINUSE' ? `127.0.0.1:${port} is in use; pick another port: NETLENS_PORT=${port + 1} npm start` : `cannot listen on 127.0.0.1:${port}: ${err.message}`),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`NETLENS_PORT must be a port number (1-65535), not "${process.env.NETLENS_PORT}"`);
  await checkPortFree();
  const build = spawnSync(process.execPath, ['esbuild.js', '--no-tests'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status || 1);
  const { node24, codeServerEntry } = ensureTestEditor();

  // A private profile so the demo never touches the user's own VS Code or code-server settings.
  installExtension(root, dirs);
  // The demo folder sits inside the NetLens repository: no "open the parent repository?" prompt for a newcomer.
  prepareProfile(dirs, { 'workbench.startupEditor': 'readme', 'git.openRepositoryInParentFolders': 'never' }, { keepUserEdits: true });
  const server = spawn(node24, codeServerArgs({ entry: codeServerEntry, port, dirs, workspaceTrust: restricted, folder: workspace }), {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: codeServerEnv(process.env, dirs),
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));

  const deadline = Date.now() + 60_000;
  while (!(await healthz(port))) {
    if (server.exitCode !== null) return;
    if (Date.now() > deadline) {
      server.kill('SIGTERM'); // not left running behind the error
      fail(`the editor did not answer on 127.0.0.1:${port} within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  const trust = restricted
    ? 'Workspace trust is on: the folder opens in Restricted Mode, where NetLens shows ports and address facts but\nresolves nothing until you trust the folder.'
    : 'Hover a host in demo/ to see what the system resolver returns; the README there says which names need DNS.';
  console.log(`\nNetLens ${pkg.version} is installed in a private VS Code (code-server). Open:\n\n    ${url}\n\n${trust}\nCtrl-C stops the editor.\n`);
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
