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

// test/unit/dnsFixture.test.ts
var assert = __toESM(require("node:assert/strict"));
var import_node_child_process = require("node:child_process");
var dgram2 = __toESM(require("node:dgram"));
var dns = __toESM(require("node:dns"));
var fs2 = __toESM(require("node:fs"));
var net2 = __toESM(require("node:net"));
var os = __toESM(require("node:os"));
var path = __toESM(require("node:path"));
var dnsPacket2 = __toESM(require("dns-packet"));

// test/fixtures/dns/dnsServer.ts
var dgram = __toESM(require("node:dgram"));
var fs = __toESM(require("node:fs"));
var net = __toESM(require("node:net"));
var dnsPacket = __toESM(require("dns-packet"));

// test/fixtures/dns/zone.ts
var ZONE_ORIGIN = "netlens.test";
var DEFAULT_SLOW_DELAY_MS = 3e3;
function reverseName(address) {
  if (address.includes(":")) {
    return `${expandIpv6(address).split("").reverse().join(".")}.ip6.arpa`;
  }
  const octets = address.split(".");
  if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255)) {
    throw new Error(`not an IPv4 address: ${address}`);
  }
  return `${octets.reverse().join(".")}.in-addr.arpa`;
}
function expandIpv6(address) {
  const [head, tail, extra] = address.toLowerCase().split("::");
  if (extra !== void 0) throw new Error(`not an IPv6 address: ${address}`);
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (tail === void 0 ? missing !== 0 : missing < 1) throw new Error(`not an IPv6 address: ${address}`);
  const groups = [...headGroups, ...new Array(tail === void 0 ? 0 : missing).fill("0"), ...tailGroups];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) throw new Error(`not an IPv6 address: ${address}`);
  return groups.map((g) => g.padStart(4, "0")).join("");
}
var slowCounter = 0;
function slowName(delayMs, label) {
  slowCounter += 1;
  const fresh = label ?? `q${process.pid}-${Date.now().toString(36)}-${slowCounter}`;
  return delayMs === void 0 ? `${fresh}.${FIXTURE.slowWildcard.suffix}` : `${fresh}.${delayMs}ms.${FIXTURE.slowWildcard.suffix}`;
}
var FIXTURE = {
  origin: ZONE_ORIGIN,
  /** alias → alias2 → canonical (two CNAME hops); canonical has one address of each family. */
  cnameChain: {
    alias: "alias.netlens.test",
    alias2: "alias2.netlens.test",
    canonical: "canonical.netlens.test",
    v4: "198.51.100.10",
    v6: "2001:db8::10"
  },
  /** CNAME whose target does not exist: NXDOMAIN with the CNAME in the answer section. */
  danglingCname: { alias: "dangling.netlens.test", target: "nxdomain.netlens.test" },
  /** Any name in the zone that is not listed answers NXDOMAIN; this one is listed explicitly for clarity. */
  nxdomain: "nxdomain.netlens.test",
  servfail: "servfail.netlens.test",
  refused: "refused.netlens.test",
  /** The server never answers: with `timeout:1 attempts:1` the system resolver gives up after ~1 s. */
  dropped: "dropped.netlens.test",
  /** `<label>.slow.netlens.test` answers after the slow delay; `<label>.<N>ms.slow.netlens.test` after N ms. */
  slowWildcard: {
    suffix: "slow.netlens.test",
    delayMs: DEFAULT_SLOW_DELAY_MS,
    v4: "203.0.113.30",
    v6: "2001:db8::30"
  },
  /** A only (AAAA is NODATA), AAAA only (A is NODATA). */
  v4only: { name: "v4only.netlens.test", v4: "198.51.100.40" },
  v6only: { name: "v6only.netlens.test", v6: "2001:db8::41" },
  /** Several records of each family. */
  multiA: {
    name: "multi.netlens.test",
    v4: ["198.51.100.31", "198.51.100.32", "198.51.100.33"],
    v6: ["2001:db8::31", "2001:db8::32"]
  },
  /** 40 A records: the answer does not fit in 512 bytes, so UDP answers are truncated and clients retry on TCP. */
  manyA: {
    name: "many.netlens.test",
    v4: Array.from({ length: 40 }, (_, i) => `198.51.100.${100 + i}`)
  },
  txt: {
    name: "txt.netlens.test",
    values: ["v=netlens1 fixture text", `<b>bold</b> & "quotes" 'single' <script>alert(1)</script>`]
  },
  ptr: {
    /** 198.51.100.10 → canonical.netlens.test (and the same for the IPv6 address). */
    forward: { v4: "198.51.100.10", v6: "2001:db8::10", name: "canonical.netlens.test" },
    /** PTR data that is markup, sent as raw label text. glibc refuses it; c-ares returns it verbatim. */
    hostile: { v4: "198.51.100.66", name: "<img src=x onerror=alert(1)>.netlens.test" },
    /** No PTR: NXDOMAIN. */
    missing: { v4: "198.51.100.99" },
    /** The reverse zone fails: SERVFAIL. */
    servfail: { v4: "198.51.100.77" },
    /** The reverse query is never answered. */
    dropped: { v4: "198.51.100.88" }
  },
  /** In the namespace's /etc/hosts only; the DNS server answers NXDOMAIN for it (and no query should happen). */
  hostsOnly: { name: "hostsonly.netlens.test", v4: "198.51.100.20" },
  /** Addresses with-test-netns.js puts on `lo` so that AI_ADDRCONFIG sees one global address per family. */
  namespaceAddresses: { v4: "198.51.100.1", v6: "2001:db8:ffff::1" }
};
function createZone(options = {}) {
  const f = FIXTURE;
  const entries = {
    [f.cnameChain.alias]: { cname: f.cnameChain.alias2 },
    [f.cnameChain.alias2]: { cname: f.cnameChain.canonical },
    [f.cnameChain.canonical]: { a: [f.cnameChain.v4], aaaa: [f.cnameChain.v6] },
    [f.danglingCname.alias]: { cname: f.danglingCname.target },
    [f.nxdomain]: { rcode: "NXDOMAIN" },
    [f.servfail]: { rcode: "SERVFAIL" },
    [f.refused]: { rcode: "REFUSED" },
    [f.dropped]: { drop: true },
    [f.v4only.name]: { a: [f.v4only.v4] },
    [f.v6only.name]: { aaaa: [f.v6only.v6] },
    [f.multiA.name]: { a: f.multiA.v4, aaaa: f.multiA.v6 },
    [f.manyA.name]: { a: f.manyA.v4 },
    [f.txt.name]: { txt: f.txt.values },
    [reverseName(f.ptr.forward.v4)]: { ptr: [f.ptr.forward.name] },
    [reverseName(f.ptr.forward.v6)]: { ptr: [f.ptr.forward.name] },
    [reverseName(f.ptr.hostile.v4)]: { ptr: [f.ptr.hostile.name] },
    [reverseName(f.ptr.missing.v4)]: { rcode: "NXDOMAIN" },
    [reverseName(f.ptr.servfail.v4)]: { rcode: "SERVFAIL" },
    [reverseName(f.ptr.dropped.v4)]: { drop: true }
  };
  const soa = { mname: `ns.${ZONE_ORIGIN}`, rname: `hostmaster.${ZONE_ORIGIN}`, serial: 2024010101, minimum: 5 };
  return {
    ttl: 60,
    apexes: [
      { name: ZONE_ORIGIN, ...soa },
      { name: "100.51.198.in-addr.arpa", ...soa },
      { name: "113.0.203.in-addr.arpa", ...soa },
      { name: "8.b.d.0.1.0.0.2.ip6.arpa", ...soa }
    ],
    entries,
    wildcards: [
      {
        suffix: f.slowWildcard.suffix,
        a: [f.slowWildcard.v4],
        aaaa: [f.slowWildcard.v6],
        delayMs: options.slowDelayMs ?? DEFAULT_SLOW_DELAY_MS,
        delayFromLabel: true
      }
    ],
    hostsOnly: [{ name: f.hostsOnly.name, address: f.hostsOnly.v4 }]
  };
}
var ZONE = createZone();

// test/fixtures/dns/dnsServer.ts
var RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5, FORMERR: 1 };
var MAX_CNAME_HOPS = 16;
var PLAIN_UDP_LIMIT = 512;
var EDNS_UDP_LIMIT = 1232;
function normalize(name) {
  return name.replace(/\.$/, "").toLowerCase();
}
function isBelow(name, suffix) {
  return name === suffix || name.endsWith(`.${suffix}`);
}
function findEntry(zone, name) {
  const exact = zone.entries[name];
  if (exact) return { entry: exact, delayMs: exact.delayMs ?? 0 };
  for (const w of zone.wildcards) {
    if (name.endsWith(`.${w.suffix}`)) return { entry: w, delayMs: wildcardDelay(w, name) };
  }
  return void 0;
}
function wildcardDelay(w, name) {
  if (w.delayFromLabel) {
    const labels = name.slice(0, -(w.suffix.length + 1)).split(".");
    const m = /^(\d{1,6})ms$/.exec(labels[labels.length - 1] ?? "");
    if (m) return Number(m[1]);
  }
  return w.delayMs ?? 0;
}
function isEmptyNonTerminal(zone, name) {
  if (!apexOf(zone, name)) return false;
  return zone.apexes.some((a) => a.name === name) || zone.wildcards.some((w) => isBelow(w.suffix, name)) || Object.keys(zone.entries).some((k) => k.endsWith(`.${name}`));
}
function apexOf(zone, name) {
  let best;
  for (const a of zone.apexes) {
    if (isBelow(name, a.name) && (!best || a.name.length > best.name.length)) best = a;
  }
  return best;
}
function soaRecord(apex) {
  return {
    type: "SOA",
    name: apex.name,
    ttl: apex.minimum,
    class: "IN",
    data: {
      mname: apex.mname,
      rname: apex.rname,
      serial: apex.serial,
      refresh: 3600,
      retry: 600,
      expire: 86400,
      minimum: apex.minimum
    }
  };
}
function txtChunks(text) {
  const bytes = Buffer.from(text, "utf8");
  const chunks = [];
  for (let i = 0; i < bytes.length; i += 255) chunks.push(bytes.subarray(i, i + 255));
  return chunks.length > 0 ? chunks : [Buffer.alloc(0)];
}
function recordsFor(zone, entry, owner, qtype) {
  const ttl = zone.ttl;
  const out = [];
  const want = (t) => qtype === t || qtype === "ANY";
  if (want("A")) for (const d of entry.a ?? []) out.push({ type: "A", name: owner, ttl, class: "IN", data: d });
  if (want("AAAA")) for (const d of entry.aaaa ?? []) out.push({ type: "AAAA", name: owner, ttl, class: "IN", data: d });
  if (want("CNAME") && entry.cname) out.push({ type: "CNAME", name: owner, ttl, class: "IN", data: entry.cname });
  if (want("PTR")) for (const d of entry.ptr ?? []) out.push({ type: "PTR", name: owner, ttl, class: "IN", data: d });
  if (want("TXT")) for (const d of entry.txt ?? []) out.push({ type: "TXT", name: owner, ttl, class: "IN", data: txtChunks(d) });
  return out;
}
function resolveQuestion(zone, qname, qtype) {
  const answers = [];
  let delayMs = 0;
  let owner = qname.replace(/\.$/, "");
  const seen = /* @__PURE__ */ new Set();
  const firstApex = apexOf(zone, normalize(qname));
  const done = (rcode, authorityFor) => {
    const apex = authorityFor === void 0 ? void 0 : apexOf(zone, normalize(authorityFor));
    return {
      kind: "answer",
      rcode,
      answers: rcode === "NOERROR" || rcode === "NXDOMAIN" ? answers : [],
      authorities: apex ? [soaRecord(apex)] : [],
      authoritative: firstApex !== void 0,
      delayMs
    };
  };
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const name = normalize(owner);
    if (seen.has(name)) return done("SERVFAIL");
    seen.add(name);
    const found = findEntry(zone, name);
    if (!found) {
      if (qtype === "SOA") {
        const apex = zone.apexes.find((a) => a.name === name);
        if (apex) {
          answers.push(soaRecord(apex));
          return done("NOERROR");
        }
      }
      return isEmptyNonTerminal(zone, name) ? done("NOERROR", name) : done("NXDOMAIN", name);
    }
    const { entry } = found;
    delayMs += found.delayMs;
    if (entry.drop) return { kind: "drop" };
    if (entry.rcode) return done(entry.rcode, entry.rcode === "NXDOMAIN" ? name : void 0);
    if (entry.cname && qtype !== "CNAME" && qtype !== "ANY") {
      answers.push({ type: "CNAME", name: owner, ttl: zone.ttl, class: "IN", data: entry.cname });
      owner = entry.cname;
      continue;
    }
    const records = recordsFor(zone, entry, owner, qtype);
    answers.push(...records);
    return records.length > 0 ? done("NOERROR") : done("NOERROR", name);
  }
  return done("SERVFAIL");
}
function logName(name) {
  return (name === "" ? "." : name).replace(/[\s\x00-\x1f\x7f\\]/g, (c) => `\\${c.charCodeAt(0).toString().padStart(3, "0")}`);
}
var QueryHandler = class {
  constructor(zone, log) {
    this.zone = zone;
    this.log = log;
  }
  zone;
  log;
  timers = /* @__PURE__ */ new Set();
  handle(message, proto, reply) {
    let query2;
    try {
      query2 = dnsPacket.decode(message);
    } catch {
      this.log(`${(/* @__PURE__ */ new Date()).toISOString()} ${proto} ? ? -> FORMERR`);
      if (message.length >= 2) reply.send(formErr(message.readUInt16BE(0)));
      return;
    }
    const question = query2.questions?.[0];
    if (query2.type !== "query" || !question) {
      this.log(`${(/* @__PURE__ */ new Date()).toISOString()} ${proto} ? ? -> FORMERR`);
      reply.send(formErr(query2.id ?? 0));
      return;
    }
    const qtype = String(question.type);
    const outcome = resolveQuestion(this.zone, question.name, qtype);
    const prefix = `${(/* @__PURE__ */ new Date()).toISOString()} ${proto} ${qtype} ${logName(question.name)} ->`;
    if (outcome.kind === "drop") {
      this.log(`${prefix} drop`);
      return;
    }
    this.log(outcome.delayMs > 0 ? `${prefix} delay ${outcome.delayMs}` : `${prefix} ${outcome.rcode}`);
    const opt = query2.additionals?.find((a) => a.type === "OPT");
    const limit = proto === "tcp" ? 65535 : opt ? Math.max(PLAIN_UDP_LIMIT, Math.min(opt.udpPayloadSize, EDNS_UDP_LIMIT)) : PLAIN_UDP_LIMIT;
    const flags = (query2.flag_rd ? dnsPacket.RECURSION_DESIRED : 0) | dnsPacket.RECURSION_AVAILABLE | (outcome.authoritative ? dnsPacket.AUTHORITATIVE_ANSWER : 0) | RCODE[outcome.rcode];
    const response = {
      type: "response",
      id: query2.id ?? 0,
      flags,
      questions: [question],
      answers: outcome.answers,
      authorities: outcome.authorities,
      additionals: opt ? [ednsOpt()] : []
    };
    let payload = dnsPacket.encode(response);
    if (payload.length > limit) {
      payload = dnsPacket.encode({ ...response, flags: flags | dnsPacket.TRUNCATED_RESPONSE, answers: [], authorities: [] });
    }
    if (outcome.delayMs <= 0) {
      reply.send(payload);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (reply.alive()) reply.send(payload);
    }, outcome.delayMs);
    this.timers.add(timer);
  }
  cancelPending() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
};
function ednsOpt() {
  return { type: "OPT", name: ".", udpPayloadSize: EDNS_UDP_LIMIT, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] };
}
function formErr(id) {
  return dnsPacket.encode({ type: "response", id, flags: RCODE.FORMERR });
}
function listenUdp(socket, host, port) {
  return new Promise((resolve, reject) => {
    const onError = (err) => reject(err);
    socket.once("error", onError);
    socket.bind({ address: host, port, exclusive: true }, () => {
      socket.off("error", onError);
      resolve(socket.address().port);
    });
  });
}
function listenTcp(server, host, port) {
  return new Promise((resolve, reject) => {
    const onError = (err) => reject(err);
    server.once("error", onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
async function startDnsServer(opts) {
  const family = net.isIPv6(opts.host) ? "IPv6" : "IPv4";
  if (!net.isIP(opts.host)) throw new Error(`startDnsServer: host must be an IP address, got ${JSON.stringify(opts.host)}`);
  const handler = new QueryHandler(opts.zone ?? createZone(), opts.log ?? (() => void 0));
  let closed = false;
  const sockets = /* @__PURE__ */ new Set();
  let udp;
  let tcp;
  let port = opts.port;
  for (let attempt = 0; ; attempt++) {
    udp = dgram.createSocket({ type: family === "IPv6" ? "udp6" : "udp4", ipv6Only: family === "IPv6" });
    tcp = net.createServer();
    try {
      port = await listenUdp(udp, opts.host, opts.port);
      await listenTcp(tcp, opts.host, port);
      break;
    } catch (err) {
      udp.close();
      tcp.close();
      const code = err.code;
      if (opts.port !== 0 || code !== "EADDRINUSE" || attempt >= 20) throw err;
    }
  }
  const udpSocket = udp;
  const tcpServer = tcp;
  udpSocket.on("message", (msg, rinfo) => {
    handler.handle(msg, "udp", {
      send: (payload) => udpSocket.send(payload, rinfo.port, rinfo.address),
      alive: () => !closed
    });
  });
  udpSocket.on("error", () => void 0);
  tcpServer.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        if (pending.length < 2 + length) break;
        const message = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        handler.handle(message, "tcp", {
          send: (payload) => {
            const frame = Buffer.alloc(2 + payload.length);
            frame.writeUInt16BE(payload.length, 0);
            payload.copy(frame, 2);
            socket.write(frame);
          },
          alive: () => !closed && !socket.destroyed && socket.writable
        });
      }
    });
  });
  return {
    address: { host: opts.host, port, family },
    close: async () => {
      if (closed) return;
      closed = true;
      handler.cancelPending();
      for (const s of sockets) s.destroy();
      await Promise.all([
        new Promise((resolve) => udpSocket.close(() => resolve())),
        new Promise((resolve) => tcpServer.close(() => resolve()))
      ]);
    }
  };
}
function parseArgs(argv) {
  const o = { host: "127.0.0.1", extraHosts: [], port: 53, exitOnStdinClose: false };
  const value = (i) => {
    const v = argv[i + 1];
    if (v === void 0) throw new Error(`${argv[i]} needs a value`);
    return v;
  };
  const int = (i) => {
    const v = value(i);
    if (!/^\d+$/.test(v)) throw new Error(`${argv[i]} needs a non-negative integer, got ${JSON.stringify(v)}`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case "--host":
        o.host = value(i++);
        break;
      case "--extra-host":
        o.extraHosts.push(value(i++));
        break;
      case "--port":
        o.port = int(i++);
        break;
      case "--log":
        o.logFile = value(i++);
        break;
      case "--slow-delay-ms":
        o.slowDelayMs = int(i++);
        break;
      case "--exit-on-stdin-close":
        o.exitOnStdinClose = true;
        break;
      default:
        throw new Error(`unknown argument ${JSON.stringify(argv[i])}`);
    }
  }
  return o;
}
async function main(argv) {
  const o = parseArgs(argv);
  const logFile = o.logFile;
  const log = logFile ? (line) => fs.appendFileSync(logFile, `${line}
`) : void 0;
  if (logFile) fs.appendFileSync(logFile, "");
  const zone = createZone({ slowDelayMs: o.slowDelayMs });
  const primary = await startDnsServer({ host: o.host, port: o.port, zone, log });
  const servers = [primary];
  for (const host of o.extraHosts) servers.push(await startDnsServer({ host, port: primary.address.port, zone, log }));
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    void Promise.all(servers.map((s) => s.close())).finally(() => process.exit(code));
  };
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
  if (o.exitOnStdinClose) {
    process.stdin.on("end", () => stop(0));
    process.stdin.on("error", () => stop(0));
    process.stdin.resume();
  }
  process.stdout.write(`READY ${primary.address.host} ${primary.address.port}
`);
}
if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`dnsServer: ${err instanceof Error ? err.message : String(err)}
`);
    process.exit(1);
  });
}

// test/unit/dnsFixture.test.ts
var LOG_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (udp|tcp) (\S+) (\S+) -> (NOERROR|NXDOMAIN|SERVFAIL|REFUSED|FORMERR|drop|delay \d+)$/;
function rcodeOf(packet) {
  return (packet.flags ?? 0) & 15;
}
function dataOf(packet) {
  return (packet.answers ?? []).map((a) => "data" in a && typeof a.data === "string" ? a.data : a.type);
}
function query(name, type, id) {
  return dnsPacket2.encode({ type: "query", id, flags: dnsPacket2.RECURSION_DESIRED, questions: [{ type, name, class: "IN" }] });
}
function udpQuery(port, name, type, timeoutMs = 2e3) {
  return new Promise((resolve, reject) => {
    const socket = dgram2.createSocket("udp4");
    const id = Math.floor(Math.random() * 65535);
    const timer = setTimeout(() => {
      socket.close();
      resolve("timeout");
    }, timeoutMs);
    socket.on("error", (err) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
    socket.on("message", (msg) => {
      clearTimeout(timer);
      socket.close();
      const packet = dnsPacket2.decode(msg);
      assert.equal(packet.id, id, "response id echoes the query id");
      resolve(packet);
    });
    socket.send(query(name, type, id), port, "127.0.0.1");
  });
}
function tcpQueries(port, questions) {
  return new Promise((resolve, reject) => {
    const socket = net2.connect({ host: "127.0.0.1", port });
    const answers = [];
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`TCP: ${answers.length} of ${questions.length} answers`));
    }, 3e3);
    socket.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on("connect", () => {
      const frames = questions.map(([name, type], i) => {
        const q = query(name, type, 1e3 + i);
        const len = Buffer.alloc(2);
        len.writeUInt16BE(q.length, 0);
        return Buffer.concat([len, q]);
      });
      socket.write(Buffer.concat(frames));
    });
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
        const len = buffer.readUInt16BE(0);
        answers.push(dnsPacket2.decode(buffer.subarray(2, 2 + len)));
        buffer = buffer.subarray(2 + len);
      }
      if (answers.length === questions.length) {
        clearTimeout(timer);
        socket.end();
        resolve(answers.sort((a, b) => (a.id ?? 0) - (b.id ?? 0)));
      }
    });
  });
}
function answered(p) {
  assert.notEqual(p, "timeout", "expected an answer");
  return p;
}
describe("DNS fixture server (startDnsServer on 127.0.0.1, no namespace needed)", function() {
  this.timeout(1e4);
  const SLOW_MS = 150;
  let server;
  let port;
  const lines = [];
  before(async () => {
    server = await startDnsServer({ host: "127.0.0.1", port: 0, zone: createZone({ slowDelayMs: SLOW_MS }), log: (l) => lines.push(l) });
    port = server.address.port;
  });
  after(async () => {
    await server?.close();
  });
  it("binds UDP and TCP on the same ephemeral port", () => {
    assert.equal(server.address.host, "127.0.0.1");
    assert.equal(server.address.family, "IPv4");
    assert.ok(port > 0);
  });
  it("answers a CNAME chain like a real server: CNAME records, then the target records", async () => {
    const p = answered(await udpQuery(port, FIXTURE.cnameChain.alias, "A"));
    assert.equal(rcodeOf(p), 0);
    assert.equal(p.flag_aa, true);
    assert.equal(p.flag_qr, true);
    assert.deepEqual(
      (p.answers ?? []).map((a) => [a.type, a.name]),
      [
        ["CNAME", FIXTURE.cnameChain.alias],
        ["CNAME", FIXTURE.cnameChain.alias2],
        ["A", FIXTURE.cnameChain.canonical]
      ]
    );
    assert.deepEqual(dataOf(p), [FIXTURE.cnameChain.alias2, FIXTURE.cnameChain.canonical, FIXTURE.cnameChain.v4]);
  });
  it("answers over TCP with 2-byte length framing, several queries on one connection", async () => {
    const [aaaa, txt, nx] = await tcpQueries(port, [
      [FIXTURE.cnameChain.alias, "AAAA"],
      [FIXTURE.txt.name, "TXT"],
      [FIXTURE.nxdomain, "A"]
    ]);
    assert.deepEqual(dataOf(aaaa), [FIXTURE.cnameChain.alias2, FIXTURE.cnameChain.canonical, FIXTURE.cnameChain.v6]);
    const texts = (txt.answers ?? []).map((a) => a.type === "TXT" ? [a.data].flat().map(String).join("") : "");
    assert.deepEqual(texts, [...FIXTURE.txt.values]);
    assert.equal(rcodeOf(nx), 3);
    assert.ok(lines.some((l) => / tcp TXT txt\.netlens\.test -> NOERROR$/.test(l)));
  });
  it("answers NXDOMAIN with the SOA in the authority section, for listed and unlisted names", async () => {
    for (const name of [FIXTURE.nxdomain, "not-in-zone-at-all.netlens.test"]) {
      const p = answered(await udpQuery(port, name, "A"));
      assert.equal(rcodeOf(p), 3, name);
      assert.deepEqual(p.answers, []);
      assert.deepEqual((p.authorities ?? []).map((a) => [a.type, a.name]), [["SOA", FIXTURE.origin]]);
    }
  });
  it("answers SERVFAIL and REFUSED", async () => {
    assert.equal(rcodeOf(answered(await udpQuery(port, FIXTURE.servfail, "A"))), 2);
    assert.equal(rcodeOf(answered(await udpQuery(port, FIXTURE.refused, "AAAA"))), 5);
  });
  it("answers NODATA (NOERROR, no answers, SOA) for a family the name lacks", async () => {
    const p = answered(await udpQuery(port, FIXTURE.v4only.name, "AAAA"));
    assert.equal(rcodeOf(p), 0);
    assert.deepEqual(p.answers, []);
    assert.deepEqual((p.authorities ?? []).map((a) => a.type), ["SOA"]);
    assert.deepEqual(dataOf(answered(await udpQuery(port, FIXTURE.v6only.name, "AAAA"))), [FIXTURE.v6only.v6]);
  });
  it("keeps the CNAME chain in an NXDOMAIN answer for a dangling CNAME", async () => {
    const p = answered(await udpQuery(port, FIXTURE.danglingCname.alias, "A"));
    assert.equal(rcodeOf(p), 3);
    assert.deepEqual(dataOf(p), [FIXTURE.danglingCname.target]);
  });
  it("never answers a dropped name, and logs it as drop", async () => {
    assert.equal(await udpQuery(port, FIXTURE.dropped, "A", 400), "timeout");
    assert.ok(lines.some((l) => l.endsWith(` udp A ${FIXTURE.dropped} -> drop`)));
  });
  it("delays wildcard names under slow.netlens.test; <N>ms picks the delay", async () => {
    const name = slowName();
    let t = Date.now();
    assert.deepEqual(dataOf(answered(await udpQuery(port, name, "A"))), [FIXTURE.slowWildcard.v4]);
    assert.ok(Date.now() - t >= SLOW_MS - 5, `answered after ${Date.now() - t} ms`);
    assert.ok(lines.some((l) => l.endsWith(` udp A ${name} -> delay ${SLOW_MS}`)));
    const custom = slowName(40);
    assert.match(custom, /\.40ms\.slow\.netlens\.test$/);
    t = Date.now();
    assert.deepEqual(dataOf(answered(await udpQuery(port, custom, "AAAA"))), [FIXTURE.slowWildcard.v6]);
    assert.ok(Date.now() - t >= 35);
    assert.ok(lines.some((l) => l.endsWith(` udp AAAA ${custom} -> delay 40`)));
    assert.notEqual(slowName(), slowName(), "each call gives a fresh name");
  });
  it("serves PTR records, including hostile raw label text, and NXDOMAIN/SERVFAIL reverse names", async () => {
    assert.equal(reverseName(FIXTURE.ptr.forward.v4), "10.100.51.198.in-addr.arpa");
    assert.deepEqual(dataOf(answered(await udpQuery(port, reverseName(FIXTURE.ptr.forward.v4), "PTR"))), [FIXTURE.ptr.forward.name]);
    assert.deepEqual(dataOf(answered(await udpQuery(port, reverseName(FIXTURE.ptr.forward.v6), "PTR"))), [FIXTURE.ptr.forward.name]);
    assert.deepEqual(dataOf(answered(await udpQuery(port, reverseName(FIXTURE.ptr.hostile.v4), "PTR"))), [FIXTURE.ptr.hostile.name]);
    assert.equal(rcodeOf(answered(await udpQuery(port, reverseName(FIXTURE.ptr.missing.v4), "PTR"))), 3);
    assert.equal(rcodeOf(answered(await udpQuery(port, reverseName(FIXTURE.ptr.servfail.v4), "PTR"))), 2);
  });
  it("truncates a UDP answer that does not fit 512 bytes (TC), and gives all of it over TCP", async () => {
    const udp = answered(await udpQuery(port, FIXTURE.manyA.name, "A"));
    assert.equal(udp.flag_tc, true);
    const [tcp] = await tcpQueries(port, [[FIXTURE.manyA.name, "A"]]);
    assert.equal(tcp.flag_tc, false);
    assert.deepEqual(dataOf(tcp), [...FIXTURE.manyA.v4]);
  });
  it("matches names case-insensitively and keeps the asked case in the answer", async () => {
    const p = answered(await udpQuery(port, "V4Only.NetLens.TEST", "A"));
    assert.deepEqual((p.answers ?? []).map((a) => [a.name, dataOf(p)[0]]), [["V4Only.NetLens.TEST", FIXTURE.v4only.v4]]);
  });
  it("works with Node\u2019s c-ares resolver (one CNAME hop per resolveCname; hostile PTR comes back as text)", async () => {
    const resolver = new dns.promises.Resolver({ timeout: 1e3, tries: 1 });
    resolver.setServers([`127.0.0.1:${port}`]);
    assert.deepEqual(await resolver.resolveCname(FIXTURE.cnameChain.alias), [FIXTURE.cnameChain.alias2]);
    assert.deepEqual(await resolver.resolve4(FIXTURE.multiA.name), [...FIXTURE.multiA.v4]);
    assert.deepEqual(await resolver.resolve4(FIXTURE.manyA.name), [...FIXTURE.manyA.v4]);
    assert.deepEqual(await resolver.resolveTxt(FIXTURE.txt.name), FIXTURE.txt.values.map((v) => [v]));
    const [hostile] = await resolver.reverse(FIXTURE.ptr.hostile.v4);
    assert.match(hostile, /^<img src=x onerror=alert\\?\(1\\?\)>\.netlens\.test$/);
    await assert.rejects(resolver.resolve4(FIXTURE.servfail), { code: "ESERVFAIL" });
    await assert.rejects(resolver.resolve4(FIXTURE.nxdomain), { code: "ENOTFOUND" });
    await assert.rejects(resolver.resolve6(FIXTURE.v4only.name), { code: "ENODATA" });
  });
  it("logs one line per query in the documented format", () => {
    assert.ok(lines.length > 10);
    for (const l of lines) assert.match(l, LOG_LINE);
  });
  it("as a program: prints exactly one READY line, logs to a file, and exits 0 on SIGTERM", async function() {
    const serverJs = path.join(__dirname, "..", "fixtures", "dns", "dnsServer.js");
    if (!fs2.existsSync(serverJs)) this.skip();
    const logFile = path.join(fs2.mkdtempSync(path.join(os.tmpdir(), "netlens-dns-test-")), "q.log");
    const child = (0, import_node_child_process.spawn)(process.execPath, [serverJs, "--host", "127.0.0.1", "--port", "0", "--log", logFile], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    const ready = await new Promise((resolve, reject) => {
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("\n")) resolve(out);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code} before READY`)));
    });
    const m = /^READY 127\.0\.0\.1 (\d+)\n$/.exec(ready);
    assert.ok(m, `READY line: ${JSON.stringify(ready)}`);
    const p = answered(await udpQuery(Number(m[1]), FIXTURE.v4only.name, "A"));
    assert.deepEqual(dataOf(p), [FIXTURE.v4only.v4]);
    assert.match(fs2.readFileSync(logFile, "utf8"), new RegExp(` udp A ${FIXTURE.v4only.name.replace(/\./g, "\\.")} -> NOERROR\\n$`));
    const exit = new Promise((resolve) => child.on("exit", (code, signal) => resolve([code, signal])));
    child.kill("SIGTERM");
    assert.deepEqual(await exit, [0, null]);
    assert.equal(out, ready, "nothing but the READY line on stdout");
    fs2.rmSync(path.dirname(logFile), { recursive: true, force: true });
  });
});
var ORACLE = String.raw`
import json, socket, sys, time
op, arg = sys.argv[1], sys.argv[2]
fam = {'any': 0, '4': socket.AF_INET, '6': socket.AF_INET6}[sys.argv[3] if len(sys.argv) > 3 else 'any']
start = time.monotonic()
try:
    if op == 'gethostbyname_ex':
        value = list(socket.gethostbyname_ex(arg))
    elif op == 'gethostbyname':
        value = socket.gethostbyname(arg)
    elif op == 'gethostbyaddr':
        value = list(socket.gethostbyaddr(arg))
    elif op == 'getaddrinfo':
        rows = socket.getaddrinfo(arg, None, fam, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)
        value = [[r[0].name, r[3], r[4][0]] for r in rows]
    elif op == 'hostname':
        value = [socket.gethostname(), socket.gethostbyname(socket.gethostname())]
    out = {'value': value}
except OSError as e:
    out = {'error': {'type': type(e).__name__, 'errno': e.args[0], 'message': e.args[1] if len(e.args) > 1 else str(e)}}
out['ms'] = (time.monotonic() - start) * 1000
print(json.dumps(out))
`;
var python = "python3";
function py(op, arg, family) {
  const r = (0, import_node_child_process.spawnSync)(python, ["-c", ORACLE, op, arg, ...family ? [family] : []], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
function pyError(op, arg, family) {
  const r = py(op, arg, family);
  assert.ok(r.error, `${op}(${arg}) should fail, got ${JSON.stringify(r.value)}`);
  return { ...r.error, ms: r.ms };
}
function logLines() {
  const file = process.env.NETLENS_DNS_FIXTURE_LOG;
  assert.ok(file, "NETLENS_DNS_FIXTURE_LOG is set");
  return fs2.readFileSync(file, "utf8").split("\n").filter(Boolean);
}
function queriesFor(name) {
  return logLines().filter((l) => {
    const m = LOG_LINE.exec(l);
    return m !== null && m[3].toLowerCase() === name.toLowerCase();
  });
}
describe("system resolver inside the fixture namespace (with-test-netns.js)", function() {
  this.timeout(15e3);
  before(function() {
    if (process.env.NETLENS_DNS_FIXTURE !== "1") {
      console.log("    (skipped: NETLENS_DNS_FIXTURE is not set; run under `node scripts/with-test-netns.js -- \u2026`)");
      this.skip();
    }
    const probe = (0, import_node_child_process.spawnSync)("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" });
    if (probe.status !== 0 || !probe.stdout.trim()) {
      console.log("    (skipped: python3, the oracle for the system resolver, is not available)");
      this.skip();
    }
    python = probe.stdout.trim();
  });
  it("pins resolv.conf to the fixture: nameserver 127.0.0.1, timeout:1 attempts:1, no search list", () => {
    const conf = fs2.readFileSync("/etc/resolv.conf", "utf8");
    assert.deepEqual(conf.split("\n").filter((l) => l && !l.startsWith("#")), ["nameserver 127.0.0.1", "options timeout:1 attempts:1"]);
    assert.match(fs2.readFileSync("/etc/nsswitch.conf", "utf8"), /^hosts:\s+files dns$/m);
  });
  it("gethostbyname_ex(alias) gives (canonical, [alias, alias2], [v4]), and the query is in the log", () => {
    const c = FIXTURE.cnameChain;
    assert.deepEqual(py("gethostbyname_ex", c.alias).value, [c.canonical, [c.alias, c.alias2], [c.v4]]);
    assert.ok(queriesFor(c.alias).some((l) => l.includes(` udp A ${c.alias} -> NOERROR`)), "A query for the alias logged");
  });
  it("getaddrinfo with AI_CANONNAME puts the canonical name in the first row only", () => {
    const c = FIXTURE.cnameChain;
    const rows = py("getaddrinfo", c.alias).value ?? [];
    assert.equal(rows[0]?.[1], c.canonical);
    assert.deepEqual(rows.slice(1).map((r) => r[1]), rows.slice(1).map(() => ""));
    assert.deepEqual(rows.map((r) => r[2]).sort(), [c.v4, c.v6].sort());
  });
  it("getent hosts alias prints the canonical name, then the aliases", () => {
    const c = FIXTURE.cnameChain;
    const r = (0, import_node_child_process.spawnSync)("getent", ["hosts", c.alias], { encoding: "utf8" });
    assert.equal(r.status, 0);
    const [address, ...names] = r.stdout.trim().split(/\s+/);
    assert.ok(address === c.v6 || address === c.v4, address);
    assert.deepEqual(names, [c.canonical, c.alias, c.alias2]);
  });
  it('NXDOMAIN \u2192 gaierror -2 "Name or service not known"', () => {
    for (const name of [FIXTURE.nxdomain, FIXTURE.danglingCname.alias]) {
      const e = pyError("getaddrinfo", name);
      assert.deepEqual([e.type, e.errno, e.message], ["gaierror", -2, "Name or service not known"], name);
    }
    const ex = pyError("gethostbyname_ex", FIXTURE.nxdomain);
    assert.deepEqual([ex.type, ex.errno], ["gaierror", -2]);
  });
  it('SERVFAIL and REFUSED \u2192 gaierror -3 "Temporary failure in name resolution"', () => {
    for (const name of [FIXTURE.servfail, FIXTURE.refused]) {
      const e = pyError("getaddrinfo", name);
      assert.deepEqual([e.type, e.errno, e.message], ["gaierror", -3, "Temporary failure in name resolution"], name);
    }
  });
  it('v4only with AF_INET6 (NODATA) \u2192 gaierror -5 "No address associated with hostname"', () => {
    const e = pyError("getaddrinfo", FIXTURE.v4only.name, "6");
    assert.deepEqual([e.type, e.errno, e.message], ["gaierror", -5, "No address associated with hostname"]);
    assert.deepEqual(py("getaddrinfo", FIXTURE.v6only.name, "6").value?.map((r) => r[2]), [FIXTURE.v6only.v6]);
  });
  it("a hosts-only name resolves without any DNS query", () => {
    const h = FIXTURE.hostsOnly;
    assert.deepEqual(py("gethostbyname_ex", h.name).value, [h.name, [], [h.v4]]);
    assert.deepEqual(py("getaddrinfo", h.name, "4").value?.map((r) => r[2]), [h.v4]);
    assert.deepEqual(queriesFor(h.name), []);
  });
  it("the machine hostname resolves from the namespace hosts file (127.0.1.1)", () => {
    const [, address] = py("hostname", "").value ?? [];
    assert.equal(address, "127.0.1.1");
  });
  it("a dropped name fails after ~1 s (timeout:1 attempts:1) with -3", () => {
    const e = pyError("getaddrinfo", FIXTURE.dropped, "4");
    assert.deepEqual([e.type, e.errno], ["gaierror", -3]);
    assert.ok(e.ms >= 900 && e.ms < 2500, `gave up after ${Math.round(e.ms)} ms`);
    assert.ok(queriesFor(FIXTURE.dropped).some((l) => l.endsWith("-> drop")));
  });
  it("a slow wildcard name answers after its delay; the default delay outlasts timeout:1", () => {
    const quick = slowName(200);
    const r = py("getaddrinfo", quick, "4");
    assert.deepEqual(r.value?.map((row) => row[2]), [FIXTURE.slowWildcard.v4]);
    assert.ok(r.ms >= 190, `answered after ${Math.round(r.ms)} ms`);
    const slowMs = Number(process.env.NETLENS_DNS_SLOW_DELAY_MS ?? FIXTURE.slowWildcard.delayMs);
    const slow = slowName();
    const e = pyError("getaddrinfo", slow, "4");
    if (slowMs > 1500) {
      assert.deepEqual([e.type, e.errno], ["gaierror", -3]);
      assert.ok(e.ms < slowMs, `gave up after ${Math.round(e.ms)} ms`);
    }
    assert.ok(queriesFor(slow).some((l) => l.endsWith(`-> delay ${slowMs}`)));
  });
  it("gethostbyaddr: PTR \u2192 canonical; missing PTR \u2192 herror 1; SERVFAIL PTR \u2192 herror 2", () => {
    const f = FIXTURE.ptr;
    assert.deepEqual(py("gethostbyaddr", f.forward.v4).value, [f.forward.name, [], [f.forward.v4]]);
    assert.deepEqual(py("gethostbyaddr", f.forward.v6).value, [f.forward.name, [], [f.forward.v6]]);
    const missing = pyError("gethostbyaddr", f.missing.v4);
    assert.deepEqual([missing.type, missing.errno, missing.message], ["herror", 1, "Unknown host"]);
    const servfail = pyError("gethostbyaddr", f.servfail.v4);
    assert.deepEqual([servfail.type, servfail.errno, servfail.message], ["herror", 2, "Host name lookup failure"]);
    assert.equal(pyError("gethostbyaddr", f.hostile.v4).type, "herror");
  });
  it("getaddrinfo goes to TCP when the UDP answer is truncated", () => {
    assert.equal((py("gethostbyname_ex", FIXTURE.manyA.name).value ?? [])[2]?.length, FIXTURE.manyA.v4.length);
    assert.ok(queriesFor(FIXTURE.manyA.name).some((l) => l.includes(" tcp A ")));
  });
  it("Node dns.lookup agrees with glibc as seen by Python (same addresses, same order)", async () => {
    for (const name of [FIXTURE.cnameChain.alias, FIXTURE.multiA.name]) {
      const viaNode = (await dns.promises.lookup(name, { all: true })).map((a) => a.address);
      const viaPython = (py("getaddrinfo", name).value ?? []).map((r) => r[2]);
      assert.deepEqual(viaNode, viaPython, name);
    }
    await assert.rejects(dns.promises.lookup(FIXTURE.nxdomain), { code: "ENOTFOUND" });
    await assert.rejects(dns.promises.lookup(FIXTURE.servfail), { code: "EAI_AGAIN" });
    await assert.rejects(dns.promises.lookup(FIXTURE.v4only.name, { family: 6 }), { code: "ENOTFOUND" });
  });
});
//# sourceMappingURL=dnsFixture.test.js.map
