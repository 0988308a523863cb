/**
 * `netlens order`: why the system resolver's answer is in its order, and what each language runtime does with it.
 * Pure: the helper gathers the facts (source addresses, interfaces, gai.conf text, which C library), this module
 * explains them. The JSON shape is a contract (README, "netlens order"):
 * {addresses: [{address, family, source, scope, label, precedence, rule}], gaiConf: {path, label, precedence,
 * scopev4, reload}, runtimes: {node, python, curl, go, java}}, each runtime {version, strategy, order, rule}.
 */
import * as l10n from '@vscode/l10n';
import { explainGlibcOrder, type AddressFamily, type Destination, type ExplainedAddress, type HostAddressing, type InterfaceAddress, type InterfaceLink } from './addressOrder';
import { GAI_CONF_PATH, gaiConfCrashes, parseGaiConf, type GaiConfLine, type PolicyRow, type ScopeRow } from './gaiConf';
import { explainMuslOrder, muslTables } from './muslAddressOrder';
import { platformDescription, platformFeatures, type PlatformId } from './platform';
import { parseIpAddress } from './ipAddress';
import { curlChoice } from './runtimes/curl';
import { goChoice, goResolverFor } from './runtimes/go';
import { javaChoice, type JavaPreferIpv6 } from './runtimes/java';
import { nodeChoice, type NodeSettings } from './runtimes/node';
import { pythonChoice } from './runtimes/python';
import type { RuntimeChoice } from './runtimes/runtimeChoice';

/** Which C library answers getaddrinfo in the helper (and so for programs on this machine). */
export interface LibcInfo {
  name: 'glibc' | 'musl' | 'unknown';
  version: string | null;
}

/** A destination to find the source address of: an address of the answer, with its IPv6 scope id. */
export interface OrderDestination {
  address: string;
  family: AddressFamily;
  scopeId: number;
}

/** What the helper found out (IPC method `order.sources`). */
export interface OrderFacts {
  /** Per destination, in the order asked: the source address a connected UDP socket got, or why none. */
  sources: { address: string; source: string | null; error: string | null }[];
  interfaces: InterfaceAddress[];
  links: InterfaceLink[];
  gaiConf: { path: string; text: string | null; problem: string | null };
  libc: LibcInfo;
  /** The helper's platform; absent from facts made before issue 17 (then Linux with `libc`'s C library). */
  platform?: PlatformId;
  nsswitch: string | null;
  hostname: string;
}

export interface OrderSettings {
  node: NodeSettings;
  curlVersion?: string;
  javaPreferIPv6Addresses?: JavaPreferIpv6;
}

export interface OrderReport {
  host: string;
  port: string | null;
  /** The call whose answer is explained. */
  call: string;
  libc: LibcInfo;
  /**
   * The model the explanation uses: glibc's rfc3484_sort with gai.conf, or musl's built-in table; null where NetLens
   * has no model of the platform's sort (macOS, Windows): `addresses` is then empty and `unavailable` says why.
   */
  model: 'glibc' | 'musl' | null;
  /** Why the order is not explained on this platform (localized); null where it is. */
  unavailable: string | null;
  addresses: ExplainedAddress[];
  /** Whether the model sorts the answer into the order the resolver gave (see explainGlibcOrder). */
  reproduced: boolean;
  gaiConf: {
    path: string | null;
    /** Whether the file was read (false: absent or unreadable, or musl, which never reads one). */
    fileRead: boolean;
    problem: string | null;
    label: PolicyRow[];
    precedence: PolicyRow[];
    scopev4: ScopeRow[];
    reload: boolean;
    lines: GaiConfLine[];
    /** glibc up to 2.40 crashes in getaddrinfo with this file (see gaiConf.ts). */
    crashes: boolean;
  };
  /** Families glibc's AI_ADDRCONFIG keeps here (null: both), which Node's net.connect asks for. */
  addrconfigFamilies: AddressFamily[] | null;
  runtimes: { node: RuntimeChoice; python: RuntimeChoice; curl: RuntimeChoice; go: RuntimeChoice; java: RuntimeChoice };
}

function isLoopback(bytes: Uint8Array): boolean {
  return bytes.length === 4 ? bytes[0] === 127 && bytes[1] === 0 && bytes[2] === 0 && bytes[3] === 1 : bytes.subarray(0, 15).every((b) => b === 0) && bytes[15] === 1;
}

/**
 * The families AI_ADDRCONFIG keeps (__check_pf in check_pf.c, as getaddrinfo uses it): IPv4 when an IPv4 address
 * other than 127.0.0.1 exists, IPv6 when one other than ::1 does; both (null) when there are both or neither.
 */
export function addrconfigFamilies(interfaces: readonly InterfaceAddress[]): AddressFamily[] | null {
  let v4 = false;
  let v6 = false;
  for (const i of interfaces) {
    const parsed = parseIpAddress(i.address);
    if (!parsed || isLoopback(parsed.bytes)) continue;
    if (parsed.version === 4) v4 = true;
    else v6 = true;
  }
  if (v4 === v6) return null;
  return [v4 ? 'AF_INET' : 'AF_INET6'];
}

/** The destinations of an answer as the helper should look their sources up. */
export function orderDestinations(answer: readonly { address: string; family: AddressFamily; scopeId: number }[]): OrderDestination[] {
  return answer.map((a) => ({ address: a.address, family: a.family, scopeId: a.scopeId }));
}

/** Builds the report from the answer (distinct addresses in the resolver's order) and the helper's facts. */
export function buildOrderReport(args: { host: string; port: string | null; call: string; answer: readonly OrderDestination[]; facts: OrderFacts; settings: OrderSettings }): OrderReport {
  const { facts } = args;
  const destinations: Destination[] = args.answer.map((a, i) => ({ address: a.address, family: a.family, source: facts.sources[i]?.source ?? null }));
  const addressing: HostAddressing = { interfaces: facts.interfaces, links: facts.links };
  const platform = facts.platform ?? { os: 'linux', arch: '', libc: facts.libc.name === 'musl' ? 'musl' : 'glibc' };
  const model = platformFeatures(platform).addressOrder;
  const musl = model === 'musl';
  const glibc = model === 'glibc';
  const conf = parseGaiConf(glibc ? facts.gaiConf.text : null, facts.libc.name === 'glibc' ? facts.libc.version : null, facts.gaiConf.path);
  const explained = musl ? explainMuslOrder(destinations) : glibc ? explainGlibcOrder(destinations, addressing, conf) : { addresses: [], reproduced: true };
  const tables = musl ? muslTables() : glibc ? { labels: conf.labels, precedence: conf.precedence } : { labels: [], precedence: [] };
  const addrconfig = addrconfigFamilies(facts.interfaces);
  const picked = goResolverFor(args.host, facts.nsswitch, facts.hostname, platform.os);
  return {
    host: args.host,
    port: args.port,
    call: args.call,
    libc: facts.libc,
    model,
    unavailable: model === null ? addressOrderUnavailable(platformDescription(platform)) : null,
    addresses: explained.addresses,
    reproduced: explained.reproduced,
    gaiConf: {
      path: glibc ? facts.gaiConf.path : null,
      fileRead: glibc && conf.fileRead,
      problem: glibc ? facts.gaiConf.problem : null,
      label: tables.labels,
      precedence: tables.precedence,
      scopev4: glibc ? conf.scopev4 : [],
      reload: glibc && conf.reload,
      lines: glibc ? conf.lines : [],
      crashes: glibc && gaiConfCrashes(conf),
    },
    addrconfigFamilies: addrconfig,
    runtimes: {
      node: nodeChoice(destinations, args.settings.node, addrconfig),
      python: pythonChoice(destinations),
      curl: curlChoice(destinations, args.settings.curlVersion),
      go: goChoice(destinations, picked, musl ? 'musl' : glibc ? 'glibc' : l10n.t('the system resolver')),
      java: javaChoice(destinations, args.settings.javaPreferIPv6Addresses),
    },
  };
}

/** The sentence that stands where a platform's sort is not modelled. */
export function addressOrderUnavailable(platform: string): string {
  return l10n.t("not available on this platform ({0}): NetLens models the address order of glibc (with gai.conf) and musl only; the order shown is the resolver's own", platform);
}

/** One line on where the tables come from, for the human output and the hover. */
export function tablesSummary(report: OrderReport): string {
  if (report.model === null) return report.unavailable ?? addressOrderUnavailable('');
  if (report.model === 'musl') return l10n.t("musl's built-in RFC 6724 table (musl reads no gai.conf)");
  const g = report.gaiConf;
  if (!g.fileRead) return l10n.t('{0} not read ({1}): the RFC 3484 tables built into glibc', g.path ?? GAI_CONF_PATH, g.problem ?? 'ENOENT');
  const used = g.lines.filter((l) => l.status === 'used').length;
  if (g.lines.length === 0) return l10n.t('{0} has no settings: the RFC 3484 tables built into glibc', g.path ?? GAI_CONF_PATH);
  return l10n.t('{0}: {1} of {2} lines used', g.path ?? GAI_CONF_PATH, String(used), String(g.lines.length));
}
