// The other targets' addons for scripts/test-targets.js: built by scripts/build-native-targets.js (the one table of
// targets, the pinned zig, the binary checks) into dist/native/<target>/, or taken from --from=DIR. Also what the
// harness builds need from that table: zig, the Node-API headers, a target's zig triple and the common C flags.
'use strict';

const fs = require('fs');
const path = require('path');
const { ROOT, run } = require('./proc');
const { COMMON_FLAGS, ADDON_FILE, napiIncludeDir, nativeSources: sourcesOf, nativeTarget } = require('../lib/nativeTargets');
const zigToolchain = require('../lib/zigToolchain');

const NODE = process.execPath;

/** The C flags of an addon build without the shared-object ones (-shared, -s): for the static musl harness. */
const CFLAGS = COMMON_FLAGS.filter((f) => f !== '-shared' && f !== '-s');

/** The pinned, sha256-checked zig, as { zig } or { error }. */
function findZig() {
  const found = zigToolchain.findZig(ROOT);
  return found.ok ? { zig: found.zig } : { error: found.reason };
}

function napiHeaders() {
  try {
    return napiIncludeDir(ROOT);
  } catch {
    return undefined;
  }
}

/** The one zig cache of every build here (scripts/lib/zigToolchain.js). */
function zigEnv() {
  return zigToolchain.zigEnv(ROOT);
}

function nativeSources() {
  return sourcesOf(ROOT);
}

/** The zig triple of a VS Code target (the table's). */
function zigTriple(target) {
  return nativeTarget(target).zigTarget;
}

/** The addon of `target`: taken from --from, or built (and checked) by build-native-targets.js into dist/native. */
function addonFor(target, opts, ctx) {
  const from = opts.from ?? path.join(ROOT, 'dist', 'native');
  const file = path.join(from, target, ADDON_FILE);
  if (!opts.from) {
    if (ctx.zig.error) return { error: ctx.zig.error };
    const r = run(NODE, [path.join(ROOT, 'scripts', 'build-native-targets.js'), target], { cwd: ROOT, env: zigEnv() });
    if (r.status !== 0) return { error: `build-native-targets.js ${target} failed:\n${(r.stdout + r.stderr).trim()}` };
  }
  return fs.existsSync(file) ? { file } : { error: `${file} does not exist` };
}

module.exports = { CFLAGS, findZig, napiHeaders, zigEnv, nativeSources, zigTriple, addonFor };
