import * as vscode from 'vscode';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import { directDnsLookup } from '../client/pythonSocket';
import type { Outcome } from '../core/addrinfo';
import type { DnsReport } from '../core/directDns';
import { formatAsPythonException } from '../core/resolverError';
import { hostAtCursor } from './hostsInDocument';
import type { ResolverClient } from '../client/resolverClient';
import { settings } from './settings';
import { explainHost } from '../client/explainHost';
import { isTrace, sourceStatusText, type ExplainReport } from '../core/explainReport';
import { environmentSummary } from '../core/environmentView';
import { lineText } from '../core/lookupView';
import { searchTraceSummary } from '../core/searchTrace';
import { withoutIcons, withoutLinks } from './untrustedText';

/**
 * `NetLens: Compare System Resolver and DNS`: asks DNS directly (c-ares in the helper) and the system resolver
 * (Python's view) for one host, and lists the records and every difference (hosts file, search domains, split
 * DNS, IDN). Explicit only: hovers never do this, so a name is not sent twice.
 */
export function registerCompareResolversCommand(commands: CommandRegistry, client: ResolverClient): vscode.Disposable {
  return commands.register(Commands.compareResolvers, async (hostArg?: unknown): Promise<Outcome<DnsReport> | undefined> => {
    const host = typeof hostArg === 'string' && hostArg.trim() ? hostArg.trim() : await askForHost();
    if (!host) return undefined;
    const [outcome, explained] = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('NetLens: asking DNS and the system resolver for {0}', withoutIcons(host)) },
      () =>
        Promise.all([
          directDnsLookup(client, host, { servers: settings.dnsServers(), timeoutMs: settings.dnsTimeoutMs() }),
          // Why the system answered what it did: every nsswitch.conf source alone and the search trace (issue 15).
          explainHost(client, host, { timeoutMs: settings.lookupTimeoutMs(), remoteName: vscode.env.remoteName ?? null, network: true }),
        ])
    );
    if (!outcome.ok) {
      void vscode.window.showErrorMessage(withoutLinks(vscode.l10n.t('NetLens: {0} — {1}', host, formatAsPythonException(outcome.error))));
      return outcome;
    }
    void vscode.window.showQuickPick([...reportItems(outcome.value), ...(explained.ok ? explainItems(explained.value) : [])], { title: vscode.l10n.t('{0}: DNS ({1}) vs the system resolver', host, outcome.value.servers.join(', ') || vscode.l10n.t('no servers')), matchOnDescription: true });
    return outcome;
  });
}

/**
 * Names, PTR data and the differences' messages come from DNS servers and hosts files, and quick-pick text draws
 * `$(name)` as an icon: every piece of data goes through `text` (withoutIcons); only our own icons are markup.
 */
function reportItems(report: DnsReport): vscode.QuickPickItem[] {
  const text = withoutIcons;
  const items: vscode.QuickPickItem[] = [];
  const section = (label: string): void => void items.push({ label, kind: vscode.QuickPickItemKind.Separator });
  section(report.differences.length ? vscode.l10n.t('Differences') : vscode.l10n.t('No differences'));
  for (const d of report.differences) items.push({ label: `$(warning) ${d.kind}`, detail: text(d.message) });
  section(vscode.l10n.t('DNS (direct)'));
  if (report.cnameChain.length > 1) items.push({ label: text(report.cnameChain.join(' → ')), description: vscode.l10n.t('CNAME chain') });
  for (const [type, set] of [['A', report.a], ['AAAA', report.aaaa]] as const) {
    if (!set) continue;
    if (set.ok) for (const r of set.records) items.push({ label: r.address, description: vscode.l10n.t('{0}, TTL {1} s', type, r.ttl) });
    else items.push({ label: `${type}: ${set.code}`, description: text(set.message) });
  }
  if (report.ptr) {
    if (report.ptr.ok) for (const name of report.ptr.records) items.push({ label: text(name), description: 'PTR' });
    else items.push({ label: `PTR: ${report.ptr.code}`, description: text(report.ptr.message) });
  }
  section(text(vscode.l10n.t('System resolver ({0})', report.system.call)));
  if (report.system.ok) {
    if (report.system.canonname) items.push({ label: text(report.system.canonname), description: vscode.l10n.t('canonical name') });
    for (const a of report.system.addresses) items.push({ label: a, description: vscode.l10n.t('address') });
    for (const n of report.system.names) items.push({ label: text(n), description: vscode.l10n.t('name') });
  } else {
    items.push({ label: text(report.system.error.message), description: report.system.error.type });
  }
  return items;
}

/** The sources of the hosts line, each alone (the one getaddrinfo answered from first), then the search trace. */
function explainItems(report: ExplainReport): vscode.QuickPickItem[] {
  const text = withoutIcons;
  const items: vscode.QuickPickItem[] = [{ label: vscode.l10n.t('Why the system resolver answered this'), kind: vscode.QuickPickItemKind.Separator }];
  items.push({ label: text(lineText(environmentSummary(report.environment))), description: vscode.l10n.t('where it resolved') });
  for (const s of report.nss.sources) {
    const answered = report.nss.answeredBy === s.source;
    items.push({
      label: `${answered ? '$(arrow-right)' : '$(blank)'} ${text(s.source)}`,
      description: text([sourceStatusText(s), ...s.addresses].join('  ')),
      detail: text(s.detail),
    });
  }
  if (report.nss.note) items.push({ label: text(report.nss.note), description: vscode.l10n.t('note') });
  if (report.search && isTrace(report.search)) {
    items.push({ label: text(lineText(searchTraceSummary(report.search))), description: vscode.l10n.t('search list') });
    for (const t of report.search.tries) items.push({ label: text(t.name), description: text([t.result, ...t.addresses].join('  ')) });
  }
  return items;
}

async function askForHost(): Promise<string | undefined> {
  const underCursor = hostAtCursor();
  const typed = await vscode.window.showInputBox({ title: vscode.l10n.t('NetLens: Compare System Resolver and DNS'), prompt: vscode.l10n.t('Hostname or IP address'), value: underCursor ?? '', validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type a hostname or an IP address')) });
  return typed?.trim();
}
