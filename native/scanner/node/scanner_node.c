/*
 * The scanner's JSON writer (jsonout.c) as a Node-API addon for the CLI: the same C as dist/scanner.wasm, compiled
 * for this machine (scripts/build-scanner-native.js -> dist/scanner.node). `netlens scan --json` runs it where it
 * would run the module (src/cli/scanJsonWasm.ts): machine code from the start, where the module runs in V8's baseline
 * tier while its optimized code is compiled on the same cores (on a 10 MB file that start cost a quarter of the time).
 *
 * The exports are the module's (JsonOutExports in scanJsonWasm.ts): `memory.buffer` is an ArrayBuffer over the
 * arena the C takes its buffers from (base.c's heap_take), and a pointer crosses as its offset in it, as a wasm32
 * pointer is an offset in the module's memory. `schemePort` is set once with the function that answers a scheme's
 * port (the module imports it as env.schemePort; here the scheme crosses as a string). The C keeps its state in
 * globals: the addon serves one scan at a time, in the thread that loaded it (scanJsonWasm.ts takes care of both).
 */
#define _GNU_SOURCE
#include <node_api.h>
#include <sys/mman.h>

#include "base.h"
#include "jsonout.h"
#include "suffixrules.h"

void JsonOut_setChunk(int bytes);

/* The arena: reserved once, touched only where the C writes (base.c). Larger than any scan asks for (64 MiB input). */
#define ARENA_BYTES ((uintptr_t)1 << 30)
u8 *scanner_arena;
uintptr_t scanner_arena_size;

/*
 * What JavaScript sees of the arena: its first `exposed` bytes, doubled (the old ArrayBuffer detached, as a grown
 * wasm memory detaches its old buffer) once the C's heap has grown past them. Not the whole arena at once: V8 counts
 * an ArrayBuffer's length as memory held outside its heap, and 1 GiB forced a full garbage collection at every load
 * (~8 ms of `scan --json` on a small file).
 */
#define EXPOSED_FIRST ((uintptr_t)16 << 20)
static uintptr_t exposed;
static napi_ref bufferRef;

static napi_env callingEnv;
static napi_ref schemePortRef;

/*
 * env.schemePort: the JavaScript's answer for the lower-case scheme; PORT_CALL_FAILED (jsonout.h) when there is no
 * function or it threw. A throw stays pending: JsonOut_run's caller sees it when the run returns.
 */
int env_scheme_port(const u8 *scheme, int len) {
  napi_env env = callingEnv;
  napi_handle_scope scope;
  napi_value fn, global, arg, result;
  int32_t answer = PORT_CALL_FAILED;
  if (env == NULL || schemePortRef == NULL) return PORT_CALL_FAILED;
  /* Scheme after scheme in one run: the handles go with each call. */
  if (napi_open_handle_scope(env, &scope) != napi_ok) return PORT_CALL_FAILED;
  if (napi_get_reference_value(env, schemePortRef, &fn) != napi_ok || fn == NULL ||
      napi_get_global(env, &global) != napi_ok ||
      napi_create_string_latin1(env, (const char *)scheme, (size_t)len, &arg) != napi_ok ||
      napi_call_function(env, global, fn, 1, &arg, &result) != napi_ok ||
      napi_get_value_int32(env, result, &answer) != napi_ok)
    answer = PORT_CALL_FAILED;
  napi_close_handle_scope(env, scope);
  return answer;
}

/* The call's integer arguments (missing ones are 0); false (with a TypeError pending) when one is not a number. */
static bool int_args(napi_env env, napi_callback_info info, int32_t *out, size_t count) {
  napi_value argv[4];
  size_t argc = 4;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return false;
  for (size_t k = 0; k < count; k++) {
    out[k] = 0;
    if (k < argc && napi_get_value_int32(env, argv[k], &out[k]) != napi_ok) {
      napi_throw_type_error(env, NULL, "scanner.node: expected a number");
      return false;
    }
  }
  return true;
}

static napi_value int_value(napi_env env, int32_t v) {
  napi_value result;
  napi_create_int32(env, v, &result);
  return result;
}

/* A pointer into the arena as its offset (0 for none); an offset from JavaScript as a pointer, null if it is outside. */
static int32_t offset_of(const u8 *p) {
  return p == NULL ? 0 : (int32_t)(p - scanner_arena);
}
static const u8 *arena_at(int32_t offset, int32_t len) {
  if (offset <= 0 || len < 0 || (uintptr_t)offset + (uintptr_t)len > scanner_arena_size) return NULL;
  return scanner_arena + offset;
}

static bool pending(napi_env env) {
  bool is = false;
  napi_is_exception_pending(env, &is);
  return is;
}

static napi_value range_error(napi_env env) {
  napi_throw_range_error(env, NULL, "scanner.node: a range outside the arena");
  return NULL;
}

/* memory.buffer: an ArrayBuffer over at least the arena's taken part (JavaScript reads it again after each call). */
static napi_value MemoryBuffer(napi_env env, napi_callback_info info) {
  napi_value buffer;
  uintptr_t used = scanner_heap_used();
  if (bufferRef != NULL && used <= exposed) {
    if (napi_get_reference_value(env, bufferRef, &buffer) == napi_ok && buffer != NULL) return buffer;
  }
  uintptr_t size = exposed != 0 ? exposed : EXPOSED_FIRST;
  while (size < used && size < scanner_arena_size) size *= 2;
  if (size > scanner_arena_size) size = scanner_arena_size;
  if (bufferRef != NULL) {
    napi_value old;
    if (napi_get_reference_value(env, bufferRef, &old) == napi_ok && old != NULL) napi_detach_arraybuffer(env, old);
    napi_delete_reference(env, bufferRef);
    bufferRef = NULL;
  }
  if (napi_create_external_arraybuffer(env, scanner_arena, size, NULL, NULL, &buffer) != napi_ok) return NULL;
  if (napi_create_reference(env, buffer, 1, &bufferRef) != napi_ok) return NULL;
  exposed = size;
  return buffer;
}

#define INT_ARGS(n)                                  \
  int32_t a[(n) > 0 ? (n) : 1];                      \
  if (!int_args(env, info, a, (n))) return NULL;

/* A function of one integer that returns a block of the arena (as its offset), or nothing. */
#define BLOCK_OF_SIZE(name, fn)                                  \
  static napi_value name(napi_env env, napi_callback_info info) { \
    INT_ARGS(1);                                                 \
    return int_value(env, offset_of(fn(a[0])));                  \
  }
#define VOID_OF_INT(name, fn)                                    \
  static napi_value name(napi_env env, napi_callback_info info) { \
    INT_ARGS(1);                                                 \
    fn(a[0]);                                                    \
    return NULL;                                                 \
  }

BLOCK_OF_SIZE(InputReserve, Input_reserve)
BLOCK_OF_SIZE(PieceBuffer, JsonOut_pieceBuffer)
VOID_OF_INT(SetChunk, JsonOut_setChunk)

/* The room the last JsonOut_reserve gave: JsonOut_commit keeps at most that much (more would run outside the output). */
static int32_t reserved;

static napi_value Reserve(napi_env env, napi_callback_info info) {
  INT_ARGS(1);
  const u8 *room = JsonOut_reserve(a[0]);
  reserved = room == NULL ? 0 : a[0];
  return int_value(env, offset_of(room));
}

static napi_value Commit(napi_env env, napi_callback_info info) {
  INT_ARGS(1);
  if (a[0] < 0 || a[0] > reserved) return range_error(env);
  reserved = 0;
  JsonOut_commit(a[0]);
  return NULL;
}

/* The list PrivateSuffixes_set reads: `count` entries of a little-endian int32 length and that many bytes. */
static bool suffix_list_in_arena(int32_t offset, int32_t count) {
  if (count < 0) return false;
  uintptr_t at = (uintptr_t)offset;
  for (int32_t k = 0; k < count; k++) {
    if (arena_at((int32_t)at, 4) == NULL) return false;
    int32_t len = read_i32(scanner_arena + at);
    if (len < 0 || arena_at((int32_t)(at + 4), len) == NULL) return false;
    at += 4 + (uintptr_t)len;
  }
  return true;
}

static napi_value PrivateSuffixesSet(napi_env env, napi_callback_info info) {
  INT_ARGS(2);
  if (a[1] == 0) return int_value(env, PrivateSuffixes_set(scanner_arena, 0)); /* none: the C reads nothing */
  if (!suffix_list_in_arena(a[0], a[1])) return range_error(env);
  return int_value(env, PrivateSuffixes_set(scanner_arena + a[0], a[1]));
}

static napi_value Begin(napi_env env, napi_callback_info info) {
  INT_ARGS(4);
  const u8 *piece = arena_at(a[0], a[1]);
  if (piece == NULL) return range_error(env);
  JsonOut_begin(piece, a[1], a[2], a[3]);
  return NULL;
}

static napi_value Run(napi_env env, napi_callback_info info) {
  napi_env outer = callingEnv;
  callingEnv = env;
  int status = JsonOut_run();
  callingEnv = outer;
  return int_value(env, status);
}

static napi_value LineStart(napi_env env, napi_callback_info info) { return int_value(env, JsonOut_lineStart()); }
static napi_value LineEnd(napi_env env, napi_callback_info info) { return int_value(env, JsonOut_lineEnd()); }
static napi_value LineNo(napi_env env, napi_callback_info info) { return int_value(env, JsonOut_lineNo()); }
static napi_value Data(napi_env env, napi_callback_info info) { return int_value(env, offset_of(JsonOut_data())); }
static napi_value Length(napi_env env, napi_callback_info info) { return int_value(env, JsonOut_length()); }

static napi_value Clear(napi_env env, napi_callback_info info) {
  JsonOut_clear();
  return NULL;
}

static napi_value SetSchemePort(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  size_t argc = 1;
  napi_valuetype type;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  if (argc < 1 || napi_typeof(env, argv[0], &type) != napi_ok || type != napi_function) {
    napi_throw_type_error(env, NULL, "scanner.node: schemePort must be a function");
    return NULL;
  }
  if (schemePortRef != NULL) napi_delete_reference(env, schemePortRef);
  napi_create_reference(env, argv[0], 1, &schemePortRef);
  return NULL;
}

NAPI_MODULE_INIT() {
  /* Loaded once per process (scannerModule.ts): a second load would share the C's globals, so it is refused. */
  if (scanner_arena != NULL) {
    napi_throw_error(env, NULL, "scanner.node is already loaded in this process");
    return NULL;
  }
  void *arena = mmap(NULL, ARENA_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (arena == MAP_FAILED) {
    napi_throw_error(env, NULL, "scanner.node: could not reserve its memory");
    return NULL;
  }
  napi_value memory;
  napi_property_descriptor buffer = {"buffer", NULL, NULL, MemoryBuffer, NULL, NULL, napi_enumerable, NULL};
  if (napi_create_object(env, &memory) != napi_ok || napi_define_properties(env, memory, 1, &buffer) != napi_ok ||
      napi_set_named_property(env, exports, "memory", memory) != napi_ok) {
    munmap(arena, ARENA_BYTES);
    if (!pending(env)) napi_throw_error(env, NULL, "scanner.node: could not give JavaScript its memory");
    return NULL;
  }
  scanner_arena = arena;
  scanner_arena_size = ARENA_BYTES;

  static const struct {
    const char *name;
    napi_callback fn;
  } functions[] = {
    {"Input_reserve", InputReserve}, {"PrivateSuffixes_set", PrivateSuffixesSet}, {"JsonOut_pieceBuffer", PieceBuffer},
    {"JsonOut_setChunk", SetChunk}, {"JsonOut_begin", Begin}, {"JsonOut_run", Run},
    {"JsonOut_lineStart", LineStart}, {"JsonOut_lineEnd", LineEnd}, {"JsonOut_lineNo", LineNo},
    {"JsonOut_data", Data}, {"JsonOut_length", Length}, {"JsonOut_clear", Clear},
    {"JsonOut_reserve", Reserve}, {"JsonOut_commit", Commit}, {"setSchemePort", SetSchemePort},
  };
  for (size_t k = 0; k < sizeof functions / sizeof functions[0]; k++) {
    napi_value fn;
    if (napi_create_function(env, functions[k].name, NAPI_AUTO_LENGTH, functions[k].fn, NULL, &fn) != napi_ok ||
        napi_set_named_property(env, exports, functions[k].name, fn) != napi_ok) {
      /* The arena stays reserved (the C's buffers may point into it): the module does the scans. */
      if (!pending(env)) napi_throw_error(env, NULL, "scanner.node: could not export its functions");
      return NULL;
    }
  }
  return exports;
}
