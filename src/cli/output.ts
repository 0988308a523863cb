import { errorJson, formatAsPythonException } from '../core/resolverError';
import type { CliAnswer, CliIo } from './command';

/** Exit codes of the CLI contract: 0 answered, 1 Python would have raised, 2 bad usage. */
export const EXIT_OK = 0;
export const EXIT_PYTHON_ERROR = 1;
export const EXIT_USAGE = 2;

/** Prints an answer; errors always go to stderr as Python's last traceback line, and also as JSON with --json. */
export function printAnswer(answer: CliAnswer, json: boolean, io: CliIo): number {
  if (!answer.ok) {
    if (json) io.out(JSON.stringify({ error: errorJson(answer.error) }));
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
