/**
 * The parts of /etc/resolv.conf that decide how the system resolver differs from asking a DNS server directly:
 * the name servers, the search list and ndots (nsswitch.conf's `hosts:` line: core/nsswitch.ts).
 * Parsed as glibc does (res_init: the last `search`/`domain` line wins, LOCALDOMAIN and RES_OPTIONS override).
 */

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  timeoutS: number;
  attempts: number;
  /** The `options` words in force, in the order they were read (resolv.conf lines, then RES_OPTIONS). */
  options: string[];
}

export function parseResolvConf(text: string, env: Readonly<Record<string, string | undefined>> = {}): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeoutS: 5, attempts: 2, options: [] };
  const applyOptions = (words: readonly string[]): void => {
    for (const option of words) {
      conf.options.push(option);
      const [key, value] = option.split(':', 2);
      const n = value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
      if (n === null) continue;
      if (key === 'ndots') conf.ndots = Math.min(n, 15);
      else if (key === 'timeout') conf.timeoutS = Math.min(n, 30);
      else if (key === 'attempts') conf.attempts = Math.min(n, 5);
    }
  };
  for (const raw of text.split('\n')) {
    const words = raw.replace(/[#;].*$/, '').trim().split(/\s+/).filter(Boolean);
    const [keyword, ...rest] = words;
    if (keyword === 'nameserver' && rest[0] && conf.nameservers.length < 3) conf.nameservers.push(rest[0]);
    else if (keyword === 'search' && rest.length) conf.search = rest.slice(0, 6);
    else if (keyword === 'domain' && rest[0]) conf.search = [rest[0]];
    else if (keyword === 'options') applyOptions(rest);
  }
  if (env.LOCALDOMAIN !== undefined) conf.search = env.LOCALDOMAIN.split(/\s+/).filter(Boolean).slice(0, 6);
  if (env.RES_OPTIONS !== undefined) applyOptions(env.RES_OPTIONS.split(/\s+/).filter(Boolean));
  return conf;
}

/**
 * The absolute names the system resolver tries for `name`, in order (res_search): a trailing dot means only the
 * name itself; with at least `ndots` dots the name comes first, then the search domains; otherwise the search
 * domains come first.
 */
export function searchCandidates(name: string, conf: Pick<ResolvConf, 'search' | 'ndots'>): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const expanded = conf.search.map((domain) => `${name}.${domain.replace(/\.$/, '')}`);
  return dots >= conf.ndots ? [name, ...expanded] : [...expanded, name];
}
