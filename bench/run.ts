// `npm run bench`: every benchmark, each against its baseline in the same run; one line per benchmark.
// `--quick` runs tiny iteration counts (used by the unit tests to check that the bench itself works) and skips the
// benchmarks that need the DNS fixture. `npm run bench` runs this inside scripts/with-test-netns.js, so that the
// fixture benchmarks (a black-holed name, slow answers) have their DNS server; without it they print a skipped line.
import { benchExtension } from './extension';
import { benchHelperLoad } from './helperLoad';
import { benchIpc } from './ipcRoundTrip';
import { benchScanEndToEnd } from './scanEndToEnd';
import { benchScanner } from './scanner';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const fixture = process.env.NETLENS_DNS_FIXTURE === '1';
  console.log(`NetLens benchmarks (${process.platform}-${process.arch}, Node ${process.version}${quick ? ', quick' : ''}${fixture ? ', DNS fixture' : ''})`);
  for (const line of await benchIpc(quick ? 20 : 2000)) console.log(line);
  for (const line of benchScanner(quick)) console.log(line);
  for (const line of await benchScanEndToEnd(quick)) console.log(line);
  for (const line of await benchExtension(quick)) console.log(line);
  for await (const line of benchHelperLoad(quick)) console.log(line);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
