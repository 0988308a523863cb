// Parity of inet_aton / inet_ntoa / inet_pton / inet_ntop with python3's socket module (glibc underneath), on
// hundreds of generated inputs per function (fixed seed), all sent to one python3 process.
import * as assert from 'assert';
import { inetAton, inetNtoa } from '../../src/core/inetAton';
import { bytesToHex, formatIPv6Rfc5952, hexToBytes, inetNtop, inetPton } from '../../src/core/inetPton';
import { hasPython } from '../support/python';
import { ours, type PyOutcome } from '../support/pyOutcome';
import { pythonBatch, Rng } from '../support/pythonBatch';

type PyResult = PyOutcome<string>;

function atonCases(rng: Rng, n: number): string[] {
  const fixed = ['127.1', '0x7f.1', '017.0.0.1', '4294967295', '4294967296', '99999999999999999999', '1.2.3.4.', '1.2.3.', '1.', '.1', '',
    ' 1.2.3.4', '1.2.3.4 junk', '1.2.3.4\tx', '1.2.3.4\n', '1 .2', '0x', '0x.1', '08', '0X1F.0', '1.2.65535', '1.2.65536', '1.16777215', '1.16777216',
    '1.2.3.256', '+1.2.3.4', '-1', '1..2', '0xffffffff', '0x100000000', '000000000000000000001', '1.2.3.4é', '1.2.3.4 é', '1.2.3.4\v', '1.2.3.4\f', '1.2.3.4\r'];
  const part = (): string => {
    switch (rng.int(0, 7)) {
      case 0: return String(rng.int(0, 300));
      case 1: return String(rng.int(0, 2 ** 32 + 5));
      case 2: return '0' + rng.int(0, 0o777).toString(8) + (rng.bool(0.1) ? '8' : '');
      case 3: return (rng.bool() ? '0x' : '0X') + (rng.bool(0.1) ? '' : rng.int(0, 0x1ffff).toString(16)) + (rng.bool(0.1) ? 'g' : '');
      case 4: return rng.pick(['', '0', '00', '255', '256', '65535', '65536', '16777215', '16777216', '4294967295']);
      case 5: return rng.pick(['a', '+1', '-1', ' 1', '1e3', '0b1', '٣']);
      default: return String(rng.int(0, 255));
    }
  };
  const out = [...fixed];
  while (out.length < n) {
    const count = rng.pick([1, 2, 3, 4, 4, 4, 5]);
    let s = Array.from({ length: count }, part).join('.');
    if (rng.bool(0.15)) s += rng.pick(['.', ' ', ' junk', '\t1', 'x', '..', '\n']);
    if (rng.bool(0.05)) s = ' ' + s;
    out.push(s);
  }
  return out;
}

function randomV6Bytes(rng: Rng): Uint8Array {
  const words = Array.from({ length: 8 }, () => (rng.bool(0.45) ? 0 : rng.bool(0.1) ? 0xffff : rng.int(0, rng.bool() ? 0xff : 0xffff)));
  if (rng.bool(0.1)) words.splice(0, 6, 0, 0, 0, 0, 0, rng.bool() ? 0xffff : 0);
  return Uint8Array.from(words.flatMap((w) => [w >> 8, w & 0xff]));
}

function v6Text(rng: Rng, bytes: Uint8Array): string {
  const words = Array.from({ length: 8 }, (_, k) => (bytes[2 * k] << 8) | bytes[2 * k + 1]);
  let groups = words.map((w) => (rng.bool(0.2) ? w.toString(16).padStart(4, '0') : w.toString(16)));
  if (rng.bool(0.3)) groups = groups.map((g) => g.toUpperCase());
  let text: string;
  if (rng.bool(0.25)) text = groups.slice(0, 6).join(':') + ':' + Array.from(bytes.subarray(12)).join('.');
  else if (rng.bool(0.5)) {
    const start = rng.int(0, 7);
    const len = rng.int(0, 8 - start);
    text = groups.slice(0, start).join(':') + '::' + groups.slice(start + len).join(':');
  } else text = groups.join(':');
  if (rng.bool(0.3)) {
    const i = rng.int(0, text.length);
    const mutation = rng.pick([':', '::', 'g', '.', '0', '00000', ' ', '1.2.3.4', '%', '']);
    text = rng.bool() ? text.slice(0, i) + mutation + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
  }
  return text;
}

function v4Text(rng: Rng): string {
  const parts = Array.from({ length: rng.pick([3, 4, 4, 4, 5]) }, () => (rng.bool(0.1) ? rng.pick(['00', '01', '256', '', 'a', '0x1', '1000']) : String(rng.int(0, 255))));
  let s = parts.join('.');
  if (rng.bool(0.1)) s += rng.pick(['.', ' ', '\n']);
  return s;
}

describe('inet_* parity with python3 (glibc)', function () {
  const rng = new Rng(0x5eed1);
  const aton = atonCases(rng, 600);
  const pton4 = Array.from({ length: 300 }, () => v4Text(rng));
  const pton6 = [
    '::', '::1', '1::', '::ffff:1.2.3.4', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8::', ':1::', '1:::2', '1:2', '::01.2.3.4', '::1.2.3', '::1.2.3.4.5',
    '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', '::12345', '12345::', 'fe80::1%eth0', '', ':', ':::',
    ...Array.from({ length: 600 }, () => v6Text(rng, randomV6Bytes(rng))),
  ];
  const ntop6 = Array.from({ length: 400 }, () => bytesToHex(randomV6Bytes(rng)));
  const ntoa = Array.from({ length: 100 }, () => bytesToHex(Uint8Array.from({ length: rng.pick([0, 3, 4, 4, 4, 5, 16]) }, () => rng.int(0, 255))));

  let py: { aton: PyResult[]; pton4: PyResult[]; pton6: PyResult[]; ntop6: PyResult[]; str6: string[]; ntoa: PyResult[]; pton0: PyResult; ntop4bad: PyResult; ntop0: PyResult };
  before(function () {
    if (!hasPython()) this.skip();
    py = pythonBatch(
      `
def call(f):
    try: return [True, f()]
    except Exception as e: return [False, err(e)]
print(json.dumps({
  'aton': [call(lambda s=s: socket.inet_aton(s).hex()) for s in data['aton']],
  'pton4': [call(lambda s=s: socket.inet_pton(socket.AF_INET, s).hex()) for s in data['pton4']],
  'pton6': [call(lambda s=s: socket.inet_pton(socket.AF_INET6, s).hex()) for s in data['pton6']],
  'ntop6': [call(lambda h=h: socket.inet_ntop(socket.AF_INET6, bytes.fromhex(h))) for h in data['ntop6']],
  'str6': [str(ipaddress.IPv6Address(bytes.fromhex(h))) for h in data['ntop6']],
  'ntoa': [call(lambda h=h: socket.inet_ntoa(bytes.fromhex(h))) for h in data['ntoa']],
  'pton0': call(lambda: socket.inet_pton(socket.AF_UNSPEC, '1.2.3.4').hex()),
  'ntop4bad': call(lambda: socket.inet_ntop(socket.AF_INET, b'123')),
  'ntop0': call(lambda: socket.inet_ntop(socket.AF_UNIX, b'1234')),
}))`,
      { aton, pton4, pton6, ntop6, ntoa }
    );
  });

  function compare(inputs: readonly string[], expected: readonly PyResult[], mine: (s: string) => PyResult): number {
    const mismatches = inputs.map((s, k) => ({ s, py: expected[k], nl: mine(s) })).filter((m) => JSON.stringify(m.py) !== JSON.stringify(m.nl));
    assert.deepStrictEqual(mismatches.slice(0, 10), [], `${mismatches.length} of ${inputs.length} differ from python3`);
    return inputs.length;
  }

  it(`inet_aton: ${aton.length} generated strings (decimal/octal/hex parts, short forms, trailing garbage)`, function () {
    compare(aton, py.aton, (s) => ours(() => bytesToHex(inetAton(s).bytes)));
    // The generator must exercise both outcomes and every legacy form.
    assert.ok(py.aton.filter((r) => r[0]).length > 100 && py.aton.filter((r) => !r[0]).length > 100);
  });

  it('inet_aton flags the ambiguous legacy forms and not a plain dotted quad', function () {
    assert.deepStrictEqual(inetAton('1.2.3.4').flags, []);
    assert.deepStrictEqual(inetAton('017.0.0.1').flags, ['octal']);
    assert.deepStrictEqual(inetAton('0x7f.1').flags, ['hex', 'short']);
    assert.deepStrictEqual(inetAton('4294967295').dotted, '255.255.255.255');
    assert.deepStrictEqual(inetAton('127.1 evil.com').flags, ['short', 'trailing']);
    assert.strictEqual(inetAton('127.1 evil.com').ignored, 'evil.com');
    assert.deepStrictEqual(inetAton('0').flags, ['short']); // a lone 0 is decimal/octal-neutral
  });

  it(`inet_pton(AF_INET): ${pton4.length} generated strings`, function () {
    compare(pton4, py.pton4, (s) => ours(() => bytesToHex(inetPton('AF_INET', s).bytes)));
  });

  it(`inet_pton(AF_INET6): ${pton6.length} generated strings (compressed, mixed, upper case, mutated)`, function () {
    compare(pton6, py.pton6, (s) => ours(() => bytesToHex(inetPton('AF_INET6', s).bytes)));
    assert.ok(py.pton6.filter((r) => r[0]).length > 150 && py.pton6.filter((r) => !r[0]).length > 100);
  });

  it(`inet_ntop(AF_INET6): ${ntop6.length} generated addresses, glibc's text exactly`, function () {
    compare(ntop6, py.ntop6, (h) => ours(() => inetNtop('AF_INET6', 10, hexToBytes(h) ?? new Uint8Array()).text));
    assert.strictEqual(inetNtop('AF_INET6', 10, hexToBytes('00000000000000000000000000020003') ?? new Uint8Array()).text, '::0.2.0.3');
  });

  it('the RFC 5952 form matches ipaddress str() except for IPv4-mapped addresses (documented)', function () {
    // Python 3.11's ipaddress prints ::ffff:1.2.3.4 as ::ffff:102:304; RFC 5952 section 5 (and Python 3.13)
    // recommend the dotted tail for IPv4-mapped addresses, which NetLens shows.
    const differing = ntop6.filter((h, k) => formatIPv6Rfc5952(hexToBytes(h) ?? new Uint8Array()) !== py.str6[k]);
    assert.ok(differing.every((h) => h.startsWith('00000000000000000000ffff')), `unexpected: ${differing.slice(0, 3).join(', ')}`);
  });

  it(`inet_ntoa: ${ntoa.length} generated byte strings (wrong lengths included)`, function () {
    compare(ntoa, py.ntoa, (h) => ours(() => inetNtoa(hexToBytes(h) ?? new Uint8Array())));
  });

  it('family errors: inet_pton(AF_UNSPEC), inet_ntop with a short buffer or an unknown family', function () {
    assert.deepStrictEqual(ours(() => bytesToHex(inetPton('AF_UNSPEC', '1.2.3.4').bytes)), py.pton0);
    assert.deepStrictEqual(ours(() => inetNtop('AF_INET', 2, Uint8Array.of(0x31, 0x32, 0x33)).text), py.ntop4bad);
    assert.deepStrictEqual(ours(() => inetNtop('AF_UNIX', 1, Uint8Array.of(1, 2, 3, 4)).text), py.ntop0);
  });
});
