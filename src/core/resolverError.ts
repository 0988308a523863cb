import { EAI_TABLES, H_ERRNO_TABLES, type ErrorEntry } from './platformErrors';
import type { PlatformRow } from './platform';

/**
 * Errors as Python's `socket` module reports them, so that every message NetLens shows can be compared word for
 * word with `python3 -c 'import socket; ...'` (every platform's numbers and texts are in platformErrors.ts).
 */

/** Which Python exception the error corresponds to, plus NetLens' own kinds for the transport. */
export type ResolverErrorKind =
  | 'gaierror' // getaddrinfo/getnameinfo: [Errno -2] Name or service not known
  | 'herror' // gethostbyaddr & co: [Errno 1] Unknown host
  | 'OSError' // argument and system errors: [Errno 97] Address family not supported by protocol
  | 'OverflowError' // e.g. getaddrinfo port out of range
  | 'UnicodeError' // IDNA encoding failures such as an empty label
  | 'UnicodeEncodeError' // an argument Python cannot encode to UTF-8 (a lone surrogate)
  | 'UnicodeDecodeError' // a name from a system file that is not UTF-8
  | 'TypeError'
  | 'ValueError'
  | 'timeout' // NetLens: the helper did not answer within netlens.lookupTimeoutMs
  | 'NotAsked' // NetLens: a name it never sends to DNS (RFC 6761/7686/9476) and no local source answers
  | 'cancelled' // NetLens: the user cancelled a long request (Test Connection)
  | 'helper'; // NetLens: the helper process failed (crashed, could not start, shutting down)

export interface ResolverErrorInfo {
  kind: ResolverErrorKind;
  /** EAI_* value for gaierror, h_errno for herror, errno for OSError; null where Python shows no number. */
  errno: number | null;
  /** Symbolic name when one exists (EAI_NONAME, HOST_NOT_FOUND, ETIMEDOUT, ...). */
  code: string | null;
  /** The C library's own text, e.g. "Name or service not known". */
  message: string;
  /**
   * Windows only: the Winsock error of an OSError (CPython's set_error raises it with PyErr_SetExcFromWindowsErr),
   * which Python prints instead of errno: `[WinError 10047] An address incompatible with …`.
   */
  winerror?: number;
}

/** The text Python prints for the exception, e.g. `[Errno -2] Name or service not known`. */
export function formatResolverError(error: ResolverErrorInfo): string {
  if (error.winerror !== undefined) return `[WinError ${error.winerror}] ${error.message}`;
  return error.errno === null ? error.message : `[Errno ${error.errno}] ${error.message}`;
}

/**
 * An error as NetLens writes it in JSON, everywhere (the CLI's --json, `netlens dns`, the direct-DNS report, Copy
 * as JSON): `{"type":"gaierror","errno":-2,"message":"[Errno -2] Name or service not known"}`.
 */
export interface ErrorJson {
  type: string;
  errno: number | null;
  message: string;
}

export function errorJson(error: ResolverErrorInfo): ErrorJson {
  return { type: error.kind, errno: error.errno, message: formatResolverError(error) };
}

/** `socket.gaierror: [Errno -2] Name or service not known` — what a Python traceback's last line says. */
export function formatAsPythonException(error: ResolverErrorInfo): string {
  const pythonName =
    error.kind === 'gaierror' || error.kind === 'herror' ? `socket.${error.kind}` : error.kind === 'timeout' ? 'TimeoutError' : error.kind === 'helper' ? 'NetLensHelperError' : error.kind;
  return `${pythonName}: ${formatResolverError(error)}`;
}

/**
 * glibc's EAI_* values and gai_strerror texts (the Linux row of core/platformErrors.ts, where the other platforms'
 * are). The native backend reports the platform's own values and texts; the tables are used where no native call
 * is available (the dns.lookup fallback, argument checks done in TypeScript) and are checked against python3 in the
 * unit tests.
 */
export const GLIBC_EAI: Readonly<Record<string, ErrorEntry>> = EAI_TABLES['linux-glibc'];

/** The gaierror Python raises for an EAI_* name on a platform (Linux/glibc unless told). */
export function gaiError(code: string, row: PlatformRow = 'linux-glibc'): ResolverErrorInfo {
  const entry = EAI_TABLES[row][code];
  if (!entry) return { kind: 'gaierror', errno: null, code, message: code };
  return { kind: 'gaierror', errno: entry.errno, code, message: entry.message };
}

/** Looks an EAI value up by number (native errors carry only the number and the text). */
export function gaiCodeName(errno: number, row: PlatformRow = 'linux-glibc'): string | null {
  for (const [name, entry] of Object.entries(EAI_TABLES[row])) if (entry.errno === errno) return name;
  return null;
}

/** glibc h_errno values and hstrerror texts (Python's herror); core/platformErrors.ts has every platform's. */
export const GLIBC_H_ERRNO: Readonly<Record<number, { code: string; message: string }>> = H_ERRNO_TABLES['linux-glibc'];

/** The user stopped a long request (Test Connection): not a failure of anything. */
export function cancelledError(): ResolverErrorInfo {
  return { kind: 'cancelled', errno: null, code: 'ECANCELED', message: 'cancelled' };
}

export function timeoutError(what: string, ms: number): ResolverErrorInfo {
  return {
    kind: 'timeout',
    errno: null,
    code: 'ETIMEDOUT',
    message: `${what} did not answer within ${ms} ms (setting netlens.lookupTimeoutMs); the system resolver may be slow or unreachable`,
  };
}

export function helperError(message: string): ResolverErrorInfo {
  return { kind: 'helper', errno: null, code: null, message };
}

export function isResolverErrorInfo(value: unknown): value is ResolverErrorInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === 'string' && typeof v.message === 'string' && (v.errno === null || typeof v.errno === 'number');
}

/** Carries a ResolverErrorInfo through `throw` (inside the helper's backends) as a real Error. */
export class ResolverFailure extends Error {
  constructor(readonly info: ResolverErrorInfo) {
    super(formatResolverError(info));
    this.name = 'ResolverFailure';
  }
}
