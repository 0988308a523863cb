#!/usr/bin/env node
// Builds the resolver addon with AddressSanitizer + UndefinedBehaviorSanitizer into build/sanitize/ (never into
// build/Release or dist/native, which the other tests and the VSIX use), and a copy of dist/'s helper and CLI
// bundles whose native/ folder holds that build, so that tests pointed at it (NETLENS_TEST_DIST) make every
// lookup through the instrumented C code.
//
//   node scripts/build-sanitized-addon.js [--cc=gcc|clang]
//
// Prints one JSON line: {"addon", "dist", "cc", "runtime", "cflags"}; `runtime` is the ASan shared runtime that
// must be LD_PRELOADed into node (an uninstrumented executable cannot load an ASan library otherwise: the
// runtime has to come first to intercept malloc). The sources and defines are binding.gyp's.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'build', 'sanitize');
const NODE_INCLUDE = path.resolve(path.dirname(process.execPath), '..', 'include', 'node');
const SOURCES = ['netlens_resolver.c', 'nss_module_call.c', 'netdb_nonreentrant.c', 'win32_socket.c', 'napi_win32.c'];

/**
 * -O1 keeps stack traces readable and still catches what -O2 hides rarely; -fno-sanitize-recover makes UB fatal
 * (so a report cannot scroll by in a passing test); frame pointers give whole stacks with the fast unwinder.
 */
const SANITIZE_FLAGS = ['-fsanitize=address,undefined', '-fno-sanitize-recover=undefined', '-fno-omit-frame-pointer', '-g', '-O1'];

function fail(message) {
  process.stderr.write(`build-sanitized-addon: ${message}\n`);
  process.exit(1);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return r;
}

function main() {
  const ccArg = process.argv.find((a) => a.startsWith('--cc='));
  const cc = ccArg ? ccArg.slice('--cc='.length) : 'gcc';
  if (!fs.existsSync(path.join(NODE_INCLUDE, 'node_api.h'))) fail(`no Node-API headers in ${NODE_INCLUDE}`);
  fs.mkdirSync(OUT, { recursive: true });
  const addon = path.join(OUT, 'netlens_resolver.node');
  const cflags = [...SANITIZE_FLAGS, '-std=gnu11', '-Wall', '-Wextra', '-Werror', '-DNAPI_VERSION=8', '-fvisibility=hidden'];
  const built = run(cc, ['-shared', '-fPIC', ...cflags, `-I${NODE_INCLUDE}`, ...SOURCES.map((s) => path.join(ROOT, 'native', s)), '-o', addon]);
  if (built.stderr.trim() !== '') fail(`the build printed warnings:\n${built.stderr}`);
  // gcc: libasan.so; clang: its own runtime, named by the same question.
  const runtimeName = cc.includes('clang') ? 'libclang_rt.asan-x86_64.so' : 'libasan.so';
  const runtime = fs.realpathSync(run(cc, [`-print-file-name=${runtimeName}`]).stdout.trim());
  if (!fs.existsSync(runtime)) fail(`no ASan runtime ${runtimeName} for ${cc}`);

  // The helper and CLI bundles are the ones `node esbuild.js` made; only their addon differs.
  const dist = path.join(OUT, 'dist');
  fs.rmSync(dist, { recursive: true, force: true });
  const target = path.join(dist, 'native', `${process.platform}-${process.arch}`);
  fs.mkdirSync(target, { recursive: true });
  for (const f of ['helper.js', 'helper.js.map', 'cli.js', 'cli.js.map']) {
    const from = path.join(ROOT, 'dist', f);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dist, f));
    else if (f.endsWith('.js')) fail(`${from} is missing: run node esbuild.js first`);
  }
  fs.copyFileSync(addon, path.join(target, 'netlens_resolver.node'));
  process.stdout.write(`${JSON.stringify({ addon, dist, cc, runtime, cflags: SANITIZE_FLAGS })}\n`);
}

main();
