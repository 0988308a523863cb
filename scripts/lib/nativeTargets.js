// The one table of native targets: VS Code's target name (the folder under dist/native/ and `vsce --target`), the
// zig target that builds it, its extra flags, and what the binary must look like. build-native-targets.js builds
// from it, package-vsix.js packages from it, and test/unit/releaseWorkflow.test.ts checks that
// .github/workflows/release.yml names the same targets.
//
// Flags shared by every target (the build contract of issue 17, plus -s: see COMMON_FLAGS): zig cc -target <T> -shared
// -O2 -std=gnu11 -DNAPI_VERSION=8 -fvisibility=hidden -I<node-api headers>, then the target's own flags below:
//   Linux (glibc, musl): -fPIC (a shared object).
//   darwin: -undefined dynamic_lookup, because napi_* live in the host (node, Electron) and there is no import
//     library to link against; binaryInfo's libSystem check makes up for what the flag hides (a libc function
//     macOS lacks would otherwise only fail when the addon loads).
//   Windows: -lws2_32 (Winsock); napi_* are looked up at run time in the host process image, never imported.
// darwin's zig target says "11.0", not "11": zig 0.11.0 rejects a version without a minor ("InvalidOperatingSystemVersion").
// darwin also gets -Os (it comes after -O2, so it wins): zig 0.11's Mach-O linker links its compiler-rt into the
// addon and exports all ~420 of its functions (it supports no -exported_symbol to stop it), which keeps them
// alive; with -O2 the darwin-x64 VSIX measured 403.4 KB, over the 400 KB budget (addon 176 KiB -O2, 141 KiB -Os).
'use strict';
const fs = require('fs');
const path = require('path');

/**
 * @typedef {{ format: 'ELF' | 'PE' | 'Mach-O', arch: 'x64' | 'arm64', libc?: 'glibc' | 'musl' }} Expect
 * @typedef {{ vscodeTarget: string, zigTarget: string, flags: string[], expect: Expect }} NativeTarget
 */

/** @type {readonly NativeTarget[]} */
const NATIVE_TARGETS = Object.freeze([
  { vscodeTarget: 'linux-x64', zigTarget: 'x86_64-linux-gnu.2.28', flags: ['-fPIC'], expect: { format: 'ELF', arch: 'x64', libc: 'glibc' } },
  { vscodeTarget: 'linux-arm64', zigTarget: 'aarch64-linux-gnu.2.28', flags: ['-fPIC'], expect: { format: 'ELF', arch: 'arm64', libc: 'glibc' } },
  { vscodeTarget: 'alpine-x64', zigTarget: 'x86_64-linux-musl', flags: ['-fPIC'], expect: { format: 'ELF', arch: 'x64', libc: 'musl' } },
  { vscodeTarget: 'alpine-arm64', zigTarget: 'aarch64-linux-musl', flags: ['-fPIC'], expect: { format: 'ELF', arch: 'arm64', libc: 'musl' } },
  { vscodeTarget: 'darwin-x64', zigTarget: 'x86_64-macos.11.0', flags: ['-Os', '-Wl,-undefined,dynamic_lookup'], expect: { format: 'Mach-O', arch: 'x64' } },
  { vscodeTarget: 'darwin-arm64', zigTarget: 'aarch64-macos.11.0', flags: ['-Os', '-Wl,-undefined,dynamic_lookup'], expect: { format: 'Mach-O', arch: 'arm64' } },
  { vscodeTarget: 'win32-x64', zigTarget: 'x86_64-windows-gnu', flags: ['-lws2_32'], expect: { format: 'PE', arch: 'x64' } },
  { vscodeTarget: 'win32-arm64', zigTarget: 'aarch64-windows-gnu', flags: ['-lws2_32'], expect: { format: 'PE', arch: 'arm64' } },
]);

/**
 * The flags every target gets, before its own (include paths are added by the build script). `-s` (strip) is the
 * packaging's addition to the contract: without it zig leaves debug information in, and the win32-x64, win32-arm64,
 * darwin-x64 and darwin-arm64 VSIXs went over the 400 KB budget (measured: 401-412 KB; win32-x64's addon 185 KiB
 * unstripped, 69 KiB stripped). Nothing at run time reads that information.
 */
const COMMON_FLAGS = Object.freeze(['-shared', '-O2', '-std=gnu11', '-DNAPI_VERSION=8', '-fvisibility=hidden', '-s']);

/** Linux binaries must run where VS Code's remote server runs: glibc 2.28 and later. */
const MAX_GLIBC = '2.28';

/** The addon's file name inside dist/native/<vscodeTarget>/. */
const ADDON_FILE = 'netlens_resolver.node';

/**
 * The pinned Node-API headers (npm package node-api-headers), and nothing of the building machine's: the sources need
 * no other header outside zig's libc (nss_module_call.c declares the four libuv dl functions it calls when uv.h is
 * not on the path).
 * @param {string} root the repository root
 */
function napiIncludeDir(root) {
  return path.join(path.dirname(require.resolve('node-api-headers/package.json', { paths: [root] })), 'include');
}

/** The addon's C sources: every target compiles all of native/*.c (platform differences are #if inside them). */
function nativeSources(root) {
  const dir = path.join(root, 'native');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.c')).sort().map((f) => path.join(dir, f));
}

/** @param {string} vscodeTarget @returns {NativeTarget} */
function nativeTarget(vscodeTarget) {
  const t = NATIVE_TARGETS.find((x) => x.vscodeTarget === vscodeTarget);
  if (!t) throw new Error(`unknown native target ${vscodeTarget}`);
  return t;
}

module.exports = { NATIVE_TARGETS, COMMON_FLAGS, MAX_GLIBC, ADDON_FILE, napiIncludeDir, nativeSources, nativeTarget };
