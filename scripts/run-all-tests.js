// `npm test`: type-check and lint, build, install the test editor (once, cached), then run every test inside
// a network namespace with our own DNS server (scripts/with-test-netns.js), and end with "N passed, N failed".
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const node = process.execPath;

function step(title, args, env) {
  const started = Date.now();
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`--- ${title}: ${r.status === 0 ? 'ok' : `failed (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function finish(counts) {
  if (counts.failures.length) {
    console.log('\nFailures:');
    for (const f of counts.failures) console.log(`  - ${f}`);
  }
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
  console.log(`\n${counts.passed} passed, ${counts.failed} failed${skipped}`);
  process.exit(counts.failed > 0 ? 1 : 0);
}

const only = process.env.NETLENS_TEST_ONLY;
if (!step('type-check (tsc --noEmit, strict)', [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', '.']) ||
    !step('lint', [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--max-warnings', '0', '.'])) {
  finish({ passed: 0, failed: 1, skipped: 0, failures: ['type-check or lint failed (see above)'] });
}
if (!step('build (esbuild.js)', ['esbuild.js'])) finish({ passed: 0, failed: 1, skipped: 0, failures: ['build failed'] });
if (only !== 'unit' && only !== 'targets' && only !== 'sanitize' && !step('test editor (code-server + Node 24, cached)', ['scripts/setup-test-editor.js'])) {
  finish({ passed: 0, failed: 1, skipped: 0, failures: ['could not install the test editor (see above)'] });
}
// CI's demand that the editor be installed from nothing applies to the step above; the tests then use that install.
delete process.env.NETLENS_EXPECT_COLD_INSTALL;

/** Runs a step that writes its counts to NETLENS_TEST_RESULTS; a step that wrote none counts as one failure. */
function countedStep(title, args, env) {
  const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-results-')), 'results.json');
  step(title, args, { ...env, NETLENS_TEST_RESULTS: results });
  try {
    return JSON.parse(fs.readFileSync(results, 'utf8'));
  } catch {
    return { passed: 0, failed: 1, skipped: 0, failures: [`${title}: ended without reporting results (crashed?)`] };
  } finally {
    fs.rmSync(path.dirname(results), { recursive: true, force: true });
  }
}

const total = { passed: 0, failed: 0, skipped: 0, failures: [] };
const add = (c) => {
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped || 0;
  total.failures.push(...c.failures);
};
if (only !== 'targets' && only !== 'sanitize') add(countedStep('tests, inside the DNS fixture namespace', ['scripts/with-test-netns.js', '--', node, 'out/test/runAll.js']));
// Issue 17: every native target cross-built and checked (one test each), then run where this machine can (Node for
// arm64 under qemu, Node for Windows under Wine, the musl harness). Outside the namespace: test-targets makes its own
// for every resolver call. Without qemu, Wine or musl-gcc a target is skipped with the reason (CI sets
// NETLENS_TARGETS_STRICT=1, which makes a skip a failure).
if (only === undefined || only === 'targets') {
  add(countedStep('native addon for every target (build:native)', ['scripts/build-native-targets.js']));
  add(countedStep('native addon on other targets (test:targets)', ['scripts/test-targets.js', '--from=dist/native']));
}
// Issue 18: the addon under ASan+UBSan (the reduced set; `npm run test:sanitize` runs the whole one) and each fuzz
// harness for 10 s after replaying its seeds and regression inputs; any sanitizer report or crash is a failure.
if (only === undefined || only === 'sanitize') {
  add(countedStep('native addon under ASan+UBSan (test:sanitize --quick)', ['scripts/test-sanitize.js', '--quick']));
  add(countedStep('fuzz harnesses (fuzz --quick)', ['scripts/fuzz.js', '--quick']));
}
finish(total);
