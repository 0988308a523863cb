/**
 * What a pod would ask DNS for a host written in a Kubernetes manifest, computed offline (nothing is sent): the
 * resolv.conf kubelet writes for the pod's dnsPolicy/dnsConfig, the names glibc's search then tries (costed by the
 * one candidate function the system resolver's own trace uses, resolverConfig.searchCandidates), and which of the
 * short name, `svc.namespace` and the trailing-dot FQDN costs the fewest queries. Pure (no vscode).
 *
 * Kubelet's rules, from kubernetes/kubernetes pkg/kubelet/network/dns/dns.go (Configurer.GetPodDNS):
 *  - getPodDNSType: `None` starts from an empty config; `ClusterFirstWithHostNet` and `ClusterFirst` use the cluster
 *    DNS, except that `ClusterFirst` with `hostNetwork: true` falls through to `Default`, which is the node's own
 *    resolv.conf (kubelet --resolv-conf: nameservers, search and options as the node has them).
 *  - cluster DNS: nameservers = --cluster-dns only; search = generateSearchesForDNSClusterFirst:
 *    `<ns>.svc.<domain> svc.<domain> <domain>` then the node's search domains, duplicates omitted; options are
 *    replaced by defaultDNSOptions = `ndots:5` (the node's options are not kept).
 *  - then appendDNSConfig: dnsConfig.nameservers and .searches are appended (duplicates omitted) and .options merged
 *    by name, a pod option overriding the base one (mergeDNSOptions).
 *  - formDNSSearchFitsLimits: at most MaxDNSSearchPathsExpanded = 32 domains and 2048 characters (KEP-2595; the
 *    ExpandedDNSConfig gate: alpha in 1.22, on by default from 1.26, GA in 1.28), domains over 253 characters dropped.
 *  - a kubelet without --cluster-dns falls back from the cluster policies to Default; a cluster DNS is assumed here.
 * A pod spec without dnsPolicy gets `ClusterFirst` (pkg/apis/core/v1/defaults.go, SetDefaults_PodSpec). The pod's
 * /etc/hosts is kubelet's too (kubelet_pods.go managedHostsFileContent): localhost, ip6-localhost, ip6-loopback, …
 * and the pod's hostAliases, so those names are answered without a query.
 */
import { parseResolvConf, searchCandidates } from './resolverConfig';
import type { ManifestDocument, ManifestFile } from './kubernetesManifest';
import type { HostMatch } from './scanner';

/** glibc's getaddrinfo with AF_UNSPEC asks for A and AAAA records of every name it tries: 2 queries per name. */
export const QUERIES_PER_NAME = 2;

/** The values the API server accepts for dnsPolicy (validation: validateDNSPolicy). */
export const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] as const;

/** Where the pod spec is, by kind: the kinds whose objects create pods carry dnsPolicy/dnsConfig there. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/**
 * Files with `apiVersion` and `kind` that are not objects running in a cluster: a kubeconfig (`v1`/`Config`) names
 * API servers reached from this machine, and tool configurations (kind, kubeadm, kubelet, kustomize, k3d, skaffold)
 * are read by programs outside any pod. A "pod" preview there would be wrong.
 */
function isClusterObject(apiVersion: string, kind: string): boolean {
  if (apiVersion === 'v1' && kind === 'Config') return false;
  return !/(^|\.)(config\.k8s\.io|kind\.x-k8s\.io|kubeadm\.k8s\.io|k3d\.io)\/|^skaffold\//.test(apiVersion);
}

/** Whether a document is a Kubernetes object (it has `apiVersion` and `kind`, and is not a tool's config file). */
export function isKubernetesObject(doc: ManifestDocument): boolean {
  const { apiVersion, kind } = doc;
  return apiVersion !== null && kind !== null && isClusterObject(apiVersion, kind);
}

/** The namespace a document's pods run in: `metadata.namespace`, else `default`; a template's value is not known. */
export type PodNamespace = { name: string; source: 'manifest' | 'default' } | { name: typeof TEMPLATED_NAMESPACE; source: 'template' };

/** Stands for a namespace set by a template: it takes part in names like a namespace would, and is never offered. */
export const TEMPLATED_NAMESPACE = '<namespace>';

export interface PodDnsConfig {
  nameservers: string[];
  searches: string[];
  options: { name: string; value: string | null }[];
}

/** A document's pod DNS settings as written, or why they cannot be known. */
export type PodDnsSpec =
  | {
      known: true;
      namespace: PodNamespace;
      /** Null when the document has no pod spec (a Service, a ConfigMap): a pod with the default dnsPolicy is assumed. */
      podSpec: readonly string[] | null;
      /** As written, or `ClusterFirst` when unset (the API server's default). */
      policy: string;
      hostNetwork: boolean;
      dnsConfig: PodDnsConfig | null;
      hostAliases: string[];
    }
  | { known: false; namespace: PodNamespace; field: 'dnsPolicy' | 'hostNetwork' | 'dnsConfig' };

/** YAML 1.1 booleans, as sigs.k8s.io/yaml (go-yaml v2) reads them for `hostNetwork`. */
const YAML_TRUE = /^(true|True|TRUE|y|Y|yes|Yes|YES|on|On|ON)$/;

export function podDnsSpec(doc: ManifestDocument): PodDnsSpec {
  const ns = doc.scalar(['metadata', 'namespace']);
  const namespace: PodNamespace = !ns || ns.text === '' ? { name: 'default', source: 'default' } : ns.templated ? { name: TEMPLATED_NAMESPACE, source: 'template' } : { name: ns.text, source: 'manifest' };
  const kind = doc.kind ?? '';
  const podSpec = POD_SPEC_PATHS[kind] ?? null;
  if (!podSpec) return { known: true, namespace, podSpec: null, policy: 'ClusterFirst', hostNetwork: false, dnsConfig: null, hostAliases: [] };
  const at = (...path: string[]): string[] => [...podSpec, ...path];
  const policy = doc.scalar(at('dnsPolicy'));
  if (policy?.templated) return { known: false, namespace, field: 'dnsPolicy' };
  const hostNetwork = doc.scalar(at('hostNetwork'));
  if (hostNetwork?.templated) return { known: false, namespace, field: 'hostNetwork' };
  if (doc.templatedAt(at('dnsConfig'))) return { known: false, namespace, field: 'dnsConfig' };
  const hasDnsConfig = doc.scalar(at('dnsConfig')) !== undefined || ['nameservers', 'searches', 'options'].some((k) => doc.sequenceLength(at('dnsConfig', k)) > 0);
  const options: PodDnsConfig['options'] = [];
  for (let i = 0; i < doc.sequenceLength(at('dnsConfig', 'options')); i++) {
    const name = doc.scalar(at('dnsConfig', 'options', `[${i}]`, 'name'));
    const value = doc.scalar(at('dnsConfig', 'options', `[${i}]`, 'value'));
    if (name && name.text !== '') options.push({ name: name.text, value: value && value.text !== '' ? value.text : null });
  }
  const hostAliases: string[] = [];
  for (let i = 0; i < doc.sequenceLength(at('hostAliases')); i++) hostAliases.push(...doc.scalars(at('hostAliases', `[${i}]`, 'hostnames')).map((v) => v.text));
  return {
    known: true,
    namespace,
    podSpec,
    policy: policy && policy.text !== '' ? policy.text : 'ClusterFirst',
    hostNetwork: hostNetwork !== undefined && YAML_TRUE.test(hostNetwork.text),
    dnsConfig: hasDnsConfig
      ? { nameservers: doc.scalars(at('dnsConfig', 'nameservers')).map((v) => v.text), searches: doc.scalars(at('dnsConfig', 'searches')).map((v) => v.text), options }
      : null,
    hostAliases,
  };
}

/**
 * Stands for the node's own search domains in a pod's search list: kubelet copies them from the node's resolv.conf,
 * which NetLens cannot see. It is a well-formed domain (under `.invalid`, RFC 6761), so the search function treats
 * it like any other, and every candidate built with it is recognised afterwards.
 */
export const NODE_SEARCH_DOMAINS = 'node-search-domains.netlens.invalid';

/** Stands for the cluster DNS service's address (kubelet --cluster-dns), which a manifest does not say. */
export const CLUSTER_DNS_SERVER = 'cluster-dns';

/** KEP-2595 limits (pkg/apis/core/validation: MaxDNSSearchPathsExpanded, MaxDNSSearchListCharsExpanded). */
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;
/** utilvalidation.DNS1123SubdomainMaxLength: longer search domains are dropped (glibc 2.28 aborted on them). */
const MAX_SEARCH_DOMAIN = 253;

/** The pod's resolv.conf as kubelet composes it, before the container runtime writes it. */
export interface PodResolvConf {
  nameservers: string[];
  search: string[];
  options: string[];
}

/**
 * The resolv.conf kubelet gives a pod whose DNS does not come from the node, or null when it does (dnsPolicy
 * Default, or ClusterFirst with hostNetwork): then nothing of it is known here.
 */
export function podResolvConf(spec: Extract<PodDnsSpec, { known: true }>, clusterDomain: string): PodResolvConf | null {
  let conf: PodResolvConf;
  if (spec.policy === 'None') conf = { nameservers: [], search: [], options: [] };
  else if (spec.policy === 'ClusterFirstWithHostNet' || (spec.policy === 'ClusterFirst' && !spec.hostNetwork)) {
    const cluster = [`${spec.namespace.name}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain];
    conf = { nameservers: [CLUSTER_DNS_SERVER], search: omitDuplicates([...cluster, NODE_SEARCH_DOMAINS]), options: ['ndots:5'] };
  } else return null;
  if (spec.dnsConfig) {
    conf.nameservers = omitDuplicates([...conf.nameservers, ...spec.dnsConfig.nameservers]);
    conf.search = omitDuplicates([...conf.search, ...spec.dnsConfig.searches]);
    conf.options = mergeOptions(conf.options, spec.dnsConfig.options);
  }
  conf.search = searchWithinLimits(conf.search);
  return conf;
}

function omitDuplicates(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/**
 * mergeDNSOptions: options by name, a pod option replacing the base one. Kubelet goes through a Go map, so the
 * written order is not defined; only the values matter to the resolver.
 */
function mergeOptions(base: readonly string[], pod: PodDnsConfig['options']): string[] {
  const merged = new Map<string, string>();
  for (const option of base) {
    const colon = option.indexOf(':');
    if (colon < 0) merged.set(option, '');
    else merged.set(option.slice(0, colon), option.slice(colon + 1));
  }
  for (const option of pod) merged.set(option.name, option.value ?? '');
  return [...merged].map(([name, value]) => (value === '' ? name : `${name}:${value}`));
}

/**
 * formDNSSearchFitsLimits. The node's domains are one entry here, of unknown length: with them, a list close to the
 * limits may lose more of its tail in the cluster than here.
 */
function searchWithinLimits(search: readonly string[]): string[] {
  const fit = search.slice(0, MAX_SEARCH_PATHS).filter((d) => d.length <= MAX_SEARCH_DOMAIN);
  while (fit.join(' ').length > MAX_SEARCH_CHARS) fit.pop();
  return fit;
}

/** The file the container runtime writes from kubelet's config (the CRI DNSConfig): what the pod's glibc reads. */
export function resolvConfText(conf: PodResolvConf): string {
  return [...conf.nameservers.map((s) => `nameserver ${s}`), conf.search.length ? `search ${conf.search.join(' ')}` : '', conf.options.length ? `options ${conf.options.join(' ')}` : '']
    .filter(Boolean)
    .join('\n');
}

/** One name the pod's resolver asks, or the node's search domains (how many, and which, is not known here). */
export type TraceStep = { name: string } | { nodeSearchDomains: true };

/** The names a pod asks for a host, up to the one that answers, in the offline model. */
export interface PodTrace {
  /** The host as written: a final dot means the name is absolute. */
  written: string;
  /** The names asked before the answer (all names asked when none answers); NXDOMAIN in the model. */
  before: TraceStep[];
  /** The name that resolves, or null when no name asked does in the model. */
  answer: string | null;
  /** Queries for the known names asked (QUERIES_PER_NAME each, the answer's included). */
  queries: number;
  /** The node's search domains are tried before the answer: each adds QUERIES_PER_NAME queries to `queries`. */
  plusNodeDomains: boolean;
}

/**
 * The offline model of "the real one": a name that resolves is a Service FQDN `<svc>.<ns>.svc.<domain>`, or the
 * FQDN the written name already is when no search expansion of it names a Service (`api.github.com`, or a headless
 * Service's pod record written in full, `kafka-0.kafka.data.svc.cluster.local`); every other candidate is NXDOMAIN.
 * So two labels (`a.b`) are `svc.ns`, as manifests mostly mean them, and a pod record written short
 * (`kafka-0.kafka`) is not recognised: nothing offline tells it from `svc.ns` or an outside name. The pod's glibc
 * reads the resolv.conf as the system resolver here does (parseResolvConf) and tries names by the same search rule
 * (searchCandidates).
 */
export function podTrace(written: string, conf: PodResolvConf, clusterDomain: string): PodTrace {
  const candidates = searchCandidates(written, parseResolvConf(resolvConfText(conf)));
  const name = written.replace(/\.$/, '');
  const isNode = (c: string): boolean => c.toLowerCase().endsWith(`.${NODE_SEARCH_DOMAINS}`);
  const service = (c: string): boolean => isServiceFqdn(c, clusterDomain);
  const meansService = candidates.some((c) => c !== name && !isNode(c) && service(c));
  const before: TraceStep[] = [];
  for (const candidate of candidates) {
    if (isNode(candidate)) {
      if (!before.some((s) => 'nodeSearchDomains' in s)) before.push({ nodeSearchDomains: true });
      continue;
    }
    if (service(candidate) || (candidate === name && name.includes('.') && !meansService)) return trace(written, before, candidate);
    before.push({ name: candidate });
  }
  return trace(written, before, null);
}

function trace(written: string, before: TraceStep[], answer: string | null): PodTrace {
  const known = before.filter((s) => 'name' in s).length + (answer === null ? 0 : 1);
  return { written, before, answer, queries: known * QUERIES_PER_NAME, plusNodeDomains: before.some((s) => 'nodeSearchDomains' in s) };
}

/** `<svc>.<ns>.svc.<domain>`: exactly two labels before `svc.<domain>`, as CoreDNS's kubernetes plugin names a Service. */
export function isServiceFqdn(name: string, clusterDomain: string): boolean {
  const suffix = `.svc.${clusterDomain.replace(/\.$/, '')}`.toLowerCase();
  const n = name.replace(/\.$/, '').toLowerCase();
  if (!n.endsWith(suffix)) return false;
  const labels = n.slice(0, -suffix.length).split('.');
  return labels.length === 2 && labels.every((l) => l !== '');
}

/** Whether trace `a` costs fewer queries than `b` (a count with unknown node domains is a lower bound). */
export function cheaper(a: PodTrace, b: PodTrace): boolean {
  return a.queries < b.queries || (a.queries === b.queries && !a.plusNodeDomains && b.plusNodeDomains);
}

/** The three ways to write a Service's name, in the order preferred when they cost the same. */
export type NameForm = 'short' | 'serviceNamespace' | 'fqdn';

export interface FormCost {
  form: NameForm;
  name: string;
  trace: PodTrace;
}

/**
 * The cheapest way to write the Service the host resolves to, when it costs fewer queries than the host as written:
 * the short name, `svc.ns` or the trailing-dot FQDN, each costed by the same trace and kept only when it reaches the
 * same Service (a short name reaches only the pod's own namespace). With ndots:5 the FQDN without its final dot is
 * the dearest form (every search domain is tried first); with the dot it asks one name.
 */
export function cheapestForm(current: PodTrace, conf: PodResolvConf, clusterDomain: string): FormCost | null {
  const answer = current.answer;
  if (answer === null || !isServiceFqdn(answer, clusterDomain)) return null;
  const [svc, ns] = answer.split('.');
  const forms: [NameForm, string][] = [
    ['short', svc],
    ['serviceNamespace', `${svc}.${ns}`],
    ['fqdn', `${answer.replace(/\.$/, '')}.`],
  ];
  let best: FormCost | null = null;
  for (const [form, name] of forms) {
    if (name.includes(TEMPLATED_NAMESPACE)) continue;
    const t = podTrace(name, conf, clusterDomain);
    if (t.answer?.toLowerCase() !== answer.toLowerCase()) continue;
    if (!best || cheaper(t, best.trace)) best = { form, name, trace: t };
  }
  return best && cheaper(best.trace, current) ? best : null;
}

/** Names kubelet writes into every pod's /etc/hosts (managedHostsFileContent); a hostNetwork pod's node has localhost too. */
const MANAGED_HOSTS = new Set(['localhost', 'ip6-localhost', 'ip6-loopback', 'ip6-localnet', 'ip6-mcastprefix', 'ip6-allnodes', 'ip6-allrouters']);

/** What the hover says about a host in a manifest: the pod's trace, or why there is none. */
export type KubernetesPreview = { namespace: PodNamespace } & (
  /** `podSpec` false: the document has no pod (a Service, a ConfigMap), so one with the default dnsPolicy is assumed. */
  | { kind: 'trace'; policy: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'None'; ndots: number; podSpec: boolean; trace: PodTrace; cheapest: FormCost | null }
  /** The pod's /etc/hosts answers (glibc reads it before DNS): no query. */
  | { kind: 'hostsFile'; name: string; source: 'kubelet' | 'hostAliases' }
  /** dnsPolicy Default, or ClusterFirst with hostNetwork: the node's resolv.conf, not known here. */
  | { kind: 'nodeResolvConf'; policy: 'Default' | 'ClusterFirst' }
  | { kind: 'templated'; field: 'dnsPolicy' | 'hostNetwork' | 'dnsConfig' }
  | { kind: 'unknownPolicy'; policy: string }
  /** The API server refuses dnsPolicy None without a nameserver (validation.validatePodDNSConfig). */
  | { kind: 'noneWithoutNameservers' }
);

/**
 * The preview for a host written at `line` of a manifest file, or null when the line is in no Kubernetes object.
 * `written` is the host as written, with its final dot if it has one (writtenHost).
 */
export function kubernetesPreview(file: ManifestFile, line: number, written: string, clusterDomain: string): KubernetesPreview | null {
  const doc = file.documentAt(line);
  if (!doc || !isKubernetesObject(doc)) return null;
  const spec = podDnsSpec(doc);
  const { namespace } = spec;
  if (!spec.known) return { namespace, kind: 'templated', field: spec.field };
  const name = written.replace(/\.$/, '').toLowerCase();
  if (spec.hostAliases.some((h) => h.toLowerCase() === name)) return { namespace, kind: 'hostsFile', name, source: 'hostAliases' };
  if (MANAGED_HOSTS.has(name)) return { namespace, kind: 'hostsFile', name, source: 'kubelet' };
  if (!(DNS_POLICIES as readonly string[]).includes(spec.policy)) return { namespace, kind: 'unknownPolicy', policy: spec.policy };
  if (spec.policy === 'None' && !spec.dnsConfig?.nameservers.length) return { namespace, kind: 'noneWithoutNameservers' };
  const conf = podResolvConf(spec, clusterDomain);
  if (!conf) return { namespace, kind: 'nodeResolvConf', policy: spec.policy === 'Default' ? 'Default' : 'ClusterFirst' };
  const trace = podTrace(written, conf, clusterDomain);
  const policy = spec.policy as 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'None';
  return { namespace, kind: 'trace', policy, ndots: parseResolvConf(resolvConfText(conf)).ndots, podSpec: spec.podSpec !== null, trace, cheapest: cheapestForm(trace, conf, clusterDomain) };
}

/** A host name as written in a line: with its final dot when it has one, and where it stands (UTF-16 offsets). */
export interface WrittenHost {
  name: string;
  start: number;
  /** After the name, its final dot included: replacing [start, end) keeps a URL's port and path as they are. */
  end: number;
}

/**
 * The name a scanner match stands for, as written (IP literals and networks are not names and give null). The
 * scanner's host has no final dot, but in a manifest `redis.shop.svc.cluster.local.` is absolute, and that changes
 * every candidate, so the dot after the name is part of what was written.
 */
export function writtenHost(match: HostMatch, lineText: string): WrittenHost | null {
  if (match.kind !== 'hostname' && match.kind !== 'url') return null;
  const host = match.host;
  if (/^[\d.]+$/.test(host) || host.includes(':')) return null;
  let offset = 0;
  if (match.kind === 'url') {
    const authority = match.text.indexOf('://') + 3;
    const rest = match.text.slice(authority);
    const authorityEnd = rest.search(/[/?#]/);
    offset = authority + rest.slice(0, authorityEnd < 0 ? rest.length : authorityEnd).lastIndexOf('@') + 1;
  }
  if (match.text.slice(offset, offset + host.length).toLowerCase() !== host.toLowerCase()) {
    offset = match.text.toLowerCase().indexOf(host.toLowerCase());
    if (offset < 0) return null;
  }
  const start = match.character + offset;
  let end = start + host.length;
  // A dot right after the name and not before another label: the final dot of an absolute name.
  if (lineText[end] === '.' && !/[A-Za-z0-9_-]/.test(lineText[end + 1] ?? '')) end++;
  return { name: lineText.slice(start, end), start, end };
}
