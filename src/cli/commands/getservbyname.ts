import { lineSource } from '../../core/systemFiles';
import { defaultServicesDatabase, getservbyname, type ServiceEntry, type ServicesDatabase } from '../../core/servicesDb';
import { expectPositionals } from '../args';
import type { CliAnswer, CliCommand, CliIo, ParsedCommandArgs } from '../command';
import { table } from '../output';
import { pythonCall } from '../pureCall';

/**
 * Text from a services or protocols file is data that anyone with write access to /etc chose: plain printable
 * ASCII is shown as is, anything else escaped (`\xff` for bytes that are not UTF-8, `\u202e` for the rest), so
 * terminal escape sequences and bidi controls in a hostile file cannot rewrite what the user reads.
 */
export function fileText(text: string): string {
  if (/^[\x21-\x7e]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x21 && code <= 0x7e && ch !== '\\') out += ch;
    else if (ch === '\\') out += '\\\\';
    else if (code >= 0xdc80 && code <= 0xdcff) out += `\\x${(code - 0xdc00).toString(16)}`;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `'${out}'`;
}

/** The human form shared by getservbyname and getservbyport: the whole line that answered, and where it is. */
export function serviceTable(entry: ServiceEntry, db: ServicesDatabase): string[] {
  return table([
    ['port', String(entry.port)],
    ['name', fileText(entry.name)],
    ['proto', fileText(entry.proto)],
    ['aliases', entry.aliases.map(fileText).join(' ') || '-'],
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
