import { bytesToHex, inetPton } from '../../core/inetPton';
import { expectPositionals } from '../args';
import type { CliCommand } from '../command';
import { table } from '../output';
import { parseFamilyArg, pythonCall } from '../pureCall';

export const inetPtonCommand: CliCommand = {
  name: 'inet_pton',
  usage: 'inet_pton AF_INET|AF_INET6 STRING',
  summary: 'socket.inet_pton(family, string): the strict parser; packed bytes as hex',
  async run(args) {
    const [familyText, text] = expectPositionals(args, 2, 2);
    const family = parseFamilyArg(familyText);
    return pythonCall(
      () => inetPton(family.name, text),
      (r) => {
        const rows = [
          ['packed', bytesToHex(r.bytes)],
          ['inet_ntop', r.glibc],
        ];
        if (r.rfc5952 !== r.glibc) rows.push(['RFC 5952', r.rfc5952]);
        return { json: bytesToHex(r.bytes), human: table(rows) };
      }
    );
  },
};
