// The hover as a model (src/core/hoverView.ts): every case a user can meet, in plain Node, with the scanner's real
// matches. The in-editor tests check that the editor shows it (test/integration/suite/hover.test.ts).
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { gatherAnswers, hoverView, noLookupReason, type Cancellation, type HoverInput, type HoverLookups, type HoverSection } from '../../src/core/hoverView';
import { hostMatchInLine } from '../../src/core/hostAtPosition';
import { lineText, type HostLookup } from '../../src/core/lookupView';
import type { HostMatch } from '../../src/core/scanner';

function matchIn(line: string, at = 0): HostMatch {
  const match = hostMatchInLine(line, 0, at);
  assert.ok(match, `the scanner finds a host in ${line}`);
  return match;
}

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);

function answer(host: string, addresses: string[], extra: Partial<HostLookup> = {}): HostLookup {
  return {
    host,
    ok: true,
    addresses,
    canonicalName: host,
    rows: addresses.map((a) => ({ family: a.includes(':') ? 'AF_INET6' : 'AF_INET', type: 'SOCK_STREAM', proto: 6, canonname: '', sockaddr: a.includes(':') ? [a, 0, 0, 0] : [a, 0] })),
    backend: 'native',
    elapsedMs: 1.25,
    resolvedAt: NOW - 30_000,
    error: null,
    ...extra,
  } as HostLookup;
}

function input(match: HostMatch, extra: Partial<HoverInput> = {}): HoverInput {
  return { match, noLookup: null, lookup: undefined, machine: undefined, reverse: undefined, hostsFile: null, now: NOW, ...extra };
}

/** A section as a reader sees it: the title line, then each paragraph's lines. */
function text(section: HoverSection): string[] {
  return [...(section.title === null ? [] : [`# ${section.title}`]), ...section.paragraphs.flat().map(lineText), ...section.links.map((l) => `[${l.title}](${l.action} ${l.host})`)];
}

describe('hover view model', () => {
  it('an answer: canonical name, every address in the resolver order with its family, who answered and when, and the three links', () => {
    const match = matchIn('url = "https://alias.netlens.test/x"', 10);
    const lookup = answer('alias.netlens.test', ['2001:db8::10', '198.51.100.10'], { canonicalName: 'Canonical.netlens.test' });
    const [main] = hoverView(input(match, { lookup, machine: 'build-01' }));
    assert.deepEqual(text(main), [
      '# alias.netlens.test',
      'canonical name: Canonical.netlens.test',
      'IPv6  2001:db8::10',
      'IPv4  198.51.100.10',
      'system resolver of build-01 (getaddrinfo, native backend) in 1.3 ms, 30 s ago',
      '[Open in getaddrinfo view](showGetaddrinfo alias.netlens.test)',
      '[Copy as JSON](copyLookupJson alias.netlens.test)',
      '[Re-resolve](resolveHostname alias.netlens.test)',
    ]);
  });

  it('the canonical name only when it says more than case or a final dot; the machine only when known', () => {
    const [main] = hoverView(input(matchIn('db.netlens.test'), { lookup: answer('db.netlens.test', ['198.51.100.1'], { canonicalName: 'DB.netlens.test.', resolvedAt: NOW }) }));
    assert.deepEqual(text(main).slice(1, 3), ['IPv4  198.51.100.1', 'system resolver (getaddrinfo, native backend) in 1.3 ms, just now']);
  });

  it('a failure: Python’s error text and its EAI code, and when it was asked (no backend or time: there was no answer)', () => {
    const lookup = answer('nx.netlens.test', [], {
      ok: false,
      rows: [],
      canonicalName: null,
      backend: null,
      elapsedMs: null,
      resolvedAt: NOW - 180_000,
      error: { kind: 'gaierror', errno: -2, code: 'EAI_NONAME', message: 'Name or service not known', text: '[Errno -2] Name or service not known' },
    });
    const [main] = hoverView(input(matchIn('nx.netlens.test'), { lookup, machine: 'build-01' }));
    assert.deepEqual(text(main).slice(1, 3), ['✗ [Errno -2] Name or service not known (EAI_NONAME)', 'system resolver of build-01 (getaddrinfo), 3 min ago']);
  });

  it('keeps names from DNS and documents as data, never as our words (the renderer escapes data)', () => {
    const hostile = '[x](command:evil)<img src=x>.netlens.test';
    const lookup = answer('a.netlens.test', ['198.51.100.1'], { canonicalName: hostile });
    const [main] = hoverView(input(matchIn('a.netlens.test'), { lookup, machine: '**machine**' }));
    const parts = main.paragraphs.flat().flat();
    assert.ok(parts.some((p) => 'data' in p && p.data === hostile), 'the canonical name is one data part');
    assert.ok(parts.some((p) => 'data' in p && p.data === '**machine**'), 'the machine name is data');
    assert.ok(!parts.some((p) => 'words' in p && (p.words.includes('command:') || p.words.includes('**'))), 'no data leaked into words');
  });

  it('while the answer is on its way: "resolving…", and for an IP literal the reverse name is asked too', () => {
    const sections = hoverView(input(matchIn('connect 198.51.100.7 now', 9)));
    assert.deepEqual(sections.map(text).slice(0, 3), [
      ['# 198.51.100.7', 'resolving… (hover again to see the answer)'],
      ['reverse name: resolving… (hover again to see the answer)'],
      ['IPv4 198.51.100.7: private, documentation · IANA: Documentation (TEST-NET-2) (RFC 5737)'],
    ]);
    const found = hoverView(input(matchIn('198.51.100.7'), { reverse: { ok: true, name: 'ptr.netlens.test' } }));
    assert.deepEqual(text(found[1]), ['reverse name (gethostbyaddr): ptr.netlens.test']);
    const missing = hoverView(input(matchIn('198.51.100.7'), { reverse: { ok: false, error: '[Errno 1] Unknown host' } }));
    assert.deepEqual(text(missing[1]), ['no reverse name (gethostbyaddr: [Errno 1] Unknown host)']);
  });

  it('untrusted workspace or autoResolve off: says why, offers the explicit command, and still shows the offline facts', () => {
    assert.equal(noLookupReason(false, true), 'untrusted', 'trust comes first');
    assert.equal(noLookupReason(false, false), 'untrusted');
    assert.equal(noLookupReason(true, false), 'autoResolveOff');
    assert.equal(noLookupReason(true, true), null);
    const match = matchIn('see https://db.netlens.test/', 6);
    const lookup = answer('db.netlens.test', ['198.51.100.1']);
    const sections = hoverView(input(match, { noLookup: 'untrusted', lookup, machine: 'm' }));
    assert.equal(sections.length, 2);
    assert.match(text(sections[0])[1], /not trusted/);
    assert.deepEqual(sections[0].links, [{ title: 'Resolve it now', action: 'resolveHostname', host: 'db.netlens.test' }]);
    assert.ok(!JSON.stringify(sections).includes('198.51.100.1'), 'an answer passed in is not shown where nothing may be looked up');
    assert.match(text(sections[1])[0], /^https:\/\/ → port 443 \((https in \S+|well-known default: .*)\)$/, 'the port from the services database or the well-known default');
    assert.match(text(hoverView(input(match, { noLookup: 'autoResolveOff' }))[0])[1], /netlens\.autoResolve/);
  });

  it('offline facts: the IDN forms when Python and browsers differ, the hosts-file lines, an explicit port, an IPv6 literal’s facts', () => {
    const idn = hoverView(input(matchIn('straße.netlens.test'), { noLookup: 'autoResolveOff' }));
    assert.deepEqual(text(idn[1]), ['IDN: Python and the netlens CLI send strasse.netlens.test (IDNA 2003); browsers send xn--strae-oqa.netlens.test (UTS #46)']);
    const same = hoverView(input(matchIn('bücher.netlens.test'), { noLookup: 'autoResolveOff' }));
    assert.deepEqual(text(same[1]), ['IDN: sent as xn--bcher-kva.netlens.test']);
    const hosts = hoverView(
      input(matchIn('files.netlens.test'), {
        noLookup: 'autoResolveOff',
        hostsFile: { path: '/etc/hosts', source: '/etc/hosts', entries: [{ address: '198.51.100.5', family: 'AF_INET', canonical: 'files.netlens.test', aliases: [], lineNumber: 7 }] },
      })
    );
    assert.deepEqual(text(hosts[1]), ['/etc/hosts answers for this name: 198.51.100.5 (line 7)']);
    const port = hoverView(input(matchIn('http://h.netlens.test:8080/'), { noLookup: 'autoResolveOff' }));
    assert.deepEqual(text(port[1]), ['http:// → port 8080 (explicit in the URL)']);
    const mapped = hoverView(input(matchIn('::ffff:192.0.2.1'), { noLookup: 'autoResolveOff' }));
    assert.deepEqual(text(mapped[1]), ['IPv6 ::ffff:192.0.2.1: private, documentation · IPv4-mapped 192.0.2.1 · IANA: IPv4-mapped Address (RFC 4291)']);
  });
});

describe('hover view model: networks', () => {
  it('explains a network as Python’s ip_network does and never looks it up', () => {
    const sections = hoverView(input(matchIn('cidr_block = "10.40.0.0/16"', 16), { lookup: answer('10.40.0.0/16', ['10.40.0.0']) }));
    assert.deepEqual(sections.map(text), [['# 10.40.0.0/16', 'Network 10.40.0.0/16: 65,536 addresses, 10.40.0.0 – 10.40.255.255', 'private', 'A network is not looked up.']]);
    const interfaceForm = hoverView(input(matchIn('address 192.0.2.7/255.255.255.0', 9)));
    assert.match(text(interfaceForm[0])[1], /^Network 192\.0\.2\.0\/24: 256 addresses/);
    assert.match(text(interfaceForm[0])[3], /Host bits are set: ip_network\('192\.0\.2\.7\/255\.255\.255\.0'\) raises ValueError/);
    const v6 = hoverView(input(matchIn('route 2001:db8::/32 via x', 7)));
    assert.equal(text(v6[0])[1], 'Network 2001:db8::/32: 2^96 addresses, 2001:db8:: – 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff');
  });
});

describe('hover view model: SRV names', () => {
  it('marks an SRV name and a +srv URL as such and shows no getaddrinfo answer for them', () => {
    const nx = answer('_ldap._tcp.corp.example.com', [], { ok: false, error: { kind: 'gaierror', errno: -2, code: 'EAI_NONAME', message: 'Name or service not known', text: '[Errno -2] Name or service not known' } });
    const ldap = hoverView(input(matchIn('SRV _ldap._tcp.corp.example.com', 6), { lookup: nx }));
    assert.equal(ldap.length, 1);
    assert.match(text(ldap[0])[1], /^SRV name: clients ask DNS for the SRV records of _ldap\._tcp\.corp\.example\.com \(RFC 2782\)/);
    assert.ok(!JSON.stringify(ldap).includes('Errno'), 'no NXDOMAIN shown as its answer');
    const mongo = hoverView(input(matchIn('uri: mongodb+srv://cluster0.example.net/db', 8)));
    assert.match(text(mongo[0])[1], /SRV records of _mongodb\._tcp\.cluster0\.example\.net/);
  });
});

describe('hover answers: bounded waits', () => {
  const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
  const token = (): Cancellation & { cancel(): void } => {
    const listeners: (() => void)[] = [];
    let cancelled = false;
    return {
      get isCancellationRequested() {
        return cancelled;
      },
      onCancellationRequested(listener) {
        listeners.push(listener);
        return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
      },
      cancel() {
        cancelled = true;
        for (const l of [...listeners]) l();
      },
    };
  };
  const lookups = (over: Partial<HoverLookups>): HoverLookups => ({
    cached: () => undefined,
    resolve: () => never(),
    knownMachineName: () => undefined,
    machineName: () => never(),
    cachedReverseName: () => undefined,
    reverseName: () => never(),
    ...over,
  });

  it('uses cached answers without waiting and gives up on slow ones after the wait', async () => {
    const cached = answer('db.netlens.test', ['198.51.100.1']);
    let asked = 0;
    const got = await gatherAnswers('db.netlens.test', false, lookups({ cached: () => cached, resolve: () => (asked++, never()) }), 20, token());
    assert.deepEqual(got, { machine: undefined, lookup: cached, reverse: undefined });
    assert.equal(asked, 0, 'a cached answer starts no lookup');
  });

  it('a slow resolver leaves the answer undefined (the hover says "resolving…"), an IP literal asks the reverse name', async () => {
    let reverseAsked = false;
    const got = await gatherAnswers('198.51.100.7', true, lookups({ knownMachineName: () => 'm', reverseName: () => ((reverseAsked = true), never()) }), 20, token());
    assert.deepEqual(got, { machine: 'm', lookup: undefined, reverse: undefined });
    assert.ok(reverseAsked);
  });

  it('a cancelled hover gives nothing, at once', async () => {
    const t = token();
    const pending = gatherAnswers('db.netlens.test', false, lookups({}), 60_000, t);
    t.cancel();
    assert.equal(await pending, undefined);
  });
});

describe('hover view model: localized whole', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('takes each sentence from the bundle the extension hands over, values in the translator’s order, data still data', () => {
    l10n.config({
      contents: {
        'canonical name: {0}': 'nom canonique : {0}',
        'system resolver of {0} (getaddrinfo, {1} backend) in {2} ms, {3}': '{3}, en {2} ms : résolveur système de {0} (getaddrinfo, {1})',
        '{0} s ago': 'il y a {0} s',
      },
    });
    const lookup = answer('alias.netlens.test', ['198.51.100.10'], { canonicalName: 'c.netlens.test' });
    const [main] = hoverView(input(matchIn('alias.netlens.test'), { lookup, machine: 'build-01' }));
    assert.deepEqual(text(main).slice(1, 4), ['nom canonique : c.netlens.test', 'IPv4  198.51.100.10', 'il y a 30 s, en 1.3 ms : résolveur système de build-01 (getaddrinfo, native)']);
    assert.ok(main.paragraphs.flat().flat().some((p) => 'data' in p && p.data === 'build-01'), 'the machine name stays data inside the translated sentence');
  });
});
