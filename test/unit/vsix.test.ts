// The VSIXs carry only what a user needs: the bundles, the webview's files, the manifest and, in a per-target VSIX,
// that target's native addon and no other (scripts/package-vsix.js). Built with the real vsce from the current
// build, then read back from the archive.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nativeTarget } from '../../src/core/platform';
import { hostPlatform } from '../../src/helper/libcInfo';
import { REPO_ROOT } from '../support/paths';

interface Packaged {
  target: string;
  file: string;
  size: number;
  entries: string[];
}
const { packageVsix, vsixProblems, UNIVERSAL } = require(path.join(REPO_ROOT, 'scripts', 'package-vsix.js')) as {
  packageVsix: (target: string, outDir: string) => Packaged;
  vsixProblems: (p: Packaged) => string[];
  UNIVERSAL: string;
};
const { zipFile } = require(path.join(REPO_ROOT, 'scripts', 'lib', 'zipEntries.js')) as { zipFile: (zip: Buffer, name: string) => Buffer | undefined };
/** The TargetPlatform attribute of the VSIX's manifest, or null when it has none (the universal VSIX). */
function manifestTarget(file: string): string | null {
  const manifest = zipFile(fs.readFileSync(file), 'extension.vsixmanifest')?.toString('utf8') ?? '';
  assert.match(manifest, /<Identity /);
  return /<Identity [^>]*TargetPlatform="([^"]+)"/.exec(manifest)?.[1] ?? null;
}

/** What a user's editor needs, and nothing else (vsce adds its manifest files and renames README/LICENSE/CHANGELOG). */
const COMMON = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/readme.md',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/l10n/bundle.l10n.json',
  'extension/dist/extension.js',
  'extension/dist/helper.js',
  'extension/dist/scanner.wasm',
  'extension/media/activitybar.svg',
  'extension/media/icon.png',
  'extension/media/webview.css',
  'extension/media/webview.js',
];

/** Never in a VSIX: source maps, TypeScript, tests, build folders, dependencies. */
const FORBIDDEN = /\.map$|\.ts$|\.tsbuildinfo$|^extension\/(?:src|test|out|bench|scripts|native|build|node_modules|demo)\//;

describe('VSIX contents (universal and per target)', function () {
  this.timeout(120_000);
  let dir: string;
  before(function () {
    // The development build writes source maps next to the bundles: exactly what must not be packaged.
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'media', 'webview.js.map')) || fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js.map')), 'the build has source maps to leave out');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-vsix-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('universal: exactly the files a user needs, no native addon of any target, no TargetPlatform', () => {
    const p = packageVsix(UNIVERSAL, dir);
    assert.equal(path.basename(p.file), `netlens-${readVersion()}.vsix`);
    assert.equal(manifestTarget(p.file), null);
    assert.deepEqual(p.entries.filter((f) => FORBIDDEN.test(f)), [], 'files that must not ship');
    assert.deepEqual(p.entries, [...COMMON].sort());
    assert.deepEqual(contentProblems(p), []);
  });

  it("this machine's target: the same files plus its own addon only, named with the target, marked with it in the manifest", function () {
    const target = nativeTarget(hostPlatform());
    if (target === null || !fs.existsSync(path.join(REPO_ROOT, 'dist', 'native', target, 'netlens_resolver.node'))) {
      console.log(`      (skipped: no addon for ${process.platform}-${process.arch} in dist/native/)`);
      return this.skip();
    }
    // Other targets' folders (npm run build:native fills them all) must stay out; make sure there is one.
    const decoy = path.join(REPO_ROOT, 'dist', 'native', target === 'win32-arm64' ? 'win32-x64' : 'win32-arm64');
    const madeDecoy = !fs.existsSync(decoy);
    if (madeDecoy) {
      fs.mkdirSync(decoy, { recursive: true });
      fs.writeFileSync(path.join(decoy, 'netlens_resolver.node'), 'not a binary: must not be packaged');
    }
    try {
      const p = packageVsix(target, dir);
      assert.equal(path.basename(p.file), `netlens-${target}-${readVersion()}.vsix`);
      assert.equal(manifestTarget(p.file), target);
      assert.deepEqual(p.entries.filter((f) => FORBIDDEN.test(f)), [], 'files that must not ship');
      assert.deepEqual(p.entries, [...COMMON, `extension/dist/native/${target}/netlens_resolver.node`].sort());
      assert.deepEqual(contentProblems(p), []);
    } finally {
      if (madeDecoy) fs.rmSync(decoy, { recursive: true, force: true });
    }
  });

  it('refuses a VSIX that holds another target’s addon or is over 400 KB', () => {
    const entries = [...COMMON, 'extension/dist/native/linux-x64/netlens_resolver.node'];
    assert.deepEqual(vsixProblems({ target: 'linux-x64', file: 'x.vsix', size: 1000, entries }), []);
    assert.match(vsixProblems({ target: 'linux-arm64', file: 'x.vsix', size: 1000, entries }).join(), /native files are \[extension\/dist\/native\/linux-x64/);
    assert.match(vsixProblems({ target: UNIVERSAL, file: 'x.vsix', size: 1000, entries }).join(), /expected \[\]/);
    assert.match(vsixProblems({ target: 'linux-x64', file: 'x.vsix', size: 400_001, entries }).join(), /over the 400 KB budget/);
  });
});

/** vsixProblems but the size budget, which is the minified production build's (npm run package), not this dev build's. */
function contentProblems(p: Packaged): string[] {
  return vsixProblems(p).filter((problem) => !problem.includes('budget'));
}

function readVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
