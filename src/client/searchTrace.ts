import type { Outcome } from '../core/addrinfo';
import type { SearchTrace, SearchTraceRequest } from '../core/searchTrace';
import type { HelperRequester } from './pythonSocket';

/**
 * The search-list trace of `request.name` (already IDNA-2003 ASCII), asked of the helper. The helper ends the
 * trace itself at `timeoutMs` (and says so in `incomplete`); the IPC timeout only guards against a stuck helper.
 */
export function searchTrace(client: HelperRequester, request: SearchTraceRequest): Promise<Outcome<SearchTrace>> {
  return client.request('dns.searchTrace', request, request.timeoutMs + 2000);
}
