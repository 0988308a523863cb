import { pyGethostbyaddr } from '../../client/pythonSocket';
import type { CliCommand } from '../command';
import { expectPositionals } from '../args';
import { hostTupleRepr } from './hostTuple';

export const gethostbyaddrCommand: CliCommand = {
  name: 'gethostbyaddr',
  usage: 'gethostbyaddr ADDR',
  summary: 'socket.gethostbyaddr(ip_address): (name, aliases, addresses) from the reverse lookup',
  async run(args, ctx) {
    const [address] = expectPositionals(args, 1, 1);
    const outcome = await pyGethostbyaddr(ctx.client(), address);
    return outcome.ok ? { ok: true, json: outcome.value, human: [hostTupleRepr(outcome.value)] } : outcome;
  },
};
