import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE } from '../../fixtures/dns/zone';
import { hoverText, settledHover } from '../hovers';
import { queriesFor } from '../../support/fixtureLog';

describe('hover on hostnames in a real editor', () => {
  before(async () => {
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  it('shows the addresses the system resolver returns for localhost', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'conn = connect("localhost", 5432)\n' });
    // What the user reads (markdown escapes undone), not the markdown source.
    const { plain } = await settledHover(doc, new vscode.Position(0, 18));
    assert.match(plain, /NetLens · localhost/);
    assert.match(plain, /^IPv4 {2}127\.0\.0\.1$/m);
    // The age depends on whether an earlier test already resolved localhost (the answer is cached).
    assert.match(plain, /system resolver of \S+ \(getaddrinfo, native backend\) in [\d.]+ ms, (just now|\d+ s ago|\d+ min ago)$/m);
  });

  it('shows the canonical name at the end of a CNAME chain, and the NXDOMAIN error in Python’s words', async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    const { alias, canonical, v4, v6 } = FIXTURE.cnameChain;
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: `primary: https://${alias}/api\nbroken: ${FIXTURE.nxdomain}\n` });
    const plain = (await settledHover(doc, new vscode.Position(0, 'primary: https://'.length + 2))).plain;
    assert.ok(plain.includes(`canonical name: ${canonical}`), plain);
    assert.ok(plain.includes(v4) && plain.includes(v6), plain);
    const failed = (await settledHover(doc, new vscode.Position(1, 'broken: '.length + 3))).plain;
    assert.ok(failed.includes('[Errno -2] Name or service not known'), failed);
    const ips = await vscode.workspace.openTextDocument({ language: 'ini', content: `a = ${FIXTURE.ptr.forward.v4}\nb = ${FIXTURE.ptr.missing.v4}\n` });
    const found = (await settledHover(ips, new vscode.Position(0, 6))).plain;
    assert.ok(found.includes(`reverse name (gethostbyaddr): ${FIXTURE.ptr.forward.name}`), found);
    const missing = (await settledHover(ips, new vscode.Position(1, 6))).plain;
    assert.ok(missing.includes('no reverse name (gethostbyaddr: [Errno 1] Unknown host)'), missing);
  });

  it('shows the service port a URL implies and the facts of an IP literal, from the services database and ipaddress rules', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'properties', content: 'a=imaps://mail.localhost/inbox\nb=http://127.0.0.1:8080/\nc=100.64.0.1\n' });
    const imaps = (await settledHover(doc, new vscode.Position(0, 12))).plain;
    assert.ok(imaps.includes('imaps:// → port 993 (imaps in /etc/services)'), imaps);
    const explicit = (await settledHover(doc, new vscode.Position(1, 10))).plain;
    assert.ok(explicit.includes('http:// → port 8080 (explicit in the URL)'), explicit);
    assert.ok(explicit.includes('IPv4 127.0.0.1: loopback, private'), explicit);
    const cgnat = (await settledHover(doc, new vscode.Position(2, 4))).plain;
    assert.ok(cgnat.includes('IPv4 100.64.0.1: shared (CGNAT)'), cgnat);
  });

  it('says when the hosts file answers, shows both IDN forms, and names the machine whose resolver answered', async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    const doc = await vscode.workspace.openTextDocument({ language: 'ini', content: `a = http://${FIXTURE.hostsOnly.name}/\nb = https://straße.netlens.test/\n` });
    const hosts = (await settledHover(doc, new vscode.Position(0, 12))).plain;
    assert.ok(hosts.includes(`/etc/hosts answers for this name: ${FIXTURE.hostsOnly.v4}`), hosts);
    assert.match(hosts, /system resolver of \S+ \(getaddrinfo/);
    const idn = (await settledHover(doc, new vscode.Position(1, 14))).plain;
    assert.ok(idn.includes('IDN: Python and the netlens CLI send strasse.netlens.test (IDNA 2003); browsers send xn--strae-oqa.netlens.test (UTS #46)'), idn);
  });

  it('says which source answered (the hosts file, or DNS) and where runtimes connect first, without a query of its own', async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    const { alias } = FIXTURE.cnameChain;
    const doc = await vscode.workspace.openTextDocument({ language: 'ini', content: `a = http://${FIXTURE.hostsOnly.name}/\nb = https://${alias}/\nc = localhost:8080\n` });
    // The explaining lines are computed once per lookup: a hover may come before them; the next one has them.
    const explained = async (line: number, column: number): Promise<string> => {
      for (let i = 0; i < 40; i++) {
        const { plain } = await settledHover(doc, new vscode.Position(line, column));
        if (plain.includes('answered by')) return plain;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`no "answered by" line at line ${line}`);
    };
    const hosts = await explained(0, 12);
    assert.match(hosts, /answered by files: \/etc\/hosts line \d+/);
    const before = queriesFor(alias).length;
    const dns = await explained(1, 14);
    assert.match(dns, /^answered by dns\s*$/m);
    // Asking the hosts file and myhostname sends nothing: the only queries for the alias are the lookup's own.
    const lookupQueries = queriesFor(alias).length - before;
    assert.ok(lookupQueries <= 2, `the hover sent ${lookupQueries} queries for ${alias} (the lookup's A and AAAA at most)`);
    const local = await explained(2, 6);
    assert.match(local, /connects? to ::1 first; Java uses 127\.0\.0\.1 only/);
  });

  it('finding is not resolving: a network is explained, .onion/.invalid/.alt and SRV names are marked, and none reaches DNS', async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    const content = 'cidr_block = "10.40.0.0/16"\ntor = "shop-hover.example.onion"\nsrv = "_ldap._tcp.hover-srv.netlens.test"\nalt = "wiki.hover-check.alt"\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'ini', content });
    const network = (await settledHover(doc, new vscode.Position(0, 17))).plain;
    assert.ok(network.includes('Network 10.40.0.0/16: 65,536 addresses, 10.40.0.0 – 10.40.255.255') && network.includes('A network is not looked up.'), network);
    const onion = (await settledHover(doc, new vscode.Position(1, 10))).plain;
    assert.match(onion, /✗ not looked up: shop-hover\.example\.onion is an onion name \(RFC 7686\)/);
    const srv = (await settledHover(doc, new vscode.Position(2, 12))).plain;
    assert.match(srv, /SRV name: clients ask DNS for the SRV records of _ldap\._tcp\.hover-srv\.netlens\.test/);
    const alt = (await settledHover(doc, new vscode.Position(3, 10))).plain;
    assert.match(alt, /not looked up: wiki\.hover-check\.alt is in the special-use domain alt \(RFC 9476\)/);
    assert.deepEqual([...queriesFor('hover.example.onion'), ...queriesFor('hover-srv'), ...queriesFor('hover-check.alt'), ...queriesFor('10.40.0.0')], [], 'no DNS query for any of them');
  });

  it('offers no hover (and so no lookup) for dotted words in code that are not hosts', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'console.log(path.join(dir, "README.md"), a..b);\n' });
    for (const word of ['console', 'join', 'README', 'a..b']) {
      const { text } = await hoverText(doc, new vscode.Position(0, doc.lineAt(0).text.indexOf(word) + 1));
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
