/**
 * python3 as the oracle for urlPort: `urlparse(url)` for the scheme, hostname and port, and
 * `socket.getservbyname(scheme)` for the port a scheme implies; NetLens' own scheme defaults apply only where the
 * services database has no such name.
 */
import { ResolverFailure } from '../../src/core/resolverError';
import { urlPort } from '../../src/core/urlPort';
import { SCHEME_DEFAULT_PORTS } from '../../src/core/wellKnownPorts';

/** [true, scheme, hostname, port, getservbyname(scheme) or null] or [false, Python's error]. */
export type PyUrl = [true, string, string | null, number | null, number | null] | [false, [string, number | null, string]];

/** Answers every URL in `data`; for pythonBatch. */
export const URL_SCRIPT = `
res = []
for u in data:
    try:
        p = urlparse(u)
        port = p.port
        try: svc = socket.getservbyname(p.scheme) if p.scheme else None
        except OSError: svc = None
        res.append([True, p.scheme, p.hostname, port, svc])
    except Exception as e: res.append([False, err(e)])
print(json.dumps(res))`;

/** What NetLens answers differently from python3 for one URL, or null when it agrees. */
export function urlDifference(url: string, expected: PyUrl): string | null {
  let answer;
  try {
    answer = urlPort(url);
  } catch (e) {
    if (!(e instanceof ResolverFailure)) throw e;
    const mine = [false, [e.info.kind, e.info.errno, e.info.message]];
    return JSON.stringify(mine) === JSON.stringify(expected) ? null : `python3 ${JSON.stringify(expected)}, NetLens ${JSON.stringify(mine)}`;
  }
  if (!expected[0]) return `python3 raised ${JSON.stringify(expected[1])}, NetLens answered ${JSON.stringify(answer)}`;
  const [, scheme, hostname, port, svc] = expected;
  const want =
    port !== null ? [port, 'explicit'] : svc !== null ? [svc, 'service'] : Object.prototype.hasOwnProperty.call(SCHEME_DEFAULT_PORTS, scheme) ? [SCHEME_DEFAULT_PORTS[scheme], 'default'] : [null, null];
  const theirs = JSON.stringify([scheme, hostname ?? '', ...want]);
  const mine = JSON.stringify([answer.scheme, answer.host, answer.port, answer.portSource]);
  return theirs === mine ? null : `python3 ${theirs}, NetLens ${mine}`;
}
