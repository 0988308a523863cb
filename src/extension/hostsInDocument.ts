import * as vscode from 'vscode';
import { settings } from './settings';
import { hostMatchInLine } from '../core/hostAtPosition';
import { isHostToResolve, type HostMatch } from '../core/scanner';

/** The scanner options from the settings (netlens.privateSuffixes). */
export function scanOptions(): { privateSuffixes: string[] } {
  return { privateSuffixes: settings.privateSuffixes() };
}

/** The host at the active editor's cursor (hostMatchInLine's rule), for the commands' pre-fills, or null. */
export function hostAtCursor(): string | null {
  const editor = vscode.window.activeTextEditor;
  const match = editor && hostMatchAt(editor.document, editor.selection.active);
  return match && isHostToResolve(match) ? match.host : null;
}

/**
 * The scanner's match under a position (hover, commands), or undefined: one scanner decides what is a host.
 * On a long line only a window around the position is scanned, so a hover costs the same on a 10 MB line.
 */
export function hostMatchAt(document: vscode.TextDocument, position: vscode.Position): HostMatch | undefined {
  if (looksBinary(document)) return undefined;
  return hostMatchInLine(document.lineAt(position.line).text, position.line, position.character, scanOptions());
}

/** How much of a document is checked for NUL characters (git checks the first 8000 bytes the same way). */
const BINARY_SAMPLE_CHARS = 8192;
const binaryChecks = new WeakMap<vscode.TextDocument, { version: number; binary: boolean }>();

/**
 * Whether a document is binary content opened as text ("Open Anyway" on an image or an executable): a NUL among
 * its first 8 KB, git's rule. Scanning random bytes finds only noise (`Úè.tw`, `1::`), never a host to look up.
 */
export function looksBinary(document: vscode.TextDocument): boolean {
  const known = binaryChecks.get(document);
  if (known && known.version === document.version) return known.binary;
  const sample = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(BINARY_SAMPLE_CHARS)));
  const binary = sample.includes('\0');
  binaryChecks.set(document, { version: document.version, binary });
  return binary;
}

export function matchRange(match: HostMatch): vscode.Range {
  return new vscode.Range(match.line, match.character, match.line, match.character + match.length);
}
