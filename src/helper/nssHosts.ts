// The `nss.hosts` method: each source of the hosts line asked alone through glibc's own module (the addon calls
// _nss_<source>_gethostbyname4_r/3_r as getaddrinfo does), then getaddrinfo's loop applied to those answers
// (core/nssHostsLoop.ts). It runs here because the module calls block; the client bounds each source by the lookup
// timeout (src/client/nssHosts.ts asks one source per request).
import * as fs from 'fs';
import { hostsFileMatches, parseHostsFile } from '../core/hostsFile';
import { inetAtonParse } from '../core/inetAton';
import { parseIPv6Strict } from '../core/inetPton';
import { neverAskDns } from '../core/neverAskDns';
import { decideNssReport, sourceAddresses, sourceStatus } from '../core/nssHostsLoop';
import { askedDetail, hostsLineNote, muslNote, noAddonNote, notAskedDetail, nscdNote, numericNameNote, olderLoopNote, unsupportedNote, type NotAskedReason, type NssDetailFacts } from '../core/nssSourceDetail';
import { LOCAL_NSS_SOURCES, type NssHostsParams, type NssHostsReport, type NssSourceAnswer } from '../core/nssSources';
import { defaultHostsLine, glibcVersionParts, parseNsswitchConf, type NsswitchHosts } from '../core/nsswitch';
import { parseResolvConf } from '../core/resolverConfig';
import type { SystemFileReader } from '../core/systemFiles';
import { lastResult } from '../core/lastResult';
import type { LibcInfo } from './libcInfo';
import type { ResolverBackend } from './resolverBackend';

const NSSWITCH = '/etc/nsswitch.conf';
const HOSTS = '/etc/hosts';
const RESOLV = '/etc/resolv.conf';
/** nss-mdns talks to avahi-daemon only through this socket (/var/run is /run). */
const AVAHI_SOCKET = '/run/avahi-daemon/socket';
const NSCD_SOCKET = '/var/run/nscd/socket';
/** A hostile hosts file can list a name a million times; the report keeps the first ones. */
const MAX_ADDRESSES = 1000;
/** One parse per state of each file, not one per source asked (core/lastResult.ts says why). */
const parseNsswitch = lastResult(parseNsswitchConf);
const parseHosts = lastResult(parseHostsFile);

export interface NssHostsDeps {
  backend: ResolverBackend;
  backendNote: string | null;
  libc: LibcInfo;
  readText: SystemFileReader;
  exists: (path: string) => boolean;
}

export function nssHostsDeps(backend: ResolverBackend, backendNote: string | null, libc: LibcInfo, readText: SystemFileReader): NssHostsDeps {
  return { backend, backendNote, libc, readText, exists: (p) => fs.existsSync(p) };
}

/** glibc's text_to_binary_address: a name inet_aton takes whole, or an IPv6 address (with %scope), never reaches NSS. */
function isNumeric(name: string): boolean {
  const v4 = inetAtonParse(name);
  if (v4 !== null && !v4.flags.includes('trailing')) return true;
  return parseIPv6Strict(name.split('%', 1)[0]) !== null;
}

function facts(params: NssHostsParams, deps: NssHostsDeps): NssDetailFacts {
  const hosts = deps.readText(HOSTS);
  const resolv = deps.readText(RESOLV);
  const conf = resolv.text === null ? null : parseResolvConf(resolv.text, process.env);
  return {
    name: params.name,
    family: params.family,
    hostsFile: { path: HOSTS, problem: hosts.problem, matches: hosts.text === null ? [] : hostsFileMatches(parseHosts(hosts.text), params.name) },
    resolvConf: { path: RESOLV, nameservers: conf?.nameservers ?? [], rotate: conf?.options.includes('rotate') ?? false },
    hostname: deps.backend.gethostname(),
    avahiSocket: { path: AVAHI_SOCKET, present: deps.exists(AVAHI_SOCKET) },
  };
}

/** What the reader must know about the hosts line in force and about what comes before it. */
function configurationNotes(conf: NsswitchHosts, fileRead: boolean, deps: NssHostsDeps): string[] {
  const { version } = deps.libc;
  const notes: string[] = [];
  if (conf.parseError) notes.push(hostsLineNote(NSSWITCH, version, { kind: 'rejected', ...conf.parseError }));
  else if (conf.origin === 'default') notes.push(hostsLineNote(NSSWITCH, version, { kind: fileRead ? 'no-hosts-line' : 'no-file', line: defaultHostsLine(version) }));
  else if (conf.sources?.length === 0) notes.push(hostsLineNote(NSSWITCH, version, { kind: 'empty' }));
  if (deps.exists(NSCD_SOCKET)) notes.push(nscdNote(NSCD_SOCKET));
  const parts = glibcVersionParts(version);
  const unusual = (conf.sources ?? []).some((s) => s.onStatus.SUCCESS !== 'return' || Object.values(s.onStatus).includes('merge'));
  if (version !== null && parts !== null && parts[0] === 2 && parts[1] < 36 && unusual) notes.push(olderLoopNote(version));
  return notes;
}

function notAsked(source: string, reason: NotAskedReason): NssSourceAnswer {
  return { source, asked: false, status: null, addresses: [], canonname: null, detail: notAskedDetail(reason) };
}

export async function answerNssHosts(params: NssHostsParams, deps: NssHostsDeps): Promise<NssHostsReport> {
  const { libc } = deps;
  const base = { nsswitch: null, sources: [], answeredBy: null, glibcVersion: libc.version, outcome: null };
  if (libc.platform === 'musl') return { ...base, platform: 'musl', note: muslNote() };
  if (libc.platform !== 'glibc') return { ...base, platform: 'unsupported', note: unsupportedNote(libc.os) };

  const file = deps.readText(NSSWITCH);
  const conf = parseNsswitch(file.text, libc.version);
  const line = conf.sources ?? [];
  const notes = configurationNotes(conf, file.text !== null, deps);
  const nsswitch = { path: NSSWITCH, hosts: line, origin: conf.origin, lineNumber: conf.lineNumber, parseError: conf.parseError };

  const numeric = isNumeric(params.name);
  const lookup = deps.backend.nssHostsLookup?.bind(deps.backend);
  if (numeric) notes.push(numericNameNote(params.name));
  else if (!lookup) notes.push(noAddonNote(deps.backendNote));
  const special = neverAskDns(params.name);
  const reasonNotToAsk = (source: string): NotAskedReason | null => {
    if (numeric) return { kind: 'numeric' };
    if (!lookup) return { kind: 'no-addon', note: deps.backendNote };
    if (params.only && !params.only.includes(source)) return { kind: 'only', only: params.only };
    if (special && !LOCAL_NSS_SOURCES.includes(source)) return { kind: 'never-ask-dns', reason: special.reason };
    return null;
  };

  // Each distinct source once, all at the same time (each is one threadpool job in the addon).
  const toAsk = [...new Set(line.map((s) => s.source))].filter((source) => reasonNotToAsk(source) === null);
  const ask = async (source: string, fn: NonNullable<typeof lookup>) => {
    const started = performance.now();
    const answer = await fn(source, params.name, params.family);
    return [source, { answer, elapsedMs: performance.now() - started }] as const;
  };
  const answers = new Map(lookup ? await Promise.all(toAsk.map((source) => ask(source, lookup))) : []);
  const known = answers.size > 0 ? facts(params, deps) : null;

  const sources = line.map(({ source }): NssSourceAnswer => {
    const got = answers.get(source);
    if (!got || !known) return notAsked(source, reasonNotToAsk(source) ?? { kind: 'only', only: params.only ?? [] });
    const status = sourceStatus(got.answer, params.family);
    const { addresses, canonname } = sourceAddresses(got.answer, params.family);
    return {
      source,
      asked: true,
      status,
      addresses: addresses.slice(0, MAX_ADDRESSES),
      canonname,
      detail: askedDetail(source, got.answer, status, addresses, known),
      module: { ...got.answer, calls: got.answer.calls.map((c) => ({ ...c, addresses: c.addresses.slice(0, MAX_ADDRESSES) })) },
      elapsedMs: got.elapsedMs,
    };
  });
  const report: NssHostsReport = { platform: 'glibc', note: notes.length ? notes.join(' ') : null, nsswitch, sources, answeredBy: null, glibcVersion: libc.version };
  return numeric ? { ...report, outcome: null } : decideNssReport(report, params.family);
}
