import * as fs from 'fs';
import { loadMocha } from './loadMocha';

export interface MochaCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** `full title: message` of each failure. */
  failures: string[];
}

/**
 * Runs mocha over `files` and counts the outcome: the one counting loop behind the unit tests (test/runAll.ts)
 * and the in-editor tests (test/integration/suite/index.ts). NETLENS_TEST_GREP keeps the tests whose full title
 * contains it. No files at all is a failure, not a green run.
 */
export async function runMochaFiles(files: readonly string[], options: { timeout: number; color: boolean; where: string; loadAsync: boolean }): Promise<MochaCounts> {
  const counts: MochaCounts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  if (files.length === 0) return { ...counts, failed: 1, failures: [`no *.test.js files in ${options.where}`] };
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: options.timeout, color: options.color, grep: process.env.NETLENS_TEST_GREP || undefined });
  for (const f of files) mocha.addFile(f);
  // Plain Node loads the files as mocha does on the command line; the extension host keeps mocha's own require,
  // through which its module loader provides `vscode`.
  if (options.loadAsync) await mocha.loadFilesAsync();
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => counts.passed++);
    runner.on('pending', () => counts.skipped++);
    runner.on('fail', (test, err: unknown) => {
      counts.failed++;
      counts.failures.push(`${test.fullTitle()}: ${(err instanceof Error ? err.message : String(err)).trim()}`);
    });
  });
  return counts;
}

/**
 * Ends a run of counted tests: the counts go to the file NETLENS_TEST_RESULTS names (how scripts/run-all-tests.js
 * and scripts/test-targets.js read them for the closing "N passed, N failed" line; scripts/lib/testResults.js is the
 * scripts' twin), and a failure sets the exit code. Run on its own, it writes nothing.
 */
export function reportMochaCounts(counts: MochaCounts): void {
  const out = process.env.NETLENS_TEST_RESULTS;
  if (out) fs.writeFileSync(out, JSON.stringify(counts));
  process.exitCode = counts.failed > 0 ? 1 : 0;
}
