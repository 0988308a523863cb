import type { AddrinfoRow, GetaddrinfoRequest } from '../../core/addrinfo';
import { AI_FLAGS, parseFamily, parseFlagList, parseSocktype } from '../../core/socketConstants';
import { UsageError, type CliCommand, type ParsedCommandArgs } from '../command';
import { expectPositionals } from '../args';
import { table } from '../output';

const usage = `getaddrinfo HOST|- [PORT|SERVICE|-] [--family AF_INET|AF_INET6|AF_UNSPEC] [--type SOCK_STREAM|SOCK_DGRAM|SOCK_RAW] [--proto NUMBER] [--flags AI_CANONNAME,AI_PASSIVE,...]`;

/** Turns the command line into Python's getaddrinfo(host, port, family, type, proto, flags) arguments. */
export function parseGetaddrinfoArgs(args: ParsedCommandArgs): GetaddrinfoRequest {
  const [hostArg, portArg = '-'] = expectPositionals(args, 1, 2);
  const family = parseFamily(args.options.get('family') ?? 'AF_UNSPEC');
  if (!family) throw new UsageError(`unknown --family ${args.options.get('family')} (AF_INET, AF_INET6 or AF_UNSPEC)`);
  const socktype = parseSocktype(args.options.get('type') ?? '0');
  if (!socktype) throw new UsageError(`unknown --type ${args.options.get('type')} (SOCK_STREAM, SOCK_DGRAM, SOCK_RAW or 0)`);
  const protoText = args.options.get('proto') ?? '0';
  if (!/^\d+$/.test(protoText)) throw new UsageError(`--proto must be a protocol number, not ${protoText}`);
  const { flags, unknown } = parseFlagList(AI_FLAGS, 'AI_', args.options.get('flags') ?? '');
  if (unknown.length) throw new UsageError(`unknown --flags ${unknown.join(', ')} (known: ${AI_FLAGS.join(', ')})`);
  return { host: hostArg === '-' ? null : hostArg, port: portArg === '-' ? null : portArg, family, socktype, proto: Number(protoText), flags };
}

/** Python's row as JSON: [family, type, proto, canonname, sockaddr]; null where the backend cannot know. */
export function rowJson(row: AddrinfoRow): unknown[] {
  return [row.family, row.socktype, row.proto, row.canonname, row.sockaddr];
}

export const getaddrinfoCommand: CliCommand = {
  name: 'getaddrinfo',
  usage,
  summary: "socket.getaddrinfo(host, port, family, type, proto, flags); '-' means None",
  valueOptions: ['family', 'type', 'proto', 'flags'],
  async run(args, ctx) {
    const request = parseGetaddrinfoArgs(args);
    const outcome = await ctx.client().request('getaddrinfo', request);
    if (!outcome.ok) return outcome;
    const { rows, backend, unavailable } = outcome.value;
    const cells = rows.map((r) => [r.family, r.socktype ?? '?', r.proto === null ? '?' : String(r.proto), r.canonname ?? '?', r.sockaddr.map(String).join('  ')]);
    const human = table(cells, ['family', 'type', 'proto', 'canonname', 'sockaddr']);
    if (unavailable.length) human.push(`(backend ${backend} cannot know: ${unavailable.join('; ')}; shown as ?)`);
    return { ok: true, json: rows.map(rowJson), human };
  },
};
