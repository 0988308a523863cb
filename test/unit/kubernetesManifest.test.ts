// The line-based manifest reader (src/core/kubernetesManifest.ts) on the shapes real manifests have: pod templates
// nested in workloads, compact and indented sequences, flow collections, quotes and comments, block scalars whose
// text looks like keys, several documents, and Helm templates. And on anything at all: it never throws.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readManifest, type ManifestDocument } from '../../src/core/kubernetesManifest';

const POD = ['spec', 'template', 'spec'];

function only(text: string): ManifestDocument {
  const file = readManifest(text);
  assert.equal(file.documents.length, 1);
  return file.documents[0];
}

describe('Kubernetes manifest reader', () => {
  it('reads a Deployment: apiVersion, kind, namespace and the pod template’s DNS fields, past containers and comments', () => {
    const doc = only(`# web tier
apiVersion: apps/v1   # a comment after a value
kind: Deployment
metadata:
  name: web
  namespace: "shop"
  labels: {app: web, tier: "front # not a comment"}
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ghcr.io/acme/web:1.2   # the '#' in a comment
        env:
        - name: REDIS_URL
          value: redis://redis.shop.svc.cluster.local:6379/0
        ports:
          - containerPort: 8080
      dnsPolicy: 'ClusterFirst'
      hostNetwork: false
      dnsConfig:
        nameservers:
          - 10.0.0.10
        searches: [corp.example, "svc.corp.example"]
        options:
        - name: ndots
          value: "2"
        - {name: edns0}
`);
    assert.equal(doc.apiVersion, 'apps/v1');
    assert.equal(doc.kind, 'Deployment');
    assert.equal(doc.scalar(['metadata', 'namespace'])?.text, 'shop');
    assert.equal(doc.scalar([...POD, 'dnsPolicy'])?.text, 'ClusterFirst');
    assert.equal(doc.scalar([...POD, 'dnsPolicy'])?.line, 22);
    assert.equal(doc.scalar([...POD, 'hostNetwork'])?.text, 'false');
    assert.deepEqual(doc.scalars([...POD, 'dnsConfig', 'nameservers']).map((v) => v.text), ['10.0.0.10']);
    assert.deepEqual(doc.scalars([...POD, 'dnsConfig', 'searches']).map((v) => v.text), ['corp.example', 'svc.corp.example']);
    assert.equal(doc.sequenceLength([...POD, 'dnsConfig', 'options']), 2);
    assert.equal(doc.scalar([...POD, 'dnsConfig', 'options', '[0]', 'value'])?.text, '2');
    assert.equal(doc.scalar([...POD, 'dnsConfig', 'options', '[1]', 'name'])?.text, 'edns0');
    // A key named like a DNS field inside the containers is not the pod's.
    assert.equal(doc.scalar(['spec', 'template', 'metadata', 'namespace']), undefined);
    assert.equal(doc.templatedAt([...POD, 'dnsConfig']), false);
  });

  it('keeps block scalars as text: a ConfigMap’s embedded file or a command with key-like lines changes nothing', () => {
    const doc = only(`apiVersion: v1
kind: Pod
metadata:
  name: tool
data:
  app.yaml: |
    metadata:
      namespace: wrong
    dnsPolicy: None

  other: >-
    kind: Wrong
spec:
  containers:
  - name: a
    command:
    - sh
    - -c
    - |
      dnsPolicy: Default
  dnsPolicy: ClusterFirstWithHostNet
  hostNetwork: yes
`);
    assert.equal(doc.kind, 'Pod');
    assert.equal(doc.scalar(['metadata', 'namespace']), undefined);
    assert.equal(doc.scalar(['spec', 'dnsPolicy'])?.text, 'ClusterFirstWithHostNet');
    assert.equal(doc.scalar(['spec', 'hostNetwork'])?.text, 'yes');
  });

  it('splits documents at --- and ..., each with its own line range, and finds the document of a line', () => {
    const text = ['apiVersion: v1', 'kind: Service', 'metadata: {name: a, namespace: one}', '---', '# second', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  namespace: two', '...', '--- !tagged', 'kind: Secret', 'apiVersion: v1'].join('\r\n');
    const file = readManifest(text);
    assert.deepEqual(
      file.documents.map((d) => [d.startLine, d.endLine, d.kind, d.scalar(['metadata', 'namespace'])?.text]),
      [
        [0, 3, 'Service', 'one'],
        [4, 9, 'ConfigMap', 'two'],
        [11, 13, 'Secret', undefined],
      ]
    );
    assert.equal(file.documentAt(2)?.kind, 'Service');
    assert.equal(file.documentAt(3), undefined, 'a separator line is in no document');
    assert.equal(file.documentAt(8)?.kind, 'ConfigMap');
    assert.equal(file.documentAt(12)?.kind, 'Secret');
    assert.equal(file.documentAt(40), undefined);
  });

  it('marks what Helm templates set as templated, and reads the rest of a chart template', () => {
    const doc = only(`{{- if .Values.enabled }}
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ include "db.fullname" . }}
  namespace: {{ .Release.Namespace | quote }}
  labels:
    {{- include "db.labels" . | nindent 4 }}
spec:
  template:
    spec:
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      dnsPolicy: {{ .Values.dnsPolicy | default "ClusterFirst" }}
      dnsConfig:
        {{- toYaml .Values.dnsConfig | nindent 8 }}
      containers:
        - name: db
          args: [ "--peer={{ .Values.peer }}", --x ]
{{- end }}
`);
    assert.equal(doc.kind, 'StatefulSet');
    assert.equal(doc.scalar(['metadata', 'namespace'])?.templated, true);
    assert.equal(doc.scalar([...POD, 'dnsPolicy'])?.templated, true);
    assert.equal(doc.templatedAt([...POD, 'dnsConfig']), true);
    assert.equal(doc.templatedAt([...POD, 'hostNetwork']), false);
  });

  it('reads flow collections over several lines, quoted keys and escapes, anchors and tags', () => {
    const doc = only(`apiVersion: v1
kind: Pod
"metadata":
  'namespace': !!str "sh\\u006fp"
spec:
  dnsConfig: &dns
    searches: [
      a.example,   # first
      'it''s.example'
    ]
    nameservers: ["10.0.0.10", 10.0.0.11]
  hostAliases:
  - ip: 10.1.2.3
    hostnames: [legacy-db, legacy-db.corp]
`);
    assert.equal(doc.scalar(['metadata', 'namespace'])?.text, 'shop');
    assert.deepEqual(doc.scalars(['spec', 'dnsConfig', 'searches']).map((v) => v.text), ['a.example', "it's.example"]);
    assert.deepEqual(doc.scalars(['spec', 'dnsConfig', 'nameservers']).map((v) => v.text), ['10.0.0.10', '10.0.0.11']);
    assert.deepEqual(doc.scalars(['spec', 'hostAliases', '[0]', 'hostnames']).map((v) => v.text), ['legacy-db', 'legacy-db.corp']);
  });

  it('never throws and stays linear on any text (fast-check, fixed seed)', () => {
    const token = fc.constantFrom('apiVersion: v1', 'kind: Pod', '---', '...', '- ', '  ', '    ', 'spec:', 'dnsConfig:', 'searches: [', ']', '{', '}', '"', "'", '#', '|', '>-', '{{ x }}', '{{-', 'key: value', ': ', '\t', '\r', '&a', '*a', '!!str', 'namespace: x', '\u{1F600}', '\\');
    const line = fc.array(token, { maxLength: 8 }).map((t) => t.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const file = readManifest(lines.join('\n'));
        for (let i = 0; i < lines.length; i++) file.documentAt(i);
        for (const doc of file.documents) void [doc.apiVersion, doc.kind, doc.templatedAt(['spec'])];
      }),
      { seed: 0x6b38, numRuns: 800 }
    );
    // An unclosed flow collection does not swallow the rest of a large file for ever.
    const big = `apiVersion: v1\nkind: Pod\nspec:\n  dnsConfig:\n    searches: [a,\n${'    b,\n'.repeat(20_000)}`;
    const started = Date.now();
    readManifest(big);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });
});
