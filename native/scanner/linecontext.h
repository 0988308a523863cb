/* lineContext.ts: what a whole line says about the hosts in it. */
#ifndef NETLENS_SCANNER_LINECONTEXT_H
#define NETLENS_SCANNER_LINECONTEXT_H
#include "base.h"

typedef struct {
  int strongStart;
  int strongEnd;
  int strongKind; /* 0: 'keyword', 1: 'hostsFile' */
  int argStart;
  bool moduleLine;
  bool imageLine;
} LineContext;

/* analyzeLine(s) and lineContext(s) (the latter without the quick test). */
void analyze_line(const u8 *s, int n, LineContext *out);
void line_context(const u8 *s, int n, LineContext *out);

#endif
