/**
 * Go (net package). Two resolvers, chosen per process and per name (src/net/conf.go, Go 1.21 and later):
 *  - the pure-Go resolver reads /etc/hosts and asks DNS itself and sorts with its own RFC 6724 table
 *    (goAddressOrder.ts), ignoring gai.conf. Binaries built with CGO_ENABLED=0 or `-tags netgo`, or run with
 *    GODEBUG=netdns=go, always use it; other Linux binaries use it too unless conf.go hands the name to libc;
 *  - the cgo resolver calls getaddrinfo (AF_UNSPEC, AI_CANONNAME|AI_V4MAPPED|AI_ALL) and keeps glibc's order. A
 *    cgo-enabled binary uses it with GODEBUG=netdns=cgo, with LOCALDOMAIN, RES_OPTIONS or HOSTALIASES set, when
 *    resolv.conf has an option Go does not know, for names ending in .local or holding '\' or '%', and when the
 *    nsswitch.conf hosts line has a source other than files, dns and mdns* (myhostname: only for localhost names,
 *    `gateway` and the host's name), no files or dns at all, or [STATUS=action] items on files or dns (Go accepts
 *    the ones that spell out the default; NetLens counts every such item as forcing libc).
 * net.Dialer (src/net/dial.go) then splits the list: addresses of the first address's family are "primaries",
 * the others "fallbacks" that start racing after FallbackDelay, 300 ms by default (RFC 6555 fast fallback, on by
 * default since Go 1.12); within each group, one address after the other.
 */
import * as l10n from '@vscode/l10n';
import type { Destination } from '../addressOrder';
import { goOrder } from './goAddressOrder';
import { addresses, distinctInOrder, type RuntimeChoice } from './runtimeChoice';

export type GoResolver = 'go' | 'cgo';

/**
 * Which resolver a cgo-enabled Go binary picks for `name`, from the nsswitch.conf text (null: no file). On macOS and
 * Windows conf.go hands every name to the system (libSystem, GetAddrInfoW) unless the binary asks for the Go one.
 */
export function goResolverFor(name: string, nsswitchText: string | null, hostname: string | null, os = 'linux'): { resolver: GoResolver; reason: string } {
  if (os === 'darwin') return { resolver: 'cgo', reason: l10n.t('on macOS Go asks the system resolver (libSystem) unless built with netgo') };
  if (os === 'win32') return { resolver: 'cgo', reason: l10n.t('on Windows Go asks the system resolver (GetAddrInfoW) unless built with netgo') };
  const bare = name.replace(/\.$/, '').toLowerCase();
  if (bare.endsWith('.local')) return { resolver: 'cgo', reason: l10n.t('.local names go to libc (mDNS)') };
  if (name.includes('\\') || name.includes('%')) return { resolver: 'cgo', reason: l10n.t("names with '\\' or '%' go to libc") };
  const line = nsswitchText === null ? null : nsswitchText.split('\n').map((l) => l.replace(/#.*$/, '')).find((l) => /^\s*hosts\s*:/.test(l));
  if (!line) return { resolver: 'go', reason: l10n.t('nsswitch.conf has no hosts line') };
  const tokens: string[] = line.replace(/^\s*hosts\s*:/, '').match(/\[[^\]]*\]|[^\s[]+/g) ?? [];
  if (tokens.length === 0) return { resolver: 'go', reason: l10n.t('nsswitch.conf has no hosts line') };
  if (!tokens.includes('files') && !tokens.includes('dns')) return { resolver: 'cgo', reason: l10n.t('nsswitch.conf lists neither files nor dns') };
  for (let i = 0; i < tokens.length; i++) {
    const source = tokens[i];
    if (source.startsWith('[')) continue;
    const criteria = tokens[i + 1]?.startsWith('[') === true;
    if (source === 'files' || source === 'dns') {
      if (criteria) return { resolver: 'cgo', reason: l10n.t('nsswitch.conf gives {0} a [STATUS=action] item', source) };
    } else if (source === 'myhostname') {
      const localhost = /(^|\.)localhost(\.localdomain)?$/.test(bare) || bare === 'localhost.localdomain' || bare === 'gateway';
      if (localhost || (hostname !== null && bare === hostname.toLowerCase())) return { resolver: 'cgo', reason: l10n.t('nsswitch.conf has myhostname, which answers this name') };
    } else if (!source.startsWith('mdns')) return { resolver: 'cgo', reason: l10n.t('nsswitch.conf lists {0}, which Go cannot read itself', source) };
  }
  return { resolver: 'go', reason: l10n.t('nsswitch.conf lists only sources Go reads itself') };
}

/** Addresses of the first address's family, then the rest: net.Dialer's primaries and fallbacks. */
function dialOrder(list: readonly Destination[]): Destination[] {
  if (list.length === 0) return [];
  const first = list[0].family;
  return [...list.filter((d) => d.family === first), ...list.filter((d) => d.family !== first)];
}

function choice(list: readonly Destination[], resolver: GoResolver, why: string, library: string): RuntimeChoice {
  const dial = dialOrder(list);
  const mixed = dial.some((d) => d.family !== dial[0]?.family);
  return {
    version: resolver === 'go' ? 'Go 1.21+, pure-Go resolver' : 'Go 1.21+, cgo resolver',
    strategy:
      resolver === 'go'
        ? l10n.t('net.Dial with the pure-Go resolver (CGO_ENABLED=0, -tags netgo, GODEBUG=netdns=go, or chosen by net/conf.go): {0}', why)
        : l10n.t('net.Dial with the cgo resolver (getaddrinfo; GODEBUG=netdns=cgo, or chosen by net/conf.go): {0}', why),
    lookup: addresses(list),
    order: addresses(dial),
    rule:
      (resolver === 'go' ? l10n.t("Go sorts with its own RFC 6724 table (ULA below IPv4) and ignores gai.conf. ") : l10n.t("{0}'s order is kept. ", library)) +
      (mixed ? l10n.t('The first address family is tried address by address; the other family starts after 300 ms (FallbackDelay).') : l10n.t('One address after the other.')),
  };
}

/**
 * Go's choice. The binary's build and environment are unknown, so both resolvers are given: the one this machine's
 * configuration picks for a default (cgo-enabled) build first, the other as `alternative`. `library` names whose
 * order the cgo resolver keeps (glibc, musl, the system resolver).
 */
export function goChoice(answer: readonly Destination[], picked: { resolver: GoResolver; reason: string }, library = 'glibc'): RuntimeChoice {
  const list = distinctInOrder(answer);
  const pure = choice(goOrder(list), 'go', picked.resolver === 'go' ? picked.reason : l10n.t('a binary without cgo'), library);
  const cgo = choice(list, 'cgo', picked.resolver === 'cgo' ? picked.reason : l10n.t('GODEBUG=netdns=cgo or an environment that forces libc'), library);
  return picked.resolver === 'go' ? { ...pure, alternative: cgo } : { ...cgo, alternative: pure };
}
