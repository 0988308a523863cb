import * as assert from 'node:assert/strict';
import type { HelperRequester } from '../../src/client/pythonSocket';
import type { DirectDnsRequest } from '../../src/core/directDns';
import type { PlatformId } from '../../src/core/platform';
import type { FileReader } from '../../src/core/systemFiles';
import { directDnsQuery } from '../../src/helper/directDns';

/**
 * A helper that answers `dns.query` only, with the helper's own directDnsQuery over `read` (on `platform`, else this
 * process's): what whyNotResolve asks for a localhost name, for which directDnsQuery reads files and sends nothing.
 */
export function dnsQueryOnlyHelper(read: FileReader, platform?: PlatformId): HelperRequester {
  return {
    request: async (method: string, params: DirectDnsRequest) => {
      assert.equal(method, 'dns.query');
      return { ok: true, value: await directDnsQuery(params, read, platform) };
    },
  };
}
