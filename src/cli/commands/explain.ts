import { explainHost } from '../../client/explainHost';
import { explainHumanLines, explainJson } from '../../core/explainReport';
import { NUMBER_SETTINGS } from '../../core/settingsTable';
import { lineOfData } from '../dataText';
import type { CliCommand } from '../command';
import { expectPositionals } from '../args';

export const explainCommand: CliCommand = {
  name: 'explain',
  usage: 'explain HOST',
  summary: 'why the system resolver answered this: each nsswitch.conf source alone, the search-list trace, and where it ran (asks DNS)',
  async run(args, ctx) {
    const [host] = expectPositionals(args, 1, 1);
    const outcome = await explainHost(ctx.client(), host, { timeoutMs: NUMBER_SETTINGS.lookupTimeoutMs.default, remoteName: null, network: true });
    if (!outcome.ok) return outcome;
    // Names, details and canonical names come from files and DNS: printed as data.
    return { ok: true, json: explainJson(outcome.value), human: explainHumanLines(outcome.value).map(lineOfData) };
  },
};
