// Hostile data from the DNS fixture (zone.ts: FIXTURE.hostile) through every surface of the real editor that shows
// names: hovers, Reverse Lookup, Compare Resolvers, the getaddrinfo panel's data and Hosts in This File. The
// strings are markup, markdown links to foreign commands and web pages, a bare command URI, emphasis and `$(icon)`
// syntax; each must arrive intact (as the resolver gave it) and be shown as that text, never as markup or a link.
// What the screen draws is checked in test/ui/hostileScenarios.ts; here, the data and the markdown source.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostTuple } from '../../../src/client/pythonSocket';
import type { Outcome } from '../../../src/core/addrinfo';
import type { DnsReport } from '../../../src/core/directDns';
import type { HostLookup } from '../../../src/core/lookupView';
import type { ToWebviewMessage } from '../../../src/webview/messages';
import { FIXTURE, HOSTILE_KEYS } from '../../fixtures/dns/zone';
import { runCommand } from '../commands';

const HOSTILE = FIXTURE.hostile.strings;
const LONG = FIXTURE.hostile.long;
/** The commands a hover may link to (hoverProvider.ts HOVER_COMMANDS). */
const OUR_COMMANDS = ['netlens.resolveHostname', 'netlens.showGetaddrinfo', 'netlens.copyLookupJson'];

let checks = 0;
function check(condition: boolean, message: string): void {
  checks++;
  assert.ok(condition, message);
}

/** Whether the character at `i` is escaped (an odd number of backslashes before it). */
function escaped(source: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && source[i - n - 1] === '\\') n++;
  return n % 2 === 1;
}

/** What a CommonMark renderer shows for text escaped the way hoverProvider.ts escapes it. */
function shownText(source: string): string {
  return source.replace(/&nbsp;/g, ' ').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const OUR_LINK = /^\[(?:\\.|[^\]\\[])*\]\(command:([\w.]+)\?([^()\s]*)\)/;

/**
 * The markdown of one hover section is safe: only our commands are trusted, no HTML, no theme icons; every
 * unescaped `[` starts a link to one of our commands whose argument is exactly [host]; nothing else is markup
 * (no unescaped `<`, backtick, `$(`, emphasis) and nothing GFM would turn into a link by itself.
 */
function assertSafeMarkdown(md: vscode.MarkdownString, host: string): void {
  const trusted = md.isTrusted;
  check(trusted === undefined || trusted === false || (typeof trusted === 'object' && trusted.enabledCommands.every((c) => OUR_COMMANDS.includes(c))), `only NetLens commands are trusted: ${JSON.stringify(trusted)}`);
  check(!md.supportHtml, 'supportHtml is off');
  check(!md.supportThemeIcons, 'theme icons are off (a name like $(zap) stays text)');
  let rest = md.value.replace(/^\*\*NetLens\*\* · /, '');
  for (let i = rest.indexOf('['); i >= 0; i = rest.indexOf('[', i + 1)) {
    if (escaped(rest, i)) continue;
    const link = OUR_LINK.exec(rest.slice(i));
    check(link !== null, `an unescaped "[" that is not one of our links: …${rest.slice(i, i + 80)}`);
    if (!link) continue;
    check(OUR_COMMANDS.includes(link[1]), `a link to ${link[1]}, not one of ours`);
    check(JSON.stringify(JSON.parse(decodeURIComponent(link[2]))) === JSON.stringify([host]), `the link's argument is [host]: ${link[2]}`);
    rest = rest.slice(0, i) + rest.slice(i + link[0].length);
    i--;
  }
  for (let i = 0; i < rest.length; i++) {
    if ('<>`*_]!'.includes(rest[i]) && !escaped(rest, i)) check(false, `unescaped ${rest[i]} in the hover: …${rest.slice(Math.max(0, i - 30), i + 30)}`);
  }
  check(!/(?<!\\)\$(?!\\)\(/.test(rest), 'no $( icon syntax');
  // GFM autolinks: scheme://host, www., user@host (their punctuation must be escaped).
  check(!/(https?|ftp):\/\/[\w-]|(^|[^\\])www\.[\w-]|[\w.+-]@[\w-]/i.test(rest), `nothing GFM would autolink: ${rest}`);
}

async function hoverSections(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.MarkdownString[]> {
  for (let i = 0; i < 40; i++) {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    const sections = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c === 'object' && 'value' in c);
    const text = sections.map((s) => s.value).join('\n');
    if (sections.length > 0 && !text.includes('resolving…')) return sections;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the hover at ${position.line}:${position.character} never showed an answer`);
}

/** Hovers over `host` (its first occurrence in `doc`), checks every section and returns the text shown. */
async function hoverOver(doc: vscode.TextDocument, host: string): Promise<string> {
  const at = doc.getText().indexOf(host);
  assert.ok(at >= 0, `${host} is in the document`);
  const sections = await hoverSections(doc, doc.positionAt(at + Math.min(3, host.length - 1)));
  for (const s of sections) assertSafeMarkdown(s, host);
  return sections.map((s) => shownText(s.value)).join('\n');
}

/** c-ares gives names in presentation format: `\(`, `\"`, `\$`… (RFC 1035 5.1); this is the text they stand for. */
function fromPresentation(name: string): string {
  return name.replace(/\\(\d{3}|.)/g, (_, c: string) => (c.length === 3 ? String.fromCharCode(Number(c)) : c));
}

describe('hostile DNS and hosts-file data in a real editor', function () {
  before(async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  after(async () => {
    console.log(`hostile data: ${HOSTILE_KEYS.length} hostile strings (+ a 253-character name), ${checks} checks in the editor`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hovers show hostile canonical and reverse names as literal text, with no foreign link, HTML or icon', async () => {
    const lines = HOSTILE_KEYS.flatMap((k) => [`name_${k} = ${HOSTILE[k].hostsName}`, `addr_${k} = ${HOSTILE[k].hostsV4}`]);
    const doc = await vscode.workspace.openTextDocument({ language: 'ini', content: `${lines.join('\n')}\nlong = ${LONG.name}\nlongip = ${LONG.v4}\n` });
    for (const k of HOSTILE_KEYS) {
      const h = HOSTILE[k];
      const forward = await hoverOver(doc, h.hostsName);
      check(forward.includes(`canonical name: ${h.hostsCanonical}`), `${k}: the canonical name as text: ${forward}`);
      const reverse = await hoverOver(doc, h.hostsV4);
      check(reverse.includes(`reverse name (gethostbyaddr): ${h.hostsCanonical}`), `${k}: the reverse name as text: ${reverse}`);
    }
    check((await hoverOver(doc, LONG.name)).includes(LONG.name), 'the 253-character name, whole');
    check((await hoverOver(doc, LONG.v4)).includes(`reverse name (gethostbyaddr): ${LONG.name}`), 'the 253-character PTR name, whole');
  });

  it('a hover over a host inside hostile document text links only to NetLens, with the host as argument', async () => {
    const content = [
      'see http://a.example/[x](command:workbench.action.terminal.new) now',
      `${HOSTILE.img.hostsName}**bold** and [y](command:netlens.clearHistory) <img src=x onerror=alert(1)>`,
      'mail to www.netlens.test or x@alias.netlens.test',
      '',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    for (const host of ['a.example', HOSTILE.img.hostsName, 'www.netlens.test', 'alias.netlens.test']) {
      const shown = await hoverOver(doc, host);
      check(shown.includes(`· ${host}`), `the hover is about ${host}: ${shown}`);
    }
  });

  it('Reverse Lookup gives the hosts file’s hostile name and aliases verbatim, and a pick copies the name itself', async () => {
    for (const k of HOSTILE_KEYS) {
      const h = HOSTILE[k];
      await vscode.env.clipboard.writeText('(nothing copied)');
      const outcome = await vscode.commands.executeCommand<Outcome<HostTuple>>('netlens.reverseLookup', h.hostsV4);
      check(outcome.ok, `${k}: ${JSON.stringify(outcome)}`);
      if (!outcome.ok) continue;
      assert.deepEqual(outcome.value, [h.hostsCanonical, [h.hostsName, h.hostsAlias], [h.hostsV4]]);
      // The quick pick opens after the command returns: accept its first row (the name) once it is there.
      let copied = '';
      for (let i = 0; i < 40 && copied !== h.hostsCanonical; i++) {
        await new Promise((r) => setTimeout(r, 100));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        copied = await vscode.env.clipboard.readText();
      }
      check(copied === h.hostsCanonical, `${k}: picking the name copies it as it is (not as displayed): ${JSON.stringify(copied)}`);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    // In DNS the same strings are refused by glibc (res_hnok): an error, not a name.
    const refused = await runCommand<Outcome<HostTuple>>('netlens.reverseLookup', HOSTILE.commandLink.dnsV4);
    check(!refused.ok && refused.error.kind === 'herror', `glibc refuses a hostile PTR name: ${JSON.stringify(refused)}`);
  });

  it('Compare Resolvers keeps hostile CNAME targets, PTR data and hosts-file names as data', async () => {
    for (const k of HOSTILE_KEYS) {
      const h = HOSTILE[k];
      const viaCname = await runCommand<Outcome<DnsReport>>('netlens.compareResolvers', h.cname);
      check(viaCname.ok && fromPresentation(viaCname.value.cnameChain.at(-1) ?? '') === h.dnsName, `${k}: the CNAME chain ends at the hostile name: ${JSON.stringify(viaCname)}`);
      check(viaCname.ok && viaCname.value.system.ok && viaCname.value.system.canonname === h.cname, `${k}: glibc ignores the hostile CNAME target`);
      const viaPtr = await runCommand<Outcome<DnsReport>>('netlens.compareResolvers', h.dnsV4);
      check(viaPtr.ok && viaPtr.value.ptr?.ok === true && fromPresentation(viaPtr.value.ptr.records[0] ?? '') === h.dnsName, `${k}: the PTR data: ${JSON.stringify(viaPtr)}`);
      const viaHosts = await runCommand<Outcome<DnsReport>>('netlens.compareResolvers', h.hostsName);
      check(viaHosts.ok && viaHosts.value.system.ok && viaHosts.value.system.canonname === h.hostsCanonical, `${k}: the hosts file's canonical name: ${JSON.stringify(viaHosts)}`);
    }
  });

  it('the getaddrinfo panel and Hosts in This File get the hostile canonical names verbatim', async () => {
    for (const k of HOSTILE_KEYS) {
      const h = HOSTILE[k];
      const message = await Promise.race([
        vscode.commands.executeCommand<ToWebviewMessage | undefined>('netlens.showGetaddrinfo', h.hostsName),
        new Promise<undefined>((r) => setTimeout(() => r(undefined), 20000)),
      ]);
      check(message?.type === 'result' && message.outcome.ok && message.outcome.value.rows[0].canonname === h.hostsCanonical, `${k}: the panel's first row carries the hostile canonname: ${JSON.stringify(message)}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const doc = await vscode.workspace.openTextDocument({ language: 'ini', content: HOSTILE_KEYS.map((k) => `${k} = ${HOSTILE[k].hostsName}`).join('\n') });
    await vscode.window.showTextDocument(doc);
    const results = await vscode.commands.executeCommand<Map<string, HostLookup> | undefined>('netlens.resolveAllInFile');
    assert.ok(results, 'Resolve All Hosts in File answered');
    for (const k of HOSTILE_KEYS) {
      const lookup = results.get(HOSTILE[k].hostsName);
      check(lookup?.canonicalName === HOSTILE[k].hostsCanonical, `${k}: ${JSON.stringify(lookup)}`);
    }
  });
});
