/*
 * netlens_resolver.c - the native resolver backend of the NetLens helper.
 *
 * The contract is src/helper/nativeResolver.ts. In short:
 *   - every resolver call (getaddrinfo, getnameinfo, gethostbyname2_r, gethostbyaddr_r, one NSS hosts module:
 *     nss_module_call.c; on macOS and Windows gethostbyname / gethostbyaddr: netdb_nonreentrant.c) runs in
 *     napi_create_async_work, i.e. on the libuv threadpool, and returns a Promise; the JS thread
 *     never blocks on the network;
 *   - a failed call rejects with an Error whose message is the C library's own text
 *     (gai_strerror / hstrerror / strerror; on Windows the system's text of the WSAGetLastError() code) and whose
 *     properties are kind ('gai' | 'h' | 'os'), code (number) and, for EAI_SYSTEM, errno;
 *   - wrong JS argument types throw a TypeError synchronously (out-of-range integers a RangeError).
 *
 * Nothing here keeps per-module state, so the module is context aware (worker threads are fine); the only
 * process-wide state is platform plumbing done once (Winsock, the Windows napi table, the macOS netdb lock).
 *
 * Which calls each platform gets (those CPython's socket module makes there) is described in platform_net.h.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* glibc: AI_IDN, NI_IDN, EAI_NODATA, EAI_ADDRFAMILY, gethostbyname2_r, ... */
#endif
#if defined(__APPLE__) && !defined(_DARWIN_C_SOURCE)
#define _DARWIN_C_SOURCE 1
#endif

#include "platform_net.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "napi_win32.h"
#include "node_api_host.h"
#include "nss_module_call.h"

#define NETLENS_HOSTENT_INITIAL_BUFFER 1024
#define NETLENS_HOSTENT_MAX_BUFFER (16 * 1024 * 1024)

/* ------------------------------------------------------------------------------------------------ */
/* N-API error plumbing                                                                             */

/* Throws a generic Error for a failed napi call unless an exception is already pending. */
static void throw_last_napi_error(napi_env env, const char *what) {
  bool pending = false;
  if (napi_is_exception_pending(env, &pending) == napi_ok && pending) return;
  const napi_extended_error_info *info = NULL;
  const char *detail = NULL;
  if (napi_get_last_error_info(env, &info) == napi_ok && info != NULL) detail = info->error_message;
  char message[256];
  snprintf(message, sizeof message, "netlens_resolver: %s failed%s%s", what, detail ? ": " : "",
           detail ? detail : "");
  napi_throw_error(env, NULL, message);
}

/* Evaluates a napi call; on failure throws (if nothing is pending) and returns NULL from the caller. */
#define NAPI_CALL(env, call)                                                                           \
  do {                                                                                                 \
    if ((call) != napi_ok) {                                                                           \
      throw_last_napi_error((env), #call);                                                             \
      return NULL;                                                                                     \
    }                                                                                                  \
  } while (0)

/* Same, for helpers that return a napi_status. */
#define NAPI_TRY(call)                                                                                 \
  do {                                                                                                 \
    napi_status netlens_status_ = (call);                                                              \
    if (netlens_status_ != napi_ok) return netlens_status_;                                            \
  } while (0)

static napi_status set_named_int32(napi_env env, napi_value obj, const char *key, int32_t v) {
  napi_value value;
  NAPI_TRY(napi_create_int32(env, v, &value));
  return napi_set_named_property(env, obj, key, value);
}

static napi_status set_named_uint32(napi_env env, napi_value obj, const char *key, uint32_t v) {
  napi_value value;
  NAPI_TRY(napi_create_uint32(env, v, &value));
  return napi_set_named_property(env, obj, key, value);
}

static napi_status set_named_string(napi_env env, napi_value obj, const char *key, const char *s) {
  napi_value value;
  NAPI_TRY(napi_create_string_utf8(env, s ? s : "", NAPI_AUTO_LENGTH, &value));
  return napi_set_named_property(env, obj, key, value);
}

/* The rejection value: Error(message) with kind, code and (if has_errno) errno. */
static napi_status make_resolver_error(napi_env env, const char *kind, int code, int has_errno, int err_no,
                                       const char *message, napi_value *result) {
  napi_value msg, error, kind_value;
  NAPI_TRY(napi_create_string_utf8(env, message ? message : "Unknown error", NAPI_AUTO_LENGTH, &msg));
  NAPI_TRY(napi_create_error(env, NULL, msg, &error));
  NAPI_TRY(napi_create_string_utf8(env, kind, NAPI_AUTO_LENGTH, &kind_value));
  NAPI_TRY(napi_set_named_property(env, error, "kind", kind_value));
  NAPI_TRY(set_named_int32(env, error, "code", code));
  if (has_errno) NAPI_TRY(set_named_int32(env, error, "errno", err_no));
  *result = error;
  return napi_ok;
}

static napi_status make_os_error(napi_env env, int err_no, napi_value *result) {
  return make_resolver_error(env, "os", err_no, 0, 0, strerror(err_no), result);
}

/* ------------------------------------------------------------------------------------------------ */
/* Argument parsing (synchronous; wrong types throw TypeError)                                      */

/* A JS string as a malloc'ed NUL-terminated UTF-8 copy. Returns 0 and throws on error. */
static int get_string_arg(napi_env env, napi_value value, const char *name, char **out) {
  napi_valuetype type;
  char message[128];
  *out = NULL;
  if (napi_typeof(env, value, &type) != napi_ok) {
    throw_last_napi_error(env, "napi_typeof");
    return 0;
  }
  if (type != napi_string) {
    snprintf(message, sizeof message, "%s must be a string", name);
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", message);
    return 0;
  }
  size_t length = 0;
  if (napi_get_value_string_utf8(env, value, NULL, 0, &length) != napi_ok) {
    throw_last_napi_error(env, "napi_get_value_string_utf8");
    return 0;
  }
  char *buffer = malloc(length + 1);
  if (buffer == NULL) {
    napi_throw_error(env, NULL, strerror(ENOMEM));
    return 0;
  }
  size_t copied = 0;
  if (napi_get_value_string_utf8(env, value, buffer, length + 1, &copied) != napi_ok) {
    free(buffer);
    throw_last_napi_error(env, "napi_get_value_string_utf8");
    return 0;
  }
  if (strlen(buffer) != copied) {
    free(buffer);
    snprintf(message, sizeof message, "%s must not contain NUL characters", name);
    napi_throw_type_error(env, "ERR_INVALID_ARG_VALUE", message);
    return 0;
  }
  *out = buffer;
  return 1;
}

/* A string or null (NULL pointer, like Python's None). */
static int get_nullable_string_arg(napi_env env, napi_value value, const char *name, char **out) {
  napi_valuetype type;
  *out = NULL;
  if (napi_typeof(env, value, &type) != napi_ok) {
    throw_last_napi_error(env, "napi_typeof");
    return 0;
  }
  if (type == napi_null) return 1;
  if (type != napi_string) {
    char message[128];
    snprintf(message, sizeof message, "%s must be a string or null", name);
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", message);
    return 0;
  }
  return get_string_arg(env, value, name, out);
}

/* An integral number in [min, max]. Not a number / not an integer: TypeError; out of range: RangeError. */
static int get_integer_arg(napi_env env, napi_value value, const char *name, double min, double max,
                           double *out) {
  napi_valuetype type;
  char message[160];
  if (napi_typeof(env, value, &type) != napi_ok) {
    throw_last_napi_error(env, "napi_typeof");
    return 0;
  }
  if (type != napi_number) {
    snprintf(message, sizeof message, "%s must be a number", name);
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", message);
    return 0;
  }
  double d = 0;
  if (napi_get_value_double(env, value, &d) != napi_ok) {
    throw_last_napi_error(env, "napi_get_value_double");
    return 0;
  }
  if (!isfinite(d) || floor(d) != d) {
    snprintf(message, sizeof message, "%s must be an integer", name);
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", message);
    return 0;
  }
  if (d < min || d > max) {
    snprintf(message, sizeof message, "%s must be an integer from %.0f to %.0f", name, min, max);
    napi_throw_range_error(env, "ERR_OUT_OF_RANGE", message);
    return 0;
  }
  *out = d;
  return 1;
}

static int get_int32_arg(napi_env env, napi_value value, const char *name, int32_t *out) {
  double d;
  if (!get_integer_arg(env, value, name, (double)INT32_MIN, (double)INT32_MAX, &d)) return 0;
  *out = (int32_t)d;
  return 1;
}

static int get_uint32_arg(napi_env env, napi_value value, const char *name, uint32_t *out) {
  double d;
  if (!get_integer_arg(env, value, name, 0, (double)UINT32_MAX, &d)) return 0;
  *out = (uint32_t)d;
  return 1;
}

/* A numeric IPv4 or IPv6 address (inet_pton), without %scope. Returns 0 and throws TypeError if not. */
typedef struct {
  int family;
  union {
    struct in_addr v4;
    struct in6_addr v6;
  } addr;
} numeric_address;

static int get_numeric_address_arg(napi_env env, napi_value value, const char *name, numeric_address *out) {
  char *text = NULL;
  if (!get_string_arg(env, value, name, &text)) return 0;
  memset(out, 0, sizeof *out);
  if (inet_pton(AF_INET, text, &out->addr.v4) == 1) {
    out->family = AF_INET;
  } else if (inet_pton(AF_INET6, text, &out->addr.v6) == 1) {
    out->family = AF_INET6;
  } else {
    free(text);
    char message[128];
    snprintf(message, sizeof message, "%s is not a numeric IPv4/IPv6 address", name);
    napi_throw_type_error(env, "ERR_INVALID_ARG_VALUE", message);
    return 0;
  }
  free(text);
  return 1;
}

/* ------------------------------------------------------------------------------------------------ */
/* Async work                                                                                        */

typedef enum { OP_GETADDRINFO, OP_GETNAMEINFO, OP_GETHOSTBYNAME2, OP_GETHOSTBYADDR, OP_NSS_HOSTS } op_kind;

typedef struct {
  op_kind op;
  napi_async_work work;
  napi_deferred deferred;

  /* inputs */
  char *host;    /* getaddrinfo / gethostbyname2 / nss hosts (NULL = NULL pointer) */
  char *service; /* getaddrinfo */
  char *source;  /* nss hosts: the module's name */
  struct addrinfo hints;
  int family; /* gethostbyname2 */
  numeric_address address; /* getnameinfo / gethostbyaddr */
  uint16_t port;
  uint32_t flowinfo;
  uint32_t scope_id;
  int flags;

  /* outputs */
  int rc;     /* EAI_* for getaddrinfo/getnameinfo; errno-style return value of the _r calls */
  int saved_errno;
  int h_err;
  struct addrinfo *ai;
  char host_out[NI_MAXHOST];
  char serv_out[NI_MAXSERV];
  struct hostent hostent;
  struct hostent *hostent_result;
  char *buffer;
  size_t buffer_size;
  netlens_nss_answer nss;
} resolver_call;

static void free_call(resolver_call *call) {
  if (call == NULL) return;
  if (call->ai != NULL) freeaddrinfo(call->ai);
  free(call->host);
  free(call->service);
  free(call->source);
  free(call->buffer);
  netlens_nss_answer_free(&call->nss);
  free(call);
}

#if NETLENS_HAVE_GETHOSTBY_R
/* Runs gethostbyname2_r / gethostbyaddr_r, doubling the buffer while the call says ERANGE. */
static void run_gethostby_r(resolver_call *call) {
  size_t size = NETLENS_HOSTENT_INITIAL_BUFFER;
  for (;;) {
    char *buffer = realloc(call->buffer, size);
    if (buffer == NULL) {
      call->rc = ENOMEM;
      call->saved_errno = ENOMEM;
      call->h_err = 0; /* hostent_error reports rc (ENOMEM) as an 'os' error */
      call->hostent_result = NULL;
      return;
    }
    call->buffer = buffer;
    call->buffer_size = size;
    call->hostent_result = NULL;
    call->h_err = 0;
    errno = 0;
    if (call->op == OP_GETHOSTBYNAME2) {
      call->rc = gethostbyname2_r(call->host, call->family, &call->hostent, call->buffer, call->buffer_size,
                                  &call->hostent_result, &call->h_err);
    } else {
      const void *addr = call->address.family == AF_INET ? (const void *)&call->address.addr.v4
                                                         : (const void *)&call->address.addr.v6;
      socklen_t len = call->address.family == AF_INET ? (socklen_t)sizeof(struct in_addr)
                                                      : (socklen_t)sizeof(struct in6_addr);
      call->rc = gethostbyaddr_r(addr, len, call->address.family, &call->hostent, call->buffer,
                                 call->buffer_size, &call->hostent_result, &call->h_err);
    }
    call->saved_errno = errno;
    /* glibc returns ERANGE, or says NETDB_INTERNAL with errno ERANGE; musl (no NETDB_INTERNAL) returns it. */
    int erange = call->rc == ERANGE;
#ifdef NETDB_INTERNAL
    erange = erange || (call->hostent_result == NULL && call->h_err == NETDB_INTERNAL && call->saved_errno == ERANGE);
#endif
    if (!erange || size >= NETLENS_HOSTENT_MAX_BUFFER) return;
    size *= 2;
  }
}
#else
/* macOS, Windows: the non-reentrant calls as CPython makes them (netdb_nonreentrant.c). */
static void run_gethostby(resolver_call *call) {
  int by_address = call->op == OP_GETHOSTBYADDR;
  const void *addr = call->address.family == AF_INET ? (const void *)&call->address.addr.v4
                                                     : (const void *)&call->address.addr.v6;
  int len = call->address.family == AF_INET ? (int)sizeof(struct in_addr) : (int)sizeof(struct in6_addr);
  call->hostent_result = NULL;
  int found = netlens_gethostby(call->host, by_address ? call->address.family : call->family, by_address ? addr : NULL,
                                len, &call->hostent, &call->buffer, &call->h_err, &call->saved_errno);
  if (found == 1) call->hostent_result = &call->hostent;
  /* -1: out of memory or a family the platform cannot ask; hostent_error reports rc as an 'os' error. */
  call->rc = found == -1 ? call->saved_errno : 0;
  if (found == -1) call->h_err = 0;
}
#endif

static void execute_call(napi_env env, void *data) {
  (void)env; /* must not be used off the JS thread */
  resolver_call *call = data;
  switch (call->op) {
    case OP_GETADDRINFO:
      errno = 0;
      call->rc = getaddrinfo(call->host, call->service, &call->hints, &call->ai);
      call->saved_errno = errno;
      if (call->rc != 0) call->ai = NULL;
      break;
    case OP_GETNAMEINFO: {
      struct sockaddr_storage ss;
      socklen_t len;
      memset(&ss, 0, sizeof ss);
      if (call->address.family == AF_INET) {
        struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
        sin->sin_family = AF_INET;
        sin->sin_port = htons(call->port);
        sin->sin_addr = call->address.addr.v4;
        len = sizeof *sin;
#ifdef __APPLE__
        sin->sin_len = sizeof *sin;
#endif
      } else {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(call->port);
        sin6->sin6_flowinfo = htonl(call->flowinfo);
        sin6->sin6_addr = call->address.addr.v6;
        sin6->sin6_scope_id = call->scope_id;
        len = sizeof *sin6;
#ifdef __APPLE__
        sin6->sin6_len = sizeof *sin6;
#endif
      }
      errno = 0;
      call->rc = getnameinfo((const struct sockaddr *)&ss, len, call->host_out, sizeof call->host_out,
                             call->serv_out, sizeof call->serv_out, call->flags);
      call->saved_errno = errno;
      break;
    }
    case OP_GETHOSTBYNAME2:
    case OP_GETHOSTBYADDR:
#if NETLENS_HAVE_GETHOSTBY_R
      run_gethostby_r(call);
#else
      run_gethostby(call);
#endif
      break;
    case OP_NSS_HOSTS:
      netlens_nss_ask(call->source, call->host, call->family, &call->nss);
      break;
  }
}

/* The platform's own text of a getaddrinfo / getnameinfo error code: gai_strerror, or on Windows (where the codes
 * are WSAGetLastError() values and CPython has no gai_strerror) the system's message for the code. */
static void gai_text(int code, char *buffer, size_t size) {
#ifdef _WIN32
  netlens_win32_error_text((unsigned long)code, buffer, size);
#else
  snprintf(buffer, size, "%s", gai_strerror(code));
#endif
}

/* The same for an h_errno code (hstrerror; Windows has none: its h_errno is WSAGetLastError()). */
static void h_text(int code, char *buffer, size_t size) {
#ifdef _WIN32
  netlens_win32_error_text((unsigned long)code, buffer, size);
#else
  const char *text = hstrerror(code);
  snprintf(buffer, size, "%s", text != NULL ? text : "");
#endif
}

#define NETLENS_ERROR_TEXT_SIZE 512

static napi_status make_gai_error(napi_env env, const resolver_call *call, napi_value *result) {
#ifdef EAI_SYSTEM
  if (call->rc == EAI_SYSTEM) {
    return make_resolver_error(env, "gai", call->rc, 1, call->saved_errno, strerror(call->saved_errno), result);
  }
#endif
  char text[NETLENS_ERROR_TEXT_SIZE];
  gai_text(call->rc, text, sizeof text);
  return make_resolver_error(env, "gai", call->rc, 0, 0, text, result);
}

static napi_status addrinfo_rows(napi_env env, const struct addrinfo *list, napi_value *result) {
  napi_value rows;
  uint32_t index = 0;
  NAPI_TRY(napi_create_array(env, &rows));
  for (const struct addrinfo *ai = list; ai != NULL; ai = ai->ai_next) {
    char address[INET6_ADDRSTRLEN] = "";
    uint16_t port = 0;
    uint32_t flowinfo = 0, scope_id = 0;
    if (ai->ai_addr != NULL && ai->ai_family == AF_INET &&
        ai->ai_addrlen >= (socklen_t)sizeof(struct sockaddr_in)) {
      const struct sockaddr_in *sin = (const struct sockaddr_in *)ai->ai_addr;
      if (inet_ntop(AF_INET, &sin->sin_addr, address, sizeof address) == NULL) address[0] = '\0';
      port = ntohs(sin->sin_port);
    } else if (ai->ai_addr != NULL && ai->ai_family == AF_INET6 &&
               ai->ai_addrlen >= (socklen_t)sizeof(struct sockaddr_in6)) {
      const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)ai->ai_addr;
      if (inet_ntop(AF_INET6, &sin6->sin6_addr, address, sizeof address) == NULL) address[0] = '\0';
      port = ntohs(sin6->sin6_port);
      flowinfo = ntohl(sin6->sin6_flowinfo);
      scope_id = sin6->sin6_scope_id;
    }
    napi_value row;
    NAPI_TRY(napi_create_object(env, &row));
    NAPI_TRY(set_named_int32(env, row, "family", ai->ai_family));
    NAPI_TRY(set_named_int32(env, row, "socktype", ai->ai_socktype));
    NAPI_TRY(set_named_int32(env, row, "protocol", ai->ai_protocol));
    NAPI_TRY(set_named_string(env, row, "canonname", ai->ai_canonname));
    NAPI_TRY(set_named_string(env, row, "address", address));
    NAPI_TRY(set_named_uint32(env, row, "port", port));
    NAPI_TRY(set_named_uint32(env, row, "flowinfo", flowinfo));
    NAPI_TRY(set_named_uint32(env, row, "scopeId", scope_id));
    NAPI_TRY(napi_set_element(env, rows, index++, row));
  }
  *result = rows;
  return napi_ok;
}

static napi_status string_array(napi_env env, char *const *list, napi_value *result) {
  napi_value array;
  NAPI_TRY(napi_create_array(env, &array));
  uint32_t index = 0;
  for (char *const *p = list; p != NULL && *p != NULL; p++) {
    napi_value s;
    NAPI_TRY(napi_create_string_utf8(env, *p, NAPI_AUTO_LENGTH, &s));
    NAPI_TRY(napi_set_element(env, array, index++, s));
  }
  *result = array;
  return napi_ok;
}

static napi_status hostent_object(napi_env env, const struct hostent *h, napi_value *result) {
  napi_value obj, aliases, addresses;
  NAPI_TRY(napi_create_object(env, &obj));
  NAPI_TRY(set_named_string(env, obj, "name", h->h_name));
  NAPI_TRY(string_array(env, h->h_aliases, &aliases));
  NAPI_TRY(napi_set_named_property(env, obj, "aliases", aliases));
  NAPI_TRY(napi_create_array(env, &addresses));
  uint32_t index = 0;
  size_t expected = h->h_addrtype == AF_INET ? sizeof(struct in_addr)
                    : h->h_addrtype == AF_INET6 ? sizeof(struct in6_addr) : 0;
  for (char **p = h->h_addr_list; p != NULL && *p != NULL; p++) {
    char text[INET6_ADDRSTRLEN];
    if (expected == 0 || (size_t)h->h_length != expected) break;
    if (inet_ntop(h->h_addrtype, *p, text, sizeof text) == NULL) continue;
    napi_value s;
    NAPI_TRY(napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &s));
    NAPI_TRY(napi_set_element(env, addresses, index++, s));
  }
  NAPI_TRY(napi_set_named_property(env, obj, "addresses", addresses));
  NAPI_TRY(set_named_int32(env, obj, "family", h->h_addrtype));
  *result = obj;
  return napi_ok;
}

static napi_status hostent_error(napi_env env, const resolver_call *call, napi_value *result) {
#ifdef NETDB_INTERNAL
  /* NETDB_INTERNAL means "see errno": report the errno (kind 'os') when there is one. */
  if (call->h_err == NETDB_INTERNAL) {
    int err = call->rc != 0 ? call->rc : call->saved_errno;
    if (err != 0) return make_os_error(env, err, result);
  }
#endif
  if (call->h_err == 0 && call->rc != 0) return make_os_error(env, call->rc, result);
  char text[NETLENS_ERROR_TEXT_SIZE];
  h_text(call->h_err, text, sizeof text);
  return make_resolver_error(env, "h", call->h_err, 0, 0, text, result);
}

/* One module's answer: { library, loadError, function, memoryError, calls: [{ family, status, errno, herrno,
 * canonname, addresses: [{ family, address }] }] } (null for absent strings). */
static napi_status nss_answer_object(napi_env env, const netlens_nss_answer *answer, napi_value *result) {
  napi_value obj, calls, null_value;
  NAPI_TRY(napi_get_null(env, &null_value));
  NAPI_TRY(napi_create_object(env, &obj));
  const char *strings[3][2] = {{"library", answer->library}, {"loadError", answer->load_error}, {"function", answer->function}};
  for (int i = 0; i < 3; i++) {
    if (strings[i][1] == NULL) NAPI_TRY(napi_set_named_property(env, obj, strings[i][0], null_value));
    else NAPI_TRY(set_named_string(env, obj, strings[i][0], strings[i][1]));
  }
  napi_value memory_error;
  NAPI_TRY(napi_get_boolean(env, answer->memory_error != 0, &memory_error));
  NAPI_TRY(napi_set_named_property(env, obj, "memoryError", memory_error));
  NAPI_TRY(napi_create_array(env, &calls));
  for (int i = 0; i < answer->ncalls; i++) {
    const netlens_nss_call *c = &answer->calls[i];
    napi_value call, addresses;
    NAPI_TRY(napi_create_object(env, &call));
    NAPI_TRY(set_named_int32(env, call, "family", c->family));
    NAPI_TRY(set_named_int32(env, call, "status", c->status));
    NAPI_TRY(set_named_int32(env, call, "errno", c->err));
    NAPI_TRY(set_named_int32(env, call, "herrno", c->herr));
    if (c->canon == NULL) NAPI_TRY(napi_set_named_property(env, call, "canonname", null_value));
    else NAPI_TRY(set_named_string(env, call, "canonname", c->canon));
    NAPI_TRY(napi_create_array(env, &addresses));
    for (size_t k = 0; k < c->count; k++) {
      napi_value address;
      NAPI_TRY(napi_create_object(env, &address));
      NAPI_TRY(set_named_int32(env, address, "family", c->addresses[k].family));
      NAPI_TRY(set_named_string(env, address, "address", c->addresses[k].text));
      NAPI_TRY(napi_set_element(env, addresses, (uint32_t)k, address));
    }
    NAPI_TRY(napi_set_named_property(env, call, "addresses", addresses));
    NAPI_TRY(napi_set_element(env, calls, (uint32_t)i, call));
  }
  NAPI_TRY(napi_set_named_property(env, obj, "calls", calls));
  *result = obj;
  return napi_ok;
}

/* Builds the settlement value; *ok says resolve (1) or reject (0). */
static napi_status settle_value(napi_env env, resolver_call *call, int *ok, napi_value *value) {
  switch (call->op) {
    case OP_GETADDRINFO:
      if (call->rc != 0) {
        *ok = 0;
        return make_gai_error(env, call, value);
      }
      *ok = 1;
      return addrinfo_rows(env, call->ai, value);
    case OP_GETNAMEINFO:
      if (call->rc != 0) {
        *ok = 0;
        return make_gai_error(env, call, value);
      }
      *ok = 1;
      NAPI_TRY(napi_create_object(env, value));
      NAPI_TRY(set_named_string(env, *value, "host", call->host_out));
      return set_named_string(env, *value, "service", call->serv_out);
    case OP_GETHOSTBYNAME2:
    case OP_GETHOSTBYADDR:
      if (call->hostent_result == NULL) {
        *ok = 0;
        return hostent_error(env, call, value);
      }
      *ok = 1;
      return hostent_object(env, call->hostent_result, value);
    case OP_NSS_HOSTS:
      *ok = 1;
      return nss_answer_object(env, &call->nss, value);
  }
  *ok = 0;
  return make_os_error(env, EINVAL, value);
}

static void complete_call(napi_env env, napi_status status, void *data) {
  resolver_call *call = data;
  napi_value value = NULL;
  int ok = 0;
  napi_status built = napi_generic_failure;

  if (status == napi_ok) {
    built = settle_value(env, call, &ok, &value);
  } else {
    built = make_os_error(env, ECANCELED, &value);
    ok = 0;
  }

  if (built != napi_ok) {
    /* Building the result failed (out of memory in V8, or an exception is pending): reject with
     * whatever is pending, or with a plain Error. */
    bool pending = false;
    value = NULL;
    if (napi_is_exception_pending(env, &pending) == napi_ok && pending) {
      napi_get_and_clear_last_exception(env, &value);
    }
    if (value == NULL) {
      napi_value msg;
      if (napi_create_string_utf8(env, "netlens_resolver: could not build the result", NAPI_AUTO_LENGTH,
                                  &msg) == napi_ok) {
        napi_create_error(env, NULL, msg, &value);
      }
    }
    ok = 0;
  }

  if (value == NULL) napi_get_undefined(env, &value);
  if (ok) {
    napi_resolve_deferred(env, call->deferred, value);
  } else {
    napi_reject_deferred(env, call->deferred, value);
  }
  napi_delete_async_work(env, call->work);
  free_call(call);
}

/* Takes ownership of call: queues it and returns its promise, or frees it and returns NULL (thrown). */
static napi_value queue_call(napi_env env, resolver_call *call, const char *resource) {
  napi_value promise, resource_name;
  if (napi_create_string_utf8(env, resource, NAPI_AUTO_LENGTH, &resource_name) != napi_ok) {
    free_call(call);
    throw_last_napi_error(env, "napi_create_string_utf8");
    return NULL;
  }
  if (napi_create_promise(env, &call->deferred, &promise) != napi_ok) {
    free_call(call);
    throw_last_napi_error(env, "napi_create_promise");
    return NULL;
  }
  if (napi_create_async_work(env, NULL, resource_name, execute_call, complete_call, call, &call->work) !=
      napi_ok) {
    throw_last_napi_error(env, "napi_create_async_work");
    /* The promise is unreachable now (we throw instead of returning it); settle it anyway. */
    napi_value undefined;
    napi_get_undefined(env, &undefined);
    napi_reject_deferred(env, call->deferred, undefined);
    free_call(call);
    return NULL;
  }
  if (napi_queue_async_work(env, call->work) != napi_ok) {
    throw_last_napi_error(env, "napi_queue_async_work");
    napi_value undefined;
    napi_get_undefined(env, &undefined);
    napi_reject_deferred(env, call->deferred, undefined);
    napi_delete_async_work(env, call->work);
    free_call(call);
    return NULL;
  }
  return promise;
}

static resolver_call *new_call(napi_env env, op_kind op) {
  resolver_call *call = calloc(1, sizeof *call);
  if (call == NULL) {
    napi_throw_error(env, NULL, strerror(ENOMEM));
    return NULL;
  }
  call->op = op;
  return call;
}

/* ------------------------------------------------------------------------------------------------ */
/* Exported functions                                                                               */

/* getaddrinfo(host: string | null, service: string | null, family, socktype, protocol, flags) */
static napi_value js_getaddrinfo(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int32_t family, socktype, protocol, flags;
  char *host = NULL, *service = NULL;
  /* Missing arguments are `undefined` here, which every parser below rejects with a TypeError. */
  if (!get_nullable_string_arg(env, argv[0], "host", &host)) return NULL;
  if (!get_nullable_string_arg(env, argv[1], "service", &service) ||
      !get_int32_arg(env, argv[2], "family", &family) || !get_int32_arg(env, argv[3], "socktype", &socktype) ||
      !get_int32_arg(env, argv[4], "protocol", &protocol) || !get_int32_arg(env, argv[5], "flags", &flags)) {
    free(host);
    free(service);
    return NULL;
  }
  resolver_call *call = new_call(env, OP_GETADDRINFO);
  if (call == NULL) {
    free(host);
    free(service);
    return NULL;
  }
  call->host = host;
  call->service = service;
  call->hints.ai_family = family;
  call->hints.ai_socktype = socktype;
  call->hints.ai_protocol = protocol;
  call->hints.ai_flags = flags;
  return queue_call(env, call, "netlens:getaddrinfo");
}

/* getnameinfo(address: string, port, flowinfo, scopeId, flags) */
static napi_value js_getnameinfo(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  numeric_address address;
  double port;
  uint32_t flowinfo, scope_id;
  int32_t flags;
  if (!get_numeric_address_arg(env, argv[0], "address", &address) ||
      !get_integer_arg(env, argv[1], "port", 0, 65535, &port) ||
      !get_uint32_arg(env, argv[2], "flowinfo", &flowinfo) || !get_uint32_arg(env, argv[3], "scopeId", &scope_id) ||
      !get_int32_arg(env, argv[4], "flags", &flags)) {
    return NULL;
  }
  resolver_call *call = new_call(env, OP_GETNAMEINFO);
  if (call == NULL) return NULL;
  call->address = address;
  call->port = (uint16_t)port;
  call->flowinfo = flowinfo;
  call->scope_id = scope_id;
  call->flags = flags;
  return queue_call(env, call, "netlens:getnameinfo");
}

/* gethostbyname2(host: string, family): gethostbyname2_r on Linux; on macOS and Windows gethostbyname for AF_INET
 * (CPython's gethostbyname_ex there), gethostbyname2 for other families on macOS, ENOSYS on Windows. */
static napi_value js_gethostbyname2(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  char *host = NULL;
  int32_t family;
  if (!get_string_arg(env, argv[0], "host", &host)) return NULL;
  if (!get_int32_arg(env, argv[1], "family", &family)) {
    free(host);
    return NULL;
  }
  resolver_call *call = new_call(env, OP_GETHOSTBYNAME2);
  if (call == NULL) {
    free(host);
    return NULL;
  }
  call->host = host;
  call->family = family;
  return queue_call(env, call, "netlens:gethostbyname2");
}

/* gethostbyaddr(address: string) */
static napi_value js_gethostbyaddr(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  numeric_address address;
  if (!get_numeric_address_arg(env, argv[0], "address", &address)) return NULL;
  resolver_call *call = new_call(env, OP_GETHOSTBYADDR);
  if (call == NULL) return NULL;
  call->address = address;
  return queue_call(env, call, "netlens:gethostbyaddr");
}

/* nssHostsLookup(source: string, name: string, family): one NSS module alone, as getaddrinfo asks it (glibc only;
 * elsewhere the promise rejects with ENOSYS). */
static napi_value js_nss_hosts_lookup(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  char *source = NULL, *name = NULL;
  int32_t family;
  if (!get_string_arg(env, argv[0], "source", &source)) return NULL;
  if (!get_string_arg(env, argv[1], "name", &name) || !get_int32_arg(env, argv[2], "family", &family)) {
    free(source);
    free(name);
    return NULL;
  }
  if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6) {
    free(source);
    free(name);
    napi_throw_range_error(env, "ERR_OUT_OF_RANGE", "family must be AF_UNSPEC, AF_INET or AF_INET6");
    return NULL;
  }
  if (!netlens_nss_available()) {
    free(source);
    free(name);
    napi_value promise, error;
    napi_deferred deferred;
    NAPI_CALL(env, napi_create_promise(env, &deferred, &promise));
    if (make_os_error(env, ENOSYS, &error) != napi_ok) napi_get_undefined(env, &error);
    NAPI_CALL(env, napi_reject_deferred(env, deferred, error));
    return promise;
  }
  resolver_call *call = new_call(env, OP_NSS_HOSTS);
  if (call == NULL) {
    free(source);
    free(name);
    return NULL;
  }
  call->source = source;
  call->host = name;
  call->family = family;
  return queue_call(env, call, "netlens:nssHostsLookup");
}

/* gethostname(): string (synchronous: it only reads the kernel's UTS name; on Windows CPython's
 * GetComputerNameExW, whose failure is thrown as kind 'os' with the GetLastError() code) */
static napi_value js_gethostname(napi_env env, napi_callback_info info) {
  (void)info;
  char name[1025];
  memset(name, 0, sizeof name);
#ifdef _WIN32
  unsigned long failed = netlens_win32_gethostname(name, sizeof name);
  if (failed != 0) {
    char text[NETLENS_ERROR_TEXT_SIZE];
    netlens_win32_error_text(failed, text, sizeof text);
    napi_value error;
    if (make_resolver_error(env, "os", (int)failed, 0, 0, text, &error) == napi_ok) napi_throw(env, error);
    return NULL;
  }
#else
  if (gethostname(name, sizeof name - 1) != 0) {
    napi_value error;
    if (make_os_error(env, errno, &error) == napi_ok) napi_throw(env, error);
    return NULL;
  }
#endif
  name[sizeof name - 1] = '\0';
  napi_value result;
  NAPI_CALL(env, napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &result));
  return result;
}

#ifdef _WIN32
/* if_nametoindex / if_indextoname live in iphlpapi.dll, loaded at the first call; it is part of every Windows
 * since Vista, so this only happens on a broken system. */
static napi_value throw_no_iphlpapi(napi_env env) {
  napi_value error;
  if (make_resolver_error(env, "os", ENOSYS, 0, 0, "netlens_resolver: iphlpapi.dll or its if_nametoindex / if_indextoname could not be loaded", &error) == napi_ok) {
    napi_throw(env, error);
  }
  return NULL;
}
#endif

/* ifNameToIndex(name: string): number (0 when there is no such interface) */
static napi_value js_if_name_to_index(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  char *name = NULL;
  if (!get_string_arg(env, argv[0], "name", &name)) return NULL;
#ifdef _WIN32
  int missing = 0;
  unsigned long index = netlens_win32_if_nametoindex(name, &missing);
  free(name);
  if (missing) return throw_no_iphlpapi(env);
#else
  unsigned int index = if_nametoindex(name);
  free(name);
#endif
  napi_value result;
  NAPI_CALL(env, napi_create_uint32(env, (uint32_t)index, &result));
  return result;
}

/* ifIndexToName(index: number): string ('' when there is no such index) */
static napi_value js_if_index_to_name(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  uint32_t index;
  if (!get_uint32_arg(env, argv[0], "index", &index)) return NULL;
  char name[NETLENS_IF_NAMESIZE + 1];
  memset(name, 0, sizeof name);
#ifdef _WIN32
  int missing = 0;
  const char *found = index == 0 ? NULL : netlens_win32_if_indextoname(index, name, &missing);
  if (missing) return throw_no_iphlpapi(env);
#else
  const char *found = index == 0 ? NULL : if_indextoname(index, name);
#endif
  napi_value result;
  NAPI_CALL(env, napi_create_string_utf8(env, found ? name : "", NAPI_AUTO_LENGTH, &result));
  return result;
}

/* The text of an error code, through the platform's own strerror-style function (gai_text / h_text). */
static napi_value error_text(napi_env env, napi_callback_info info, void (*text_of)(int, char *, size_t)) {
  size_t argc = 1;
  napi_value argv[1];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int32_t code;
  if (!get_int32_arg(env, argv[0], "code", &code)) return NULL;
  char text[NETLENS_ERROR_TEXT_SIZE];
  text_of(code, text, sizeof text);
  napi_value result;
  NAPI_CALL(env, napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &result));
  return result;
}

/* gaiStrerror(code: number): string */
static napi_value js_gai_strerror(napi_env env, napi_callback_info info) {
  return error_text(env, info, gai_text);
}

/* hstrerror(code: number): string */
static napi_value js_hstrerror(napi_env env, napi_callback_info info) {
  return error_text(env, info, h_text);
}

/* ------------------------------------------------------------------------------------------------ */
/* Module                                                                                           */

static napi_value make_constants(napi_env env) {
  napi_value c;
  NAPI_CALL(env, napi_create_object(env, &c));
#define CONSTANT(name) NAPI_CALL(env, set_named_int32(env, c, #name, (int32_t)(name)))
  /* Address families */
  CONSTANT(AF_UNSPEC);
  CONSTANT(AF_INET);
  CONSTANT(AF_INET6);
  CONSTANT(AF_UNIX);
  /* Socket types */
  CONSTANT(SOCK_STREAM);
  CONSTANT(SOCK_DGRAM);
  CONSTANT(SOCK_RAW);
  CONSTANT(SOCK_SEQPACKET);
  /* Protocols */
  CONSTANT(IPPROTO_IP);
  CONSTANT(IPPROTO_TCP);
  CONSTANT(IPPROTO_UDP);
  CONSTANT(IPPROTO_IPV6);
  CONSTANT(IPPROTO_ICMP);
  CONSTANT(IPPROTO_ICMPV6);
  CONSTANT(IPPROTO_RAW);
#ifdef IPPROTO_SCTP
  CONSTANT(IPPROTO_SCTP);
#endif
  /* getaddrinfo flags */
  CONSTANT(AI_PASSIVE);
  CONSTANT(AI_CANONNAME);
  CONSTANT(AI_NUMERICHOST);
  CONSTANT(AI_NUMERICSERV);
  CONSTANT(AI_V4MAPPED);
  CONSTANT(AI_ALL);
  CONSTANT(AI_ADDRCONFIG);
#ifdef AI_IDN
  CONSTANT(AI_IDN);
#endif
#ifdef AI_CANONIDN
  CONSTANT(AI_CANONIDN);
#endif
#ifdef AI_DEFAULT
  CONSTANT(AI_DEFAULT);
#endif
#ifdef AI_V4MAPPED_CFG
  CONSTANT(AI_V4MAPPED_CFG);
#endif
#ifdef AI_UNUSABLE
  CONSTANT(AI_UNUSABLE);
#endif
  /* getnameinfo flags and buffer sizes */
  CONSTANT(NI_NUMERICHOST);
  CONSTANT(NI_NUMERICSERV);
  CONSTANT(NI_NOFQDN);
  CONSTANT(NI_NAMEREQD);
  CONSTANT(NI_DGRAM);
#ifdef NI_IDN
  CONSTANT(NI_IDN);
#endif
#ifdef NI_NUMERICSCOPE
  CONSTANT(NI_NUMERICSCOPE);
#endif
  CONSTANT(NI_MAXHOST);
  CONSTANT(NI_MAXSERV);
  /* getaddrinfo / getnameinfo errors */
  CONSTANT(EAI_BADFLAGS);
  CONSTANT(EAI_NONAME);
  CONSTANT(EAI_AGAIN);
  CONSTANT(EAI_FAIL);
  CONSTANT(EAI_FAMILY);
  CONSTANT(EAI_SOCKTYPE);
  CONSTANT(EAI_SERVICE);
  CONSTANT(EAI_MEMORY);
#ifdef EAI_SYSTEM
  CONSTANT(EAI_SYSTEM);
#endif
#ifdef EAI_OVERFLOW
  CONSTANT(EAI_OVERFLOW);
#endif
#if defined(_WIN32)
  /* The Windows SDK, which CPython is built with, defines EAI_NODATA as EAI_NONAME (WSAHOST_NOT_FOUND, 11001);
   * MinGW's headers say WSANO_DATA (11004). Python's socket.EAI_NODATA is the SDK's. */
  NAPI_CALL(env, set_named_int32(env, c, "EAI_NODATA", (int32_t)EAI_NONAME));
#elif defined(EAI_NODATA)
  CONSTANT(EAI_NODATA);
#endif
#ifdef EAI_ADDRFAMILY
  CONSTANT(EAI_ADDRFAMILY);
#endif
#ifdef EAI_INPROGRESS
  CONSTANT(EAI_INPROGRESS);
#endif
#ifdef EAI_CANCELED
  CONSTANT(EAI_CANCELED);
#endif
#ifdef EAI_NOTCANCELED
  CONSTANT(EAI_NOTCANCELED);
#endif
#ifdef EAI_ALLDONE
  CONSTANT(EAI_ALLDONE);
#endif
#ifdef EAI_INTR
  CONSTANT(EAI_INTR);
#endif
#ifdef EAI_IDN_ENCODE
  CONSTANT(EAI_IDN_ENCODE);
#endif
#ifdef EAI_BADHINTS
  CONSTANT(EAI_BADHINTS);
#endif
#ifdef EAI_PROTOCOL
  CONSTANT(EAI_PROTOCOL);
#endif
  /* h_errno values (gethostbyname2 / gethostbyaddr rejections of kind 'h') */
#ifdef NETDB_INTERNAL
  CONSTANT(NETDB_INTERNAL);
#endif
#ifdef NETDB_SUCCESS
  CONSTANT(NETDB_SUCCESS);
#endif
  CONSTANT(HOST_NOT_FOUND);
  CONSTANT(TRY_AGAIN);
  CONSTANT(NO_RECOVERY);
  CONSTANT(NO_DATA);
#ifdef NO_ADDRESS
  CONSTANT(NO_ADDRESS);
#endif
#undef CONSTANT
  NAPI_CALL(env, napi_object_freeze(env, c));
  return c;
}

NAPI_MODULE_INIT() {
#ifdef _WIN32
  /* Before any napi_* call: they are found in the host executable at run time (napi_win32.c). */
  const char *missing = netlens_napi_win32_bind();
  if (missing != NULL) {
    if (netlens_napi_win32_can_throw()) {
      char message[160];
      snprintf(message, sizeof message, "netlens_resolver: the host process does not export %s", missing);
      napi_throw_error(env, NULL, message);
    }
    return NULL;
  }
  int winsock = netlens_winsock_start();
  if (winsock != 0) {
    char text[NETLENS_ERROR_TEXT_SIZE], message[NETLENS_ERROR_TEXT_SIZE + 64];
    netlens_win32_error_text((unsigned long)winsock, text, sizeof text);
    snprintf(message, sizeof message, "netlens_resolver: WSAStartup failed: %s", text);
    napi_throw_error(env, NULL, message);
    return NULL;
  }
#endif
  napi_value backend, constants;
  NAPI_CALL(env, napi_create_string_utf8(env, "native", NAPI_AUTO_LENGTH, &backend));
  constants = make_constants(env);
  if (constants == NULL) return NULL;

  napi_property_descriptor properties[] = {
      {"backend", NULL, NULL, NULL, NULL, backend, napi_enumerable, NULL},
      {"constants", NULL, NULL, NULL, NULL, constants, napi_enumerable, NULL},
      {"getaddrinfo", NULL, js_getaddrinfo, NULL, NULL, NULL, napi_enumerable, NULL},
      {"getnameinfo", NULL, js_getnameinfo, NULL, NULL, NULL, napi_enumerable, NULL},
      {"gethostbyname2", NULL, js_gethostbyname2, NULL, NULL, NULL, napi_enumerable, NULL},
      {"gethostbyaddr", NULL, js_gethostbyaddr, NULL, NULL, NULL, napi_enumerable, NULL},
      {"nssHostsLookup", NULL, js_nss_hosts_lookup, NULL, NULL, NULL, napi_enumerable, NULL},
      {"gethostname", NULL, js_gethostname, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ifNameToIndex", NULL, js_if_name_to_index, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ifIndexToName", NULL, js_if_index_to_name, NULL, NULL, NULL, napi_enumerable, NULL},
      {"gaiStrerror", NULL, js_gai_strerror, NULL, NULL, NULL, napi_enumerable, NULL},
      {"hstrerror", NULL, js_hstrerror, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  NAPI_CALL(env, napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties));
  return exports;
}
