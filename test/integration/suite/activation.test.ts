// Runs first (files run in name order): what activation alone does, before any test hovers or resolves.
// Issue 8: no network traffic at activation. Every lookup of the extension goes through the helper process, which
// is forked lazily, so "no helper yet" after activating, with a file full of hosts open, means no lookup was made;
// the fixture server's query log for the file's canary names is checked as well.
import * as assert from 'node:assert/strict';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { runCommand } from '../commands';
import { queriesFor } from '../../support/fixtureLog';

/** Command lines of the extension host's direct children (Linux /proc; [] elsewhere). */
function childCommandLines(): string[] {
  if (!fs.existsSync('/proc/self/stat')) return [];
  const children: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in field 2 may contain spaces and parentheses: the ppid is the 2nd field after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) children.push(fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' '));
    } catch {
      // The process exited while we looked.
    }
  }
  return children;
}

describe('activation makes no network traffic', () => {
  it('activates with a file full of hosts open without starting the resolver helper or sending a query', async () => {
    const marker = `activation-${crypto.randomBytes(4).toString('hex')}`;
    const names = [`${marker}.netlens.test`, `db.${marker}.netlens.test`];
    const doc = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: `api: https://${names[0]}/v1\ndb: postgres://app@${names[1]}:5432/app\n`,
    });
    await vscode.window.showTextDocument(doc);
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
    // Inlay hints are computed for the visible file (offline: the services database), as the editor would.
    await vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, 2, 0));
    await new Promise((r) => setTimeout(r, 1000)); // time for anything activation might have started

    const helpers = childCommandLines().filter((c) => c.includes('helper.js'));
    assert.deepEqual(helpers, [], 'no resolver helper was started by activation');
    if (process.env.NETLENS_DNS_FIXTURE === '1') assert.deepEqual(queriesFor(marker), [], 'no DNS query for names in the open file');

    // The check can fail: the first explicit lookup starts the helper.
    await runCommand('netlens.resolveHostname', 'localhost');
    assert.ok(childCommandLines().some((c) => c.includes('helper.js')), 'the helper runs once a lookup was asked for');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
