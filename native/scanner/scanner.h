/*
 * Types the scanner's modules share (src/core/scanner/types.ts and the modules' interfaces), as the C ports pass
 * them between each other. Each module's own header declares its functions.
 */
#ifndef NETLENS_SCANNER_SCANNER_H
#define NETLENS_SCANNER_SCANNER_H
#include "base.h"

/* HostMatchKind, numbered for records: url, hostname, ipv4, ipv6, network. */
enum { KIND_URL = 0, KIND_HOSTNAME = 1, KIND_IPV4 = 2, KIND_IPV6 = 3, KIND_NETWORK = 4 };

/* MatchContext, numbered for records, in types.ts's order. */
enum { CTX_URL = 0, CTX_EMAIL = 1, CTX_USER_HOST = 2, CTX_HOST_PORT = 3, CTX_KEYWORD = 4, CTX_KEY_VALUE = 5, CTX_HOSTS_FILE = 6, CTX_BARE = 7 };

/*
 * A `host` string as the TypeScript builds it: the line's [start, end), without the two characters at `cut` when
 * cut >= 0 — a URL's IPv6 zone written `%25eth0` is the host `…%eth0` (urls.ts parseAuthorityHost). A trailing dot
 * the TypeScript drops is outside [start, end).
 */
typedef struct {
  int start;
  int end;
  int cut;
} HostText;

/* suffixRules.ts's classes. */
enum { SUFFIX_NONE = 0, SUFFIX_FILE_EXTENSION = 1, SUFFIX_OTHER_TLD = 2, SUFFIX_COMMON = 3, SUFFIX_PRIVATE = 4 };

#endif
