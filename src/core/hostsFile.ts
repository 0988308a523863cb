/**
 * The hosts file (/etc/hosts) as glibc's nss_files reads it: `ADDRESS CANONICAL [ALIAS...]`, `#` starts a comment,
 * fields are separated by blanks, names match case-insensitively. NetLens parses it to explain why the system
 * answer differs from what DNS says, without sending a query of its own.
 */

export interface HostsFileEntry {
  address: string;
  /** 'AF_INET' or 'AF_INET6' from the address' form; lines whose address is neither are skipped. */
  family: 'AF_INET' | 'AF_INET6';
  canonical: string;
  aliases: string[];
  lineNumber: number;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Loose IPv6 check (hex groups and colons, optional embedded IPv4, optional %scope): enough to classify a line. */
function looksLikeIpv6(text: string): boolean {
  const [address, scope] = text.split('%', 2);
  if (scope !== undefined && scope === '') return false;
  if (!address.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(address)) return false;
  const tail = address.slice(address.lastIndexOf(':') + 1);
  return !tail.includes('.') || IPV4.test(tail);
}

export function parseHostsFile(text: string): HostsFileEntry[] {
  const entries: HostsFileEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    // glibc's parser sees a C string, so a NUL byte ends the line just as a comment does.
    let end = raw.length;
    for (const stop of ['#', '\0']) {
      const at = raw.indexOf(stop);
      if (at !== -1 && at < end) end = at;
    }
    const fields = raw.slice(0, end).split(/[ \t\r\f\v]+/).filter(Boolean);
    if (fields.length < 2) return;
    const [address, canonical, ...aliases] = fields;
    const family = IPV4.test(address) ? 'AF_INET' : looksLikeIpv6(address) ? 'AF_INET6' : null;
    if (!family) return;
    entries.push({ address, family, canonical, aliases, lineNumber: index + 1 });
  });
  return entries;
}

/** Entries that answer for `name` (canonical name or alias, case-insensitive), in file order. */
export function hostsFileMatches(entries: readonly HostsFileEntry[], name: string): HostsFileEntry[] {
  const wanted = name.toLowerCase();
  return entries.filter((e) => e.canonical.toLowerCase() === wanted || e.aliases.some((a) => a.toLowerCase() === wanted));
}
