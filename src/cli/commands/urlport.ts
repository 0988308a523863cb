import { urlPort } from '../../core/urlPort';
import { expectPositionals } from '../args';
import type { CliCommand } from '../command';
import { table } from '../output';
import { pythonCall } from '../pureCall';

export const urlportCommand: CliCommand = {
  name: 'urlport',
  usage: 'urlport URL',
  summary: 'the port a URL connects to: explicit, else getservbyname(scheme), else a well-known default',
  async run(args) {
    const [url] = expectPositionals(args, 1, 1);
    return pythonCall(
      () => urlPort(url),
      (a) => ({
        json: a,
        human: table([
          ['scheme', a.scheme || '-'],
          ['host', a.host || '-'],
          ['port', a.port === null ? 'none (no explicit port, no service, no known default)' : String(a.port)],
          ['from', a.portSource === null ? '-' : a.portSource + (a.service ? ` (${a.service})` : '')],
          ['source', a.source],
        ]),
      })
    );
  },
};
