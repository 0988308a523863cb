// The lookup view model (src/core/lookupView.ts): the decisions every view of a lookup shares.
import * as assert from 'node:assert/strict';
import { canonicalDiffers, familyLabel, lookupDetailRows } from '../../src/core/lookupView';

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
