import * as vscode from 'vscode';
import type { CommandId } from './commandIds';
import { withoutLinks } from './untrustedText';

/**
 * The one funnel every NetLens command goes through (as git's `createCommand`): a command that throws is reported
 * to the user one way — an error notification in their words with a "Show Log" action — and logged with its
 * stack, instead of an unhandled rejection that VS Code shows as "command 'netlens.x' resulted in an error".
 * Made once in activate() and passed to the features that register commands.
 */
export class CommandRegistry {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  register<A extends unknown[], R>(id: CommandId, handler: (...args: A) => R): vscode.Disposable {
    return vscode.commands.registerCommand(id, (...args: A) => this.run(id, () => handler(...args)));
  }

  private async run<R>(id: CommandId, call: () => R): Promise<Awaited<R> | undefined> {
    try {
      return await call();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.error(`${id} failed: ${err instanceof Error && err.stack ? err.stack : message}`);
      const showLog = vscode.l10n.t('Show Log');
      // The message may carry what a user typed or a name from DNS: no links in it.
      void vscode.window.showErrorMessage(withoutLinks(vscode.l10n.t('NetLens: {0} failed: {1}', id, message)), showLog).then((picked) => {
        if (picked === showLog) this.log.show();
      });
      return undefined;
    }
  }
}
