import * as vscode from 'vscode';
import type { ResolverService } from './resolverService';

/** Commands about the helper process itself: show its log, restart it. */
export function registerHelperCommands(service: ResolverService, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('netlens.showLog', () => log.show()),
    vscode.commands.registerCommand('netlens.restartHelper', async () => {
      service.client.restart('requested by the user');
      const pong = await service.client.ping();
      const text = pong.ok
        ? `NetLens: resolver helper running (pid ${pong.value.pid}, backend ${pong.value.backend}${pong.value.backendNote ? `: ${pong.value.backendNote}` : ''}).`
        : `NetLens: the resolver helper did not start: ${pong.error.message}`;
      void vscode.window.showInformationMessage(text);
      return pong;
    })
  );
}
