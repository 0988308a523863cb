/*
 * napi_host.h - the one fake Node-API host of the resolver addon: just the napi_* functions native/ calls, over
 * values that live in an arena. Two users:
 *  - test/native-harness/harness.c, for targets that have no Node to test in (npm has no musl Node): a process
 *    that loads the addon, makes a few calls, prints them as JSON (host_print_json) and exits. It runs async work
 *    inline (host_run_async_inline), so a promise is settled when the call returns.
 *  - the libFuzzer harnesses (test/fuzz/fuzz_*.c): values are freed by host_reset() after each input (so
 *    LeakSanitizer sees only the addon's own leaks, and memory does not grow over millions of runs), and queued
 *    work never runs its execute callback unless the harness asks (a fuzzed host name must not reach a real
 *    resolver: host_drain completes it as cancelled, the path the addon takes when Node tears a work item down).
 * Async work is a malloc'ed block the addon must delete itself in both (a forgotten napi_delete_async_work is a
 * leak LSan reports). Statuses and their messages follow Node's, because the addon turns a failed status into an
 * Error; a bug of the addon that Node would not survive either (a promise settled twice, queued work deleted or
 * queued again) aborts, which the fuzzer reports as a crash.
 */
#ifndef NETLENS_NAPI_HOST_H
#define NETLENS_NAPI_HOST_H

#include <stddef.h>
#include <stdio.h>

#include <node_api.h>

typedef enum { HOST_UNDEFINED, HOST_NULL, HOST_BOOLEAN, HOST_NUMBER, HOST_STRING, HOST_OBJECT, HOST_ARRAY, HOST_ERROR, HOST_PROMISE, HOST_FUNCTION } host_type;

typedef struct host_value host_value;
struct host_value {
  host_type type;
  int boolean;
  double number;
  char *string; /* HOST_STRING: bytes (NUL-terminated copy); HOST_ERROR: the class ("Error", "TypeError", ...) */
  size_t length;
  char **keys;        /* HOST_OBJECT / HOST_ERROR / HOST_FUNCTION: property names in insertion order; arrays: NULL */
  host_value **items; /* property values or array elements (an element never set is NULL: a hole) */
  size_t count, capacity;
  int frozen;
  int settled; /* HOST_PROMISE: 0 pending, 1 resolved, 2 rejected */
  host_value *result;
  napi_callback callback; /* HOST_FUNCTION */
  void *callback_data;
};

napi_env host_env(void);
/* Frees every value made since the last reset and forgets a pending exception. */
void host_reset(void);
/* From now on napi_queue_async_work runs the work's execute and complete callbacks at once, on this thread (the
 * target harness); by default it only queues them for host_drain (the fuzz harnesses). */
void host_run_async_inline(int inline_);
/* Completes every queued work item: with its execute callback run first when `run` (only for inputs that cannot
 * reach the network), else as cancelled. Returns how many. */
size_t host_drain(int run);
/* The exception pending since the last call, or NULL. */
host_value *host_pending(void);

host_value *host_undefined(void);
host_value *host_null(void);
host_value *host_boolean(int b);
host_value *host_number(double d);
host_value *host_string(const char *bytes, size_t length);
host_value *host_object(void);
host_value *host_get(const host_value *object, const char *key);

/* Calls a function export with argc values; returns its value, or NULL when it threw (see host_pending). */
host_value *host_call(const host_value *fn, size_t argc, host_value **argv);

/* The module's exports, from its napi_register_module_v1: NULL when it threw or returned nothing. */
host_value *host_load_module(napi_value (*init)(napi_env, napi_value));

/* Prints a value as JSON: objects keep insertion order; errors as {"$error": class, "message": ..., props};
 * promises as {"$promise": "resolved"|"rejected"|"pending", "value": ...}; functions as {"$function": true};
 * undefined (and an array hole) as {"$undefined": true}. */
void host_print_json(FILE *out, const host_value *v);

#endif
