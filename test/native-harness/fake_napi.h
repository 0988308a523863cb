/*
 * fake_napi.h - a minimal Node-API host for the native resolver addon, for platforms that have no Node
 * (npm has no musl Node). It implements only the napi_* functions the addon calls, over a simple value tree;
 * async work runs synchronously inside napi_queue_async_work. Values are never freed: one process runs a few
 * calls and exits.
 */
#ifndef NETLENS_FAKE_NAPI_H
#define NETLENS_FAKE_NAPI_H

#include <stddef.h>
#include <stdio.h>

#include <node_api.h>

typedef enum { FV_UNDEFINED, FV_NULL, FV_BOOLEAN, FV_NUMBER, FV_STRING, FV_OBJECT, FV_ARRAY, FV_FUNCTION, FV_ERROR, FV_PROMISE } fake_type;

typedef enum { FP_PENDING, FP_RESOLVED, FP_REJECTED } fake_promise_state;

typedef struct fake_value fake_value;

typedef struct {
  char *key;
  fake_value *value;
} fake_property;

struct fake_value {
  fake_type type;
  int boolean;
  double number;
  char *string; /* FV_STRING (bytes, NUL-terminated), FV_ERROR: the class name */
  size_t length;
  fake_property *props; /* FV_OBJECT, FV_ERROR (message first), FV_FUNCTION */
  size_t nprops;
  fake_value **items; /* FV_ARRAY */
  size_t nitems;
  int frozen;
  napi_callback callback; /* FV_FUNCTION */
  void *callback_data;
  fake_promise_state state; /* FV_PROMISE */
  fake_value *settled;
};

/* The one env: its pending exception (NULL when none). */
napi_env fake_env(void);
fake_value *fake_pending_exception(void);

fake_value *fake_undefined(void);
fake_value *fake_null(void);
fake_value *fake_number(double d);
fake_value *fake_string(const char *s, size_t length);
fake_value *fake_boolean(int b);
fake_value *fake_object(void);
fake_value *fake_get(const fake_value *obj, const char *key);

/* Calls a FV_FUNCTION with arguments; *threw says whether it left an exception pending (then the exception). */
fake_value *fake_call(fake_value *fn, size_t argc, fake_value **argv, int *threw);

/* Prints a value as JSON: objects keep insertion order; errors as {"$error": class, "message": ..., props};
 * promises as {"$promise": "resolved"|"rejected"|"pending", "value": ...}; functions as {"$function": true}. */
void fake_print_json(FILE *out, const fake_value *v);

#endif
