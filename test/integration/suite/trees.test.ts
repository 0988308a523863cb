import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import type { HostLookup } from '../../../src/core/lookupView';
import type { RenderedRow } from '../../../src/extension/machineTree';

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

describe('This Machine: where the resolver runs', () => {
  before(async () => {
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  it('shows this machine’s name, C library, resolv.conf, the resolver in front of DNS and the context, as the facts say', async () => {
    await vscode.commands.executeCommand('netlens.showThisMachine');
    const rows = await vscode.commands.executeCommand<RenderedRow[]>('netlens.refreshMachine');
    const shown = (description: string): RenderedRow => {
      const found = rows.find((r) => r.description === description || r.description.startsWith(`${description} · `) || r.description.endsWith(` · ${description}`));
      assert.ok(found, `a row "${description}" in ${JSON.stringify(rows, null, 1)}`);
      return found;
    };
    assert.equal(shown('machine').label, os.hostname());
    const getconf = spawnSync('getconf', ['GNU_LIBC_VERSION'], { encoding: 'utf8' });
    assert.equal(shown('C library').label, getconf.stdout.trim(), 'glibc and its version, as getconf says');

    // resolv.conf as a grep reads it: inside the test namespace, the fixture's (127.0.0.1, timeout:1 attempts:1).
    const text = fs.readFileSync('/etc/resolv.conf', 'utf8');
    const nameservers = [...text.matchAll(/^\s*nameserver\s+(\S+)/gm)].map((m) => m[1]).slice(0, 3);
    const options = [...text.matchAll(/^\s*options\s+(.+)$/gm)].flatMap((m) => m[1].trim().split(/\s+/));
    const conf = shown('resolv.conf in force');
    assert.deepEqual(conf.children.filter((r) => r.description === 'nameserver').map((r) => r.label), nameservers);
    if (options.length) assert.equal(conf.children.find((r) => r.description === 'options')?.label, options.join(' '));

    const stub = shown('resolver in front of DNS');
    const loopback = nameservers.find((ns) => ns.startsWith('127.') || ns === '::1');
    if (process.env.NETLENS_DNS_FIXTURE === '1') assert.equal(stub.label, 'DNS server on this machine', 'the fixture DNS server on 127.0.0.1');
    assert.equal(stub.description, loopback ? `${loopback} · resolver in front of DNS` : 'resolver in front of DNS');

    // code-server's extension host inherits its CODE_SERVER_* variables; desktop VS Code has none.
    const codeServer = !!(process.env.CODE_SERVER_PARENT_PID || process.env.CODE_SERVER_SESSION_SOCKET);
    const context = shown('context');
    const docker = fs.existsSync('/.dockerenv');
    assert.equal(context.label, codeServer ? 'code-server' : docker ? 'container (Docker)' : 'local machine', context.tooltip ?? '');
    // code-server in a container: the row also says what the machine is (its resolv.conf is the container's).
    assert.equal(context.description, codeServer && docker ? 'context · in a container (Docker)' : 'context');
    if (vscode.env.remoteName) assert.ok(context.tooltip?.includes(`vscode.env.remoteName: ${vscode.env.remoteName}`), context.tooltip ?? '');
    console.log(`This Machine environment: remoteName ${String(vscode.env.remoteName)}; ${rows.map((r) => `${r.label} (${r.description})`).join('; ')}`);
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
