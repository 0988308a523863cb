/*
 * fuzz_napi.c - the arena-backed Node-API host of the fuzz harnesses (see fuzz_napi.h). Statuses follow Node's
 * (napi_string_expected, napi_number_expected, ...) because the addon turns a failed status into an Error.
 */
#include "fuzz_napi.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define V(x) ((fz_value *)(x))
#define N(x) ((napi_value)(x))

static int env_token;
static fz_value *pending;
static napi_extended_error_info last_error;

/* Every arena allocation, freed by fz_reset. */
typedef struct arena_block {
  struct arena_block *next;
} arena_block;
static arena_block *arena;

static void *arena_alloc(size_t size) {
  arena_block *b = calloc(1, sizeof *b + size);
  if (b == NULL) abort();
  b->next = arena;
  arena = b;
  return b + 1;
}

struct napi_callback_info__ {
  size_t argc;
  fz_value **argv;
};

struct napi_async_work__ {
  napi_async_execute_callback execute;
  napi_async_complete_callback complete;
  void *data;
  int queued;
  struct napi_async_work__ *next_queued;
};
static struct napi_async_work__ *queue;

napi_env fz_env(void) { return (napi_env)&env_token; }
fz_value *fz_pending(void) { return pending; }

void fz_reset(void) {
  while (arena != NULL) {
    arena_block *next = arena->next;
    free(arena);
    arena = next;
  }
  pending = NULL;
}

static napi_status status(napi_status s) {
  last_error.error_code = s;
  last_error.error_message = s == napi_ok ? NULL : "fuzz_napi: failed";
  return s;
}

static fz_value *new_value(fz_type type) {
  fz_value *v = arena_alloc(sizeof *v);
  v->type = type;
  return v;
}

fz_value *fz_undefined(void) { return new_value(FZ_UNDEFINED); }
fz_value *fz_null(void) { return new_value(FZ_NULL); }

fz_value *fz_number(double d) {
  fz_value *v = new_value(FZ_NUMBER);
  v->number = d;
  return v;
}

fz_value *fz_string(const char *bytes, size_t length) {
  fz_value *v = new_value(FZ_STRING);
  v->string = arena_alloc(length + 1);
  memcpy(v->string, bytes, length);
  v->length = length;
  return v;
}

static void put(fz_value *obj, const char *key, uint32_t index, fz_value *value) {
  if (key != NULL) {
    for (size_t i = 0; i < obj->count; i++) {
      if (strcmp(obj->keys[i], key) == 0) {
        obj->items[i] = value;
        return;
      }
    }
    index = (uint32_t)obj->count;
  }
  if (index >= obj->capacity) {
    size_t capacity = obj->capacity ? obj->capacity : 4;
    while (capacity <= index) capacity *= 2;
    fz_value **items = arena_alloc(capacity * sizeof *items);
    char **keys = arena_alloc(capacity * sizeof *keys);
    if (obj->count) {
      memcpy(items, obj->items, obj->count * sizeof *items);
      memcpy(keys, obj->keys, obj->count * sizeof *keys);
    }
    obj->items = items;
    obj->keys = keys;
    obj->capacity = capacity;
  }
  if (key != NULL) {
    size_t n = strlen(key);
    obj->keys[index] = arena_alloc(n + 1);
    memcpy(obj->keys[index], key, n);
  }
  obj->items[index] = value;
  if (index >= obj->count) obj->count = index + 1;
}

fz_value *fz_get(const fz_value *object, const char *key) {
  if (object == NULL || object->keys == NULL) return NULL;
  for (size_t i = 0; i < object->count; i++) {
    if (object->keys[i] != NULL && strcmp(object->keys[i], key) == 0) return object->items[i];
  }
  return NULL;
}

fz_value *fz_call(const fz_value *fn, size_t argc, fz_value **argv) {
  struct napi_callback_info__ info = {argc, argv};
  pending = NULL;
  napi_value result = fn->callback(fz_env(), &info);
  return pending != NULL ? NULL : V(result);
}

fz_value *fz_load_module(napi_value (*init)(napi_env, napi_value)) {
  fz_value *exports = new_value(FZ_OBJECT);
  napi_value returned = init(fz_env(), N(exports));
  if (returned == NULL || pending != NULL) return NULL;
  return V(returned);
}

size_t fz_drain(int run) {
  size_t n = 0;
  while (queue != NULL) {
    struct napi_async_work__ *w = queue;
    queue = w->next_queued;
    w->queued = 0;
    if (run) w->execute(fz_env(), w->data);
    w->complete(fz_env(), run ? napi_ok : napi_cancelled, w->data); /* frees w (napi_delete_async_work) */
    n++;
  }
  return n;
}

/* ---- values ---- */

napi_status napi_create_array(napi_env env, napi_value *result) {
  (void)env;
  *result = N(new_value(FZ_ARRAY));
  return status(napi_ok);
}

napi_status napi_create_object(napi_env env, napi_value *result) {
  (void)env;
  *result = N(new_value(FZ_OBJECT));
  return status(napi_ok);
}

napi_status napi_create_int32(napi_env env, int32_t value, napi_value *result) {
  (void)env;
  *result = N(fz_number(value));
  return status(napi_ok);
}

napi_status napi_create_uint32(napi_env env, uint32_t value, napi_value *result) {
  (void)env;
  *result = N(fz_number(value));
  return status(napi_ok);
}

napi_status napi_create_string_utf8(napi_env env, const char *str, size_t length, napi_value *result) {
  (void)env;
  if (str == NULL && length != 0) return status(napi_invalid_arg);
  /* NAPI_AUTO_LENGTH: Node runs strlen, so an unterminated string is an out-of-bounds read ASan sees here. */
  size_t n = length == NAPI_AUTO_LENGTH ? strlen(str) : length;
  if (n > INT32_MAX) return status(napi_invalid_arg);
  *result = N(fz_string(str ? str : "", n));
  return status(napi_ok);
}

napi_status napi_get_boolean(napi_env env, bool value, napi_value *result) {
  (void)env;
  fz_value *v = new_value(FZ_BOOLEAN);
  v->boolean = value;
  *result = N(v);
  return status(napi_ok);
}

napi_status napi_get_null(napi_env env, napi_value *result) {
  (void)env;
  *result = N(fz_null());
  return status(napi_ok);
}

napi_status napi_get_undefined(napi_env env, napi_value *result) {
  (void)env;
  *result = N(fz_undefined());
  return status(napi_ok);
}

napi_status napi_create_error(napi_env env, napi_value code, napi_value msg, napi_value *result) {
  (void)env;
  (void)code;
  if (V(msg)->type != FZ_STRING) return status(napi_string_expected);
  fz_value *e = new_value(FZ_ERROR);
  e->string = "Error";
  put(e, "message", 0, V(msg));
  *result = N(e);
  return status(napi_ok);
}

napi_status napi_set_named_property(napi_env env, napi_value object, const char *utf8name, napi_value value) {
  (void)env;
  fz_value *o = V(object);
  if (o->type != FZ_OBJECT && o->type != FZ_ERROR) return status(napi_object_expected);
  put(o, utf8name, 0, V(value));
  return status(napi_ok);
}

napi_status napi_set_element(napi_env env, napi_value object, uint32_t index, napi_value value) {
  (void)env;
  if (V(object)->type != FZ_ARRAY) return status(napi_array_expected);
  if (index > (1u << 24)) return status(napi_generic_failure); /* no real answer is that long */
  put(V(object), NULL, index, V(value));
  return status(napi_ok);
}

napi_status napi_object_freeze(napi_env env, napi_value object) {
  (void)env;
  (void)object;
  return status(napi_ok);
}

napi_status napi_define_properties(napi_env env, napi_value object, size_t property_count,
                                   const napi_property_descriptor *properties) {
  (void)env;
  for (size_t i = 0; i < property_count; i++) {
    fz_value *v = V(properties[i].value);
    if (properties[i].method != NULL) {
      v = new_value(FZ_FUNCTION);
      v->callback = properties[i].method;
    }
    put(V(object), properties[i].utf8name, 0, v);
  }
  return status(napi_ok);
}

napi_status napi_typeof(napi_env env, napi_value value, napi_valuetype *result) {
  (void)env;
  static const napi_valuetype types[] = {napi_undefined, napi_null, napi_boolean, napi_number, napi_string,
                                         napi_object, napi_object, napi_object, napi_object, napi_function};
  *result = types[V(value)->type];
  return status(napi_ok);
}

napi_status napi_get_value_double(napi_env env, napi_value value, double *result) {
  (void)env;
  if (V(value)->type != FZ_NUMBER) return status(napi_number_expected);
  *result = V(value)->number;
  return status(napi_ok);
}

/* Node's semantics: with buf NULL, the length in bytes; else copies at most bufsize-1 bytes and terminates. */
napi_status napi_get_value_string_utf8(napi_env env, napi_value value, char *buf, size_t bufsize, size_t *result) {
  (void)env;
  fz_value *v = V(value);
  if (v->type != FZ_STRING) return status(napi_string_expected);
  if (buf == NULL) {
    if (result == NULL) return status(napi_invalid_arg);
    *result = v->length;
    return status(napi_ok);
  }
  size_t n = 0;
  if (bufsize > 0) {
    n = v->length < bufsize - 1 ? v->length : bufsize - 1;
    memcpy(buf, v->string, n);
    buf[n] = '\0';
  }
  if (result != NULL) *result = n;
  return status(napi_ok);
}

napi_status napi_get_cb_info(napi_env env, napi_callback_info cbinfo, size_t *argc, napi_value *argv,
                             napi_value *this_arg, void **data) {
  (void)env;
  if (argv != NULL) {
    for (size_t i = 0; i < *argc; i++) argv[i] = N(i < cbinfo->argc ? cbinfo->argv[i] : fz_undefined());
  }
  *argc = cbinfo->argc;
  if (this_arg != NULL) *this_arg = N(fz_undefined());
  if (data != NULL) *data = NULL;
  return status(napi_ok);
}

/* ---- errors ---- */

static napi_status throw_new(const char *kind, const char *code, const char *msg) {
  if (msg == NULL) return status(napi_invalid_arg);
  fz_value *e = new_value(FZ_ERROR);
  e->string = (char *)kind;
  put(e, "message", 0, fz_string(msg, strlen(msg)));
  if (code != NULL) put(e, "code", 0, fz_string(code, strlen(code)));
  pending = e;
  return status(napi_ok);
}

napi_status napi_throw(napi_env env, napi_value error) {
  (void)env;
  pending = V(error);
  return status(napi_ok);
}
napi_status napi_throw_error(napi_env env, const char *code, const char *msg) {
  (void)env;
  return throw_new("Error", code, msg);
}
napi_status napi_throw_type_error(napi_env env, const char *code, const char *msg) {
  (void)env;
  return throw_new("TypeError", code, msg);
}
napi_status napi_throw_range_error(napi_env env, const char *code, const char *msg) {
  (void)env;
  return throw_new("RangeError", code, msg);
}

napi_status napi_is_exception_pending(napi_env env, bool *result) {
  (void)env;
  *result = pending != NULL;
  return status(napi_ok);
}

napi_status napi_get_and_clear_last_exception(napi_env env, napi_value *result) {
  (void)env;
  *result = N(pending != NULL ? pending : fz_undefined());
  pending = NULL;
  return status(napi_ok);
}

napi_status napi_get_last_error_info(node_api_basic_env env, const napi_extended_error_info **result) {
  (void)env;
  *result = &last_error;
  return napi_ok;
}

/* ---- promises and async work ---- */

napi_status napi_create_promise(napi_env env, napi_deferred *deferred, napi_value *promise) {
  (void)env;
  fz_value *p = new_value(FZ_PROMISE);
  *deferred = (napi_deferred)p;
  *promise = N(p);
  return status(napi_ok);
}

static napi_status settle(napi_deferred deferred, napi_value value, int how) {
  fz_value *p = (fz_value *)deferred;
  if (p->settled) abort(); /* settling twice is a bug in the addon: make it a crash the fuzzer reports */
  p->settled = how;
  p->result = V(value);
  return status(napi_ok);
}
napi_status napi_resolve_deferred(napi_env env, napi_deferred deferred, napi_value resolution) {
  (void)env;
  return settle(deferred, resolution, 1);
}
napi_status napi_reject_deferred(napi_env env, napi_deferred deferred, napi_value rejection) {
  (void)env;
  return settle(deferred, rejection, 2);
}

napi_status napi_create_async_work(napi_env env, napi_value async_resource, napi_value async_resource_name,
                                   napi_async_execute_callback execute, napi_async_complete_callback complete,
                                   void *data, napi_async_work *result) {
  (void)env;
  (void)async_resource;
  (void)async_resource_name;
  struct napi_async_work__ *w = calloc(1, sizeof *w); /* not the arena: the addon must delete it */
  if (w == NULL) return status(napi_generic_failure);
  w->execute = execute;
  w->complete = complete;
  w->data = data;
  *result = w;
  return status(napi_ok);
}

napi_status napi_queue_async_work(node_api_basic_env env, napi_async_work work) {
  (void)env;
  if (work->queued) abort();
  work->queued = 1;
  work->next_queued = queue;
  queue = work;
  return status(napi_ok);
}

napi_status napi_delete_async_work(napi_env env, napi_async_work work) {
  (void)env;
  if (work->queued) abort(); /* deleting queued work would leave the queue pointing at freed memory */
  free(work);
  return status(napi_ok);
}
