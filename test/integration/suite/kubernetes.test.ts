// The Kubernetes preview in a real editor: on a host in a manifest the hover shows what a pod would ask, and a
// Code Action rewrites the name to its cheapest form, replacing only the name. Computed offline: automatic lookups
// are turned off here, so any DNS query for these names could only come from the preview (there is none).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { requiredFixtureLogLines } from '../../support/fixtureLog';
import { hoverText } from '../hovers';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: web
          env:
            - name: CACHE_URL
              value: "redis://k8s-preview-cache.shop.svc.cluster.local:6379/0"
            - name: AUDIT_DB
              value: postgres://app@k8s-preview-audit.billing:5432/audit
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: plain
  namespace: other
data:
  host: k8s-preview-cache
`;

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('netlens').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Kubernetes preview in a real editor', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
    await setting('autoResolve', false);
    doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: MANIFEST });
  });

  after(async () => {
    await setting('autoResolve', undefined);
    await setting('kubernetes.clusterDomain', undefined);
  });

  const at = (line: number, text: string): vscode.Position => new vscode.Position(line, doc.lineAt(line).text.indexOf(text) + 2);

  it('shows in the hover what a pod of the document’s namespace asks, and the cheapest form', async () => {
    const { plain } = await hoverText(doc, at(12, 'k8s-preview-cache'));
    assert.ok(plain.includes('In a pod of namespace shop (ClusterFirst, ndots:5): asks 3 names and the node’s search domains before k8s-preview-cache.shop.svc.cluster.local — 8 queries and 2 more per node search domain'), plain);
    assert.ok(plain.includes('The node’s own search domains are not known here'), plain);
    assert.ok(plain.includes('Cheapest form here: k8s-preview-cache — 2 queries'), plain);
    // A host belongs to its own document: the ConfigMap's namespace is other.
    const other = (await hoverText(doc, at(22, 'k8s-preview-cache'))).plain;
    assert.ok(other.includes('In a pod of namespace other (ClusterFirst, ndots:5): asks k8s-preview-cache.other.svc.cluster.local first — 2 queries'), other);
  });

  it('offers the cheapest form as a rewrite and replaces only the name, keeping the URL’s scheme, port and path', async () => {
    const edited = await vscode.workspace.openTextDocument({ language: 'yaml', content: MANIFEST });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', edited.uri, new vscode.Range(at(12, 'k8s-preview-cache'), at(12, 'k8s-preview-cache')));
    const ours = actions.filter((a) => a.title.startsWith('Write '));
    assert.deepEqual(
      ours.map((a) => [a.title, a.kind?.value]),
      [['Write k8s-preview-cache: 2 DNS queries from a pod instead of 8 and the node’s search domains', 'refactor.rewrite']]
    );
    const edit = ours[0].edit;
    assert.ok(edit);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(edited.lineAt(12).text, '              value: "redis://k8s-preview-cache:6379/0"');
    // Another namespace's Service: svc.ns is not the cheapest, the trailing-dot FQDN is; the user and port stay.
    const cross = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', edited.uri, new vscode.Range(at(14, 'k8s-preview-audit'), at(14, 'k8s-preview-audit')));
    const fqdn = cross.find((a) => a.title.startsWith('Write '));
    assert.equal(fqdn?.title, 'Write k8s-preview-audit.billing.svc.cluster.local.: 2 DNS queries from a pod instead of 4');
    assert.ok(fqdn.edit && (await vscode.workspace.applyEdit(fqdn.edit)));
    assert.equal(edited.lineAt(14).text, '              value: postgres://app@k8s-preview-audit.billing.svc.cluster.local.:5432/audit');
    // The name as written is already the cheapest now: nothing more is offered.
    const none = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', edited.uri, new vscode.Range(at(12, 'k8s-preview-cache'), at(12, 'k8s-preview-cache')));
    assert.deepEqual(none.filter((a) => a.title.startsWith('Write ')).map((a) => a.title), []);
  });

  it('takes the cluster domain from netlens.kubernetes.clusterDomain', async () => {
    await setting('kubernetes.clusterDomain', 'corp.k8s');
    const { plain } = await hoverText(doc, at(22, 'k8s-preview-cache'));
    assert.ok(plain.includes('asks k8s-preview-cache.other.svc.corp.k8s first — 2 queries'), plain);
    await setting('kubernetes.clusterDomain', undefined);
  });

  it('sent no DNS query for any of these names (the fixture DNS server’s log)', function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    assert.deepEqual(requiredFixtureLogLines().filter((line) => line.includes('k8s-preview')), []);
  });
});
