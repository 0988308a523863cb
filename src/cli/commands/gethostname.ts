import type { CliCommand } from '../command';
import { expectPositionals } from '../args';

export const gethostnameCommand: CliCommand = {
  name: 'gethostname',
  usage: 'gethostname',
  summary: 'socket.gethostname()',
  async run(args, ctx) {
    expectPositionals(args, 0, 0);
    const outcome = await ctx.client().request('gethostname', {});
    return outcome.ok ? { ok: true, json: outcome.value.hostname, human: [outcome.value.hostname] } : outcome;
  },
};
