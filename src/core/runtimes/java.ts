/**
 * Java (OpenJDK 9 and later): InetAddress.getAllByName asks getaddrinfo (AF_UNSPEC, AI_CANONNAME; Inet6AddressImpl.c,
 * lookupAllHostAddr), drops duplicate addresses and then reorders by java.net.preferIPv6Addresses: `false` (the
 * default) puts the IPv4 addresses first, `true` the IPv6 ones, each group in getaddrinfo's order; `system` (since
 * JDK 9) keeps getaddrinfo's order. new Socket(host, port) resolves with InetAddress.getByName, the first of
 * that list, and connects to it alone: no second address is tried.
 */
import * as l10n from '@vscode/l10n';
import type { Destination } from '../addressOrder';
import { addresses, distinctInOrder, familyFirst, type RuntimeChoice } from './runtimeChoice';

export type JavaPreferIpv6 = 'false' | 'true' | 'system';

export function javaChoice(answer: readonly Destination[], preferIPv6Addresses: JavaPreferIpv6 = 'false'): RuntimeChoice {
  const distinct = distinctInOrder(answer);
  const lookup = preferIPv6Addresses === 'system' ? distinct : familyFirst(distinct, preferIPv6Addresses === 'true' ? 'AF_INET6' : 'AF_INET');
  return {
    version: 'OpenJDK 9+',
    strategy: l10n.t('new Socket(host, port), java.net.preferIPv6Addresses={0}', preferIPv6Addresses),
    lookup: addresses(lookup),
    order: addresses(lookup.slice(0, 1)),
    rule:
      preferIPv6Addresses === 'system'
        ? l10n.t("getAllByName keeps getaddrinfo's order; new Socket connects to the first address only.")
        : l10n.t('getAllByName puts {0} addresses first; new Socket connects to the first address only.', preferIPv6Addresses === 'true' ? 'IPv6' : 'IPv4'),
  };
}
