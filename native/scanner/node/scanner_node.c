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

static napi_env callingEnv;
static napi_ref schemePortRef;

/* env.schemePort: the JavaScript's answer for the lower-case scheme, -1 when it has none or fails. */
int env_scheme_port(const u8 *scheme, int len) {
  napi_env env = callingEnv;
  napi_value fn, global, arg, result;
  int32_t answer = -1;
  if (env == NULL || schemePortRef == NULL) return -1;
  if (napi_get_reference_value(env, schemePortRef, &fn) != napi_ok || fn == NULL) return -1;
  if (napi_get_global(env, &global) != napi_ok) return -1;
  if (napi_create_string_latin1(env, (const char *)scheme, (size_t)len, &arg) != napi_ok) return -1;
  /* A throw stays pending: JsonOut_run's caller sees it when the run returns. */
  if (napi_call_function(env, global, fn, 1, &arg, &result) != napi_ok) return -1;
  if (napi_get_value_int32(env, result, &answer) != napi_ok) return -1;
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

static napi_value range_error(napi_env env) {
  napi_throw_range_error(env, NULL, "scanner.node: a range outside the arena");
  return NULL;
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
BLOCK_OF_SIZE(Reserve, JsonOut_reserve)
VOID_OF_INT(SetChunk, JsonOut_setChunk)
VOID_OF_INT(Commit, JsonOut_commit)

static napi_value PrivateSuffixesSet(napi_env env, napi_callback_info info) {
  INT_ARGS(2);
  const u8 *list = a[1] == 0 ? scanner_arena : arena_at(a[0], 0); /* none: the C reads nothing */
  if (list == NULL) return range_error(env);
  return int_value(env, PrivateSuffixes_set(list, a[1]));
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
  scanner_arena = arena;
  scanner_arena_size = ARENA_BYTES;

  napi_value buffer, memory;
  if (napi_create_external_arraybuffer(env, arena, ARENA_BYTES, NULL, NULL, &buffer) != napi_ok) return NULL;
  napi_create_object(env, &memory);
  napi_set_named_property(env, memory, "buffer", buffer);
  napi_set_named_property(env, exports, "memory", memory);

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
    if (napi_create_function(env, functions[k].name, NAPI_AUTO_LENGTH, functions[k].fn, NULL, &fn) != napi_ok) return NULL;
    napi_set_named_property(env, exports, functions[k].name, fn);
  }
  return exports;
}
