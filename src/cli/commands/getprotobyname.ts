import { checkDecodableName } from '../../core/nssFilesParse';
import { defaultProtocolsDatabase, getprotobyname, type ProtocolEntry } from '../../core/protocolsDb';
import { ResolverFailure } from '../../core/resolverError';
import { lineSource } from '../../core/systemFiles';
import { expectPositionals, parseIntArg } from '../args';
import type { CliCommand } from '../command';
import { table } from '../output';
import { pythonCall } from '../pureCall';
import { dataText } from '../dataText';
import { withSourceNote } from './getservbyname';

export const getprotobynameCommand: CliCommand = {
  name: 'getprotobyname',
  usage: 'getprotobyname NAME | getprotobyname NUMBER --number',
  summary: 'socket.getprotobyname(name) from the protocols database; --number looks a number up (NetLens extra)',
  switches: ['number'],
  async run(args, ctx) {
    const [text] = expectPositionals(args, 1, 1);
    const db = defaultProtocolsDatabase();
    const human = (e: ProtocolEntry): string[] =>
      table([
        ['number', String(e.number)],
        ['name', dataText(e.name)],
        ['aliases', e.aliases.map(dataText).join(' ') || '-'],
        ['source', lineSource(db, e.lineNumber)],
      ]);
    if (args.switches.has('number')) {
      // getprotobynumber has no Python wrapper: the answer is the name, or the same OSError getprotobyname uses.
      const number = parseIntArg(text, 'NUMBER');
      const byNumber = pythonCall(
        () => {
          const entry = number >= -(2n ** 31n) && number < 2n ** 31n ? db.byNumber(Number(number)) : null;
          if (!entry) throw new ResolverFailure({ kind: 'OSError', errno: null, code: null, message: 'protocol not found' });
          // The name becomes a str as in Python's other lookups: bytes that are not UTF-8 fail the same way.
          checkDecodableName(entry.name);
          return entry;
        },
        (e) => ({ json: e.name, human: human(e) })
      );
      return withSourceNote(byNumber, args, db, ctx.io);
    }
    const byName = pythonCall(
      () => getprotobyname(text, db),
      (e) => ({ json: e.number, human: human(e) })
    );
    return withSourceNote(byName, args, db, ctx.io);
  },
};
