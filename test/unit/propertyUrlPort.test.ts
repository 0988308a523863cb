// Property-based tests (fast-check, fixed seeds) of URL → port: parity with python3's urllib.parse.urlparse and
// socket.getservbyname on generated URLs (every scheme shape, userinfo, bracketed hosts, zones, NFKC-unsafe hosts,
// ports Python refuses), and oracle-free properties that shrink: only Python's ValueError escapes, and every answer
// is consistent (a port in range, its source, a lowercase scheme and host).
import * as assert from 'assert';
import fc from 'fast-check';
import { ServicesDatabase } from '../../src/core/servicesDb';
import { EXPLICIT_PORT_SOURCE, portReason, urlPort } from '../../src/core/urlPort';
import { urlText } from '../support/arbitraries';
import { ours } from '../support/pyOutcome';
import { hasPython } from '../support/python';
import { pythonBatch } from '../support/pythonBatch';
import { URL_SCRIPT, urlDifference, type PyUrl } from '../support/urlPortOracle';

const SEED = 0x0b1a5;
const PARITY_RUNS = 2000;
const SHAPE_RUNS = 1500;

describe('property: URL → port against python3 urlparse + getservbyname (fast-check, fixed seed)', function () {
  const inputs = fc.sample(urlText, { seed: SEED, numRuns: PARITY_RUNS });
  let py: PyUrl[];
  before(function () {
    if (!hasPython()) this.skip();
    py = pythonBatch<PyUrl[]>(URL_SCRIPT, inputs);
  });

  it('answers like python3 on every generated URL: scheme, host, port and where the port came from, or the same ValueError', function () {
    const diff = inputs.map((u, k) => ({ url: u, why: urlDifference(u, py[k]) })).filter((d) => d.why !== null);
    const accepted = py.filter((r) => r[0]).length;
    const explicit = py.filter((r) => r[0] && r[3] !== null).length;
    console.log(`      urlPort: ${inputs.length} generated URLs vs python3 (${accepted} parsed, ${explicit} with an explicit port, ${inputs.length - accepted} ValueError), ${diff.length} differences`);
    assert.deepStrictEqual(diff.slice(0, 8), [], `${diff.length} of ${inputs.length} differ from python3`);
    assert.ok(accepted >= inputs.length / 4 && inputs.length - accepted >= inputs.length / 20, `lopsided generator: ${accepted} of ${inputs.length} parsed`);
  });
});

describe('URL → port: why, in the hover and the port hint', function () {
  it('names the services file and entry, an explicit port, or the well-known default the database lacks', function () {
    const db = new ServicesDatabase('imaps 993/tcp\nhttp 80/tcp www\n', '/etc/services');
    const reason = (url: string): string => portReason(urlPort(url, db), urlPort(url, db).scheme, db);
    assert.strictEqual(reason('imaps://mail.example.com/'), 'imaps in /etc/services');
    assert.strictEqual(reason('http://example.com:8080/'), 'explicit in the URL');
    assert.strictEqual(reason('redis://cache.internal/0'), 'well-known default: the services database has no redis');
  });
});

describe('URL → port regressions found by the parity property', function () {
  it("quotes the netloc of an NFKC error as Python does: plain single quotes, no repr escaping", function () {
    // urllib.parse builds this message as "netloc '" + netloc + "'"; NetLens used repr(), which doubled the backslash
    // and switched to double quotes around it's.
    assert.deepStrictEqual(ours(() => urlPort('foo://\uff03@a\\b:1'))[1], ['ValueError', null, "netloc '\uff03@a\\b:1' contains invalid characters under NFKC normalization"]);
    assert.deepStrictEqual(ours(() => urlPort("http://it's\uff03@h/"))[1], ['ValueError', null, "netloc 'it's\uff03@h' contains invalid characters under NFKC normalization"]);
  });
});

describe('property: URL → port answers are consistent (fast-check, shrinking, no oracle)', function () {
  let runs = 0;
  after(() => console.log(`      urlPort shape properties: ${runs} generated cases`));

  it("only Python's ValueError escapes; a port is 0-65535 with its source; scheme and host as urlparse normalises them", function () {
    fc.assert(
      fc.property(fc.oneof(urlText, fc.string({ unit: 'binary', maxLength: 30 })), (url) => {
        runs++;
        const r = ours(() => urlPort(url));
        if (!r[0]) return assert.strictEqual(r[1][0], 'ValueError', JSON.stringify(r[1]));
        const a = r[1];
        assert.strictEqual(a.port === null, a.portSource === null);
        if (a.port !== null) assert.ok(Number.isInteger(a.port) && a.port >= 0 && a.port <= 65535, String(a.port));
        assert.strictEqual(a.service !== null, a.portSource === 'service');
        if (a.portSource === 'explicit') assert.strictEqual(a.source, EXPLICIT_PORT_SOURCE);
        assert.match(a.scheme, /^([a-z][a-z0-9+.-]*)?$/);
        const zone = a.host.indexOf('%');
        const name = zone === -1 ? a.host : a.host.slice(0, zone);
        assert.strictEqual(name, name.toLowerCase());
        // Stable: the same URL gives the same answer.
        assert.deepStrictEqual(urlPort(url), a);
      }),
      { seed: SEED, numRuns: SHAPE_RUNS }
    );
  });
});
