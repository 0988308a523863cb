/*
 * fuzz_args.c - libFuzzer harness: argument conversion of every export of the addon (hosts and services with any
 * bytes, embedded NULs and 64 KiB lengths, numbers that are NaN, fractional, huge or negative, flags, families,
 * socket types, numeric addresses for getnameinfo/gethostbyaddr, wrong types, missing and extra arguments).
 *
 * Checked for every input: no memory error or leak (a call that throws must free what it copied; a queued call is
 * completed as cancelled and must free everything and settle its promise exactly once), and the contract of
 * src/helper/nativeResolver.ts: a call either throws a TypeError/RangeError/Error or returns a promise or a value;
 * a string argument with a NUL is refused (TypeError) and never reaches the C library truncated.
 * Queued work never runs: a fuzzed name must not reach a resolver (see test/native-harness/napi_host.h).
 */
#include "../../native/netlens_resolver.c"
#include "../../native/nss_module_call.c"

#include "fuzz_input.h"
#include "napi_host.h"

static const char *const EXPORTS[] = {"getaddrinfo", "getnameinfo", "gethostbyname2", "gethostbyaddr", "nssHostsLookup",
                                      "ifNameToIndex", "ifIndexToName", "gaiStrerror", "hstrerror", "gethostname"};
#define NEXPORTS (sizeof EXPORTS / sizeof EXPORTS[0])

static host_value *fuzzed_value(fz_input *in, int *has_nul) {
  size_t n;
  const uint8_t *bytes;
  switch (fz_byte(in) % 8) {
    case 0: return host_undefined();
    case 1: return host_null();
    case 2: { /* any double, NaN and infinities included */
      uint64_t bits = ((uint64_t)fz_u32(in) << 32) | fz_u32(in);
      double d;
      memcpy(&d, &bits, sizeof d);
      return host_number(d);
    }
    case 3: return host_number((double)(int32_t)fz_u32(in)); /* a plausible int32 */
    case 4: return host_number((double)fz_u32(in) * ((fz_byte(in) & 1) ? 65536.0 : 1.0)); /* around the uint32 edge */
    case 5: { /* a numeric address text, as the helper sends */
      char text[64];
      uint8_t a[16];
      for (int i = 0; i < 16; i++) a[i] = fz_byte(in);
      if (inet_ntop((a[0] & 1) ? AF_INET6 : AF_INET, a, text, sizeof text) == NULL) text[0] = '\0';
      return host_string(text, strlen(text));
    }
    default:
      bytes = fz_bytes(in, 70000, &n);
      if (memchr(bytes, 0, n) != NULL) *has_nul = 1;
      return host_string((const char *)bytes, n);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_input in = {data, size, 0};
  host_value *exports = host_load_module(napi_register_module_v1);
  if (exports == NULL) abort();
  const char *name = EXPORTS[fz_byte(&in) % NEXPORTS];
  host_value *fn = host_get(exports, name);
  size_t argc = fz_byte(&in) % 8;
  host_value *argv[8];
  int string_nul[8] = {0};
  for (size_t i = 0; i < argc; i++) argv[i] = fuzzed_value(&in, &string_nul[i]);

  host_value *result = host_call(fn, argc, argv);
  host_value *thrown = host_pending();
  if (result == NULL && thrown == NULL) abort(); /* returned NULL without throwing */
  if (thrown != NULL && (thrown->type != HOST_ERROR || host_get(thrown, "message") == NULL)) abort();
  /* A string with a NUL in the first (string) argument is refused before any work is queued. */
  if (argc > 0 && argv[0]->type == HOST_STRING && string_nul[0] && strcmp(name, "gaiStrerror") != 0 &&
      strcmp(name, "hstrerror") != 0 && strcmp(name, "ifIndexToName") != 0 && strcmp(name, "gethostname") != 0 &&
      thrown == NULL)
    abort();
  size_t completed = host_drain(0);
  if (result != NULL && result->type == HOST_PROMISE) {
    if (!result->settled) abort(); /* every promise is settled once its work completes */
    if (completed > 1) abort();
  }
  host_reset();
  return 0;
}
