import { pyGetnameinfo, type PySockaddrArg } from '../../client/pythonSocket';
import { pyStr } from '../../core/pythonRepr';
import { NI_FLAGS, parseFlagList } from '../../core/socketConstants';
import { UsageError, type CliCommand } from '../command';
import { expectPositionals, parseIntArg, pythonInt } from '../args';

function intOption(value: string | undefined, name: string): bigint | undefined {
  return value === undefined ? undefined : parseIntArg(value, `--${name}`);
}

export const getnameinfoCommand: CliCommand = {
  name: 'getnameinfo',
  usage: 'getnameinfo ADDR PORT [--flags NI_NUMERICHOST,NI_NUMERICSERV,NI_NAMEREQD,NI_DGRAM,NI_NOFQDN] [--flowinfo N] [--scope-id N]',
  summary: 'socket.getnameinfo((addr, port[, flowinfo, scope_id]), flags): (host, service)',
  valueOptions: ['flags', 'flowinfo', 'scope-id'],
  async run(args, ctx) {
    const [host, portText] = expectPositionals(args, 2, 2);
    const port = pythonInt(portText);
    if (port === null) throw new UsageError(`PORT must be an integer (getnameinfo takes a numeric port), not ${portText}`);
    const { flags, unknown } = parseFlagList(NI_FLAGS, 'NI_', args.options.get('flags') ?? '');
    if (unknown.length) throw new UsageError(`unknown --flags ${unknown.join(', ')} (known: ${NI_FLAGS.join(', ')})`);
    const flowinfo = intOption(args.options.get('flowinfo'), 'flowinfo');
    const scopeId = intOption(args.options.get('scope-id'), 'scope-id');
    // Giving either makes the sockaddr Python's 4-tuple (the other one is then 0).
    const sockaddr: PySockaddrArg = flowinfo === undefined && scopeId === undefined ? { host, port } : { host, port, flowinfo: flowinfo ?? 0n, scopeId: scopeId ?? 0n };
    const outcome = await pyGetnameinfo(ctx.client(), sockaddr, flags);
    if (!outcome.ok) return outcome;
    return { ok: true, json: outcome.value, human: [`(${outcome.value.map(pyStr).join(', ')})`] };
  },
};
