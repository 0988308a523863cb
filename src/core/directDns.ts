/**
 * The direct DNS view: what the configured DNS servers say when asked directly (c-ares, in the helper), next to
 * what the system resolver answers, and why the two differ (hosts file, search list, split DNS, other NSS
 * sources, IDN conventions). Pure: the helper gathers the raw answers, the client asks the system resolver, and
 * `buildDnsReport` explains the differences. Names and PTR/TXT data from servers are kept verbatim as data; nothing
 * here is markup, and every renderer must escape it.
 */
import type { HostsFileEntry } from './hostsFile';
import type { IdnForms } from './idna2003';
import type { NeverAskDns } from './neverAskDns';
import type { ErrorJson } from './resolverError';
import type { ResolvConf } from './resolverConfig';
import { searchList, type SearchList } from './searchTrace';

/** Params of the helper's `dns.query`. */
export interface DirectDnsRequest {
  /** The ASCII name to ask for (already IDNA-encoded), or a numeric address for a PTR query. */
  name: string;
  kind: 'name' | 'address';
  /** Servers to ask (`IP`, `IP:port`, `[IPv6]:port`); null means the system's (resolv.conf). */
  servers: string[] | null;
  /** c-ares timeout of the single try of each query. */
  timeoutMs: number;
}

/** One RRset as c-ares returned it, or why there is none (c-ares' code: ENOTFOUND = NXDOMAIN, ENODATA, ESERVFAIL…). */
export type DnsRecordSet<T> = { ok: true; records: T[] } | { ok: false; code: string; message: string };

export interface AddressRecord {
  address: string;
  ttl: number;
}

export interface DirectDnsResult {
  name: string;
  kind: 'name' | 'address';
  servers: string[];
  serverSource: 'resolv.conf' | 'option';
  a: DnsRecordSet<AddressRecord> | null;
  aaaa: DnsRecordSet<AddressRecord> | null;
  /** The queried name, then each CNAME target, asked hop by hop; [] for an address. */
  cnameChain: string[];
  /** Why the walk stopped early (anything but "no CNAME here"), or null. */
  cnameError: { code: string; message: string } | null;
  ptr: DnsRecordSet<string> | null;
  /** Set when the name is one NetLens never sends to DNS (localhost, invalid): then nothing was asked. */
  notAsked: NeverAskDns | null;
  hostsFile: { path: string; readable: boolean; matches: HostsFileEntry[] };
  resolvConf: ResolvConf | null;
  /**
   * Where the system resolver looks a name up, in order: nsswitch.conf's hosts line on glibc (its default without
   * one; null when glibc rejects the file), the platform's fixed order elsewhere (PlatformFeatures.hostsOrder).
   */
  nsswitchHosts: string[] | null;
  elapsedMs: number;
}

/** What the system resolver answered for the same input (Python's view, computed by the client). */
export type SystemAnswer =
  | { call: string; ok: true; canonname: string | null; addresses: string[]; names: string[] }
  | { call: string; ok: false; error: ErrorJson };

export type DifferenceKind = 'not-asked' | 'idn' | 'hosts-file' | 'search-domain' | 'other-nss-source' | 'split-dns' | 'canonical-name' | 'error' | 'ptr';

export interface DnsDifference {
  kind: DifferenceKind;
  message: string;
}

/** The JSON of `netlens dns` (documented in README.md). */
export interface DnsReport {
  query: string;
  name: string;
  kind: 'name' | 'address';
  idn: IdnForms | null;
  servers: string[];
  serverSource: 'resolv.conf' | 'option';
  cnameChain: string[];
  cnameError: { code: string; message: string } | null;
  a: DnsRecordSet<AddressRecord> | null;
  aaaa: DnsRecordSet<AddressRecord> | null;
  ptr: DnsRecordSet<string> | null;
  /** Why DNS was not asked at all (a localhost or invalid name), or null. */
  notAsked: NeverAskDns | null;
  system: SystemAnswer;
  hostsFile: { path: string; matches: HostsFileEntry[] };
  search: SearchList | null;
  nsswitchHosts: string[] | null;
  differences: DnsDifference[];
  elapsedMs: number;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const norm = (list: readonly string[]): string => [...new Set(list.map((x) => x.toLowerCase()))].sort().join(' ');
  return norm(a) === norm(b);
}

function directAddresses(r: DirectDnsResult): string[] {
  return [...(r.aaaa?.ok ? r.aaaa.records : []), ...(r.a?.ok ? r.a.records : [])].map((x) => x.address);
}

function describeSet(set: DnsRecordSet<unknown> | null, type: string): string {
  if (!set) return `no ${type} query`;
  return set.ok ? `${set.records.length} ${type}` : `${type} ${set.code}`;
}

/** Puts the raw answers together and explains every difference between DNS and the system resolver. */
export function buildDnsReport(query: string, idn: IdnForms | null, direct: DirectDnsResult, system: SystemAnswer, elapsedMs: number): DnsReport {
  const { name, kind } = direct;
  const conf = direct.resolvConf;
  const search = kind === 'name' && conf ? searchList(name, conf) : null;
  const differences: DnsDifference[] = [];
  const nss = direct.nsswitchHosts;
  const filesFirst = nss === null || (nss.includes('files') && (!nss.includes('dns') || nss.indexOf('files') < nss.indexOf('dns')));

  if (direct.notAsked) differences.push({ kind: 'not-asked', message: direct.notAsked.reason });
  if (idn?.international && idn.differ) {
    const python = idn.idna2003.ok ? idn.idna2003.ascii : `an error (${idn.idna2003.error})`;
    differences.push({
      kind: 'idn',
      message: `IDNA 2003 (Python, the system call above) gives ${python}; UTS #46 (browsers, libidn2) gives ${idn.uts46 || 'an error'}: programs using the other convention ask for another name`,
    });
  }
  if (direct.hostsFile.matches.length > 0) {
    const where = `${direct.hostsFile.path} line${direct.hostsFile.matches.length > 1 ? 's' : ''} ${direct.hostsFile.matches.map((m) => m.lineNumber).join(', ')}`;
    const listed = kind === 'name' ? direct.hostsFile.matches.map((m) => m.address).join(', ') : direct.hostsFile.matches.map((m) => m.canonical).join(', ');
    differences.push({
      kind: 'hosts-file',
      message: filesFirst
        ? `${where} answer${direct.hostsFile.matches.length > 1 ? '' : 's'} for ${name} (${listed}): the system resolver uses the file and does not ask DNS`
        : `${where} list${direct.hostsFile.matches.length > 1 ? '' : 's'} ${name} (${listed}), but nsswitch.conf asks DNS first`,
    });
  }
  if (search && search.domains.length > 0 && !name.endsWith('.')) {
    const first = search.candidates[0];
    differences.push({
      kind: 'search-domain',
      message:
        first !== name
          ? `${name} has fewer than ndots:${search.ndots} dots: the system resolver tries ${search.candidates.join(', ')} in this order; DNS was asked for ${name} only`
          : `if ${name} fails, the system resolver also tries ${search.candidates.slice(1).join(', ')}; DNS was asked for ${name} only`,
    });
  }
  // Windows' built-in `localhost` answers only that name, which DNS is never asked for (the not-asked difference).
  if (nss && nss.some((s) => s !== 'files' && s !== 'dns' && s !== 'localhost')) {
    differences.push({ kind: 'other-nss-source', message: `nsswitch.conf hosts: ${nss.join(' ')}: sources other than files and dns can answer before or instead of DNS` });
  }

  const directList = kind === 'name' ? directAddresses(direct) : direct.ptr?.ok ? direct.ptr.records : [];
  if (system.ok) {
    const systemList = kind === 'name' ? system.addresses : system.names;
    const explainedByHosts = direct.hostsFile.matches.length > 0 && filesFirst;
    if (directList.length === 0) {
      const why = kind === 'name' ? `${describeSet(direct.a, 'A')}, ${describeSet(direct.aaaa, 'AAAA')}` : describeSet(direct.ptr, 'PTR');
      if (!explainedByHosts && !direct.notAsked) differences.push({ kind: 'error', message: `DNS gave no answer (${why}) but the system resolver answered ${systemList.join(', ')}` });
    } else if (!sameSet(systemList, directList) && !explainedByHosts) {
      differences.push({
        kind: kind === 'name' ? 'split-dns' : 'ptr',
        message: `the system resolver answered ${systemList.join(', ')}; ${direct.servers.join(', ') || 'the DNS servers'} answered ${directList.join(', ')}${
          direct.serverSource === 'option' ? ' (servers given explicitly, not the system ones)' : ': split DNS, a cache, or another NSS source'
        }`,
      });
    }
    const chainEnd = direct.cnameChain[direct.cnameChain.length - 1];
    if (kind === 'name' && system.canonname && chainEnd && system.canonname.toLowerCase() !== chainEnd.toLowerCase() && !explainedByHosts) {
      differences.push({ kind: 'canonical-name', message: `the system's canonical name is ${system.canonname}; the CNAME chain in DNS ends at ${chainEnd}` });
    }
  } else if (directList.length > 0) {
    differences.push({
      kind: kind === 'name' ? 'error' : 'ptr',
      message:
        kind === 'address'
          ? `DNS has PTR data (${directList.length} name${directList.length > 1 ? 's' : ''}) but the system resolver says ${system.error.message}: glibc rejects PTR names that are not valid host names; c-ares returns them verbatim`
          : `DNS answered ${directList.join(', ')} but the system resolver says ${system.error.message}`,
    });
  }

  return {
    query,
    name,
    kind,
    idn,
    servers: direct.servers,
    serverSource: direct.serverSource,
    cnameChain: direct.cnameChain,
    cnameError: direct.cnameError,
    a: direct.a,
    aaaa: direct.aaaa,
    ptr: direct.ptr,
    notAsked: direct.notAsked,
    system,
    hostsFile: { path: direct.hostsFile.path, matches: direct.hostsFile.matches },
    search,
    nsswitchHosts: direct.nsswitchHosts,
    differences,
    elapsedMs,
  };
}
