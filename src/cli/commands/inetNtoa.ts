import { inetNtoa } from '../../core/inetAton';
import { expectPositionals } from '../args';
import type { CliCommand } from '../command';
import { parseHexArg, pythonCall } from '../pureCall';

export const inetNtoaCommand: CliCommand = {
  name: 'inet_ntoa',
  usage: 'inet_ntoa HEX',
  summary: 'socket.inet_ntoa(packed), the packed bytes given as hex (7f000001)',
  async run(args) {
    const [hex] = expectPositionals(args, 1, 1);
    const packed = parseHexArg(hex, 'HEX');
    return pythonCall(
      () => inetNtoa(packed),
      (text) => ({ json: text, human: [text] })
    );
  },
};
