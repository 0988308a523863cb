/**
 * What glibc 2.36 makes of the DNS replies to one name, pure: whether the name is one its dns module asks at all
 * (res_hnok, ns_name_pton), how __res_context_query sorts the replies into h_errno values (resolv/res_query.c),
 * which addresses getaddrinfo takes from them (resolv/nss_dns/dns-host.c) and how much of getaddrinfo's 1 KiB
 * scratch buffer they fill: an answer that does not fit makes getaddrinfo run the whole lookup again with a buffer
 * twice as large (the ERANGE protocol), which is why 40 A records cost twice the queries of 4.
 * The helper sends the packets (helper/resSend.ts); this file only reads what came back.
 */

/** The response codes glibc tells apart (RFC 1035 4.1.1). */
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

export type QueryType = 'A' | 'AAAA';

/** One DNS reply as received: the header fields glibc looks at and the answer section. */
export interface DnsReply {
  id: number;
  rcode: number;
  aa: boolean;
  ra: boolean;
  tc: boolean;
  qdcount: number;
  ancount: number;
  arcount: number;
  /** The first question, or null when the reply has none. */
  question: { name: string; type: string } | null;
  /** A/AAAA data as address text, CNAME data as the target name, anything else as ''. */
  answers: { name: string; type: string; data: string }[];
  /** Size of the message in bytes. */
  size: number;
}

/** One packet the helper sent. */
export interface SentQuery {
  type: QueryType;
  proto: 'udp' | 'tcp';
  server: string;
}

/** What __res_context_send handed back for one name (one query, or the A and AAAA pair of getaddrinfo). */
export interface SendResult {
  /** The replies res_send returned (its first and second answer buffers), or null when it failed (-1). */
  answered: { first: DnsReply | null; second: DnsReply | null } | null;
  /**
   * errno of a failed send: ETIMEDOUT once any server answered or timed out, ECONNREFUSED when none could be
   * reached (the search then stops at once), over TCP the socket's own error.
   */
  errno: string | null;
  /** The reply last written into the first answer buffer (the search looks at its rcode), or null. */
  firstBuffer: DnsReply | null;
  /** Replies received (matching or not). */
  received: number;
  sent: SentQuery[];
  /** NetLens' own time limit ended the exchange before glibc would have. */
  cutShort: boolean;
}

export type HErrno = 'NETDB_SUCCESS' | 'HOST_NOT_FOUND' | 'TRY_AGAIN' | 'NO_RECOVERY' | 'NO_DATA';

/** The answer of one try, in the words of the search trace. */
export type TryResult = 'addresses' | 'NXDOMAIN' | 'NODATA' | 'SERVFAIL' | 'REFUSED' | 'timeout' | 'error';

/** One try as the search sees it. */
export interface QueryOutcome {
  /** __res_context_search returns here: res_query succeeded (a NOERROR reply with answer records). */
  success: boolean;
  hErrno: HErrno;
  /** rcode of the first answer buffer: a TRY_AGAIN with SERVFAIL there continues the search, any other stops it. */
  rcode: number;
  errno: SendResult['errno'];
  result: TryResult;
  addresses: string[];
  queries: number;
  sent: SentQuery[];
  /** Bytes of getaddrinfo's scratch buffer the answer needs (0 unless success). */
  bufferNeed: number;
  cutShort: boolean;
  /** Why, for results that need a word more ('error', a name glibc cannot send). */
  detail?: string;
}

/** The wire form of a domain name as ns_name_pton reads text (\DDD and \X escapes), or why it has none. */
export function domainLabels(name: string): { labels: Uint8Array[] } | { problem: string } {
  if (name === '.') return { labels: [] };
  const labels: Uint8Array[] = [];
  let label: number[] = [];
  let wire = 1;
  const bytes = Buffer.from(name, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    let byte = bytes[i];
    if (byte === 0x5c) {
      const digits = bytes.subarray(i + 1, i + 4).toString('latin1');
      if (/^\d{3}$/.test(digits) && Number(digits) <= 255) {
        byte = Number(digits);
        i += 3;
      } else if (i + 1 < bytes.length) byte = bytes[++i];
      else return { problem: 'a name cannot end with a backslash' };
    } else if (byte === 0x2e) {
      if (label.length === 0) return { problem: 'a label is empty' };
      labels.push(Uint8Array.from(label));
      wire += label.length + 1;
      label = [];
      continue;
    }
    label.push(byte);
    if (label.length > 63) return { problem: 'a label is longer than 63 bytes' };
  }
  if (label.length > 0) {
    labels.push(Uint8Array.from(label));
    wire += label.length + 1;
  }
  if (labels.length === 0) return { problem: 'the name is empty' };
  if (wire > 255) return { problem: 'the name is longer than 255 bytes on the wire' };
  return { labels };
}

function isHostnameByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2d || b === 0x5f;
}

/**
 * glibc's res_hnok: printable ASCII, a valid domain name, labels of letters, digits, `-` and `_`, the first not
 * starting with `-`. getaddrinfo's dns module (gethostbyname4_r, gethostbyname2_r) sends no query for other names.
 */
export function isResHostname(name: string): boolean {
  if (![...name].every((c) => c > ' ' && c <= '~')) return false;
  const parsed = domainLabels(name);
  if ('problem' in parsed) return false;
  if (parsed.labels[0]?.[0] === 0x2d) return false;
  return parsed.labels.every((label) => label.every(isHostnameByte));
}

function sameName(a: string, b: string): boolean {
  return a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();
}

/**
 * The addresses getaddrinfo takes from one reply (gaih_getanswer_slice): records of the question's type owned by
 * the question name or by the target of a CNAME before them, and the canonical name it stores with the first.
 */
function readAddresses(reply: DnsReply): { addresses: string[]; canonical: string | null } {
  const question = reply.question;
  if (!question || reply.ancount === 0 || !isResHostname(question.name)) return { addresses: [], canonical: null };
  let expected = question.name;
  let canonical = question.name;
  const addresses: string[] = [];
  let canonicalAtFirst: string | null = null;
  for (const rr of reply.answers) {
    if (rr.type === 'CNAME') {
      expected = rr.data;
      if (isResHostname(rr.data)) canonical = rr.data;
    } else if (rr.type === question.type && sameName(rr.name, expected) && rr.data !== '') {
      canonicalAtFirst ??= canonical;
      addresses.push(rr.data);
    }
  }
  return { addresses, canonical: canonicalAtFirst };
}

const SCRATCH_BUFFER = 1024;

/** Bytes an answer takes in getaddrinfo's buffer: gethostbyname4_r's tuples (AF_UNSPEC) or a hostent (one family). */
export function scratchBufferNeed(replies: readonly DnsReply[], unspec: boolean): number {
  let used = 0;
  const align = (n: number): void => {
    used = Math.ceil(used / n) * n;
  };
  const nameBytes = (name: string): number => Buffer.byteLength(name.replace(/\.$/, ''), 'utf8') + 1;
  if (unspec) {
    // struct gaih_addrtuple is 40 bytes (8-aligned); the canonical name is copied once, after the first tuple.
    let nameStored = false;
    for (const reply of replies) {
      const { addresses, canonical } = readAddresses(reply);
      for (let i = 0; i < addresses.length; i++) {
        align(8);
        used += 40;
        if (!nameStored && canonical !== null) used += nameBytes(canonical);
        nameStored = true;
      }
    }
    return used;
  }
  // getanswer_r: the question name and every host-name CNAME target as aliases, each address 4-aligned, then the
  // NULL-terminated address array and the alias array (8-aligned pointers).
  let addressCount = 0;
  let aliasCount = 0;
  for (const reply of replies) {
    if (!reply.question || !isResHostname(reply.question.name)) continue;
    used += nameBytes(reply.question.name);
    aliasCount++;
    let expected = reply.question.name;
    for (const rr of reply.answers) {
      if (rr.type === 'CNAME') {
        if (isResHostname(rr.data)) {
          used += nameBytes(rr.data);
          aliasCount++;
        }
        expected = rr.data;
      } else if (rr.type === reply.question.type && sameName(rr.name, expected) && rr.data !== '') {
        align(4);
        used += rr.type === 'A' ? 4 : 16;
        addressCount++;
      }
    }
  }
  align(8);
  used += 8 * (addressCount + 1);
  align(8);
  return used + 8 * aliasCount;
}

/** How many times getaddrinfo runs the lookup for an answer of this size: once, plus once per doubling of its buffer. */
export function lookupRuns(bufferNeed: number): number {
  let runs = 1;
  for (let size = SCRATCH_BUFFER; bufferNeed > size; size *= 2) runs++;
  return runs;
}

/** res_query's verdict on what res_send returned (resolv/res_query.c, __res_context_query after the send). */
export function classifyReplies(send: SendResult, unspec: boolean): QueryOutcome {
  const base = { errno: send.errno, queries: send.sent.length, sent: send.sent, cutShort: send.cutShort, addresses: [] as string[], bufferNeed: 0 };
  const bufferRcode = send.firstBuffer?.rcode ?? RCODE.NOERROR;
  if (!send.answered) {
    // res_send gave up: TRY_AGAIN, and the rcode of the last reply in the first buffer tells the search why.
    let result: TryResult;
    if (send.cutShort) result = 'timeout';
    else if (send.errno === 'ECONNREFUSED') result = 'error';
    else if (send.received === 0) result = 'timeout';
    else result = bufferRcode === RCODE.SERVFAIL ? 'SERVFAIL' : bufferRcode === RCODE.REFUSED ? 'REFUSED' : 'error';
    const detail = result === 'error' ? (send.errno === 'ECONNREFUSED' ? 'no server could be reached' : `the servers answered rcode ${bufferRcode}`) : undefined;
    return { ...base, success: false, hErrno: 'TRY_AGAIN', rcode: bufferRcode, result, ...(detail ? { detail } : {}) };
  }
  const { first, second } = send.answered;
  // res_query's hp and hp2: with one usable reply, both are that reply.
  const hp2 = second && second.size >= 12 ? second : first;
  const hp = first && first.size >= 12 ? first : hp2;
  if (!hp || !hp2) return { ...base, success: false, hErrno: 'NO_RECOVERY', rcode: bufferRcode, result: 'error', detail: 'no reply to read' };
  const positive = (r: DnsReply): boolean => r.rcode === RCODE.NOERROR && r.ancount > 0;
  if (!positive(hp) && !positive(hp2)) {
    const rcode = hp.rcode === RCODE.NOERROR ? hp2.rcode : hp.rcode;
    const verdict: Record<number, [HErrno, TryResult]> = {
      [RCODE.NXDOMAIN]: ['HOST_NOT_FOUND', 'NXDOMAIN'],
      [RCODE.SERVFAIL]: ['TRY_AGAIN', 'SERVFAIL'],
      [RCODE.NOERROR]: ['NO_DATA', 'NODATA'],
      [RCODE.REFUSED]: ['NO_RECOVERY', 'REFUSED'],
    };
    const [hErrno, result] = verdict[rcode] ?? ['NO_RECOVERY', 'error'];
    return { ...base, success: false, hErrno, rcode: bufferRcode, result, ...(result === 'error' ? { detail: `rcode ${rcode}` } : {}) };
  }
  const replies = [first, second].filter((r): r is DnsReply => r !== null && r.size >= 12);
  const addresses = replies.flatMap((r) => readAddresses(r).addresses);
  return {
    ...base,
    success: true,
    hErrno: 'NETDB_SUCCESS',
    rcode: bufferRcode,
    // A NOERROR answer without usable addresses (a CNAME alone) still ends the search: getaddrinfo then fails.
    result: addresses.length > 0 ? 'addresses' : 'NODATA',
    addresses,
    bufferNeed: scratchBufferNeed(replies, unspec),
  };
}
