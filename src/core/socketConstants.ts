/**
 * Symbolic socket constants. NetLens passes these *names* between processes and shows them to users; the
 * numbers are the platform's own (the native addon reports them). LINUX_VALUES is what glibc/Linux uses and
 * what Python's `socket` module shows on Linux; it is the fallback where no native addon is loaded.
 */

export const FAMILIES = ['AF_UNSPEC', 'AF_INET', 'AF_INET6'] as const;
export type FamilyName = (typeof FAMILIES)[number];

export const SOCKTYPES = ['SOCK_UNSPEC', 'SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW'] as const;
/** `SOCK_UNSPEC` is NetLens' name for Python's `type=0` ("any socket type"). */
export type SocktypeName = (typeof SOCKTYPES)[number];

export const AI_FLAGS = ['AI_PASSIVE', 'AI_CANONNAME', 'AI_NUMERICHOST', 'AI_V4MAPPED', 'AI_ALL', 'AI_ADDRCONFIG', 'AI_NUMERICSERV'] as const;
export type AiFlagName = (typeof AI_FLAGS)[number];

export const NI_FLAGS = ['NI_NUMERICHOST', 'NI_NUMERICSERV', 'NI_NOFQDN', 'NI_NAMEREQD', 'NI_DGRAM'] as const;
export type NiFlagName = (typeof NI_FLAGS)[number];

/**
 * Linux/glibc values of every AF_, SOCK_, IPPROTO_, AI_, NI_ and EAI_ name Python's socket module exposes on Linux
 * (checked against python3 in test/unit/socketConstants.test.ts), plus NetLens' SOCK_UNSPEC.
 */
export const LINUX_VALUES: Readonly<Record<string, number>> = {
  AF_UNSPEC: 0,
  AF_UNIX: 1,
  AF_INET: 2,
  AF_AX25: 3,
  AF_IPX: 4,
  AF_APPLETALK: 5,
  AF_NETROM: 6,
  AF_BRIDGE: 7,
  AF_ATMPVC: 8,
  AF_X25: 9,
  AF_INET6: 10,
  AF_ROSE: 11,
  AF_DECnet: 12,
  AF_NETBEUI: 13,
  AF_SECURITY: 14,
  AF_KEY: 15,
  AF_NETLINK: 16,
  AF_ROUTE: 16,
  AF_PACKET: 17,
  AF_ASH: 18,
  AF_ECONET: 19,
  AF_ATMSVC: 20,
  AF_RDS: 21,
  AF_SNA: 22,
  AF_IRDA: 23,
  AF_PPPOX: 24,
  AF_WANPIPE: 25,
  AF_LLC: 26,
  AF_CAN: 29,
  AF_TIPC: 30,
  AF_ALG: 38,
  AF_VSOCK: 40,
  AF_QIPCRTR: 42,
  SOCK_UNSPEC: 0,
  SOCK_STREAM: 1,
  SOCK_DGRAM: 2,
  SOCK_RAW: 3,
  SOCK_RDM: 4,
  SOCK_SEQPACKET: 5,
  SOCK_NONBLOCK: 0x800,
  SOCK_CLOEXEC: 0x80000,
  IPPROTO_HOPOPTS: 0,
  IPPROTO_IP: 0,
  IPPROTO_ICMP: 1,
  IPPROTO_IGMP: 2,
  IPPROTO_IPIP: 4,
  IPPROTO_TCP: 6,
  IPPROTO_EGP: 8,
  IPPROTO_PUP: 12,
  IPPROTO_UDP: 17,
  IPPROTO_IDP: 22,
  IPPROTO_TP: 29,
  IPPROTO_IPV6: 41,
  IPPROTO_ROUTING: 43,
  IPPROTO_FRAGMENT: 44,
  IPPROTO_RSVP: 46,
  IPPROTO_GRE: 47,
  IPPROTO_ESP: 50,
  IPPROTO_AH: 51,
  IPPROTO_ICMPV6: 58,
  IPPROTO_NONE: 59,
  IPPROTO_DSTOPTS: 60,
  IPPROTO_PIM: 103,
  IPPROTO_SCTP: 132,
  IPPROTO_UDPLITE: 136,
  IPPROTO_RAW: 255,
  IPPROTO_MPTCP: 262,
  AI_PASSIVE: 0x1,
  AI_CANONNAME: 0x2,
  AI_NUMERICHOST: 0x4,
  AI_V4MAPPED: 0x8,
  AI_ALL: 0x10,
  AI_ADDRCONFIG: 0x20,
  AI_NUMERICSERV: 0x400,
  NI_NUMERICHOST: 1,
  NI_NUMERICSERV: 2,
  NI_NOFQDN: 4,
  NI_NAMEREQD: 8,
  NI_DGRAM: 16,
  NI_MAXSERV: 32,
  NI_MAXHOST: 1025,
  EAI_BADFLAGS: -1,
  EAI_NONAME: -2,
  EAI_AGAIN: -3,
  EAI_FAIL: -4,
  EAI_NODATA: -5,
  EAI_FAMILY: -6,
  EAI_SOCKTYPE: -7,
  EAI_SERVICE: -8,
  EAI_ADDRFAMILY: -9,
  EAI_MEMORY: -10,
  EAI_SYSTEM: -11,
  EAI_OVERFLOW: -12,
};

/** The groups `netlens constants PREFIX` lists. */
export const CONSTANT_PREFIXES = ['AF_', 'SOCK_', 'IPPROTO_', 'AI_', 'NI_', 'EAI_'] as const;

/** Names NetLens uses that Python's socket module does not have (left out of `netlens constants`). */
export const NETLENS_ONLY_CONSTANTS: readonly string[] = ['SOCK_UNSPEC'];

/**
 * The constants of one group (`AF_`, `af`, `IPPROTO`) or one name (`AF_INET6`, case-insensitive), from a value
 * table, in the table's order; null when the text is neither a known prefix nor a known name.
 */
export function constantsMatching(text: string, values: Readonly<Record<string, number>>): Record<string, number> | null {
  const upper = text.trim().toUpperCase();
  const prefix = CONSTANT_PREFIXES.find((p) => p === upper || p === `${upper}_`);
  const names = Object.keys(values).filter((name) => !NETLENS_ONLY_CONSTANTS.includes(name));
  const selected = prefix ? names.filter((name) => name.startsWith(prefix)) : names.filter((name) => name.toUpperCase() === upper && CONSTANT_PREFIXES.some((p) => name.startsWith(p)));
  if (selected.length === 0) return null;
  return Object.fromEntries(selected.map((name) => [name, values[name]]));
}

export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Accepts `AF_INET`, `inet`, `4`/`6` style shorthands and the platform's numbers (Linux's unless told); null when unknown. */
export function parseFamily(text: string, values: Readonly<Record<string, number>> = LINUX_VALUES): FamilyName | null {
  const t = text.trim().toUpperCase();
  const named = t.startsWith('AF_') ? t : `AF_${t}`;
  if (isOneOf(FAMILIES, named)) return named;
  if (t === '4' || t === 'IPV4') return 'AF_INET';
  if (t === '6' || t === 'IPV6') return 'AF_INET6';
  return numberToName(FAMILIES, t, values);
}

export function parseSocktype(text: string, values: Readonly<Record<string, number>> = LINUX_VALUES): SocktypeName | null {
  const t = text.trim().toUpperCase();
  const named = t.startsWith('SOCK_') ? t : `SOCK_${t}`;
  if (isOneOf(SOCKTYPES, named)) return named;
  return numberToName(SOCKTYPES, t, values);
}

function numberToName<T extends string>(list: readonly T[], text: string, values: Readonly<Record<string, number>>): T | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return list.find((name) => values[name] === n) ?? null;
}

/** Parses `AI_CANONNAME,AI_PASSIVE` (or `canonname|passive`); returns the unknown names separately. */
export function parseFlagList<T extends string>(known: readonly T[], prefix: string, text: string): { flags: T[]; unknown: string[] } {
  const flags: T[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[,|\s]+/).filter(Boolean)) {
    const upper = raw.toUpperCase();
    const named = upper.startsWith(prefix) ? upper : prefix + upper;
    if (isOneOf(known, named)) {
      if (!flags.includes(named)) flags.push(named);
    } else unknown.push(raw);
  }
  return { flags, unknown };
}

/** Platform number of a list of flag names, from the given value table. */
export function flagsToNumber(flags: readonly string[], values: Readonly<Record<string, number>>): number {
  return flags.reduce((acc, f) => acc | (values[f] ?? 0), 0);
}

/** The name of a number within a group (`AF_`, `SOCK_`), for turning native results back into names. */
export function nameOfValue<T extends string>(list: readonly T[], value: number, values: Readonly<Record<string, number>>): T | null {
  return list.find((name) => values[name] === value) ?? null;
}
