/*
 * fuzz_uv_stub.c - libuv's uv_dlopen family, which native/nss_module_call.c takes from Node (it says why). The
 * harnesses never load a real NSS module (a module would ask DNS for fuzzed names): opening always fails.
 */
#include <stdlib.h>

#include "../../native/uv_dl.h"

int uv_dlopen(const char *filename, uv_lib_t *lib) {
  (void)filename;
  lib->handle = NULL;
  lib->errmsg = NULL;
  return -1;
}
void uv_dlclose(uv_lib_t *lib) {
  free(lib->errmsg);
  lib->errmsg = NULL;
  lib->handle = NULL;
}
int uv_dlsym(uv_lib_t *lib, const char *name, void **ptr) {
  (void)lib;
  (void)name;
  *ptr = NULL;
  return -1;
}
const char *uv_dlerror(const uv_lib_t *lib) {
  (void)lib;
  return "fuzz: no modules are loaded";
}
