/**
 * Length-prefixed JSON framing in the style of vscode-jsonrpc: `Content-Length: N\r\n\r\n<N bytes of UTF-8 JSON>`.
 *
 * We frame the helper's stdin/stdout ourselves instead of using Node's built-in fork channel because that
 * channel throws in the parent on a malformed message from the child, and has no size cap. Here a bad frame
 * is reported through `onError` and skipped; the stream resynchronises on the next header.
 */

const HEADER_NAME = 'Content-Length: ';
const HEADER_END = '\r\n\r\n';
/** A header line longer than this is garbage, not a header. */
const MAX_HEADER_BYTES = 64;

export function encodeMessage(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`${HEADER_NAME}${body.length}${HEADER_END}`, 'ascii'), body]);
}

export interface MessageReaderEvents {
  onMessage: (message: unknown) => void;
  /** A problem in the stream: garbage skipped, an oversized frame dropped, a body that is not JSON. */
  onError: (description: string) => void;
}

export class MessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  /** Bytes of an oversized body still to be discarded as they arrive. */
  private skipRemaining = 0;

  constructor(
    private readonly maxMessageBytes: number,
    private readonly events: MessageReaderEvents
  ) {}

  push(chunk: Buffer): void {
    if (this.skipRemaining > 0) {
      const skipped = Math.min(this.skipRemaining, chunk.length);
      this.skipRemaining -= skipped;
      chunk = chunk.subarray(skipped);
    }
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.drain();
  }

  private drain(): void {
    for (;;) {
      if (this.buffer.length === 0) return;
      const headerStart = this.buffer.indexOf(HEADER_NAME);
      if (headerStart !== 0) {
        const garbageEnd = headerStart === -1 ? this.garbageTailStart() : headerStart;
        if (garbageEnd === 0) return; // only a possible header prefix so far: wait for more
        this.events.onError(`skipped ${garbageEnd} bytes of garbage: ${JSON.stringify(this.buffer.subarray(0, Math.min(garbageEnd, 80)).toString('utf8'))}`);
        this.buffer = this.buffer.subarray(garbageEnd);
        continue;
      }
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd === -1) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.dropBrokenHeader('header too long');
        return;
      }
      const lengthText = this.buffer.subarray(HEADER_NAME.length, headerEnd).toString('ascii');
      if (!/^\d{1,10}$/.test(lengthText)) {
        this.dropBrokenHeader(`bad Content-Length ${JSON.stringify(lengthText)}`);
        continue;
      }
      const length = Number(lengthText);
      const bodyStart = headerEnd + HEADER_END.length;
      if (length > this.maxMessageBytes) {
        this.events.onError(`dropped a ${length}-byte message (limit ${this.maxMessageBytes})`);
        const available = this.buffer.length - bodyStart;
        if (available >= length) {
          this.buffer = this.buffer.subarray(bodyStart + length);
          continue;
        }
        this.skipRemaining = length - available;
        this.buffer = Buffer.alloc(0);
        return;
      }
      if (this.buffer.length < bodyStart + length) return;
      const body = this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      this.buffer = this.buffer.subarray(bodyStart + length);
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch {
        this.events.onError(`a message body was not JSON: ${JSON.stringify(body.slice(0, 80))}`);
        continue;
      }
      this.events.onMessage(message);
    }
  }

  /** Where garbage ends if no header was found: keep a tail that might be the start of a split header. */
  private garbageTailStart(): number {
    for (let keep = Math.min(HEADER_NAME.length - 1, this.buffer.length); keep > 0; keep--) {
      if (HEADER_NAME.startsWith(this.buffer.subarray(this.buffer.length - keep).toString('latin1'))) return this.buffer.length - keep;
    }
    return this.buffer.length;
  }

  private dropBrokenHeader(reason: string): void {
    this.events.onError(`skipped a broken header (${reason})`);
    // Skip past this header name so the search finds the next one.
    this.buffer = this.buffer.subarray(HEADER_NAME.length);
  }
}
