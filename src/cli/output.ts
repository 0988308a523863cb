import type { Outcome } from '../core/addrinfo';
import { formatAsPythonException } from '../core/resolverError';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes: 0 answered, 2 the resolver raised (as Python would), 64 bad usage (EX_USAGE). */
export const EXIT_OK = 0;
export const EXIT_RESOLVER_ERROR = 2;
export const EXIT_USAGE = 64;

/** Prints a result (human lines or one JSON document) or the error as Python's exception line. */
export function printOutcome<T>(outcome: Outcome<T>, json: boolean, io: CliIo, human: (value: T) => string[]): number {
  if (json) {
    io.out(JSON.stringify(outcome, null, 2));
    return outcome.ok ? EXIT_OK : EXIT_RESOLVER_ERROR;
  }
  if (!outcome.ok) {
    io.err(formatAsPythonException(outcome.error));
    return EXIT_RESOLVER_ERROR;
  }
  for (const line of human(outcome.value)) io.out(line);
  return EXIT_OK;
}
