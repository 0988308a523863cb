import * as vscode from 'vscode';
import type { HoverInsights } from '../client/hoverInsights';
import type { HostsFileAnswers } from '../core/hostsFileAnswers';
import { gatherAnswers, hoverView, isAddressMatch, waitAtMost, type HoverAction, type HoverLookups, type HoverSection, type NoLookupReason } from '../core/hoverView';
import type { Line } from '../core/lookupView';
import { srvQueryFor } from '../core/srvNames';
import { Commands } from './commandIds';
import { hostMatchAt, matchRange } from './hostsInDocument';
import { kubernetesPreviewFor } from './kubernetesManifests';
import { escapeMarkdownText } from './untrustedText';

/** How long a hover waits for a lookup before it shows "resolving…" (the next hover shows the answer). */
const HOVER_WAIT_MS = 400;
/** How long a hover waits, the first time, for the lines that explain an answer (two helper round trips, no network). */
const INSIGHT_WAIT_MS = 250;

/** Only our own commands may run from hover links, whatever a DNS answer contains. */
const HOVER_COMMANDS: Record<HoverAction, string> = {
  showGetaddrinfo: Commands.showGetaddrinfo,
  copyLookupJson: Commands.copyLookupJson,
  resolveHostname: Commands.resolveHostname,
};

/**
 * Hover on a hostname, IP or URL: what the system resolver returns for it, without blocking the editor. The
 * model (core/hoverView.ts) decides what is shown; this gathers the answers and renders the model as markdown.
 * `lookupBlock` says why nothing may be looked up on its own (untrusted workspace, netlens.autoResolve off).
 */
export function registerHoverProvider(lookups: HoverLookups, hostsFile: HostsFileAnswers, lookupBlock: () => NoLookupReason | null, insights: HoverInsights): vscode.Disposable {
  return vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], {
    async provideHover(document, position, token) {
      const match = hostMatchAt(document, position);
      if (!match) return undefined;
      const noLookup = lookupBlock();
      const answers = noLookup || match.kind === 'network' || srvQueryFor(match) ? { lookup: undefined, machine: undefined, reverse: undefined } : await gatherAnswers(match.host, isAddressMatch(match), lookups, HOVER_WAIT_MS, token);
      if (!answers) return undefined;
      const kubernetes = kubernetesPreviewFor(document, match)?.preview ?? null;
      const pending = answers.lookup ? insights.forLookup(answers.lookup) : undefined;
      // Computed once per lookup and cached: a short wait the first time, none after (the next hover has them).
      const insight = pending && (await waitAtMost(pending, INSIGHT_WAIT_MS, token));
      if (token.isCancellationRequested) return undefined;
      const sections = hoverView({ match, noLookup, ...answers, hostsFile: hostsFile.answer(match.host), now: Date.now(), kubernetes, insight });
      return new vscode.Hover(sections.map(renderSection), matchRange(match));
    },
  });
}

function renderSection(section: HoverSection): vscode.MarkdownString {
  // No theme icons: a name like `$(zap)` from DNS or a hosts file must stay text (and no section needs icons).
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = { enabledCommands: Object.values(HOVER_COMMANDS) };
  md.supportHtml = false;
  const blocks: string[] = [];
  if (section.title !== null) blocks.push(`**NetLens** · ${escapeMarkdownText(section.title)}`);
  for (const paragraph of section.paragraphs) blocks.push(paragraph.map(renderLine).join('  \n'));
  if (section.links.length) blocks.push(section.links.map((link) => commandLink(link.title, HOVER_COMMANDS[link.action], link.host)).join(' · '));
  md.appendMarkdown(blocks.join('\n\n'));
  return md;
}

/**
 * Our words and data alike become markdown that renders as exactly their text: data (names from documents, files
 * and DNS) is attacker-controlled, and our words may contain `*` or `_` too.
 */
function renderLine(line: Line): string {
  return line.map((part) => escapeMarkdownText('words' in part ? part.words : part.data)).join('');
}

/**
 * A link to one of our commands with `host` as its argument. encodeURIComponent leaves `()!'*~` alone, and a `)`
 * would end the link target early and let the rest of the host be read as markdown: encode those too.
 */
function commandLink(title: string, command: string, host: string): string {
  const args = encodeURIComponent(JSON.stringify([host])).replace(/[()!'*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeMarkdownText(title)}](command:${command}?${args})`;
}
