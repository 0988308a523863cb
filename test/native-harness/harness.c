/*
 * harness.c - loads the resolver addon without Node and calls its exports, printing one JSON line per call.
 * For targets that have no Node to test in (musl: npm has no musl Node); napi_host.c is the host (the fuzz
 * harnesses' too), with async work run inline.
 *
 *   netlens-harness ADDON.node CALL [-- CALL]...
 *   CALL = NAME ARG...   NAME is an export: a function is called with the ARGs; any other value is printed.
 *   ARG  = null | undefined | true | false | n:<number> | s:<text> | x:<hex bytes> (a string, e.g. with a NUL)
 *
 * Output: {"loaded":true,"exports":[names]} then per CALL {"call":NAME,"threw":bool,"value":<value>}; a
 * function's promise is printed settled (async work runs synchronously). Exit 0 when the addon loaded (call
 * results are for the caller to judge), 2 for usage errors, 3 when the addon did not load.
 *
 * With -DNETLENS_HARNESS_LINKED the addon's sources are linked in instead of dlopen'ed (ADDON is then only a
 * label): for static executables, where musl has no dlopen.
 */
#include <stdlib.h>
#include <string.h>

#ifndef NETLENS_HARNESS_LINKED
#include <dlfcn.h>
#endif

#include "napi_host.h"

typedef napi_value (*register_fn)(napi_env env, napi_value exports);

#ifdef NETLENS_HARNESS_LINKED
napi_value napi_register_module_v1(napi_env env, napi_value exports);
#endif

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* One argument from its command-line form, or NULL (usage error). */
static host_value *parse_arg(const char *text) {
  if (strcmp(text, "null") == 0) return host_null();
  if (strcmp(text, "undefined") == 0) return host_undefined();
  if (strcmp(text, "true") == 0) return host_boolean(1);
  if (strcmp(text, "false") == 0) return host_boolean(0);
  if (strncmp(text, "s:", 2) == 0) return host_string(text + 2, strlen(text + 2));
  if (strncmp(text, "n:", 2) == 0) {
    char *end = NULL;
    double d = strtod(text + 2, &end);
    if (end == text + 2 || *end != '\0') return NULL;
    return host_number(d);
  }
  if (strncmp(text, "x:", 2) == 0) {
    size_t n = strlen(text + 2);
    if (n % 2 != 0) return NULL;
    char *bytes = calloc(n / 2 + 1, 1);
    if (bytes == NULL) return NULL;
    for (size_t i = 0; i < n / 2; i++) {
      int hi = hex_digit(text[2 + 2 * i]), lo = hex_digit(text[3 + 2 * i]);
      if (hi < 0 || lo < 0) return NULL;
      bytes[i] = (char)(hi * 16 + lo);
    }
    return host_string(bytes, n / 2);
  }
  return NULL;
}

static host_value *load(const char *path) {
  register_fn init;
#ifdef NETLENS_HARNESS_LINKED
  (void)path;
  init = napi_register_module_v1;
#else
  void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) {
    printf("{\"loaded\":false,\"error\":");
    const char *e = dlerror();
    host_value *text = host_string(e ? e : "dlopen failed", strlen(e ? e : "dlopen failed"));
    host_print_json(stdout, text);
    printf("}\n");
    return NULL;
  }
  init = (register_fn)(void (*)(void))dlsym(handle, "napi_register_module_v1");
  if (init == NULL) {
    printf("{\"loaded\":false,\"error\":\"no napi_register_module_v1 export\"}\n");
    return NULL;
  }
#endif
  host_run_async_inline(1);
  host_value *exports = host_load_module(init);
  if (exports == NULL) {
    printf("{\"loaded\":false,\"error\":");
    if (host_pending() != NULL) host_print_json(stdout, host_pending());
    else printf("\"the module initialiser returned NULL\"");
    printf("}\n");
    return NULL;
  }
  return exports;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: netlens-harness ADDON.node [NAME ARG... [-- NAME ARG...]...]\n", stderr);
    return 2;
  }
  host_value *exports = load(argv[1]);
  if (exports == NULL) return 3;
  printf("{\"loaded\":true,\"exports\":[");
  for (size_t i = 0; i < exports->count; i++) {
    if (i) putchar(',');
    host_print_json(stdout, host_string(exports->keys[i], strlen(exports->keys[i])));
  }
  printf("]}\n");

  int i = 2;
  while (i < argc) {
    const char *name = argv[i++];
    host_value *args[16];
    size_t nargs = 0;
    while (i < argc && strcmp(argv[i], "--") != 0) {
      if (nargs == sizeof args / sizeof args[0] || (args[nargs] = parse_arg(argv[i])) == NULL) {
        fprintf(stderr, "netlens-harness: bad argument '%s' (null, undefined, true, false, n:, s:, x:)\n", argv[i]);
        return 2;
      }
      nargs++;
      i++;
    }
    if (i < argc) i++; /* the "--" */
    host_value *target = host_get(exports, name);
    int threw = 0;
    host_value *result;
    if (target == NULL) {
      result = host_undefined();
    } else if (target->type == HOST_FUNCTION) {
      result = host_call(target, nargs, args);
      if (result == NULL) {
        threw = 1;
        result = host_pending();
      }
    } else {
      result = target;
    }
    printf("{\"call\":");
    host_print_json(stdout, host_string(name, strlen(name)));
    printf(",\"threw\":%s,\"value\":", threw ? "true" : "false");
    host_print_json(stdout, result);
    printf("}\n");
    fflush(stdout);
  }
  return 0;
}
