/**
 * The lines of a text with their 0-based numbers: `\n`, `\r\n` and `\r` end a line, and a final line without an
 * end counts too (an empty text is one empty line). One rule for scanText and `netlens scan --json`'s stream.
 *
 *     for (const lines = new TextLines(text); lines.next(); ) scan(lines.line, lines.lineNo);
 *
 * A cursor rather than a generator, and each line end found by a native search: a large file has a line every few
 * dozen characters, and a generator's result objects and a JavaScript step per character cost more than the lines.
 */
export class TextLines {
  /** The current line (after a next() that returned true) and its 0-based number. */
  line = '';
  lineNo = -1;
  private start = 0;
  private readonly lineEnd = /[\n\r]/g;

  constructor(private readonly text: string) {}

  /** Moves to the next line; false when there is none. */
  next(): boolean {
    const { text, start } = this;
    if (start > text.length) return false;
    this.lineEnd.lastIndex = start;
    let end = this.lineEnd.test(text) ? this.lineEnd.lastIndex - 1 : text.length;
    this.line = text.slice(start, end);
    this.lineNo++;
    if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) end++;
    this.start = end + 1;
    return true;
  }
}
