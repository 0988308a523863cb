/**
 * The parts of /etc/resolv.conf that decide how the system resolver differs from asking a DNS server directly: the
 * name servers, the search list and ndots (nsswitch.conf's `hosts:` line: core/nsswitch.ts). resolv.conf is read
 * as glibc 2.36's res_init reads it (resolv/res_init.c, res_vinit_1 and res_setoptions), quirks included, because
 * the search trace must send exactly the names glibc sends:
 *  - a keyword counts only at the very start of a line and followed by a blank or tab; a comment is a line that
 *    starts with `#` or `;` (a `#` later on a line is an ordinary word: `search a # b` searches `#` and `b`);
 *  - the last `search` or `domain` line wins; LOCALDOMAIN (even empty) replaces both; with neither, the domain of
 *    the host name (after its first dot) is the search list; glibc 2.36 keeps every search domain (no 6 limit);
 *  - at most three `nameserver` lines that inet_aton_exact or inet_pton accept; none means 127.0.0.1;
 *  - `options` words (then RES_OPTIONS) are matched by prefix, numbers read with atoi: `ndots` caps at 15
 *    (and lives in 4 bits), `timeout` at 30, `attempts` at 5.
 */
import { inetAtonParse } from './inetAton';
import { formatIPv6Rfc5952, parseIPv6Strict } from './inetPton';
import { isCSpace } from './nssFilesParse';

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  timeoutS: number;
  attempts: number;
  /** The `options` words in force, in the order they were read (resolv.conf lines, then RES_OPTIONS). */
  options: string[];
}

/** The resolver flags an `options` word sets (res_setoptions' table; words are matched by prefix, so `rotate2` is rotate). */
export type ResolverFlag = 'rotate' | 'edns0' | 'single-request-reopen' | 'single-request' | 'no-tld-query' | 'no-reload' | 'use-vc' | 'trust-ad' | 'no-aaaa';

// In res_setoptions' order: `single-request-reopen` must be tried before its prefix `single-request`.
const FLAG_WORDS: readonly (readonly [string, ResolverFlag])[] = [
  ['rotate', 'rotate'],
  ['edns0', 'edns0'],
  ['single-request-reopen', 'single-request-reopen'],
  ['single-request', 'single-request'],
  ['no_tld_query', 'no-tld-query'],
  ['no-tld-query', 'no-tld-query'],
  ['no-reload', 'no-reload'],
  ['use-vc', 'use-vc'],
  ['trust-ad', 'trust-ad'],
  ['no-aaaa', 'no-aaaa'],
];

/** The flag one `options` word sets, or null (numbers such as ndots:N, and words glibc 2.36 ignores). */
export function resolverFlagOf(word: string): ResolverFlag | null {
  if (/^(ndots|timeout|attempts):/.test(word)) return null;
  return FLAG_WORDS.find(([prefix]) => word.startsWith(prefix))?.[1] ?? null;
}

/** Every flag the configuration's option words set. */
export function resolverFlags(conf: Pick<ResolvConf, 'options'>): Set<ResolverFlag> {
  const flags = new Set<ResolverFlag>();
  for (const word of conf.options) {
    const flag = resolverFlagOf(word);
    if (flag) flags.add(flag);
  }
  return flags;
}

/** C's atoi (strtol, then the long cut to an int), which res_setoptions uses: `ndots:x` is 0, `ndots:-1` is -1. */
function cAtoi(text: string): number {
  let i = 0;
  while (isCSpace(text[i])) i++;
  const sign = text[i] === '-' ? -1n : 1n;
  if (text[i] === '+' || text[i] === '-') i++;
  const digits = /^\d*/.exec(text.slice(i))?.[0].replace(/^0+/, '') ?? '';
  const LONG_MAX = 2n ** 63n - 1n;
  // strtol saturates at LONG_MIN/LONG_MAX; 20 digits are already past both.
  let value = digits.length > 19 ? LONG_MAX + 1n : BigInt(digits || '0');
  value = sign < 0n ? (value > LONG_MAX + 1n ? -(LONG_MAX + 1n) : -value) : value > LONG_MAX ? LONG_MAX : value;
  return Number(BigInt.asIntN(32, value));
}

/** A `nameserver` value as res_init accepts it (inet_aton_exact, else inet_pton with an optional %scope), or null. */
function nameserverAddress(text: string): string | null {
  const v4 = text === '' ? null : inetAtonParse(text);
  if (v4 && v4.ignored === '' && !v4.flags.includes('trailing')) return v4.dotted;
  const percent = text.indexOf('%');
  const address = percent < 0 ? text : text.slice(0, percent);
  const v6 = address === '' ? null : parseIPv6Strict(address);
  // The scope (a link-local server's interface) is kept as written; glibc ignores one it cannot parse.
  return v6 ? formatIPv6Rfc5952(v6) + (percent < 0 ? '' : text.slice(percent)) : null;
}

/** glibc's MATCH(line, keyword): the keyword at the start of the line, then a blank or a tab. */
function keywordRest(line: string, keyword: string): string | null {
  return line.startsWith(keyword) && (line[keyword.length] === ' ' || line[keyword.length] === '\t') ? line.slice(keyword.length) : null;
}

/** res_init's split of a search list: blanks and tabs separate; the first entry is taken even when empty. */
function splitSearch(text: string): string[] {
  const [first, ...rest] = text.split(/[ \t]/);
  return [first, ...rest.filter((d) => d !== '')];
}

/**
 * resolv.conf as glibc's res_init reads it, with LOCALDOMAIN and RES_OPTIONS from `env` and, when nothing names a
 * search list, the domain of `hostname` (what gethostname returns; pass it to get glibc's default search list).
 */
export function parseResolvConf(text: string, env: Readonly<Record<string, string | undefined>> = {}, hostname?: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeoutS: 5, attempts: 2, options: [] };
  const applyOptions = (text: string): void => {
    for (const option of text.split(/[ \t]/).filter(Boolean)) {
      conf.options.push(option);
      const number = /^(ndots|timeout|attempts):/.exec(option);
      if (!number) continue;
      const n = cAtoi(option.slice(number[0].length));
      // The caps are glibc's; ndots then lands in a 4-bit field (so a negative ndots wraps, -1 becomes 15).
      if (number[1] === 'ndots') conf.ndots = Math.min(n, 15) & 15;
      else if (number[1] === 'timeout') conf.timeoutS = Math.min(n, 30);
      else conf.attempts = Math.min(n, 5);
    }
  };
  const localDomain = env.LOCALDOMAIN;
  if (localDomain !== undefined) conf.search = splitSearch(localDomain.split('\n')[0]);
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.startsWith(';')) continue;
    const domain = keywordRest(line, 'domain');
    const search = keywordRest(line, 'search');
    const nameserver = keywordRest(line, 'nameserver');
    const options = keywordRest(line, 'options');
    if (domain !== null) {
      const value = domain.replace(/^[ \t]+/, '').split(/[ \t]/)[0];
      if (localDomain === undefined && value !== '') conf.search = [value];
    } else if (search !== null) {
      const value = search.replace(/^[ \t]+/, '');
      if (localDomain === undefined && value !== '') conf.search = splitSearch(value);
    } else if (nameserver !== null) {
      const address = nameserverAddress(nameserver.replace(/^[ \t]+/, '').split(/[ \t]/)[0]);
      // glibc keeps every address it parses but uses only the first three (MAXNS).
      if (address !== null && conf.nameservers.length < 3) conf.nameservers.push(address);
    } else if (options !== null) applyOptions(options);
  }
  if (conf.nameservers.length === 0) conf.nameservers.push('127.0.0.1');
  if (conf.search.length === 0 && hostname !== undefined && hostname.includes('.')) conf.search = [hostname.slice(hostname.indexOf('.') + 1)];
  if (env.RES_OPTIONS !== undefined) applyOptions(env.RES_OPTIONS);
  return conf;
}

/**
 * The absolute names the system resolver tries for `name`, in order, when every try fails with NXDOMAIN
 * (glibc's __res_context_search): a trailing dot means the name alone; with at least `ndots` dots the name comes
 * first, then each search domain; otherwise the search domains, then the name itself — unless it was already
 * tried, a search domain is the root (`.`), or `no-tld-query` is set and the name has no dot. A search domain that
 * is the root asks for the name itself (again). Names are shown without the final dot of an absolute name.
 */
export function searchCandidates(name: string, conf: Pick<ResolvConf, 'search' | 'ndots'> & Partial<Pick<ResolvConf, 'options'>>): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const asIsFirst = dots >= conf.ndots;
  const candidates = asIsFirst ? [name] : [];
  let rootOnList = false;
  for (const entry of conf.search) {
    // glibc drops one leading dot; what is left empty is the root, and `name` + `.` is the name itself.
    const domain = entry.startsWith('.') ? entry.slice(1) : entry;
    if (domain === '') rootOnList = true;
    candidates.push(domain === '' ? name : `${name}.${domain.replace(/\.$/, '')}`);
  }
  const noTldQuery = conf.options !== undefined && resolverFlags({ options: conf.options }).has('no-tld-query');
  const searched = conf.search.length > 0;
  if (!asIsFirst && !rootOnList && (dots > 0 || !searched || !noTldQuery)) candidates.push(name);
  return candidates;
}
