// The helper/backend unit tests with the AddressSanitizer/UBSan build of the addon (`npm run test:sanitize`,
// scripts/test-sanitize.js starts this inside the DNS fixture namespace). The tests pick that build through
// NETLENS_TEST_ADDON (files they dlopen themselves) and NETLENS_TEST_DIST (the helper and CLI they spawn), both set
// by the outer script. The ASan runtime must be in node before the addon is loaded, so this process re-runs itself
// with LD_PRELOAD; children inherit it. Counts go to NETLENS_TEST_RESULTS as in test/runAll.ts.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { reportMochaCounts, runMochaFiles } from '../support/mochaRun';
import { CLI_JS, REPO_ROOT } from '../support/paths';

/**
 * Every unit test file that makes the addon do work: loaded in-process (nativeResolver, nativeOtherPlatformPaths,
 * nssHosts' probe), or through the helper (client, lookups, explain, connect, panel) or the CLI (parity, fuzz).
 * Pure TypeScript suites are left out: they cannot reach the C code.
 */
export const SANITIZED_TEST_FILES = [
  'nativeResolver',
  'nativeOtherPlatformPaths',
  'nssHosts',
  'pythonParity',
  'pureCli',
  'resolverClient',
  'hostLookups',
  'addrinfoPanelLookups',
  'connectionTest',
  'directDns',
  'searchTrace',
  'nsswitch',
  'orderRuntimes',
  'resolverEnvironment',
  'addressOrderGlibc',
  'systemFileFaults',
  'cliFuzz',
  'hostileDnsBoundary',
];

/**
 * The reduced set CI runs on every submission (`npm run test:sanitize -- --quick`: 50 tests in 3.0 min on 2 shared
 * cores): the addon in-process, its other-platform paths, the NSS modules, the client and helper, Python parity on
 * the zone, and the stress answers. The full list (210 tests: 8.1 min, 12.7 min on a busy machine) runs by hand
 * or nightly.
 */
export const QUICK_TEST_FILES = ['nativeResolver', 'nativeOtherPlatformPaths', 'nssHosts', 'resolverClient', 'pythonParity', 'hostileDnsBoundary'];

async function main(): Promise<void> {
  const runtime = process.env.NETLENS_SANITIZE_RUNTIME;
  if (!runtime) throw new Error('NETLENS_SANITIZE_RUNTIME is not set (run npm run test:sanitize)');
  if (!(process.env.LD_PRELOAD ?? '').split(/[: ]/).includes(runtime)) {
    const r = spawnSync(process.execPath, [__filename], { stdio: 'inherit', env: { ...process.env, LD_PRELOAD: runtime } });
    process.exitCode = r.status ?? 1;
    return;
  }
  // A helper that could not load the instrumented addon would answer through dns.lookup and prove nothing.
  const backend = spawnSync(process.execPath, [CLI_JS, 'backend', '--json'], { encoding: 'utf8' });
  if (!/"backend":"native"/.test(backend.stdout)) throw new Error(`the helper of ${CLI_JS} does not use the native addon: ${backend.stdout}${backend.stderr}`);
  const dir = path.join(REPO_ROOT, 'out', 'test', 'unit');
  const only = process.env.NETLENS_SANITIZE_FILES === 'quick' ? QUICK_TEST_FILES : process.env.NETLENS_SANITIZE_FILES?.split(',').filter((f) => f !== '');
  const files = SANITIZED_TEST_FILES.filter((f) => !only || only.includes(f)).map((f) => path.join(dir, `${f}.test.js`));
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length > 0) throw new Error(`not built: ${missing.join(', ')} (run node esbuild.js)`);
  const counts = await runMochaFiles(files, { timeout: 60_000, color: true, where: dir, loadAsync: true });
  reportMochaCounts(counts);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
