// The test editor runs as VS Code's smoke test, where every modal dialog is answered "Cancel" at once (the log says
// "Dialog requested during smoke test"): exactly a user who does not confirm.
import * as assert from 'node:assert/strict';
import * as net from 'net';
import * as vscode from 'vscode';

describe('untrusted workspace: Test Connection never connects to a host from the file on its own', function () {
  this.timeout(20000);
  before(async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  it('the host under the cursor needs the user to confirm in a modal; not confirmed, nothing connects', async () => {
    let accepted = 0;
    const server = net.createServer((s) => {
      accepted++;
      s.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const doc = await vscode.workspace.openTextDocument({ language: 'dotenv', content: `CANARY=http://127.0.0.1:${port}/\n` });
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(0, 12, 0, 12);
      const refused = await vscode.commands.executeCommand('netlens.testConnection');
      assert.equal(refused, undefined, 'the command did not test');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(accepted, 0, 'no connection was made');
      // A host the user typed (the command's argument) is the user's choice: it connects without asking.
      const typed = await vscode.commands.executeCommand<{ outcome: { ok: boolean } } | undefined>('netlens.testConnection', `127.0.0.1:${port}`);
      assert.ok(typed?.outcome.ok);
      assert.equal(accepted, 1);
    } finally {
      server.close();
    }
  });
});
