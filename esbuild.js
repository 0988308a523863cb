// Bundles every entry point of NetLens.
//   node esbuild.js               development build of dist/, media/ and the compiled tests in out/
//   node esbuild.js --production  minified, no source maps, no tests (what the VSIX ships)
//   node esbuild.js --watch       rebuild on change (F5 in .vscode/launch.json uses it)
//   node esbuild.js --no-tests    the extension, helper, CLI and webview only (npm start, npm install)
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = !production && !process.argv.includes('--no-tests');
const root = __dirname;

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  target: 'node20',
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  // The only bundle that may see `vscode`: it is provided by the editor at run time.
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  // Helper and CLI deliberately have no `external: ['vscode']`: an import of vscode there fails the build.
  { ...common, entryPoints: ['src/helper/main.ts'], outfile: 'dist/helper.js', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'media/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

if (withTests) {
  // Tests and benchmarks are bundled file by file into out/ (same relative path); npm packages stay external so that
  // mocha, playwright-core and the vscode module are the real ones at run time.
  const testEntries = [...listTs(path.join(root, 'test')), ...listTs(path.join(root, 'bench'))].map((f) => path.relative(root, f));
  if (testEntries.length > 0) {
    builds.push({
      ...common,
      entryPoints: testEntries,
      outdir: 'out',
      outbase: '.',
      platform: 'node',
      format: 'cjs',
      bundle: true,
      packages: 'external',
      external: ['vscode'],
    });
  }
}

function listTs(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    // Scanner corpora hold sample files (some are TypeScript) to be read as text, never run.
    if (e.isDirectory()) return e.name === 'fixtures-data' || e.name.startsWith('scanner-corpus') ? [] : listTs(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/**
 * This machine's VS Code target (linux-x64, alpine-arm64, darwin-arm64, …) by the helper's own rule: the TypeScript
 * of src/core/platform.ts (nativeTarget) and src/helper/libcInfo.ts (hostPlatform: platform, arch and libc) bundled
 * in memory and run here, so that the folder the dev build fills is the folder the helper reads. Null where no
 * addon is built for this platform.
 */
async function currentTarget() {
  const result = await esbuild.build({
    stdin: { contents: "export { nativeTarget } from './src/core/platform'; export { hostPlatform } from './src/helper/libcInfo';", resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(mod, mod.exports, require);
  return mod.exports.nativeTarget(mod.exports.hostPlatform());
}

/**
 * Ships the addon node-gyp built for this machine (if any) next to the helper, in this machine's target folder
 * (dist/native/<vscodeTarget>/). The other targets' folders are `npm run build:native`'s and stay as they are.
 */
async function copyNativeAddon() {
  const built = path.join(root, 'build', 'Release', 'netlens_resolver.node');
  const target = await currentTarget();
  if (target === null) {
    console.warn(`esbuild.js: no native target for ${process.platform}-${process.arch}; the helper will use the dns.lookup fallback backend`);
    return;
  }
  const destDir = path.join(root, 'dist', 'native', target);
  fs.rmSync(destDir, { recursive: true, force: true });
  if (fs.existsSync(built)) {
    fs.mkdirSync(destDir, { recursive: true });
    fs.copyFileSync(built, path.join(destDir, 'netlens_resolver.node'));
  } else {
    console.warn('esbuild.js: no native addon in build/Release; the helper will use the dns.lookup fallback backend');
  }
}

/**
 * The ahead-of-time scanner (native/scanner, C compiled to wasm32): built into dist/scanner.wasm when clang and
 * wasm-ld are here. Without them the TypeScript scanner does all the work (same matches, slower); CI
 * (NETLENS_TARGETS_STRICT) demands the module.
 */
async function buildScannerWasm() {
  const { toolchainMissing } = require('./scripts/build-scanner-wasm.js');
  const missing = toolchainMissing();
  if (missing) {
    if (process.env.NETLENS_TARGETS_STRICT) throw new Error(`esbuild.js: scanner.wasm cannot be built: ${missing}`);
    console.warn(`esbuild.js: scanner.wasm not built (${missing}); the TypeScript scanner does all the scanning`);
    return;
  }
  const { spawnSync } = require('child_process');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-scanner-wasm.js')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('esbuild.js: building scanner.wasm failed (see above)');
}

/** Tells the `npm: watch` task (and the person watching) when a rebuild starts and ends, with its errors. */
const watchLogger = {
  name: 'watch-logger',
  setup(build) {
    build.onStart(() => console.log('esbuild.js: build started'));
    build.onEnd((result) => {
      for (const e of result.errors) console.error(`✘ [ERROR] ${e.text}${e.location ? ` (${e.location.file}:${e.location.line}:${e.location.column})` : ''}`);
      console.log('esbuild.js: build finished');
    });
  },
};

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...b, plugins: [watchLogger] })));
    await Promise.all(contexts.map((c) => c.watch()));
    await copyNativeAddon();
    console.log('esbuild.js: watching for changes (Ctrl-C stops)');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  await copyNativeAddon();
  await buildScannerWasm();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
