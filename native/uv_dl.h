/*
 * uv_dl.h - libuv's uv_dlopen family, which Node exports to addons (native/nss_module_call.c says why the addon
 * opens NSS modules through it). libuv's uv.h comes with Node's own headers but not with the node-api-headers
 * package; without it, the four functions and uv_lib_t are declared as libuv 1.x's include/uv/unix.h and uv.h have
 * them (a stable ABI). Also included by the test hosts that provide these functions themselves
 * (test/native-harness/fake_uv.c, test/fuzz/fuzz_uv_stub.c).
 */
#ifndef NETLENS_UV_DL_H
#define NETLENS_UV_DL_H

#if defined(__has_include)
#if __has_include(<uv.h>)
#include <uv.h>
#define NETLENS_HAVE_UV_H 1
#endif
#endif
#ifndef NETLENS_HAVE_UV_H
typedef struct {
  void *handle;
  char *errmsg;
} uv_lib_t;
__attribute__((visibility("default"))) int uv_dlopen(const char *filename, uv_lib_t *lib);
__attribute__((visibility("default"))) void uv_dlclose(uv_lib_t *lib);
__attribute__((visibility("default"))) int uv_dlsym(uv_lib_t *lib, const char *name, void **ptr);
__attribute__((visibility("default"))) const char *uv_dlerror(const uv_lib_t *lib);
#endif

#endif
