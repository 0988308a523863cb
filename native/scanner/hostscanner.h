/* hostScanner.ts: the scanner itself, a line at a time, its matches as records. */
#ifndef NETLENS_SCANNER_HOSTSCANNER_H
#define NETLENS_SCANNER_HOSTSCANNER_H
#include "scanner.h"

/*
 * One HostMatch as 14 int32s (RECORD_INTS), every string a range of the line:
 *   [0] kind (KIND_*)          [1] context (CTX_*)
 *   [2] start  [3] end         text = line[start, end): character = start, length = end - start
 *   [4] hostStart [5] hostEnd [6] hostCut      host = HostText {hostStart, hostEnd, hostCut}
 *   [7] portStart [8] portEnd  explicitPort = line[portStart, portEnd), or null when both are -1
 *   [9] schemeStart [10] schemeEnd             url: scheme = lower-cased line[schemeStart, schemeEnd)
 *   [11] portSchemeStart [12] portSchemeEnd    url: portScheme, the same way
 *   [13] slash                 network: address = line[start, slash), prefix = line[slash + 1, end)
 * Fields a kind does not have are -1.
 */
#define RECORD_INTS 14

/*
 * scanLineInto(line, lineNo, out) on the ASCII line [s, s + n): its matches' records from HostScanner_records(),
 * returning how many; -1 when the line needs more room than the module has (the caller scans it with the
 * TypeScript). Line numbers are the caller's.
 */
int HostScanner_scanLine(const u8 *s, int n);
/* The records, at a fixed address (a static array: JavaScript keeps one view of it). */
const int32_t *HostScanner_records(void);

#endif
