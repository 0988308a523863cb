// Runs the mocha test files named on the command line in whatever Node runs this file and writes the counts as
// JSON to the file NETLENS_TEST_RESULTS names: how scripts/test-targets.js runs tests in another platform's Node
// (arm64 under qemu-user, Windows under Wine), where it cannot call runMochaFiles in its own process.
import * as path from 'path';
import { reportMochaCounts, runMochaFiles } from '../support/mochaRun';

async function main(): Promise<void> {
  const files = process.argv.slice(2).map((f) => path.resolve(f));
  if (!process.env.NETLENS_TEST_RESULTS || files.length === 0) {
    process.stderr.write('usage: NETLENS_TEST_RESULTS=<file> node runMocha.js <test.js>...\n');
    process.exit(2);
  }
  const timeout = Number(process.env.NETLENS_TEST_TIMEOUT_MS) || 20_000;
  const counts = await runMochaFiles(files, { timeout, color: false, where: files.join(', '), loadAsync: true });
  reportMochaCounts(counts);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
