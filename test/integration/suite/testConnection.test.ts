import * as assert from 'node:assert/strict';
import * as net from 'net';
import * as vscode from 'vscode';
import type { ConnectionMessage } from '../../../src/client/addrinfoPanelLookups';
import { hasPython, python } from '../../support/python';

function listen(): Promise<{ server: net.Server; port: number; accepted: () => number }> {
  let count = 0;
  const server = net.createServer((s) => {
    count++;
    s.on('error', () => undefined).destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as net.AddressInfo).port, accepted: () => count }));
  });
}

describe('NetLens: Test Connection in a real editor', function () {
  this.timeout(30000);
  before(async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip(); // connects only inside the fixture namespace
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('with host:port: every address of localhost in getaddrinfo order; the 127.0.0.1 listener accepts', async () => {
    const { server, port, accepted } = await listen();
    try {
      const message = await vscode.commands.executeCommand<ConnectionMessage | undefined>('netlens.testConnection', `localhost:${port}`);
      assert.ok(message?.outcome.ok, JSON.stringify(message));
      const addresses = message.outcome.value.attempts.map((a) => a.address);
      if (hasPython()) assert.deepEqual(addresses, python<string[]>(`print(json.dumps(list(dict.fromkeys(ai[4][0] for ai in socket.getaddrinfo('localhost', ${port}, 0, socket.SOCK_STREAM)))))`));
      assert.equal(message.outcome.value.attempts.find((a) => a.address === '127.0.0.1')?.result, 'connected');
      assert.equal(accepted(), 1);
    } finally {
      server.close();
    }
  });

  it('from the URL under the cursor: its port, and no TLS for http://', async () => {
    const { server, port } = await listen();
    try {
      const doc = await vscode.workspace.openTextDocument({ language: 'dotenv', content: `API=http://127.0.0.1:${port}/health\n` });
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(0, 12, 0, 12);
      const message = await vscode.commands.executeCommand<ConnectionMessage | undefined>('netlens.testConnection');
      assert.ok(message, 'the command ran on the URL under the cursor');
      assert.deepEqual(message.target, { host: '127.0.0.1', port, tls: false });
      assert.ok(message.outcome.ok);
      assert.deepEqual(message.outcome.value.attempts.map((a) => [a.address, a.result]), [['127.0.0.1', 'connected']]);
    } finally {
      server.close();
    }
  });
});
