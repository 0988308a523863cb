// `npm run bench`: every benchmark, each against its baseline in the same run; one line per benchmark.
// `--quick` runs tiny iteration counts (used by the unit tests to check that the bench itself works).
import { benchIpc } from './ipcRoundTrip';
import { benchScanner } from './scanner';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  console.log(`NetLens benchmarks (${process.platform}-${process.arch}, Node ${process.version}${quick ? ', quick' : ''})`);
  for (const line of await benchIpc(quick ? 20 : 2000)) console.log(line);
  for (const line of benchScanner(quick)) console.log(line);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
