/*
 * napi_host.c - the arena-backed Node-API host of the target harness and the fuzz harnesses (see napi_host.h).
 * Exported from the harness executable (-rdynamic) so that dlopen binds the addon's undefined napi_* symbols to
 * them; the fuzz harnesses link the addon's sources in directly. Only what the addon needs: a missing function
 * makes dlopen fail with "symbol not found" (or the fuzz build fail to link), which is the signal to add it here.
 */
#include "napi_host.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define V(x) ((host_value *)(x))
#define N(x) ((napi_value)(x))

static int env_token;
static host_value *pending;
static napi_extended_error_info last_error;
static int async_inline;

/* Every value and string, freed together by host_reset (the target harness never resets: it exits). */
typedef struct arena_block {
  struct arena_block *next;
} arena_block;
static arena_block *arena;

static void *arena_alloc(size_t size) {
  arena_block *b = calloc(1, sizeof *b + size);
  if (b == NULL) {
    fputs("napi_host: out of memory\n", stderr);
    abort();
  }
  b->next = arena;
  arena = b;
  return b + 1;
}

struct napi_callback_info__ {
  size_t argc;
  host_value **argv;
  void *data;
};

struct napi_async_work__ {
  napi_async_execute_callback execute;
  napi_async_complete_callback complete;
  void *data;
  int queued;
  struct napi_async_work__ *next_queued;
};
static struct napi_async_work__ *queue;

napi_env host_env(void) { return (napi_env)&env_token; }
host_value *host_pending(void) { return pending; }
void host_run_async_inline(int inline_) { async_inline = inline_; }

void host_reset(void) {
  while (arena != NULL) {
    arena_block *next = arena->next;
    free(arena);
    arena = next;
  }
  pending = NULL;
}

static napi_status status(napi_status s, const char *message) {
  last_error.error_code = s;
  last_error.error_message = s == napi_ok ? NULL : message;
  return s;
}

static host_value *new_value(host_type type) {
  host_value *v = arena_alloc(sizeof *v);
  v->type = type;
  return v;
}

host_value *host_undefined(void) { return new_value(HOST_UNDEFINED); }
host_value *host_null(void) { return new_value(HOST_NULL); }
host_value *host_object(void) { return new_value(HOST_OBJECT); }

host_value *host_boolean(int b) {
  host_value *v = new_value(HOST_BOOLEAN);
  v->boolean = b != 0;
  return v;
}

host_value *host_number(double d) {
  host_value *v = new_value(HOST_NUMBER);
  v->number = d;
  return v;
}

host_value *host_string(const char *bytes, size_t length) {
  host_value *v = new_value(HOST_STRING);
  v->string = arena_alloc(length + 1);
  memcpy(v->string, bytes, length);
  v->length = length;
  return v;
}

static char *copy_cstring(const char *s) {
  size_t n = strlen(s);
  char *copy = arena_alloc(n + 1);
  memcpy(copy, s, n);
  return copy;
}

static int has_properties(const host_value *v) {
  return v->type == HOST_OBJECT || v->type == HOST_ERROR || v->type == HOST_FUNCTION;
}

/* Sets property `key` (objects, errors, functions) or element `index` (arrays, key NULL). Grown storage comes
 * from the arena too: the old arrays stay there until the reset. */
static napi_status put(host_value *obj, const char *key, uint32_t index, host_value *value) {
  if (obj->frozen) return status(napi_generic_failure, "object is frozen");
  if (key != NULL) {
    for (size_t i = 0; i < obj->count; i++) {
      if (strcmp(obj->keys[i], key) == 0) {
        obj->items[i] = value;
        return status(napi_ok, NULL);
      }
    }
    index = (uint32_t)obj->count;
  }
  if (index >= obj->capacity) {
    size_t capacity = obj->capacity ? obj->capacity : 4;
    while (capacity <= index) capacity *= 2;
    host_value **items = arena_alloc(capacity * sizeof *items);
    char **keys = key != NULL ? arena_alloc(capacity * sizeof *keys) : NULL;
    if (obj->count) {
      memcpy(items, obj->items, obj->count * sizeof *items);
      if (keys != NULL) memcpy(keys, obj->keys, obj->count * sizeof *keys);
    }
    obj->items = items;
    obj->keys = keys;
    obj->capacity = capacity;
  }
  if (key != NULL) obj->keys[index] = copy_cstring(key);
  obj->items[index] = value;
  if (index >= obj->count) obj->count = (size_t)index + 1;
  return status(napi_ok, NULL);
}

host_value *host_get(const host_value *object, const char *key) {
  if (object == NULL || object->keys == NULL) return NULL;
  for (size_t i = 0; i < object->count; i++) {
    if (strcmp(object->keys[i], key) == 0) return object->items[i];
  }
  return NULL;
}

static host_value *make_error(const char *class_name, host_value *code, host_value *message) {
  host_value *e = new_value(HOST_ERROR);
  e->string = copy_cstring(class_name);
  put(e, "message", 0, message);
  if (code != NULL && code->type != HOST_UNDEFINED) put(e, "code", 0, code);
  return e;
}

host_value *host_call(const host_value *fn, size_t argc, host_value **argv) {
  struct napi_callback_info__ info = {argc, argv, fn->callback_data};
  pending = NULL;
  napi_value result = fn->callback(host_env(), &info);
  if (pending != NULL) return NULL;
  return result == NULL ? host_undefined() : V(result);
}

host_value *host_load_module(napi_value (*init)(napi_env, napi_value)) {
  host_value *exports = host_object();
  pending = NULL;
  napi_value returned = init(host_env(), N(exports));
  if (returned == NULL || pending != NULL) return NULL;
  return V(returned);
}

static void finish_work(struct napi_async_work__ *w, int run) {
  w->queued = 0;
  if (run) w->execute(host_env(), w->data);
  w->complete(host_env(), run ? napi_ok : napi_cancelled, w->data); /* may free w (napi_delete_async_work) */
}

size_t host_drain(int run) {
  size_t n = 0;
  while (queue != NULL) {
    struct napi_async_work__ *w = queue;
    queue = w->next_queued;
    finish_work(w, run);
    n++;
  }
  return n;
}

/* ---- values ---- */

napi_status napi_get_undefined(napi_env env, napi_value *result) {
  (void)env;
  *result = N(host_undefined());
  return status(napi_ok, NULL);
}

napi_status napi_get_null(napi_env env, napi_value *result) {
  (void)env;
  *result = N(host_null());
  return status(napi_ok, NULL);
}

napi_status napi_get_boolean(napi_env env, bool value, napi_value *result) {
  (void)env;
  *result = N(host_boolean(value));
  return status(napi_ok, NULL);
}

napi_status napi_create_object(napi_env env, napi_value *result) {
  (void)env;
  *result = N(host_object());
  return status(napi_ok, NULL);
}

napi_status napi_create_array(napi_env env, napi_value *result) {
  (void)env;
  *result = N(new_value(HOST_ARRAY));
  return status(napi_ok, NULL);
}

napi_status napi_create_int32(napi_env env, int32_t value, napi_value *result) {
  (void)env;
  *result = N(host_number(value));
  return status(napi_ok, NULL);
}

napi_status napi_create_uint32(napi_env env, uint32_t value, napi_value *result) {
  (void)env;
  *result = N(host_number(value));
  return status(napi_ok, NULL);
}

napi_status napi_create_string_utf8(napi_env env, const char *str, size_t length, napi_value *result) {
  (void)env;
  if (str == NULL && length != 0) return status(napi_invalid_arg, "Invalid argument");
  /* NAPI_AUTO_LENGTH: Node runs strlen, so an unterminated string is an out-of-bounds read ASan sees here. */
  size_t n = str == NULL ? 0 : length == NAPI_AUTO_LENGTH ? strlen(str) : length;
  if (n > INT32_MAX) return status(napi_invalid_arg, "Invalid argument");
  *result = N(host_string(str ? str : "", n));
  return status(napi_ok, NULL);
}

napi_status napi_typeof(napi_env env, napi_value value, napi_valuetype *result) {
  (void)env;
  static const napi_valuetype types[] = {napi_undefined, napi_null, napi_boolean, napi_number, napi_string,
                                         napi_object, napi_object, napi_object, napi_object, napi_function};
  *result = types[V(value)->type];
  return status(napi_ok, NULL);
}

napi_status napi_get_value_double(napi_env env, napi_value value, double *result) {
  (void)env;
  if (V(value)->type != HOST_NUMBER) return status(napi_number_expected, "A number was expected");
  *result = V(value)->number;
  return status(napi_ok, NULL);
}

/* Node's semantics: with buf NULL, the length in bytes; else copies at most bufsize-1 bytes and terminates. */
napi_status napi_get_value_string_utf8(napi_env env, napi_value value, char *buf, size_t bufsize, size_t *result) {
  (void)env;
  const host_value *v = V(value);
  if (v->type != HOST_STRING) return status(napi_string_expected, "A string was expected");
  if (buf == NULL) {
    if (result == NULL) return status(napi_invalid_arg, "Invalid argument");
    *result = v->length;
    return status(napi_ok, NULL);
  }
  size_t n = 0;
  if (bufsize > 0) {
    n = v->length < bufsize - 1 ? v->length : bufsize - 1;
    memcpy(buf, v->string, n);
    buf[n] = '\0';
  }
  if (result != NULL) *result = n;
  return status(napi_ok, NULL);
}

napi_status napi_set_named_property(napi_env env, napi_value object, const char *utf8name, napi_value value) {
  (void)env;
  if (!has_properties(V(object))) return status(napi_object_expected, "An object was expected");
  return put(V(object), utf8name, 0, V(value));
}

napi_status napi_set_element(napi_env env, napi_value object, uint32_t index, napi_value value) {
  (void)env;
  if (V(object)->type != HOST_ARRAY) return status(napi_array_expected, "An array was expected");
  if (index > (1u << 24)) return status(napi_generic_failure, "index too large"); /* no real answer is that long */
  return put(V(object), NULL, index, V(value));
}

napi_status napi_define_properties(napi_env env, napi_value object, size_t property_count,
                                   const napi_property_descriptor *properties) {
  (void)env;
  if (!has_properties(V(object))) return status(napi_object_expected, "An object was expected");
  for (size_t i = 0; i < property_count; i++) {
    const napi_property_descriptor *p = &properties[i];
    if (p->utf8name == NULL || p->getter != NULL || p->setter != NULL) {
      return status(napi_invalid_arg, "napi_host supports only named value and method properties");
    }
    host_value *value = V(p->value);
    if (p->method != NULL) {
      value = new_value(HOST_FUNCTION);
      value->callback = p->method;
      value->callback_data = p->data;
    }
    napi_status s = put(V(object), p->utf8name, 0, value ? value : host_undefined());
    if (s != napi_ok) return s;
  }
  return status(napi_ok, NULL);
}

napi_status napi_object_freeze(napi_env env, napi_value object) {
  (void)env;
  if (!has_properties(V(object)) && V(object)->type != HOST_ARRAY) return status(napi_object_expected, "An object was expected");
  V(object)->frozen = 1;
  return status(napi_ok, NULL);
}

napi_status napi_get_cb_info(napi_env env, napi_callback_info cbinfo, size_t *argc, napi_value *argv,
                             napi_value *this_arg, void **data) {
  (void)env;
  if (argv != NULL && argc != NULL) {
    for (size_t i = 0; i < *argc; i++) argv[i] = N(i < cbinfo->argc ? cbinfo->argv[i] : host_undefined());
  }
  if (argc != NULL) *argc = cbinfo->argc;
  if (this_arg != NULL) *this_arg = N(host_undefined());
  if (data != NULL) *data = cbinfo->data;
  return status(napi_ok, NULL);
}

/* ---- errors ---- */

napi_status napi_create_error(napi_env env, napi_value code, napi_value msg, napi_value *result) {
  (void)env;
  if (V(msg)->type != HOST_STRING) return status(napi_string_expected, "A string was expected");
  *result = N(make_error("Error", code ? V(code) : NULL, V(msg)));
  return status(napi_ok, NULL);
}

static napi_status throw_new(const char *class_name, const char *code, const char *msg) {
  if (msg == NULL) return status(napi_invalid_arg, "Invalid argument");
  pending = make_error(class_name, code ? host_string(code, strlen(code)) : NULL, host_string(msg, strlen(msg)));
  return status(napi_ok, NULL);
}

napi_status napi_throw(napi_env env, napi_value error) {
  (void)env;
  pending = V(error);
  return status(napi_ok, NULL);
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
  return status(napi_ok, NULL);
}

napi_status napi_get_and_clear_last_exception(napi_env env, napi_value *result) {
  (void)env;
  *result = N(pending != NULL ? pending : host_undefined());
  pending = NULL;
  return status(napi_ok, NULL);
}

napi_status napi_get_last_error_info(node_api_basic_env env, const napi_extended_error_info **result) {
  (void)env;
  *result = &last_error;
  return napi_ok;
}

/* ---- promises and async work ---- */

/* A deferred is its promise. */
napi_status napi_create_promise(napi_env env, napi_deferred *deferred, napi_value *promise) {
  (void)env;
  host_value *p = new_value(HOST_PROMISE);
  *deferred = (napi_deferred)p;
  *promise = N(p);
  return status(napi_ok, NULL);
}

static napi_status settle(napi_deferred deferred, napi_value value, int how) {
  host_value *p = (host_value *)deferred;
  if (p->settled) {
    fputs("napi_host: a promise settled twice\n", stderr); /* a bug of the addon: a crash the fuzzer reports */
    abort();
  }
  p->settled = how;
  p->result = V(value);
  return status(napi_ok, NULL);
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
  if (w == NULL) return status(napi_generic_failure, "out of memory");
  w->execute = execute;
  w->complete = complete;
  w->data = data;
  *result = w;
  return status(napi_ok, NULL);
}

/* Inline (the target harness): the work runs now, on this thread, then its completion, so the addon's promise is
 * settled when this returns (Node runs execute on a threadpool thread; the addon never touches env there).
 * Otherwise queued until host_drain. */
napi_status napi_queue_async_work(node_api_basic_env env, napi_async_work work) {
  (void)env;
  if (work->queued) {
    fputs("napi_host: async work queued twice\n", stderr);
    abort();
  }
  if (async_inline) {
    finish_work(work, 1);
    return status(napi_ok, NULL);
  }
  work->queued = 1;
  work->next_queued = queue;
  queue = work;
  return status(napi_ok, NULL);
}

napi_status napi_delete_async_work(napi_env env, napi_async_work work) {
  (void)env;
  if (work->queued) {
    fputs("napi_host: queued async work deleted\n", stderr); /* the queue would point at freed memory */
    abort();
  }
  free(work);
  return status(napi_ok, NULL);
}

/* ---- JSON output (the target harness) ---- */

static void print_string(FILE *out, const char *s, size_t length) {
  fputc('"', out);
  for (size_t i = 0; i < length; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
    else if (c == '\n') fputs("\\n", out);
    else if (c < 0x20) fprintf(out, "\\u%04x", c);
    else fputc(c, out);
  }
  fputc('"', out);
}

static void print_properties(FILE *out, const host_value *v, int first) {
  for (size_t i = 0; i < v->count; i++) {
    if (!first) fputc(',', out);
    first = 0;
    print_string(out, v->keys[i], strlen(v->keys[i]));
    fputc(':', out);
    host_print_json(out, v->items[i]);
  }
}

void host_print_json(FILE *out, const host_value *v) {
  if (v == NULL) {
    fputs("{\"$undefined\":true}", out); /* an array hole */
    return;
  }
  switch (v->type) {
    case HOST_UNDEFINED: fputs("{\"$undefined\":true}", out); break;
    case HOST_NULL: fputs("null", out); break;
    case HOST_BOOLEAN: fputs(v->boolean ? "true" : "false", out); break;
    case HOST_NUMBER:
      if (isfinite(v->number) && floor(v->number) == v->number && fabs(v->number) < 9007199254740992.0) {
        fprintf(out, "%.0f", v->number);
      } else if (isfinite(v->number)) {
        fprintf(out, "%.17g", v->number);
      } else {
        fputs("null", out);
      }
      break;
    case HOST_STRING: print_string(out, v->string, v->length); break;
    case HOST_ARRAY:
      fputc('[', out);
      for (size_t i = 0; i < v->count; i++) {
        if (i) fputc(',', out);
        host_print_json(out, v->items[i]);
      }
      fputc(']', out);
      break;
    case HOST_OBJECT:
      fputc('{', out);
      print_properties(out, v, 1);
      if (v->frozen) fputs(v->count ? ",\"$frozen\":true" : "\"$frozen\":true", out);
      fputc('}', out);
      break;
    case HOST_FUNCTION: fputs("{\"$function\":true}", out); break;
    case HOST_ERROR:
      fputs("{\"$error\":", out);
      print_string(out, v->string, strlen(v->string));
      print_properties(out, v, 0);
      fputc('}', out);
      break;
    case HOST_PROMISE:
      fprintf(out, "{\"$promise\":\"%s\"", v->settled == 0 ? "pending" : v->settled == 1 ? "resolved" : "rejected");
      if (v->settled != 0) {
        fputs(",\"value\":", out);
        host_print_json(out, v->result);
      }
      fputc('}', out);
      break;
  }
}
