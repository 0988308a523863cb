import { addrinfoRowJson } from '../../core/addrinfo';
import { defaultProtocolsDatabase } from '../../core/protocolsDb';
import { AI_FLAGS, parseFamily, parseFlagList, parseSocktype } from '../../core/socketConstants';
import { pyGetaddrinfo, type PyGetaddrinfoArgs } from '../../client/pythonSocket';
import { UsageError, type CliCommand, type ParsedCommandArgs } from '../command';
import { expectPositionals, pythonInt } from '../args';
import { dataText } from '../dataText';
import { table } from '../output';
import { platformConstants } from '../pureCall';

const usage = `getaddrinfo HOST|- [PORT|SERVICE|-] [--family AF_INET|AF_INET6|AF_UNSPEC] [--type SOCK_STREAM|SOCK_DGRAM|SOCK_RAW] [--proto NUMBER|NAME] [--flags AI_CANONNAME,AI_PASSIVE,...]`;

/** `--proto 6` or `--proto tcp` (socket.getprotobyname, from the protocols database). */
export function parseProto(text: string): number {
  const n = pythonInt(text);
  if (n !== null) {
    if (n < -(2n ** 31n) || n >= 2n ** 31n) throw new UsageError(`--proto ${text} is out of range for a C int`);
    return Number(n);
  }
  const db = defaultProtocolsDatabase();
  const entry = db.byName(text);
  if (!entry) throw new UsageError(`--proto ${text}: no such protocol in ${db.source} (give a name such as tcp, or a number)`);
  return entry.number;
}

/**
 * Turns the command line into Python's getaddrinfo(host, port, family, type, proto, flags) arguments. A numeric
 * PORT is a Python int (so 70000 reaches glibc as "70000", which keeps the low 16 bits); anything else is a str.
 */
export function parseGetaddrinfoArgs(args: ParsedCommandArgs): PyGetaddrinfoArgs {
  const [hostArg, portArg = '-'] = expectPositionals(args, 1, 2);
  // A number is the platform's (AF_INET6 is 10 on Linux, 30 on macOS, 23 on Windows), as Python takes it there.
  const { values } = platformConstants();
  const family = parseFamily(args.options.get('family') ?? 'AF_UNSPEC', values);
  if (!family) throw new UsageError(`unknown --family ${args.options.get('family')} (AF_INET, AF_INET6 or AF_UNSPEC)`);
  const socktype = parseSocktype(args.options.get('type') ?? '0', values);
  if (!socktype) throw new UsageError(`unknown --type ${args.options.get('type')} (SOCK_STREAM, SOCK_DGRAM, SOCK_RAW or 0)`);
  const proto = parseProto(args.options.get('proto') ?? '0');
  const { flags, unknown } = parseFlagList(AI_FLAGS, 'AI_', args.options.get('flags') ?? '');
  if (unknown.length) throw new UsageError(`unknown --flags ${unknown.join(', ')} (known: ${AI_FLAGS.join(', ')})`);
  const port = portArg === '-' ? null : (pythonInt(portArg) ?? portArg);
  return { host: hostArg === '-' ? null : hostArg, port, family, socktype, proto, flags };
}

export const getaddrinfoCommand: CliCommand = {
  name: 'getaddrinfo',
  usage,
  summary: "socket.getaddrinfo(host, port, family, type, proto, flags); '-' means None",
  valueOptions: ['family', 'type', 'proto', 'flags'],
  async run(args, ctx) {
    const request = parseGetaddrinfoArgs(args);
    const outcome = await pyGetaddrinfo(ctx.client(), request);
    if (!outcome.ok) return outcome;
    const rows = outcome.value;
    const cells = rows.map((r) => [r.family, r.socktype ?? '?', r.proto === null ? '?' : String(r.proto), r.canonname === null ? '?' : dataText(r.canonname), r.sockaddr.map(String).join('  ')]);
    const human = table(cells, ['family', 'type', 'proto', 'canonname', 'sockaddr']);
    if (rows.some((r) => r.socktype === null || r.canonname === null)) human.push('(the dns.lookup fallback backend cannot know the fields shown as ?)');
    return { ok: true, json: rows.map(addrinfoRowJson), human };
  },
};
