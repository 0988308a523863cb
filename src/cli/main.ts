// `netlens`: the command-line front end over the same core and resolver helper as the extension, so every
// answer the editor shows can be checked from a shell and compared with python3 and getent.
import { boundedNumber, NUMBER_SETTINGS } from '../core/settingsTable';
import * as path from 'path';
import { ResolverClient } from '../client/resolverClient';
import { parseArgs } from './args';
import { UsageError, type CliContext, type CliIo } from './command';
import { COMMANDS } from './commands';
import { EXIT_USAGE, printAnswer, streamWriter } from './output';
import { isScanWorkerThread, serveScanPieces } from './scanWorkers';

// `netlens scan big.txt | head`: the reader went away; stop quietly like other Unix tools instead of crashing.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const io: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  write: streamWriter(process.stdout),
};

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: netlens <function> [args] [--json]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'netlens <function> --help' for its arguments. Exit status: 0 answered, 1 Python would raise, 2 usage.",
    `Environment: NETLENS_TIMEOUT_MS (default ${NUMBER_SETTINGS.lookupTimeoutMs.default}, as netlens.lookupTimeoutMs) bounds every resolver call.`,
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(name ? `netlens: unknown function ${JSON.stringify(name)}` : 'netlens: no function given');
    io.err(usage());
    return EXIT_USAGE;
  }
  if (rest.includes('--help')) {
    io.out(`usage: netlens ${command.usage} [--json]\n  ${command.summary}`);
    return 0;
  }
  let client: ResolverClient | undefined;
  // The editor's netlens.lookupTimeoutMs default and bounds.
  const timeout = boundedNumber('lookupTimeoutMs', Number(process.env.NETLENS_TIMEOUT_MS) || undefined);
  const debug = (line: string): void => {
    if (process.env.NETLENS_DEBUG) io.err(line);
  };
  const ctx: CliContext = {
    io,
    debug,
    client: () =>
      (client ??= new ResolverClient({
        helperPath: path.join(__dirname, 'helper.js'),
        timeoutMs: () => timeout,
        log: debug,
      })),
    workerScript: __filename,
  };
  try {
    const args = parseArgs(rest, command.valueOptions ?? [], ['json', ...(command.switches ?? [])]);
    return await printAnswer(await command.run(args, ctx), args.switches.has('json'), io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`netlens ${command.name}: ${err.message}`);
      io.err(`usage: netlens ${command.usage} [--json]`);
      return EXIT_USAGE;
    }
    throw err;
  } finally {
    await client?.dispose();
  }
}

// This bundle is also what `scan`'s worker threads run (scanWorkers.ts): there it scans pieces, not a command line.
if (isScanWorkerThread()) serveScanPieces();
else {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      io.err(`netlens: internal error (please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 70;
    }
  );
}
