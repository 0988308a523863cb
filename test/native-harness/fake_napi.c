/*
 * fake_napi.c - the napi_* functions the resolver addon calls (see fake_napi.h), exported from the harness
 * executable (-rdynamic) so that dlopen binds the addon's undefined napi_* symbols to them.
 *
 * Only what the addon needs: a missing function makes dlopen fail with "symbol not found", which is the
 * signal to add it here. Statuses follow Node's (napi_string_expected, napi_number_expected, ...), because
 * the addon turns a failed status into an Error.
 */
#include "fake_napi.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define V(x) ((fake_value *)(x))
#define N(x) ((napi_value)(x))

static fake_value undefined_value = {.type = FV_UNDEFINED};
static fake_value null_value = {.type = FV_NULL};
static fake_value true_value = {.type = FV_BOOLEAN, .boolean = 1};
static fake_value false_value = {.type = FV_BOOLEAN, .boolean = 0};

static int env_token;
static fake_value *pending;
static napi_extended_error_info last_error;

struct napi_callback_info__ {
  size_t argc;
  fake_value **argv;
  void *data;
};

struct napi_async_work__ {
  napi_async_execute_callback execute;
  napi_async_complete_callback complete;
  void *data;
};

napi_env fake_env(void) { return (napi_env)&env_token; }
fake_value *fake_pending_exception(void) { return pending; }

static void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (p == NULL) {
    fputs("fake_napi: out of memory\n", stderr);
    exit(70);
  }
  return p;
}

static napi_status status(napi_status s, const char *message) {
  last_error.error_code = s;
  last_error.error_message = s == napi_ok ? NULL : message;
  return s;
}

static fake_value *new_value(fake_type type) {
  fake_value *v = xcalloc(1, sizeof *v);
  v->type = type;
  return v;
}

fake_value *fake_undefined(void) { return &undefined_value; }
fake_value *fake_null(void) { return &null_value; }
fake_value *fake_boolean(int b) { return b ? &true_value : &false_value; }
fake_value *fake_object(void) { return new_value(FV_OBJECT); }

fake_value *fake_number(double d) {
  fake_value *v = new_value(FV_NUMBER);
  v->number = d;
  return v;
}

fake_value *fake_string(const char *s, size_t length) {
  fake_value *v = new_value(FV_STRING);
  v->string = xcalloc(length + 1, 1);
  memcpy(v->string, s, length);
  v->length = length;
  return v;
}

static char *copy_cstring(const char *s) {
  size_t n = strlen(s);
  char *copy = xcalloc(n + 1, 1);
  memcpy(copy, s, n);
  return copy;
}

fake_value *fake_get(const fake_value *obj, const char *key) {
  if (obj == NULL) return NULL;
  for (size_t i = 0; i < obj->nprops; i++) {
    if (strcmp(obj->props[i].key, key) == 0) return obj->props[i].value;
  }
  return NULL;
}

static int has_properties(const fake_value *v) {
  return v->type == FV_OBJECT || v->type == FV_ERROR || v->type == FV_FUNCTION || v->type == FV_ARRAY;
}

static napi_status put(fake_value *obj, const char *key, fake_value *value) {
  if (obj == NULL || !has_properties(obj)) return status(napi_object_expected, "An object was expected");
  if (obj->frozen) return status(napi_generic_failure, "object is frozen");
  for (size_t i = 0; i < obj->nprops; i++) {
    if (strcmp(obj->props[i].key, key) == 0) {
      obj->props[i].value = value;
      return status(napi_ok, NULL);
    }
  }
  fake_property *grown = realloc(obj->props, (obj->nprops + 1) * sizeof *grown);
  if (grown == NULL) return status(napi_generic_failure, "out of memory");
  obj->props = grown;
  obj->props[obj->nprops].key = copy_cstring(key);
  obj->props[obj->nprops].value = value;
  obj->nprops++;
  return status(napi_ok, NULL);
}

static fake_value *make_error(const char *class_name, fake_value *code, fake_value *message) {
  fake_value *e = new_value(FV_ERROR);
  e->string = copy_cstring(class_name);
  put(e, "message", message);
  if (code != NULL && code->type != FV_UNDEFINED) put(e, "code", code);
  return e;
}

fake_value *fake_call(fake_value *fn, size_t argc, fake_value **argv, int *threw) {
  struct napi_callback_info__ info = {argc, argv, fn->callback_data};
  pending = NULL;
  napi_value result = fn->callback(fake_env(), &info);
  if (pending != NULL) {
    *threw = 1;
    fake_value *e = pending;
    pending = NULL;
    return e;
  }
  *threw = 0;
  return result == NULL ? fake_undefined() : V(result);
}

/* ---------------------------------------------------------------------------------------------- */
/* The Node-API surface                                                                             */

napi_status napi_get_undefined(napi_env env, napi_value *result) {
  (void)env;
  *result = N(&undefined_value);
  return status(napi_ok, NULL);
}

napi_status napi_get_null(napi_env env, napi_value *result) {
  (void)env;
  *result = N(&null_value);
  return status(napi_ok, NULL);
}

napi_status napi_get_boolean(napi_env env, bool value, napi_value *result) {
  (void)env;
  *result = N(fake_boolean(value));
  return status(napi_ok, NULL);
}

napi_status napi_create_object(napi_env env, napi_value *result) {
  (void)env;
  *result = N(new_value(FV_OBJECT));
  return status(napi_ok, NULL);
}

napi_status napi_create_array(napi_env env, napi_value *result) {
  (void)env;
  *result = N(new_value(FV_ARRAY));
  return status(napi_ok, NULL);
}

napi_status napi_create_int32(napi_env env, int32_t value, napi_value *result) {
  (void)env;
  *result = N(fake_number(value));
  return status(napi_ok, NULL);
}

napi_status napi_create_uint32(napi_env env, uint32_t value, napi_value *result) {
  (void)env;
  *result = N(fake_number(value));
  return status(napi_ok, NULL);
}

napi_status napi_create_string_utf8(napi_env env, const char *str, size_t length, napi_value *result) {
  (void)env;
  if (str == NULL && length != 0) return status(napi_invalid_arg, "Invalid argument");
  if (length == NAPI_AUTO_LENGTH) length = strlen(str);
  *result = N(fake_string(str ? str : "", length));
  return status(napi_ok, NULL);
}

napi_status napi_typeof(napi_env env, napi_value value, napi_valuetype *result) {
  (void)env;
  switch (V(value)->type) {
    case FV_UNDEFINED: *result = napi_undefined; break;
    case FV_NULL: *result = napi_null; break;
    case FV_BOOLEAN: *result = napi_boolean; break;
    case FV_NUMBER: *result = napi_number; break;
    case FV_STRING: *result = napi_string; break;
    case FV_FUNCTION: *result = napi_function; break;
    default: *result = napi_object; break;
  }
  return status(napi_ok, NULL);
}

napi_status napi_get_value_double(napi_env env, napi_value value, double *result) {
  (void)env;
  if (V(value)->type != FV_NUMBER) return status(napi_number_expected, "A number was expected");
  *result = V(value)->number;
  return status(napi_ok, NULL);
}

napi_status napi_get_value_string_utf8(napi_env env, napi_value value, char *buf, size_t bufsize, size_t *result) {
  (void)env;
  const fake_value *v = V(value);
  if (v->type != FV_STRING) return status(napi_string_expected, "A string was expected");
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
  return put(V(object), utf8name, V(value));
}

napi_status napi_set_element(napi_env env, napi_value object, uint32_t index, napi_value value) {
  (void)env;
  fake_value *a = V(object);
  if (a->type != FV_ARRAY) return status(napi_array_expected, "An array was expected");
  if (a->frozen) return status(napi_generic_failure, "array is frozen");
  if (index >= a->nitems) {
    fake_value **grown = realloc(a->items, ((size_t)index + 1) * sizeof *grown);
    if (grown == NULL) return status(napi_generic_failure, "out of memory");
    for (size_t i = a->nitems; i <= index; i++) grown[i] = &undefined_value;
    a->items = grown;
    a->nitems = (size_t)index + 1;
  }
  a->items[index] = V(value);
  return status(napi_ok, NULL);
}

napi_status napi_define_properties(napi_env env, napi_value object, size_t property_count,
                                   const napi_property_descriptor *properties) {
  (void)env;
  for (size_t i = 0; i < property_count; i++) {
    const napi_property_descriptor *p = &properties[i];
    if (p->utf8name == NULL || p->getter != NULL || p->setter != NULL) {
      return status(napi_invalid_arg, "fake_napi supports only named value and method properties");
    }
    fake_value *value = V(p->value);
    if (p->method != NULL) {
      value = new_value(FV_FUNCTION);
      value->callback = p->method;
      value->callback_data = p->data;
    }
    napi_status s = put(V(object), p->utf8name, value ? value : &undefined_value);
    if (s != napi_ok) return s;
  }
  return status(napi_ok, NULL);
}

napi_status napi_object_freeze(napi_env env, napi_value object) {
  (void)env;
  if (!has_properties(V(object))) return status(napi_object_expected, "An object was expected");
  V(object)->frozen = 1;
  return status(napi_ok, NULL);
}

napi_status napi_get_cb_info(napi_env env, napi_callback_info cbinfo, size_t *argc, napi_value *argv,
                             napi_value *this_arg, void **data) {
  (void)env;
  if (argv != NULL && argc != NULL) {
    for (size_t i = 0; i < *argc; i++) {
      argv[i] = N(i < cbinfo->argc ? cbinfo->argv[i] : &undefined_value);
    }
  }
  if (argc != NULL) *argc = cbinfo->argc;
  if (this_arg != NULL) *this_arg = N(&undefined_value);
  if (data != NULL) *data = cbinfo->data;
  return status(napi_ok, NULL);
}

napi_status napi_create_error(napi_env env, napi_value code, napi_value msg, napi_value *result) {
  (void)env;
  if (V(msg)->type != FV_STRING) return status(napi_string_expected, "A string was expected");
  *result = N(make_error("Error", code ? V(code) : NULL, V(msg)));
  return status(napi_ok, NULL);
}

static napi_status throw_new(const char *class_name, const char *code, const char *msg) {
  fake_value *c = code ? fake_string(code, strlen(code)) : NULL;
  pending = make_error(class_name, c, fake_string(msg ? msg : "", msg ? strlen(msg) : 0));
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
  *result = N(pending ? pending : &undefined_value);
  pending = NULL;
  return status(napi_ok, NULL);
}

napi_status napi_get_last_error_info(napi_env env, const napi_extended_error_info **result) {
  (void)env;
  *result = &last_error;
  return napi_ok;
}

/* A deferred is its promise. */
napi_status napi_create_promise(napi_env env, napi_deferred *deferred, napi_value *promise) {
  (void)env;
  fake_value *p = new_value(FV_PROMISE);
  p->state = FP_PENDING;
  *deferred = (napi_deferred)p;
  *promise = N(p);
  return status(napi_ok, NULL);
}

static napi_status settle(napi_deferred deferred, fake_promise_state state, napi_value value) {
  fake_value *p = (fake_value *)deferred;
  if (p->state != FP_PENDING) return status(napi_generic_failure, "promise settled twice");
  p->state = state;
  p->settled = V(value);
  return status(napi_ok, NULL);
}

napi_status napi_resolve_deferred(napi_env env, napi_deferred deferred, napi_value resolution) {
  (void)env;
  return settle(deferred, FP_RESOLVED, resolution);
}

napi_status napi_reject_deferred(napi_env env, napi_deferred deferred, napi_value rejection) {
  (void)env;
  return settle(deferred, FP_REJECTED, rejection);
}

napi_status napi_create_async_work(napi_env env, napi_value async_resource, napi_value async_resource_name,
                                   napi_async_execute_callback execute, napi_async_complete_callback complete,
                                   void *data, napi_async_work *result) {
  (void)env;
  (void)async_resource;
  (void)async_resource_name;
  struct napi_async_work__ *work = xcalloc(1, sizeof *work);
  work->execute = execute;
  work->complete = complete;
  work->data = data;
  *result = work;
  return status(napi_ok, NULL);
}

/* Synchronous: the work runs now, on this thread, then its completion; the addon's promise is settled when
 * this returns. (Node runs execute on a threadpool thread; the addon never touches env there.) */
napi_status napi_queue_async_work(napi_env env, napi_async_work work) {
  work->execute(env, work->data);
  work->complete(env, napi_ok, work->data);
  return status(napi_ok, NULL);
}

napi_status napi_delete_async_work(napi_env env, napi_async_work work) {
  (void)env;
  free(work);
  return status(napi_ok, NULL);
}

/* ---------------------------------------------------------------------------------------------- */
/* JSON output                                                                                      */

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

static void print_properties(FILE *out, const fake_value *v, int first) {
  for (size_t i = 0; i < v->nprops; i++) {
    if (!first) fputc(',', out);
    first = 0;
    print_string(out, v->props[i].key, strlen(v->props[i].key));
    fputc(':', out);
    fake_print_json(out, v->props[i].value);
  }
}

void fake_print_json(FILE *out, const fake_value *v) {
  switch (v->type) {
    case FV_UNDEFINED: fputs("{\"$undefined\":true}", out); break;
    case FV_NULL: fputs("null", out); break;
    case FV_BOOLEAN: fputs(v->boolean ? "true" : "false", out); break;
    case FV_NUMBER:
      if (isfinite(v->number) && floor(v->number) == v->number && fabs(v->number) < 9007199254740992.0) {
        fprintf(out, "%.0f", v->number);
      } else if (isfinite(v->number)) {
        fprintf(out, "%.17g", v->number);
      } else {
        fputs("null", out);
      }
      break;
    case FV_STRING: print_string(out, v->string, v->length); break;
    case FV_ARRAY:
      fputc('[', out);
      for (size_t i = 0; i < v->nitems; i++) {
        if (i) fputc(',', out);
        fake_print_json(out, v->items[i]);
      }
      fputc(']', out);
      break;
    case FV_OBJECT:
      fputc('{', out);
      print_properties(out, v, 1);
      if (v->frozen) fputs(v->nprops ? ",\"$frozen\":true" : "\"$frozen\":true", out);
      fputc('}', out);
      break;
    case FV_FUNCTION: fputs("{\"$function\":true}", out); break;
    case FV_ERROR:
      fputs("{\"$error\":", out);
      print_string(out, v->string, strlen(v->string));
      print_properties(out, v, 0);
      fputc('}', out);
      break;
    case FV_PROMISE:
      fprintf(out, "{\"$promise\":\"%s\"", v->state == FP_PENDING ? "pending" : v->state == FP_RESOLVED ? "resolved" : "rejected");
      if (v->state != FP_PENDING) {
        fputs(",\"value\":", out);
        fake_print_json(out, v->settled);
      }
      fputc('}', out);
      break;
  }
}
