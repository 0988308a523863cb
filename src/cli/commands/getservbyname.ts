import { defaultServicesDatabase, getservbyname, type ServiceEntry } from '../../core/servicesDb';
import { expectPositionals } from '../args';
import type { CliCommand } from '../command';
import { table } from '../output';
import { pythonCall } from '../pureCall';

/** The human form shared by getservbyname and getservbyport: the whole line that answered, and where it is. */
export function serviceTable(entry: ServiceEntry, source: string): string[] {
  const isFile = source.startsWith('/') || /^[A-Za-z]:\\/.test(source);
  return table([
    ['port', String(entry.port)],
    ['name', entry.name],
    ['proto', entry.proto],
    ['aliases', entry.aliases.join(' ') || '-'],
    ['source', isFile ? `${source}:${entry.lineNumber}` : source],
  ]);
}

export const getservbynameCommand: CliCommand = {
  name: 'getservbyname',
  usage: 'getservbyname NAME [PROTO]',
  summary: 'socket.getservbyname(name[, proto]) from the services database (first match, as glibc)',
  async run(args) {
    const [name, proto = null] = expectPositionals(args, 1, 2);
    const db = defaultServicesDatabase();
    return pythonCall(
      () => getservbyname(name, proto, db),
      (entry) => ({ json: entry.port, human: serviceTable(entry, db.source) })
    );
  },
};
