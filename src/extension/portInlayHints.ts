import * as vscode from 'vscode';
import { settings } from './settings';
import { lineWindows, scanWindows } from '../core/hostAtPosition';
import { scanLine, type HostMatch, type UrlMatch } from '../core/scanner';
import { portReason, urlMatchPort } from '../core/urlPort';
import { looksBinary, scanOptions } from './hostsInDocument';
import { TimeSlices } from '../core/timeSlices';

/**
 * How long one piece of hint work may hold the extension host before it yields to other events (ms). The
 * editor asks for the visible lines, but a caller may ask for a whole 200k-line file.
 */
const SLICE_MS = 15;

/** More hints than fit on any screen: past this a request is a pathological file, not something a person reads. */
const MAX_HINTS = 5000;

/**
 * After each URL without an explicit port, an inlay hint with the port its scheme implies (`https://x` → `:443`),
 * from the services database or well-known defaults. Visible range only, no DNS, so it runs in every workspace.
 */
export function registerPortInlayHints(): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.InlayHintsProvider = {
    onDidChangeInlayHints: changed.event,
    async provideInlayHints(document, range, token) {
      if (!settings.annotationsEnabled() || looksBinary(document)) return [];
      const options = scanOptions();
      const limit = renderedLength(document);
      const hints: vscode.InlayHint[] = [];
      const slices = new TimeSlices(SLICE_MS);
      for (let line = range.start.line; line <= range.end.line && line < document.lineCount && hints.length < MAX_HINTS; line++) {
        const text = document.lineAt(line).text;
        for (const match of scanWindows(text, lineWindows(text, limit), (t) => scanLine(t, line, options))) {
          const hint = portHint(match);
          if (hint) hints.push(hint);
        }
        if ((await slices.yieldIfDue()) && token.isCancellationRequested) return undefined;
      }
      return hints.slice(0, MAX_HINTS);
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerInlayHintsProvider([{ scheme: 'file' }, { scheme: 'untitled' }], provider),
    settings.onDidChange((affects) => {
      if (affects('annotations.enabled') || affects('privateSuffixes')) changed.fire();
    })
  );
}

/**
 * The editor draws nothing of a line after `editor.stopRenderingLineAfter` characters (10,000 by default), so
 * a hint there could never be seen: on a 10 MB line, scanning past it would only block the extension host.
 */
function renderedLength(document: vscode.TextDocument): number {
  const limit = vscode.workspace.getConfiguration('editor', document).get<number>('stopRenderingLineAfter', 10_000);
  return typeof limit === 'number' && limit >= 0 ? limit : Number.POSITIVE_INFINITY;
}

function portHint(match: HostMatch): vscode.InlayHint | undefined {
  if (match.kind !== 'url' || match.explicitPort !== null) return undefined;
  const port = urlMatchPort(match);
  if (!port || port.port === null) return undefined;
  const hint = new vscode.InlayHint(new vscode.Position(match.line, match.character + authorityEnd(match)), `:${port.port}`, vscode.InlayHintKind.Parameter);
  hint.tooltip = `${match.portScheme} → ${port.port} (${portReason(port, match.portScheme)})`;
  return hint;
}

/** Offset (within the match) where a port would be written: the end of the authority, after `]` for IPv6. */
function authorityEnd(match: UrlMatch): number {
  const text = match.text;
  const start = text.indexOf('//') + 2;
  const rest = text.slice(start);
  const end = rest.search(/[/?#]/);
  return start + (end === -1 ? rest.length : end);
}
