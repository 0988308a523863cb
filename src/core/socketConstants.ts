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

export const LINUX_VALUES: Readonly<Record<string, number>> = {
  AF_UNSPEC: 0,
  AF_UNIX: 1,
  AF_INET: 2,
  AF_INET6: 10,
  SOCK_UNSPEC: 0,
  SOCK_STREAM: 1,
  SOCK_DGRAM: 2,
  SOCK_RAW: 3,
  IPPROTO_IP: 0,
  IPPROTO_ICMP: 1,
  IPPROTO_TCP: 6,
  IPPROTO_UDP: 17,
  IPPROTO_IPV6: 41,
  IPPROTO_ICMPV6: 58,
  IPPROTO_SCTP: 132,
  IPPROTO_RAW: 255,
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
};

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Accepts `AF_INET`, `inet`, `4`/`6` style shorthands and Linux numbers; null when unknown. */
export function parseFamily(text: string): FamilyName | null {
  const t = text.trim().toUpperCase();
  const named = t.startsWith('AF_') ? t : `AF_${t}`;
  if (isOneOf(FAMILIES, named)) return named;
  if (t === '4' || t === 'IPV4') return 'AF_INET';
  if (t === '6' || t === 'IPV6') return 'AF_INET6';
  return numberToName(FAMILIES, t);
}

export function parseSocktype(text: string): SocktypeName | null {
  const t = text.trim().toUpperCase();
  const named = t.startsWith('SOCK_') ? t : `SOCK_${t}`;
  if (isOneOf(SOCKTYPES, named)) return named;
  return numberToName(SOCKTYPES, t);
}

function numberToName<T extends string>(list: readonly T[], text: string): T | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return list.find((name) => LINUX_VALUES[name] === n) ?? null;
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
