// The lookup view model (src/core/lookupView.ts): the decisions every view of a lookup shares.
import * as assert from 'node:assert/strict';
import { addressCountText, canonicalDiffers, fileHostDescription, errorText, familyLabel, historyDescription, historyTooltip, lookupDetailRows, lookupJson, lookupSummary, type HostLookup } from '../../src/core/lookupView';

describe('lookup view model', () => {
  it('a canonical name differs from the host only in more than case or a final dot', () => {
    assert.equal(canonicalDiffers('alias.netlens.test', 'canonical.netlens.test'), true);
    assert.equal(canonicalDiffers('DB.Internal', 'db.internal'), false, 'compared case-insensitively everywhere (one view compared case-sensitively)');
    assert.equal(canonicalDiffers('db.internal', 'db.internal.'), false);
    assert.equal(canonicalDiffers('db.internal', null), false);
    assert.equal(canonicalDiffers('db.internal', ''), false);
  });

  it('labels the family by the address itself, one way for every view', () => {
    assert.deepEqual(['198.51.100.10', '2001:db8::10', '::ffff:1.2.3.4', 'fe80::1%eth0'].map(familyLabel), ['IPv4', 'IPv6', 'IPv6', 'IPv6']);
  });

  it('gives both trees the same detail rows: the canonical name first when it differs, then the addresses in order', () => {
    assert.deepEqual(lookupDetailRows('alias.netlens.test', 'canonical.netlens.test', ['2001:db8::10', '198.51.100.10']), [
      { kind: 'canonical-name', label: 'canonical.netlens.test', family: null },
      { kind: 'address', label: '2001:db8::10', family: 'IPv6' },
      { kind: 'address', label: '198.51.100.10', family: 'IPv4' },
    ]);
    assert.deepEqual(lookupDetailRows('Localhost', 'localhost', ['127.0.0.1']).map((r) => r.kind), ['address']);
  });
});

describe('lookup view model: words shared by the quick pick, the history and Copy as JSON', () => {
  const lookup: HostLookup = {
    host: 'alias.netlens.test',
    ok: true,
    addresses: ['198.51.100.10'],
    canonicalName: 'canonical.netlens.test',
    rows: [{ family: 'AF_INET', socktype: 'SOCK_STREAM', proto: 6, canonname: 'canonical.netlens.test', sockaddr: ['198.51.100.10', 0] }],
    backend: 'native',
    elapsedMs: 2.04,
    resolvedAt: Date.UTC(2026, 11, 6),
    error: null,
  };
  const failed: HostLookup = {
    ...lookup,
    ok: false,
    addresses: [],
    rows: [],
    canonicalName: null,
    backend: null,
    elapsedMs: null,
    error: { kind: 'gaierror', errno: -2, code: 'EAI_NONAME', message: 'Name or service not known', text: '[Errno -2] Name or service not known' },
  };

  it('one count message per plural case, and the quick-pick title with and without a canonical name', () => {
    assert.deepEqual([0, 1, 2].map(addressCountText), ['0 addresses', '1 address', '2 addresses']);
    assert.equal(lookupSummary(lookup, 1), 'alias.netlens.test → canonical.netlens.test · 1 address · 2.0 ms · native backend');
    assert.equal(lookupSummary({ ...lookup, canonicalName: 'ALIAS.netlens.test.' }, 1), 'alias.netlens.test · 1 address · 2.0 ms · native backend');
  });

  it('an error in Python’s words with its code, and as a traceback’s last line for notifications', () => {
    assert.equal(errorText(failed.error), '[Errno -2] Name or service not known (EAI_NONAME)');
    assert.equal(errorText(failed.error, { asException: true }), 'socket.gaierror: [Errno -2] Name or service not known (EAI_NONAME)');
  });

  it('Copy as JSON: the call, the rows as the CLI prints them, the error in the one error shape', () => {
    assert.deepEqual(lookupJson(lookup), {
      host: 'alias.netlens.test',
      call: 'getaddrinfo("alias.netlens.test", None, AF_UNSPEC, SOCK_STREAM, 0, AI_CANONNAME)',
      result: [['AF_INET', 'SOCK_STREAM', 6, 'canonical.netlens.test', ['198.51.100.10', 0]]],
      error: null,
      canonicalName: 'canonical.netlens.test',
      addresses: ['198.51.100.10'],
      backend: 'native',
      elapsedMs: 2.04,
      resolvedAt: '2026-12-06T00:00:00.000Z',
    });
    const json = lookupJson(failed);
    assert.equal(json.result, null);
    assert.deepEqual(json.error, { type: 'gaierror', errno: -2, message: '[Errno -2] Name or service not known' });
  });

  it('a history row: count and time, or the error; the tooltip names the canonical name only when it differs', () => {
    const entry = { host: 'alias.netlens.test', at: Date.UTC(2026, 11, 6), ok: true, addresses: ['198.51.100.10'], canonicalName: 'canonical.netlens.test', error: null, backend: 'native' };
    assert.match(historyDescription(entry), /^1 address · \S/);
    assert.equal(historyDescription({ ...entry, ok: false, addresses: [], error: '[Errno -2] Name or service not known' }), '[Errno -2] Name or service not known');
    assert.match(historyTooltip(entry), /^alias\.netlens\.test\ncanonical name: canonical\.netlens\.test\n198\.51\.100\.10\nresolved .* \(native backend\)$/);
    assert.ok(!historyTooltip({ ...entry, canonicalName: 'Alias.netlens.test' }).includes('canonical name'));
  });
});

describe('lookup view model: Hosts in This File rows', () => {
  it('says the ASCII form, where the host first occurs, and the answer once there is one', () => {
    assert.equal(fileHostDescription(null, 3, 12, undefined), '3× · line 12');
    assert.equal(fileHostDescription('xn--strae-oqa.example', 1, 1, undefined), 'xn--strae-oqa.example · 1× · line 1');
    assert.equal(fileHostDescription(null, 2, 7, undefined, true), 'SRV name · 2× · line 7');
  });
});
