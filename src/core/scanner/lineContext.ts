/**
 * What a whole line says about the hosts in it, decided once per line from its first words: a directive whose
 * values are hosts (ssh_config `Host`/`HostName`, nginx `server_name`, Apache `ServerAlias`, resolv.conf
 * `nameserver`), a command whose first argument is a host (`ssh`, `ping`, `dig`...), a hosts-file line, a module
 * line (`import com.example.app.Main;`) or an image reference (`FROM registry:5000/app:1.2`, `image: postgres:16`).
 */
import { CH, isLabelChar, isSpaceChar } from './charClass';
import { MODULE_LINE_WORDS } from './codeHeuristics';
import { hostSyntaxEnd } from './hostSyntax';
import { ipv4End, ipv6End, zoneEnd } from './ipLiterals';

export interface LineContext {
  /** [strongStart, strongEnd): every host-shaped word in it is a host (directive values, hosts-file names). */
  strongStart: number;
  strongEnd: number;
  strongKind: 'keyword' | 'hostsFile';
  /** A host-shaped word starting exactly here is a host (first value of a directive, first argument of a command). */
  argStart: number;
  /** `import`/`package`/`from`/`use` lines: unquoted dotted words are module paths. */
  moduleLine: boolean;
  /** Dockerfile `FROM` or compose `image:`: `name:tag` is an image, not host:port. */
  imageLine: boolean;
}

/** How a directive's values are hosts: every value, the first one, or the first non-option command argument. */
type KeywordMode = 'all' | 'first' | 'command' | 'nginxFirst' | 'nginxAll';

export const KEYWORDS = new Map<string, KeywordMode>([
  // ssh_config
  ['host', 'all'],
  ['hostname', 'first'],
  ['proxyjump', 'all'],
  // nginx, Apache
  ['server_name', 'all'],
  ['servername', 'first'],
  ['serveralias', 'all'],
  ['server', 'nginxFirst'], // `server app.internal:8080 weight=5;` in an upstream block
  ['resolver', 'nginxAll'], // `resolver 192.0.2.53 [2001:db8::53] valid=30s;` (not Go's `resolver := ...`)
  // resolv.conf
  ['nameserver', 'first'],
  // commands
  ...['ssh', 'scp', 'sftp', 'mosh', 'ping', 'ping6', 'dig', 'nslookup', 'traceroute', 'tracepath', 'mtr', 'telnet', 'nc', 'ncat', 'getent', 'curl', 'wget', 'whois', 'drill', 'kdig'].map((c) => [c, 'command'] as [string, KeywordMode]),
]);

/** Options of ssh-family and ping-family commands that take a separate value (`ssh -p 2222 host`). */
export const OPTIONS_WITH_VALUE = new Set(['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-P', '-Q', '-R', '-S', '-W', '-w', '-t', '-s', '-x', '-H', '-A', '-T', '-q']);
/**
 * Options that take a value only for one command (`curl -X POST url`: the method; `ssh -X host` takes none), so
 * the value is not read as the host.
 */
export const COMMAND_OPTIONS_WITH_VALUE: Readonly<Record<string, ReadonlySet<string>>> = {
  curl: new Set(['-X', '--request', '-d', '--data', '--data-raw', '--data-binary', '-u', '--user', '--header', '--user-agent', '-K', '--config', '-r', '--range', '--connect-to', '--resolve', '-x', '--proxy', '--cacert', '--cert', '--key']),
  wget: new Set(['-U', '--user-agent', '--header', '--method', '--body-data', '--post-data', '-P', '--directory-prefix', '-a', '--append-output']),
};
/** A pg_hba.conf record: `host[ssl|nossl|gssenc|nogssenc] DATABASE USER ADDRESS [MASK] METHOD [OPTIONS]`. */
export const PG_HBA_LINE = /^\s*host(?:ssl|nossl|gssenc|nogssenc)?\s+\S+\s+\S+\s+\S+\s+(?:\S+\s+)?(?:trust|reject|scram-sha-256|md5|password|gss|sspi|ident|peer|ldap|radius|cert|pam|bsd)\b/i;
/** getent's database argument comes before the host. */
export const GETENT_DATABASES = new Set(['hosts', 'ahosts', 'ahostsv4', 'ahostsv6']);
/** Prompts and prefixes in front of a command: `$ ssh host`, `RUN curl ...`, `sudo ping host`. */
export const COMMAND_PREFIXES = new Set(['$', '#', '>', '%', 'RUN', 'sudo', 'exec', 'time', 'command', 'ProxyCommand']);

/** The first words of image references: Dockerfile `FROM`, compose `image:`. */
export const FROM_WORD = 'FROM';
export const IMAGE_KEY = 'image';

/** Every first word analyzeLine acts on: a first word it compares with must be in this list (FIRST_WORD). */
export const FIRST_WORDS = [...KEYWORDS.keys(), ...COMMAND_PREFIXES, ...MODULE_LINE_WORDS, FROM_WORD, IMAGE_KEY];

const NONE: LineContext = { strongStart: -1, strongEnd: -1, strongKind: 'keyword', argStart: -1, moduleLine: false, imageLine: false };

function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpaceChar(s.charCodeAt(i))) i++;
  return i;
}

function wordEnd(s: string, i: number): number {
  while (i < s.length && !isSpaceChar(s.charCodeAt(i))) i++;
  return i;
}

/** End of the directive/command word at i: letters, digits, '_' and '-' (so `server_name`, `ping6`, `$`). */
function keywordEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && (isLabelChar(s.charCodeAt(j)) && s.charCodeAt(j) < 128)) j++;
  return j === i && j < s.length && !isSpaceChar(s.charCodeAt(j)) ? j + 1 : j;
}

/**
 * A syslog line's host field (`Jan  5 08:00:01 app02 cron[812]: …`, RFC 3164; or RFC 5424/ISO timestamps,
 * `2024-01-05T08:00:01+00:00 app02 sshd[812]: …`): the word after the timestamp, when a `program[pid]:` or
 * `program:` follows it.
 */
export const SYSLOG_HOST = /^(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)) (?=[^\s:]+ [\w./-]+(?:\[\d+\])?: )/;
/** An Ansible inventory host line: `node3 ansible_host=10.0.0.3 ansible_user=deploy`. */
export const INVENTORY_HOST = /^[^\s=#;[]+\s+ansible_(?:ssh_)?(?:host|port|user|connection)=/;
/** What a syslog line starts with, checked before SYSLOG_HOST: `Jan ` or `2024-`. */
export const SYSLOG_START = /^(?:[A-Z][^]{2} |[0-9][^]{3}-)/;
/** What hostsFileLine needs first: a word of address characters (and a `%zone`) after spaces, then a space. */
export const HOSTS_FILE_START = /^[ \t]*[0-9A-Fa-f:][0-9A-Fa-f:.]*(?:%[^ \t]*)?[ \t]/;
/**
 * One of FIRST_WORDS in any case, as keywordEnd reads a first word: a run of ASCII label characters (so the word must
 * end there), or a single other character.
 */
export const FIRST_WORD = new RegExp(
  `^[ \\t]*(?:(?:${FIRST_WORDS.filter((w) => w.length > 1).map(anyCase).join('|')})(?![A-Za-z0-9_-])|${FIRST_WORDS.filter((w) => w.length === 1).map(anyCase).join('|')})`
);
/**
 * Whether a line can have a context: the first checks of every way lineContext finds one, in one anchored regex. Most
 * lines of code, prose and logs fail it, and analyzeLine answers them without a JavaScript step over their first
 * word (a step per character costs far more than the regex).
 */
export const MAY_HAVE_CONTEXT = new RegExp(`^(?:${[HOSTS_FILE_START, SYSLOG_START, INVENTORY_HOST, FIRST_WORD].map((re) => re.source.slice(1)).join('|')})`);

/** A word as a regex source matching it in any letter case (`ssh` → `[sS][sS][hH]`), other characters escaped. */
function anyCase(word: string): string {
  return [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[$#>%^\\.*+?()[\]{}|/-]/g, '\\$&'))).join('');
}

export function analyzeLine(s: string): LineContext {
  return MAY_HAVE_CONTEXT.test(s) ? lineContext(s) : NONE;
}

/**
 * analyzeLine without its quick test, every check in order (test/unit/lineContext.test.ts holds the two equal: a
 * new way to find a context needs its first check in MAY_HAVE_CONTEXT).
 */
export function lineContext(s: string): LineContext {
  let i = skipSpaces(s, 0);
  if (i >= s.length) return NONE;
  const hosts = hostsFileLine(s, i);
  if (hosts) return hosts;
  if (SYSLOG_START.test(s)) {
    const syslog = SYSLOG_HOST.exec(s);
    if (syslog) return { ...NONE, argStart: syslog[0].length };
  }
  if (i === 0 && INVENTORY_HOST.test(s) && s.includes(' ansible_')) return { ...NONE, argStart: 0 };

  let end = keywordEnd(s, i);
  // No directive, command or prompt is longer than 12 characters: most code lines stop here without allocating.
  if (end - i > 12) return NONE;
  let word = s.slice(i, end);
  // Skip prompts and wrappers (`$ sudo ssh host`), at most a few.
  for (let k = 0; k < 3 && COMMAND_PREFIXES.has(word) && end < s.length && isSpaceChar(s.charCodeAt(end)); k++) {
    i = skipSpaces(s, end);
    end = keywordEnd(s, i);
    word = s.slice(i, end);
  }
  const lower = word.toLowerCase();
  const after = s.charCodeAt(end);
  if (word === FROM_WORD && isSpaceChar(after)) return { ...NONE, imageLine: true };
  if (lower === IMAGE_KEY && after === CH.COLON) return { ...NONE, imageLine: true };
  if (word === lower && MODULE_LINE_WORDS.has(lower) && isSpaceChar(after)) return { ...NONE, moduleLine: true };

  const mode = KEYWORDS.get(lower);
  if (mode === undefined || !(isSpaceChar(after) || (after === CH.EQ && mode !== 'command'))) return NONE;
  // PostgreSQL's pg_hba.conf `host DATABASE USER ADDRESS METHOD` is not ssh_config's `Host`: its address is found
  // on its own; the database, user and method are not hosts.
  if (lower === 'host' && PG_HBA_LINE.test(s)) return NONE;
  // HAProxy's `nameserver ID ADDRESS:PORT` (resolvers section) names its server with an id first; resolv.conf's
  // `nameserver ADDRESS` has one value.
  if (lower === 'nameserver' && /^\s*nameserver\s+\S+\s+\S/i.test(s) && !/^\s*nameserver\s+[\d.:[]/i.test(s)) return NONE;
  const valueStart = skipSpaces(s, end + 1);
  if (valueStart >= s.length) return NONE;
  const comment = s.indexOf('#', valueStart);
  const valueEnd = comment < 0 ? s.length : comment;
  const trimmedEnd = trimEndIndex(s, valueEnd);
  // A directive's value starts with a name, an address or a pattern; `host = ...`, `host := f(x)` and
  // `server.listen(...)` are code that happens to start with the keyword.
  const first = s.charCodeAt(valueStart);
  if (mode !== 'command' && !(isLabelChar(first) || first === CH.LBRACKET || first === CH.STAR || first === CH.COLON || first === CH.DQUOTE)) return NONE;
  if ((mode === 'all' || mode === 'nginxAll') && /[(){}=]/.test(s.slice(valueStart, trimmedEnd).replace(/\b[a-z_]+=\S*/g, ''))) return NONE;
  if (mode === 'nginxAll') return s.charCodeAt(trimmedEnd - 1) === CH.SEMI ? { ...NONE, strongStart: valueStart, strongEnd: valueEnd } : NONE;
  if (mode === 'all') {
    // Prose that happens to start with "Host" ("Host names are case-insensitive.") is not a directive.
    if (s.charCodeAt(trimmedEnd - 1) === CH.DOT && !/^\S+\.$/.test(s.slice(valueStart, trimmedEnd))) return NONE;
    return { ...NONE, strongStart: valueStart, strongEnd: valueEnd };
  }
  if (mode === 'first') return { ...NONE, argStart: valueStart };
  if (mode === 'nginxFirst') return s.charCodeAt(trimmedEnd - 1) === CH.SEMI ? { ...NONE, argStart: valueStart } : NONE;
  return { ...NONE, argStart: firstCommandArgument(s, valueStart, valueEnd, lower) };
}

function trimEndIndex(s: string, end: number): number {
  while (end > 0 && isSpaceChar(s.charCodeAt(end - 1))) end--;
  return end;
}

/** The first argument of a command that is not an option, an option's value, or getent's database name. */
function firstCommandArgument(s: string, i: number, end: number, command: string): number {
  while (i < end) {
    const wEnd = wordEnd(s, i);
    const c = s.charCodeAt(i);
    if (c === CH.MINUS || c === CH.PLUS) {
      const opt = s.slice(i, wEnd);
      i = skipSpaces(s, quotedValueEnd(s, i, wEnd));
      if (OPTIONS_WITH_VALUE.has(opt) || COMMAND_OPTIONS_WITH_VALUE[command]?.has(opt)) i = skipSpaces(s, wordEnd(s, i));
      continue;
    }
    if (c === CH.AT) return i + 1; // dig @server
    // scp/rsync sources are local paths (`build/site.tar.gz`); the host comes with `user@host:` later.
    const slash = s.indexOf('/', i);
    if (slash >= 0 && slash < wEnd && s.lastIndexOf('@', slash) < i && s.lastIndexOf(':', slash) < i) {
      i = skipSpaces(s, wEnd);
      continue;
    }
    // scp/rsync/sftp name a remote side as `host:path` or `user@host:…`; a word without `:` is a local file.
    if ((command === 'scp' || command === 'rsync') && !s.slice(i, wEnd).includes(':')) {
      i = skipSpaces(s, wEnd);
      continue;
    }
    if (command === 'getent' && GETENT_DATABASES.has(s.slice(i, wEnd))) {
      i = skipSpaces(s, wEnd);
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * Where an option word [i, wEnd) really ends: `--header="Authorization: Bearer $TOKEN"` goes on to its closing
 * quote (the words inside are the option's value, not the command's argument).
 */
function quotedValueEnd(s: string, i: number, wEnd: number): number {
  let eq = i;
  while (eq < wEnd - 1 && s.charCodeAt(eq) !== CH.EQ) eq++;
  if (eq >= wEnd - 1) return wEnd;
  const q = s.charCodeAt(eq + 1);
  if (q !== CH.DQUOTE && q !== CH.SQUOTE) return wEnd;
  const close = s.indexOf(q === CH.DQUOTE ? '"' : "'", eq + 2);
  return close < wEnd ? wEnd : close + 1;
}

/**
 * `IP name [aliases...] [# comment]`: the names of a hosts-file line. Every word after the address must be a host
 * name, which tells hosts files from log lines that also start with an address (`203.0.113.9 - - [10/Oct/...`).
 */
function hostsFileLine(s: string, i: number): LineContext | null {
  const c = s.charCodeAt(i);
  if (!(c >= 48 && c <= 57) && !(c >= 97 && c <= 102) && !(c >= 65 && c <= 70) && c !== CH.COLON) return null;
  let ipEnd = ipv4End(s, i, s.length);
  if (ipEnd < 0) {
    ipEnd = ipv6End(s, i, s.length);
    if (ipEnd < 0) return null;
    ipEnd = zoneEnd(s, ipEnd, s.length);
  }
  if (ipEnd >= s.length || !isSpaceChar(s.charCodeAt(ipEnd))) return null;
  const comment = s.indexOf('#', ipEnd);
  const end = comment < 0 ? s.length : comment;
  let names = 0;
  for (let k = skipSpaces(s, ipEnd); k < end; k = skipSpaces(s, k)) {
    const e = wordEnd(s, k);
    const wEnd = Math.min(e, end);
    if (hostSyntaxEnd(s, k, wEnd, true) !== wEnd) return null;
    names++;
    k = wEnd;
  }
  return names > 0 ? { ...NONE, strongStart: ipEnd, strongEnd: end, strongKind: 'hostsFile' } : null;
}
