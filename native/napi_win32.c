/*
 * napi_win32.c - Node-API on Windows without importing node.exe.
 *
 * An addon linked against node.lib imports its napi_* functions from "node.exe" by name, so it cannot load in
 * a host whose file has another name (Code.exe, "Code - Insiders.exe", VSCodium.exe: Electron exports the
 * same functions from its own executable). node-gyp patches that with a delay-load hook; this addon has no
 * import of the host at all: node_api_host.h declares the napi_* functions __declspec(dllimport), so every
 * call goes through the pointer __imp_<function>, and this file defines those pointers itself and fills them
 * from the executable that loaded us, GetModuleHandle(NULL) + GetProcAddress, once, before the module's init
 * uses any of them (netlens_napi_win32_bind, called first thing by the init).
 *
 * One list below: a napi_* function the addon calls but the list lacks fails the link (its __imp_ symbol is
 * undefined), so the list cannot fall behind the code.
 */
#ifdef _WIN32

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN 1
#endif
#include <windows.h>

#include "napi_win32.h"

#define NETLENS_NAPI_FUNCTIONS(X)                                                                                 \
  X(napi_throw_error)                                                                                             \
  X(napi_create_array)                                                                                            \
  X(napi_create_async_work)                                                                                       \
  X(napi_create_error)                                                                                            \
  X(napi_create_int32)                                                                                            \
  X(napi_create_object)                                                                                           \
  X(napi_create_promise)                                                                                          \
  X(napi_create_string_utf8)                                                                                      \
  X(napi_create_uint32)                                                                                           \
  X(napi_define_properties)                                                                                       \
  X(napi_delete_async_work)                                                                                       \
  X(napi_get_and_clear_last_exception)                                                                            \
  X(napi_get_boolean)                                                                                             \
  X(napi_get_cb_info)                                                                                             \
  X(napi_get_last_error_info)                                                                                     \
  X(napi_get_null)                                                                                                \
  X(napi_get_undefined)                                                                                           \
  X(napi_get_value_double)                                                                                        \
  X(napi_get_value_string_utf8)                                                                                   \
  X(napi_is_exception_pending)                                                                                    \
  X(napi_object_freeze)                                                                                           \
  X(napi_queue_async_work)                                                                                        \
  X(napi_reject_deferred)                                                                                         \
  X(napi_resolve_deferred)                                                                                        \
  X(napi_set_element)                                                                                             \
  X(napi_set_named_property)                                                                                      \
  X(napi_throw)                                                                                                   \
  X(napi_throw_range_error)                                                                                       \
  X(napi_throw_type_error)                                                                                        \
  X(napi_typeof)

/* The import slots the compiler's dllimport calls read (this file never includes node_api.h, so the names do
 * not clash with the functions' own declarations). */
#define NETLENS_NAPI_SLOT(name) FARPROC __imp_##name;
NETLENS_NAPI_FUNCTIONS(NETLENS_NAPI_SLOT)
#undef NETLENS_NAPI_SLOT

typedef struct {
  const char *name;
  FARPROC *slot;
} napi_slot;

static const napi_slot slots[] = {
#define NETLENS_NAPI_ENTRY(name) {#name, &__imp_##name},
    NETLENS_NAPI_FUNCTIONS(NETLENS_NAPI_ENTRY)
#undef NETLENS_NAPI_ENTRY
};

static INIT_ONCE bind_once = INIT_ONCE_STATIC_INIT;
static const char *first_missing; /* NULL once every slot is filled */

static BOOL CALLBACK bind_all(PINIT_ONCE once, PVOID parameter, PVOID *context) {
  (void)once;
  (void)parameter;
  (void)context;
  /* The executable that loaded us: node.exe, Code.exe, ... (never a file name). */
  HMODULE host = GetModuleHandleW(NULL);
  for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
    FARPROC function = host != NULL ? GetProcAddress(host, slots[i].name) : NULL;
    if (function == NULL && first_missing == NULL) first_missing = slots[i].name;
    *slots[i].slot = function;
  }
  return TRUE;
}

const char *netlens_napi_win32_bind(void) {
  InitOnceExecuteOnce(&bind_once, bind_all, NULL, NULL);
  return first_missing;
}

int netlens_napi_win32_can_throw(void) { return __imp_napi_throw_error != NULL; }

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int netlens_napi_win32_unused;
#endif
