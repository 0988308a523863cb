/**
 * How CPython's argument parsing turns Python values into C arguments, for the errors it raises before the C
 * library is even called. Shared by the socket functions NetLens mirrors.
 */
import { ResolverFailure } from './resolverError';

function pyError(kind: 'ValueError' | 'OverflowError', message: string): ResolverFailure {
  return new ResolverFailure({ kind, errno: null, code: null, message });
}

/** The "s" format: a str becomes a C string, so an embedded NUL is a ValueError. */
export function checkNoNul(text: string): void {
  if (text.includes('\0')) throw pyError('ValueError', 'embedded null character');
}

const LONG_MAX = (1n << 63n) - 1n;
const INT_MAX = (1n << 31n) - 1n;

/** The "i" format: a Python int to a C int, with CPython's OverflowError texts for values that do not fit. */
export function toCInt(value: bigint): number {
  if (value > LONG_MAX || value < -LONG_MAX - 1n) throw pyError('OverflowError', 'Python int too large to convert to C long');
  if (value > INT_MAX) throw pyError('OverflowError', 'signed integer is greater than maximum');
  if (value < -INT_MAX - 1n) throw pyError('OverflowError', 'signed integer is less than minimum');
  return Number(value);
}
