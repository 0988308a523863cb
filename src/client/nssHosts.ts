import type { Outcome } from '../core/addrinfo';
import { composeNssReport } from '../core/nssHostsCompose';
import type { NssHostsParams, NssHostsReport } from '../core/nssSources';
import type { HelperRequester } from './pythonSocket';

/**
 * "Explain the answer" (issue 15): what each source of the hosts line answers alone, and which one getaddrinfo
 * answers from (core/nssSources.ts). One request per source, each bounded by `timeoutMs` like every other lookup;
 * the helper's stuck-call accounting (client/resolverClient.ts) applies to each. See core/nssHostsCompose.ts.
 */
export function nssHostsReport(client: HelperRequester, params: NssHostsParams, timeoutMs: number): Promise<Outcome<NssHostsReport>> {
  return composeNssReport(params, (only) => client.request('nss.hosts', { name: params.name, family: params.family, only }, timeoutMs), timeoutMs);
}
