import * as os from 'os';
import * as vscode from 'vscode';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import { pyGetfqdn } from '../client/pythonSocket';
import { tryAddressFacts } from '../core/addressFacts';
import { addressRangeWords } from '../core/lookupView';
import type { ResolverClient } from '../client/resolverClient';

/** The ranges an interface address is in; none for what ipaddress does not accept. */
function rangeWordsOf(address: string): string[] {
  const facts = tryAddressFacts(address);
  return facts ? addressRangeWords(facts) : [];
}

type MachineNode =
  | { kind: 'hostname' }
  | { kind: 'fqdn' }
  | { kind: 'interface'; name: string; addresses: os.NetworkInterfaceInfo[] }
  | { kind: 'address'; info: os.NetworkInterfaceInfo };

/**
 * The "This Machine" view: the host name as the resolver helper sees it (gethostname, on the workspace side in
 * remote setups), and the network interfaces with their addresses. Nothing here sends a DNS query.
 */
export function registerMachineTree(commands: CommandRegistry, client: ResolverClient): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  let hostname: string | undefined;
  let fqdn: string | undefined;
  const provider: vscode.TreeDataProvider<MachineNode> = {
    onDidChangeTreeData: changed.event,
    getChildren(node) {
      if (!node) {
        const interfaces = Object.entries(os.networkInterfaces()).map(([name, infos]): MachineNode => ({ kind: 'interface', name, addresses: infos ?? [] }));
        return [{ kind: 'hostname' }, { kind: 'fqdn' }, ...interfaces];
      }
      return node.kind === 'interface' ? node.addresses.map((info): MachineNode => ({ kind: 'address', info })) : [];
    },
    async getTreeItem(node) {
      switch (node.kind) {
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
    commands.register(Commands.refreshMachine, () => {
      hostname = undefined;
      fqdn = undefined;
      changed.fire();
    })
  );
}
