import * as fs from 'fs';
import { hostsFileMatches, parseHostsFile, type HostsFileEntry } from '../core/hostsFile';
import { systemDatabasePaths } from '../core/systemFiles';

let cached: { path: string; mtimeMs: number; entries: HostsFileEntry[]; checkedAt: number } | undefined;

/** A hover must stay well under a millisecond: look at the file's modification time at most once a second. */
const RECHECK_MS = 1000;

/**
 * The hosts-file lines that answer for a name, read from this machine's hosts file (re-parsed only when its
 * modification time changes). The hover shows them so a user sees that a name never reaches DNS.
 */
export function hostsFileAnswer(name: string): { path: string; entries: HostsFileEntry[] } | null {
  const path = systemDatabasePaths('hosts')[0];
  if (!path) return null;
  const now = Date.now();
  if (!cached || cached.path !== path || now - cached.checkedAt > RECHECK_MS) {
    try {
      const { mtimeMs } = fs.statSync(path);
      if (!cached || cached.path !== path || cached.mtimeMs !== mtimeMs) cached = { path, mtimeMs, entries: parseHostsFile(fs.readFileSync(path, 'utf8')), checkedAt: now };
      else cached.checkedAt = now;
    } catch {
      cached = undefined;
      return null; // no hosts file, or unreadable: nothing to say
    }
  }
  const entries = hostsFileMatches(cached.entries, name);
  return entries.length ? { path, entries } : null;
}
