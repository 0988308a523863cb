import * as assert from 'node:assert/strict';
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { HostLookup } from '../../../src/core/lookupView';
import { runCommand } from '../commands';
import { queriesFor } from '../../support/fixtureLog';

describe('untrusted workspace: names in files are not leaked to DNS', function () {
  before(async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip(); // the proof needs the fixture server's query log
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  it('runs in Restricted Mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('hovering canary hostnames makes zero DNS queries, and says why', async () => {
    const marker = `canary-${crypto.randomBytes(4).toString('hex')}`;
    const names = [`${marker}-a.netlens.test`, `${marker}-b.netlens.test`, `db.${marker}.netlens.test`];
    const doc = await vscode.workspace.openTextDocument({
      language: 'dotenv',
      content: `A=https://${names[0]}/x\nB=${names[1]}:5432\nC=postgres://u@${names[2]}/db\n`,
    });
    await vscode.window.showTextDocument(doc);
    for (let line = 0; line < names.length; line++) {
      const column = doc.lineAt(line).text.indexOf(names[line]) + 3;
      for (let i = 0; i < 3; i++) {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, column));
        const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
        const plain = text.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
        assert.match(plain, /not trusted/);
        if (line === 0) assert.ok(plain.includes('https:// → port 443'), `offline facts still shown: ${plain}`);
      }
    }
    await new Promise((r) => setTimeout(r, 1500)); // time for any stray lookup to reach the server
    assert.deepEqual(queriesFor(marker), [], 'no query for any canary name');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an explicit command still resolves (and its query is visible in the log, so the check above can fail)', async () => {
    const marker = `explicit-${crypto.randomBytes(4).toString('hex')}`;
    const result = await runCommand<HostLookup>('netlens.resolveHostname', `${marker}.netlens.test`);
    assert.equal(result.error?.text, '[Errno -2] Name or service not known');
    assert.ok(queriesFor(marker).length > 0, 'the explicit lookup reached the fixture server');
  });
});
