import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostLookup } from '../../../src/core/lookupView';

describe('NetLens sidebar views in a real editor', () => {
  before(async () => {
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  it('opens the NetLens views and records a lookup in the Lookup History (newest first, one per host)', async () => {
    await vscode.commands.executeCommand('netlens.clearHistory');
    await vscode.commands.executeCommand('workbench.view.extension.netlens');
    const first = await vscode.commands.executeCommand<HostLookup>('netlens.resolveHostname', 'localhost');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(first.ok);
    await vscode.commands.executeCommand('netlens.resolveHostname', '127.0.0.1');
    await vscode.commands.executeCommand('netlens.resolveHostname', 'localhost');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    // The copy command of a history entry copies that lookup as JSON.
    const json = await vscode.commands.executeCommand<string>('netlens.copyHistoryEntry', { kind: 'entry', entry: { host: 'localhost', at: 0, ok: true, addresses: [], canonicalName: null, error: null, backend: null } });
    const copied = JSON.parse(json) as HostLookup;
    assert.equal(copied.host, 'localhost');
    assert.deepEqual(copied.addresses, first.addresses);
    assert.equal(await vscode.env.clipboard.readText(), json);
  });
});

describe('NetLens: Look Up Service Port… in a real editor', () => {
  it('answers from the services database, first line per protocol, as getservbyname does', async () => {
    const byName = await vscode.commands.executeCommand<{ source: string; entries: { name: string; port: number; proto: string }[] }>('netlens.lookUpServicePort', 'imaps');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(byName.source, '/etc/services');
    assert.deepEqual(byName.entries.map((e) => [e.name, e.port, e.proto]), [['imaps', 993, 'tcp']]);
    const byPort = await vscode.commands.executeCommand<{ entries: { name: string }[] }>('netlens.lookUpServicePort', '143/tcp');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(byPort.entries[0].name, 'imap2', 'glibc first-match: port 143 is imap2 on Debian');
  });
});
