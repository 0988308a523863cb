/*
 * fuzz_napi.h - a Node-API host for the fuzz harnesses: just the napi_* functions native/netlens_resolver.c calls,
 * over values that live in an arena freed by fz_reset() after each input (so LeakSanitizer sees only the addon's
 * own leaks, and memory does not grow over millions of runs).
 *
 * Unlike test/native-harness/fake_napi.c on the wt-emul branch (a host that runs a few calls in a process that then
 * exits, and never frees), this one is built for libFuzzer: values are freed per input, async work is a malloc'ed
 * block the addon must delete itself (a forgotten napi_delete_async_work is a leak LSan reports), and queued work
 * never runs its execute callback unless the harness asks (a fuzzed host name must not reach a real resolver:
 * fz_drain completes it as cancelled, the path the addon takes when Node tears a work item down).
 */
#ifndef NETLENS_FUZZ_NAPI_H
#define NETLENS_FUZZ_NAPI_H

#include <stddef.h>

#include <node_api.h>

typedef enum { FZ_UNDEFINED, FZ_NULL, FZ_BOOLEAN, FZ_NUMBER, FZ_STRING, FZ_OBJECT, FZ_ARRAY, FZ_ERROR, FZ_PROMISE, FZ_FUNCTION } fz_type;

typedef struct fz_value fz_value;
struct fz_value {
  fz_type type;
  int boolean;
  double number;
  char *string; /* FZ_STRING: bytes (NUL-terminated copy); FZ_ERROR: the kind ("Error", "TypeError", ...) */
  size_t length;
  char **keys;   /* FZ_OBJECT / FZ_ERROR: property names; FZ_ARRAY: NULL */
  fz_value **items; /* property values or array elements (an element never set is NULL) */
  size_t count, capacity;
  int settled; /* FZ_PROMISE: 0 pending, 1 resolved, 2 rejected */
  fz_value *result;
  napi_callback callback; /* FZ_FUNCTION */
};

napi_env fz_env(void);
/* Frees every value made since the last reset and forgets a pending exception. */
void fz_reset(void);
/* Completes every queued work item: with its execute callback run first when `run` (only for inputs that cannot
 * reach the network), else as cancelled. Returns how many. */
size_t fz_drain(int run);
/* The exception pending since the last call, or NULL. */
fz_value *fz_pending(void);

fz_value *fz_undefined(void);
fz_value *fz_null(void);
fz_value *fz_number(double d);
fz_value *fz_string(const char *bytes, size_t length);
fz_value *fz_get(const fz_value *object, const char *key);

/* Calls a function export with argc values; returns its value (NULL when it threw: see fz_pending). */
fz_value *fz_call(const fz_value *fn, size_t argc, fz_value **argv);

/* The module's exports, from napi_register_module_v1 (made again after each reset). */
fz_value *fz_load_module(napi_value (*init)(napi_env, napi_value));

#endif
