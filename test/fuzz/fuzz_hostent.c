/*
 * fuzz_hostent.c - libFuzzer harness: the two things the addon does with a struct hostent from the C library:
 *   - hostent_object (native/netlens_resolver.c): hostent -> { name, aliases, addresses, family } on every platform;
 *   - copy_hostent (native/netdb_nonreentrant.c): the deep copy the macOS/Windows path makes under its lock.
 * Inputs: alias and address lists of any length (up to 2,000), names and aliases of 0 to 1,100 bytes (past 255)
 * with any bytes, a NUL inside (the C string ends there), any h_addrtype and an h_length that may disagree with it.
 * Each address is allocated with exactly h_length bytes, so a read past it is an ASan report.
 *
 * Checked: the object has the name and every alias, in order; every address when h_length is the family's size
 * (inet_ntop's text), none otherwise; the copy equals the original field by field and shares no memory with it.
 */
#define NETLENS_HAVE_GETHOSTBY_R 0 /* compiles copy_hostent (netdb_nonreentrant.c) on Linux too */
#include "../../native/netlens_resolver.c"
#include "../../native/netdb_nonreentrant.c"
#include "../../native/nss_module_call.c"

#include "fuzz_input.h"
#include "napi_host.h"

#define MAX_LIST 2000

static char *fuzzed_name(fz_input *in) {
  size_t n;
  const uint8_t *bytes = fz_bytes(in, 1100, &n);
  char *s = malloc(n + 1);
  memcpy(s, bytes, n);
  s[n] = '\0';
  return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_input in = {data, size, 0};
  struct hostent h;
  memset(&h, 0, sizeof h);
  uint8_t shape = fz_byte(&in);
  h.h_addrtype = shape & 1 ? AF_INET6 : shape & 2 ? AF_INET : (int)(int8_t)fz_byte(&in);
  int natural = h.h_addrtype == AF_INET6 ? 16 : 4;
  h.h_length = shape & 4 ? natural : (int)(int8_t)fz_byte(&in) % 33;
  h.h_name = shape & 8 ? NULL : fuzzed_name(&in);
  size_t naliases = shape & 16 ? 0 : ((size_t)fz_byte(&in) << 8 | fz_byte(&in)) % (MAX_LIST + 1);
  size_t naddrs = ((size_t)fz_byte(&in) << 8 | fz_byte(&in)) % (MAX_LIST + 1);
  h.h_aliases = shape & 32 ? NULL : calloc(naliases + 1, sizeof(char *));
  for (size_t i = 0; h.h_aliases && i < naliases; i++) h.h_aliases[i] = fuzzed_name(&in);
  if (h.h_aliases == NULL) naliases = 0;
  h.h_addr_list = shape & 64 ? NULL : calloc(naddrs + 1, sizeof(char *));
  size_t addr_bytes = h.h_length > 0 ? (size_t)h.h_length : 0;
  for (size_t i = 0; h.h_addr_list && i < naddrs; i++) {
    h.h_addr_list[i] = malloc(addr_bytes ? addr_bytes : 1);
    for (size_t k = 0; k < addr_bytes; k++) h.h_addr_list[i][k] = (char)fz_byte(&in);
  }
  if (h.h_addr_list == NULL) naddrs = 0;

  napi_value value;
  if (hostent_object(host_env(), &h, &value) != napi_ok) abort();
  host_value *obj = (host_value *)value;
  if (strcmp(host_get(obj, "name")->string, h.h_name ? h.h_name : "") != 0) abort();
  host_value *aliases = host_get(obj, "aliases"), *addresses = host_get(obj, "addresses");
  if (aliases->count != naliases) abort();
  for (size_t i = 0; i < naliases; i++) {
    if (strcmp(aliases->items[i]->string, h.h_aliases[i]) != 0) abort();
  }
  int family_size = h.h_addrtype == AF_INET ? 4 : h.h_addrtype == AF_INET6 ? 16 : 0;
  size_t expected = family_size != 0 && h.h_length == family_size ? naddrs : 0;
  if (addresses->count != expected) abort();
  for (size_t i = 0; i < expected; i++) {
    char text[INET6_ADDRSTRLEN];
    inet_ntop(h.h_addrtype, h.h_addr_list[i], text, sizeof text);
    if (strcmp(addresses->items[i]->string, text) != 0) abort();
  }

  struct hostent copy;
  char *storage = NULL;
  if (h.h_length >= 0) { /* the C library never reports a negative length */
    if (!copy_hostent(&h, &copy, &storage)) abort();
    if (strcmp(copy.h_name, h.h_name ? h.h_name : "") != 0 || copy.h_addrtype != h.h_addrtype || copy.h_length != h.h_length) abort();
    for (size_t i = 0; i < naliases; i++) {
      if (copy.h_aliases[i] == h.h_aliases[i] || strcmp(copy.h_aliases[i], h.h_aliases[i]) != 0) abort();
    }
    if (copy.h_aliases[naliases] != NULL) abort();
    for (size_t i = 0; i < naddrs; i++) {
      if (memcmp(copy.h_addr_list[i], h.h_addr_list[i], addr_bytes) != 0) abort();
    }
    if (copy.h_addr_list[naddrs] != NULL) abort();
    free(storage);
  }

  for (size_t i = 0; i < naliases; i++) free(h.h_aliases[i]);
  for (size_t i = 0; i < naddrs; i++) free(h.h_addr_list[i]);
  free(h.h_aliases);
  free(h.h_addr_list);
  free(h.h_name);
  host_reset();
  return 0;
}
