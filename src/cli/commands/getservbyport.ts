import { defaultServicesDatabase, getservbyport } from '../../core/servicesDb';
import { expectPositionals, parseIntArg } from '../args';
import type { CliCommand } from '../command';
import { pythonCall } from '../pureCall';
import { serviceTable, withSourceNote } from './getservbyname';

export const getservbyportCommand: CliCommand = {
  name: 'getservbyport',
  usage: 'getservbyport PORT [PROTO]',
  summary: 'socket.getservbyport(port[, proto]) from the services database (first match, as glibc)',
  async run(args, ctx) {
    const [portText, proto = null] = expectPositionals(args, 1, 2);
    const port = parseIntArg(portText, 'PORT');
    const db = defaultServicesDatabase();
    const answer = pythonCall(
      () => getservbyport(port, proto, db),
      (entry) => ({ json: entry.name, human: serviceTable(entry, db) })
    );
    return withSourceNote(answer, args, db, ctx.io);
  },
};
