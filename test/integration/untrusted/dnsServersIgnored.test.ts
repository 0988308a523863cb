import * as assert from 'node:assert/strict';
import * as crypto from 'crypto';
import * as dgram from 'dgram';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Outcome } from '../../../src/core/addrinfo';
import type { DnsReport } from '../../../src/core/directDns';
import { runCommand } from '../commands';

/** The server test/fixtures/untrusted-workspace/.vscode/settings.json asks NetLens to use. */
const WORKSPACE_DNS_SERVER = '127.0.0.2';

function sendProbe(text: string): Promise<void> {
  const client = dgram.createSocket('udp4');
  return new Promise<void>((resolve, reject) => client.send(Buffer.from(text, 'latin1'), 53, WORKSPACE_DNS_SERVER, (err) => (err ? reject(err) : resolve()))).finally(() => client.close());
}

describe('untrusted workspace: its own netlens.dnsServers is ignored', function () {
  let socket: dgram.Socket | undefined;
  const received: string[] = [];

  before(async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip(); // the lookup below needs the fixture namespace
    // Listen where the workspace wants queries to go, so a leak is seen rather than lost.
    const s = dgram.createSocket('udp4');
    s.on('message', (msg) => received.push(msg.toString('latin1')));
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.bind(53, WORKSPACE_DNS_SERVER, () => resolve());
    });
    socket = s;
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  after(() => socket?.close());

  /** Waits (up to 2 s) until a datagram containing `text` has arrived. */
  async function seen(text: string): Promise<boolean> {
    for (let i = 0; i < 40 && !received.some((q) => q.includes(text)); i++) await new Promise((r) => setTimeout(r, 50));
    return received.some((q) => q.includes(text));
  }

  it('asks the system’s name server, not the one the untrusted workspace names', async () => {
    // Else this would prove nothing: the workspace does set the server (VS Code itself hides the value in Restricted
    // Mode, so read the file), and a query sent there would be seen.
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    assert.match(fs.readFileSync(path.join(folder, '.vscode', 'settings.json'), 'utf8'), /"netlens\.dnsServers": \["127\.0\.0\.2"\]/);
    await sendProbe('control-probe');
    assert.ok(await seen('control-probe'), `the listener on ${WORKSPACE_DNS_SERVER} sees what is sent there`);
    const marker = `ws-dns-${crypto.randomBytes(4).toString('hex')}`;
    const outcome = await runCommand<Outcome<DnsReport>>('netlens.compareResolvers', `${marker}.netlens.test`);
    assert.ok(outcome?.ok, JSON.stringify(outcome));
    assert.ok(!outcome.value.servers.some((s) => s.includes(WORKSPACE_DNS_SERVER)), `servers used: ${outcome.value.servers.join(', ')}`);
    await new Promise((r) => setTimeout(r, 500));
    await sendProbe('after-probe'); // datagrams on loopback arrive in order: once this is seen, any leak was too
    assert.ok(await seen('after-probe'));
    assert.deepEqual(received.filter((q) => q.includes(marker)), [], `no query reached ${WORKSPACE_DNS_SERVER}`);
  });
});
