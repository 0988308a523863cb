// Parity of getservbyname / getservbyport / getprotobyname with python3 (glibc nss_files) on this machine's
// /etc/services and /etc/protocols, and on a hostile fixture file bind-mounted over /etc/services in a private
// mount namespace (so glibc reads exactly the text NetLens parses; the machine's own file is never touched).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { getprotobyname, loadProtocolsDatabase } from '../../src/core/protocolsDb';
import { getservbyname, getservbyport, loadServicesDatabase, ServicesDatabase } from '../../src/core/servicesDb';
import { BUNDLED_SERVICES } from '../../src/core/wellKnownPorts';
import { hasPython } from '../support/python';
import { ours, type PyOutcome } from '../support/pyOutcome';
import { pythonBatch, Rng } from '../support/pythonBatch';

type PyResult = PyOutcome<unknown>;

const SCRIPT = `
def call(f):
    try: return [True, f()]
    except Exception as e: return [False, err(e)]
print(json.dumps({
  'byname': [call(lambda n=n, p=p: socket.getservbyname(n, p) if p is not None else socket.getservbyname(n)) for n, p in data['byname']],
  'byport': [call(lambda n=n, p=p: socket.getservbyport(n, p) if p is not None else socket.getservbyport(n)) for n, p in data['byport']],
  'proto': [call(lambda n=n: socket.getprotobyname(n)) for n in data['proto']],
}))`;

interface Cases {
  byname: [string, string | null][];
  byport: [number, string | null][];
  proto: string[];
}

function compare(cases: Cases, py: { byname: PyResult[]; byport: PyResult[]; proto: PyResult[] }, db: ServicesDatabase, protoText: string | null): void {
  const bad: string[] = [];
  cases.byname.forEach(([n, p], k) => {
    const mine = ours(() => getservbyname(n, p, db).port);
    if (JSON.stringify(mine) !== JSON.stringify(py.byname[k])) bad.push(`getservbyname(${n}, ${p}): ${JSON.stringify(py.byname[k])} vs ${JSON.stringify(mine)}`);
  });
  cases.byport.forEach(([n, p], k) => {
    const mine = ours(() => getservbyport(BigInt(n), p, db).name);
    if (JSON.stringify(mine) !== JSON.stringify(py.byport[k])) bad.push(`getservbyport(${n}, ${p}): ${JSON.stringify(py.byport[k])} vs ${JSON.stringify(mine)}`);
  });
  if (protoText !== null) {
    const pdb = loadProtocolsDatabase(() => protoText, ['/etc/protocols']);
    cases.proto.forEach((n, k) => {
      const mine = ours(() => getprotobyname(n, pdb).number);
      if (JSON.stringify(mine) !== JSON.stringify(py.proto[k])) bad.push(`getprotobyname(${n}): ${JSON.stringify(py.proto[k])} vs ${JSON.stringify(mine)}`);
    });
  }
  assert.deepStrictEqual(bad.slice(0, 10), [], `${bad.length} differences`);
}

describe('services and protocols databases: parity with python3 (glibc nss_files)', function () {
  const rng = new Rng(0x5e4c1);
  const servicesText = fs.existsSync('/etc/services') ? fs.readFileSync('/etc/services', 'utf8') : '';
  const protocolsText = fs.existsSync('/etc/protocols') ? fs.readFileSync('/etc/protocols', 'utf8') : '';

  function generate(db: ServicesDatabase, protoNames: string[]): Cases {
    const protos = [null, 'tcp', 'udp', 'sctp', 'ddp', 'TCP', ''];
    const names = [...new Set(db.all().flatMap((e) => [e.name, ...e.aliases]))];
    const byname: [string, string | null][] = [];
    for (const n of names) byname.push([n, rng.pick(protos)], [n, null]);
    for (let k = 0; k < 200; k++) byname.push([rng.pick([rng.pick(names).toUpperCase(), rng.pick(names) + 'x', '', 'nope', `${rng.int(0, 9999)}`, 'http ', 'ht#tp']), rng.pick(protos)]);
    const ports = [...new Set(db.all().map((e) => e.port))];
    const byport: [number, string | null][] = [];
    for (const p of ports) byport.push([p, rng.pick(protos)], [p, null]);
    for (let k = 0; k < 300; k++) byport.push([rng.pick([rng.int(0, 65535), rng.int(0, 1024), rng.pick([-1, 65536, 70000, 2 ** 31, -(2 ** 31) - 1, 2 ** 31 - 1])]), rng.pick(protos)]);
    const proto = [...protoNames, ...protoNames.map((n) => n.toUpperCase()), ...protoNames.map((n) => n[0].toUpperCase() + n.slice(1)), '6', '', 'nope', 'ip ', 'tcp#'];
    return { byname, byport, proto };
  }

  it("this machine's /etc/services and /etc/protocols: every name, alias and port, plus generated misses", function () {
    if (!hasPython() || !servicesText || !protocolsText) this.skip();
    const db = loadServicesDatabase((p) => (p === '/etc/services' ? servicesText : null), ['/etc/services']);
    const protoNames = loadProtocolsDatabase(() => protocolsText).all().flatMap((e) => [e.name, ...e.aliases]);
    const cases = generate(db, protoNames);
    const py = pythonBatch<{ byname: PyResult[]; byport: PyResult[]; proto: PyResult[] }>(SCRIPT, cases);
    compare(cases, py, db, protocolsText);
    assert.ok(cases.byname.length + cases.byport.length + cases.proto.length > 1000);
    // glibc's first match: port 143 is imap2 on Debian, even though "imap" is an alias on the same line.
    if (db.byName('imap2')) assert.strictEqual(getservbyport(143n, null, db).name, 'imap2');
  });

  it("a hostile services file (base-0 ports, negative and huge numbers, missing protos, comments, CRLF) read by glibc", function () {
    if (!hasPython()) this.skip();
    const fixture = [
      'hexport 0x50/tcp hx # glibc reads ports with strtoul base 0',
      'octport 0120/udp',
      'negport -1/tcp',
      'bigport 70000/tcp',
      'hugeport 99999999999999999999/tcp',
      'noproto 81',
      'emptyproto 82/',
      'slashes 83//tcp',
      'spaceport 84 /tcp',
      'junkport 85x/tcp',
      '   indented\t86/tcp\tind1  ind2',
      'commented 87/tcp al#ias after',
      '#88/tcp',
      'crlf 89/tcp crlfalias\r',
      'dup 90/tcp',
      'dup 91/tcp',
      'second 90/tcp dup2',
      'plus +92/tcp',
      'x 0x/tcp',
      'sctponly 93/sctp',
      '',
      'http 80/udp',
    ].join('\n');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-services-'));
    const file = path.join(dir, 'services');
    fs.writeFileSync(file, fixture);
    const names = ['hexport', 'hx', 'octport', 'negport', 'bigport', 'hugeport', 'noproto', 'emptyproto', 'slashes', 'spaceport', 'junkport', 'indented', 'ind1', 'ind2', 'commented', 'al', 'ias', 'crlf', 'crlfalias', 'dup', 'dup2', 'second', 'plus', 'x', 'sctponly', 'http', '88'];
    const cases: Cases = {
      byname: names.flatMap((n): [string, string | null][] => [[n, null], [n, 'tcp'], [n, 'udp'], [n, ''], [n, 'sctp']]),
      byport: [80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 4464, 65535, 0].flatMap((p): [number, string | null][] => [[p, null], [p, 'tcp'], [p, ''], [p, 'udp']]),
      proto: [],
    };
    // Run python3 with the fixture bind-mounted over /etc/services in a private mount namespace.
    const input = JSON.stringify(cases);
    const prelude = "import socket, json, sys\ndata = json.load(sys.stdin)\ndef err(e):\n    return [type(e).__name__, None, str(e)]\n";
    const run = spawnSync('unshare', ['-m', 'sh', '-c', `mount --bind "$1" /etc/services && exec python3 -c "$2"`, 'sh', file, prelude + SCRIPT], { input, encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    if (run.status !== 0) this.skip(); // no root / no mount namespaces here
    const py = JSON.parse(run.stdout) as { byname: PyResult[]; byport: PyResult[]; proto: PyResult[] };
    compare(cases, py, new ServicesDatabase(fixture, 'fixture'), null);
    assert.ok(py.byname.some((r) => r[0] && r[1] === 80), 'the fixture must produce answers');
  });

  it('the bundled table is used only when no services file exists, and says so', function () {
    const db = loadServicesDatabase(() => null, ['/nonexistent/services']);
    assert.match(db.source, /^bundled IANA-derived table \(no readable services file: \/nonexistent\/services: ENOENT, no such file; glibc and Python find no services here\)$/);
    assert.strictEqual(db.byName('https')?.port, 443);
    assert.ok(db.size > 300);
    assert.strictEqual(new ServicesDatabase(BUNDLED_SERVICES, 'x').size, db.size);
    assert.strictEqual(loadServicesDatabase(() => 'only 1/tcp', ['/etc/services']).source, '/etc/services');
  });
});
