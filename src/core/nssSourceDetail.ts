/**
 * The words of an NssHostsReport (core/nssSources.ts): where each source's answer came from and why a source was
 * not asked, and the report's note. Pure; localized whole with @vscode/l10n (English in the helper and the CLI).
 */
import * as l10n from '@vscode/l10n';
import type { HostsFileEntry } from './hostsFile';
import { addressCountText } from './lookupView';
import { GLIBC_H_ERRNO } from './resolverError';
import type { NssFamily, NssModuleAnswer } from './nssSources';
import type { NssStatusName } from './nsswitch';

/** What the helper knows about this machine that explains a source's answer. */
export interface NssDetailFacts {
  name: string;
  family: NssFamily;
  /** The hosts file: its lines that list the name, or why it could not be read. */
  hostsFile: { path: string; problem: string | null; matches: HostsFileEntry[] };
  /** resolv.conf's name servers in file order (at most three, as glibc keeps), and `options rotate`. */
  resolvConf: { path: string; nameservers: string[]; rotate: boolean };
  hostname: string;
  /** Whether avahi-daemon's socket exists (nss-mdns talks only to it). */
  avahiSocket: { path: string; present: boolean };
}

export type NotAskedReason =
  | { kind: 'only'; only: readonly string[] }
  | { kind: 'no-addon'; note: string | null }
  | { kind: 'never-ask-dns'; reason: string }
  | { kind: 'numeric' };

export function notAskedDetail(reason: NotAskedReason): string {
  switch (reason.kind) {
    case 'only':
      return reason.only.length === 0 ? l10n.t('not asked') : l10n.t('not asked (only {0} asked)', reason.only.join(', '));
    case 'no-addon':
      return l10n.t('not asked: only the native resolver addon can ask one source alone ({0})', reason.note ?? l10n.t('not loaded'));
    case 'never-ask-dns':
      return l10n.t('not asked: {0}', reason.reason);
    case 'numeric':
      return l10n.t('not asked: getaddrinfo converts a numeric address itself');
  }
}

export function timedOutDetail(ms: number): string {
  return l10n.t('no answer within {0} ms; the call is still running in the resolver helper', ms);
}

/** Where a source's answer comes from, whatever it answered. */
function origin(source: string, answer: NssModuleAnswer, facts: NssDetailFacts): string {
  if (source === 'files') {
    const lines = facts.hostsFile.matches.filter((e) => facts.family === 'AF_UNSPEC' || e.family === facts.family).map((e) => e.lineNumber);
    if (facts.hostsFile.problem !== null) return l10n.t('{0} cannot be read ({1})', facts.hostsFile.path, facts.hostsFile.problem);
    if (lines.length === 1) return l10n.t('{0} line {1}', facts.hostsFile.path, lines[0]);
    if (lines.length > 1) return l10n.t('{0} lines {1}', facts.hostsFile.path, lines.join(', '));
    if (facts.hostsFile.matches.length > 0) return l10n.t('{0} lists {1} only with addresses of the other family', facts.hostsFile.path, facts.name);
    return l10n.t('no line of {0} lists {1}', facts.hostsFile.path, facts.name);
  }
  if (source === 'dns') {
    const servers = facts.resolvConf.nameservers;
    if (servers.length === 0) return l10n.t('no name server in {0}, so glibc asks 127.0.0.1', facts.resolvConf.path);
    return facts.resolvConf.rotate
      ? l10n.t('the name servers of {0}, starting with another one for each query (options rotate): {1}; glibc does not say which one answered', facts.resolvConf.path, servers.join(', '))
      : l10n.t('the name servers of {0}, tried in this order: {1}; glibc does not say which one answered', facts.resolvConf.path, servers.join(', '));
  }
  if (source === 'myhostname') {
    return l10n.t('this machine itself: its host name ({0}), localhost and *.localhost, _gateway and _outbound, from its interfaces and routes; nothing is sent on the network', facts.hostname);
  }
  if (source.startsWith('mdns')) {
    const how = source.includes('minimal')
      ? l10n.t('multicast DNS on the local link through avahi-daemon, only for names ending in .local')
      : l10n.t('multicast DNS on the local link through avahi-daemon');
    return facts.avahiSocket.present ? how : l10n.t('{0}; avahi-daemon is not running (no {1})', how, facts.avahiSocket.path);
  }
  if (source === 'resolve') return l10n.t('systemd-resolved, asked over its local socket');
  return l10n.t('{0} of {1}', answer.function ?? '', answer.library ?? '');
}

/** The status in words, with the h_errno (or errno) the module gave for a failure. */
function result(status: NssStatusName | null, answer: NssModuleAnswer, addresses: number): string {
  if (status === 'SUCCESS') return l10n.t('SUCCESS: {0}', addressCountText(addresses));
  // The call that decided the status: the last one that did not succeed.
  const call = [...answer.calls].reverse().find((c) => c.status !== 1) ?? answer.calls[answer.calls.length - 1];
  if (call === undefined) return status ?? l10n.t('no status');
  const h = GLIBC_H_ERRNO[call.herrno];
  const why = call.herrno === -1 ? l10n.t('NETDB_INTERNAL, errno {0}', call.errno) : h ? `${h.code} (${h.message})` : l10n.t('h_errno {0}', call.herrno);
  return l10n.t('{0}: {1}', status ?? l10n.t('status {0}', call.status), why);
}

/** The detail of a source that was asked. */
export function askedDetail(source: string, answer: NssModuleAnswer, status: NssStatusName | null, addresses: readonly string[], facts: NssDetailFacts): string {
  if (answer.memoryError) return l10n.t('out of memory while asking {0}', source);
  if (answer.loadError !== null) return l10n.t('not installed: {0}', answer.loadError);
  if (answer.library === null) return l10n.t('could not be loaded');
  if (answer.function === null) return l10n.t('{0} has no hosts lookup function: getaddrinfo counts it as UNAVAIL (EBUSY)', answer.library);
  return l10n.t('{0} — {1}', origin(source, answer, facts), result(status, answer, addresses.length));
}

/** The report's note about the hosts line in force. */
export function hostsLineNote(
  path: string,
  glibcVersion: string | null,
  state: { kind: 'no-file'; line: string } | { kind: 'no-hosts-line'; line: string } | { kind: 'rejected'; lineNumber: number; text: string } | { kind: 'empty' }
): string {
  const glibc = glibcVersion ?? '';
  switch (state.kind) {
    case 'no-file':
      return l10n.t('there is no {0} (or it cannot be read): glibc {1} uses its built-in hosts line "{2}"', path, glibc, state.line);
    case 'no-hosts-line':
      return l10n.t('{0} has no hosts line glibc reads: glibc {1} uses its built-in "{2}"', path, glibc, state.line);
    case 'rejected':
      return l10n.t('glibc {0} cannot parse line {1} of {2} ("{3}"), so it ignores the whole file and getaddrinfo asks no source', glibc, state.lineNumber, path, state.text);
    case 'empty':
      return l10n.t('the hosts line of {0} names no source: glibc {1} then reads past the end of its list (on 2.36 getaddrinfo crashed or failed with EBUSY)', path, glibc);
  }
}

export function olderLoopNote(glibcVersion: string): string {
  return l10n.t('glibc {0} predates 2.36, whose getaddrinfo NetLens follows: with [SUCCESS=continue] or MERGE in the hosts line, its answer can differ (glibc bug 28931)', glibcVersion);
}

export function numericNameNote(name: string): string {
  return l10n.t('{0} is a numeric address: getaddrinfo converts it itself and asks no source', name);
}

export function noAddonNote(note: string | null): string {
  return l10n.t('the native resolver addon is not loaded ({0}): only it can ask one source alone, so no source was asked', note ?? l10n.t('not loaded'));
}

export function nscdNote(socket: string): string {
  return l10n.t('nscd is running ({0}): getaddrinfo asks its cache before these sources, so its answer may be an older one', socket);
}

export function muslNote(): string {
  return l10n.t('musl does not read /etc/nsswitch.conf: its getaddrinfo looks in /etc/hosts, then asks the name servers of /etc/resolv.conf (DNS)');
}

export function unsupportedNote(platform: string): string {
  return l10n.t('not available on this platform ({0}): per-source answers need the NSS modules of glibc', platform);
}
