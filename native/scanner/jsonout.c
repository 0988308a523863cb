#include "jsonout.h"
#include "hostscanner.h"
#include "textlines.h"
#include "shadowTables.h"

/*
 * schemePort(scheme, null) from JavaScript (src/cli/scanJsonWasm.ts): it reads the machine's services database.
 * The lower-case scheme [scheme, scheme + len); the answer as url_port's (-1, or source * 65536 + port), or
 * PORT_CALL_FAILED (jsonout.h) from the native build.
 */
#ifdef __wasm__
__attribute__((import_module("env"), import_name("schemePort")))
#endif
int env_scheme_port(const u8 *scheme, int len); /* the native build's is in node/scanner_node.c */

/* ---- The output: `,{…}` elements ---- */

static Buffer out;
static int outLen;

/*
 * The writers below take the output's cursor o and return it moved on: a local pointer, where the global outLen
 * would be stored and loaded again around every byte (a byte stored through out.ptr might be outLen's).
 */
#define PUT_BYTE(o, c) (*(o)++ = (u8)(c))

/* A string literal appended: a copy of compile-time length (inlined as a few wide stores, not a byte loop). */
#define PUT_LIT(o, lit) (__builtin_memcpy(o, lit, sizeof(lit) - 1), (o) += sizeof(lit) - 1)

/* "00" to "99": two digits per division. */
static const char DIGIT_PAIRS[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

static u8 *put_int(u8 *o, int v) {
  unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
  if (v < 0) PUT_BYTE(o, '-');
  if (u < 10) { /* most columns and lengths: one digit */
    PUT_BYTE(o, '0' + (int)u);
    return o;
  }
  int len = 2;
  for (unsigned t = u; t >= 100; t /= 10) len++;
  u8 *p = o + len;
  for (; u >= 100; u /= 100) {
    p -= 2;
    __builtin_memcpy(p, DIGIT_PAIRS + 2 * (u % 100), 2);
  }
  if (u >= 10) {
    p -= 2;
    __builtin_memcpy(p, DIGIT_PAIRS + 2 * u, 2);
  } else {
    *--p = (u8)('0' + u);
  }
  return o + len;
}

/* The characters JSON.stringify escapes with a letter: \b \t \n \f \r (0 for the others, written \u00XX). */
static const char SHORT_ESCAPE[32] = {['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r'};

/*
 * One byte of a JSON string's UTF-8 as JSON.stringify writes its character: an ASCII one escaped as it escapes it (at
 * most 6 bytes), any other byte as it is (JSON.stringify escapes only lone surrogates, which UTF-8 cannot hold).
 */
static u8 *put_json_char(u8 *o, int c) {
  if (c == '"' || c == '\\') {
    PUT_BYTE(o, '\\');
    PUT_BYTE(o, c);
  } else if (c < 0x20) {
    PUT_BYTE(o, '\\');
    if (SHORT_ESCAPE[c] != 0) {
      PUT_BYTE(o, SHORT_ESCAPE[c]);
    } else {
      PUT_LIT(o, "u00");
      PUT_BYTE(o, "0123456789abcdef"[c >> 4]);
      PUT_BYTE(o, "0123456789abcdef"[c & 15]);
    }
  } else {
    PUT_BYTE(o, c);
  }
  return o;
}

/* NEEDS_ESCAPE, `/["\\\u0000-\u001f\ud800-\udfff]/`, on well-formed UTF-8 (no surrogates): a quote, backslash or control. */
static bool needs_escape(const u8 *s, int n) {
  for (int k = 0; k < n; k++)
    if (s[k] == '"' || s[k] == '\\' || s[k] < 0x20) return true;
  return false;
}

/*
 * The bytes of v that needs_escape looks for: nonzero when there is one (a quote, backslash, or byte below 0x20:
 * (v - 0x20…) & ~v has the high bit of a byte set only if some byte is below 0x20; bytes 0x80 and up never count).
 */
static inline uint64_t escapes_in(uint64_t v) {
  return bytes_equal(v, '"') | bytes_equal(v, '\\') | ((v - 0x2020202020202020ull) & ~v & 0x8080808080808080ull);
}

/*
 * jsonString(s): `JSON.stringify(s)` when NEEDS_ESCAPE finds a character to escape, else `"${s}"`. Both write an
 * unescaped byte as it is, so the bytes are copied eight at a time up to the first to escape, and from there escaped
 * one by one. The last eight bytes are loaded again (overlapping those copied) rather than the tail one at a time.
 */
static u8 *put_json_string(u8 *o, const u8 *s, int n) {
  PUT_BYTE(o, '"');
  int k = 0;
  for (; k + 8 <= n; k += 8) {
    uint64_t v = load8(s + k);
    if (escapes_in(v) != 0) break;
    store8(o, v);
    o += 8;
  }
  if (k < n && k + 8 > n && n >= 8) {
    uint64_t v = load8(s + n - 8);
    if (escapes_in(v) == 0) {
      store8(o - (k - (n - 8)), v);
      o += n - k;
      k = n;
    }
  }
  for (; k < n; k++) o = put_json_char(o, s[k]);
  PUT_BYTE(o, '"');
  return o;
}

/*
 * jsonString(host) for a HostText whose bounds are the byte offsets [start, end) and cut (the two characters there,
 * `%25`'s `25`, are ASCII: cut + 2 is the byte after them).
 */
static u8 *put_json_host(u8 *o, const u8 *s, int start, int end, int cut) {
  if (cut < 0) return put_json_string(o, s + start, end - start);
  /* The host as one string: escaping is per character, so its two parts are written as one string's. */
  PUT_BYTE(o, '"');
  for (int k = start; k < end; k++) {
    if (k == cut) {
      k++;
      continue;
    }
    o = put_json_char(o, s[k]);
  }
  PUT_BYTE(o, '"');
  return o;
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
  for (int e = 0; e < portCacheCount; e++) {
    if (portCache[e].len != len) continue;
    int k = 0;
    while (k < len && portCache[e].scheme[k] == scheme[k]) k++;
    if (k == len) return portCache[e].answer;
  }
  int answer = env_scheme_port(scheme, len);
  if (answer == PORT_CALL_FAILED) return -1;
  if (len > PORT_CACHE_SCHEME) return answer; /* too long to keep */
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

static Buffer schemeLower;

/*
 * A non-ASCII line's UTF-16 code units: the byte offset where each starts (unitByte[units] = the line's length), or
 * -1 for the second unit of a surrogate pair, where no slice of the line's bytes can start or end.
 */
static Buffer unitByte;

/* A record's unit offset k as a byte offset: the same on an ASCII line (map null); -1 inside a surrogate pair. */
static inline int byte_at(const int *map, int k) { return map ? map[k] : k; }

/*
 * `',' + matchJsonText(m)` for each of the line's `count` records (hostscanner.h), appended to the output; false
 * (and the output as it was) when memory cannot grow or, on a non-ASCII line (map: byte_at's), a record starts or
 * ends inside a surrogate pair (the TypeScript's string would hold a lone surrogate, which JSON.stringify escapes).
 */
static bool append_matches(const u8 *s, int n, int lineNo, const int32_t *records, int count, const int *map) {
  int before = outLen;
  for (int m = 0; m < count; m++) {
    const int32_t *r = records + m * RECORD_INTS;
    int kind = r[0];
    int start = byte_at(map, r[2]), end = byte_at(map, r[3]);
    int hostStart = byte_at(map, r[4]), hostEnd = byte_at(map, r[5]), hostCut = r[6] < 0 ? -1 : byte_at(map, r[6]);
    int schemeStart = 0, schemeEnd = 0, portSchemeStart = 0, portSchemeEnd = 0, portStart = -1, portEnd = -1;
    if (kind == KIND_URL) {
      schemeStart = byte_at(map, r[9]);
      schemeEnd = byte_at(map, r[10]);
      portSchemeStart = byte_at(map, r[11]);
      portSchemeEnd = byte_at(map, r[12]);
      if (r[7] >= 0) {
        portStart = byte_at(map, r[7]);
        portEnd = byte_at(map, r[8]);
        if (portStart < 0 || portEnd < 0) goto refuse;
      }
      if (schemeStart < 0 || schemeEnd < 0 || portSchemeStart < 0 || portSchemeEnd < 0) goto refuse;
    }
    if (start < 0 || end < 0 || hostStart < 0 || hostEnd < 0 || (r[6] >= 0 && hostCut < 0)) goto refuse;
    /* The most bytes the element takes: each string byte escaped in 6, and the fixed text. */
    int most = outLen + 6 * (end - start) + 6 * (hostEnd - hostStart) + 6 * (schemeEnd - schemeStart) + 256;
    if (most > out.cap && !buffer_reserve(&out, most)) goto refuse; /* the call only when it must grow */
    u8 *o = out.ptr + outLen;
    switch (kind) { /* the element's head, `,{"kind":"…","text":`, as one literal per kind */
    case KIND_URL: PUT_LIT(o, ",{\"kind\":\"url\",\"text\":"); break;
    case KIND_HOSTNAME: PUT_LIT(o, ",{\"kind\":\"hostname\",\"text\":"); break;
    case KIND_IPV4: PUT_LIT(o, ",{\"kind\":\"ipv4\",\"text\":"); break;
    case KIND_IPV6: PUT_LIT(o, ",{\"kind\":\"ipv6\",\"text\":"); break;
    default: PUT_LIT(o, ",{\"kind\":\"network\",\"text\":"); break;
    }
    o = put_json_string(o, s + start, end - start);
    PUT_LIT(o, ",\"line\":");
    o = put_int(o, lineNo);
    PUT_LIT(o, ",\"character\":");
    o = put_int(o, r[2]);
    PUT_LIT(o, ",\"length\":");
    o = put_int(o, r[3] - r[2]);
    PUT_LIT(o, ",\"host\":");
    o = put_json_host(o, s, hostStart, hostEnd, hostCut);
    if (kind != KIND_URL) {
      PUT_BYTE(o, '}');
      outLen = (int)(o - out.ptr);
      continue;
    }
    /* The url's scheme and port scheme (ASCII: scheme characters), lower-cased. */
    int schemeLen = schemeEnd - schemeStart;
    int portSchemeLen = portSchemeEnd - portSchemeStart;
    if (schemeLen + portSchemeLen + 1 > schemeLower.cap && !buffer_reserve(&schemeLower, schemeLen + portSchemeLen + 1)) goto refuse;
    u8 *scheme = schemeLower.ptr;
    u8 *portScheme = schemeLower.ptr + schemeLen;
    for (int k = 0; k < schemeLen; k++) scheme[k] = (u8)lower(s[schemeStart + k]);
    for (int k = 0; k < portSchemeLen; k++) portScheme[k] = (u8)lower(s[portSchemeStart + k]);
    int port = url_port(portScheme, portSchemeLen, s + (portStart < 0 ? 0 : portStart), portStart < 0 ? -1 : portEnd - portStart);
    PUT_LIT(o, ",\"scheme\":");
    o = put_json_string(o, scheme, schemeLen);
    PUT_LIT(o, ",\"port\":");
    if (port < 0) {
      PUT_LIT(o, "null,\"portSource\":null}");
      outLen = (int)(o - out.ptr);
      continue;
    }
    o = put_int(o, port & 0xffff);
    int source = port >> 16;
    if (source == PORT_EXPLICIT) PUT_LIT(o, ",\"portSource\":\"explicit\"}");
    else if (source == PORT_SERVICE) PUT_LIT(o, ",\"portSource\":\"service\"}");
    else PUT_LIT(o, ",\"portSource\":\"default\"}");
    outLen = (int)(o - out.ptr);
  }
  (void)n;
  return true;
refuse:
  outLen = before;
  return false;
}

/* ---- A non-ASCII line's ASCII shadow (asciiShadow.ts) ---- */

static Buffer shadow;

/* The byte after a UTF-8 lead byte must lie in [lo, hi] (the well-formed table of Unicode's chapter 3). */
static inline bool cont_in(const u8 *s, int n, int k, int lo, int hi) { return k < n && s[k] >= lo && s[k] <= hi; }

/*
 * The shadow of the UTF-8 line [s, s + n) into `shadow`, and its units' byte offsets into `unitByte`: the number of
 * UTF-16 code units, or -1 when the line is not well-formed UTF-8 (the TypeScript's decoding then puts U+FFFD in),
 * has a character the module does not take (SHADOW_HAND_BACK), or memory cannot grow. A character beyond the BMP is
 * two units (a surrogate pair), both SHADOW_OTHER.
 */
static int shadow_line(const u8 *s, int n) {
  if (!buffer_reserve(&shadow, n + 8) || !buffer_reserve(&unitByte, 4 * (n + 1))) return -1;
  u8 *sh = shadow.ptr;
  int *map = (int *)unitByte.ptr;
  int u = 0;
  int k = 0;
  while (k < n) {
    int c = s[k];
    int len, cp;
    if (c < 0x80) {
      sh[u] = (u8)c;
      map[u++] = k++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      if (!cont_in(s, n, k + 1, 0x80, 0xbf)) return -1;
      len = 2;
      cp = (c & 0x1f) << 6 | (s[k + 1] & 0x3f);
    } else if (c >= 0xe0 && c <= 0xef) {
      int lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
      if (!cont_in(s, n, k + 1, lo, hi) || !cont_in(s, n, k + 2, 0x80, 0xbf)) return -1;
      len = 3;
      cp = (c & 0x0f) << 12 | (s[k + 1] & 0x3f) << 6 | (s[k + 2] & 0x3f);
    } else if (c >= 0xf0 && c <= 0xf4) {
      int lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
      if (!cont_in(s, n, k + 1, lo, hi) || !cont_in(s, n, k + 2, 0x80, 0xbf) || !cont_in(s, n, k + 3, 0x80, 0xbf)) return -1;
      sh[u] = SHADOW_OTHER;
      map[u++] = k;
      sh[u] = SHADOW_OTHER;
      map[u++] = -1;
      k += 4;
      continue;
    } else {
      return -1;
    }
    int v = SHADOW_BLOCKS[SHADOW_BLOCK_OF[cp / SHADOW_BLOCK]][cp % SHADOW_BLOCK];
    if (v == SHADOW_HAND_BACK) return -1;
    sh[u] = (u8)v;
    map[u++] = k;
    k += len;
  }
  map[u] = n;
  return u;
}

/* ---- pieceJson ---- */

static Buffer piece;
static TextLines lines;

EXPORT(JsonOut_pieceBuffer) u8 *JsonOut_pieceBuffer(int size) {
  return buffer_reserve(&piece, size) ? piece.ptr : 0;
}

/* Output bytes after which JsonOut_run returns JSON_FLUSH (JSON_CHUNK until JsonOut_setChunk). */
static int chunkLimit = JSON_CHUNK;

EXPORT(JsonOut_setChunk) void JsonOut_setChunk(int bytes) { chunkLimit = bytes; }

EXPORT(JsonOut_begin) void JsonOut_begin(const u8 *text, int len, int firstLine, int last) {
  text_lines_init(&lines, text, len, firstLine, !last);
}

EXPORT(JsonOut_run) int JsonOut_run(void) {
  while (text_lines_next(&lines)) {
    const u8 *s = lines.text + lines.lineStart;
    int n = lines.lineEnd - lines.lineStart;
    if (lines.ascii) {
      int count = HostScanner_scanLine(s, n);
      if (count < 0) return JSON_FOR_TYPESCRIPT;
      if (!append_matches(s, n, lines.lineNo, HostScanner_records(), count, 0)) return JSON_FOR_TYPESCRIPT;
    } else {
      // Scanned as its ASCII shadow (positions in UTF-16 units, as the TypeScript's), written from its bytes.
      int units = shadow_line(s, n);
      if (units < 0) return JSON_FOR_TYPESCRIPT;
      int count = HostScanner_scanLine(shadow.ptr, units);
      if (count < 0) return JSON_FOR_TYPESCRIPT;
      if (!append_matches(s, n, lines.lineNo, HostScanner_records(), count, (const int *)unitByte.ptr)) return JSON_FOR_TYPESCRIPT;
    }
    if (outLen >= chunkLimit) return JSON_FLUSH;
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
  return append_matches(s, n, lineNo, (const int32_t *)testRecords.ptr, count, 0);
}
/* jsonString(s) appended to the output: 1, or 0 when memory cannot grow. */
EXPORT(t_jsonString) int t_jsonString(const u8 *s, int n) {
  if (!buffer_reserve(&out, outLen + 6 * n + 2)) return 0;
  outLen = (int)(put_json_string(out.ptr + outLen, s, n) - out.ptr);
  return 1;
}
EXPORT(t_needsEscape) int t_needsEscape(const u8 *s, int n) { return needs_escape(s, n); }
EXPORT(t_explicitPortDigits) int t_explicitPortDigits(const u8 *s, int n) { return all_digits(s, n); }
/* url_port for the line's lower-case port scheme [schemeStart, schemeEnd) and explicit port [portStart, portEnd) (-1, -1: null). */
EXPORT(t_urlPort) int t_urlPort(const u8 *s, int n, int schemeStart, int schemeEnd, int portStart, int portEnd) {
  return url_port(s + schemeStart, schemeEnd - schemeStart, s + (portStart < 0 ? 0 : portStart), portStart < 0 ? -1 : portEnd - portStart);
}
