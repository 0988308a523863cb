/**
 * The protocols database (`getprotobyname`, and number → name as a NetLens extra) as glibc's nss_files reads it:
 * first matching line wins, names and aliases are case-sensitive (`TCP` works on Debian only because the file
 * lists it as an alias of `tcp`), malformed lines are skipped.
 */
import { checkCString, isCSpace, NssLine, parseNssEntries } from './nssFilesParse';
import { ResolverFailure } from './resolverError';
import { describeReadSource, firstReadableFile, readSystemFileText, systemDatabasePaths, type FileReader, type SystemFileReader } from './systemFiles';

export interface ProtocolEntry {
  name: string;
  /** A C int: glibc stores the 32-bit value in an int, so 4294967295 in the file reads as -1. */
  number: number;
  aliases: string[];
  lineNumber: number;
}

/** files-proto.c: STRING_FIELD (p_name, isspace, 1); INT_FIELD (p_proto, isspace, 1, 10,); then aliases. */
export function parseProtocolsLine(line: string, lineNumber: number): ProtocolEntry | null {
  const cursor = new NssLine(line, '#');
  const name = cursor.stringField(isCSpace, true);
  const number = cursor.intField(isCSpace, true, 10);
  if (number === null) return null;
  return { name, number: number | 0, aliases: cursor.trailingList(), lineNumber };
}

export class ProtocolsDatabase {
  private readonly entries: readonly ProtocolEntry[];

  /**
   * `source` says where the text came from in the user's words (or why there is none: every lookup then fails);
   * `file` is the file the line numbers refer to.
   */
  constructor(
    text: string,
    readonly source: string,
    readonly file: string | null = null
  ) {
    this.entries = parseNssEntries(text, parseProtocolsLine);
  }

  byName(name: string): ProtocolEntry | null {
    return this.entries.find((e) => e.name === name || e.aliases.includes(name)) ?? null;
  }

  /** getprotobynumber (Python has no wrapper; NetLens offers it for hovers over `IPPROTO_*` numbers). */
  byNumber(number: number): ProtocolEntry | null {
    return this.entries.find((e) => e.number === number) ?? null;
  }

  all(): readonly ProtocolEntry[] {
    return this.entries;
  }
}

/**
 * The platform's protocols file. Unlike services there is no bundled fallback: Python's getprotobyname fails
 * without the file, and NetLens says so rather than inventing answers.
 */
export function loadProtocolsDatabase(read: FileReader | SystemFileReader = readSystemFileText, paths: readonly string[] = systemDatabasePaths('protocols')): ProtocolsDatabase {
  const { file, problems } = firstReadableFile(read, paths);
  if (file) return new ProtocolsDatabase(file.text, describeReadSource(file), file.path);
  return new ProtocolsDatabase('', `no readable protocols file (${problems.join('; ')}): every lookup fails, as in Python`);
}

let defaultDb: ProtocolsDatabase | undefined;

export function defaultProtocolsDatabase(): ProtocolsDatabase {
  defaultDb ??= loadProtocolsDatabase();
  return defaultDb;
}

/** socket.getprotobyname(name): the entry, or Python's `OSError: protocol not found`. */
export function getprotobyname(name: string, db: ProtocolsDatabase = defaultProtocolsDatabase()): ProtocolEntry {
  checkCString(name);
  const entry = db.byName(name);
  if (!entry) throw new ResolverFailure({ kind: 'OSError', errno: null, code: null, message: 'protocol not found' });
  return entry;
}
