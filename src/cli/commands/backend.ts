import type { CliCommand } from '../command';
import { expectPositionals } from '../args';

/** NetLens extra: which resolver backend answers on this machine, and why. */
export const backendCommand: CliCommand = {
  name: 'backend',
  usage: 'backend',
  summary: 'which resolver backend answers here (native addon or dns.lookup fallback), and why',
  async run(args, ctx) {
    expectPositionals(args, 0, 0);
    const outcome = await ctx.client().ping();
    if (!outcome.ok) return outcome;
    const p = outcome.value;
    return {
      ok: true,
      json: { backend: p.backend, note: p.backendNote, platform: p.platform, helperPid: p.pid, threadpoolSize: p.threadpoolSize },
      human: [`backend   ${p.backend}${p.backendNote ? ` (${p.backendNote})` : ''}`, `platform  ${p.platform}`, `helper    pid ${p.pid}, UV_THREADPOOL_SIZE=${p.threadpoolSize}`],
    };
  },
};
