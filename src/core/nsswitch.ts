/**
 * /etc/nsswitch.conf's `hosts:` line as glibc reads it, with the `[STATUS=action]` items, and the action glibc
 * takes after a source answers. Transcribed from glibc, not approximated:
 *
 *  - glibc ≥ 2.33 (nss/nss_database.c, nss/nss_action_parse.c): a line is `<database>` then any run of blanks and
 *    colons, then the sources; `#` is NOT a comment there (`hosts: files dns # x` names the modules `#` and `x`);
 *    only known database names count; the last line of a database wins; a last line without a newline is never
 *    read (the loop stops at end-of-file before processing it); one unparsable item in a line of any known
 *    database makes glibc reject the whole file, and getaddrinfo then asks no source at all.
 *  - glibc < 2.33 (nss/nsswitch.c): `#` ends a line; one character after the database name is skipped (so
 *    `hosts : files` names a module `:`); a bad item drops itself and the rest of its line only; a hosts line
 *    without sources means the built-in default.
 *  - Without a hosts line the built-in default is `files dns` from glibc 2.35 on, `dns [!UNAVAIL=return] files`
 *    before (glibc commit b99b0f93ee, bug 28700).
 *  - Per source: SUCCESS=return and every other status continue, then each item in order; `!STATUS=action` sets
 *    every status except STATUS (glibc ≥ 2.33 also the internal RETURN status) to the action.
 * Everything here was checked against glibc 2.36 (python3's getaddrinfo) by test/unit/nssHosts.test.ts.
 */

/** enum nss_status of <nss.h>. */
export const NSS_STATUS = { TRYAGAIN: -2, UNAVAIL: -1, NOTFOUND: 0, SUCCESS: 1, RETURN: 2 } as const;
export type NssStatusName = 'SUCCESS' | 'NOTFOUND' | 'UNAVAIL' | 'TRYAGAIN';
export type NssActionName = 'return' | 'continue' | 'merge';
type StatusKey = NssStatusName | 'RETURN';

export interface NsswitchSource {
  source: string;
  /** The bracket items as written, e.g. `NOTFOUND=return`, `!UNAVAIL=return`. */
  actions: string[];
  /** What glibc does after each status once the items are applied. */
  onStatus: Record<StatusKey, NssActionName>;
}

export interface NsswitchHosts {
  /** The sources getaddrinfo walks, in order; null when glibc rejected the file (then it asks no source). */
  sources: NsswitchSource[] | null;
  /** Where the line in force came from. */
  origin: 'file' | 'default';
  /** 1-based line of nsswitch.conf the hosts line is on; null for the default. */
  lineNumber: number | null;
  /** A line glibc could not parse: glibc ≥ 2.33 then uses no nsswitch.conf at all (sources is null). */
  parseError: { lineNumber: number; text: string } | null;
}

/** A glibc version as `major.minor` numbers ('2.36' → [2, 36]); null when unknown. */
export function glibcVersionParts(version: string | null): [number, number] | null {
  const m = version === null ? null : /^(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function atLeast(version: string | null, minor: number): boolean {
  const parts = glibcVersionParts(version);
  // Unknown: assume a current glibc (the parser and default of every release since 2.35).
  return parts === null || parts[0] > 2 || (parts[0] === 2 && parts[1] >= minor);
}

/** The hosts line glibc uses when nsswitch.conf has none. */
export function defaultHostsLine(glibcVersion: string | null): string {
  return atLeast(glibcVersion, 35) ? 'files dns' : 'dns [!UNAVAIL=return] files';
}

/** C's isspace in the C locale. */
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

const STATUS_WORDS: Readonly<Record<string, NssStatusName>> = { SUCCESS: 'SUCCESS', UNAVAIL: 'UNAVAIL', NOTFOUND: 'NOTFOUND', TRYAGAIN: 'TRYAGAIN' };
const ACTION_WORDS: Readonly<Record<string, NssActionName>> = { RETURN: 'return', CONTINUE: 'continue', MERGE: 'merge' };

/** strncasecmp folds ASCII letters only (String#toUpperCase would also turn 'ſ' into 'S'). */
function asciiUpper(text: string): string {
  return text.replace(/[a-z]/g, (c) => c.toUpperCase());
}

/** Databases glibc ≥ 2.33 knows (nss/databases.def); lines for other names are skipped unparsed. */
const KNOWN_DATABASES = new Set([
  'aliases', 'ethers', 'group', 'group_compat', 'gshadow', 'hosts', 'initgroups', 'netgroup', 'networks',
  'passwd', 'passwd_compat', 'protocols', 'publickey', 'rpc', 'services', 'shadow', 'shadow_compat',
]);

/**
 * A service list (what follows `hosts:`), as nss_action_parse (glibc ≥ 2.33, `modern`) or nss_parse_service_list
 * (older) reads it. `ok` false: modern glibc rejects it; older glibc keeps `sources` (the ones before the bad item).
 */
export function parseServiceList(line: string, modern: boolean): { sources: NsswitchSource[]; ok: boolean } {
  const sources: NsswitchSource[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (isSpace(line[i])) i++;
  };
  const word = (stops: string): string => {
    const start = i;
    while (i < line.length && !isSpace(line[i]) && !stops.includes(line[i])) i++;
    return line.slice(start, i);
  };
  for (;;) {
    skipSpace();
    if (i >= line.length) return { sources, ok: true };
    const source = word('[');
    if (source === '') return { sources, ok: true }; // a `[` where a source should be ends the list
    const onStatus: Record<StatusKey, NssActionName> = { SUCCESS: 'return', NOTFOUND: 'continue', UNAVAIL: 'continue', TRYAGAIN: 'continue', RETURN: 'return' };
    const actions: string[] = [];
    skipSpace();
    if (line[i] === '[') {
      i++;
      skipSpace();
      do {
        const itemStart = i;
        const not = line[i] === '!';
        if (not) i++;
        const status = STATUS_WORDS[asciiUpper(word('=]'))];
        skipSpace();
        if (status === undefined || line[i] !== '=') return { sources, ok: false };
        i++;
        skipSpace();
        const action = ACTION_WORDS[asciiUpper(word('=]'))];
        if (action === undefined) return { sources, ok: false };
        actions.push(line.slice(itemStart, i));
        if (not) {
          const keep = onStatus[status];
          for (const key of Object.keys(onStatus) as StatusKey[]) if (modern || key !== 'RETURN') onStatus[key] = action;
          onStatus[status] = keep;
        } else onStatus[status] = action;
        skipSpace();
      } while (line[i] !== ']');
      i++;
    }
    sources.push({ source, actions, onStatus });
  }
}

/**
 * The hosts line in force for nsswitch.conf's text (null: no file, or one glibc cannot open, which it ignores).
 * A NUL byte ends a line for glibc's string functions, as it does here.
 */
export function parseNsswitchConf(text: string | null, glibcVersion: string | null): NsswitchHosts {
  const modern = atLeast(glibcVersion, 33);
  let found: NsswitchHosts | null = null;
  const lines = text === null ? [] : text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const hasNewline = n < lines.length - 1;
    // glibc ≥ 2.33 checks for end-of-file right after getline, before it processes what getline read.
    if (modern && !hasNewline) break;
    // getline keeps the newline, which the modern parser sees (a bare `hosts` line then has an empty list).
    let line = (modern ? `${lines[n]}\n` : lines[n]).split('\0')[0];
    if (!modern) line = line.split('#')[0];
    let i = 0;
    while (isSpace(line[i])) i++;
    const nameStart = i;
    while (i < line.length && !isSpace(line[i]) && line[i] !== ':') i++;
    const name = line.slice(nameStart, i);
    if (i >= line.length || name === '') continue;
    if (modern) {
      while (isSpace(line[i]) || line[i] === ':') i++;
      if (!KNOWN_DATABASES.has(name)) continue;
      const parsed = parseServiceList(line.slice(i), true);
      if (!parsed.ok) return { sources: null, origin: 'file', lineNumber: null, parseError: { lineNumber: n + 1, text: lines[n] } };
      if (name === 'hosts') found = { sources: parsed.sources, origin: 'file', lineNumber: n + 1, parseError: null };
    } else if (name === 'hosts') {
      const parsed = parseServiceList(line.slice(i + 1), false);
      // An empty list is a NULL service list there: the default applies (and a later line still overrides).
      found = parsed.sources.length > 0 ? { sources: parsed.sources, origin: 'file', lineNumber: n + 1, parseError: null } : null;
    }
  }
  return found ?? { sources: parseServiceList(defaultHostsLine(glibcVersion), modern).sources, origin: 'default', lineNumber: null, parseError: null };
}

/** nss_next_action: what glibc does after `source` answered `status` (an nss_status number). */
export function nextAction(source: NsswitchSource, status: number): NssActionName {
  const key = (Object.keys(NSS_STATUS) as StatusKey[]).find((k) => NSS_STATUS[k] === status);
  // Out-of-range statuses do not occur (glibc asserts); continuing is what its table would say for garbage.
  return key === undefined ? 'continue' : source.onStatus[key];
}

/** The name of an nss_status, or null for NSS_STATUS_RETURN (internal) and anything unknown. */
export function nssStatusName(status: number): NssStatusName | null {
  const key = (Object.keys(STATUS_WORDS) as NssStatusName[]).find((k) => NSS_STATUS[k] === status);
  return key ?? null;
}

/** Just the source names of the hosts line in force (glibc's default when the file has none); null if glibc rejects the file. */
export function nsswitchHostsSources(text: string | null, glibcVersion: string | null): string[] | null {
  return parseNsswitchConf(text, glibcVersion).sources?.map((s) => s.source) ?? null;
}
