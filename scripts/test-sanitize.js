#!/usr/bin/env node
// `npm run test:sanitize`: the helper/backend unit tests (test/sanitize/runSanitizedSuite.ts lists them) with the
// addon built under AddressSanitizer + UndefinedBehaviorSanitizer (scripts/build-sanitized-addon.js), inside the
// DNS fixture namespace. Ends with "N passed, N failed"; every sanitizer report is one failure, also when the
// process that hit it was a helper the client quietly restarted: reports are written to files (log_path) and
// counted here, not read from test outcomes.
//
//   node scripts/test-sanitize.js [--cc=gcc|clang] [--no-build] [--quick]
//   --quick: the reduced set CI runs (QUICK_TEST_FILES in test/sanitize/runSanitizedSuite.ts)
//   NETLENS_SANITIZE_FILES=nativeResolver,nssHosts   only these test files (names without .test.js)
//
// Sanitizer options, chosen deliberately:
//   ASan   in node: detect_leaks=1 (LeakSanitizer at each exit, test/sanitize/lsan.supp naming V8's and OpenSSL's
//          own allocations, which node never frees), detect_stack_use_after_return=1, strict_string_checks=1,
//          check_initialization_order=1, halt_on_error=1 (the first report ends the process), reports to files.
//          Other programs inherit the runtime (LD_PRELOAD) but never load the addon: python3, cc, getent run with
//          detect_leaks=0 and handle_segv=0, so they behave (and crash, where a test expects glibc to) as without it.
//   UBSan  halt_on_error=1 (the build also has -fno-sanitize-recover), print_stacktrace=1.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { reportCounts } = require('./lib/testResults');

const ROOT = path.resolve(__dirname, '..');
const node = process.execPath;

function runOrDie(title, args) {
  const r = spawnSync(node, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    console.log(`\n0 passed, 1 failed\n(${title} failed)`);
    process.exit(1);
  }
  return r.stdout;
}

/** The first lines of a sanitizer report file that say what and where. */
function summarize(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const what = lines.find((l) => /ERROR: |runtime error: |SUMMARY: /.test(l)) ?? lines[0];
  const ours = lines.find((l) => /native\/\w+\.c:\d+/.test(l));
  return `${path.basename(file)}: ${what.trim()}${ours ? ` — ${ours.trim()}` : ''}`;
}

function main() {
  const started = Date.now();
  const args = process.argv.slice(2);
  if (!args.includes('--no-build')) runOrDie('node esbuild.js', ['esbuild.js']);
  const cc = args.find((a) => a.startsWith('--cc=')) ?? '--cc=gcc';
  const build = JSON.parse(runOrDie('build-sanitized-addon', ['scripts/build-sanitized-addon.js', cc]));
  console.log(`sanitizer build (${build.cc} ${build.cflags.join(' ')}): ${path.relative(ROOT, build.addon)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const reports = path.join(ROOT, 'build', 'sanitize', 'reports');
  fs.rmSync(reports, { recursive: true, force: true });
  fs.mkdirSync(reports, { recursive: true });
  const options = path.join(ROOT, 'build', 'sanitize', 'options');
  fs.mkdirSync(options, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-sanitize-'));
  const results = path.join(tmp, 'results.json');
  const env = {
    ...process.env,
    NETLENS_TEST_RESULTS: results,
    ...(args.includes('--quick') ? { NETLENS_SANITIZE_FILES: 'quick' } : {}),
    NETLENS_TEST_ADDON: build.addon,
    NETLENS_TEST_DIST: build.dist,
    NETLENS_TEST_ADDON_CFLAGS: build.cflags.join(' '),
    NETLENS_SANITIZE_RUNTIME: build.runtime,
    // Every process gets the lenient options; node alone (the only program that loads the addon) reads the strict
    // ones from asan-node.options (ASan's include_if_exists with %b, the executable's name).
    ASAN_OPTIONS: `detect_leaks=0:handle_segv=0:include_if_exists=${path.join(options, 'asan-%b.options')}`,
    LSAN_OPTIONS: `suppressions=${path.join(ROOT, 'test', 'sanitize', 'lsan.supp')}:print_suppressions=0`,
    UBSAN_OPTIONS: `halt_on_error=1:print_stacktrace=1:log_path=${path.join(reports, 'ubsan')}`,
  };
  fs.writeFileSync(
    path.join(options, 'asan-node.options'),
    [
      'detect_leaks=1',
      'handle_segv=1',
      'detect_stack_use_after_return=1',
      'strict_string_checks=1',
      'check_initialization_order=1',
      'halt_on_error=1',
      `log_path=${path.join(reports, 'asan')}`,
    ].join('\n') + '\n'
  );
  const suiteStarted = Date.now();
  spawnSync(node, ['scripts/with-test-netns.js', '--', node, 'out/test/sanitize/runSanitizedSuite.js'], { cwd: ROOT, stdio: 'inherit', env });
  let counts;
  try {
    counts = JSON.parse(fs.readFileSync(results, 'utf8'));
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0, failures: ['the sanitized run ended without reporting results (crashed?)'] };
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const found = fs.readdirSync(reports).map((f) => path.join(reports, f));
  for (const f of found) {
    counts.failed++;
    counts.failures.push(`sanitizer report ${summarize(f)} (whole report: ${path.relative(ROOT, f)})`);
  }
  if (counts.failures.length) {
    console.log('\nFailures:');
    for (const f of counts.failures) console.log(`  - ${f}`);
  }
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
  console.log(`\nsanitizer reports: ${found.length}; suite ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${counts.passed} passed, ${counts.failed} failed${skipped}`);
  reportCounts(counts, 'test:sanitize');
  process.exit(counts.failed > 0 ? 1 : 0);
}

main();
