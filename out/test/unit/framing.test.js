"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// test/unit/framing.test.ts
var assert = __toESM(require("node:assert/strict"));

// src/ipc/framing.ts
var HEADER_NAME = "Content-Length: ";
var HEADER_END = "\r\n\r\n";
var MAX_HEADER_BYTES = 64;
function encodeMessage(message) {
  const body = Buffer.from(JSON.stringify(message), "utf8");
  return Buffer.concat([Buffer.from(`${HEADER_NAME}${body.length}${HEADER_END}`, "ascii"), body]);
}
var MessageReader = class {
  constructor(maxMessageBytes, events) {
    this.maxMessageBytes = maxMessageBytes;
    this.events = events;
  }
  maxMessageBytes;
  events;
  buffer = Buffer.alloc(0);
  /** Bytes of an oversized body still to be discarded as they arrive. */
  skipRemaining = 0;
  push(chunk) {
    if (this.skipRemaining > 0) {
      const skipped = Math.min(this.skipRemaining, chunk.length);
      this.skipRemaining -= skipped;
      chunk = chunk.subarray(skipped);
    }
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.drain();
  }
  drain() {
    for (; ; ) {
      if (this.buffer.length === 0) return;
      const headerStart = this.buffer.indexOf(HEADER_NAME);
      if (headerStart !== 0) {
        const garbageEnd = headerStart === -1 ? this.garbageTailStart() : headerStart;
        if (garbageEnd === 0) return;
        this.events.onError(`skipped ${garbageEnd} bytes of garbage: ${JSON.stringify(this.buffer.subarray(0, Math.min(garbageEnd, 80)).toString("utf8"))}`);
        this.buffer = this.buffer.subarray(garbageEnd);
        continue;
      }
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd === -1) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.dropBrokenHeader("header too long");
        return;
      }
      const lengthText = this.buffer.subarray(HEADER_NAME.length, headerEnd).toString("ascii");
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
      const body = this.buffer.subarray(bodyStart, bodyStart + length).toString("utf8");
      this.buffer = this.buffer.subarray(bodyStart + length);
      let message;
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
  garbageTailStart() {
    for (let keep = Math.min(HEADER_NAME.length - 1, this.buffer.length); keep > 0; keep--) {
      if (HEADER_NAME.startsWith(this.buffer.subarray(this.buffer.length - keep).toString("latin1"))) return this.buffer.length - keep;
    }
    return this.buffer.length;
  }
  dropBrokenHeader(reason) {
    this.events.onError(`skipped a broken header (${reason})`);
    this.buffer = this.buffer.subarray(HEADER_NAME.length);
  }
};

// test/unit/framing.test.ts
function collect(max = 1024) {
  const messages = [];
  const errors = [];
  const reader = new MessageReader(max, { onMessage: (m) => messages.push(m), onError: (e) => errors.push(e) });
  return { reader, messages, errors };
}
describe("length-prefixed framing", () => {
  it("round-trips messages, including non-ASCII text, when the stream arrives one byte at a time", () => {
    const { reader, messages, errors } = collect();
    const sent = [{ a: 1 }, { host: "stra\xDFe.de", text: "\u65E5\u672C" }, [1, 2, 3]];
    const bytes = Buffer.concat(sent.map(encodeMessage));
    for (let i = 0; i < bytes.length; i++) reader.push(bytes.subarray(i, i + 1));
    assert.deepEqual(messages, sent);
    assert.deepEqual(errors, []);
  });
  it("reports garbage between frames and keeps the frames around it", () => {
    const { reader, messages, errors } = collect();
    reader.push(Buffer.concat([encodeMessage({ n: 1 }), Buffer.from("stray console.log output\n"), encodeMessage({ n: 2 })]));
    assert.deepEqual(messages, [{ n: 1 }, { n: 2 }]);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /garbage.*stray console\.log/);
  });
  it("drops a frame over the size cap without buffering it, then reads the next one", () => {
    const { reader, messages, errors } = collect(100);
    const big = encodeMessage({ blob: "x".repeat(5e3) });
    reader.push(big.subarray(0, 50));
    reader.push(big.subarray(50, 3e3));
    reader.push(Buffer.concat([big.subarray(3e3), encodeMessage({ ok: true })]));
    assert.deepEqual(messages, [{ ok: true }]);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /dropped a 50\d\d-byte message \(limit 100\)/);
  });
  it("reports a body that is not JSON and a broken header, and recovers", () => {
    const { reader, messages, errors } = collect();
    reader.push(Buffer.from("Content-Length: 5\r\n\r\n{nope"));
    reader.push(Buffer.from("Content-Length: abc\r\n\r\n"));
    reader.push(encodeMessage("after"));
    assert.deepEqual(messages, ["after"]);
    assert.equal(errors.length, 3, errors.join(" | "));
    assert.match(errors[0], /not JSON/);
    assert.match(errors[1], /bad Content-Length/);
  });
});
//# sourceMappingURL=framing.test.js.map
