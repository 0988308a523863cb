// Extension-host entry point of the in-editor integration tests (the module given as extensionTestsPath).
// The editor (code-server via test/integration/runInCodeServer.ts, or desktop VS Code via runInElectron.ts)
// loads the bundled copy out/test/integration/suite/index.js and calls run(); a rejection means "tests failed".
// Every *.test.js next to this file (out/test/integration/suite/) is added to one mocha run.
import * as fs from 'fs';
import * as path from 'path';
import { loadMocha } from '../../support/loadMocha';

/** Prefix of the one result line runInCodeServer.ts parses from the extension host's console output. */
export const RESULT_PREFIX = 'NETLENS_INTEGRATION_RESULT ';

export interface IntegrationResult {
  passed: number;
  failed: number;
  failures: string[];
}

export async function run(): Promise<void> {
  const Mocha = loadMocha();
  // NETLENS_TEST_GREP runs only the tests whose full title contains it (while working on one feature).
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', grep: process.env.NETLENS_TEST_GREP || undefined });

  const testsRoot = __dirname;
  const files = fs
    .readdirSync(testsRoot)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(testsRoot, f));

  const result: IntegrationResult = { passed: 0, failed: 0, failures: [] };
  if (files.length === 0) {
    result.failed = 1;
    result.failures.push(`no *.test.js files in ${testsRoot}`);
  } else {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => {
        result.passed++;
      });
      runner.on('fail', (test, err: unknown) => {
        result.failed++;
        const message = err instanceof Error ? err.message : String(err);
        result.failures.push(`${test.fullTitle()}: ${message.trim()}`);
      });
    });
  }

  console.log(`${result.passed} passed, ${result.failed} failed (in-editor integration tests)`);
  console.log(RESULT_PREFIX + JSON.stringify(result));
  if (result.failed > 0) {
    throw new Error(`${result.failed} integration test(s) failed`);
  }
}
