import * as vscode from 'vscode';
import { canonicalDiffers, familyLabel } from '../core/lookupView';
import { Commands } from './commandIds';
import { domainToASCII } from 'url';
import { addressFacts, factNames, type AddressFacts } from '../core/addressFacts';
import { distinctAddressRows } from '../core/addrinfo';
import { compareIdnForms } from '../core/idna2003';
import type { HostMatch } from '../core/scanner';
import { portReason } from '../core/urlPort';
import type { HostLookup, HostLookups } from './hostLookups';
import { hostMatchAt, matchRange, portOf } from './hostsInDocument';
import type { HostsFileAnswers } from '../core/hostsFileAnswers';
import { mayResolveAutomatically } from './settings';
import { escapeMarkdownText } from './untrustedText';

/** How long a hover waits for a lookup before it shows "resolving…" (the next hover shows the answer). */
const HOVER_WAIT_MS = 400;

/** Only our own commands may run from hover links, whatever a DNS answer contains. */
const HOVER_COMMANDS: string[] = [Commands.resolveHostname, Commands.showGetaddrinfo, Commands.copyLookupJson];

/**
 * Hover on a hostname, IP or URL: what the system resolver returns for it, without blocking the editor. In an
 * untrusted workspace (or with netlens.autoResolve off) it looks nothing up and offers the explicit command.
 */
export function registerHoverProvider(lookups: HostLookups, hostsFile: HostsFileAnswers): vscode.Disposable {
  return vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], {
    async provideHover(document, position, token) {
      const match = hostMatchAt(document, position);
      if (!match) return undefined;
      const { host } = match;
      const range = matchRange(match);
      // Facts that need no lookup (service port, address facts) are shown in every workspace.
      const facts = offlineFacts(match, hostsFile);
      if (!mayResolveAutomatically()) return new vscode.Hover([offlineHover(host), ...facts], range);
      const isAddress = match.kind === 'ipv4' || match.kind === 'ipv6';
      const [machine, answer, reverse] = await Promise.all([
        lookups.knownMachineName() ?? Promise.race([lookups.machineName(), delay(HOVER_WAIT_MS, token)]),
        lookups.cached(host) ?? Promise.race([lookups.resolve(host), delay(HOVER_WAIT_MS, token)]),
        isAddress ? (lookups.cachedReverseName(host) ?? Promise.race([lookups.reverseName(host), delay(HOVER_WAIT_MS, token)])) : undefined,
      ]);
      if (token.isCancellationRequested) return undefined;
      const sections = [answer ? lookupHover(answer, machine) : resolvingHover(host)];
      if (isAddress) sections.push(reverseHover(reverse));
      return new vscode.Hover([...sections, ...facts], range);
    },
  });
}

function delay(ms: number, token: vscode.CancellationToken): Promise<undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(undefined);
    }, ms);
    const listener = token.onCancellationRequested(() => {
      clearTimeout(timer);
      listener.dispose();
      resolve(undefined);
    });
  });
}

function markdown(): vscode.MarkdownString {
  // No theme icons: a name like `$(zap)` from DNS or a hosts file must stay text (and no section needs icons).
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportHtml = false;
  return md;
}

/**
 * A link to one of our commands with `host` as its argument. encodeURIComponent leaves `()!'*~` alone, and a `)`
 * would end the link target early and let the rest of the host be read as markdown: encode those too.
 */
function commandLink(title: string, command: string, host: string): string {
  const args = encodeURIComponent(JSON.stringify([host])).replace(/[()!'*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeMarkdownText(title)}](command:${command}?${args})`;
}

/** Text from a document, a DNS answer or a hosts file is attacker-controlled: it goes in as text, never as markdown. */
function appendData(md: vscode.MarkdownString, text: string): void {
  md.appendMarkdown(escapeMarkdownText(text));
}

/** Where a value goes in a localized sentence: `vscode.l10n.t('canonical name: {0}', slot(0))`. */
function slot(index: number): string {
  return `\u0000${index}\u0000`;
}

/** A localized sentence made with slot(): the sentence goes in through appendText (our own words), each value through appendData. */
function appendSentence(md: vscode.MarkdownString, sentence: string, ...values: string[]): void {
  for (const [i, part] of sentence.split('\u0000').entries()) {
    if (i % 2 === 0) md.appendText(part);
    else appendData(md, values[Number(part)] ?? '');
  }
}

function appendHostTitle(md: vscode.MarkdownString, host: string): void {
  md.appendMarkdown('**NetLens** · ');
  appendData(md, host);
  md.appendMarkdown('\n\n');
}

function lookupHover(lookup: HostLookup, machine: string | null | undefined): vscode.MarkdownString {
  const md = markdown();
  appendHostTitle(md, lookup.host);
  if (!lookup.ok) {
    appendData(md, `✗ ${lookup.error?.text ?? 'no answer'}${lookup.error?.code ? ` (${lookup.error.code})` : ''}`);
    md.appendMarkdown('\n\n');
  } else {
    if (canonicalDiffers(lookup.host, lookup.canonicalName)) {
      appendSentence(md, vscode.l10n.t('canonical name: {0}', slot(0)), lookup.canonicalName);
      md.appendMarkdown('\n\n');
    }
    for (const row of distinctAddressRows(lookup.rows)) {
      md.appendText(`${familyLabel(row.sockaddr[0])}  ${row.sockaddr[0]}`);
      md.appendMarkdown('  \n');
    }
    md.appendMarkdown('\n');
  }
  const timing = lookup.elapsedMs === null ? '' : ` in ${lookup.elapsedMs.toFixed(1)} ms`;
  md.appendText('system resolver');
  if (machine) {
    md.appendText(' of ');
    appendData(md, machine);
  }
  md.appendText(` (getaddrinfo${lookup.backend ? `, ${lookup.backend} backend` : ''})${timing}, ${age(lookup.resolvedAt)}`);
  md.appendMarkdown(
    `\n\n${commandLink(vscode.l10n.t('Open in getaddrinfo view'), Commands.showGetaddrinfo, lookup.host)} · ${commandLink(vscode.l10n.t('Copy as JSON'), Commands.copyLookupJson, lookup.host)} · ${commandLink(vscode.l10n.t('Re-resolve'), Commands.resolveHostname, lookup.host)}`
  );
  return md;
}

/** gethostbyaddr's name for an IP literal; PTR data is attacker-controlled, so it goes in as text. */
function reverseHover(reverse: { ok: true; name: string } | { ok: false; error: string } | undefined): vscode.MarkdownString {
  const md = markdown();
  if (!reverse) md.appendText(vscode.l10n.t('reverse name: resolving… (hover again to see the answer)'));
  else if (reverse.ok) appendSentence(md, vscode.l10n.t('reverse name (gethostbyaddr): {0}', slot(0)), reverse.name);
  else appendSentence(md, vscode.l10n.t('no reverse name (gethostbyaddr: {0})', slot(0)), reverse.error);
  return md;
}

function resolvingHover(host: string): vscode.MarkdownString {
  const md = markdown();
  appendHostTitle(md, host);
  md.appendText(vscode.l10n.t('resolving… (hover again to see the answer)'));
  return md;
}

function offlineHover(host: string): vscode.MarkdownString {
  const md = markdown();
  appendHostTitle(md, host);
  md.appendText(
    vscode.workspace.isTrusted
      ? vscode.l10n.t('Automatic lookups are off (setting netlens.autoResolve).')
      : vscode.l10n.t('This workspace is not trusted, so NetLens does not look names from its files up on its own: a lookup would tell DNS servers which names are in these files.')
  );
  md.appendMarkdown(`\n\n${commandLink(vscode.l10n.t('Resolve it now'), Commands.resolveHostname, host)}`);
  return md;
}

function age(resolvedAt: number): string {
  const seconds = Math.max(0, Math.round((Date.now() - resolvedAt) / 1000));
  return seconds < 2 ? 'just now' : seconds < 120 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago`;
}

/**
 * What NetLens knows without asking the network: the service port a URL implies (repeated here because screen
 * readers do not read inlay hints) and, for an IP literal, what Python's ipaddress says about it.
 */
function offlineFacts(match: HostMatch, hostsFile: HostsFileAnswers): vscode.MarkdownString[] {
  const sections: vscode.MarkdownString[] = [];
  const idn = compareIdnForms(match.host, domainToASCII);
  if (idn.international) {
    // Show the ASCII (ACE) forms: they make look-alike names visible, and Python and browsers may disagree.
    const md = markdown();
    const python = idn.idna2003.ok ? idn.idna2003.ascii : `UnicodeError: ${idn.idna2003.error}`;
    if (idn.differ) {
      md.appendText('IDN: Python and the netlens CLI send ');
      appendData(md, python);
      md.appendText(' (IDNA 2003); browsers send ');
      appendData(md, idn.uts46 || '(rejected)');
      md.appendText(' (UTS #46)');
    } else {
      md.appendText('IDN: sent as ');
      appendData(md, python);
    }
    sections.push(md);
  }
  const hosts = hostsFile.answer(match.host);
  if (hosts) {
    const md = markdown();
    // The hosts file's fields are not checked by anyone (an address may carry any %scope text): data, not markdown.
    appendSentence(md, vscode.l10n.t('{0} answers for this name: {1}', hosts.source, slot(0)), hosts.entries.map((e) => vscode.l10n.t('{0} (line {1})', e.address, e.lineNumber)).join(', '));
    sections.push(md);
  }
  if (match.kind === 'url') {
    const port = portOf(match);
    if (port && port.port !== null) {
      const md = markdown();
      // The reason names an entry of the services file, which is data like any other file's text.
      md.appendText(`${match.scheme}:// → port ${port.port} (`);
      appendData(md, portReason(port, match.portScheme));
      md.appendText(')');
      sections.push(md);
    }
  }
  if (match.kind === 'ipv4' || match.kind === 'ipv6' || /^[\d.]+$|:/.test(match.host)) {
    try {
      const md = markdown();
      md.appendText(describeAddress(addressFacts(match.host)));
      sections.push(md);
    } catch {
      // Not an address Python's ipaddress accepts (e.g. a legacy inet_aton form): nothing to add.
    }
  }
  return sections;
}

function describeAddress(f: AddressFacts): string {
  const flags = factNames(f);
  const embedded = f.ipv4_mapped ? `IPv4-mapped ${f.ipv4_mapped}` : f.sixtofour ? `6to4 for ${f.sixtofour}` : f.teredo ? `Teredo client ${f.teredo[1]} via ${f.teredo[0]}` : '';
  const iana = f.iana ? `IANA: ${f.iana.name} (${f.iana.rfc})` : '';
  return [`IPv${f.version} ${f.address}: ${flags.join(', ') || 'no special range'}`, embedded, iana].filter(Boolean).join(' · ');
}
