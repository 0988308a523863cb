import * as fs from 'fs';
import { hostsFileMatches, parseHostsFile, type HostsFileEntry } from './hostsFile';
import { describeReadSource, readSystemFileText, systemDatabasePaths } from './systemFiles';

/** What the hover shows: the lines that answer, the file, and the source note (`first 4 MiB of /etc/hosts …`). */
export interface HostsFileAnswer {
  path: string;
  source: string;
  entries: HostsFileEntry[];
}

/** A hover must stay well under a millisecond: look at the file's modification time at most once a second. */
const RECHECK_MS = 1000;

/**
 * The hosts-file lines that answer for a name, read from this machine's hosts file (re-parsed only when its
 * modification time or size changes). The hover shows them so a user sees that a name never reaches DNS. The file
 * is read with the same bounded, non-blocking reader as the services database: a FIFO, a directory or a 100 MB
 * file in its place must not stall the extension host. One instance per process, made by the composition root.
 */
export class HostsFileAnswers {
  private cached: { path: string; mtimeMs: number; size: number; source: string; entries: HostsFileEntry[]; checkedAt: number } | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  answer(name: string): HostsFileAnswer | null {
    const path = systemDatabasePaths('hosts')[0];
    if (!path) return null;
    const now = this.now();
    let cached = this.cached;
    if (!cached || cached.path !== path || now - cached.checkedAt > RECHECK_MS) {
      const stat = statOrNull(path);
      if (!cached || cached.path !== path || cached.mtimeMs !== stat?.mtimeMs || cached.size !== stat.size) {
        const file = readSystemFileText(path);
        // No hosts file, or an unreadable one: glibc skips it too, so it answers for nothing.
        cached = file.text === null || !stat ? undefined : { path, ...stat, source: describeReadSource(file), entries: parseHostsFile(file.text), checkedAt: now };
        this.cached = cached;
      } else cached.checkedAt = now;
      if (!cached) return null;
    }
    const entries = hostsFileMatches(cached.entries, name);
    return entries.length ? { path, source: cached.source, entries } : null;
  }
}

function statOrNull(path: string): { mtimeMs: number; size: number } | null {
  try {
    const { mtimeMs, size } = fs.statSync(path);
    return { mtimeMs, size };
  } catch {
    return null;
  }
}
