#include "jsonout.h"
#include "hostscanner.h"
#include "textlines.h"

/*
 * schemePort(scheme, null) from JavaScript (src/cli/scanJsonWasm.ts): it reads the machine's services database.
 * The lower-case scheme [scheme, scheme + len); the answer as url_port's (-1, or source * 65536 + port).
 */
__attribute__((import_module("env"), import_name("schemePort"))) int env_scheme_port(const u8 *scheme, int len);

/* ---- The output: `,{…}` elements ---- */

static Buffer out;
static int outLen;

static inline void put_byte(int c) { out.ptr[outLen++] = (u8)c; }

static void put_str(const char *str) {
  while (*str) out.ptr[outLen++] = (u8)*str++;
}

static void put_int(int v) {
  u8 digits[12];
  int k = 0;
  unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
  if (v < 0) put_byte('-');
  do {
    digits[k++] = (u8)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  while (k > 0) put_byte(digits[--k]);
}

/* The characters JSON.stringify escapes with a letter: \b \t \n \f \r (0 for the others, written \u00XX). */
static const char SHORT_ESCAPE[32] = {['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r'};

/* One ASCII character of a JSON string as JSON.stringify writes it: at most 6 bytes. */
static void put_json_char(int c) {
  if (c == '"' || c == '\\') {
    put_byte('\\');
    put_byte(c);
  } else if (c < 0x20) {
    put_byte('\\');
    if (SHORT_ESCAPE[c] != 0) {
      put_byte(SHORT_ESCAPE[c]);
    } else {
      put_str("u00");
      put_byte("0123456789abcdef"[c >> 4]);
      put_byte("0123456789abcdef"[c & 15]);
    }
  } else {
    put_byte(c);
  }
}

/* NEEDS_ESCAPE, `/["\\\u0000-\u001f\ud800-\udfff]/`, on ASCII bytes (no surrogates): a quote, backslash or control. */
static bool needs_escape(const u8 *s, int n) {
  for (int k = 0; k < n; k++)
    if (s[k] == '"' || s[k] == '\\' || s[k] < 0x20) return true;
  return false;
}

/* jsonString(s): `JSON.stringify(s)` when NEEDS_ESCAPE finds a character to escape, else `"${s}"`. */
static void put_json_string(const u8 *s, int n) {
  put_byte('"');
  if (needs_escape(s, n)) {
    for (int k = 0; k < n; k++) put_json_char(s[k]);
  } else {
    memcpy(out.ptr + outLen, s, (size_t)n);
    outLen += n;
  }
  put_byte('"');
}

/* jsonString(host) for a HostText: the line's [start, end) without the two characters at cut (when cut >= 0). */
static void put_json_host(const u8 *s, const HostText *h) {
  if (h->cut < 0) {
    put_json_string(s + h->start, h->end - h->start);
    return;
  }
  /* The host as one string: escaping is per character, so its two parts are written as one string's. */
  put_byte('"');
  for (int k = h->start; k < h->end; k++) {
    if (k == h->cut) {
      k++;
      continue;
    }
    put_json_char(s[k]);
  }
  put_byte('"');
}

/* ---- urlPort ---- */

/* parseExplicitPort's `/^[0-9]+$/`. */
static bool all_digits(const u8 *s, int n) {
  if (n == 0) return false;
  for (int k = 0; k < n; k++)
    if (!(s[k] >= '0' && s[k] <= '9')) return false;
  return true;
}

/* schemePort's answers for schemes (without an explicit port) already asked: the services database does not change. */
#define PORT_CACHE_ENTRIES 64
#define PORT_CACHE_SCHEME 32
static struct {
  int len;
  int answer;
  u8 scheme[PORT_CACHE_SCHEME];
} portCache[PORT_CACHE_ENTRIES];
static int portCacheCount;
static int portCacheNext;

static int scheme_port_cached(const u8 *scheme, int len) {
  if (len > PORT_CACHE_SCHEME) return env_scheme_port(scheme, len);
  for (int e = 0; e < portCacheCount; e++) {
    if (portCache[e].len != len) continue;
    int k = 0;
    while (k < len && portCache[e].scheme[k] == scheme[k]) k++;
    if (k == len) return portCache[e].answer;
  }
  int answer = env_scheme_port(scheme, len);
  int e = portCacheNext;
  portCacheNext = (portCacheNext + 1) % PORT_CACHE_ENTRIES;
  if (portCacheCount < PORT_CACHE_ENTRIES) portCacheCount++;
  portCache[e].len = len;
  portCache[e].answer = answer;
  memcpy(portCache[e].scheme, scheme, (size_t)len);
  return answer;
}

int url_port(const u8 *scheme, int schemeLen, const u8 *port, int portLen) {
  /* schemePort: an explicit port wins (explicitPort !== null && explicitPort !== ''). */
  if (portLen > 0) {
    /* parseExplicitPort: a port Python refuses (not digits, or past 65535) throws, and urlPort answers null/null. */
    if (!all_digits(port, portLen)) return -1;
    int value = 0;
    for (int k = 0; k < portLen; k++) {
      value = value * 10 + (port[k] - '0');
      if (value > 65535) return -1; /* Number(text) > 65535: leading zeros never get here */
    }
    return PORT_EXPLICIT * 65536 + value;
  }
  return scheme_port_cached(scheme, schemeLen);
}

/* ---- matchJsonText ---- */

static const char *const KIND_NAMES[5] = {"url", "hostname", "ipv4", "ipv6", "network"};

static Buffer schemeLower;

/* The most bytes one record's element takes: each string character escaped in 6, and the fixed text. */
static int element_room(const int32_t *r) {
  int room = 6 * (r[3] - r[2]) + 6 * (r[5] - r[4]) + 256;
  if (r[0] == KIND_URL) room += 6 * (r[10] - r[9]);
  return room;
}

/*
 * `',' + matchJsonText(m)` for each of the line's `count` records (hostscanner.h), appended to the output; false
 * (and the output as it was) when memory cannot grow.
 */
static bool append_matches(const u8 *s, int n, int lineNo, const int32_t *records, int count) {
  int before = outLen;
  for (int m = 0; m < count; m++) {
    const int32_t *r = records + m * RECORD_INTS;
    int kind = r[0];
    if (!buffer_reserve(&out, outLen + element_room(r))) {
      outLen = before;
      return false;
    }
    HostText host = {r[4], r[5], r[6]};
    put_str(",{\"kind\":\"");
    put_str(KIND_NAMES[kind]);
    put_str("\",\"text\":");
    put_json_string(s + r[2], r[3] - r[2]);
    put_str(",\"line\":");
    put_int(lineNo);
    put_str(",\"character\":");
    put_int(r[2]);
    put_str(",\"length\":");
    put_int(r[3] - r[2]);
    put_str(",\"host\":");
    put_json_host(s, &host);
    if (kind != KIND_URL) {
      put_byte('}');
      continue;
    }
    /* The url's scheme and port scheme, lower-cased. */
    int schemeLen = r[10] - r[9];
    int portSchemeLen = r[12] - r[11];
    if (!buffer_reserve(&schemeLower, schemeLen + portSchemeLen + 1)) {
      outLen = before;
      return false;
    }
    u8 *scheme = schemeLower.ptr;
    u8 *portScheme = schemeLower.ptr + schemeLen;
    for (int k = 0; k < schemeLen; k++) scheme[k] = (u8)lower(s[r[9] + k]);
    for (int k = 0; k < portSchemeLen; k++) portScheme[k] = (u8)lower(s[r[11] + k]);
    int port = url_port(portScheme, portSchemeLen, s + (r[7] < 0 ? 0 : r[7]), r[7] < 0 ? -1 : r[8] - r[7]);
    put_str(",\"scheme\":");
    put_json_string(scheme, schemeLen);
    put_str(",\"port\":");
    if (port < 0) {
      put_str("null,\"portSource\":null}");
      continue;
    }
    put_int(port & 0xffff);
    int source = port >> 16;
    put_str(source == PORT_EXPLICIT ? ",\"portSource\":\"explicit\"}" : source == PORT_SERVICE ? ",\"portSource\":\"service\"}" : ",\"portSource\":\"default\"}");
  }
  return true;
}

/* ---- pieceJson ---- */

static Buffer piece;
static TextLines lines;

EXPORT(JsonOut_pieceBuffer) u8 *JsonOut_pieceBuffer(int size) {
  return buffer_reserve(&piece, size) ? piece.ptr : 0;
}

EXPORT(JsonOut_begin) void JsonOut_begin(const u8 *text, int len, int firstLine, int last) {
  text_lines_init(&lines, text, len, firstLine, !last);
}

static bool is_ascii(const u8 *s, int n) {
  for (int k = 0; k < n; k++)
    if (s[k] >= 128) return false;
  return true;
}

EXPORT(JsonOut_run) int JsonOut_run(void) {
  while (text_lines_next(&lines)) {
    const u8 *s = lines.text + lines.lineStart;
    int n = lines.lineEnd - lines.lineStart;
    if (!is_ascii(s, n)) return JSON_FOR_TYPESCRIPT;
    int count = HostScanner_scanLine(s, n);
    if (count < 0) return JSON_FOR_TYPESCRIPT;
    if (!append_matches(s, n, lines.lineNo, HostScanner_records(), count)) return JSON_FOR_TYPESCRIPT;
    if (outLen >= JSON_CHUNK) return JSON_FLUSH;
  }
  return JSON_DONE;
}

EXPORT(JsonOut_lineStart) int JsonOut_lineStart(void) { return lines.lineStart; }
EXPORT(JsonOut_lineEnd) int JsonOut_lineEnd(void) { return lines.lineEnd; }
EXPORT(JsonOut_lineNo) int JsonOut_lineNo(void) { return lines.lineNo; }

EXPORT(JsonOut_data) const u8 *JsonOut_data(void) { return out.ptr; }
EXPORT(JsonOut_length) int JsonOut_length(void) { return outLen; }
EXPORT(JsonOut_clear) void JsonOut_clear(void) { outLen = 0; }

EXPORT(JsonOut_reserve) u8 *JsonOut_reserve(int size) {
  return buffer_reserve(&out, outLen + size) ? out.ptr + outLen : 0;
}
EXPORT(JsonOut_commit) void JsonOut_commit(int n) { outLen += n; }

/* ---- For the tests ---- */

static Buffer testRecords;

/* Room for `count` records for t_jsonRecords. */
EXPORT(t_recordsBuffer) int32_t *t_recordsBuffer(int count) {
  return buffer_reserve(&testRecords, count * RECORD_INTS * 4 + 4) ? (int32_t *)testRecords.ptr : 0;
}
/* append_matches on the line [s, s + n) with the records at t_recordsBuffer(): 1, or 0 when memory cannot grow. */
EXPORT(t_jsonRecords) int t_jsonRecords(const u8 *s, int n, int lineNo, int count) {
  return append_matches(s, n, lineNo, (const int32_t *)testRecords.ptr, count);
}
/* jsonString(s) appended to the output: 1, or 0 when memory cannot grow. */
EXPORT(t_jsonString) int t_jsonString(const u8 *s, int n) {
  if (!buffer_reserve(&out, outLen + 6 * n + 2)) return 0;
  put_json_string(s, n);
  return 1;
}
EXPORT(t_needsEscape) int t_needsEscape(const u8 *s, int n) { return needs_escape(s, n); }
EXPORT(t_explicitPortDigits) int t_explicitPortDigits(const u8 *s, int n) { return all_digits(s, n); }
/* url_port for the line's lower-case port scheme [schemeStart, schemeEnd) and explicit port [portStart, portEnd) (-1, -1: null). */
EXPORT(t_urlPort) int t_urlPort(const u8 *s, int n, int schemeStart, int schemeEnd, int portStart, int portEnd) {
  return url_port(s + schemeStart, schemeEnd - schemeStart, s + (portStart < 0 ? 0 : portStart), portStart < 0 ? -1 : portEnd - portStart);
}
