/* urls.ts: `scheme://authority/path` URLs of a line. */
#ifndef NETLENS_SCANNER_URLS_H
#define NETLENS_SCANNER_URLS_H
#include "scanner.h"

/* A host of a multi-host authority (AuthorityHost): offsets in the line, kind KIND_HOSTNAME/IPV4/IPV6. */
typedef struct {
  int start;
  int end;
  HostText host;
  int kind;
  int portStart; /* the port's text [portStart, portEnd); both -1 when null */
  int portEnd;
} AuthorityHost;

/* A UrlSpan. `scheme` and `portScheme` are the lower-cased text of their ranges in the line. */
typedef struct {
  int start;
  int end;
  int schemeStart;
  int schemeEnd;
  int portSchemeStart;
  int portSchemeEnd;
  HostText host;
  int hostKind; /* KIND_HOSTNAME, KIND_IPV4 or KIND_IPV6 */
  int portStart; /* explicitPort's text; both -1 when null */
  int portEnd;
  int hostsFirst; /* `hosts`: url_hosts()[hostsFirst, hostsFirst + hostsCount); hostsCount -1 when null */
  int hostsCount;
} UrlSpan;

/*
 * findUrls(line, out) into the module's URL table: returns how many spans (url_spans()), or -1 when the line has
 * more than the table holds (the caller then scans the line with the TypeScript).
 */
int find_urls(const u8 *s, int n);
const UrlSpan *url_spans(void);
const AuthorityHost *url_hosts(void);

#endif
