#!/usr/bin/env node
// `npm run build:native [-- <vscodeTarget> …]`: cross-compiles the N-API addon for every target of
// scripts/lib/nativeTargets.js (or the ones named) with the pinned zig, into
// dist/native/<vscodeTarget>/netlens_resolver.node, then checks each binary (scripts/lib/checkBinary.js) and prints
// one table: target, toolchain, format/arch, size, exports, newest GLIBC_, signature, result.
//
// A target that does not compile, or whose binary breaks a rule, is reported as failed with the compiler's or the
// checker's words, its folder under dist/native/ is removed (so no stale binary is ever packaged), and the exit
// code is 1. Nothing is downloaded: zig comes from node_modules (sha256-checked), the Node-API headers from the
// pinned node-api-headers package; no header of the building machine is used.
//
//   NETLENS_ZIG_CACHE=<dir>   zig's cache (default build/zig-cache); delete it for a cold build
//   --jobs <n>                targets compiled at once (default: the number of CPUs)
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { NATIVE_TARGETS, COMMON_FLAGS, ADDON_FILE, napiIncludeDir, nativeSources } = require('./lib/nativeTargets');
const { findZig, zigEnv } = require('./lib/zigToolchain');
const { inspectBinary, libSystemSymbols } = require('./lib/binaryInfo');
const { checkBinary } = require('./lib/checkBinary');
const { reportCounts } = require('./lib/testResults');

const root = path.resolve(__dirname, '..');
const distNative = path.join(root, 'dist', 'native');

function parseArgs(argv) {
  const names = [];
  let jobs = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--jobs') jobs = Math.max(1, Number(argv[++i]) || 1);
    else names.push(argv[i]);
  }
  const unknown = names.filter((n) => !NATIVE_TARGETS.some((t) => t.vscodeTarget === n));
  if (unknown.length > 0) {
    console.error(`build-native-targets: unknown target(s) ${unknown.join(', ')}; known: ${NATIVE_TARGETS.map((t) => t.vscodeTarget).join(', ')}`);
    process.exit(2);
  }
  const targets = names.length > 0 ? NATIVE_TARGETS.filter((t) => names.includes(t.vscodeTarget)) : NATIVE_TARGETS;
  return { targets, jobs };
}


/** Runs zig cc; resolves with its exit code and everything it printed. */
function runZig(zig, args, env) {
  return new Promise((resolve) => {
    const child = spawn(zig, args, { cwd: root, env, shell: false, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ code: -1, output: `${output}${err.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? -1, output: signal ? `${output}killed by ${signal}` : output }));
  });
}

/** Keeps the compiler's errors (not its warnings about zig's own libc sources) and at most `max` lines. */
function compilerMessage(output, max = 12) {
  const lines = output.split('\n').filter((l) => l.trim());
  const errors = lines.filter((l) => /error|undefined symbol|not found/i.test(l));
  const chosen = errors.length > 0 ? errors : lines;
  return chosen.slice(0, max).join('\n') + (chosen.length > max ? `\n… (${chosen.length - max} more lines)` : '');
}

async function buildOne(toolchain, target, includes, env) {
  const outDir = path.join(distNative, target.vscodeTarget);
  const out = path.join(outDir, ADDON_FILE);
  const tmp = path.join(os.tmpdir(), `netlens-${process.pid}-${target.vscodeTarget}.node`);
  const args = ['cc', '-target', target.zigTarget, ...COMMON_FLAGS, ...includes.map((d) => `-I${d}`), ...target.flags, ...nativeSources(root), '-o', tmp];
  const started = Date.now();
  const r = await runZig(toolchain.zig, args, env);
  const seconds = (Date.now() - started) / 1000;
  fs.rmSync(outDir, { recursive: true, force: true });
  if (r.code !== 0 || !fs.existsSync(tmp)) {
    fs.rmSync(tmp, { force: true });
    return { target, seconds, failed: `does not compile: ${compilerMessage(r.output) || `zig exited with ${r.code}`}` };
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(tmp, out);
  fs.rmSync(tmp, { force: true });
  // zig also writes a .pdb (Windows) or .lib next to the output: only the .node is wanted.
  for (const f of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`netlens-${process.pid}-${target.vscodeTarget}.`))) fs.rmSync(path.join(os.tmpdir(), f), { force: true });
  return { target, seconds, out };
}

function check(toolchain, result) {
  const { target, out } = result;
  const buf = fs.readFileSync(out);
  let info;
  try {
    info = inspectBinary(buf);
  } catch (err) {
    return { ...result, size: buf.length, failed: `unreadable binary: ${err instanceof Error ? err.message : String(err)}` };
  }
  let libSystem;
  if (info.format === 'Mach-O') {
    // The stub of the oldest macOS the target supports (zig ships 11, 12, 13): what a user's libSystem has at least.
    const major = /macos\.(\d+)/.exec(target.zigTarget)?.[1] ?? '11';
    const tbd = path.join(toolchain.libDir, 'libc', 'darwin', `libSystem.${major}.tbd`);
    libSystem = libSystemSymbols(fs.readFileSync(tbd, 'utf8'), info.arch === 'arm64' ? 'arm64' : 'x86_64');
  }
  const c = checkBinary(info, target, { libSystem });
  const checked = { ...result, size: buf.length, info, check: c };
  if (c.problems.length > 0) {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
    return { ...checked, failed: `built, but ${c.problems.join('; ')}` };
  }
  return checked;
}

function printTable(rows) {
  const header = ['target', 'toolchain', 'format/arch', 'size', 'exports', 'newest GLIBC_', 'signature', 'result'];
  const table = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
  for (const r of table) console.log(r.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd());
}

async function main() {
  const { targets, jobs } = parseArgs(process.argv.slice(2));
  const toolchain = findZig(root);
  const started = Date.now();
  let results;
  if (!toolchain.ok) {
    results = targets.map((target) => ({ target, seconds: 0, failed: `not built: ${toolchain.reason}` }));
  } else {
    const includes = [napiIncludeDir(root)];
    const env = zigEnv(root);
    results = new Array(targets.length);
    let next = 0;
    const worker = async () => {
      while (next < targets.length) {
        const i = next++;
        const built = await buildOne(toolchain, targets[i], includes, env);
        results[i] = built.failed ? built : check(toolchain, built);
        console.log(`build-native-targets: ${targets[i].vscodeTarget} ${results[i].failed ? 'FAILED' : 'ok'} (${built.seconds.toFixed(1)} s)`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, targets.length) }, worker));
  }
  const toolchainName = toolchain.ok ? `zig ${toolchain.version}` : 'zig (missing)';
  console.log('');
  printTable(
    results.map((r) => [
      r.target.vscodeTarget,
      `${toolchainName} (${r.target.zigTarget})`,
      r.info ? `${r.info.format}/${r.info.arch}` : '—',
      r.size !== undefined ? `${(r.size / 1024).toFixed(1)} KiB` : '—',
      r.check ? r.check.exportsText : '—',
      r.check ? r.check.newestGlibc : '—',
      r.check ? r.check.signature : '—',
      r.failed ? 'FAILED' : 'ok',
    ])
  );
  const failed = results.filter((r) => r.failed);
  for (const r of failed) console.log(`\n${r.target.vscodeTarget}: ${r.failed}`);
  console.log(`\n${results.length - failed.length} of ${results.length} targets built and checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Under `npm test` each target counts as one test.
  reportCounts({ passed: results.length - failed.length, failed: failed.length, failures: failed.map((r) => `${r.target.vscodeTarget}: ${r.failed.split('\n')[0]}`) }, 'build:native');
  process.exit(failed.length > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
