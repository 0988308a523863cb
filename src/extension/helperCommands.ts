import * as vscode from 'vscode';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import type { ResolverClient } from '../client/resolverClient';

/** Commands about the helper process itself: show its log, restart it. */
export function registerHelperCommands(commands: CommandRegistry, client: ResolverClient, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    commands.register(Commands.showLog, () => log.show()),
    commands.register(Commands.restartHelper, async () => {
      client.restart('requested by the user');
      const pong = await client.ping();
      const text = pong.ok
        ? pong.value.backendNote
          ? vscode.l10n.t('NetLens: resolver helper running (pid {0}, backend {1}: {2}).', pong.value.pid, pong.value.backend, pong.value.backendNote)
          : vscode.l10n.t('NetLens: resolver helper running (pid {0}, backend {1}).', pong.value.pid, pong.value.backend)
        : vscode.l10n.t('NetLens: the resolver helper did not start: {0}', pong.error.message);
      void vscode.window.showInformationMessage(text);
      return pong;
    })
  );
}
