/**
 * The ahead-of-time scanner's matches (native/scanner/hostscanner.h: 14 int32s per match, every string a range of
 * the line) as the HostMatch objects the TypeScript scanner pushes for the same line: same properties, in the same
 * order as hostScanner.ts's object literals (JSON output keeps that order). Pure TypeScript: product code.
 */
import type { HostMatch, HostMatchKind, MatchContext } from './types';

/** int32s per record (RECORD_INTS). */
export const RECORD_INTS = 14;

/** HostMatchKind by its record number (scanner.h's KIND_*). */
const KINDS: readonly HostMatchKind[] = ['url', 'hostname', 'ipv4', 'ipv6', 'network'];
/** MatchContext by its record number (scanner.h's CTX_*, types.ts's order). */
const CONTEXTS: readonly MatchContext[] = ['url', 'email', 'userHost', 'hostPort', 'keyword', 'keyValue', 'hostsFile', 'bare'];

/**
 * A HostText: the line's [start, end) without the two characters at `cut` when cut >= 0 (a URL's IPv6 zone
 * written `%25eth0` is the host `…%eth0`).
 */
function hostText(line: string, start: number, end: number, cut: number): string {
  return cut < 0 ? line.slice(start, end) : line.slice(start, cut) + line.slice(cut + 2, end);
}

/** Appends to `out` the `count` matches of `line` (number `lineNo`) that `records` holds. */
export function decodeRecords(line: string, lineNo: number, records: Int32Array, count: number, out: HostMatch[]): void {
  for (let r = 0; r < count; r++) {
    const o = r * RECORD_INTS;
    const kind = KINDS[records[o]];
    const context = CONTEXTS[records[o + 1]];
    const start = records[o + 2];
    const end = records[o + 3];
    const text = line.slice(start, end);
    const host = hostText(line, records[o + 4], records[o + 5], records[o + 6]);
    const explicitPort = records[o + 7] < 0 ? null : line.slice(records[o + 7], records[o + 8]);
    if (kind === 'url') {
      out.push({
        kind,
        text,
        line: lineNo,
        character: start,
        length: end - start,
        host,
        explicitPort,
        context,
        scheme: line.slice(records[o + 9], records[o + 10]).toLowerCase(),
        portScheme: line.slice(records[o + 11], records[o + 12]).toLowerCase(),
      });
    } else if (kind === 'network') {
      const slash = records[o + 13];
      out.push({ kind, text, line: lineNo, character: start, length: end - start, host, explicitPort, context, address: line.slice(start, slash), prefix: line.slice(slash + 1, end) });
    } else {
      out.push({ kind, text, line: lineNo, character: start, length: end - start, host, explicitPort, context });
    }
  }
}
