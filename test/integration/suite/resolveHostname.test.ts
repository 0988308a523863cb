import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ResolveHostnameResult } from '../../../src/extension/resolveHostnameCommand';
import { FIXTURE } from '../../fixtures/dns/zone';
import { hasPython, python } from '../../support/python';

const EXTENSION_ID = 'netlens.netlens';

/** What python3 says for the same call the command makes: getaddrinfo(host, None, 0, SOCK_STREAM, 0, AI_CANONNAME). */
function pythonAnswer(host: string): { addresses: string[]; canonname: string } | { kind: string; errno: number | null; message: string } {
  return python(
    `try:\n` +
      `    rows = socket.getaddrinfo(${JSON.stringify(host)}, None, 0, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)\n` +
      `    addrs = []\n` +
      `    [addrs.append(r[4][0]) for r in rows if r[4][0] not in addrs]\n` +
      `    print(json.dumps({'addresses': addrs, 'canonname': rows[0][3]}))\n` +
      `except Exception as e:\n` +
      `    print(json.dumps(err(e)))`
  );
}

async function resolveHostname(host?: string): Promise<ResolveHostnameResult> {
  const result = await vscode.commands.executeCommand<ResolveHostnameResult | undefined>('netlens.resolveHostname', host);
  assert.ok(result, 'the command returned a result');
  // Close the quick pick the command opened, so the next test starts clean.
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return result;
}

describe('NetLens: Resolve Hostname… in a real editor', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed in the test editor`);
    await extension.activate();
  });

  it('resolves localhost through the helper, as python3 does', async () => {
    const result = await resolveHostname('localhost');
    assert.equal(result.ok, true, JSON.stringify(result.error));
    assert.ok(result.addresses.includes('127.0.0.1') || result.addresses.includes('::1'), result.addresses.join());
    assert.ok(result.elapsedMs !== null && result.elapsedMs >= 0);
    if (hasPython()) {
      const expected = pythonAnswer('localhost');
      assert.ok('addresses' in expected, JSON.stringify(expected));
      assert.deepEqual(result.addresses, expected.addresses, 'same addresses in the same order as python3');
      if (result.backend === 'native') assert.equal(result.canonicalName, expected.canonname);
    }
  });

  describe('against the DNS fixture', function () {
    before(function () {
      if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip(); // outside the fixture namespace: no DNS tests
    });

    it('follows a CNAME chain: canonical name and every address in the system resolver’s order', async () => {
      const { alias, canonical, v4, v6 } = FIXTURE.cnameChain;
      const result = await resolveHostname(alias);
      assert.equal(result.ok, true, JSON.stringify(result.error));
      assert.deepEqual([...result.addresses].sort(), [v4, v6].sort());
      assert.equal(result.backend, 'native', 'the native addon is loaded in the editor');
      assert.equal(result.canonicalName, canonical);
      if (hasPython()) {
        const expected = pythonAnswer(alias);
        assert.ok('addresses' in expected, JSON.stringify(expected));
        assert.deepEqual(result.addresses, expected.addresses);
        assert.equal(result.canonicalName, expected.canonname);
      }
    });

    it('reports NXDOMAIN in Python’s words: [Errno -2] Name or service not known', async () => {
      const result = await resolveHostname(FIXTURE.nxdomain);
      assert.equal(result.ok, false);
      assert.ok(result.error);
      assert.equal(result.error.text, '[Errno -2] Name or service not known');
      assert.equal(result.error.kind, 'gaierror');
      assert.equal(result.error.code, 'EAI_NONAME');
      if (hasPython()) assert.deepEqual(pythonAnswer(FIXTURE.nxdomain), { kind: 'gaierror', errno: -2, message: 'Name or service not known' });
    });

    it('reports SERVFAIL as [Errno -3] Temporary failure in name resolution', async () => {
      const result = await resolveHostname(FIXTURE.servfail);
      assert.equal(result.error?.text, '[Errno -3] Temporary failure in name resolution');
    });

    it('pre-fills the input box with the host under the cursor and resolves what the user accepts', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'dotenv', content: `API_URL=https://user@${FIXTURE.cnameChain.alias}:8443/v1\n` });
      const editor = await vscode.window.showTextDocument(doc);
      const column = doc.lineAt(0).text.indexOf('alias') + 2;
      editor.selection = new vscode.Selection(0, column, 0, column);
      const pending = vscode.commands.executeCommand<ResolveHostnameResult | undefined>('netlens.resolveHostname');
      // The input box opens asynchronously; accept it (as pressing Enter would) once it is there.
      let result: ResolveHostnameResult | undefined;
      for (let i = 0; i < 50 && result === undefined; i++) {
        await new Promise((r) => setTimeout(r, 100));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        result = await Promise.race([pending, new Promise<undefined>((r) => setTimeout(() => r(undefined), 50))]);
      }
      assert.ok(result, 'the command finished after the input was accepted');
      assert.equal(result.host, FIXTURE.cnameChain.alias);
      assert.equal(result.canonicalName, FIXTURE.cnameChain.canonical);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  });
});
