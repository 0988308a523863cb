// The Kubernetes preview as a model (src/core/kubernetesDns.ts): kubelet's resolv.conf for each dnsPolicy, the names a
// pod's glibc tries (through the system resolver's own searchCandidates), the cheapest way to write a Service, and
// the hover's sentences — on realistic manifests, with the scanner's real matches.
import * as assert from 'node:assert/strict';
import { cheapestForm, kubernetesPreview, NODE_SEARCH_DOMAINS, podDnsSpec, podResolvConf, podTrace, resolvConfText, writtenHost, type KubernetesPreview, type PodResolvConf } from '../../src/core/kubernetesDns';
import { readManifest } from '../../src/core/kubernetesManifest';
import { hoverView, type HoverSection } from '../../src/core/hoverView';
import { hostMatchInLine } from '../../src/core/hostAtPosition';
import { kubernetesLines } from '../../src/core/kubernetesView';
import { lineText } from '../../src/core/lookupView';
import { parseResolvConf, searchCandidates } from '../../src/core/resolverConfig';
import { scanText } from '../../src/core/scanner';

const CD = 'cluster.local';

/** Every host the scanner finds in a manifest, with its preview: what the hover and the code action are given. */
function previews(text: string, clusterDomain = CD): { written: string; line: number; preview: KubernetesPreview | null; edit: (name: string) => string }[] {
  const file = readManifest(text);
  const lines = text.split('\n');
  return scanText(text).flatMap((match) => {
    const written = writtenHost(match, lines[match.line]);
    if (!written) return [];
    const line = lines[match.line];
    return [{ written: written.name, line: match.line, preview: kubernetesPreview(file, match.line, written.name, clusterDomain), edit: (name: string) => line.slice(0, written.start) + name + line.slice(written.end) }];
  });
}

function previewOf(text: string, written: string, clusterDomain = CD): KubernetesPreview {
  const found = previews(text, clusterDomain).find((p) => p.written === written);
  assert.ok(found, `the scanner finds ${written}; found ${previews(text, clusterDomain).map((p) => p.written).join(', ')}`);
  assert.ok(found.preview, `${written} has a preview`);
  return found.preview;
}

function traceOf(preview: KubernetesPreview): Extract<KubernetesPreview, { kind: 'trace' }> {
  assert.equal(preview.kind, 'trace', JSON.stringify(preview));
  return preview;
}

const names = (p: Extract<KubernetesPreview, { kind: 'trace' }>): string[] => p.trace.before.map((s) => ('name' in s ? s.name : '<node>'));

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:1.4
          env:
            - name: REDIS_URL
              value: "redis://redis.shop.svc.cluster.local:6379/0"
            - name: PAYMENTS
              value: http://payments.billing.svc.cluster.local./charge
          args: ["--api=https://api.github.com/repos", "--cache=redis:6379", "--audit=postgres://app@audit.billing:5432/audit"]
`;

describe('Kubernetes preview: kubelet’s resolv.conf and the names a pod asks', () => {
  it('a Deployment’s pod (ClusterFirst): a Service FQDN without its dot pays every search domain and the node’s; the short name asks once', () => {
    const fqdn = traceOf(previewOf(DEPLOYMENT, 'redis.shop.svc.cluster.local'));
    assert.deepEqual({ ns: fqdn.namespace, policy: fqdn.policy, ndots: fqdn.ndots, podSpec: fqdn.podSpec }, { ns: { name: 'shop', source: 'manifest' }, policy: 'ClusterFirst', ndots: 5, podSpec: true });
    assert.deepEqual(names(fqdn), ['redis.shop.svc.cluster.local.shop.svc.cluster.local', 'redis.shop.svc.cluster.local.svc.cluster.local', 'redis.shop.svc.cluster.local.cluster.local', '<node>']);
    assert.equal(fqdn.trace.answer, 'redis.shop.svc.cluster.local');
    assert.equal(fqdn.trace.queries, 8);
    assert.equal(fqdn.trace.plusNodeDomains, true);
    assert.deepEqual(fqdn.cheapest && { form: fqdn.cheapest.form, name: fqdn.cheapest.name, queries: fqdn.cheapest.trace.queries }, { form: 'short', name: 'redis', queries: 2 });

    const short = traceOf(previewOf(DEPLOYMENT, 'redis'));
    assert.deepEqual([short.trace.before, short.trace.answer, short.trace.queries, short.cheapest], [[], 'redis.shop.svc.cluster.local', 2, null]);
  });

  it('another namespace’s Service: svc.ns asks 2 names, the dotted FQDN 1; the short name is never offered (it means this namespace)', () => {
    const ns = traceOf(previewOf(DEPLOYMENT, 'audit.billing'));
    assert.deepEqual(names(ns), ['audit.billing.shop.svc.cluster.local']);
    assert.equal(ns.trace.answer, 'audit.billing.svc.cluster.local');
    assert.equal(ns.trace.queries, 4);
    assert.deepEqual(ns.cheapest && [ns.cheapest.form, ns.cheapest.name, ns.cheapest.trace.queries], ['fqdn', 'audit.billing.svc.cluster.local.', 2]);
    const dotted = traceOf(previewOf(DEPLOYMENT, 'payments.billing.svc.cluster.local.'));
    assert.deepEqual([dotted.trace.before, dotted.trace.answer, dotted.trace.queries, dotted.cheapest], [[], 'payments.billing.svc.cluster.local', 2, null]);
  });

  it('a name outside the cluster pays the three cluster domains and the node’s before itself: the “4 queries per lookup” complaint', () => {
    const github = traceOf(previewOf(DEPLOYMENT, 'api.github.com'));
    assert.deepEqual(names(github), ['api.github.com.shop.svc.cluster.local', 'api.github.com.svc.cluster.local', 'api.github.com.cluster.local', '<node>']);
    assert.equal(github.trace.answer, 'api.github.com');
    assert.equal(github.trace.queries, 8);
    assert.equal(github.cheapest, null, 'no rewrite of names outside the cluster (a final dot in a URL changes Host headers and TLS names)');
  });

  it('the cheapest form’s edit replaces only the name: scheme, user, port, path and quotes stay', () => {
    const redis = previews(DEPLOYMENT).find((p) => p.written === 'redis.shop.svc.cluster.local');
    assert.ok(redis);
    assert.equal(redis.edit('redis'), '              value: "redis://redis:6379/0"');
    const audit = previews(DEPLOYMENT).find((p) => p.written === 'audit.billing');
    assert.ok(audit);
    assert.ok(audit.edit('audit.billing.svc.cluster.local.').endsWith('"--audit=postgres://app@audit.billing.svc.cluster.local.:5432/audit"]'));
  });

  it('a Service and a ConfigMap have no pod: a pod of their namespace with the default dnsPolicy is assumed; hosts belong to their own document', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: github
  namespace: edge
spec:
  type: ExternalName
  externalName: api.github.com
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  REDIS_HOST: redis
  upstream.url: https://redis.shop.svc.cluster.local:6380/
  application.properties: |
    spring.redis.host=cache.default.svc.cluster.local
`;
    const external = traceOf(previewOf(text, 'api.github.com'));
    assert.deepEqual([external.namespace.name, external.podSpec, external.trace.queries], ['edge', false, 8]);
    assert.equal(names(external)[0], 'api.github.com.edge.svc.cluster.local');
    const config = traceOf(previewOf(text, 'redis.shop.svc.cluster.local'));
    assert.deepEqual(config.namespace, { name: 'default', source: 'default' });
    // From namespace default, `redis` would be another Service: svc.ns is the cheapest form that reaches shop's.
    assert.deepEqual(config.cheapest && [config.cheapest.name, config.cheapest.trace.queries], ['redis.shop.svc.cluster.local.', 2]);
    assert.equal(traceOf(previewOf(text, 'redis')).trace.answer, 'redis.default.svc.cluster.local');
    const lines = kubernetesLines(config).map(lineText);
    assert.ok(lines.includes('No pod in this document: a pod with the default dnsPolicy ClusterFirst is assumed.'), lines.join('\n'));
    assert.ok(lines.includes('metadata.namespace is not set: the namespace default is assumed.'), lines.join('\n'));
  });

  it('dnsPolicy None: only dnsConfig, as the Kubernetes docs’ example resolv.conf; ndots:2 tries a dotted name first', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  namespace: default
  name: dns-example
spec:
  containers:
    - name: test
      image: nginx
      env: [{name: A, value: "http://db.ns1.svc.cluster-domain.example:5432"}, {name: B, value: "https://db.ns1:8443"}]
  dnsPolicy: "None"
  dnsConfig:
    nameservers:
      - 192.0.2.1 # this is an example
    searches:
      - ns1.svc.cluster-domain.example
      - my.dns.search.suffix
    options:
      - name: ndots
        value: "2"
      - name: edns0
`;
    const doc = readManifest(text).documents[0];
    const spec = podDnsSpec(doc);
    assert.ok(spec.known);
    const conf = podResolvConf(spec, 'cluster-domain.example');
    assert.ok(conf);
    assert.equal(resolvConfText(conf), 'nameserver 192.0.2.1\nsearch ns1.svc.cluster-domain.example my.dns.search.suffix\noptions ndots:2 edns0');
    const fqdn = traceOf(previewOf(text, 'db.ns1.svc.cluster-domain.example', 'cluster-domain.example'));
    assert.deepEqual([fqdn.policy, fqdn.ndots, fqdn.trace.before, fqdn.trace.queries, fqdn.trace.plusNodeDomains], ['None', 2, [], 2, false]);
    // `db.ns1` has 1 dot < ndots 2: the search list first, and its first domain already names the Service.
    const short = traceOf(previewOf(text, 'db.ns1', 'cluster-domain.example'));
    assert.deepEqual([names(short), short.trace.answer, short.trace.queries], [['db.ns1.ns1.svc.cluster-domain.example', 'db.ns1.my.dns.search.suffix'], 'db.ns1', 6]);
    assert.equal(short.trace.answer, 'db.ns1', 'no search domain makes it a Service of this cluster domain, so the name itself is taken as the FQDN it is (the offline model)');
  });

  it('ndots lowered in dnsConfig under ClusterFirst: kubelet’s ndots:5 is overridden, and a dotted name is asked as written first', () => {
    const text = DEPLOYMENT.replace('      containers:', '      dnsConfig:\n        options: [{name: ndots, value: "1"}, {name: single-request-reopen}]\n      containers:');
    const doc = readManifest(text).documents[0];
    const spec = podDnsSpec(doc);
    assert.ok(spec.known);
    const conf = podResolvConf(spec, CD);
    assert.ok(conf);
    assert.deepEqual(conf.options, ['ndots:1', 'single-request-reopen']);
    const ns = traceOf(previewOf(text, 'audit.billing'));
    assert.equal(ns.ndots, 1);
    // As written first (NXDOMAIN: `billing` is no TLD of this model), then the search list.
    assert.deepEqual([names(ns), ns.trace.answer, ns.trace.queries], [['audit.billing', 'audit.billing.shop.svc.cluster.local'], 'audit.billing.svc.cluster.local', 6]);
    const github = traceOf(previewOf(text, 'api.github.com'));
    assert.deepEqual([github.trace.before, github.trace.queries], [[], 2]);
  });

  it('hostNetwork: ClusterFirst falls back to the node’s resolv.conf (not known here); ClusterFirstWithHostNet keeps the cluster DNS', () => {
    const host = DEPLOYMENT.replace('      containers:', '      hostNetwork: true\n      containers:');
    const fallback = previewOf(host, 'redis');
    assert.deepEqual(fallback, { namespace: { name: 'shop', source: 'manifest' }, kind: 'nodeResolvConf', policy: 'ClusterFirst' });
    assert.match(kubernetesLines(fallback).map(lineText).join('\n'), /with hostNetwork, dnsPolicy ClusterFirst falls back to Default/);
    const withHostNet = traceOf(previewOf(host.replace('hostNetwork: true', 'hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet'), 'redis'));
    assert.deepEqual([withHostNet.policy, withHostNet.trace.answer, withHostNet.trace.queries], ['ClusterFirstWithHostNet', 'redis.shop.svc.cluster.local', 2]);
    const byDefault = previewOf(DEPLOYMENT.replace('      containers:', '      dnsPolicy: Default\n      containers:'), 'redis');
    assert.equal(byDefault.kind === 'nodeResolvConf' && byDefault.policy, 'Default');
  });

  it('a CronJob’s pod template, a StatefulSet’s headless peer FQDN, localhost and hostAliases (the pod’s /etc/hosts)', () => {
    const text = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
  namespace: jobs
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          dnsPolicy: ClusterFirst
          dnsConfig:
            searches: [corp.example]
          hostAliases:
            - ip: "10.1.2.3"
              hostnames: ["legacy-db.corp.example", "legacy-db"]
          containers:
            - name: report
              args:
                - --kafka=kafka-0.kafka-headless.data.svc.cluster.local:9092
                - --metrics=http://localhost:9090/
                - --db=postgres://legacy-db.corp.example/reports
`;
    // Five dots reach ndots:5: glibc asks the name as written first, and a pod record of a headless Service answers.
    const kafka = traceOf(previewOf(text, 'kafka-0.kafka-headless.data.svc.cluster.local'));
    assert.deepEqual([kafka.trace.before, kafka.trace.answer, kafka.trace.queries, kafka.cheapest], [[], 'kafka-0.kafka-headless.data.svc.cluster.local', 2, null]);
    assert.deepEqual(previewOf(text, 'localhost'), { namespace: { name: 'jobs', source: 'manifest' }, kind: 'hostsFile', name: 'localhost', source: 'kubelet' });
    assert.deepEqual(previewOf(text, 'legacy-db.corp.example'), { namespace: { name: 'jobs', source: 'manifest' }, kind: 'hostsFile', name: 'legacy-db.corp.example', source: 'hostAliases' });
  });

  it('a Helm chart template: a templated namespace stands as <namespace> and is never offered; templated DNS fields are not guessed', () => {
    const chart = `{{- if .Values.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "web.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "web.labels" . | nindent 4 }}
spec:
  template:
    spec:
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: web
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          env:
            - name: CACHE
              value: redis://redis.cache.svc.cluster.local:6379
            - name: LOCAL
              value: redis://redis-master.{{ .Release.Namespace }}.svc.cluster.local:6379
{{- end }}
`;
    const p = traceOf(previewOf(chart, 'redis.cache.svc.cluster.local'));
    assert.deepEqual(p.namespace, { name: '<namespace>', source: 'template' });
    assert.equal(names(p)[0], 'redis.cache.svc.cluster.local.<namespace>.svc.cluster.local');
    assert.deepEqual(p.cheapest && p.cheapest.name, 'redis.cache.svc.cluster.local.');
    assert.ok(kubernetesLines(p).map(lineText).includes('The namespace comes from a template: <namespace> stands for it.'));
    const templatedDns = chart.replace('      containers:', '      dnsConfig:\n        {{- toYaml .Values.dnsConfig | nindent 8 }}\n      containers:');
    assert.deepEqual(previewOf(templatedDns, 'redis.cache.svc.cluster.local'), { namespace: { name: '<namespace>', source: 'template' }, kind: 'templated', field: 'dnsConfig' });
    const templatedPolicy = chart.replace('      containers:', '      dnsPolicy: {{ .Values.dnsPolicy }}\n      containers:');
    assert.equal(previewOf(templatedPolicy, 'redis.cache.svc.cluster.local').kind, 'templated');
  });

  it('a file that is not a cluster object gets no preview: plain YAML, a kubeconfig, a kind cluster config', () => {
    const none = (text: string): void => assert.deepEqual(previews(text).map((p) => p.preview), previews(text).map(() => null), text);
    none('services:\n  web:\n    environment:\n      REDIS: redis.shop.svc.cluster.local:6379\n');
    none('apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://k8s.corp.example:6443\n  name: prod\n');
    none('apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnetworking:\n  apiServerAddress: 127.0.0.1\n  x: https://registry.corp.example/\n');
    // A manifest's comment block before its first `---` is no object either.
    const text = '# talk to https://docs.corp.example/ first\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  url: https://api.github.com/\n';
    assert.equal(previews(text).find((p) => p.written === 'docs.corp.example')?.preview, null);
    assert.equal(previews(text).find((p) => p.written === 'api.github.com')?.preview?.kind, 'trace');
  });

  it('invalid pods are named as such: an unknown dnsPolicy, None without nameservers', () => {
    const pod = (extra: string): string => `apiVersion: v1\nkind: Pod\nspec:\n${extra}  containers:\n  - name: a\n    args: [https://api.github.com/]\n`;
    assert.deepEqual(previewOf(pod('  dnsPolicy: ClusterFrist\n'), 'api.github.com'), { namespace: { name: 'default', source: 'default' }, kind: 'unknownPolicy', policy: 'ClusterFrist' });
    assert.equal(previewOf(pod('  dnsPolicy: None\n  dnsConfig:\n    searches: [a.example]\n'), 'api.github.com').kind, 'noneWithoutNameservers');
  });

  it('a custom cluster domain (the setting) changes the search list and what a Service FQDN is', () => {
    const text = DEPLOYMENT.replace(/cluster\.local/g, 'corp.k8s');
    const p = traceOf(previewOf(text, 'redis.shop.svc.corp.k8s', 'corp.k8s'));
    assert.equal(names(p)[0], 'redis.shop.svc.corp.k8s.shop.svc.corp.k8s');
    assert.equal(p.cheapest?.name, 'redis');
    // With the default domain instead, redis.shop.svc.corp.k8s is just an outside name.
    assert.equal(traceOf(previewOf(text, 'redis.shop.svc.corp.k8s')).cheapest, null);
  });

  it('kubelet’s limits: at most 32 search domains, none over 253 characters, 2048 characters in all', () => {
    const searches = Array.from({ length: 40 }, (_, i) => `d${i}.example`);
    const conf = podResolvConf({ known: true, namespace: { name: 'shop', source: 'manifest' }, podSpec: ['spec'], policy: 'ClusterFirst', hostNetwork: false, dnsConfig: { nameservers: [], searches: [...searches, 'x'.repeat(254)], options: [] }, hostAliases: [] }, CD);
    assert.ok(conf);
    assert.equal(conf.search.length, 32);
    assert.deepEqual(conf.search.slice(0, 4), ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local', NODE_SEARCH_DOMAINS]);
    const long = podResolvConf({ known: true, namespace: { name: 'shop', source: 'manifest' }, podSpec: ['spec'], policy: 'None', hostNetwork: false, dnsConfig: { nameservers: ['192.0.2.1'], searches: Array.from({ length: 20 }, (_, i) => `${'a'.repeat(200)}.d${i}`), options: [] }, hostAliases: [] }, CD);
    // Each domain is 203 characters: ten of them and their blanks are 2039, an eleventh would pass 2048.
    assert.deepEqual([long?.search.length, long?.search.join(' ').length], [10, 2039]);
  });

  it('costs every name with the system resolver’s own candidate function (searchCandidates on the parsed resolv.conf)', () => {
    const conf: PodResolvConf = { nameservers: ['cluster-dns'], search: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'corp.example'], options: ['ndots:5'] };
    for (const written of ['redis', 'redis.shop', 'api.github.com', 'a.b.c.d.e.f', 'redis.shop.svc.cluster.local.', 'nothing-resolves']) {
      const t = podTrace(written, conf, CD);
      const asked = [...t.before.map((s) => ('name' in s ? s.name : '')), ...(t.answer === null ? [] : [t.answer])];
      const candidates = searchCandidates(written, parseResolvConf(resolvConfText(conf)));
      assert.deepEqual(asked, candidates.slice(0, asked.length), written);
      assert.equal(t.queries, asked.length * 2, written);
    }
    // A single label that no search domain makes a Service, with no node domains: every name asked is NXDOMAIN.
    const none = podTrace('nothing-resolves', { nameservers: ['192.0.2.1'], search: ['corp.example'], options: [] }, CD);
    assert.deepEqual([none.answer, none.queries, none.before.length], [null, 4, 2]);
    assert.equal(cheapestForm(none, conf, CD), null);
  });
});

describe('Kubernetes preview: the hover’s sentences', () => {
  it('says what the pod asks, the names before the answer, that the node’s domains are unknown, the cheapest form and the assumption', () => {
    const lines = kubernetesLines(previewOf(DEPLOYMENT, 'redis.shop.svc.cluster.local')).map(lineText);
    assert.deepEqual(lines, [
      'In a pod of namespace shop (ClusterFirst, ndots:5): asks 3 names and the node’s search domains before redis.shop.svc.cluster.local — 8 queries and 2 more per node search domain',
      'Asked first, each NXDOMAIN: redis.shop.svc.cluster.local.shop.svc.cluster.local, redis.shop.svc.cluster.local.svc.cluster.local, redis.shop.svc.cluster.local.cluster.local, the node’s search domains',
      'The node’s own search domains are not known here: kubelet copies them from the node’s resolv.conf.',
      'Cheapest form here: redis — 2 queries',
      'Computed offline, nothing is sent: glibc asks A and AAAA for each name (2 queries); a Service name resolves and the names before it are NXDOMAIN.',
    ]);
    assert.equal(lineText(kubernetesLines(previewOf(DEPLOYMENT, 'redis'))[0]), 'In a pod of namespace shop (ClusterFirst, ndots:5): asks redis.shop.svc.cluster.local first — 2 queries');
    assert.equal(lineText(kubernetesLines(previewOf(DEPLOYMENT, 'audit.billing'))[0]), 'In a pod of namespace shop (ClusterFirst, ndots:5): asks 1 name before audit.billing.svc.cluster.local — 4 queries');
  });

  it('keeps names from the manifest as data (the renderer escapes them), never as our words', () => {
    const text = DEPLOYMENT.replace('namespace: shop', 'namespace: "*evil*"');
    const [head] = kubernetesLines(previewOf(text, 'redis'));
    assert.deepEqual(
      head.filter((p) => 'data' in p),
      [{ data: '*evil*' }, { data: 'redis.*evil*.svc.cluster.local' }]
    );
  });
});

describe('Kubernetes preview in the hover model', () => {
  const sectionText = (s: HoverSection): string => s.paragraphs.flat().map(lineText).join('\n');
  const line = '              value: "redis://redis.shop.svc.cluster.local:6379/0"';
  const match = hostMatchInLine(line, 17, 30);
  const preview = previewOf(DEPLOYMENT, 'redis.shop.svc.cluster.local');

  it('follows the answer (or “resolving…”), before the offline facts, and also where nothing may be looked up', () => {
    assert.ok(match);
    const base = { match, lookup: undefined, machine: undefined, reverse: undefined, hostsFile: null, now: 0, kubernetes: preview };
    const resolving = hoverView({ ...base, noLookup: null });
    assert.match(sectionText(resolving[0]), /resolving…/);
    assert.match(sectionText(resolving[1]), /^In a pod of namespace shop \(ClusterFirst, ndots:5\): asks 3 names/);
    assert.match(sectionText(resolving[2]), /redis:\/\/ → port 6379/);
    const untrusted = hoverView({ ...base, noLookup: 'untrusted' });
    assert.match(sectionText(untrusted[0]), /not trusted/);
    assert.match(sectionText(untrusted[1]), /^In a pod of namespace shop/, 'offline: shown in an untrusted workspace too');
    assert.equal(hoverView({ ...base, noLookup: null, kubernetes: null }).some((s) => /In a pod/.test(sectionText(s))), false);
  });

  it('is not shown on an SRV name (its clients do not ask getaddrinfo)', () => {
    const srvLine = 'url: mongodb+srv://cluster0.shop.svc.cluster.local/db';
    const srv = hostMatchInLine(srvLine, 0, 25);
    assert.ok(srv);
    const sections = hoverView({ match: srv, noLookup: null, lookup: undefined, machine: undefined, reverse: undefined, hostsFile: null, now: 0, kubernetes: preview });
    assert.equal(sections.some((s) => /In a pod/.test(sectionText(s))), false);
  });
});
