/**
 * The lines of a text with their 0-based numbers: `\n`, `\r\n` and `\r` end a line, and a final line without an
 * end counts too (an empty text is one empty line). One rule for scanText and `netlens scan --json`'s stream.
 *
 *     for (const lines = new TextLines(text); lines.next(); ) scan(lines.line, lines.lineNo);
 *
 * A cursor rather than a generator, and each line end found by a native search: a large file has a line every few
 * dozen characters, and a generator's result objects and a JavaScript step per character cost more than the lines.
 *
 * A long text can be read in pieces of whole lines (`netlens scan` reads a file that way): each piece but the last
 * ends with a line end and is read with `piece` set, so that the empty "line" after its last line end is not one
 * (the next piece starts it), and numbered from `firstLine`, the count of lines before it.
 */
export class TextLines {
  /** The current line (after a next() that returned true) and its 0-based number. */
  line = '';
  lineNo: number;
  private start = 0;
  private readonly lineEnd = /[\n\r]/g;
  /** Where the lines stop: after the last character of a piece, one past it (the final line) of a whole text. */
  private readonly last: number;

  constructor(
    private readonly text: string,
    firstLine = 0,
    piece = false
  ) {
    this.lineNo = firstLine - 1;
    this.last = piece ? text.length - 1 : text.length;
  }

  /** Moves to the next line; false when there is none. */
  next(): boolean {
    const { text, start } = this;
    if (start > this.last) return false;
    this.lineEnd.lastIndex = start;
    let end = this.lineEnd.test(text) ? this.lineEnd.lastIndex - 1 : text.length;
    this.line = text.slice(start, end);
    this.lineNo++;
    if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) end++;
    this.start = end + 1;
    return true;
  }
}

/**
 * How many lines TextLines reads in a piece (`piece` set) of UTF-8 (or any ASCII-compatible) bytes: its line ends,
 * `\r\n` counted once. So that the next piece's first line number is known without decoding this one.
 */
export function countLineEnds(bytes: Uint8Array): number {
  let n = 0;
  for (let k = bytes.indexOf(10); k !== -1; k = bytes.indexOf(10, k + 1)) n++;
  // A `\r` alone ends a line too (rare: a native search first rules out most pieces).
  for (let k = bytes.indexOf(13); k !== -1; k = bytes.indexOf(13, k + 1)) if (bytes[k + 1] !== 10) n++;
  return n;
}
