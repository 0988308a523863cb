import { CONSTANT_PREFIXES, constantsMatching } from '../../core/socketConstants';
import { expectPositionals } from '../args';
import { UsageError, type CliCommand } from '../command';
import { table } from '../output';
import { platformConstants } from '../pureCall';

export const constantsCommand: CliCommand = {
  name: 'constants',
  usage: `constants ${CONSTANT_PREFIXES.join('|')}|NAME`,
  summary: "the socket module's AF_/SOCK_/IPPROTO_/AI_/NI_/EAI_ constants with this platform's values",
  async run(args) {
    const [text] = expectPositionals(args, 1, 1);
    const { values, source } = platformConstants();
    const selected = constantsMatching(text, values);
    if (!selected) throw new UsageError(`unknown constant prefix or name ${JSON.stringify(text)} (prefixes: ${CONSTANT_PREFIXES.join(' ')})`);
    const rows = Object.entries(selected).map(([name, value]) => [name, String(value), value >= 16 && /^(AI_|SOCK_(NONBLOCK|CLOEXEC))/.test(name) ? `0x${value.toString(16)}` : '']);
    return { ok: true, json: selected, human: [...table(rows), `(values: ${source})`] };
  },
};
