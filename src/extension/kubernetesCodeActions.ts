import * as vscode from 'vscode';
import { hostMatchAt } from './hostsInDocument';
import { kubernetesPreviewFor } from './kubernetesManifests';

/**
 * On a host in a Kubernetes manifest, offers the cheapest way to write the Service it names — the short name,
 * `svc.namespace` or the trailing-dot FQDN — when that costs a pod fewer DNS queries than the name as written (the
 * cost is the hover's trace, computed offline). Only the name is replaced: a URL's scheme, port and path stay.
 *
 * Kind: RefactorRewrite, not QuickFix. Nothing is wrong with the name as written (it reaches the same Service, and
 * there is no diagnostic to fix); the rewrite keeps the meaning and changes the cost, which is what a rewrite
 * refactoring is. It shows in the light bulb and in Refactor…, never as a fix for a problem.
 */
export function registerKubernetesCodeActions(): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    [{ scheme: 'file' }, { scheme: 'untitled' }],
    {
      provideCodeActions(document, range) {
        const match = hostMatchAt(document, range.start);
        const found = match && kubernetesPreviewFor(document, match);
        if (!found || found.preview.kind !== 'trace' || !found.preview.cheapest) return [];
        const { trace, cheapest } = found.preview;
        const title = trace.plusNodeDomains
          ? vscode.l10n.t('Write {0}: {1} DNS queries from a pod instead of {2} and the node’s search domains', cheapest.name, cheapest.trace.queries, trace.queries)
          : vscode.l10n.t('Write {0}: {1} DNS queries from a pod instead of {2}', cheapest.name, cheapest.trace.queries, trace.queries);
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.RefactorRewrite);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, new vscode.Range(match.line, found.written.start, match.line, found.written.end), cheapest.name);
        return [action];
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.RefactorRewrite] }
  );
}
