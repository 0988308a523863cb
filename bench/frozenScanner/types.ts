// FROZEN: src/core/scanner/types.ts as of commit 7cb81ee902f6f2166b7ecaaa080c2c5e43f138fb (2026-12-06; before issue 13's scanner changes).
// A baseline for `npm run bench` (issue 13: the core scan must reach ≥ 3× "today's scanner" on the sparse corpus,
// measured in the same run). Unchanged but for this header (its imports are all within this folder). Do not edit.
/** What the scanner reports: a host the user may want to resolve, where it is, and why it was recognised. */

export type HostMatchKind = 'url' | 'hostname' | 'ipv4' | 'ipv6';

/**
 * Why a match was accepted. The editor can show it, and it tells a reviewer which rule fired:
 *  - url: a `scheme://authority` URL (the match covers the whole URL);
 *  - email: the host part of `user@host` outside an ssh-like command;
 *  - userHost: `user@host` on an ssh/scp/rsync/git line, where a single-label host is plausible;
 *  - hostPort: `host:port`;
 *  - keyword: a value of a directive that names hosts (ssh_config `HostName`, nginx `server_name`, `ping HOST`...);
 *  - keyValue: the value of a key that names a host (`DB_HOST=db`, `"host": "cache"`, `host: redis`);
 *  - hostsFile: a name on a hosts-file line (`192.0.2.10 db.internal db`);
 *  - bare: a name or IP literal standing on its own.
 */
export type MatchContext = 'url' | 'email' | 'userHost' | 'hostPort' | 'keyword' | 'keyValue' | 'hostsFile' | 'bare';

export interface HostMatchBase {
  kind: HostMatchKind;
  /** Exactly `lineText.slice(character, character + length)`. */
  text: string;
  /** 0-based line number (what the caller passed to scanLine, or the line's index in scanText). */
  line: number;
  /** UTF-16 offset of the match in its line (a VS Code `Position.character`). */
  character: number;
  /** UTF-16 length of the match. */
  length: number;
  /** The name or IP literal to resolve: IPv6 without brackets, with its `%zone`; no trailing dot. */
  host: string;
  /** The port written next to the host (`host:port`, `[v6]:port`, a URL's authority), as written; else null. */
  explicitPort: string | null;
  context: MatchContext;
}

export interface UrlMatch extends HostMatchBase {
  kind: 'url';
  /** The scheme as written before `://`, lowercased; JDBC URLs keep their prefix (`jdbc:postgresql`). */
  scheme: string;
  /** The scheme whose service/default port applies (`postgresql` for `jdbc:postgresql`). */
  portScheme: string;
}

export interface HostOnlyMatch extends HostMatchBase {
  kind: 'hostname' | 'ipv4' | 'ipv6';
}

export type HostMatch = UrlMatch | HostOnlyMatch;

export interface ScanOptions {
  /**
   * Extra private DNS suffixes (the `netlens.privateSuffixes` setting), e.g. `["corp.example", "svc.cluster"]`.
   * A leading dot is optional. Names under them are hosts even though the Public Suffix List does not know them.
   */
  privateSuffixes?: readonly string[];
}
