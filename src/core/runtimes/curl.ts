/**
 * curl / libcurl happy eyeballs, checked in curl's git history (lib/connect.c, lib/cf-ip-happy.c):
 *  - 7.59.0 to 8.9.1: the family of the first resolved address starts, the other family follows after
 *    CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS (CURL_HET_DEFAULT, 200 ms, include/curl/curl.h) or when the first fails;
 *  - 8.10.0 to 8.15.0 (commit 81a3342, "connect: always prefer ipv6 in IP eyeballing"): IPv6 always starts;
 *  - since 8.16.0 (commit af69c9d, "ip happy eyeballing: keep attempts running"): attempts alternate families
 *    starting with IPv6, a new one every happy-eyeballs timeout while the earlier ones keep running.
 * Within a family, addresses keep the resolver's order. On Linux the threaded resolver asks getaddrinfo with
 * AF_UNSPEC, SOCK_STREAM and AI_NUMERICSERV only (lib/vdns/asyn-thrdd.c), so the list is the system's answer.
 */
import * as l10n from '@vscode/l10n';
import type { Destination } from '../addressOrder';
import { addresses, atLeast, distinctInOrder, interleaveFamilies, parseVersion, type RuntimeChoice } from './runtimeChoice';

/** The newest behaviour, modelled when the curl version is not known. */
export const CURL_DEFAULT_VERSION = '8.16.0';

export function curlChoice(answer: readonly Destination[], version: string = CURL_DEFAULT_VERSION): RuntimeChoice {
  const v = parseVersion(version) ?? [8, 16, 0];
  const list = distinctInOrder(answer);
  const lookup = addresses(answer);
  const family = (f: Destination['family']): Destination[] => list.filter((d) => d.family === f);
  if (atLeast(v, [8, 16, 0])) {
    return {
      version: `curl ${version}${version === CURL_DEFAULT_VERSION ? '+' : ''}`,
      strategy: l10n.t('happy eyeballs, CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS 200 (the default)'),
      lookup,
      order: addresses(interleaveFamilies(list, 'AF_INET6')),
      rule: l10n.t('IPv6 starts, then the families alternate: a new attempt every 200 ms while the earlier ones keep running.'),
    };
  }
  const first = atLeast(v, [8, 10, 0]) ? 'AF_INET6' : (list[0]?.family ?? 'AF_INET6');
  const ordered = [...family(first), ...family(first === 'AF_INET6' ? 'AF_INET' : 'AF_INET6')];
  return {
    version: `curl ${version}`,
    strategy: l10n.t('happy eyeballs, CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS 200 (the default)'),
    lookup,
    order: addresses(ordered),
    rule: atLeast(v, [8, 10, 0])
      ? l10n.t('IPv6 addresses first, one after the other; IPv4 starts in parallel after 200 ms.')
      : l10n.t("The first address's family first, one address after the other; the other family starts in parallel after 200 ms."),
  };
}
