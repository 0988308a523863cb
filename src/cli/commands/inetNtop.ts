import { inetNtop } from '../../core/inetPton';
import { expectPositionals } from '../args';
import type { CliCommand } from '../command';
import { table } from '../output';
import { parseFamilyArg, parseHexArg, pythonCall } from '../pureCall';

export const inetNtopCommand: CliCommand = {
  name: 'inet_ntop',
  usage: 'inet_ntop AF_INET|AF_INET6 HEX',
  summary: "socket.inet_ntop(family, packed): glibc's text, with the RFC 5952 form where it differs",
  async run(args) {
    const [familyText, hex] = expectPositionals(args, 2, 2);
    const family = parseFamilyArg(familyText);
    const packed = parseHexArg(hex, 'HEX');
    return pythonCall(
      () => inetNtop(family.name, family.value, packed),
      (r) => ({
        json: r.text,
        human: r.rfc5952 === r.text ? [r.text] : table([
          ['inet_ntop', r.text],
          ['RFC 5952', r.rfc5952],
        ]),
      })
    );
  },
};
