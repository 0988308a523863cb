// Sends one name's queries the way glibc 2.36's __res_context_send does (resolv/res_send.c), so that the search
// trace costs what getaddrinfo costs: the same packets, to the same servers, in the same order, with the same
// retries. c-ares cannot be used for this: it retries and fails over by its own rules and hides what it sent.
//  - getaddrinfo (AF_UNSPEC) sends A and AAAA together on one UDP socket per server; `single-request` sends
//    AAAA only after the A reply, `single-request-reopen` on a fresh socket; a pair where one reply came and the
//    other timed out is sent again in those modes, which then stay on for the process (_res._flags);
//  - a SERVFAIL, NOTIMP or REFUSED reply (or an empty NOERROR without the AA and RA bits) moves on to the next
//    server once the pair is complete; so does a timeout; every server is tried `attempts` times, the first after
//    `timeout` seconds, server i after (timeout << i) / nscount seconds (at least 1);
//  - a truncated reply repeats the exchange over TCP with the same server (both queries again), and TCP is then
//    used for the rest of the call; `use-vc` uses TCP from the start; `rotate` starts at a rotating server;
//  - `edns0` adds an OPT record advertising 1200 bytes; `trust-ad` sets the AD bit.
// NetLens' own time limit (the deadline) can end an exchange earlier than glibc would; the result says so.
import * as dgram from 'dgram';
import * as net from 'net';
import * as dnsPacket from 'dns-packet';
import type { ResolverFlag } from '../core/resolverConfig';
import type { DnsReply, QueryType, SendResult, SentQuery } from '../core/resolverQuery';

export interface NameServer {
  address: string;
  port: number;
}

export interface ResSendConfig {
  servers: readonly NameServer[];
  /** resolv.conf `timeout` (glibc's retrans, seconds). */
  timeoutS: number;
  /** resolv.conf `attempts` (glibc's retry). */
  attempts: number;
  flags: ReadonlySet<ResolverFlag>;
  /** performance.now() after which NetLens stops waiting. */
  deadline: number;
}

/** What glibc keeps in _res between the calls of one lookup: the single-request fallbacks it switched on. */
export interface ResolverState {
  singleRequest: boolean;
  singleRequestReopen: boolean;
}

const QTYPE: Record<QueryType, number> = { A: 1, AAAA: 28 };
const PACKETSZ = 512;
const EDNS_BUFFER_SIZE = 1200;

// glibc's rotate offset is one counter per process, started at a random value and advanced once per call.
let rotateCounter = Math.floor(Math.random() * 0x10000);

interface Query {
  id: number;
  type: QueryType;
  name: string;
  wire: Buffer;
}

/** A query message as res_mkquery writes it: RD set, one question, an OPT record with edns0. */
function encodeQuery(id: number, labels: readonly Uint8Array[], type: QueryType, edns: boolean, ad: boolean): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100 | (ad ? 0x0020 : 0), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(edns ? 1 : 0, 10);
  const qname = Buffer.concat([...labels.flatMap((l) => [Buffer.of(l.length), Buffer.from(l)]), Buffer.of(0)]);
  const question = Buffer.alloc(4);
  question.writeUInt16BE(QTYPE[type], 0);
  question.writeUInt16BE(1, 2);
  // OPT: root owner, type 41, class = the UDP payload size, TTL 0, no options.
  const opt = Buffer.from([0, 0, 41, EDNS_BUFFER_SIZE >> 8, EDNS_BUFFER_SIZE & 0xff, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat(edns ? [header, qname, question, opt] : [header, qname, question]);
}

/** The header fields glibc reads, straight from the bytes; the question and answers through dns-packet. */
export function decodeReply(message: Buffer): DnsReply {
  const u16 = (offset: number): number => (message.length >= offset + 2 ? message.readUInt16BE(offset) : 0);
  const flags = u16(2);
  const reply: DnsReply = {
    id: u16(0),
    rcode: flags & 0x0f,
    aa: (flags & 0x0400) !== 0,
    ra: (flags & 0x0080) !== 0,
    tc: (flags & 0x0200) !== 0,
    qdcount: u16(4),
    ancount: u16(6),
    arcount: u16(10),
    question: null,
    answers: [],
    size: message.length,
  };
  try {
    const packet = dnsPacket.decode(message);
    const q = packet.questions?.[0];
    if (q) reply.question = { name: q.name, type: String(q.type) };
    reply.answers = (packet.answers ?? []).map((a) => ({
      name: a.name,
      type: String(a.type),
      data: (a.type === 'A' || a.type === 'AAAA' || a.type === 'CNAME') && typeof a.data === 'string' ? a.data : '',
    }));
  } catch {
    // A reply dns-packet cannot read still has its header; glibc matches the question itself and drops it.
  }
  return reply;
}

/** res_queriesmatch for one-question queries: the same question (name case-insensitive), class IN. */
function matchesQuery(reply: DnsReply, query: Query): boolean {
  return reply.qdcount === 1 && reply.question !== null && reply.question.type === query.type && reply.question.name.replace(/\.$/, '').toLowerCase() === query.name.replace(/\.$/, '').toLowerCase();
}

type Event = { kind: 'message'; data: Buffer } | { kind: 'error'; code: string } | { kind: 'timeout' };

/** A connected UDP socket with a receive queue, so the exchange can be written as glibc's loop. */
class UdpChannel {
  private readonly socket: dgram.Socket;
  private readonly queue: Event[] = [];
  private waiter: ((e: Event) => void) | null = null;
  private ready: Promise<string | null>;

  constructor(server: NameServer) {
    this.socket = dgram.createSocket(net.isIPv6(server.address.split('%')[0]) ? 'udp6' : 'udp4');
    this.socket.on('message', (data) => this.push({ kind: 'message', data }));
    this.socket.on('error', (err: NodeJS.ErrnoException) => this.push({ kind: 'error', code: err.code ?? 'EIO' }));
    this.ready = new Promise((resolve) => {
      try {
        this.socket.connect(server.port, server.address, () => resolve(null));
      } catch (err) {
        resolve((err as NodeJS.ErrnoException).code ?? 'EIO');
      }
    });
  }

  private push(e: Event): void {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(e);
    } else this.queue.push(e);
  }

  /** Resolves with the connect error, or null. */
  opened(): Promise<string | null> {
    return this.ready;
  }

  send(message: Buffer): void {
    this.socket.send(message);
  }

  next(timeoutMs: number): Promise<Event> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve({ kind: 'timeout' });
      }, Math.max(0, timeoutMs));
      this.waiter = (e) => {
        clearTimeout(timer);
        resolve(e);
      };
    });
  }

  close(): void {
    try {
      this.socket.close();
    } catch {
      // already closed
    }
  }
}

/** One __res_context_send call: the queries of one name, and everything observed while sending them. */
class Exchange {
  readonly sent: SentQuery[] = [];
  received = 0;
  firstBuffer: DnsReply | null = null;
  secondBuffer: DnsReply | null = null;
  gotSomewhere = false;
  cutShort = false;
  terrno: string = 'ETIMEDOUT';

  constructor(
    readonly config: ResSendConfig,
    readonly state: ResolverState,
    readonly q1: Query,
    readonly q2: Query | null,
  ) {}

  record(query: Query, proto: 'udp' | 'tcp', server: NameServer): void {
    this.sent.push({ type: query.type, proto, server: server.port === 53 ? server.address : `${server.address}:${server.port}` });
  }

  /** Milliseconds until `untilMs`, or until the deadline if that comes first (then `cutShort` once it passes). */
  remaining(untilMs: number): { ms: number; byDeadline: boolean } {
    const byDeadline = this.config.deadline <= untilMs;
    return { ms: Math.min(untilMs, this.config.deadline) - performance.now(), byDeadline };
  }
}

interface Step {
  n: number;
  resplen2: number;
  vCircuit: boolean;
}

const ERROR_RCODES = new Set([2, 4, 5]);

/** send_dg: the UDP exchange with server `ns`. */
async function sendDg(ex: Exchange, ns: number): Promise<Step> {
  const { config, state, q1, q2 } = ex;
  const server = config.servers[ns];
  let seconds = config.timeoutS << ns;
  if (ns > 0) seconds = Math.trunc(seconds / config.servers.length);
  if (seconds <= 0) seconds = 1;
  let singleReopen = config.flags.has('single-request-reopen') || state.singleRequestReopen;
  let single = config.flags.has('single-request') || state.singleRequest || singleReopen;
  const savedGotSomewhere = ex.gotSomewhere;
  let resplen = 0;
  let resplen2 = 0;
  let channel = new UdpChannel(server);
  const done = (n: number, r2: number, vCircuit = false): Step => {
    channel.close();
    return { n, resplen2: r2, vCircuit };
  };
  const write = (q: Query): void => {
    channel.send(q.wire);
    ex.record(q, 'udp', server);
  };
  if ((await channel.opened()) !== null) return done(0, 0);

  // Each pass is send_dg's `retry:` label: a fresh timer and fresh bookkeeping.
  for (;;) {
    const finish = performance.now() + seconds * 1000;
    let recv1 = false;
    let recv2 = q2 === null;
    write(q1);
    if (q2 && !single) write(q2);
    let again = false;
    while (!again) {
      const { ms, byDeadline } = ex.remaining(finish);
      const event = await channel.next(ms);
      if (event.kind === 'timeout') {
        if (byDeadline) {
          ex.cutShort = true;
          return done(0, 0);
        }
        if (!(resplen > 1 && (recv1 || (q2 !== null && recv2)))) {
          ex.gotSomewhere = true;
          return done(0, 0);
        }
        // One reply of the pair came, the other did not: glibc blames the server and asks again, serially, then
        // serially on a fresh socket; the mode stays on for the rest of the lookup.
        if (single && singleReopen) return done(resplen, 1);
        if (!single) {
          state.singleRequest = single = true;
        } else {
          state.singleRequestReopen = singleReopen = true;
          channel.close();
          channel = new UdpChannel(server);
          if ((await channel.opened()) !== null) return done(0, 0);
        }
        ex.gotSomewhere = savedGotSomewhere;
        again = true;
        continue;
      }
      if (event.kind === 'error') return done(0, 0);
      ex.gotSomewhere = true;
      ex.received++;
      const reply = decodeReply(event.data);
      // The first reply (or the only one) lands in the first buffer, the other in the second.
      if (!(recv1 || recv2) || q2 === null) {
        ex.firstBuffer = reply;
        resplen = reply.size;
      } else {
        ex.secondBuffer = reply;
        resplen2 = reply.size;
      }
      if (reply.size < 12) {
        ex.terrno = 'EMSGSIZE';
        return done(0, 0);
      }
      const isError = ERROR_RCODES.has(reply.rcode);
      // Some servers send REFUSED as a bare header: it is taken as the reply without a question to match.
      const skipMatch = reply.size === 12 && reply.qdcount === 0 && isError;
      let matching = 0;
      if (!recv1 && reply.id === q1.id && (skipMatch || matchesQuery(reply, q1))) matching = 1;
      if (!recv2 && q2 && reply.id === q2.id && (skipMatch || matchesQuery(reply, q2))) matching = 2;
      if (matching === 0) continue; // a stray datagram: keep waiting
      if (isError || (reply.rcode === 0 && reply.ancount === 0 && !reply.aa && !reply.ra && reply.arcount === 0)) {
        if (recv1 || (q2 !== null && recv2)) return done(resplen, 0);
        if (q2 && !single) {
          // Wait for the other reply of the pair; this one counts as no data.
          resplen = 0;
          if (matching === 1) recv1 = true;
          else recv2 = true;
          continue;
        }
        return done(0, 0);
      }
      if (reply.tc) return done(1, 0, true);
      if (matching === 1) recv1 = true;
      else recv2 = true;
      if (recv1 && recv2) return done(resplen, resplen2);
      if (single && q2) {
        if (singleReopen) {
          channel.close();
          channel = new UdpChannel(server);
          if ((await channel.opened()) !== null) return done(0, 0);
        }
        write(q2);
      }
    }
  }
}

/** Reads length-prefixed DNS messages from a TCP connection. */
class TcpChannel {
  private readonly socket: net.Socket;
  private buffered = Buffer.alloc(0);
  private ended: string | null = null;
  private wake: (() => void) | null = null;
  private readonly connected: Promise<string | null>;

  constructor(server: NameServer) {
    this.socket = net.connect({ host: server.address, port: server.port });
    this.connected = new Promise((resolve) => {
      this.socket.once('connect', () => resolve(null));
      this.socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'EIO'));
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.notify();
    });
    this.socket.on('error', (err: NodeJS.ErrnoException) => {
      this.ended = err.code ?? 'EIO';
      this.notify();
    });
    this.socket.on('close', () => {
      this.ended ??= 'ECONNRESET';
      this.notify();
    });
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  opened(): Promise<string | null> {
    return this.connected;
  }

  write(messages: readonly Buffer[]): void {
    this.socket.write(Buffer.concat(messages.flatMap((m) => [Buffer.of(m.length >> 8, m.length & 0xff), m])));
  }

  /** The next message, an error code, or 'timeout'. */
  async next(timeoutMs: number): Promise<Buffer | { error: string } | 'timeout'> {
    const end = performance.now() + timeoutMs;
    for (;;) {
      if (this.buffered.length >= 2) {
        const length = this.buffered.readUInt16BE(0);
        if (this.buffered.length >= 2 + length) {
          const message = this.buffered.subarray(2, 2 + length);
          this.buffered = this.buffered.subarray(2 + length);
          return message;
        }
      }
      if (this.ended !== null) return { error: this.ended };
      const left = end - performance.now();
      if (left <= 0) return 'timeout';
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

/** send_vc: both queries over one TCP connection, no timeout of glibc's own (only NetLens' deadline). */
async function sendVc(ex: Exchange, ns: number): Promise<Step> {
  const { q1, q2, config } = ex;
  const server = config.servers[ns];
  for (let resets = 0; ; resets++) {
    const channel = new TcpChannel(server);
    const fail = (code: string): Step => {
      ex.terrno = code;
      channel.close();
      return { n: 0, resplen2: 0, vCircuit: true };
    };
    const refused = await channel.opened();
    if (refused !== null) return fail(refused);
    channel.write(q2 ? [q1.wire, q2.wire] : [q1.wire]);
    ex.record(q1, 'tcp', server);
    if (q2) ex.record(q2, 'tcp', server);
    let recv1 = false;
    let recv2 = q2 === null;
    let resplen = 0;
    let resplen2 = 0;
    let reset = false;
    for (;;) {
      const { ms } = ex.remaining(Number.POSITIVE_INFINITY);
      const message = await channel.next(ms);
      if (message === 'timeout') {
        ex.cutShort = true;
        return fail('ETIMEDOUT');
      }
      if (!Buffer.isBuffer(message)) {
        // A connection reset by a restarted server is retried once on the same server.
        if (message.error === 'ECONNRESET' && resets === 0) {
          channel.close();
          reset = true;
          break;
        }
        return fail(message.error);
      }
      ex.gotSomewhere = true;
      ex.received++;
      const reply = decodeReply(message);
      if (!(recv1 || recv2) || q2 === null) {
        ex.firstBuffer = reply;
        resplen = reply.size;
      } else {
        ex.secondBuffer = reply;
        resplen2 = reply.size;
      }
      if (reply.size < 12) return fail('EMSGSIZE');
      if ((recv1 || reply.id !== q1.id) && (recv2 || q2 === null || reply.id !== q2.id)) continue;
      if (!recv1 && reply.id === q1.id) recv1 = true;
      else recv2 = true;
      if (!(recv1 && recv2)) continue;
      channel.close();
      return { n: resplen, resplen2, vCircuit: true };
    }
    if (!reset) break;
  }
  return { n: 0, resplen2: 0, vCircuit: true };
}

/** Distinct random ids for the two queries of a pair (glibc draws each at random; the pair is told apart by its question too). */
function queryIds(): [number, number] {
  const a = Math.floor(Math.random() * 0x10000);
  return [a, (a + 1 + Math.floor(Math.random() * 0xfffe)) % 0x10000];
}

/**
 * __res_context_send for one name: `types` is ['A', 'AAAA'] for getaddrinfo's pair, or one type. `labels` is the
 * name's wire form (core/resolverQuery.ts domainLabels); `name` its text, to match the replies' questions.
 */
export async function resSend(name: string, labels: readonly Uint8Array[], types: readonly QueryType[], config: ResSendConfig, state: ResolverState, options: { edns: boolean } = { edns: true }): Promise<SendResult> {
  const edns = options.edns && config.flags.has('edns0');
  const ad = config.flags.has('trust-ad');
  const [id1, id2] = queryIds();
  const make = (id: number, type: QueryType): Query => ({ id, type, name, wire: encodeQuery(id, labels, type, edns, ad) });
  const q1 = make(id1, types[0]);
  const q2 = types[1] ? make(id2, types[1]) : null;
  const ex = new Exchange(config, state, q1, q2);
  const result = (answered: SendResult['answered'], errno: string | null): SendResult => ({
    answered,
    errno,
    firstBuffer: ex.firstBuffer,
    received: ex.received,
    sent: ex.sent,
    cutShort: ex.cutShort,
  });

  const nscount = config.servers.length;
  if (nscount === 0) return result(null, 'ESRCH');
  rotateCounter = (rotateCounter + 1) >>> 0;
  const offset = config.flags.has('rotate') && nscount > 1 ? rotateCounter % nscount : 0;
  let vCircuit = config.flags.has('use-vc') || q1.wire.length > PACKETSZ || (q2 !== null && q2.wire.length > PACKETSZ);
  for (let attempt = 0; attempt < config.attempts; attempt++) {
    for (let shift = 0; shift < nscount; shift++) {
      const ns = (shift + offset) % nscount;
      for (;;) {
        if (performance.now() >= config.deadline) {
          ex.cutShort = true;
          return result(null, 'ETIMEDOUT');
        }
        let step: Step;
        if (vCircuit) {
          // TCP: one attempt per server, and the attempts loop ends after this round.
          attempt = config.attempts;
          step = await sendVc(ex, ns);
        } else step = await sendDg(ex, ns);
        if (ex.cutShort) return result(null, 'ETIMEDOUT');
        if (step.n === 0 && (q2 === null || step.resplen2 === 0)) break; // next server
        if (!vCircuit && step.vCircuit) {
          vCircuit = true;
          continue; // same server, over TCP
        }
        const first = step.n >= 12 ? ex.firstBuffer : null;
        const second = q2 !== null && step.resplen2 >= 12 ? ex.secondBuffer : null;
        return result({ first, second }, null);
      }
    }
  }
  return result(null, vCircuit ? ex.terrno : ex.gotSomewhere ? 'ETIMEDOUT' : 'ECONNREFUSED');
}
