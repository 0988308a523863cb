import { ATON_FLAG_TEXT, inetAton } from '../../core/inetAton';
import { bytesToHex } from '../../core/inetPton';
import { expectPositionals } from '../args';
import type { CliCommand } from '../command';
import { table } from '../output';
import { pythonCall } from '../pureCall';

export const inetAtonCommand: CliCommand = {
  name: 'inet_aton',
  usage: 'inet_aton STRING',
  summary: "socket.inet_aton(string): glibc's lenient IPv4 parser (127.1, 0x7f.1, 017.0.0.1); flags the legacy forms",
  async run(args) {
    const [text] = expectPositionals(args, 1, 1);
    return pythonCall(
      () => inetAton(text),
      (r) => {
        const rows = [
          ['packed', bytesToHex(r.bytes)],
          ['address', r.dotted],
          ['parts', String(r.parts)],
        ];
        if (r.ignored !== '') rows.push(['ignored', JSON.stringify(r.ignored)]);
        const human = table(rows);
        if (r.flags.length) {
          human.push('', `warning: legacy form, ambiguous between parsers (an SSRF filter may not see ${r.dotted} here):`);
          for (const f of r.flags) human.push(`  ${f}: ${ATON_FLAG_TEXT[f]}`);
        }
        return { json: bytesToHex(r.bytes), human };
      }
    );
  },
};
