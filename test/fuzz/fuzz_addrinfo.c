/*
 * fuzz_addrinfo.c - libFuzzer harness: result conversion of getaddrinfo lists (addrinfo_rows in
 * native/netlens_resolver.c) for lists of any length and any shape the C library could hand back: every family,
 * ai_addrlen shorter or longer than the family's sockaddr, a NULL ai_addr, canonical names of any length with
 * bytes that are not UTF-8 or a NUL inside.
 *
 * Each sockaddr is allocated with exactly ai_addrlen bytes, so a read past what the list says it holds is an ASan
 * report. Checked: one row per list entry, in order; each row's canonname is the entry's (up to its NUL); an
 * AF_INET/AF_INET6 entry long enough for its sockaddr gives inet_ntop's text and the port; any other gives "".
 */
#include "../../native/netlens_resolver.c"
#include "../../native/nss_module_call.c"

#include "fuzz_input.h"
#include "napi_host.h"

#define MAX_ROWS 600 /* glibc answers hundreds of rows for a name with many A records and three socket types */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_input in = {data, size, 0};
  size_t nrows = ((size_t)fz_byte(&in) << 8 | fz_byte(&in)) % (MAX_ROWS + 1);
  struct addrinfo *rows = calloc(nrows ? nrows : 1, sizeof *rows);
  char **canon = calloc(nrows ? nrows : 1, sizeof *canon);
  for (size_t i = 0; i < nrows; i++) {
    struct addrinfo *ai = &rows[i];
    uint8_t shape = fz_byte(&in);
    ai->ai_family = shape & 1 ? AF_INET6 : shape & 2 ? AF_INET : (int)(int8_t)fz_byte(&in);
    ai->ai_socktype = (int)(int8_t)fz_byte(&in);
    ai->ai_protocol = (int)(int8_t)fz_byte(&in);
    size_t natural = ai->ai_family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
    size_t addrlen = shape & 4 ? natural : (size_t)(fz_byte(&in) % 40);
    ai->ai_addrlen = (socklen_t)addrlen;
    if (!(shape & 8) && addrlen > 0) {
      uint8_t *sa = malloc(addrlen);
      for (size_t k = 0; k < addrlen; k++) sa[k] = fz_byte(&in);
      ai->ai_addr = (struct sockaddr *)sa;
    }
    if (shape & 16) {
      size_t n;
      const uint8_t *bytes = fz_bytes(&in, 1100, &n);
      canon[i] = malloc(n + 1);
      memcpy(canon[i], bytes, n);
      canon[i][n] = '\0';
      ai->ai_canonname = canon[i];
    }
    ai->ai_next = i + 1 < nrows ? &rows[i + 1] : NULL;
  }

  napi_value result;
  if (addrinfo_rows(host_env(), nrows ? rows : NULL, &result) != napi_ok) abort();
  host_value *array = (host_value *)result;
  if (array->type != HOST_ARRAY || array->count != nrows) abort();
  for (size_t i = 0; i < nrows; i++) {
    const struct addrinfo *ai = &rows[i];
    host_value *row = array->items[i];
    host_value *c = host_get(row, "canonname"), *address = host_get(row, "address"), *port = host_get(row, "port");
    if (c == NULL || strcmp(c->string, ai->ai_canonname ? ai->ai_canonname : "") != 0) abort();
    if (host_get(row, "family")->number != ai->ai_family) abort();
    char text[INET6_ADDRSTRLEN] = "";
    unsigned expected_port = 0;
    if (ai->ai_addr != NULL && ai->ai_family == AF_INET && ai->ai_addrlen >= sizeof(struct sockaddr_in)) {
      const struct sockaddr_in *sin = (const struct sockaddr_in *)ai->ai_addr;
      inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text);
      expected_port = ntohs(sin->sin_port);
    } else if (ai->ai_addr != NULL && ai->ai_family == AF_INET6 && ai->ai_addrlen >= sizeof(struct sockaddr_in6)) {
      const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)ai->ai_addr;
      inet_ntop(AF_INET6, &sin6->sin6_addr, text, sizeof text);
      expected_port = ntohs(sin6->sin6_port);
    }
    if (strcmp(address->string, text) != 0 || port->number != expected_port) abort();
  }

  for (size_t i = 0; i < nrows; i++) {
    free(rows[i].ai_addr);
    free(canon[i]);
  }
  free(rows);
  free(canon);
  host_reset();
  return 0;
}
