import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE } from '../../fixtures/dns/zone';

/** Hover text as plain strings, the way a screen reader would get it. */
async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** MarkdownString.appendText escapes punctuation and turns spaces into &nbsp;: undo that to compare text. */
function plainText(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

/** Hovers until the answer replaces "resolving…" (a slow lookup answers on a later hover). */
async function settledHover(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const text = await hoverText(doc, position);
    if (text && !text.includes('resolving…')) return text;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the hover never showed an answer');
}

describe('hover on hostnames in a real editor', () => {
  before(async () => {
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  it('shows the addresses the system resolver returns for localhost', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'conn = connect("localhost", 5432)\n' });
    const text = await settledHover(doc, new vscode.Position(0, 18));
    assert.match(text, /NetLens/);
    assert.match(text, /127\.0\.0\.1/);
    assert.match(text, /getaddrinfo/);
  });

  it('shows the canonical name at the end of a CNAME chain, and the NXDOMAIN error in Python’s words', async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    const { alias, canonical, v4, v6 } = FIXTURE.cnameChain;
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: `primary: https://${alias}/api\nbroken: ${FIXTURE.nxdomain}\n` });
    const text = await settledHover(doc, new vscode.Position(0, 'primary: https://'.length + 2));
    const plain = plainText(text);
    assert.ok(plain.includes(`canonical name: ${canonical}`), plain);
    assert.ok(plain.includes(v4) && plain.includes(v6), plain);
    const failed = plainText(await settledHover(doc, new vscode.Position(1, 'broken: '.length + 3)));
    assert.ok(failed.includes('[Errno -2] Name or service not known'), failed);
    const ips = await vscode.workspace.openTextDocument({ language: 'ini', content: `a = ${FIXTURE.ptr.forward.v4}\nb = ${FIXTURE.ptr.missing.v4}\n` });
    const found = plainText(await settledHover(ips, new vscode.Position(0, 6)));
    assert.ok(found.includes(`reverse name (gethostbyaddr): ${FIXTURE.ptr.forward.name}`), found);
    const missing = plainText(await settledHover(ips, new vscode.Position(1, 6)));
    assert.ok(missing.includes('no reverse name (gethostbyaddr: [Errno 1] Unknown host)'), missing);
  });

  it('shows the service port a URL implies and the facts of an IP literal, from the services database and ipaddress rules', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'properties', content: 'a=imaps://mail.localhost/inbox\nb=http://127.0.0.1:8080/\nc=100.64.0.1\n' });
    const imaps = plainText(await settledHover(doc, new vscode.Position(0, 12)));
    assert.ok(imaps.includes('imaps:// → port 993 (imaps in /etc/services)'), imaps);
    const explicit = plainText(await settledHover(doc, new vscode.Position(1, 10)));
    assert.ok(explicit.includes('http:// → port 8080 (explicit in the URL)'), explicit);
    assert.ok(explicit.includes('IPv4 127.0.0.1: loopback, private'), explicit);
    const cgnat = plainText(await settledHover(doc, new vscode.Position(2, 4)));
    assert.ok(cgnat.includes('IPv4 100.64.0.1: shared (CGNAT)'), cgnat);
  });

  it('says when the hosts file answers, shows both IDN forms, and names the machine whose resolver answered', async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    const doc = await vscode.workspace.openTextDocument({ language: 'ini', content: `a = http://${FIXTURE.hostsOnly.name}/\nb = https://straße.netlens.test/\n` });
    const hosts = plainText(await settledHover(doc, new vscode.Position(0, 12)));
    assert.ok(hosts.includes(`/etc/hosts answers for this name: ${FIXTURE.hostsOnly.v4}`), hosts);
    assert.match(hosts, /system resolver of \S+ \(getaddrinfo/);
    const idn = plainText(await settledHover(doc, new vscode.Position(1, 14)));
    assert.ok(idn.includes('IDN: Python and the netlens CLI send strasse.netlens.test (IDNA 2003); browsers send xn--strae-oqa.netlens.test (UTS #46)'), idn);
  });

  it('offers no hover (and so no lookup) for dotted words in code that are not hosts', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'console.log(path.join(dir, "README.md"), a..b);\n' });
    for (const word of ['console', 'join', 'README', 'a..b']) {
      const text = await hoverText(doc, new vscode.Position(0, doc.lineAt(0).text.indexOf(word) + 1));
      assert.doesNotMatch(text, /NetLens/, `no hover on ${word}`);
    }
  });

  it('shows the port a URL implies as an inlay hint, only where the URL has no explicit port', async () => {
    const content = 'a = "https://api.example.com/v1"\nb = "postgres://db.internal/app"\nc = "http://localhost:8080/"\nd = "gopher://gopher.example.org"\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, 4, 0));
    const labels = hints.map((h) => [h.position.line, h.position.character, typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')]);
    assert.deepEqual(labels, [
      [0, 'a = "https://api.example.com'.length, ':443'],
      [1, 'b = "postgres://db.internal'.length, ':5432'],
      [3, 'd = "gopher://gopher.example.org'.length, ':70'],
    ]);
  });
});
