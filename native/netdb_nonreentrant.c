/*
 * netdb_nonreentrant.c - gethostbyname / gethostbyaddr where the C library has no _r variants (macOS, Windows),
 * made the way CPython's socketmodule.c makes them there (see platform_net.h for the declaration).
 *
 * macOS: CPython defines USE_GETHOSTBYNAME_LOCK (no HAVE_GETHOSTBYNAME_R, not MS_WINDOWS) and holds one
 * process-wide lock from the call until it has copied the static hostent (gethost_common); the addon runs these
 * calls on several libuv threadpool threads at once, so it needs the same lock for the same reason.
 * Windows: CPython takes no lock; Winsock returns a hostent that belongs to the calling thread.
 *
 * On Linux this file compiles to nothing unless built with -DNETLENS_HAVE_GETHOSTBY_R=0, which exercises the
 * macOS path against glibc's own gethostbyname (tests only).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#if defined(__APPLE__) && !defined(_DARWIN_C_SOURCE)
#define _DARWIN_C_SOURCE 1
#endif

#include "platform_net.h"

#if !NETLENS_HAVE_GETHOSTBY_R

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef _WIN32
#include <pthread.h>
/* CPython's netdb_lock. */
static pthread_mutex_t netdb_lock = PTHREAD_MUTEX_INITIALIZER;
#define NETDB_LOCK() pthread_mutex_lock(&netdb_lock)
#define NETDB_UNLOCK() pthread_mutex_unlock(&netdb_lock)
#else
#define NETDB_LOCK() ((void)0)
#define NETDB_UNLOCK() ((void)0)
#endif

static size_t list_length(char **list) {
  size_t n = 0;
  while (list != NULL && list[n] != NULL) n++;
  return n;
}

/* Copies *h into one malloc'ed block: the two pointer arrays first (aligned), then the addresses, then the
 * strings. Returns 0 when out of memory. */
static int copy_hostent(const struct hostent *h, struct hostent *out, char **storage) {
  size_t naliases = list_length(h->h_aliases);
  size_t naddrs = list_length(h->h_addr_list);
  size_t addr_length = h->h_length > 0 ? (size_t)h->h_length : 0;
  size_t size = (naliases + 1 + naddrs + 1) * sizeof(char *) + naddrs * addr_length;
  size += (h->h_name != NULL ? strlen(h->h_name) : 0) + 1;
  for (size_t i = 0; i < naliases; i++) size += strlen(h->h_aliases[i]) + 1;

  char *block = malloc(size);
  if (block == NULL) return 0;
  char **aliases = (char **)(void *)block;
  char **addrs = aliases + naliases + 1;
  char *p = (char *)(addrs + naddrs + 1);
  for (size_t i = 0; i < naddrs; i++) {
    memcpy(p, h->h_addr_list[i], addr_length);
    addrs[i] = p;
    p += addr_length;
  }
  addrs[naddrs] = NULL;
  for (size_t i = 0; i < naliases; i++) {
    size_t n = strlen(h->h_aliases[i]) + 1;
    memcpy(p, h->h_aliases[i], n);
    aliases[i] = p;
    p += n;
  }
  aliases[naliases] = NULL;
  size_t name_length = h->h_name != NULL ? strlen(h->h_name) : 0;
  memcpy(p, h->h_name != NULL ? h->h_name : "", name_length + 1);

  memset(out, 0, sizeof *out);
  out->h_name = p;
  out->h_aliases = aliases;
  out->h_addrtype = h->h_addrtype;
  out->h_length = h->h_length;
  out->h_addr_list = addrs;
  *storage = block;
  return 1;
}

int netlens_gethostby(const char *name, int family, const void *address, int address_length, struct hostent *out,
                      char **storage, int *h_err, int *err_no) {
  *storage = NULL;
  *h_err = 0;
  *err_no = 0;
#ifdef _WIN32
  /* Winsock has gethostbyname (IPv4 only) and nothing like gethostbyname2. */
  if (address == NULL && family != AF_INET) {
    *err_no = ENOSYS;
    return -1;
  }
#endif
  int result;
  NETDB_LOCK();
  errno = 0;
  struct hostent *h;
  if (address != NULL) {
    h = gethostbyaddr(address, address_length, family);
  } else {
#ifdef _WIN32
    h = gethostbyname(name);
#else
    /* CPython's gethostbyname_ex calls gethostbyname, which is gethostbyname2(name, AF_INET). */
    h = family == AF_INET ? gethostbyname(name) : gethostbyname2(name, family);
#endif
  }
  if (h == NULL) {
    *h_err = NETLENS_LAST_H_ERROR();
    *err_no = errno;
    result = 0;
  } else if (!copy_hostent(h, out, storage)) {
    *err_no = ENOMEM;
    result = -1;
  } else {
    result = 1;
  }
  NETDB_UNLOCK();
  return result;
}

#endif
