/**
 * Where each runtime ends up, given what Test Connection measured for every address: the first address of the
 * runtime's connect order whose attempt connected — except Java's `new Socket(host, port)`, which tries only the
 * first address. Assumes each address behaves for the runtime as it did for the test (same outcome, same time); a
 * Happy Eyeballs runtime could also win with a later address that answers faster, which one test cannot tell.
 */
import * as l10n from '@vscode/l10n';
import type { ConnectAttempt } from '../connectionTest';
import type { RuntimeChoice } from './runtimeChoice';

export interface RuntimeLanding {
  /** The address the runtime connects to; null when it connects to none. */
  address: string | null;
  /** Why, in one sentence. */
  rule: string;
}

export type RuntimeName = 'node' | 'python' | 'curl' | 'go' | 'java';

const bare = (address: string): string => address.replace(/%.*$/, '');

export function runtimeLanding(name: RuntimeName, choice: RuntimeChoice, attempts: readonly ConnectAttempt[]): RuntimeLanding {
  const byAddress = new Map(attempts.map((a) => [bare(a.address), a]));
  const order = name === 'java' ? choice.order.slice(0, 1) : choice.order;
  for (const address of order) {
    const attempt = byAddress.get(bare(address));
    if (attempt?.result === 'connected') {
      return { address: attempt.address, rule: address === order[0] ? l10n.t('its first address connected') : l10n.t('the first address in its order that connected') };
    }
  }
  if (name === 'java' && order.length > 0) return { address: null, rule: l10n.t('it tries only its first address, {0}, which did not connect', order[0]) };
  return { address: null, rule: l10n.t('none of the addresses it tries connected') };
}

export function runtimeLandings(runtimes: Record<RuntimeName, RuntimeChoice>, attempts: readonly ConnectAttempt[]): Record<RuntimeName, RuntimeLanding> {
  const names: RuntimeName[] = ['node', 'python', 'curl', 'go', 'java'];
  return Object.fromEntries(names.map((n) => [n, runtimeLanding(n, runtimes[n], attempts)])) as Record<RuntimeName, RuntimeLanding>;
}
