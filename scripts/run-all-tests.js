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
if (only !== 'unit' && !step('test editor (code-server + Node 24, cached)', ['scripts/setup-test-editor.js'])) {
  finish({ passed: 0, failed: 1, skipped: 0, failures: ['could not install the test editor (see above)'] });
}
// CI's demand that the editor be installed from nothing applies to the step above; the tests then use that install.
delete process.env.NETLENS_EXPECT_COLD_INSTALL;

const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-results-')), 'results.json');
step('tests, inside the DNS fixture namespace', ['scripts/with-test-netns.js', '--', node, 'out/test/runAll.js'], { NETLENS_TEST_RESULTS: results });
let counts;
try {
  counts = JSON.parse(fs.readFileSync(results, 'utf8'));
} catch {
  counts = { passed: 0, failed: 1, skipped: 0, failures: ['the test run ended without reporting results (crashed?)'] };
}
fs.rmSync(path.dirname(results), { recursive: true, force: true });
finish(counts);
