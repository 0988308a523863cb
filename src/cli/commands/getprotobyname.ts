import { defaultProtocolsDatabase, getprotobyname, type ProtocolEntry } from '../../core/protocolsDb';
import { ResolverFailure } from '../../core/resolverError';
import { expectPositionals } from '../args';
import type { CliCommand } from '../command';
import { table } from '../output';
import { parseIntArg, pythonCall } from '../pureCall';

export const getprotobynameCommand: CliCommand = {
  name: 'getprotobyname',
  usage: 'getprotobyname NAME | getprotobyname NUMBER --number',
  summary: 'socket.getprotobyname(name) from the protocols database; --number looks a number up (NetLens extra)',
  switches: ['number'],
  async run(args) {
    const [text] = expectPositionals(args, 1, 1);
    const db = defaultProtocolsDatabase();
    const human = (e: ProtocolEntry): string[] =>
      table([
        ['number', String(e.number)],
        ['name', e.name],
        ['aliases', e.aliases.join(' ') || '-'],
        ['source', db.source.startsWith('/') || /^[A-Za-z]:\\/.test(db.source) ? `${db.source}:${e.lineNumber}` : db.source],
      ]);
    if (args.switches.has('number')) {
      // getprotobynumber has no Python wrapper: the answer is the name, or the same OSError getprotobyname uses.
      const number = parseIntArg(text, 'NUMBER');
      return pythonCall(
        () => {
          const entry = number >= -(2n ** 31n) && number < 2n ** 31n ? db.byNumber(Number(number)) : null;
          if (!entry) throw new ResolverFailure({ kind: 'OSError', errno: null, code: null, message: 'protocol not found' });
          return entry;
        },
        (e) => ({ json: e.name, human: human(e) })
      );
    }
    return pythonCall(
      () => getprotobyname(text, db),
      (e) => ({ json: e.number, human: human(e) })
    );
  },
};
