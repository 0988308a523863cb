// First in-editor test: the extension is present, activates, and registers its commands.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'netlens.netlens';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

describe('NetLens smoke (in the editor)', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repository root?)`);
    extension = found;
    // Activate explicitly: onStartupFinished may not have fired yet when the test runner starts.
    await extension.activate();
  });

  it('is active', () => {
    assert.strictEqual(extension.isActive, true);
  });

  it('registers the netlens.resolveHostname command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('netlens.resolveHostname'), 'netlens.resolveHostname is not registered');
  });

  it('contributes its commands under the NetLens category', () => {
    const pkg = extension.packageJSON as { contributes?: { commands?: ContributedCommand[] } };
    const contributed = pkg.contributes?.commands ?? [];
    const resolve = contributed.find((c) => c.command === 'netlens.resolveHostname');
    assert.ok(resolve, 'package.json does not contribute netlens.resolveHostname');
    assert.strictEqual(resolve.category, 'NetLens');
  });
});
