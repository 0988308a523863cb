import { formatAsPythonException, formatResolverError, type ResolverErrorInfo } from '../core/resolverError';
import type { CliAnswer, CliIo } from './command';

/** Exit codes of the CLI contract: 0 answered, 1 Python would have raised, 2 bad usage. */
export const EXIT_OK = 0;
export const EXIT_PYTHON_ERROR = 1;
export const EXIT_USAGE = 2;

/** `{"error":{"type":"gaierror","errno":-2,"message":"[Errno -2] Name or service not known"}}` */
export function errorJson(error: ResolverErrorInfo): { error: { type: string; errno: number | null; message: string } } {
  return { error: { type: error.kind, errno: error.errno, message: formatResolverError(error) } };
}

/** Prints an answer; errors always go to stderr as Python's last traceback line, and also as JSON with --json. */
export function printAnswer(answer: CliAnswer, json: boolean, io: CliIo): number {
  if (!answer.ok) {
    if (json) io.out(JSON.stringify(errorJson(answer.error)));
    // Python's last traceback line; NetLens' own kinds get exception-like names too ("TimeoutError: ...").
    io.err(formatAsPythonException(answer.error));
    return EXIT_PYTHON_ERROR;
  }
  if (json) io.out(JSON.stringify(answer.json));
  else for (const line of answer.human) io.out(line);
  return EXIT_OK;
}

/** Aligns rows of cells into columns (the human form of tabular answers). */
export function table(rows: readonly (readonly string[])[], header?: readonly string[]): string[] {
  const all = header ? [header, ...rows] : rows;
  const widths: number[] = [];
  for (const row of all) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const line = (row: readonly string[]): string => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return all.map(line);
}
