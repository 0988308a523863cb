// Reading NetLens hovers in the in-editor tests the way a screen reader gets them: the hover provider's markdown
// source through vscode.executeHoverProvider, and that source turned back into the text shown.
import * as vscode from 'vscode';

export interface HoverSeen {
  /** The markdown source of every hover section, joined by newlines. */
  text: string;
  /** The same as shown on screen (escapes and &nbsp; undone, bold markers dropped). */
  plain: string;
  ranges: vscode.Range[];
}

/** The hover backslash-escapes ASCII punctuation (CommonMark) and turns blanks into &nbsp;: undo that to compare text. */
export function plainText(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\*\*/g, '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<HoverSeen> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  const text = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
  return { text, plain: plainText(text), ranges: hovers.flatMap((h) => (h.range ? [h.range] : [])) };
}

/** Hovers until the answer replaces "resolving…" (a slow lookup answers on a later hover). */
export async function settledHover(doc: vscode.TextDocument, position: vscode.Position): Promise<HoverSeen> {
  for (let i = 0; i < 40; i++) {
    const hover = await hoverText(doc, position);
    if (hover.text && !hover.text.includes('resolving…')) return hover;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the hover at ${position.line}:${position.character} never showed an answer`);
}
