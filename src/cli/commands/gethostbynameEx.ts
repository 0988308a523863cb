import { pyGethostbynameEx } from '../../client/pythonSocket';
import type { CliCommand } from '../command';
import { expectPositionals } from '../args';
import { hostTupleRepr } from './hostTuple';

export const gethostbynameExCommand: CliCommand = {
  name: 'gethostbyname_ex',
  usage: 'gethostbyname_ex HOST',
  summary: 'socket.gethostbyname_ex(host): (canonical name, aliases incl. the CNAME chain, IPv4 addresses)',
  async run(args, ctx) {
    const [host] = expectPositionals(args, 1, 1);
    const outcome = await pyGethostbynameEx(ctx.client(), host);
    return outcome.ok ? { ok: true, json: outcome.value, human: [hostTupleRepr(outcome.value)] } : outcome;
  },
};
