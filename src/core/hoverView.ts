/**
 * The hover on a host, an IP or a URL as a model: its sections, their sentences (localized whole) and their links.
 * The hover provider gathers the answers and renders this; it decides nothing about what is shown. Pure (no vscode),
 * so every case — an answer, a failure, "resolving…", an untrusted workspace — is unit-tested in plain Node.
 */
import * as l10n from '@vscode/l10n';
import { domainToASCII } from 'url';
import { tryAddressFacts, type AddressFacts } from './addressFacts';
import { distinctAddressRows } from './addrinfo';
import type { HostsFileAnswer } from './hostsFileAnswers';
import { compareIdnForms } from './idna2003';
import type { KubernetesPreview } from './kubernetesDns';
import { kubernetesLines } from './kubernetesView';
import { networkFacts } from './networkFacts';
import { srvQueryFor } from './srvNames';
import { addressRangeWords, canonicalDiffers, errorText, familyLabel, resolverLine, sentence, slot, words, type HostLookup, type Line } from './lookupView';
import type { HostMatch } from './scanner';
import { portReason, urlMatchPort } from './urlPort';

/** The reverse name of an IP literal: gethostbyaddr's name, or its error text; undefined while it is being asked. */
export type ReverseAnswer = { ok: true; name: string } | { ok: false; error: string } | undefined;

/** What a hover link does; the renderer maps each to its command (only these may run from a hover). */
export type HoverAction = 'showGetaddrinfo' | 'copyLookupJson' | 'resolveHostname';

export interface HoverLink {
  title: string;
  action: HoverAction;
  host: string;
}

/**
 * One section of the hover (VS Code draws a rule between sections). `title` is the host the section is about
 * (data); each paragraph is a list of lines that the renderer breaks without a blank line between them.
 */
export interface HoverSection {
  title: string | null;
  paragraphs: Line[][];
  links: HoverLink[];
}

/** Why the hover looks nothing up: the workspace is not trusted, or netlens.autoResolve is off. */
export type NoLookupReason = 'untrusted' | 'autoResolveOff';

/** Trust comes first: an untrusted workspace looks nothing up whatever the setting says. */
export function noLookupReason(trusted: boolean, autoResolve: boolean): NoLookupReason | null {
  return !trusted ? 'untrusted' : autoResolve ? null : 'autoResolveOff';
}

/** Everything the hover shows, gathered by the provider: `lookup` undefined means the answer is still on its way. */
export interface HoverInput {
  match: HostMatch;
  /** Set when the hover may not look anything up; then lookup, machine and reverse are ignored. */
  noLookup: NoLookupReason | null;
  lookup: HostLookup | undefined;
  machine: string | null | undefined;
  reverse: ReverseAnswer;
  hostsFile: HostsFileAnswer | null;
  now: number;
  /** What a pod would ask for the host when the file is a Kubernetes manifest (computed offline); else absent. */
  kubernetes?: KubernetesPreview | null;
  /**
   * Why this answer and who connects where, for a successful lookup (client/hoverInsights.ts: no query the lookup did
   * not make); absent while they are being computed (the next hover shows them).
   */
  insight?: { why: Line | null; runtimes: Line | null };
}

/** Whether the hover asks gethostbyaddr too: for IP literals. */
export function isAddressMatch(match: HostMatch): boolean {
  return match.kind === 'ipv4' || match.kind === 'ipv6';
}

/** The hover's sections in the order they are shown: the answer (or why there is none), the reverse name, then the facts that need no lookup. */
export function hoverView(input: HoverInput): HoverSection[] {
  const { match } = input;
  if (match.kind === 'network') return [networkSection(match.text)];
  const facts = offlineFacts(match, input.hostsFile);
  const srv = srvQueryFor(match);
  if (srv) return [srvSection(match.host, srv), ...facts];
  // The pod's view needs no lookup (it is computed offline), so it is shown in untrusted workspaces too.
  const pod = input.kubernetes ? [section([kubernetesLines(input.kubernetes)])] : [];
  if (input.noLookup) return [noLookupSection(match.host, input.noLookup), ...pod, ...facts];
  const sections = [input.lookup ? lookupSection(input.lookup, input.machine, input.now, input.insight) : resolvingSection(match.host)];
  if (isAddressMatch(match)) sections.push(reverseSection(input.reverse));
  return [...sections, ...pod, ...facts];
}

/**
 * A network (`10.40.0.0/16`) is explained, never looked up: what Python's ip_network says — its size, first and
 * last address, the ranges it is in, and whether the written address had host bits set.
 */
function networkSection(text: string): HoverSection {
  const facts = networkFacts(text);
  if (!facts) return section([[words(l10n.t('Not a network Python’s ipaddress accepts.'))]], text);
  const count = BigInt(facts.num_addresses);
  const size = facts.version === 4 || count < 1_000_000_000n ? count.toLocaleString('en-US') : `2^${128 - facts.prefixlen}`;
  const lines: Line[] = [
    words(l10n.t('Network {0}: {1} addresses, {2} – {3}', facts.network, size, facts.first, facts.last)),
    words(addressRangeWords(facts.facts).join(', ') || l10n.t('no special range')),
  ];
  if (facts.host_bits_set) {
    const address = text.slice(0, text.indexOf('/'));
    lines.push(words(l10n.t('Host bits are set: ip_network({0}) raises ValueError (strict=True); as ip_interface it is address {1} in network {2}.', `'${text}'`, address, facts.network)));
  }
  lines.push(words(l10n.t('A network is not looked up.')));
  return section([lines], text);
}

/** An SRV name (or a `+srv` URL) is marked as one; getaddrinfo's answer for it would mislead, so none is shown. */
function srvSection(host: string, query: string): HoverSection {
  return section([[sentence(l10n.t('SRV name: clients ask DNS for the SRV records of {0} (RFC 2782) and connect to the hosts they list. getaddrinfo does not look SRV records up, so NetLens shows no getaddrinfo answer for it.', slot(0)), query)]], host);
}

function section(paragraphs: Line[][], title: string | null = null, links: HoverLink[] = []): HoverSection {
  return { title, paragraphs, links };
}

function lookupSection(lookup: HostLookup, machine: string | null | undefined, now: number, insight: HoverInput['insight']): HoverSection {
  const paragraphs: Line[][] = [];
  if (!lookup.ok) {
    paragraphs.push([sentence(l10n.t('✗ {0}', slot(0)), errorText(lookup.error))]);
  } else {
    if (canonicalDiffers(lookup.host, lookup.canonicalName)) paragraphs.push([sentence(l10n.t('canonical name: {0}', slot(0)), lookup.canonicalName)]);
    // An address is the resolver's data like any name: an IPv6 scope (`fe80::1%eth0`) can carry any text.
    paragraphs.push(distinctAddressRows(lookup.rows).map((row) => sentence(`${familyLabel(row.sockaddr[0])}  ${slot(0)}`, row.sockaddr[0])));
    const explained = [insight?.why, insight?.runtimes].filter((line): line is Line => Boolean(line));
    if (explained.length) paragraphs.push(explained);
  }
  paragraphs.push([resolverLine(lookup, machine, now)]);
  const { host } = lookup;
  return section(paragraphs, host, [
    { title: l10n.t('Open in getaddrinfo view'), action: 'showGetaddrinfo', host },
    { title: l10n.t('Copy as JSON'), action: 'copyLookupJson', host },
    { title: l10n.t('Re-resolve'), action: 'resolveHostname', host },
  ]);
}

function resolvingSection(host: string): HoverSection {
  return section([[words(l10n.t('resolving… (hover again to see the answer)'))]], host);
}

/** gethostbyaddr's name for an IP literal; PTR data is attacker-controlled, so it is data. */
function reverseSection(reverse: ReverseAnswer): HoverSection {
  if (!reverse) return section([[words(l10n.t('reverse name: resolving… (hover again to see the answer)'))]]);
  if (reverse.ok) return section([[sentence(l10n.t('reverse name (gethostbyaddr): {0}', slot(0)), reverse.name)]]);
  return section([[sentence(l10n.t('no reverse name (gethostbyaddr: {0})', slot(0)), reverse.error)]]);
}

function noLookupSection(host: string, reason: NoLookupReason): HoverSection {
  const why =
    reason === 'untrusted'
      ? l10n.t('This workspace is not trusted, so NetLens does not look names from its files up on its own: a lookup would tell DNS servers which names are in these files.')
      : l10n.t('Automatic lookups are off (setting netlens.autoResolve).');
  return section([[words(why)]], host, [{ title: l10n.t('Resolve it now'), action: 'resolveHostname', host }]);
}

/**
 * What NetLens knows without asking the network: the ASCII forms of an international name, the hosts-file lines
 * that answer, the service port a URL implies (repeated here because screen readers do not read inlay hints) and,
 * for an IP literal, what Python's ipaddress says about it.
 */
function offlineFacts(match: HostMatch, hostsFile: HostsFileAnswer | null): HoverSection[] {
  const sections: HoverSection[] = [];
  const idn = idnLine(match.host);
  if (idn) sections.push(section([[idn]]));
  if (hostsFile) {
    // The hosts file's fields are not checked by anyone (an address may carry any %scope text): data.
    const lines = hostsFile.entries.map((e) => l10n.t('{0} (line {1})', e.address, e.lineNumber)).join(', ');
    sections.push(section([[sentence(l10n.t('{0} answers for this name: {1}', slot(0), slot(1)), hostsFile.source, lines)]]));
  }
  if (match.kind === 'url') {
    const port = urlMatchPort(match);
    // The reason names an entry of the services file, which is data like any other file's text.
    if (port && port.port !== null) sections.push(section([[sentence(l10n.t('{0}:// → port {1} ({2})', slot(0), String(port.port), slot(1)), match.scheme, portReason(port, match.portScheme))]]));
  }
  if (isAddressMatch(match) || /^[\d.]+$|:/.test(match.host)) {
    const facts = tryAddressFacts(match.host);
    if (facts) sections.push(section([[addressFactsLine(facts)]]));
  }
  return sections;
}

/** The IDNA 2003 form Python sends, and the UTS #46 form browsers send when they differ: look-alikes become visible. */
function idnLine(host: string): Line | null {
  const idn = compareIdnForms(host, domainToASCII);
  if (!idn.international) return null;
  // Python's own exception text is Python's wording: data, never translated.
  const python = idn.idna2003.ok ? idn.idna2003.ascii : `UnicodeError: ${idn.idna2003.error}`;
  if (!idn.differ) return sentence(l10n.t('IDN: sent as {0}', slot(0)), python);
  return idn.uts46
    ? sentence(l10n.t('IDN: Python and the netlens CLI send {0} (IDNA 2003); browsers send {1} (UTS #46)', slot(0), slot(1)), python, idn.uts46)
    : sentence(l10n.t('IDN: Python and the netlens CLI send {0} (IDNA 2003); browsers reject the name (UTS #46)', slot(0)), python);
}

function addressFactsLine(f: AddressFacts): Line {
  const ranges = addressRangeWords(f);
  // The address keeps a scope id as written (`fe80::1%<any text>`): data. The rest comes from our own tables.
  const head = ranges.length
    ? sentence(l10n.t('IPv{0} {1}: {2}', f.version, slot(0), ranges.join(', ')), f.address)
    : sentence(l10n.t('IPv{0} {1}: no special range', f.version, slot(0)), f.address);
  const more: string[] = [];
  if (f.ipv4_mapped) more.push(l10n.t('IPv4-mapped {0}', f.ipv4_mapped));
  else if (f.sixtofour) more.push(l10n.t('6to4 for {0}', f.sixtofour));
  else if (f.teredo) more.push(l10n.t('Teredo client {0} via {1}', f.teredo[1], f.teredo[0]));
  if (f.iana) more.push(l10n.t('IANA: {0} ({1})', f.iana.name, f.iana.rfc));
  return more.length ? [...head, { words: ` · ${more.join(' · ')}` }] : head;
}

/** The lookups the hover needs, as HostLookups provides them (an interface, so tests can give their own). */
export interface HoverLookups {
  cached(host: string): HostLookup | undefined;
  resolve(host: string): Promise<HostLookup>;
  knownMachineName(): string | null | undefined;
  machineName(): Promise<string | null>;
  cachedReverseName(address: string): ReverseAnswer;
  reverseName(address: string): Promise<Exclude<ReverseAnswer, undefined>>;
}

/** A cancellation token's shape (vscode.CancellationToken has it). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/**
 * The answers a hover shows, each awaited at most `waitMs` (then the hover says "resolving…" and the next hover
 * shows the answer, which the lookup puts in the cache meanwhile): a slow resolver never holds the editor.
 * Cached answers are used without waiting. Undefined when the hover was cancelled.
 */
export async function gatherAnswers(
  host: string,
  isAddress: boolean,
  lookups: HoverLookups,
  waitMs: number,
  token: Cancellation
): Promise<Pick<HoverInput, 'lookup' | 'machine' | 'reverse'> | undefined> {
  const bounded = <T>(work: () => Promise<T>): Promise<T | undefined> => waitAtMost(work(), waitMs, token);
  const [machine, lookup, reverse] = await Promise.all([
    lookups.knownMachineName() ?? bounded(() => lookups.machineName()),
    lookups.cached(host) ?? bounded(() => lookups.resolve(host)),
    isAddress ? (lookups.cachedReverseName(host) ?? bounded(() => lookups.reverseName(host))) : undefined,
  ]);
  return token.isCancellationRequested ? undefined : { machine, lookup, reverse };
}

/**
 * The work's value if it settles within `ms`, else undefined (also once the hover is cancelled): the work goes on,
 * and what it caches serves the next hover. The one bound on everything a hover waits for.
 */
export function waitAtMost<T>(work: Promise<T>, ms: number, token: Cancellation): Promise<T | undefined> {
  let stop = (): void => undefined;
  const late = new Promise<undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    const listener = token.onCancellationRequested(() => resolve(undefined));
    stop = () => {
      clearTimeout(timer);
      listener.dispose();
    };
  });
  // Whichever comes first, the timer and the listener go: a hover on a cached answer leaves nothing behind.
  return Promise.race([work, late]).finally(stop);
}
