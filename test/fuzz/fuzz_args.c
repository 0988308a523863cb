/*
 * fuzz_args.c - libFuzzer harness: argument conversion of every export of the addon (hosts and services with any
 * bytes, embedded NULs and 64 KiB lengths, numbers that are NaN, fractional, huge or negative, flags, families,
 * socket types, numeric addresses for getnameinfo/gethostbyaddr, wrong types, missing and extra arguments).
 *
 * Checked for every input: no memory error or leak (a call that throws must free what it copied; a queued call is
 * completed as cancelled and must free everything and settle its promise exactly once), and the contract of
 * src/helper/nativeResolver.ts: a call either throws a TypeError/RangeError/Error or returns a promise or a value;
 * a string argument with a NUL is refused (TypeError) and never reaches the C library truncated.
 * Queued work never runs: a fuzzed name must not reach a resolver (see fuzz_napi.h).
 */
#include "../../native/netlens_resolver.c"
#include "../../native/nss_module_call.c"

#include "fuzz_input.h"
#include "fuzz_napi.h"

static const char *const EXPORTS[] = {"getaddrinfo", "getnameinfo", "gethostbyname2", "gethostbyaddr", "nssHostsLookup",
                                      "ifNameToIndex", "ifIndexToName", "gaiStrerror", "hstrerror", "gethostname"};
#define NEXPORTS (sizeof EXPORTS / sizeof EXPORTS[0])

static fz_value *fuzzed_value(fz_input *in, int *has_nul) {
  size_t n;
  const uint8_t *bytes;
  switch (fz_byte(in) % 8) {
    case 0: return fz_undefined();
    case 1: return fz_null();
    case 2: { /* any double, NaN and infinities included */
      uint64_t bits = ((uint64_t)fz_u32(in) << 32) | fz_u32(in);
      double d;
      memcpy(&d, &bits, sizeof d);
      return fz_number(d);
    }
    case 3: return fz_number((double)(int32_t)fz_u32(in)); /* a plausible int32 */
    case 4: return fz_number((double)fz_u32(in) * ((fz_byte(in) & 1) ? 65536.0 : 1.0)); /* around the uint32 edge */
    case 5: { /* a numeric address text, as the helper sends */
      char text[64];
      uint8_t a[16];
      for (int i = 0; i < 16; i++) a[i] = fz_byte(in);
      if (inet_ntop((a[0] & 1) ? AF_INET6 : AF_INET, a, text, sizeof text) == NULL) text[0] = '\0';
      return fz_string(text, strlen(text));
    }
    default:
      bytes = fz_bytes(in, 70000, &n);
      if (memchr(bytes, 0, n) != NULL) *has_nul = 1;
      return fz_string((const char *)bytes, n);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_input in = {data, size, 0};
  fz_value *exports = fz_load_module(napi_register_module_v1);
  if (exports == NULL) abort();
  const char *name = EXPORTS[fz_byte(&in) % NEXPORTS];
  fz_value *fn = fz_get(exports, name);
  size_t argc = fz_byte(&in) % 8;
  fz_value *argv[8];
  int string_nul[8] = {0};
  for (size_t i = 0; i < argc; i++) argv[i] = fuzzed_value(&in, &string_nul[i]);

  fz_value *result = fz_call(fn, argc, argv);
  fz_value *thrown = fz_pending();
  if (result == NULL && thrown == NULL) abort(); /* returned NULL without throwing */
  if (thrown != NULL && (thrown->type != FZ_ERROR || fz_get(thrown, "message") == NULL)) abort();
  /* A string with a NUL in the first (string) argument is refused before any work is queued. */
  if (argc > 0 && argv[0]->type == FZ_STRING && string_nul[0] && strcmp(name, "gaiStrerror") != 0 &&
      strcmp(name, "hstrerror") != 0 && strcmp(name, "ifIndexToName") != 0 && strcmp(name, "gethostname") != 0 &&
      thrown == NULL)
    abort();
  size_t completed = fz_drain(0);
  if (result != NULL && result->type == FZ_PROMISE) {
    if (!result->settled) abort(); /* every promise is settled once its work completes */
    if (completed > 1) abort();
  }
  fz_reset();
  return 0;
}
