// .github/workflows/release.yml cannot run here; what can be checked is that it stays in step with the build:
// it builds and packages exactly the targets of scripts/lib/nativeTargets.js, runs the tests on runners whose
// target is one of them, and names the helper's target for each runner's OS and CPU (src/core/platform.ts).
// (Its syntax, expressions, runner labels and job graph are actionlint's: npm run lint:workflows, part of npm run check.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NATIVE_TARGETS as HELPER_TARGETS, nativeTarget } from '../../src/core/platform';
import { REPO_ROOT } from '../support/paths';

const { NATIVE_TARGETS } = require(path.join(REPO_ROOT, 'scripts', 'lib', 'nativeTargets.js')) as { NATIVE_TARGETS: { vscodeTarget: string }[] };
const TABLE = NATIVE_TARGETS.map((t) => t.vscodeTarget);
const WORKFLOW = fs.readFileSync(path.join(REPO_ROOT, '.github', 'workflows', 'release.yml'), 'utf8');

/** The words after `prefix` on the one workflow line that has it. */
function argsAfter(prefix: string): string[] {
  const lines = WORKFLOW.split('\n').filter((l) => l.includes(prefix));
  assert.equal(lines.length, 1, `exactly one line with ${prefix}`);
  return lines[0].slice(lines[0].indexOf(prefix) + prefix.length).trim().split(/\s+/);
}

/** The test matrix: runner label and target of each `- { os: …, target: … }` entry. */
function matrix(): { os: string; target: string }[] {
  return [...WORKFLOW.matchAll(/^\s*- \{ os: ([\w.-]+), target: ([\w-]+) \}\s*$/gm)].map((m) => ({ os: m[1], target: m[2] }));
}

/** What each GitHub-hosted runner label is: OS and CPU as Node reports them there. */
const RUNNERS: Readonly<Record<string, { os: string; arch: string }>> = {
  'windows-latest': { os: 'win32', arch: 'x64' },
  'macos-14': { os: 'darwin', arch: 'arm64' },
  'macos-13': { os: 'darwin', arch: 'x64' },
  'ubuntu-latest': { os: 'linux', arch: 'x64' },
  'ubuntu-24.04-arm': { os: 'linux', arch: 'arm64' },
};

describe('release workflow in step with the build', () => {
  it('the build table and the helper name the same 8 targets', () => {
    assert.deepEqual([...TABLE].sort(), [...HELPER_TARGETS].sort());
  });

  it('builds exactly the targets of the build table', () => {
    assert.deepEqual(argsAfter('npm run build:native --'), TABLE);
  });

  it('packages exactly those targets plus the universal VSIX', () => {
    assert.deepEqual(argsAfter('node scripts/package-vsix.js'), [...TABLE, 'universal']);
  });

  it('tests alpine-x64 in a musl Node container, with the target the helper picks on musl', () => {
    assert.match(WORKFLOW, /^\s+container: node:20-alpine$/m);
    assert.deepEqual(argsAfter('TARGET:'), [nativeTarget({ os: 'linux', arch: 'x64', libc: 'musl' })]);
  });

  it('tests on Windows x64, macOS arm64 and Intel, Linux x64 and arm64, each with the target the helper picks there', () => {
    const m = matrix();
    assert.deepEqual(m.map((e) => e.os).sort(), Object.keys(RUNNERS).sort());
    for (const { os, target } of m) {
      const runner = RUNNERS[os];
      const libc = runner.os === 'linux' ? 'glibc' : null;
      assert.equal(target, nativeTarget({ os: runner.os, arch: runner.arch, libc }), os);
      assert.ok(TABLE.includes(target), target);
    }
  });
});
