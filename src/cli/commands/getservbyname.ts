import { lineSource } from '../../core/systemFiles';
import { defaultServicesDatabase, getservbyname, type ServiceEntry, type ServicesDatabase } from '../../core/servicesDb';
import { expectPositionals } from '../args';
import type { CliAnswer, CliCommand, CliIo, ParsedCommandArgs } from '../command';
import { table } from '../output';
import { pythonCall } from '../pureCall';
import { dataText } from '../dataText';

/** The human form shared by getservbyname and getservbyport: the whole line that answered, and where it is. */
export function serviceTable(entry: ServiceEntry, db: ServicesDatabase): string[] {
  return table([
    ['port', String(entry.port)],
    ['name', dataText(entry.name)],
    ['proto', dataText(entry.proto)],
    ['aliases', entry.aliases.map(dataText).join(' ') || '-'],
    ['source', lineSource(db, entry.lineNumber)],
  ]);
}

/**
 * Where the human table is not printed (--json, or Python's error), says on stderr which source answered when it
 * is not simply the file: stdout stays exactly Python's value, and a script still learns that the bundled table
 * or a truncated file answered.
 */
export function withSourceNote(answer: CliAnswer, args: ParsedCommandArgs, db: { source: string; file: string | null }, io: CliIo): CliAnswer {
  if (db.source !== db.file && (args.switches.has('json') || !answer.ok)) io.err(`netlens: note: source: ${db.source}`);
  return answer;
}

export const getservbynameCommand: CliCommand = {
  name: 'getservbyname',
  usage: 'getservbyname NAME [PROTO]',
  summary: 'socket.getservbyname(name[, proto]) from the services database (first match, as glibc)',
  async run(args, ctx) {
    const [name, proto = null] = expectPositionals(args, 1, 2);
    const db = defaultServicesDatabase();
    const answer = pythonCall(
      () => getservbyname(name, proto, db),
      (entry) => ({ json: entry.port, human: serviceTable(entry, db) })
    );
    return withSourceNote(answer, args, db, ctx.io);
  },
};
