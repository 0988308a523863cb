// The ecosystem's standard runner: downloads desktop VS Code (Electron) with @vscode/test-electron and runs the
// same suite (out/test/integration/suite/index.js) in it. Needs access to update.code.visualstudio.com; on
// offline machines use runInCodeServer.ts instead (same suite, VS Code server + Chromium).
//
//   node esbuild.js && node out/test/integration/runInElectron.js [workspace]
import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from '../support/paths';

/** Pinned to the version the offline route runs (code-server 4.139.1 = VS Code 1.139.1); 'stable' also works. */
const VSCODE_VERSION = '1.139.1';

function defaultWorkspace(root: string): string {
  const demo = path.join(root, 'demo');
  return fs.existsSync(demo) ? demo : path.join(root, 'test', 'fixtures', 'workspace');
}

async function main(): Promise<void> {
  const root = REPO_ROOT;
  const workspace = path.resolve(process.argv[2] ?? defaultWorkspace(root));
  const passThrough = ['NETLENS_DNS_FIXTURE', 'NETLENS_DNS_FIXTURE_LOG', 'NETLENS_TEST_NETNS'];
  const extensionTestsEnv: Record<string, string> = {};
  for (const k of passThrough) {
    const v = process.env[k];
    if (v !== undefined) extensionTestsEnv[k] = v;
  }
  const exitCode = await runTests({
    version: VSCODE_VERSION,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'suite', 'index.js'),
    extensionTestsEnv,
    launchArgs: [workspace, '--disable-extensions'],
  });
  // runTests rejects on a non-zero exit of VS Code; the check is for completeness.
  if (exitCode !== 0) throw new Error(`VS Code exited with ${exitCode}`);
}

// Only as the entry point (see the same guard in runInCodeServer.ts: bundling may inline this file elsewhere).
if (require.main === module && /runInElectron\.[cm]?[jt]s$/.test(require.main.filename)) {
  main().catch((err: unknown) => {
    console.error('Integration tests (Electron) failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
