/*
 * nss_module_call.c - ask one glibc NSS hosts module alone (see nss_module_call.h).
 *
 * Loading. glibc loads a module named SOURCE from "libnss_SOURCE.so.2" (the ".2" is the revision of its own
 * LIBNSS_FILES_SO) and looks up "_nss_SOURCE_<function>" in it; since 2.34 `files` and `dns` are built into
 * libc.so.6 (which exports them as GLIBC_PRIVATE) and their libnss_*.so.2 are empty stubs. So for those two the
 * functions are taken from libc.so.6 when it exports them and from libnss_files.so.2 / libnss_dns.so.2 otherwise,
 * which is what the running glibc does. Like glibc, a module once loaded is never unloaded.
 *
 * dlopen/dlsym. Linking dlopen and dlsym directly binds them to dlopen@GLIBC_2.34 on a new build machine (they
 * moved from libdl.so.2 into libc.so.6), and the addon would no longer load on glibc 2.28, VS Code's minimum for
 * remote hosts; on glibc < 2.34 they live in libdl.so.2, which the addon would have to link. libuv's uv_dlopen,
 * uv_dlsym and uv_dlerror, which Node exports to addons from its own binary (built for the machine it runs on),
 * call the same dlopen(RTLD_LAZY) and dlsym, so the addon needs no dl* symbol of its own and no GLIBC version
 * beyond what it needed before (test/unit/nativeSymbols.test.ts checks the built file).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* h_errno, asprintf */
#endif

#include "nss_module_call.h"

#include <stdlib.h> /* first: it tells __GLIBC__ */
#include <string.h>

/* NSS modules are glibc's: musl, macOS and Windows have none, and there netlens_nss_available() says 0, which
 * makes the addon's nssHostsLookup reject with ENOSYS (the JS side already reports the platform unsupported). */
#ifndef NETLENS_HAVE_NSS /* -DNETLENS_HAVE_NSS=0 builds (and tests) the path for other C libraries */
#if defined(__GLIBC__) && !defined(__UCLIBC__)
#define NETLENS_HAVE_NSS 1
#else
#define NETLENS_HAVE_NSS 0
#endif
#endif

#if NETLENS_HAVE_NSS
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>
#include <gnu/lib-names.h>
#include <nss.h>

#include "uv_dl.h"

/* getaddrinfo starts with a 1 KiB scratch buffer and doubles it while a module says ERANGE; glibc has no upper
 * bound, we stop at 16 MiB (no real answer comes near it) and report the ERANGE as the module gave it. */
#define NSS_INITIAL_BUFFER 1024
#define NSS_MAX_BUFFER (16 * 1024 * 1024)

/* The module functions' signatures (glibc's nss.h, stable since the functions exist; declared here because
 * <nss.h> of glibc 2.28 has no typedefs for them). */
typedef enum nss_status (*gethostbyname4_fn)(const char *, struct gaih_addrtuple **, char *, size_t, int *, int *,
                                             int32_t *);
typedef enum nss_status (*gethostbyname3_fn)(const char *, int, struct hostent *, char *, size_t, int *, int *,
                                             int32_t *, char **);
typedef enum nss_status (*gethostbyname2_fn)(const char *, int, struct hostent *, char *, size_t, int *, int *);

int netlens_nss_available(void) { return 1; }

/* Frees the error text libuv keeps in `lib` after a failed uv_dlsym, without closing the handle. */
static void forget_dl_error(uv_lib_t *lib) {
  uv_lib_t copy = *lib;
  copy.handle = NULL;
  uv_dlclose(&copy); /* frees copy.errmsg only */
  lib->errmsg = NULL;
}

static void *module_function(uv_lib_t *lib, const char *source, const char *function) {
  char *symbol = NULL;
  if (asprintf(&symbol, "_nss_%s_%s", source, function) < 0) return NULL;
  void *pointer = NULL;
  if (uv_dlsym(lib, symbol, &pointer) != 0) {
    pointer = NULL;
    forget_dl_error(lib);
  }
  free(symbol);
  return pointer;
}

/* Opens the module the way the running glibc does; 0 (with out->load_error set) when it cannot be loaded. */
static int open_module(const char *source, uv_lib_t *lib, netlens_nss_answer *out) {
  memset(lib, 0, sizeof *lib);
  if (strchr(source, '/') != NULL) {
    /* glibc would hand "libnss_<a/b>.so.2" to dlopen as a path relative to the working directory. */
    out->load_error = strdup("NetLens does not load a module whose name contains '/'");
    return 0;
  }
  if (strcmp(source, "files") == 0 || strcmp(source, "dns") == 0) {
    if (uv_dlopen(LIBC_SO, lib) == 0) {
      if (module_function(lib, source, "gethostbyname2_r") != NULL) {
        out->library = strdup(LIBC_SO);
        if (out->library == NULL) out->memory_error = 1;
        return out->library != NULL;
      }
    }
    uv_dlclose(lib); /* libc itself stays: everything depends on it */
    memset(lib, 0, sizeof *lib);
  }
  /* The revision glibc appends: LIBNSS_FILES_SO is "libnss_files.so.2", so ".2". */
  const char *revision = &LIBNSS_FILES_SO[sizeof("libnss_files.so") - 1];
  char *file = NULL;
  if (asprintf(&file, "libnss_%s.so%s", source, revision) < 0) {
    out->memory_error = 1;
    return 0;
  }
  if (uv_dlopen(file, lib) != 0) {
    out->load_error = strdup(uv_dlerror(lib));
    uv_dlclose(lib); /* frees the error text; there is no handle */
    free(file);
    return 0;
  }
  out->library = file;
  return 1;
}

static int add_address(netlens_nss_call *call, int family, const void *address) {
  if (call->count == call->capacity) {
    size_t capacity = call->capacity == 0 ? 4 : call->capacity * 2;
    netlens_nss_address *grown = realloc(call->addresses, capacity * sizeof *grown);
    if (grown == NULL) return 0;
    call->addresses = grown;
    call->capacity = capacity;
  }
  netlens_nss_address *slot = &call->addresses[call->count];
  slot->family = family;
  if (inet_ntop(family, address, slot->text, sizeof slot->text) == NULL) return 1; /* not an address: skip it */
  call->count++;
  return 1;
}

/* getaddrinfo's gethostbyname4_r loop (AF_UNSPEC): grow the buffer while the module says ERANGE. */
static void call_gethostbyname4(gethostbyname4_fn fn, const char *name, netlens_nss_answer *out) {
  netlens_nss_call *call = &out->calls[out->ncalls++];
  call->family = AF_UNSPEC;
  char *buffer = NULL;
  for (size_t size = NSS_INITIAL_BUFFER;; size *= 2) {
    char *grown = realloc(buffer, size);
    if (grown == NULL) {
      out->memory_error = 1;
      break;
    }
    buffer = grown;
    struct gaih_addrtuple *at = NULL;
    errno = 0;
    h_errno = 0;
    call->status = fn(name, &at, buffer, size, &errno, &h_errno, NULL);
    call->err = errno;
    call->herr = h_errno;
    if (call->status == NSS_STATUS_SUCCESS) {
      if (at != NULL && at->name != NULL && (call->canon = strdup(at->name)) == NULL) out->memory_error = 1;
      for (; at != NULL; at = at->next) {
        if ((at->family == AF_INET || at->family == AF_INET6) && !add_address(call, at->family, at->addr)) {
          out->memory_error = 1;
          break;
        }
      }
      break;
    }
    if (call->status != NSS_STATUS_TRYAGAIN || call->err != ERANGE || call->herr != NETDB_INTERNAL ||
        size >= NSS_MAX_BUFFER) {
      break;
    }
  }
  free(buffer);
}

/* getaddrinfo's gethosts(): gethostbyname3_r (or 2_r) for one family, same ERANGE rule. */
static void call_gethostbyname3(gethostbyname3_fn fn3, gethostbyname2_fn fn2, const char *name, int family,
                                netlens_nss_answer *out) {
  netlens_nss_call *call = &out->calls[out->ncalls++];
  call->family = family;
  char *buffer = NULL;
  for (size_t size = NSS_INITIAL_BUFFER;; size *= 2) {
    char *grown = realloc(buffer, size);
    if (grown == NULL) {
      out->memory_error = 1;
      break;
    }
    buffer = grown;
    struct hostent host;
    char *canon = NULL;
    memset(&host, 0, sizeof host);
    errno = 0;
    h_errno = 0;
    call->status = fn3 != NULL ? fn3(name, family, &host, buffer, size, &errno, &h_errno, NULL, &canon)
                               : fn2(name, family, &host, buffer, size, &errno, &h_errno);
    call->err = errno;
    call->herr = h_errno;
    if (call->status == NSS_STATUS_SUCCESS) {
      if (canon != NULL && (call->canon = strdup(canon)) == NULL) out->memory_error = 1;
      size_t expected = host.h_addrtype == AF_INET6 ? 16 : host.h_addrtype == AF_INET ? 4 : 0;
      for (char **p = host.h_addr_list; p != NULL && *p != NULL; p++) {
        if (expected == 0 || (size_t)host.h_length != expected) break;
        if (!add_address(call, host.h_addrtype, *p)) {
          out->memory_error = 1;
          break;
        }
      }
      break;
    }
    if (call->status != NSS_STATUS_TRYAGAIN || call->herr != NETDB_INTERNAL || call->err != ERANGE ||
        size >= NSS_MAX_BUFFER) {
      break;
    }
  }
  free(buffer);
}

void netlens_nss_ask(const char *source, const char *name, int family, netlens_nss_answer *out) {
  memset(out, 0, sizeof *out);
  uv_lib_t lib;
  if (!open_module(source, &lib, out)) return;
  /* getaddrinfo uses gethostbyname4_r only for AF_UNSPEC, and gethostbyname3_r because NetLens asks with
   * AI_CANONNAME (without it, or without 3_r, gethostbyname2_r). */
  gethostbyname4_fn fn4 = family == AF_UNSPEC ? (gethostbyname4_fn)module_function(&lib, source, "gethostbyname4_r") : NULL;
  if (fn4 != NULL) {
    out->function = "gethostbyname4_r";
    call_gethostbyname4(fn4, name, out);
    return;
  }
  gethostbyname3_fn fn3 = (gethostbyname3_fn)module_function(&lib, source, "gethostbyname3_r");
  gethostbyname2_fn fn2 = fn3 != NULL ? NULL : (gethostbyname2_fn)module_function(&lib, source, "gethostbyname2_r");
  if (fn3 == NULL && fn2 == NULL) return; /* loaded, but it answers no hosts lookups */
  out->function = fn3 != NULL ? "gethostbyname3_r" : "gethostbyname2_r";
  if (family == AF_INET6 || family == AF_UNSPEC) call_gethostbyname3(fn3, fn2, name, AF_INET6, out);
  if (family == AF_INET || family == AF_UNSPEC) call_gethostbyname3(fn3, fn2, name, AF_INET, out);
}

#else /* not glibc: there are no NSS modules to ask */

int netlens_nss_available(void) { return 0; }

void netlens_nss_ask(const char *source, const char *name, int family, netlens_nss_answer *out) {
  (void)source;
  (void)name;
  (void)family;
  memset(out, 0, sizeof *out);
}

#endif

void netlens_nss_answer_free(netlens_nss_answer *answer) {
  if (answer == NULL) return;
  free(answer->library);
  free(answer->load_error);
  for (int i = 0; i < answer->ncalls; i++) {
    free(answer->calls[i].canon);
    free(answer->calls[i].addresses);
  }
  memset(answer, 0, sizeof *answer);
}
