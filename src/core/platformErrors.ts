/**
 * getaddrinfo's and gethostby*'s errors as Python prints them on each platform. CPython's socketmodule.c builds a
 * gaierror from `(error, gai_strerror(error))` where the C library has gai_strerror (HAVE_GAI_STRERROR) and from
 * `(error, "getaddrinfo failed")` where it does not — Windows; an herror from `(h_errno, hstrerror(h_errno))` or
 * `(h_errno, "host not found")` — Windows again, where h_errno is WSAGetLastError(). The numbers are each C
 * library's EAI_* and h_errno values (headers: glibc and musl <netdb.h>, macOS <netdb.h>, MinGW-w64 <ws2tcpip.h>
 * and <psdk_inc/_wsa_errnos.h>); the texts are glibc's and musl's gai_strerror/hstrerror tables and the
 * gai_strerror of Apple's Libinfo. The native addon reports the running C library's own numbers and texts; these
 * tables serve the dns.lookup fallback, errors decided in TypeScript, and the names of the addon's numbers.
 */
import type { PlatformRow } from './platform';

/** socketmodule.c's texts where the C library has no gai_strerror / hstrerror. */
const WIN32_GAI_TEXT = 'getaddrinfo failed';
const WIN32_H_TEXT = 'host not found';

export interface ErrorEntry {
  errno: number;
  message: string;
}

/** EAI_* name → value and text, per platform. */
export const EAI_TABLES: Readonly<Record<PlatformRow, Readonly<Record<string, ErrorEntry>>>> = {
  'linux-glibc': {
    EAI_BADFLAGS: { errno: -1, message: 'Bad value for ai_flags' },
    EAI_NONAME: { errno: -2, message: 'Name or service not known' },
    EAI_AGAIN: { errno: -3, message: 'Temporary failure in name resolution' },
    EAI_FAIL: { errno: -4, message: 'Non-recoverable failure in name resolution' },
    EAI_NODATA: { errno: -5, message: 'No address associated with hostname' },
    EAI_FAMILY: { errno: -6, message: 'ai_family not supported' },
    EAI_SOCKTYPE: { errno: -7, message: 'ai_socktype not supported' },
    EAI_SERVICE: { errno: -8, message: 'Servname not supported for ai_socktype' },
    EAI_ADDRFAMILY: { errno: -9, message: 'Address family for hostname not supported' },
    EAI_MEMORY: { errno: -10, message: 'Memory allocation failure' },
    EAI_SYSTEM: { errno: -11, message: 'System error' },
    EAI_OVERFLOW: { errno: -12, message: 'Argument buffer overflow' },
  },
  // musl's src/network/gai_strerror.c; EAI_NODATA and EAI_ADDRFAMILY exist under _GNU_SOURCE (as Python builds),
  // but musl's getaddrinfo never returns them and gai_strerror has no text of its own for -9 (nor, before musl
  // gave -5 "Name has no usable address", for -5: older releases say "Unknown error" there).
  'linux-musl': {
    EAI_BADFLAGS: { errno: -1, message: 'Invalid flags' },
    EAI_NONAME: { errno: -2, message: 'Name does not resolve' },
    EAI_AGAIN: { errno: -3, message: 'Try again' },
    EAI_FAIL: { errno: -4, message: 'Non-recoverable error' },
    EAI_NODATA: { errno: -5, message: 'Name has no usable address' },
    EAI_FAMILY: { errno: -6, message: 'Unrecognized address family or invalid length' },
    EAI_SOCKTYPE: { errno: -7, message: 'Unrecognized socket type' },
    EAI_SERVICE: { errno: -8, message: 'Unrecognized service' },
    EAI_ADDRFAMILY: { errno: -9, message: 'Unknown error' },
    EAI_MEMORY: { errno: -10, message: 'Out of memory' },
    EAI_SYSTEM: { errno: -11, message: 'System error' },
    EAI_OVERFLOW: { errno: -12, message: 'Overflow' },
  },
  // Apple's Libinfo gai_strerror (not FreeBSD's texts, which differ for EAI_NODATA, EAI_SYSTEM and the last three).
  darwin: {
    EAI_ADDRFAMILY: { errno: 1, message: 'Address family for nodename not supported' },
    EAI_AGAIN: { errno: 2, message: 'Temporary failure in name resolution' },
    EAI_BADFLAGS: { errno: 3, message: 'Invalid value for ai_flags' },
    EAI_FAIL: { errno: 4, message: 'Non-recoverable failure in name resolution' },
    EAI_FAMILY: { errno: 5, message: 'ai_family not supported' },
    EAI_MEMORY: { errno: 6, message: 'Memory allocation failure' },
    EAI_NODATA: { errno: 7, message: 'No address associated with nodename' },
    EAI_NONAME: { errno: 8, message: 'nodename nor servname provided, or not known' },
    EAI_SERVICE: { errno: 9, message: 'servname not supported for ai_socktype' },
    EAI_SOCKTYPE: { errno: 10, message: 'ai_socktype not supported' },
    EAI_SYSTEM: { errno: 11, message: 'System error' },
    EAI_BADHINTS: { errno: 12, message: 'Bad hints' },
    EAI_PROTOCOL: { errno: 13, message: 'ai_protocol not supported' },
    EAI_OVERFLOW: { errno: 14, message: 'argument buffer overflow' },
  },
  // Winsock's codes (WSAHOST_NOT_FOUND 11001, WSATRY_AGAIN 11002, WSANO_RECOVERY 11003, WSANO_DATA 11004, WSAEINVAL
  // 10022, WSAEAFNOSUPPORT 10047, WSAESOCKTNOSUPPORT 10044, WSATYPE_NOT_FOUND 10109, ERROR_NOT_ENOUGH_MEMORY 8);
  // Python has no gai_strerror there, so every text is the same. getaddrinfo does return WSANO_DATA (a name with no
  // address), named EAI_NODATA here although the Windows SDK defines the constant EAI_NODATA as EAI_NONAME (11001).
  win32: {
    EAI_NONAME: { errno: 11001, message: WIN32_GAI_TEXT },
    EAI_AGAIN: { errno: 11002, message: WIN32_GAI_TEXT },
    EAI_FAIL: { errno: 11003, message: WIN32_GAI_TEXT },
    EAI_NODATA: { errno: 11004, message: WIN32_GAI_TEXT },
    EAI_BADFLAGS: { errno: 10022, message: WIN32_GAI_TEXT },
    EAI_SOCKTYPE: { errno: 10044, message: WIN32_GAI_TEXT },
    EAI_FAMILY: { errno: 10047, message: WIN32_GAI_TEXT },
    EAI_SERVICE: { errno: 10109, message: WIN32_GAI_TEXT },
    EAI_MEMORY: { errno: 8, message: WIN32_GAI_TEXT },
  },
};

/** h_errno value → name and the text Python's herror carries, per platform. */
export const H_ERRNO_TABLES: Readonly<Record<PlatformRow, Readonly<Record<number, { code: string; message: string }>>>> = {
  'linux-glibc': {
    1: { code: 'HOST_NOT_FOUND', message: 'Unknown host' },
    2: { code: 'TRY_AGAIN', message: 'Host name lookup failure' },
    3: { code: 'NO_RECOVERY', message: 'Unknown server error' },
    4: { code: 'NO_DATA', message: 'No address associated with name' },
  },
  // musl's src/network/hstrerror.c.
  'linux-musl': {
    1: { code: 'HOST_NOT_FOUND', message: 'Host not found' },
    2: { code: 'TRY_AGAIN', message: 'Try again' },
    3: { code: 'NO_RECOVERY', message: 'Non-recoverable error' },
    4: { code: 'NO_DATA', message: 'Address not available' },
  },
  // libinfo's hstrerror (the BSD texts, glibc kept the same ones).
  darwin: {
    1: { code: 'HOST_NOT_FOUND', message: 'Unknown host' },
    2: { code: 'TRY_AGAIN', message: 'Host name lookup failure' },
    3: { code: 'NO_RECOVERY', message: 'Unknown server error' },
    4: { code: 'NO_DATA', message: 'No address associated with name' },
  },
  // <winsock2.h>: HOST_NOT_FOUND is WSAHOST_NOT_FOUND and so on; Python has no hstrerror there.
  win32: {
    11001: { code: 'HOST_NOT_FOUND', message: WIN32_H_TEXT },
    11002: { code: 'TRY_AGAIN', message: WIN32_H_TEXT },
    11003: { code: 'NO_RECOVERY', message: WIN32_H_TEXT },
    11004: { code: 'NO_DATA', message: WIN32_H_TEXT },
  },
};

/**
 * Where CPython has neither gai_strerror nor hstrerror (Windows), every gaierror and herror carries one fixed text,
 * whatever the C library would say: the addon's FormatMessage text is then replaced by these. Null: the C library's
 * own text is Python's.
 */
export const PYTHON_FIXED_TEXTS: Readonly<Record<PlatformRow, { gai: string; h: string } | null>> = {
  'linux-glibc': null,
  'linux-musl': null,
  darwin: null,
  win32: { gai: WIN32_GAI_TEXT, h: WIN32_H_TEXT },
};

/**
 * The OSError Python raises on Windows for a Winsock error: errno from CPython's winerror_to_errno (PC/errmap.h:
 * Winsock codes are their own errno, except the six that mirror C's: WSAEINTR, WSAEBADF, WSAEACCES, WSAEFAULT,
 * WSAEINVAL and WSAEMFILE, which are 10000 + EINTR, …), the text FormatMessage gives, printed as `[WinError N] …`.
 */
export function winsockOSError(winerror: number, message: string): { kind: 'OSError'; errno: number; code: null; message: string; winerror: number } {
  const mirrorsC = [10004, 10009, 10013, 10014, 10022, 10024].includes(winerror);
  return { kind: 'OSError', errno: mirrorsC ? winerror - 10000 : winerror, code: null, message: message.trim(), winerror };
}
