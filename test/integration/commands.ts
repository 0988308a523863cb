import * as vscode from 'vscode';

/**
 * Runs a NetLens command as a test would call it and returns its result, then closes the quick pick or input box
 * the command left open, so the next test starts from a clean workbench.
 */
export async function runCommand<T>(command: string, ...args: unknown[]): Promise<T> {
  const result = await vscode.commands.executeCommand<T>(command, ...args);
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return result;
}
