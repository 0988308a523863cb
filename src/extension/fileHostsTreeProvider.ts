import * as vscode from 'vscode';
import { aceForm, type FileHost } from '../core/fileHostsIndex';
import { fileHostDescription, lookupDetailRows, lookupStatusText, type HostLookup } from '../core/lookupView';
import { srvQueryFor } from '../core/srvNames';
import { Commands } from './commandIds';
import type { FileHostsScanner } from './fileHostsScanner';
import type { HostLookups } from '../client/hostLookups';
import { matchRange } from './hostsInDocument';
import { detailNode } from './lookupText';

/** A row of the tree: a host of the file, or one row of its answer (an address, the canonical name, the error). */
export type FileHostNode = { kind: 'host'; item: FileHost } | { kind: 'detail'; label: string; description?: string; icon: string; command?: vscode.Command };

/**
 * Renders the "Hosts in This File" view from the scanner's state: one row per listed host (how often, where first,
 * and its answer once known), expanding to the answer's rows. Expanding a host resolves it (an explicit act);
 * clicking it reveals its first occurrence. Holds no state of its own but the change event.
 */
export class FileHostsTreeProvider implements vscode.TreeDataProvider<FileHostNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();

  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly scanner: FileHostsScanner,
    private readonly lookups: HostLookups
  ) {}

  /** Redraws the rows: after each scan, and as answers arrive (Resolve All). */
  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: FileHostNode): Promise<FileHostNode[]> {
    if (!node) return this.scanner.listed.map((item): FileHostNode => ({ kind: 'host', item }));
    if (node.kind !== 'host') return [];
    const srv = srvQueryFor(node.item.first);
    // getaddrinfo's answer for an SRV name (usually NXDOMAIN) says nothing about where a client connects.
    if (srv) return [{ kind: 'detail', label: srv, description: vscode.l10n.t('SRV query (getaddrinfo does not look SRV records up)'), icon: 'info' }];
    if (!vscode.workspace.isTrusted) {
      return [{ kind: 'detail', label: vscode.l10n.t('Not resolved: this workspace is not trusted'), icon: 'shield', command: { title: vscode.l10n.t('Resolve'), command: Commands.resolveHostname, arguments: [node.item.host] } }];
    }
    return lookupDetails(await this.lookups.resolve(node.item.host));
  }

  getTreeItem(node: FileHostNode): vscode.TreeItem {
    if (node.kind === 'detail') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.command = node.command;
      return item;
    }
    const { host, first, count } = node.item;
    const known = this.lookups.cached(host);
    const item = new vscode.TreeItem(host, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `file-host:${host}`;
    // `саnonical.netlens.test` (Cyrillic а) looks like a name of yours: the ACE form shows it is not.
    const ace = aceForm(host);
    if (ace) item.tooltip = vscode.l10n.t('{0} is sent as {1}', host, ace);
    item.description = fileHostDescription(ace, count, first.line + 1, srvQueryFor(first) ? undefined : known, srvQueryFor(first) !== null);
    item.iconPath = new vscode.ThemeIcon(known ? (known.ok ? 'pass' : 'error') : first.kind === 'url' ? 'link' : 'globe');
    item.contextValue = 'netlens.fileHost';
    const uri = this.scanner.documentUri;
    if (uri) {
      item.command = { title: vscode.l10n.t('Reveal'), command: 'vscode.open', arguments: [uri, { selection: matchRange(first) }] };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function lookupDetails(lookup: HostLookup): FileHostNode[] {
  if (!lookup.ok) return [{ kind: 'detail', label: lookupStatusText(lookup), description: lookup.error?.code ?? undefined, icon: 'error' }];
  return lookupDetailRows(lookup.host, lookup.canonicalName, lookup.addresses).map(detailNode);
}
