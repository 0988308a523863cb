/*
 * fuzz_nss.c - libFuzzer harness: what native/nss_module_call.c does with an NSS hosts module's answer, and its
 * conversion to JavaScript (nss_answer_object in native/netlens_resolver.c). The module is a fake whose answer
 * comes from the input and is laid out in the caller's buffer as glibc's modules do: when the buffer is too small
 * it says TRYAGAIN with errno ERANGE and h_errno NETDB_INTERNAL, so the buffer-doubling loop runs as with a real
 * module and a big answer. Answers: gethostbyname4_r tuple lists of up to 400 entries of any family (unknown ones
 * are skipped), gethostbyname3_r/2_r hostents whose h_length may disagree with the family, canonical names of up
 * to 1,100 bytes with any bytes, every nss_status with any errno/h_errno.
 *
 * Checked: one recorded call per family asked (AF_INET6 then AF_INET for AF_UNSPEC without 4_r), its status,
 * errno and h_errno as the module set them, the canonical name, and exactly the module's AF_INET/AF_INET6
 * addresses in order (inet_ntop's text); the JavaScript object has the same.
 */
#include "../../native/netlens_resolver.c"
#include "../../native/nss_module_call.c"

#include "fuzz_input.h"
#include "napi_host.h"

#define MAX_ADDRS 400

typedef struct {
  int status, err, herr;
  char canon[1101];
  int has_canon;
  size_t n;
  int family[MAX_ADDRS];
  uint8_t addr[MAX_ADDRS][16];
  int h_addrtype, h_length; /* 3_r / 2_r */
} plan_t;

static plan_t plan;

static size_t align_up(size_t n) { return (n + sizeof(void *) - 1) & ~(sizeof(void *) - 1); }

static enum nss_status erange(int *errnop, int *herrnop) {
  *errnop = ERANGE;
  *herrnop = NETDB_INTERNAL;
  return NSS_STATUS_TRYAGAIN;
}

static enum nss_status fake4(const char *name, struct gaih_addrtuple **pat, char *buffer, size_t buflen, int *errnop,
                             int *herrnop, int32_t *ttlp) {
  (void)name;
  (void)ttlp;
  if (plan.status != NSS_STATUS_SUCCESS) {
    *errnop = plan.err;
    *herrnop = plan.herr;
    return plan.status;
  }
  size_t canon_len = plan.has_canon ? strlen(plan.canon) + 1 : 0;
  size_t need = align_up(canon_len) + plan.n * sizeof(struct gaih_addrtuple);
  if (buflen < need) return erange(errnop, herrnop);
  char *name_copy = plan.has_canon ? memcpy(buffer, plan.canon, canon_len) : NULL;
  struct gaih_addrtuple *t = (struct gaih_addrtuple *)(void *)(buffer + align_up(canon_len));
  for (size_t i = 0; i < plan.n; i++) {
    memset(&t[i], 0, sizeof t[i]);
    t[i].next = i + 1 < plan.n ? &t[i + 1] : NULL;
    t[i].name = i == 0 ? name_copy : NULL;
    t[i].family = plan.family[i];
    memcpy(t[i].addr, plan.addr[i], 16);
  }
  *pat = plan.n ? t : NULL;
  return NSS_STATUS_SUCCESS;
}

static enum nss_status fake3(const char *name, int af, struct hostent *host, char *buffer, size_t buflen, int *errnop,
                             int *herrnop, int32_t *ttlp, char **canonp) {
  (void)name;
  (void)ttlp;
  if (plan.status != NSS_STATUS_SUCCESS) {
    *errnop = plan.err;
    *herrnop = plan.herr;
    return plan.status;
  }
  size_t length = plan.h_length > 0 ? (size_t)plan.h_length : 0;
  size_t canon_len = plan.has_canon ? strlen(plan.canon) + 1 : 1;
  size_t need = (plan.n + 1 + 1) * sizeof(char *) + plan.n * length + canon_len;
  if (buflen < need) return erange(errnop, herrnop);
  char **list = (char **)(void *)buffer;
  char **aliases = list + plan.n + 1;
  char *p = (char *)(aliases + 1);
  for (size_t i = 0; i < plan.n; i++) {
    memcpy(p, plan.addr[i], length < 16 ? length : 16);
    if (length > 16) memset(p + 16, 0, length - 16);
    list[i] = p;
    p += length;
  }
  list[plan.n] = NULL;
  aliases[0] = NULL;
  memcpy(p, plan.has_canon ? plan.canon : "", canon_len);
  host->h_name = p;
  host->h_aliases = aliases;
  host->h_addrtype = plan.h_addrtype == -1 ? af : plan.h_addrtype;
  host->h_length = plan.h_length;
  host->h_addr_list = list;
  if (canonp != NULL) *canonp = plan.has_canon ? p : NULL;
  return NSS_STATUS_SUCCESS;
}

static enum nss_status fake2(const char *name, int af, struct hostent *host, char *buffer, size_t buflen, int *errnop,
                             int *herrnop) {
  return fake3(name, af, host, buffer, buflen, errnop, herrnop, NULL, NULL);
}

static void read_plan(fz_input *in) {
  memset(&plan, 0, sizeof plan);
  static const int statuses[] = {NSS_STATUS_SUCCESS, NSS_STATUS_NOTFOUND, NSS_STATUS_TRYAGAIN, NSS_STATUS_UNAVAIL, NSS_STATUS_RETURN};
  uint8_t s = fz_byte(in);
  plan.status = s < 160 ? NSS_STATUS_SUCCESS : statuses[s % 5];
  plan.err = (int)(int8_t)fz_byte(in);
  plan.herr = (int)(int8_t)fz_byte(in);
  plan.has_canon = fz_byte(in) & 1;
  size_t n;
  const uint8_t *bytes = fz_bytes(in, 1100, &n);
  memcpy(plan.canon, bytes, n);
  plan.canon[n] = '\0';
  plan.n = ((size_t)fz_byte(in) << 8 | fz_byte(in)) % (MAX_ADDRS + 1);
  uint8_t shape = fz_byte(in);
  plan.h_addrtype = shape & 1 ? -1 : (int)(int8_t)fz_byte(in);
  plan.h_length = shape & 2 ? -1 : (int)(fz_byte(in) % 33); /* -1: the family's own size, set below */
  for (size_t i = 0; i < plan.n; i++) {
    uint8_t f = fz_byte(in);
    plan.family[i] = f & 1 ? AF_INET6 : f & 2 ? AF_INET : (int)(int8_t)fz_byte(in);
    for (int k = 0; k < 16; k++) plan.addr[i][k] = fz_byte(in);
  }
}

/* The addresses a correct reading of the tuple list / hostent gives, as text. */
static size_t expected_addresses(int function, int family_asked, char out[][INET6_ADDRSTRLEN]) {
  size_t count = 0;
  for (size_t i = 0; i < plan.n; i++) {
    int family;
    if (function == 4) {
      family = plan.family[i];
      if (family != AF_INET && family != AF_INET6) continue;
    } else {
      family = plan.h_addrtype == -1 ? family_asked : plan.h_addrtype;
      size_t natural = family == AF_INET6 ? 16 : family == AF_INET ? 4 : 0;
      if (natural == 0 || (size_t)plan.h_length != natural) return 0;
    }
    inet_ntop(family, plan.addr[i], out[count++], INET6_ADDRSTRLEN);
  }
  return count;
}

static char expected[MAX_ADDRS][INET6_ADDRSTRLEN];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_input in = {data, size, 0};
  uint8_t mode = fz_byte(&in);
  read_plan(&in);
  int function = mode % 3 == 0 ? 4 : mode % 3 == 1 ? 3 : 2;
  int family = (mode / 3) % 3 == 0 ? AF_UNSPEC : (mode / 3) % 3 == 1 ? AF_INET : AF_INET6;
  if (function != 4 && plan.h_length == -1) plan.h_length = family == AF_INET ? 4 : 16;

  netlens_nss_answer answer;
  memset(&answer, 0, sizeof answer);
  if (function == 4) {
    call_gethostbyname4(fake4, "fuzz.example", &answer);
  } else {
    /* as netlens_nss_ask does: AF_INET6 first, then AF_INET */
    if (family == AF_INET6 || family == AF_UNSPEC) call_gethostbyname3(function == 3 ? fake3 : NULL, function == 2 ? fake2 : NULL, "fuzz.example", AF_INET6, &answer);
    if (family == AF_INET || family == AF_UNSPEC) call_gethostbyname3(function == 3 ? fake3 : NULL, function == 2 ? fake2 : NULL, "fuzz.example", AF_INET, &answer);
  }
  if (answer.memory_error) abort(); /* nothing here is big enough to fail an allocation */
  for (int c = 0; c < answer.ncalls; c++) {
    netlens_nss_call *call = &answer.calls[c];
    if (call->status != plan.status) abort();
    if (plan.status != NSS_STATUS_SUCCESS) {
      if (call->err != plan.err || call->herr != plan.herr || call->count != 0) abort();
      continue;
    }
    size_t n = expected_addresses(function, call->family, expected);
    if (call->count != n) abort();
    for (size_t k = 0; k < n; k++) {
      if (strcmp(call->addresses[k].text, expected[k]) != 0) abort();
    }
    int want_canon = plan.has_canon && (function != 4 || plan.n > 0) && function != 2;
    if (want_canon != (call->canon != NULL)) abort();
    if (want_canon && strcmp(call->canon, plan.canon) != 0) abort();
  }

  napi_value value;
  if (nss_answer_object(host_env(), &answer, &value) != napi_ok) abort();
  host_value *calls = host_get((host_value *)value, "calls");
  if (calls->count != (size_t)answer.ncalls) abort();
  for (int c = 0; c < answer.ncalls; c++) {
    host_value *addresses = host_get(calls->items[c], "addresses");
    if (addresses->count != answer.calls[c].count) abort();
    for (size_t k = 0; k < answer.calls[c].count; k++) {
      if (strcmp(host_get(addresses->items[k], "address")->string, answer.calls[c].addresses[k].text) != 0) abort();
    }
  }
  netlens_nss_answer_free(&answer);
  host_reset();
  return 0;
}
