import * as vscode from 'vscode';
import { hostAtPosition } from '../core/hostAtPosition';
import { scanLine, type HostMatch, type UrlMatch } from '../core/scanner';
import { schemePort } from '../core/urlPort';

/** The scanner options from the settings (netlens.privateSuffixes). */
export function scanOptions(): { privateSuffixes: string[] } {
  const suffixes = vscode.workspace.getConfiguration('netlens').get<unknown>('privateSuffixes', []);
  return { privateSuffixes: Array.isArray(suffixes) ? suffixes.filter((s): s is string => typeof s === 'string') : [] };
}

/**
 * The host token at the active editor's cursor, for pre-filling a command's input (the user confirms it, so
 * this is looser than the scanner: any host-shaped token), or null.
 */
export function hostAtCursor(): string | null {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return null;
  const { active } = editor.selection;
  return hostAtPosition(editor.document.lineAt(active.line).text, active.character);
}

/** The scanner's match under a position (hover, commands), or undefined: one scanner decides what is a host. */
export function hostMatchAt(document: vscode.TextDocument, position: vscode.Position): HostMatch | undefined {
  const line = document.lineAt(position.line).text;
  return scanLine(line, position.line, scanOptions()).find((m) => position.character >= m.character && position.character <= m.character + m.length);
}

export function matchRange(match: HostMatch): vscode.Range {
  return new vscode.Range(match.line, match.character, match.line, match.character + match.length);
}

/** The port a URL match means (explicit, from the services database, or a well-known default); null if unknown or invalid. */
export function portOf(match: UrlMatch): ReturnType<typeof schemePort> | null {
  try {
    return schemePort(match.portScheme, match.explicitPort);
  } catch {
    return null; // an explicit port Python would reject (out of range): no hint rather than a wrong one
  }
}
