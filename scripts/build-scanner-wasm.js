// Builds the ahead-of-time scanner, dist/scanner.wasm, from native/scanner/*.c (see native/scanner/README.md):
//   1. each generator native/scanner/gen/NAME.ts (TypeScript that imports the scanner's own constants, so that the
//      C's tables cannot drift from them) is bundled and run; its `generate()` text becomes build/scanner-gen/NAME.h;
//   2. clang compiles every .c file for wasm32 with no libc and wasm-ld links them (Debian: clang and lld);
//   3. the same C with native/scanner/node/scanner_node.c is compiled for this machine into dist/scanner.node, the
//      CLI's JSON writer (`scan --json`; Linux and macOS, with clang or cc and the pinned node-api-headers). It is the
//      CLI's alone (the VSIX does not ship it); without it the CLI uses the module. A failure here is a warning,
//      unless NETLENS_TARGETS_STRICT (CI) asks for everything.
// `node scripts/build-scanner-wasm.js [--check]`: --check only says whether the toolchain is here (exit 0/1).
// Exits 2 without the toolchain (callers decide whether that is an error: see toolchainMissing()).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { napiIncludeDir } = require('./lib/nativeTargets');

const root = path.resolve(__dirname, '..');
const src = path.join(root, 'native', 'scanner');
const genOut = path.join(root, 'build', 'scanner-gen');
const out = path.join(root, 'dist', 'scanner.wasm');
const outNative = path.join(root, 'dist', 'scanner.node');

/** What is missing to build the module here (clang with the wasm32 target, wasm-ld), or null. */
function toolchainMissing() {
  const clang = spawnSync('clang', ['--print-targets'], { encoding: 'utf8' });
  if (clang.error || clang.status !== 0) return 'clang is not installed (Debian: apt-get install clang lld)';
  if (!/\bwasm32\b/.test(clang.stdout)) return 'this clang has no wasm32 target';
  const ld = spawnSync('wasm-ld', ['--version'], { encoding: 'utf8' });
  if (ld.error || ld.status !== 0) return 'wasm-ld is not installed (Debian: apt-get install lld)';
  return null;
}

async function generate() {
  const esbuild = require('esbuild');
  const dir = path.join(src, 'gen');
  fs.mkdirSync(genOut, { recursive: true });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const gens = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ts')) : [];
  for (const file of gens) {
    const result = await esbuild.build({ entryPoints: [path.join(dir, file)], bundle: true, write: false, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    const mod = { exports: {} };
    new Function('module', 'exports', 'require', result.outputFiles[0].text)(mod, mod.exports, require);
    if (typeof mod.exports.generate !== 'function') continue; // a module the generators share
    const text = mod.exports.generate();
    const target = path.join(genOut, file.replace(/\.ts$/, '.h'));
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) fs.writeFileSync(target, text);
  }
}

/** The scanner's C files (the Node-API wrapper in node/ is the native build's alone). */
function scannerSources() {
  return fs.readdirSync(src).filter((f) => f.endsWith('.c')).sort().map((f) => path.join(src, f));
}

/** The warnings and include folders both builds compile the scanner with. */
const COMMON_ARGS = ['-Wall', '-Wextra', '-Wno-unused-parameter', '-Wno-unused-function', '-I', src, '-I', genOut];

function compile() {
  const args = [
    '--target=wasm32',
    '-O2',
    '-flto',
    '-std=c11',
    '-nostdlib',
    '-ffreestanding',
    '-fno-builtin',
    '-Werror',
    ...COMMON_ARGS,
    '-Wl,--no-entry',
    // Two exports of one name link with only a warning, and one of them silently disappears: make it an error.
    '-Wl,--fatal-warnings',
    '-Wl,--export=__heap_base',
    '-Wl,-z,stack-size=1048576',
    '-o', out,
    ...scannerSources(),
  ];
  const r = spawnSync('clang', args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`clang failed (exit ${r.status})`);
}

/** The first of these compilers on PATH (clang first: the module's compiler, so the two builds warn alike). */
function nativeCompiler() {
  for (const cc of ['clang', 'cc', 'gcc']) {
    const r = spawnSync(cc, ['--version'], { encoding: 'utf8' });
    if (!r.error && r.status === 0) return { cc, gcc: !/clang/i.test(r.stdout) };
  }
  return null;
}

/** Builds dist/scanner.node; returns why it was not built, or null. */
function compileNative() {
  if (process.platform !== 'linux' && process.platform !== 'darwin') return `the CLI's native scanner is built on Linux and macOS, not ${process.platform}`;
  const compiler = nativeCompiler();
  if (!compiler) return 'no C compiler (clang, cc or gcc) on PATH';
  let napiInclude;
  try {
    napiInclude = napiIncludeDir(root);
  } catch {
    return 'node-api-headers is not installed (npm install)';
  }
  const args = [
    '-O2',
    '-std=gnu11',
    '-shared',
    '-fPIC',
    '-fvisibility=hidden',
    // The scanner brings its own memcpy/memset (base.c): calls to them must not become calls to libc's, nor their
    // loops calls to themselves (gcc's loop-to-memset rewrite).
    '-fno-builtin',
    ...(compiler.gcc ? ['-fno-tree-loop-distribute-patterns'] : []),
    ...COMMON_ARGS,
    '-DNAPI_VERSION=8',
    '-I', napiInclude,
    ...(process.platform === 'darwin' ? ['-undefined', 'dynamic_lookup'] : []),
    '-o', outNative,
    ...scannerSources(),
    path.join(src, 'node', 'scanner_node.c'),
  ];
  fs.rmSync(outNative, { force: true });
  const r = spawnSync(compiler.cc, args, { stdio: 'inherit' });
  if (r.error || r.status !== 0) return `${compiler.cc} failed (exit ${r.status})`;
  return null;
}

async function main() {
  const missing = toolchainMissing();
  if (process.argv.includes('--check')) {
    if (missing) console.log(missing);
    process.exit(missing ? 1 : 0);
  }
  if (missing) {
    console.error(`scanner.wasm not built: ${missing}`);
    process.exit(2);
  }
  await generate();
  compile();
  const notNative = compileNative();
  if (notNative) {
    if (process.env.NETLENS_TARGETS_STRICT) throw new Error(`scanner.node not built: ${notNative}`);
    console.warn(`scanner.node not built (${notNative}); \`netlens scan --json\` writes through scanner.wasm`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

module.exports = { toolchainMissing };
