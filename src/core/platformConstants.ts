/**
 * The socket module's constants with each platform's values, for where no native addon reports the running
 * system's own (the dns.lookup fallback, `netlens constants`, tests). Linux/glibc's table is LINUX_VALUES (checked
 * against python3 here); the others come from the C headers Python is built with — musl <netdb.h>, macOS 11
 * <sys/socket.h>, <netinet/in.h> and <netdb.h>, MinGW-w64 <winsock2.h>, <ws2def.h> and <ws2tcpip.h> (as shipped
 * in zig 0.11's lib/libc/include) — and list the names of the groups NetLens shows (AF_, SOCK_, IPPROTO_, AI_, NI_,
 * EAI_) that those headers define and CPython's socketmodule.c exports.
 */
import type { PlatformId, PlatformRow } from './platform';
import { PLATFORM_LABELS, platformRow } from './platform';
import { EAI_TABLES } from './platformErrors';
import { LINUX_VALUES } from './socketConstants';

type Values = Readonly<Record<string, number>>;

function eaiValues(row: PlatformRow): Record<string, number> {
  return Object.fromEntries(Object.entries(EAI_TABLES[row]).map(([name, e]) => [name, e.errno]));
}

/** musl shares Linux's kernel numbers and glibc's AI_/NI_/EAI_ values; only NI_MAXHOST differs (255 in musl). */
const MUSL_VALUES: Values = { ...LINUX_VALUES, ...eaiValues('linux-musl'), NI_MAXHOST: 255 };

const DARWIN_VALUES: Values = {
  AF_UNSPEC: 0,
  AF_UNIX: 1,
  AF_INET: 2,
  AF_SNA: 11,
  AF_DECnet: 12,
  AF_APPLETALK: 16,
  AF_ROUTE: 17,
  AF_LINK: 18,
  AF_IPX: 23,
  AF_INET6: 30,
  AF_SYSTEM: 32,
  SOCK_UNSPEC: 0,
  SOCK_STREAM: 1,
  SOCK_DGRAM: 2,
  SOCK_RAW: 3,
  SOCK_RDM: 4,
  SOCK_SEQPACKET: 5,
  IPPROTO_HOPOPTS: 0,
  IPPROTO_IP: 0,
  IPPROTO_ICMP: 1,
  IPPROTO_IGMP: 2,
  IPPROTO_IPV4: 4,
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
  IPPROTO_RAW: 255,
  AI_PASSIVE: 0x1,
  AI_CANONNAME: 0x2,
  AI_NUMERICHOST: 0x4,
  AI_ALL: 0x100,
  AI_V4MAPPED_CFG: 0x200,
  AI_ADDRCONFIG: 0x400,
  AI_DEFAULT: 0x600,
  AI_V4MAPPED: 0x800,
  AI_NUMERICSERV: 0x1000,
  NI_NOFQDN: 0x1,
  NI_NUMERICHOST: 0x2,
  NI_NAMEREQD: 0x4,
  NI_NUMERICSERV: 0x8,
  NI_DGRAM: 0x10,
  NI_MAXSERV: 32,
  NI_MAXHOST: 1025,
  ...eaiValues('darwin'),
  EAI_MAX: 15,
};

const WIN32_VALUES: Values = {
  AF_UNSPEC: 0,
  AF_UNIX: 1,
  AF_INET: 2,
  AF_IPX: 6,
  AF_SNA: 11,
  AF_DECnet: 12,
  AF_APPLETALK: 16,
  AF_INET6: 23,
  AF_IRDA: 26,
  SOCK_UNSPEC: 0,
  SOCK_STREAM: 1,
  SOCK_DGRAM: 2,
  SOCK_RAW: 3,
  SOCK_RDM: 4,
  SOCK_SEQPACKET: 5,
  IPPROTO_IP: 0,
  IPPROTO_HOPOPTS: 0,
  IPPROTO_ICMP: 1,
  IPPROTO_IGMP: 2,
  IPPROTO_GGP: 3,
  IPPROTO_IPV4: 4,
  IPPROTO_ST: 5,
  IPPROTO_TCP: 6,
  IPPROTO_CBT: 7,
  IPPROTO_EGP: 8,
  IPPROTO_IGP: 9,
  IPPROTO_PUP: 12,
  IPPROTO_UDP: 17,
  IPPROTO_IDP: 22,
  IPPROTO_RDP: 27,
  IPPROTO_IPV6: 41,
  IPPROTO_ROUTING: 43,
  IPPROTO_FRAGMENT: 44,
  IPPROTO_ESP: 50,
  IPPROTO_AH: 51,
  IPPROTO_ICMPV6: 58,
  IPPROTO_NONE: 59,
  IPPROTO_DSTOPTS: 60,
  IPPROTO_ND: 77,
  IPPROTO_ICLFXBM: 78,
  IPPROTO_PIM: 103,
  IPPROTO_PGM: 113,
  IPPROTO_L2TP: 115,
  IPPROTO_SCTP: 132,
  IPPROTO_RAW: 255,
  AI_PASSIVE: 0x1,
  AI_CANONNAME: 0x2,
  AI_NUMERICHOST: 0x4,
  AI_NUMERICSERV: 0x8,
  AI_ALL: 0x100,
  AI_ADDRCONFIG: 0x400,
  AI_V4MAPPED: 0x800,
  NI_NOFQDN: 0x1,
  NI_NUMERICHOST: 0x2,
  NI_NAMEREQD: 0x4,
  NI_NUMERICSERV: 0x8,
  NI_DGRAM: 0x10,
  NI_MAXSERV: 32,
  NI_MAXHOST: 1025,
  ...eaiValues('win32'),
  // The Windows SDK (which CPython is built with) defines EAI_NODATA as EAI_NONAME, so socket.EAI_NODATA is 11001
  // there; getaddrinfo's WSANO_DATA (11004) has no constant of its own.
  EAI_NODATA: 11001,
};

export const PLATFORM_VALUES: Readonly<Record<PlatformRow, Values>> = {
  'linux-glibc': LINUX_VALUES,
  'linux-musl': MUSL_VALUES,
  darwin: DARWIN_VALUES,
  win32: WIN32_VALUES,
};

/** The platform's values and the words that say where they come from (`Linux/glibc`, `Windows (built-in table)`). */
export function platformValues(p: PlatformId): { values: Values; source: string } {
  const row = platformRow(p);
  if (row === null) return { values: LINUX_VALUES, source: `Linux/glibc (NetLens has no table for ${p.os}-${p.arch}${p.os === 'linux' ? ' with this C library' : ''})` };
  return { values: PLATFORM_VALUES[row], source: row === 'linux-glibc' ? PLATFORM_LABELS[row] : `${PLATFORM_LABELS[row]} (NetLens's table from the C headers)` };
}
