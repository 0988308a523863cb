// `npm run package` (after `node esbuild.js --production` and `npm run build:native`): one VSIX per native target,
// `netlens-<vscodeTarget>-<version>.vsix` made with `vsce package --target <vscodeTarget>` and holding only that
// target's dist/native/<vscodeTarget>/netlens_resolver.node, plus the universal `netlens-<version>.vsix` with no
// binary at all (VS Code installs it where no target-specific VSIX matches; the helper then uses dns.lookup).
// Each is read back: its native files must be exactly its own, and it must stay within the 400 KB budget.
//
//   node scripts/package-vsix.js [<vscodeTarget> | universal …]   only these (default: every target and universal)
//
// What a VSIX holds is .vscodeignore's rule; for each package the line `!dist/native/**` is narrowed to the one
// target's binary (vsce keeps whatever any `!` line matches, so it cannot be narrowed by adding lines).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { NATIVE_TARGETS, ADDON_FILE } = require('./lib/nativeTargets');
const { zipEntries } = require('./lib/zipEntries');

const root = path.resolve(__dirname, '..');
const UNIVERSAL = 'universal';
/** The issue's budget per VSIX, in bytes (KB = 1000 bytes). */
const MAX_VSIX_BYTES = 400 * 1000;
const NATIVE_LINE = '!dist/native/**';

function vscePath() {
  return path.join(path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [root] })), 'vsce');
}

/** .vscodeignore with its native line narrowed to `target`'s binary, or dropped for the universal VSIX. */
function ignoreFileFor(target) {
  const lines = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
  if (lines.filter((l) => l.trim() === NATIVE_LINE).length !== 1) throw new Error(`.vscodeignore must have the line ${NATIVE_LINE} exactly once`);
  return lines
    .map((l) => (l.trim() === NATIVE_LINE ? (target === UNIVERSAL ? '# no native addon: the universal VSIX' : `!dist/native/${target}/${ADDON_FILE}`) : l))
    .join('\n');
}

/** The entries a VSIX for `target` must hold under extension/dist/native/. */
function expectedNative(target) {
  return target === UNIVERSAL ? [] : [`extension/dist/native/${target}/${ADDON_FILE}`];
}

/**
 * Packages one VSIX into `outDir`; returns its path, size and entries, or throws with vsce's words.
 * @param {string} target a vscodeTarget of nativeTargets.js, or 'universal'
 * @param {string} outDir
 */
function packageVsix(target, outDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (target !== UNIVERSAL) {
    const binary = path.join(root, 'dist', 'native', target, ADDON_FILE);
    if (!fs.existsSync(binary)) throw new Error(`${path.relative(root, binary)} is missing: run npm run build:native (it says why a target failed)`);
  }
  const work = fs.mkdtempSync(path.join(outDir, '.netlens-vsix-'));
  try {
    const ignoreFile = path.join(work, `${target}.vscodeignore`);
    fs.writeFileSync(ignoreFile, ignoreFileFor(target));
    const out = path.join(outDir, target === UNIVERSAL ? `${pkg.name}-${pkg.version}.vsix` : `${pkg.name}-${target}-${pkg.version}.vsix`);
    const args = [vscePath(), 'package', '--no-dependencies', '--ignoreFile', ignoreFile, '--out', out, ...(target === UNIVERSAL ? [] : ['--target', target])];
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', shell: false });
    if (r.status !== 0) throw new Error(`vsce package ${target === UNIVERSAL ? '' : `--target ${target} `}failed:\n${r.stderr}${r.stdout}`);
    const entries = zipEntries(fs.readFileSync(out)).sort();
    return { target, file: out, size: fs.statSync(out).size, entries };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** What is wrong with a packaged VSIX: other targets' binaries, a missing own binary, over budget. */
function vsixProblems(result) {
  const problems = [];
  const native = result.entries.filter((e) => e.startsWith('extension/dist/native/'));
  const want = expectedNative(result.target);
  if (JSON.stringify(native) !== JSON.stringify(want)) problems.push(`native files are [${native.join(', ')}], expected [${want.join(', ')}]`);
  if (result.size > MAX_VSIX_BYTES) problems.push(`${(result.size / 1000).toFixed(1)} KB is over the ${MAX_VSIX_BYTES / 1000} KB budget`);
  return problems;
}

function main() {
  const all = [...NATIVE_TARGETS.map((t) => t.vscodeTarget), UNIVERSAL];
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length > 0) {
    console.error(`package-vsix: unknown target(s) ${unknown.join(', ')}; known: ${all.join(', ')}`);
    process.exit(2);
  }
  let failed = 0;
  const rows = [];
  for (const target of names.length > 0 ? all.filter((t) => names.includes(t)) : all) {
    try {
      const result = packageVsix(target, root);
      const problems = vsixProblems(result);
      if (problems.length > 0) {
        failed++;
        fs.rmSync(result.file, { force: true });
        console.error(`package-vsix: ${target}: ${problems.join('; ')}`);
      }
      rows.push([path.basename(result.file), `${(result.size / 1000).toFixed(1)} KB`, `${result.entries.length} files`, problems.length > 0 ? 'REFUSED' : 'ok']);
    } catch (err) {
      failed++;
      console.error(`package-vsix: ${target}: ${err instanceof Error ? err.message : String(err)}`);
      rows.push([`(${target})`, '—', '—', 'FAILED']);
    }
  }
  console.log('');
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
  console.log(`\n${rows.length - failed} of ${rows.length} VSIXs packaged (budget ${MAX_VSIX_BYTES / 1000} KB each)`);
  process.exit(failed > 0 ? 1 : 0);
}

if (require.main === module) main();

module.exports = { packageVsix, vsixProblems, expectedNative, UNIVERSAL, MAX_VSIX_BYTES };
