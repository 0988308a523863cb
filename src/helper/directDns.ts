// The direct DNS view runs here, in the helper, and not in the extension host: every packet NetLens sends
// then leaves from one process that the user can see (and restart), the extension host never opens a socket
// for it, and a server that never answers costs the helper a timer, not the editor's event loop.
import * as dns from 'dns';
import * as net from 'net';
import * as os from 'os';
import type { AddressRecord, DirectDnsRequest, DirectDnsResult, DnsRecordSet } from '../core/directDns';
import { hostsFileMatches, parseHostsFile } from '../core/hostsFile';
import { neverAskDns } from '../core/neverAskDns';
import { nsswitchHostsSources } from '../core/nsswitch';
import { platformFeatures, type PlatformId } from '../core/platform';
import { parseResolvConf } from '../core/resolverConfig';
import { ResolverFailure } from '../core/resolverError';
import { systemDatabasePaths, type FileReader } from '../core/systemFiles';
import { hostPlatform, libcInfoFor } from './libcInfo';

const MAX_CNAME_HOPS = 16;

/** c-ares' error codes in the words of DNS (the rcode or what happened on the wire). */
function describe(code: string, timeoutMs: number, type: string): string {
  switch (code) {
    case 'ENOTFOUND':
      return 'NXDOMAIN: the name does not exist';
    case 'ENODATA':
      return `NODATA: the name exists but has no ${type} records`;
    case 'ESERVFAIL':
      return 'SERVFAIL: the server could not answer';
    case 'EREFUSED':
      return 'REFUSED: the server refused to answer';
    case 'ETIMEOUT':
      return `no answer within ${timeoutMs} ms`;
    case 'ECONNREFUSED':
      return 'the server is not listening (connection refused)';
    case 'EFORMERR':
      return 'FORMERR: the server could not parse the query';
    case 'EBADRESP':
      return 'the answer could not be parsed';
    case 'EBADNAME':
      return 'not a name DNS can be asked for';
    default:
      return code;
  }
}

async function ask<T>(run: () => Promise<T[]>, timeoutMs: number, type: string): Promise<DnsRecordSet<T>> {
  try {
    return { ok: true, records: await run() };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
    return { ok: false, code, message: describe(code, timeoutMs, type) };
  }
}

function validServer(server: string): boolean {
  if (net.isIP(server)) return true;
  const v6 = /^\[([^\]]+)\]:(\d{1,5})$/.exec(server);
  if (v6) return net.isIPv6(v6[1]) && Number(v6[2]) <= 65535;
  const v4 = /^([^:]+):(\d{1,5})$/.exec(server);
  return v4 !== null && net.isIPv4(v4[1]) && Number(v4[2]) <= 65535;
}

/** Asks DNS directly: A/AAAA with TTLs and the CNAME chain for a name, PTR for an address. */
export async function directDnsQuery(request: DirectDnsRequest, read: FileReader, platform: PlatformId = hostPlatform()): Promise<DirectDnsResult> {
  const started = performance.now();
  const timeoutMs = Math.max(1, Math.min(Math.trunc(request.timeoutMs), 60_000));
  const notAsked = request.kind === 'name' ? neverAskDns(request.name) : null;
  const resolver = new dns.promises.Resolver({ timeout: timeoutMs, tries: 1 });
  if (request.servers) {
    const bad = request.servers.filter((s) => !validServer(s));
    if (bad.length > 0 || request.servers.length === 0) {
      throw new ResolverFailure({ kind: 'ValueError', errno: null, code: null, message: `not a DNS server address: ${bad.join(', ') || '(none given)'}` });
    }
    resolver.setServers(request.servers);
  }
  // The platform's hosts file (Windows: %SystemRoot%\System32\drivers\etc\hosts).
  const hostsPath = systemDatabasePaths('hosts')[0];
  const hostsText = read(hostsPath);
  const entries = hostsText === null ? [] : parseHostsFile(hostsText);
  const resolvText = read('/etc/resolv.conf');
  // Where names are looked up, in order: only glibc reads nsswitch.conf; elsewhere the platform's fixed order.
  const hostsOrder = platformFeatures(platform).hostsOrder;
  const base = {
    name: request.name,
    kind: request.kind,
    servers: resolver.getServers(),
    serverSource: request.servers ? ('option' as const) : ('resolv.conf' as const),
    resolvConf: resolvText === null ? null : parseResolvConf(resolvText, process.env, os.hostname()),
    nsswitchHosts: hostsOrder === 'nsswitch.conf' ? nsswitchHostsSources(read('/etc/nsswitch.conf'), libcInfoFor(platform).version) : [...hostsOrder],
    notAsked,
  };
  // For a name: the name without an absolute name's final dot, and the hosts-file lines that list it.
  const bareName = request.name.replace(/\.$/, '');
  const nameHostsFile = (): DirectDnsResult['hostsFile'] => ({ path: hostsPath, readable: hostsText !== null, matches: hostsFileMatches(entries, bareName) });
  if (notAsked) {
    // Checked here, where the packets would leave, so that no caller can send such a name to DNS.
    resolver.cancel();
    return { ...base, a: null, aaaa: null, cnameChain: [bareName], cnameError: null, ptr: null, hostsFile: nameHostsFile(), elapsedMs: performance.now() - started };
  }
  try {
    if (request.kind === 'address') {
      if (!net.isIP(request.name)) throw new ResolverFailure({ kind: 'ValueError', errno: null, code: null, message: `not an IP address: ${request.name}` });
      const ptr = await ask(() => resolver.reverse(request.name), timeoutMs, 'PTR');
      const wanted = request.name.toLowerCase();
      const matches = entries.filter((e) => e.address.toLowerCase() === wanted);
      return { ...base, a: null, aaaa: null, cnameChain: [], cnameError: null, ptr, hostsFile: { path: hostsPath, readable: hostsText !== null, matches }, elapsedMs: performance.now() - started };
    }
    const [a, aaaa, chain] = await Promise.all([
      ask<AddressRecord>(() => resolver.resolve4(request.name, { ttl: true }), timeoutMs, 'A'),
      ask<AddressRecord>(() => resolver.resolve6(request.name, { ttl: true }), timeoutMs, 'AAAA'),
      walkCnames(resolver, request.name, timeoutMs),
    ]);
    return {
      ...base,
      a,
      aaaa,
      cnameChain: chain.chain,
      cnameError: chain.error,
      ptr: null,
      hostsFile: nameHostsFile(),
      elapsedMs: performance.now() - started,
    };
  } finally {
    resolver.cancel();
  }
}

/** resolveCname answers one hop; the chain is walked hop by hop, with a loop and length guard. */
async function walkCnames(resolver: dns.promises.Resolver, name: string, timeoutMs: number): Promise<{ chain: string[]; error: { code: string; message: string } | null }> {
  const chain = [name.replace(/\.$/, '')];
  for (let hop = 0; hop < MAX_CNAME_HOPS; hop++) {
    const current = chain[chain.length - 1];
    const answer = await ask(() => resolver.resolveCname(current), timeoutMs, 'CNAME');
    if (!answer.ok) {
      // No CNAME at this name (NODATA), or the target does not exist: the chain ends here.
      return { chain, error: answer.code === 'ENODATA' || answer.code === 'ENOTFOUND' ? null : { code: answer.code, message: answer.message } };
    }
    const target = answer.records[0]?.replace(/\.$/, '');
    if (target === undefined) return { chain, error: null };
    if (chain.some((n) => n.toLowerCase() === target.toLowerCase())) {
      return { chain: [...chain, target], error: { code: 'ELOOP', message: `CNAME loop: ${target} appears twice` } };
    }
    chain.push(target);
  }
  return { chain, error: { code: 'ETOOLONG', message: `the CNAME chain is longer than ${MAX_CNAME_HOPS} hops` } };
}
