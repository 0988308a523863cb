import { pyGethostbyname } from '../../client/pythonSocket';
import type { CliCommand } from '../command';
import { expectPositionals } from '../args';

export const gethostbynameCommand: CliCommand = {
  name: 'gethostbyname',
  usage: 'gethostbyname HOST',
  summary: 'socket.gethostbyname(host): one IPv4 address',
  async run(args, ctx) {
    const [host] = expectPositionals(args, 1, 1);
    const outcome = await pyGethostbyname(ctx.client(), host);
    return outcome.ok ? { ok: true, json: outcome.value, human: [outcome.value] } : outcome;
  },
};
