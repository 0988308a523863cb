/**
 * Node.js: dns.lookup's order and net.connect's address choice, for the Node version given.
 *
 * Checked in Node's sources and documentation (lib/net.js lookupAndConnect/lookupAndConnectMultiple as shipped in
 * the v20.0.0, v20.20.2, v24.21.0 and v25.2.0 binaries; src/cares_wrap.cc AfterGetAddrInfo; doc/api/dns.md and
 * doc/api/net.md history), and by running those binaries' net.getDefaultAutoSelectFamily(),
 * net.getDefaultAutoSelectFamilyAttemptTimeout() and dns.getDefaultResultOrder():
 *  - dns.lookup order: `verbatim` (getaddrinfo's order) by default since v17.0.0 (ipv4first before); `ipv4first`
 *    and `ipv6first` are stable partitions of that list (cares_wrap.cc adds one family, then the other);
 *    `ipv6first` exists since v20.13.0 and v22.1.0;
 *  - net.connect without `family` asks getaddrinfo with AI_ADDRCONFIG (not on Windows);
 *  - autoSelectFamily (RFC 8305, "loosely"; added in v18.13.0/v19.4.0 with autoSelectFamilyAttemptTimeout): on
 *    by default since v20.0.0; the addresses
 *    are regrouped to alternate families starting with the first address's family, each address once; attempts
 *    are serial, every one but the last aborted after autoSelectFamilyAttemptTimeout: 250 ms, 500 ms since
 *    v25.2.0 (nodejs/node#60334). Without it, net.connect tries the first address only.
 */
import * as l10n from '@vscode/l10n';
import type { AddressFamily, Destination } from '../addressOrder';
import { addresses, atLeast, distinctInOrder, familyFirst, interleaveFamilies, parseVersion, type RuntimeChoice } from './runtimeChoice';

export type NodeResultOrder = 'verbatim' | 'ipv4first' | 'ipv6first';

export interface NodeSettings {
  /** `process.version` of the Node to model (the extension host's, or the one a setting names). */
  version: string;
  /** --dns-result-order / dns.setDefaultResultOrder; the version's default when absent. */
  dnsResultOrder?: NodeResultOrder;
  /** --[no-]network-family-autoselection; the version's default when absent. */
  autoSelectFamily?: boolean;
  /** --network-family-autoselection-attempt-timeout; the version's default when absent. */
  attemptTimeoutMs?: number;
}

export interface NodeDefaults {
  dnsResultOrder: NodeResultOrder;
  /** null: the option does not exist in this version. */
  autoSelectFamily: boolean | null;
  attemptTimeoutMs: number | null;
  ipv6firstSupported: boolean;
}

/** The defaults of a Node version (see the file comment for where each was verified). */
export function nodeDefaults(version: string): NodeDefaults {
  const v = parseVersion(version) ?? [0, 0, 0];
  const hasAutoSelect = atLeast(v, [19, 4, 0]) || (v[0] === 18 && atLeast(v, [18, 13, 0]));
  return {
    dnsResultOrder: atLeast(v, [17, 0, 0]) ? 'verbatim' : 'ipv4first',
    autoSelectFamily: hasAutoSelect ? atLeast(v, [20, 0, 0]) : null,
    attemptTimeoutMs: hasAutoSelect ? (atLeast(v, [25, 2, 0]) ? 500 : 250) : null,
    ipv6firstSupported: atLeast(v, [22, 1, 0]) || (v[0] === 20 && atLeast(v, [20, 13, 0])),
  };
}

function ordered(list: readonly Destination[], order: NodeResultOrder): Destination[] {
  if (order === 'ipv4first') return familyFirst(list, 'AF_INET');
  if (order === 'ipv6first') return familyFirst(list, 'AF_INET6');
  return [...list];
}

/**
 * Node's choice for an answer. `addrconfig` lists the families glibc's AI_ADDRCONFIG keeps on this machine (null:
 * both), since net.connect asks with that flag.
 */
export function nodeChoice(answer: readonly Destination[], settings: NodeSettings, addrconfig: readonly AddressFamily[] | null): RuntimeChoice {
  const defaults = nodeDefaults(settings.version);
  const order = settings.dnsResultOrder ?? defaults.dnsResultOrder;
  const autoSelect = (settings.autoSelectFamily ?? defaults.autoSelectFamily) === true;
  const timeout = settings.attemptTimeoutMs ?? defaults.attemptTimeoutMs ?? 250;
  const kept = addrconfig ? answer.filter((d) => addrconfig.includes(d.family)) : [...answer];
  const lookup = ordered(kept, order === 'ipv6first' && !defaults.ipv6firstSupported ? 'verbatim' : order);
  const distinct = distinctInOrder(lookup);
  const version = `Node.js ${settings.version}`;
  const filtered = kept.length < answer.length ? l10n.t(' AI_ADDRCONFIG drops the family this machine has no address of.') : '';
  if (!autoSelect || distinct.length < 2) {
    return {
      version,
      strategy: l10n.t('net.connect (dns.lookup order {0}, autoSelectFamily off)', order),
      lookup: addresses(lookup),
      order: addresses(distinct.slice(0, 1)),
      rule: l10n.t('net.connect looks the name up with AI_ADDRCONFIG and connects to the first address only.') + filtered,
    };
  }
  const attempts = interleaveFamilies(distinct, distinct[0].family);
  return {
    version,
    strategy: l10n.t('net.connect (dns.lookup order {0}, autoSelectFamily on, attempt timeout {1} ms)', order, String(timeout)),
    lookup: addresses(lookup),
    order: addresses(attempts),
    rule:
      l10n.t('Families alternate, starting with the family of the first address; one attempt at a time, each but the last aborted after {0} ms.', String(timeout)) + filtered,
  };
}
