import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostLookup } from '../../../src/extension/hostLookups';
import type { ToWebviewMessage } from '../../../src/webview/messages';
import { FIXTURE } from '../../fixtures/dns/zone';
import { hasPython, python } from '../../support/python';

describe('NetLens: Show getaddrinfo Results (webview) in a real editor', () => {
  before(async () => {
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the panel, whose script (under its CSP) asks for the lookup and receives every getaddrinfo row', async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    const { alias, canonical } = FIXTURE.cnameChain;
    // The result only arrives if the webview's own script ran and posted {type: 'resolve'} back.
    const message = await Promise.race([
      vscode.commands.executeCommand<ToWebviewMessage | undefined>('netlens.showGetaddrinfo', alias),
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 20000)),
    ]);
    assert.ok(message && message.type === 'result', 'the webview script asked for the lookup and got the result');
    assert.ok(message.outcome.ok, JSON.stringify(message.outcome));
    const rows = message.outcome.value.rows;
    assert.equal(rows[0].canonname, canonical);
    if (hasPython()) {
      const expected = python<[string, string, number, string, string][]>(
        `print(json.dumps([[f.name, t.name, p, c, s[0]] for f, t, p, c, s in socket.getaddrinfo(${JSON.stringify(alias)}, None, 0, 0, 0, socket.AI_CANONNAME)]))`
      );
      assert.deepEqual(
        rows.map((r) => [r.family, r.socktype, r.proto, r.canonname, r.sockaddr[0]]),
        expected,
        'the same rows, in the same order, as python3'
      );
    }
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'NetLens: getaddrinfo');
    assert.ok(tab, 'the panel is open as an editor tab');
  });

  it('asks for a non-ASCII name what Python and the hover ask (IDNA 2003), not the raw UTF-8 name', async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    const idn = FIXTURE.idn;
    const message = await Promise.race([
      vscode.commands.executeCommand<ToWebviewMessage | undefined>('netlens.showGetaddrinfo', idn.name),
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 20000)),
    ]);
    assert.ok(message && message.type === 'result' && message.outcome.ok, JSON.stringify(message));
    const panel = [...new Set(message.outcome.value.rows.map((r) => r.sockaddr[0]))];
    assert.deepEqual(panel, [idn.v4], `${idn.name} is asked as ${idn.ascii2003} (${idn.v4}), not as UTF-8 or UTS #46 (${idn.v4Uts46})`);
    const lookup = await vscode.commands.executeCommand<HostLookup | undefined>('netlens.resolveHostname', idn.name);
    assert.deepEqual(lookup?.addresses, panel, 'the hover and Resolve Hostname get the same answer as the panel');
    if (hasPython()) {
      const expected = python<string[]>(`print(json.dumps(sorted({s[0] for *_, s in socket.getaddrinfo(${JSON.stringify(idn.name)}, None)})))`);
      assert.deepEqual(panel, expected, 'the same addresses as python3');
    }
  });
});
