// `npm run package` (after `node esbuild.js --production`): builds netlens-<version>.vsix with @vscode/vsce.
// The VSIX carries the native addon for the platform it was built on (dist/native/<platform>-<arch>/);
// elsewhere the helper falls back to dns.lookup and says so.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const out = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status || 1);
const list = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
console.log(`\n${path.basename(out)}: ${(fs.statSync(out).size / 1024).toFixed(1)} KiB, files:\n${list.stdout}`);
