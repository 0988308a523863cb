// `netlens`: the command-line front end over the same core and resolver helper as the extension, so every
// answer the editor shows can be checked from a shell and compared with python3 and getent.
import * as path from 'path';
import { ResolverClient } from '../client/resolverClient';
import { UsageError } from './args';
import { GETADDRINFO_USAGE, runGetaddrinfo } from './getaddrinfoCommand';
import { EXIT_USAGE, printOutcome, type CliIo } from './output';

const USAGE = `usage: netlens <function> [args] [--json]

Functions (Python's socket module names):
  ${GETADDRINFO_USAGE.split('\n').join('\n  ')}
  netlens gethostname [--json]
  netlens backend [--json]     which resolver backend answers on this machine, and why

Environment: NETLENS_TIMEOUT_MS (default 5000) bounds every resolver call.`;

const io: CliIo = { out: (line) => process.stdout.write(line + '\n'), err: (line) => process.stderr.write(line + '\n') };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : EXIT_USAGE;
  }
  const timeout = Number(process.env.NETLENS_TIMEOUT_MS) || 5000;
  const client = new ResolverClient({
    helperPath: path.join(__dirname, 'helper.js'),
    timeoutMs: () => timeout,
    log: (line) => {
      if (process.env.NETLENS_DEBUG) io.err(line);
    },
  });
  try {
    switch (command) {
      case 'getaddrinfo':
        return await runGetaddrinfo(rest, client, io);
      case 'gethostname':
        return printOutcome(await client.request('gethostname', {}), rest.includes('--json'), io, (r) => [r.hostname]);
      case 'backend':
        return printOutcome(await client.ping(), rest.includes('--json'), io, (p) => [
          `backend: ${p.backend}${p.backendNote ? ` (${p.backendNote})` : ''}`,
          `platform: ${p.platform}`,
          `helper pid ${p.pid}, UV_THREADPOOL_SIZE=${p.threadpoolSize}`,
        ]);
      default:
        throw new UsageError(`unknown function ${JSON.stringify(command)}\n\n${USAGE}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`netlens: ${err.message}`);
      return EXIT_USAGE;
    }
    throw err;
  } finally {
    await client.dispose();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    io.err(`netlens: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 70;
  }
);
