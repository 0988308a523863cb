import { pyGetfqdn } from '../../client/pythonSocket';
import type { CliCommand } from '../command';
import { expectPositionals } from '../args';
import { dataText } from '../dataText';

export const getfqdnCommand: CliCommand = {
  name: 'getfqdn',
  usage: 'getfqdn [NAME]',
  summary: "socket.getfqdn(name=''): the reverse lookup's fully qualified name, else NAME itself",
  async run(args, ctx) {
    const [name = ''] = expectPositionals(args, 0, 1);
    const outcome = await pyGetfqdn(ctx.client(), name);
    return outcome.ok ? { ok: true, json: outcome.value, human: [dataText(outcome.value)] } : outcome;
  },
};
