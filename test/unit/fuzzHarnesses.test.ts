// The libFuzzer harnesses of the addon's C code (test/fuzz, scripts/fuzz.js) still build against today's
// native/*.c, and every peer seed and every committed regression input (test/fuzz/regressions/<harness>/, inputs
// that once crashed) passes them under ASan + UBSan + LeakSanitizer. No fuzzing here (npm run fuzz does that):
// a replay, so that a change to native/ that breaks a harness or brings back a fixed crash fails the unit run.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/paths';

/** Why the harnesses cannot be built here, or null: clang and its libFuzzer runtime (libclang-rt-14-dev). */
function missingToolchain(): string | null {
  const r = spawnSync('clang', ['-print-file-name=libclang_rt.fuzzer-x86_64.a'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'no clang (apt-get install clang libclang-rt-14-dev)';
  const file = r.stdout.trim();
  return path.isAbsolute(file) && fs.existsSync(file) ? null : 'no libFuzzer runtime (apt-get install libclang-rt-14-dev)';
}

const missing = process.platform !== 'linux' || process.arch !== 'x64' ? 'not linux-x64' : missingToolchain();

(missing ? describe.skip : describe)(`fuzz harnesses: build and replay of peer seeds and regression inputs${missing ? ` — SKIPPED: ${missing}` : ''}`, function () {
  this.timeout(180_000);

  it('every harness builds and passes every seed and regression input (ASan, UBSan, LSan)', () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'fuzz.js'), '--replay'], { cwd: REPO_ROOT, encoding: 'utf8' });
    const summary = r.stdout.split('\n').filter((l) => l.startsWith('fuzz_'));
    console.log(`      ${summary.join('\n      ')}`);
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.equal(summary.length, 4, 'one line per harness');
  });
});
