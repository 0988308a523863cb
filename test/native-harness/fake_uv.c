/*
 * fake_uv.c - libuv's uv_dlopen family, which Node exports to addons and the glibc build of the addon uses
 * (native/nss_module_call.c says why). Only so that the harness can also load the glibc builds: checking the
 * harness against real Node on the same binary is how we know the harness itself tells the truth.
 * Same layout and behaviour as libuv's src/unix/dl.c (uv_lib_t is { void *handle; char *errmsg; } on Unix).
 */
#include <stdlib.h> /* first: it defines __GLIBC__ */
#if defined(__GLIBC__)
#include <dlfcn.h>
#include <string.h>

#include "../../native/uv_dl.h"

static int keep_error(uv_lib_t *lib) {
  free(lib->errmsg);
  const char *e = dlerror();
  lib->errmsg = e ? strdup(e) : NULL;
  return e ? -1 : 0;
}

__attribute__((visibility("default"))) int uv_dlopen(const char *filename, uv_lib_t *lib) {
  dlerror();
  lib->errmsg = NULL;
  lib->handle = dlopen(filename, RTLD_LAZY);
  return lib->handle ? 0 : keep_error(lib);
}

__attribute__((visibility("default"))) void uv_dlclose(uv_lib_t *lib) {
  free(lib->errmsg);
  lib->errmsg = NULL;
  if (lib->handle) dlclose(lib->handle);
  lib->handle = NULL;
}

__attribute__((visibility("default"))) int uv_dlsym(uv_lib_t *lib, const char *name, void **ptr) {
  dlerror();
  *ptr = dlsym(lib->handle, name);
  return *ptr ? 0 : keep_error(lib);
}

__attribute__((visibility("default"))) const char *uv_dlerror(const uv_lib_t *lib) {
  return lib->errmsg ? lib->errmsg : "no error";
}
#endif
