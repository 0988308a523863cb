"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/client/resolverClient.ts
var resolverClient_exports = {};
__export(resolverClient_exports, {
  ResolverClient: () => ResolverClient
});
module.exports = __toCommonJS(resolverClient_exports);

// src/core/resolverError.ts
function timeoutError(what, ms) {
  return {
    kind: "timeout",
    errno: null,
    code: "ETIMEDOUT",
    message: `${what} did not answer within ${ms} ms (setting netlens.lookupTimeoutMs); the system resolver may be slow or unreachable`
  };
}
function helperError(message) {
  return { kind: "helper", errno: null, code: null, message };
}
function isResolverErrorInfo(value) {
  if (typeof value !== "object" || value === null) return false;
  const v = value;
  return typeof v.kind === "string" && typeof v.message === "string" && (v.errno === null || typeof v.errno === "number");
}

// src/client/helperProcess.ts
var import_child_process = require("child_process");
var readline = __toESM(require("readline"));

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

// src/ipc/protocol.ts
var MAX_MESSAGE_BYTES = 1024 * 1024;
var HELPER_THREADPOOL_SIZE = 16;

// src/client/helperProcess.ts
var HelperProcess = class {
  child;
  exited = false;
  exitPromise;
  constructor(options, events) {
    this.child = (0, import_child_process.fork)(options.helperPath, [], {
      // stdin/stdout carry the protocol, stderr the helper's log. fork() insists on an 'ipc' slot; the helper
      // uses its 'disconnect' only to notice that the extension host went away.
      stdio: ["pipe", "pipe", "pipe", "ipc"],
      execPath: options.execPath,
      execArgv: [],
      env: {
        ...process.env,
        UV_THREADPOOL_SIZE: String(HELPER_THREADPOOL_SIZE),
        ...options.env,
        // In desktop VS Code process.execPath is Electron; this makes it behave as Node (as vscode-languageclient does).
        ELECTRON_RUN_AS_NODE: "1"
      }
    });
    const reader = new MessageReader(MAX_MESSAGE_BYTES, { onMessage: events.onMessage, onError: events.onProtocolError });
    this.child.stdout?.on("data", (chunk) => reader.push(chunk));
    if (this.child.stderr) readline.createInterface({ input: this.child.stderr }).on("line", events.onStderrLine);
    this.child.stdin?.on("error", () => void 0);
    this.child.on("error", () => void 0);
    this.exitPromise = new Promise((resolve) => {
      const finish = (description) => {
        if (this.exited) return;
        this.exited = true;
        events.onExit(description);
        resolve();
      };
      this.child.on("close", (code, signal) => finish(signal ? `killed by ${signal}` : `exited with code ${code ?? "unknown"}`));
      this.child.on("error", (err) => finish(`could not be started: ${err.message}`));
    });
  }
  get pid() {
    return this.child.pid;
  }
  get isAlive() {
    return !this.exited;
  }
  send(message) {
    if (this.exited || !this.child.stdin?.writable) return;
    this.child.stdin.write(encodeMessage(message));
  }
  kill() {
    if (!this.exited) this.child.kill("SIGKILL");
  }
  /** Resolves once the process has exited, or with false after `ms`. */
  async waitForExit(ms) {
    let timer;
    const timeout = new Promise((resolve) => timer = setTimeout(() => resolve(false), ms));
    const exited = this.exitPromise.then(() => true);
    const result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    return result;
  }
};

// src/client/restartBackoff.ts
var RestartBackoff = class {
  constructor(baseMs = 250, maxMs = 3e4, healthyAfterMs = 6e4, now = Date.now) {
    this.baseMs = baseMs;
    this.maxMs = maxMs;
    this.healthyAfterMs = healthyAfterMs;
    this.now = now;
  }
  baseMs;
  maxMs;
  healthyAfterMs;
  now;
  recentCrashes = 0;
  startedAt = 0;
  started() {
    this.startedAt = this.now();
  }
  /** Delay before the next start, after an exit. */
  nextDelayMs() {
    if (this.now() - this.startedAt >= this.healthyAfterMs) this.recentCrashes = 0;
    this.recentCrashes++;
    if (this.recentCrashes === 1) return 0;
    return Math.min(this.maxMs, this.baseMs * 2 ** (this.recentCrashes - 2));
  }
};

// src/client/resolverClient.ts
var DEFAULTS = { healthIntervalMs: 15e3, pingTimeoutMs: 3e3, maxStuckRequests: 8, shutdownGraceMs: 1e3 };
var ResolverClient = class {
  helper;
  nextId = 1;
  pending = /* @__PURE__ */ new Map();
  /** Ids answered with a timeout whose helper call is still running. */
  stuck = /* @__PURE__ */ new Set();
  backoff = new RestartBackoff();
  restartTimer;
  healthTimer;
  disposed = false;
  options;
  constructor(options) {
    this.options = { ...DEFAULTS, ...options };
  }
  /** Sends one request to the helper (starting it if needed) and answers with its result or its error. */
  request(method, params, timeoutMs = this.options.timeoutMs()) {
    if (this.disposed) return Promise.resolve({ ok: false, error: helperError("NetLens is shutting down") });
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.onTimeout(id, timeoutMs), timeoutMs);
      this.pending.set(id, { id, method, params, attempts: 0, timer, settle: resolve });
      this.dispatch(id);
    });
  }
  /** Health check: round trip to the helper. */
  ping(timeoutMs = this.options.pingTimeoutMs) {
    return this.request("ping", {}, timeoutMs);
  }
  get helperPid() {
    return this.helper?.isAlive ? this.helper.pid : void 0;
  }
  /** Kills the current helper (if any); the next request, or a pending one, starts a fresh one. */
  restart(reason) {
    if (!this.helper) return;
    this.options.log(`restarting the resolver helper: ${reason}`);
    this.helper.kill();
  }
  /** Answers everything still pending, asks the helper to exit, and kills it after the grace period. */
  async dispose() {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.restartTimer);
    clearInterval(this.healthTimer);
    for (const p of this.pending.values()) this.finish(p, { ok: false, error: helperError("NetLens is shutting down") });
    const helper = this.helper;
    if (!helper?.isAlive) return;
    helper.send({ type: "request", id: this.nextId++, method: "shutdown", params: {} });
    if (!await helper.waitForExit(this.options.shutdownGraceMs)) {
      helper.kill();
      await helper.waitForExit(this.options.shutdownGraceMs);
    }
  }
  dispatch(id) {
    const p = this.pending.get(id);
    if (!p) return;
    const helper = this.ensureHelper();
    if (!helper) return;
    p.attempts++;
    helper.send({ type: "request", id, method: p.method, params: p.params });
  }
  ensureHelper() {
    if (this.helper?.isAlive) return this.helper;
    if (this.restartTimer || this.disposed) return void 0;
    this.helper = this.startHelper();
    return this.helper;
  }
  startHelper() {
    const helper = new HelperProcess(
      { helperPath: this.options.helperPath, execPath: this.options.execPath ?? process.execPath, env: this.options.env ?? {} },
      {
        onMessage: (message) => this.onMessage(message),
        onProtocolError: (description) => this.options.log(`protocol error from the resolver helper (ignored): ${description}`),
        onStderrLine: (line) => this.options.log(`[helper ${helper.pid ?? "?"}] ${line}`),
        onExit: (description) => this.onHelperExit(helper, description)
      }
    );
    this.backoff.started();
    this.healthTimer = setInterval(() => void this.checkHealth(helper), this.options.healthIntervalMs);
    this.healthTimer.unref();
    return helper;
  }
  onMessage(message) {
    if (typeof message !== "object" || message === null) return this.options.log("resolver helper sent a non-object message (ignored)");
    const m = message;
    if (m.type === "ready") return;
    if (m.type !== "response" || typeof m.id !== "number") return this.options.log(`resolver helper sent an unknown message (ignored): ${JSON.stringify(message).slice(0, 200)}`);
    if (this.stuck.delete(m.id)) return;
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.ok === true) this.finish(p, { ok: true, value: m.result });
    else if (m.ok === false && isResolverErrorInfo(m.error)) this.finish(p, { ok: false, error: m.error });
    else this.finish(p, { ok: false, error: helperError("the resolver helper sent a malformed response") });
  }
  onTimeout(id, ms) {
    const p = this.pending.get(id);
    if (!p) return;
    this.finish(p, { ok: false, error: timeoutError(p.method === "ping" ? "The resolver helper" : `${p.method}`, ms) });
    if (p.attempts > 0 && this.helper?.isAlive) this.stuck.add(id);
    if (this.stuck.size >= this.options.maxStuckRequests) {
      this.options.onHelperFailure?.(`${this.stuck.size} resolver calls are stuck in the helper`);
      this.restart(`${this.stuck.size} resolver calls are stuck past their timeout`);
    }
  }
  finish(p, outcome) {
    clearTimeout(p.timer);
    this.pending.delete(p.id);
    p.settle(outcome);
  }
  async checkHealth(helper) {
    if (helper !== this.helper || !helper.isAlive || this.disposed) return;
    const pong = await this.ping();
    if (!pong.ok && pong.error.kind === "timeout" && helper === this.helper && helper.isAlive) {
      this.options.onHelperFailure?.("the resolver helper stopped answering");
      this.restart(`no answer to a health ping within ${this.options.pingTimeoutMs} ms`);
    }
  }
  onHelperExit(helper, description) {
    if (helper !== this.helper) return;
    clearInterval(this.healthTimer);
    this.helper = void 0;
    this.stuck.clear();
    if (this.disposed) return;
    this.options.log(`resolver helper (pid ${helper.pid ?? "?"}) ${description}`);
    const inFlight = [...this.pending.values()].filter((p) => p.attempts > 0);
    for (const p of inFlight) {
      if (p.attempts >= 2) this.finish(p, { ok: false, error: helperError(`the resolver helper ${description} while answering ${p.method}, twice`) });
    }
    if (inFlight.length > 0) this.options.onHelperFailure?.(`the resolver helper ${description}`);
    if (this.pending.size === 0) return;
    const delay = this.backoff.nextDelayMs();
    this.options.log(`restarting the resolver helper in ${delay} ms for ${this.pending.size} waiting request(s)`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = void 0;
      for (const id of [...this.pending.keys()]) this.dispatch(id);
    }, delay);
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  ResolverClient
});
