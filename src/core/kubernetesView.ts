/**
 * The Kubernetes preview's sentences (the hover section about a host in a manifest), localized whole with
 * @vscode/l10n like every hover sentence. Names, namespaces and values from the manifest are data: the renderer
 * keeps them literal. Pure (no vscode).
 */
import * as l10n from '@vscode/l10n';
import { QUERIES_PER_NAME, type KubernetesPreview, type PodTrace } from './kubernetesDns';
import { sentence, slot, words, type Line, type Part } from './lookupView';

/** "1 name" / "3 names": one whole message per count case, as addressCountText. */
export function nameCountText(count: number): string {
  return count === 1 ? l10n.t('{0} name', count) : l10n.t('{0} names', count);
}

/** The hover's lines for a host in a manifest: what the pod asks, or why that is not known here. */
export function kubernetesLines(preview: KubernetesPreview): Line[] {
  const ns = preview.namespace.name;
  const lines: Line[] = [];
  switch (preview.kind) {
    case 'trace':
      lines.push(...traceLines(preview));
      break;
    case 'hostsFile':
      lines.push(
        preview.source === 'hostAliases'
          ? sentence(l10n.t('In a pod of namespace {0}: {1} is one of the pod’s hostAliases, which kubelet writes to its /etc/hosts, so it is answered without a DNS query.', slot(0), slot(1)), ns, preview.name)
          : sentence(l10n.t('In a pod of namespace {0}: {1} is in the /etc/hosts kubelet writes for every pod, so it is answered without a DNS query.', slot(0), slot(1)), ns, preview.name)
      );
      break;
    case 'nodeResolvConf':
      lines.push(
        preview.policy === 'Default'
          ? sentence(l10n.t('In a pod of namespace {0} with dnsPolicy Default: the pod uses the node’s resolv.conf, which is not known here, so neither are the names it asks; Service names resolve only if the node’s resolver is the cluster DNS.', slot(0)), ns)
          : sentence(l10n.t('In a pod of namespace {0}: with hostNetwork, dnsPolicy ClusterFirst falls back to Default, the node’s resolv.conf, which is not known here; Service names resolve only if the node’s resolver is the cluster DNS (dnsPolicy ClusterFirstWithHostNet keeps the cluster DNS).', slot(0)), ns)
      );
      break;
    case 'templated':
      lines.push(sentence(l10n.t('In a pod of namespace {0}: the pod’s {1} comes from a template, so the names it asks are not known here.', slot(0), preview.field), ns));
      break;
    case 'unknownPolicy':
      lines.push(sentence(l10n.t('dnsPolicy {0} is not one Kubernetes accepts (ClusterFirst, ClusterFirstWithHostNet, Default, None): the API server rejects this pod.', slot(0)), preview.policy));
      break;
    case 'noneWithoutNameservers':
      lines.push(words(l10n.t('dnsPolicy None without dnsConfig.nameservers: the API server rejects this pod.')));
      break;
  }
  if (preview.namespace.source === 'default') lines.push(words(l10n.t('metadata.namespace is not set: the namespace default is assumed.')));
  else if (preview.namespace.source === 'template') lines.push(sentence(l10n.t('The namespace comes from a template: {0} stands for it.', slot(0)), ns));
  return lines;
}

function traceLines(preview: Extract<KubernetesPreview, { kind: 'trace' }>): Line[] {
  const { trace } = preview;
  const ns = preview.namespace.name;
  const head = [ns, preview.policy, String(preview.ndots)] as const;
  const known = trace.before.filter((s) => 'name' in s).length;
  const lines: Line[] = [];
  if (trace.answer === null) {
    lines.push(
      trace.plusNodeDomains
        ? sentence(l10n.t('In a pod of namespace {0} ({1}, ndots:{2}): asks {3} and the node’s search domains, and none of them resolves in this model — {4} queries and {5} more per node search domain', slot(0), head[1], head[2], nameCountText(known), trace.queries, QUERIES_PER_NAME), ns)
        : sentence(l10n.t('In a pod of namespace {0} ({1}, ndots:{2}): asks {3} and none of them resolves in this model — {4} queries', slot(0), head[1], head[2], nameCountText(known), trace.queries), ns)
    );
  } else if (trace.plusNodeDomains) {
    lines.push(sentence(l10n.t('In a pod of namespace {0} ({1}, ndots:{2}): asks {3} and the node’s search domains before {4} — {5} queries and {6} more per node search domain', slot(0), head[1], head[2], nameCountText(known), slot(1), trace.queries, QUERIES_PER_NAME), ns, trace.answer));
  } else if (known > 0) {
    lines.push(sentence(l10n.t('In a pod of namespace {0} ({1}, ndots:{2}): asks {3} before {4} — {5} queries', slot(0), head[1], head[2], nameCountText(known), slot(1), trace.queries), ns, trace.answer));
  } else {
    lines.push(sentence(l10n.t('In a pod of namespace {0} ({1}, ndots:{2}): asks {3} first — {4} queries', slot(0), head[1], head[2], slot(1), trace.queries), ns, trace.answer));
  }
  if (trace.before.length) lines.push(askedFirstLine(trace));
  if (trace.plusNodeDomains) lines.push(words(l10n.t('The node’s own search domains are not known here: kubelet copies them from the node’s resolv.conf.')));
  if (preview.cheapest) lines.push(sentence(l10n.t('Cheapest form here: {0} — {1} queries', slot(0), preview.cheapest.trace.queries), preview.cheapest.name));
  if (!preview.podSpec) lines.push(words(l10n.t('No pod in this document: a pod with the default dnsPolicy ClusterFirst is assumed.')));
  lines.push(words(l10n.t('Computed offline, nothing is sent: glibc asks A and AAAA for each name ({0} queries); a Service name resolves and the names before it are NXDOMAIN.', QUERIES_PER_NAME)));
  return lines;
}

/** The names asked before the answer, in order, the node's domains where they are tried. */
function askedFirstLine(trace: PodTrace): Line {
  const parts: Part[] = [{ words: trace.answer === null ? l10n.t('Names asked, each NXDOMAIN: ') : l10n.t('Asked first, each NXDOMAIN: ') }];
  trace.before.forEach((step, i) => {
    if (i > 0) parts.push({ words: ', ' });
    parts.push('name' in step ? { data: step.name } : { words: l10n.t('the node’s search domains') });
  });
  return parts;
}
