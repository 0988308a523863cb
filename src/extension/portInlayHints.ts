import * as vscode from 'vscode';
import { scanLines, type UrlMatch } from '../core/scanner';
import { defaultServicesDatabase } from '../core/servicesDb';
import { portOf, scanOptions } from './hostsInDocument';

/**
 * After each URL without an explicit port, an inlay hint with the port its scheme implies (`https://x` → `:443`),
 * from the services database or well-known defaults. Visible range only, no DNS, so it runs in every workspace.
 */
export function registerPortInlayHints(): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.InlayHintsProvider = {
    onDidChangeInlayHints: changed.event,
    provideInlayHints(document, range) {
      if (!vscode.workspace.getConfiguration('netlens').get<boolean>('annotations.enabled', true)) return [];
      const matches = scanLines((n) => document.lineAt(n).text, range.start.line, range.end.line + 1, scanOptions());
      const hints: vscode.InlayHint[] = [];
      for (const match of matches) {
        if (match.kind !== 'url' || match.explicitPort !== null) continue;
        const port = portOf(match);
        if (!port || port.port === null) continue;
        const hint = new vscode.InlayHint(new vscode.Position(match.line, match.character + authorityEnd(match)), `:${port.port}`, vscode.InlayHintKind.Parameter);
        hint.tooltip =
          port.portSource === 'service'
            ? `${match.portScheme} → ${port.port} (${port.service ?? match.portScheme} in ${defaultServicesDatabase().source})`
            : `${match.portScheme} → ${port.port} (well-known default: the services database has no ${match.portScheme})`;
        hints.push(hint);
      }
      return hints;
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerInlayHintsProvider([{ scheme: 'file' }, { scheme: 'untitled' }], provider),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('netlens.annotations.enabled') || e.affectsConfiguration('netlens.privateSuffixes')) changed.fire();
    })
  );
}

/** Offset (within the match) where a port would be written: the end of the authority, after `]` for IPv6. */
function authorityEnd(match: UrlMatch): number {
  const text = match.text;
  const start = text.indexOf('//') + 2;
  const rest = text.slice(start);
  const end = rest.search(/[/?#]/);
  return start + (end === -1 ? rest.length : end);
}
