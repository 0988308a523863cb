import { addressFacts } from '../../core/addressFacts';
import { expectPositionals } from '../args';
import type { CliCommand } from '../command';
import { table } from '../output';
import { pythonCall } from '../pureCall';

export const addressinfoCommand: CliCommand = {
  name: 'addressinfo',
  usage: 'addressinfo ADDR',
  summary: "ipaddress.ip_address(addr) facts (is_private, is_global, ...), IANA registry block, embedded IPv4",
  async run(args) {
    const [text] = expectPositionals(args, 1, 1);
    return pythonCall(
      () => addressFacts(text),
      (f) => {
        const flags = (['is_private', 'is_global', 'is_loopback', 'is_link_local', 'is_multicast', 'is_reserved', 'is_unspecified', 'is_site_local', 'is_shared', 'is_documentation', 'is_benchmarking'] as const)
          .filter((k) => f[k] === true)
          .join(' ');
        const rows: string[][] = [
          ['address', f.address],
          ['version', `IPv${f.version}`],
          ['exploded', f.exploded],
          ['packed', f.packed],
          ['reverse', f.reverse_pointer],
          ['true', flags || '-'],
          ['iana', f.iana ? `${f.iana.network} ${f.iana.name} (${f.iana.rfc}; globally reachable: ${f.iana.globallyReachable === null ? 'N/A' : f.iana.globallyReachable ? 'yes' : 'no'})` : '-'],
        ];
        if (f.ipv4_mapped) rows.push(['ipv4_mapped', f.ipv4_mapped]);
        if (f.sixtofour) rows.push(['sixtofour', f.sixtofour]);
        if (f.teredo) rows.push(['teredo', `server ${f.teredo[0]}, client ${f.teredo[1]}`]);
        return { json: f, human: table(rows) };
      }
    );
  },
};
