import * as assert from 'node:assert/strict';
import { encodeMessage, MessageReader } from '../../src/ipc/framing';

function collect(max = 1024): { reader: MessageReader; messages: unknown[]; errors: string[] } {
  const messages: unknown[] = [];
  const errors: string[] = [];
  const reader = new MessageReader(max, { onMessage: (m) => messages.push(m), onError: (e) => errors.push(e) });
  return { reader, messages, errors };
}

describe('length-prefixed framing', () => {
  it('round-trips messages, including non-ASCII text, when the stream arrives one byte at a time', () => {
    const { reader, messages, errors } = collect();
    const sent = [{ a: 1 }, { host: 'straße.de', text: '日本' }, [1, 2, 3]];
    const bytes = Buffer.concat(sent.map(encodeMessage));
    for (let i = 0; i < bytes.length; i++) reader.push(bytes.subarray(i, i + 1));
    assert.deepEqual(messages, sent);
    assert.deepEqual(errors, []);
  });

  it('reports garbage between frames and keeps the frames around it', () => {
    const { reader, messages, errors } = collect();
    reader.push(Buffer.concat([encodeMessage({ n: 1 }), Buffer.from('stray console.log output\n'), encodeMessage({ n: 2 })]));
    assert.deepEqual(messages, [{ n: 1 }, { n: 2 }]);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /garbage.*stray console\.log/);
  });

  it('drops a frame over the size cap without buffering it, then reads the next one', () => {
    const { reader, messages, errors } = collect(100);
    const big = encodeMessage({ blob: 'x'.repeat(5000) });
    // Deliver the oversized frame in pieces, as a pipe would.
    reader.push(big.subarray(0, 50));
    reader.push(big.subarray(50, 3000));
    reader.push(Buffer.concat([big.subarray(3000), encodeMessage({ ok: true })]));
    assert.deepEqual(messages, [{ ok: true }]);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /dropped a 50\d\d-byte message \(limit 100\)/);
  });

  it('reports a body that is not JSON and a broken header, and recovers', () => {
    const { reader, messages, errors } = collect();
    reader.push(Buffer.from('Content-Length: 5\r\n\r\n{nope'));
    reader.push(Buffer.from('Content-Length: abc\r\n\r\n'));
    reader.push(encodeMessage('after'));
    assert.deepEqual(messages, ['after']);
    assert.equal(errors.length, 3, errors.join(' | '));
    assert.match(errors[0], /not JSON/);
    assert.match(errors[1], /bad Content-Length/);
  });
});
