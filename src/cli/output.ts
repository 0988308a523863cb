import { errorJson, formatAsPythonException, ResolverFailure } from '../core/resolverError';
import type { CliAnswer, CliIo } from './command';

/** Exit codes of the CLI contract: 0 answered, 1 Python would have raised, 2 bad usage. */
export const EXIT_OK = 0;
export const EXIT_PYTHON_ERROR = 1;
export const EXIT_USAGE = 2;

/** Prints an answer; errors always go to stderr as Python's last traceback line, and also as JSON with --json. */
export async function printAnswer(answer: CliAnswer, json: boolean, io: CliIo): Promise<number> {
  if (!answer.ok) {
    if (json) io.out(JSON.stringify({ error: errorJson(answer.error) }));
    // Python's last traceback line; NetLens' own kinds get exception-like names too ("TimeoutError: ...").
    io.err(formatAsPythonException(answer.error));
    return EXIT_PYTHON_ERROR;
  }
  if ('writeJson' in answer) {
    if (!json) throw new Error('a streamed answer is only for --json');
    try {
      await answer.writeJson((chunk) => io.write(chunk));
    } catch (err) {
      if (!(err instanceof ResolverFailure)) throw err;
      // Part of the answer is out already: end its line, and say why it stops (stdout is not valid JSON then).
      await io.write('\n');
      io.err(formatAsPythonException(err.info));
      return EXIT_PYTHON_ERROR;
    }
    await io.write('\n');
  } else if (json) io.out(JSON.stringify(answer.json));
  else for (const line of answer.human) io.out(line);
  return EXIT_OK;
}

/**
 * A writer with backpressure: resolves once the stream no longer holds the chunk (its memory may then be reused:
 * `scan --json` writes views of the scanner module's memory) and takes more — at once when the stream wrote it
 * through (stdout to a file or, on Linux, a pipe), else after the write's callback, and after 'drain' when it is
 * full. Fails if the stream closes or errors first (on stdout, main.ts turns EPIPE into a quiet exit before that).
 */
export function streamWriter(stream: NodeJS.WritableStream & { readonly writableLength?: number }): (chunk: string | Uint8Array) => Promise<void> {
  return (chunk) => {
    let written = false;
    let writeError: unknown;
    let onWritten: (() => void) | null = null;
    const more = stream.write(chunk, (err?: unknown) => {
      written = true;
      writeError = err ?? undefined;
      onWritten?.();
    });
    // Nothing buffered: the chunk went to the stream's file descriptor within write() (a string: no memory to reuse).
    if (more && (typeof chunk === 'string' || stream.writableLength === 0)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let drained = more;
      const done = (err?: unknown): void => {
        stream.off('drain', onDrain);
        stream.off('close', onClose);
        stream.off('error', onError);
        onWritten = null;
        if (err === undefined) resolve();
        else reject(err instanceof Error ? err : new Error('the output stream failed'));
      };
      const check = (): void => {
        if (writeError !== undefined) done(writeError);
        else if (drained && (written || typeof chunk === 'string')) done();
      };
      const onDrain = (): void => {
        drained = true;
        check();
      };
      const onClose = (): void => done(new Error('the output stream closed before the answer was written'));
      const onError = (err: unknown): void => done(err);
      onWritten = check;
      stream.on('drain', onDrain);
      stream.on('close', onClose);
      stream.on('error', onError);
      check();
    });
  };
}

/** Aligns rows of cells into columns (the human form of tabular answers). */
export function table(rows: readonly (readonly string[])[], header?: readonly string[]): string[] {
  const all = header ? [header, ...rows] : rows;
  const widths: number[] = [];
  for (const row of all) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const line = (row: readonly string[]): string => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return all.map(line);
}
