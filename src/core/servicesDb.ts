/**
 * The services database (`getservbyname`, `getservbyport`) as glibc's nss_files reads it: the first matching line
 * of the file wins (so port 143 is `imap2`, not `imap`, on Debian), names and aliases match case-sensitively, and
 * malformed lines are skipped silently. Every answer carries the database it came from.
 */
import { checkCString, checkDecodableName, isCSpace, NssLine, parseNssEntries } from './nssFilesParse';
import { toCInt } from './pythonArgs';
import { ResolverFailure } from './resolverError';
import { describeReadSource, firstReadableFile, readSystemFileText, systemDatabasePaths, type FileReader, type SystemFileReader } from './systemFiles';
import { BUNDLED_SERVICES } from './wellKnownPorts';

export interface ServiceEntry {
  name: string;
  /** Host byte order; glibc stores the file's number truncated to 16 bits (htons of a 32-bit value). */
  port: number;
  proto: string;
  aliases: string[];
  /** 1-based line in the source the entry came from. */
  lineNumber: number;
}

/** Parses one services line the way glibc's files-service.c does; null for lines glibc skips. */
export function parseServicesLine(line: string, lineNumber: number): ServiceEntry | null {
  const cursor = new NssLine(line, '#');
  const name = cursor.stringField(isCSpace, true);
  // INT_FIELD (s_port, ISSLASH, 10, 0, htons): "swallow" is 10 (true) and the base is 0, so 0x50 and 0120 are 80.
  const port = cursor.intField((c) => c === '/', true, 0);
  if (port === null) return null;
  const proto = cursor.stringField(isCSpace, true);
  return { name, port: port & 0xffff, proto, aliases: cursor.trailingList(), lineNumber };
}

export class ServicesDatabase {
  private readonly entries: readonly ServiceEntry[];
  /** byName's answers by name, then by protocol (null: any): built on first use (a file scan asks for every URL). */
  private names: Map<string, Map<string | null, ServiceEntry>> | null = null;

  /**
   * `source` names where the text came from in the user's words (`/etc/services`, `first 4 MiB of …`, the bundled
   * table and why); `file` is the file the line numbers refer to, null for the bundled table.
   */
  constructor(
    text: string,
    readonly source: string,
    readonly file: string | null = null
  ) {
    this.entries = parseNssEntries(text, parseServicesLine);
  }

  get size(): number {
    return this.entries.length;
  }

  /** glibc getservbyname(name, proto): the first line whose name or alias is `name` (and proto, when given). */
  byName(name: string, proto: string | null = null): ServiceEntry | null {
    this.names ??= this.indexNames();
    return this.names.get(name)?.get(proto) ?? null;
  }

  /** The first entry for each name or alias, with any protocol and with each protocol: the lines in file order. */
  private indexNames(): Map<string, Map<string | null, ServiceEntry>> {
    const names = new Map<string, Map<string | null, ServiceEntry>>();
    for (const e of this.entries) {
      for (const name of [e.name, ...e.aliases]) {
        let byProto = names.get(name);
        if (!byProto) names.set(name, (byProto = new Map<string | null, ServiceEntry>()));
        for (const proto of [null, e.proto]) if (!byProto.has(proto)) byProto.set(proto, e);
      }
    }
    return names;
  }

  /** glibc getservbyport(port, proto): the first line with that port (and proto, when given). */
  byPort(port: number, proto: string | null = null): ServiceEntry | null {
    return this.entries.find((e) => e.port === port && (proto === null || e.proto === proto)) ?? null;
  }

  /** Every entry, in file order (for listings and hovers). */
  all(): readonly ServiceEntry[] {
    return this.entries;
  }
}

/** How the bundled table is named at the start of every source note that comes from it. */
export const BUNDLED_SOURCE = 'bundled IANA-derived table';

/**
 * The services database of this platform: the first readable file among the platform's locations, else the
 * bundled IANA-derived table. The table is a deliberate difference from glibc, which then has no services at all
 * (Python: `OSError: service/proto not found`), so its source says both why and that.
 */
export function loadServicesDatabase(read: FileReader | SystemFileReader = readSystemFileText, paths: readonly string[] = systemDatabasePaths('services')): ServicesDatabase {
  const { file, problems } = firstReadableFile(read, paths);
  if (file) return new ServicesDatabase(file.text, describeReadSource(file), file.path);
  return new ServicesDatabase(BUNDLED_SERVICES, `${BUNDLED_SOURCE} (no readable services file: ${problems.join('; ')}; glibc and Python find no services here)`);
}

let defaultDb: ServicesDatabase | undefined;

/** Loaded on first use and cached for the life of the process (the file is small and rarely changes). */
export function defaultServicesDatabase(): ServicesDatabase {
  defaultDb ??= loadServicesDatabase();
  return defaultDb;
}

function osError(message: string): ResolverFailure {
  return new ResolverFailure({ kind: 'OSError', errno: null, code: null, message });
}

/** socket.getservbyname(name[, proto]): the entry, or Python's `OSError: service/proto not found`. */
export function getservbyname(name: string, proto: string | null = null, db: ServicesDatabase = defaultServicesDatabase()): ServiceEntry {
  checkCString(name);
  if (proto !== null) checkCString(proto);
  const entry = db.byName(name, proto);
  if (!entry) throw osError('service/proto not found');
  return entry;
}

/**
 * socket.getservbyport(port[, proto]): the entry, or Python's errors: OverflowError for a port outside 0-65535
 * (or one that does not even fit a C int), `OSError: port/proto not found`.
 */
export function getservbyport(port: bigint, proto: string | null = null, db: ServicesDatabase = defaultServicesDatabase()): ServiceEntry {
  const value = toCInt(port);
  if (proto !== null) checkCString(proto);
  if (value < 0 || value > 0xffff) throw new ResolverFailure({ kind: 'OverflowError', errno: null, code: null, message: 'getservbyport: port must be 0-65535.' });
  const entry = db.byPort(value, proto);
  if (!entry) throw osError('port/proto not found');
  checkDecodableName(entry.name);
  return entry;
}
