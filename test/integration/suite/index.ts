// Extension-host entry point of the in-editor integration tests (the module given as extensionTestsPath).
// The editor (code-server via test/integration/runInCodeServer.ts, or desktop VS Code via runInElectron.ts)
// loads the bundled copy out/test/integration/suite/index.js and calls run(); a rejection means "tests failed".
// Every *.test.js next to this file (out/test/integration/suite/) is added to one mocha run.
import * as fs from 'fs';
import * as path from 'path';
import { runMochaFiles } from '../../support/mochaRun';

/** Prefix of the one result line runInCodeServer.ts parses from the extension host's console output. */
export const RESULT_PREFIX = 'NETLENS_INTEGRATION_RESULT ';

export interface IntegrationResult {
  passed: number;
  failed: number;
  failures: string[];
}

export async function run(): Promise<void> {
  const testsRoot = __dirname;
  const files = fs
    .readdirSync(testsRoot)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(testsRoot, f));
  const counts = await runMochaFiles(files, { timeout: 60_000, color: false, where: testsRoot, loadAsync: false });
  const result: IntegrationResult = { passed: counts.passed, failed: counts.failed, failures: counts.failures };
  console.log(`${result.passed} passed, ${result.failed} failed (in-editor integration tests)`);
  console.log(RESULT_PREFIX + JSON.stringify(result));
  if (result.failed > 0) {
    throw new Error(`${result.failed} integration test(s) failed`);
  }
}
