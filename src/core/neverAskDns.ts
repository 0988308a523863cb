/**
 * Names NetLens never sends to a DNS server: `localhost`, `*.localhost`, `invalid` and `*.invalid` (RFC 6761 §6.3
 * and §6.4: resolvers answer them locally; "invalid" names get "immediate negative responses"), `*.onion` (RFC 7686
 * §2: Tor names; resolvers "MUST NOT" send them to DNS) and `*.alt` (RFC 9476: names of non-DNS systems). A query
 * for them tells the machine's name server, and whoever runs it, about the user's code. One rule, used by the
 * helper before any packet leaves, by the direct DNS report to say why nothing was asked, and by the display
 * lookups (hover, trees, Resolve Hostname), which do not call getaddrinfo for them unless a local source answers.
 */

export interface NeverAskDns {
  /** The special-use domain the name is in. */
  domain: 'localhost' | 'invalid' | 'onion' | 'alt';
  /** Where the rule comes from, e.g. "RFC 6761 §6.3". */
  rule: string;
  /** Why the name is not sent to DNS, in a sentence. */
  reason: string;
}

/** The special-use domain `name` belongs to, or null: case-insensitive, an absolute name's final dot ignored. */
export function neverAskDns(name: string): NeverAskDns | null {
  const labels = name.toLowerCase().replace(/\.$/, '').split('.');
  const tld = labels[labels.length - 1];
  if (tld === 'localhost') {
    return {
      domain: 'localhost',
      rule: 'RFC 6761 §6.3',
      reason: `${name} is a localhost name (RFC 6761 §6.3): it means this machine's loopback address, and resolvers must not send it to DNS, so NetLens did not ask DNS`,
    };
  }
  if (tld === 'invalid') {
    return {
      domain: 'invalid',
      rule: 'RFC 6761 §6.4',
      reason: `${name} is in the special-use domain invalid (RFC 6761 §6.4): it never exists, resolvers answer so without asking DNS, and so NetLens did not ask DNS`,
    };
  }
  if (tld === 'onion') {
    return {
      domain: 'onion',
      rule: 'RFC 7686 §2',
      reason: `${name} is an onion name (RFC 7686): only Tor resolves it, resolvers must not send it to DNS, so NetLens did not ask DNS`,
    };
  }
  if (tld === 'alt') {
    return {
      domain: 'alt',
      rule: 'RFC 9476',
      reason: `${name} is in the special-use domain alt (RFC 9476): it names something outside DNS, so NetLens did not ask DNS`,
    };
  }
  return null;
}

/**
 * Whether the system resolver answers a never-ask-DNS name from a local source before it would reach `dns` in the
 * nsswitch.conf hosts line (glibc does not treat these names specially) or the platform's fixed order (musl, macOS,
 * Windows: PlatformFeatures.hostsOrder): `files` when the hosts file lists the name, `myhostname` and `resolve`
 * (systemd) for localhost names, `localhost` (Windows' built-in answer) for the name `localhost`. Returns that
 * source, `'no dns'` when the line has no `dns` at all (nothing can reach DNS), or null when asking the system
 * resolver would send the name to DNS.
 * @param name the name as it will be asked (a final dot matters: see below)
 * @param nsswitchHosts the sources in force, in order (core/nsswitch.ts, glibc's default line when the file has
 *   none; the platform's order without nsswitch.conf); null when glibc rejects nsswitch.conf and asks no source
 * @param hostsFileLists whether the hosts file has a line for the name (compared without a final dot)
 */
export function localSourceFor(special: NeverAskDns, name: string, nsswitchHosts: readonly string[] | null, hostsFileLists: boolean): string | null {
  // nss_files compares the name as given: `localhost.` does not match a `localhost` line, and glibc 2.36 then
  // sends `localhost.` to DNS (seen in the fixture namespace, python3's getaddrinfo too).
  const inHostsFile = hostsFileLists && !name.endsWith('.');
  if (nsswitchHosts === null) return 'no dns';
  for (const source of nsswitchHosts) {
    if (source === 'dns') return null;
    if (source === 'files' && inHostsFile) return source;
    if ((source === 'myhostname' || source === 'resolve') && special.domain === 'localhost') return source;
    // Windows' built-in answer is for the name `localhost` only (getaddrinfo: "all loopback addresses").
    if (source === 'localhost' && name.toLowerCase() === 'localhost') return source;
  }
  // No `dns` in the line at all.
  return 'no dns';
}
