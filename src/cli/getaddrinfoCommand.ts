import type { GetaddrinfoRequest } from '../core/addrinfo';
import { pyAddrinfoRow } from '../core/pythonRepr';
import { AI_FLAGS, parseFamily, parseFlagList, parseSocktype } from '../core/socketConstants';
import type { ResolverClient } from '../client/resolverClient';
import { parseArgs, UsageError } from './args';
import { printOutcome, type CliIo } from './output';

export const GETADDRINFO_USAGE = `netlens getaddrinfo HOST|- [PORT|SERVICE|-] [--family AF_INET|AF_INET6|AF_UNSPEC]
    [--type SOCK_STREAM|SOCK_DGRAM|SOCK_RAW] [--proto NUMBER] [--flags AI_CANONNAME,AI_PASSIVE,...] [--json]
  Like Python's socket.getaddrinfo(host, port, family, type, proto, flags); '-' means None.`;

/** Turns the command line into Python's getaddrinfo arguments. */
export function parseGetaddrinfoArgs(argv: readonly string[]): { request: GetaddrinfoRequest; json: boolean } {
  const args = parseArgs(argv, ['family', 'type', 'proto', 'flags'], ['json']);
  if (args.positionals.length < 1 || args.positionals.length > 2) throw new UsageError(`expected HOST and an optional PORT\n${GETADDRINFO_USAGE}`);
  const [hostArg, portArg = '-'] = args.positionals;
  const family = parseFamily(args.options.get('family') ?? 'AF_UNSPEC');
  if (!family) throw new UsageError(`unknown --family ${args.options.get('family')} (AF_INET, AF_INET6 or AF_UNSPEC)`);
  const socktype = parseSocktype(args.options.get('type') ?? '0');
  if (!socktype) throw new UsageError(`unknown --type ${args.options.get('type')} (SOCK_STREAM, SOCK_DGRAM, SOCK_RAW or 0)`);
  const protoText = args.options.get('proto') ?? '0';
  if (!/^\d+$/.test(protoText)) throw new UsageError(`--proto must be a protocol number, not ${protoText}`);
  const { flags, unknown } = parseFlagList(AI_FLAGS, 'AI_', args.options.get('flags') ?? '');
  if (unknown.length) throw new UsageError(`unknown --flags ${unknown.join(', ')} (known: ${AI_FLAGS.join(', ')})`);
  return {
    request: { host: hostArg === '-' ? null : hostArg, port: portArg === '-' ? null : portArg, family, socktype, proto: Number(protoText), flags },
    json: args.switches.has('json'),
  };
}

export async function runGetaddrinfo(argv: readonly string[], client: ResolverClient, io: CliIo): Promise<number> {
  const { request, json } = parseGetaddrinfoArgs(argv);
  const [outcome, ping] = await Promise.all([client.request('getaddrinfo', request), client.ping()]);
  const values = ping.ok ? ping.value.constants : {};
  return printOutcome(outcome, json, io, (result) => {
    const lines = result.rows.map((row) => pyAddrinfoRow(row, values));
    if (result.unavailable.length) lines.push(`# backend ${result.backend} cannot know: ${result.unavailable.join('; ')} (shown as ?)`);
    return lines;
  });
}
