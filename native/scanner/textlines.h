/* textLines.ts: the lines of a text (or of a piece of one) with their 0-based numbers, over UTF-8 bytes. */
#ifndef NETLENS_SCANNER_TEXTLINES_H
#define NETLENS_SCANNER_TEXTLINES_H
#include "base.h"

/*
 * TextLines over the bytes [text, text + len). `\n`, `\r\n` and `\r` end a line and are ASCII bytes that UTF-8
 * never uses inside a character (and that end any malformed sequence), so the lines are those of the decoded text
 * and a line's bytes decode to the TypeScript's line. After a text_lines_next() that returned true, the current
 * line is [lineStart, lineEnd), its number lineNo, and ascii whether its bytes are all ASCII.
 */
typedef struct {
  const u8 *text;
  int len;
  int lineStart;
  int lineEnd;
  int lineNo;
  bool ascii;
  int start;
  /* Where the lines stop: after the last byte of a piece, one past it (the final line) of a whole text. */
  int last;
} TextLines;

/* `new TextLines(text, firstLine, piece)`. */
void text_lines_init(TextLines *t, const u8 *text, int len, int firstLine, bool piece);
/* next(): moves to the next line; false when there is none. */
bool text_lines_next(TextLines *t);
/* countLineEnds(bytes): how many lines TextLines reads in a piece, `\r\n` counted once. */
int count_line_ends(const u8 *bytes, int len);

#endif
