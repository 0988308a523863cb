/*
 * scanJson.ts: `netlens scan --json`'s array elements written by the C (pieceJson and matchJsonText), a piece of
 * UTF-8 bytes at a time. The C takes the piece's ASCII lines; a line it does not take (a byte >= 128, or one
 * HostScanner_scanLine cannot hold) is handed back to JavaScript, which scans it with the TypeScript, appends its
 * elements to the same output (JsonOut_reserve, JsonOut_commit) and calls JsonOut_run again. src/cli/scanJsonWasm.ts
 * is that JavaScript.
 */
#ifndef NETLENS_SCANNER_JSONOUT_H
#define NETLENS_SCANNER_JSONOUT_H
#include "base.h"

/* What JsonOut_run returns. */
enum {
  JSON_DONE = 0,           /* the piece has no more lines: JsonOut_lineNo() is its last line's number */
  JSON_FOR_TYPESCRIPT = 1, /* the line [JsonOut_lineStart(), JsonOut_lineEnd()) of the piece, numbered JsonOut_lineNo() */
  JSON_FLUSH = 2,          /* the output holds the chunk's bytes or more: hand them on (JsonOut_clear), call again */
};

/*
 * Bytes of output after which JsonOut_run returns JSON_FLUSH (scanJson.ts's JSON_CHUNK, in bytes), until
 * JsonOut_setChunk(bytes) sets another size (a scan worker hands on a piece's JSON whole).
 */
#define JSON_CHUNK (64 * 1024)

/*
 * env.schemePort's answer when the JavaScript threw, from the native build (node/scanner_node.c; the module's call
 * unwinds instead): the scan then fails when the run returns, and the answer is not kept for a later scan.
 */
#define PORT_CALL_FAILED (-2)

/* Room for a piece's bytes: a buffer of at least `size` bytes (0 when memory cannot grow), valid until the next call. */
u8 *JsonOut_pieceBuffer(int size);
/* Starts a piece: `new TextLines(text, firstLine, !last)` over [piece, piece + len). */
void JsonOut_begin(const u8 *piece, int len, int firstLine, int last);
/* Writes the piece's lines' `,{…}` elements to the output up to the piece's end, a line for the TypeScript or a flush. */
int JsonOut_run(void);
int JsonOut_lineStart(void);
int JsonOut_lineEnd(void);
int JsonOut_lineNo(void);

/* The output: JsonOut_length() bytes at JsonOut_data(); JsonOut_clear() empties it. */
const u8 *JsonOut_data(void);
int JsonOut_length(void);
void JsonOut_clear(void);
/* Room for `size` more bytes at the output's end (0 when memory cannot grow); JsonOut_commit(n) keeps n of them. */
u8 *JsonOut_reserve(int size);
void JsonOut_commit(int n);

/*
 * A URL's port and its source, as urlPort(m) in scanJson.ts gives them for the port scheme [scheme, scheme +
 * schemeLen) (lower-case) and the explicit port [port, port + portLen) (portLen -1 for null): -1 for null/null, else
 * source * 65536 + port with source PORT_EXPLICIT, PORT_SERVICE or PORT_DEFAULT.
 */
enum { PORT_EXPLICIT = 0, PORT_SERVICE = 1, PORT_DEFAULT = 2 };
int url_port(const u8 *scheme, int schemeLen, const u8 *port, int portLen);

#endif
