// The VSIX carries only what a user needs: the bundles, the native addon, the webview's files and the manifest.
// Built with the real vsce from the current build, then read back from the archive.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/paths';

const VSCE = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

/** What a user's editor needs, and nothing else (vsce adds its manifest files and renames README/LICENSE/CHANGELOG). */
const EXPECTED = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/readme.md',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/l10n/bundle.l10n.json',
  'extension/dist/cli.js',
  'extension/dist/extension.js',
  'extension/dist/helper.js',
  `extension/dist/native/${process.platform}-${process.arch}/netlens_resolver.node`,
  'extension/media/activitybar.svg',
  'extension/media/icon.png',
  'extension/media/webview.css',
  'extension/media/webview.js',
].sort();

/** Never in a VSIX: source maps, TypeScript, tests, build folders, dependencies. */
const FORBIDDEN = /\.map$|\.ts$|\.tsbuildinfo$|^extension\/(?:src|test|out|bench|scripts|native|build|node_modules|demo)\//;

describe('VSIX contents', function () {
  this.timeout(60_000);

  it('holds exactly the files a user needs: no source maps, TypeScript, tests or dev dependencies', function () {
    const built = path.join(REPO_ROOT, 'dist', 'native', `${process.platform}-${process.arch}`, 'netlens_resolver.node');
    if (!fs.existsSync(built)) this.skip(); // no addon on this machine: the universal VSIX is a matter for the packaging issue
    // The development build writes source maps next to the bundles: exactly what must not be packaged.
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'media', 'webview.js.map')) || fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js.map')), 'the build has source maps to leave out');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-vsix-'));
    try {
      const out = path.join(dir, 'netlens.vsix');
      const r = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, `vsce package failed: ${r.stderr}${r.stdout}`);
      const list = spawnSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', out], { encoding: 'utf8' });
      assert.equal(list.status, 0, list.stderr);
      const files = list.stdout.split('\n').filter(Boolean).sort();
      assert.deepEqual(files.filter((f) => FORBIDDEN.test(f)), [], 'files that must not ship');
      assert.deepEqual(files, EXPECTED);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
