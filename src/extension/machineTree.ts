import * as os from 'os';
import * as vscode from 'vscode';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import { pyGetfqdn } from '../client/pythonSocket';
import { tryAddressFacts } from '../core/addressFacts';
import { addressRangeWords } from '../core/lookupView';
import type { ResolverClient } from '../client/resolverClient';
import { resolverEnvironment } from '../client/resolverEnvironment';
import { environmentRows, type EnvironmentRow, type EnvironmentRowKind } from '../core/environmentView';

/** The ranges an interface address is in; none for what ipaddress does not accept. */
function rangeWordsOf(address: string): string[] {
  const facts = tryAddressFacts(address);
  return facts ? addressRangeWords(facts) : [];
}

const ROW_ICONS: Record<EnvironmentRowKind, string> = {
  context: 'remote',
  machine: 'vm',
  libc: 'library',
  'resolv-conf': 'file',
  nameserver: 'server',
  search: 'search',
  options: 'settings',
  stub: 'server-process',
  upstream: 'arrow-right',
  nscd: 'database',
  note: 'info',
};

/** A row of the environment group: the model's plain text, as labels, descriptions and tooltips show it. */
function environmentItem(row: EnvironmentRow): vscode.TreeItem {
  const item = new vscode.TreeItem(row.label, row.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.description = row.description;
  item.tooltip = row.tooltip ?? undefined;
  item.iconPath = new vscode.ThemeIcon(ROW_ICONS[row.kind]);
  return item;
}

/** What the environment group shows, as rendered (returned by Refresh This Machine, for tests and scripts). */
export interface RenderedRow {
  label: string;
  description: string;
  tooltip: string | null;
  children: RenderedRow[];
}

function rendered(row: EnvironmentRow): RenderedRow {
  const item = environmentItem(row);
  const text = (value: string | vscode.MarkdownString | boolean | undefined): string | null => (typeof value === 'string' ? value : null);
  return { label: text(typeof item.label === 'object' ? item.label.label : item.label) ?? '', description: text(item.description) ?? '', tooltip: text(item.tooltip), children: row.children.map(rendered) };
}

type MachineNode =
  | { kind: 'environment' }
  | { kind: 'environmentRow'; row: EnvironmentRow }
  | { kind: 'hostname' }
  | { kind: 'fqdn' }
  | { kind: 'interface'; name: string; addresses: os.NetworkInterfaceInfo[] }
  | { kind: 'address'; info: os.NetworkInterfaceInfo };

/**
 * The "This Machine" view: the host name as the resolver helper sees it (gethostname, on the workspace side in
 * remote setups), where its resolver runs (context, C library, resolv.conf, the resolver in front of DNS, nscd),
 * and the network interfaces with their addresses. Nothing here sends a DNS query.
 */
export function registerMachineTree(commands: CommandRegistry, client: ResolverClient): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  let hostname: string | undefined;
  let fqdn: string | undefined;
  let environment: Promise<EnvironmentRow[]> | undefined;
  // Asked of the helper: it runs where the resolver runs. remoteName is VS Code's word on how it got there.
  const environmentRowsOnce = (): Promise<EnvironmentRow[]> =>
    (environment ??= resolverEnvironment(client, vscode.env.remoteName ?? null).then((answer) => {
      if (answer.ok) return environmentRows(answer.value);
      environment = undefined; // asked again on the next expand: the helper may be back
      return [{ kind: 'note', label: vscode.l10n.t('unknown ({0})', answer.error.message), description: '', tooltip: null, children: [] }];
    }));
  const provider: vscode.TreeDataProvider<MachineNode> = {
    onDidChangeTreeData: changed.event,
    async getChildren(node) {
      if (!node) {
        const interfaces = Object.entries(os.networkInterfaces()).map(([name, infos]): MachineNode => ({ kind: 'interface', name, addresses: infos ?? [] }));
        return [{ kind: 'hostname' }, { kind: 'fqdn' }, { kind: 'environment' }, ...interfaces];
      }
      if (node.kind === 'environment') return (await environmentRowsOnce()).map((row): MachineNode => ({ kind: 'environmentRow', row }));
      if (node.kind === 'environmentRow') return node.row.children.map((row): MachineNode => ({ kind: 'environmentRow', row }));
      return node.kind === 'interface' ? node.addresses.map((info): MachineNode => ({ kind: 'address', info })) : [];
    },
    async getTreeItem(node) {
      switch (node.kind) {
        case 'environment': {
          const item = new vscode.TreeItem(vscode.l10n.t('Resolver environment'), vscode.TreeItemCollapsibleState.Expanded);
          item.iconPath = new vscode.ThemeIcon('server-environment');
          return item;
        }
        case 'environmentRow':
          return environmentItem(node.row);
        case 'hostname': {
          if (hostname === undefined) {
            const answer = await client.request('gethostname', {});
            hostname = answer.ok ? answer.value.hostname : vscode.l10n.t('unknown ({0})', answer.error.message);
          }
          const item = new vscode.TreeItem(hostname, vscode.TreeItemCollapsibleState.None);
          item.description = 'gethostname()';
          item.iconPath = new vscode.ThemeIcon('vm');
          return item;
        }
        case 'fqdn': {
          if (fqdn === undefined) {
            const answer = await pyGetfqdn(client);
            fqdn = answer.ok ? answer.value : vscode.l10n.t('unknown ({0})', answer.error.message);
          }
          const item = new vscode.TreeItem(fqdn, vscode.TreeItemCollapsibleState.None);
          item.description = 'getfqdn()';
          item.iconPath = new vscode.ThemeIcon('globe');
          return item;
        }
        case 'interface': {
          const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
          const mac = node.addresses.find((a) => a.mac && a.mac !== '00:00:00:00:00:00')?.mac;
          item.description = [node.addresses.some((a) => a.internal) ? vscode.l10n.t('loopback') : '', mac ?? ''].filter(Boolean).join(' · ');
          item.iconPath = new vscode.ThemeIcon('plug');
          return item;
        }
        case 'address': {
          const { info } = node;
          const address = info.family === 'IPv6' && info.scopeid ? `${info.address}%${info.scopeid}` : info.address;
          const item = new vscode.TreeItem(address, vscode.TreeItemCollapsibleState.None);
          item.description = [info.family, info.cidr ?? info.netmask, ...rangeWordsOf(info.address)].join(' · ');
          item.iconPath = new vscode.ThemeIcon('symbol-numeric');
          item.contextValue = 'netlens.address';
          return item;
        }
      }
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.window.registerTreeDataProvider('netlens.machine', provider),
    commands.register(Commands.showThisMachine, () => vscode.commands.executeCommand('netlens.machine.focus')),
    commands.register(Commands.refreshMachine, async (): Promise<RenderedRow[]> => {
      hostname = undefined;
      fqdn = undefined;
      environment = undefined;
      changed.fire();
      return (await environmentRowsOnce()).map(rendered);
    })
  );
}
