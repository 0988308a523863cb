import type { Outcome } from '../core/addrinfo';
import type { ResolverEnvironment } from '../core/resolverEnvironment';
import type { HelperRequester } from './pythonSocket';

/**
 * Where the helper's resolver runs: asked of the helper, not read here, because the helper runs on the machine
 * whose resolver answers (the workspace's, in remote setups). `remoteName` is `vscode.env.remoteName` in the
 * editor (null when undefined) and null in the CLI, which has none.
 */
export function resolverEnvironment(client: HelperRequester, remoteName: string | null): Promise<Outcome<ResolverEnvironment>> {
  return client.request('environment', { remoteName });
}
