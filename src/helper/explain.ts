// The `explain` method: the environment, every nsswitch.conf source alone and the search-list trace, in one round
// trip (issue 15's bench: explain on a cached name adds at most one). Each source and the trace are bounded by the
// lookup timeout here, in the helper: a source that hangs answers "no answer within N ms" while the others show
// (its module call keeps its threadpool thread until the C library gives up, as a hung getaddrinfo does).
import * as os from 'os';
import { searchUnavailableNote, type ExplainRequest, type ExplainResult } from '../core/explainReport';
import { platformDescription, platformFeatures, type PlatformId } from '../core/platform';
import { composeNssReport } from '../core/nssHostsCompose';
import { LOCAL_NSS_SOURCES } from '../core/nssSources';
import { parseResolvConf } from '../core/resolverConfig';
import { timeoutError } from '../core/resolverError';
import { detectResolverEnvironment } from '../core/resolverEnvironment';
import { isNumericHost, searchList } from '../core/searchTrace';
import { readSystemFileText, snapshotReader } from '../core/systemFiles';
import { helperEnvironmentProbes } from './environmentProbes';
import { hostPlatform, libcInfoFor } from './libcInfo';
import { answerNssHosts, nssHostsDeps } from './nssHosts';
import type { ResolverBackend } from './resolverBackend';
import { searchTraceQuery } from './searchTrace';

function within<T>(work: Promise<T>, ms: number, what: string): Promise<{ ok: true; value: T } | { ok: false; error: ReturnType<typeof timeoutError> }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ ok: false; error: ReturnType<typeof timeoutError> }>((resolve) => (timer = setTimeout(() => resolve({ ok: false, error: timeoutError(what, ms) }), ms)));
  return Promise.race([work.then((value) => ({ ok: true as const, value })), late]).finally(() => clearTimeout(timer));
}

export async function explainInHelper(request: ExplainRequest, backend: ResolverBackend, backendNote: string | null, platform: PlatformId = hostPlatform()): Promise<ExplainResult> {
  // Each file once for the whole report: the environment, the skeleton and every source's part read the same ones.
  const readText = snapshotReader(readSystemFileText);
  const read = (path: string): string | null => readText(path).text;
  const deps = nssHostsDeps(backend, backendNote, libcInfoFor(platform), readText);
  const environment = detectResolverEnvironment({ ...helperEnvironmentProbes(request.remoteName, readText), platform });
  const params = { name: request.name, family: request.family, only: request.network ? undefined : [...LOCAL_NSS_SOURCES] };
  const nss = composeNssReport(params, (only) => within(answerNssHosts({ ...params, only }, deps), request.timeoutMs, `the ${only.join(', ') || 'nsswitch.conf'} source`), request.timeoutMs);
  // The search list is the stub resolver's of glibc and musl; macOS and Windows search with their own services.
  const searched = platformFeatures(platform).resolvConf;
  const numeric = isNumericHost(request.name);
  const search =
    numeric || !searched
      ? Promise.resolve(null)
      : request.network
        ? searchTraceQuery({ name: request.name, family: request.family, timeoutMs: request.timeoutMs }, { read })
        : Promise.resolve(searchList(request.name, parseResolvConf(read('/etc/resolv.conf') ?? '', process.env, os.hostname())));
  const [report, trace] = await Promise.all([nss, search]);
  if (!report.ok) throw new Error(report.error.message);
  return { environment, nss: report.value, search: trace, searchUnavailable: searched || numeric ? null : searchUnavailableNote(platformDescription(platform)) };
}
