import * as vscode from 'vscode';
import { useAotScanner } from '../core/scanner';

/**
 * Loads the ahead-of-time scanner (dist/scanner.wasm, native/scanner) in the background: once it is compiled, hover,
 * inlay hints and Hosts in This File scan ASCII lines through it (the same matches, faster). Until then, or if it is
 * missing or fails to compile (a build without clang, an editor without WebAssembly), the TypeScript scanner does
 * the work; the reason goes to the log, never to the user, since nothing they see changes.
 */
export function registerAotScanner(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable {
  let disposed = false;
  const file = vscode.Uri.joinPath(extensionUri, 'dist', 'scanner.wasm');
  void (async () => {
    try {
      // readFile gives a plain Uint8Array (never over shared memory), which compile takes.
      const module = await WebAssembly.compile((await vscode.workspace.fs.readFile(file)) as Uint8Array<ArrayBuffer>);
      if (disposed) return; // deactivated while it compiled: the scanners stay TypeScript
      useAotScanner(module);
      log.info(`scanner: ahead-of-time module loaded from ${file.fsPath}`);
    } catch (err) {
      log.info(`scanner: TypeScript only (${file.fsPath}: ${err instanceof Error ? err.message : String(err)})`);
    }
  })();
  return new vscode.Disposable(() => {
    disposed = true;
    useAotScanner(null);
  });
}
