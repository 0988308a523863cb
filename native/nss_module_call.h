/*
 * nss_module_call.h - ask one glibc NSS hosts module alone, exactly as getaddrinfo asks it.
 *
 * getaddrinfo (glibc's gaih_inet, get_nss_addresses in 2.36) walks the `hosts:` line of nsswitch.conf and, for
 * each source, calls the module's _nss_<source>_gethostbyname4_r (AF_UNSPEC), or else its gethostbyname3_r
 * (with AI_CANONNAME; gethostbyname2_r when there is none) once per family, AF_INET6 first. This file makes the
 * same calls with the same arguments and buffer-growing rule for one source and records what each returned:
 * the nss_status, errno and h_errno (which getaddrinfo's loop reads) and the addresses. Deciding what
 * getaddrinfo makes of them (the [STATUS=action] items, the errors) is src/core/nssHostsLoop.ts's job.
 *
 * Blocking: run it on the threadpool. No global state.
 */
#ifndef NETLENS_NSS_MODULE_CALL_H
#define NETLENS_NSS_MODULE_CALL_H

#include <stddef.h>

/* A module call asks at most two families (AF_INET6, then AF_INET). */
#define NETLENS_NSS_MAX_CALLS 2

typedef struct {
  int family;
  char text[46]; /* INET6_ADDRSTRLEN */
} netlens_nss_address;

typedef struct {
  int family;  /* the family asked: AF_UNSPEC for gethostbyname4_r */
  int status;  /* enum nss_status */
  int err;     /* errno after the call (the module writes it through errnop) */
  int herr;    /* h_errno after the call */
  char *canon; /* the module's canonical name, or NULL (malloc'ed) */
  netlens_nss_address *addresses; /* malloc'ed, `capacity` slots of which `count` are used */
  size_t count;
  size_t capacity;
} netlens_nss_call;

typedef struct {
  char *library;    /* the file the module's functions come from, or NULL when it could not be loaded */
  char *load_error; /* dlerror's text when the module could not be loaded */
  const char *function; /* "gethostbyname4_r", "gethostbyname3_r", "gethostbyname2_r" or NULL: none exists */
  int memory_error; /* an allocation failed (getaddrinfo would say EAI_MEMORY) */
  netlens_nss_call calls[NETLENS_NSS_MAX_CALLS];
  int ncalls;
} netlens_nss_answer;

/* 1 when this build can ask NSS modules (glibc), else 0 and netlens_nss_ask only reports ENOSYS. */
int netlens_nss_available(void);

/* Asks `source` for `name` in `family` (AF_UNSPEC, AF_INET, AF_INET6). Fills *out (zeroed first). */
void netlens_nss_ask(const char *source, const char *name, int family, netlens_nss_answer *out);

void netlens_nss_answer_free(netlens_nss_answer *answer);

#endif
