import type { ResolverClient } from '../client/resolverClient';
import type { ResolverErrorInfo } from '../core/resolverError';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /**
   * Writes raw text or bytes to stdout; resolves once stdout can take more (after 'drain' when write() returned false)
   * and no longer holds the bytes (the caller may reuse their memory then: output.ts's streamWriter).
   */
  write(chunk: string | Uint8Array): Promise<void>;
}

export interface CliContext {
  io: CliIo;
  /** The resolver helper, started on first use (pure commands never start it). */
  client(): ResolverClient;
  /** The script a worker thread runs to scan pieces of a large file (this CLI's bundle), or null: no workers. */
  workerScript: string | null;
  /** A diagnostic line on stderr when NETLENS_DEBUG is set (how a command went about its work); else nothing. */
  debug: (line: string) => void;
}

/**
 * One `netlens <name>` function. `run` returns the answer to print; the shared driver (main.ts) prints it as
 * JSON or as human text, maps errors to exit codes, and never shows a stack trace for a user error.
 */
export interface CliCommand {
  name: string;
  /** One or more usage lines, without the leading "netlens ". */
  usage: string;
  summary: string;
  /** Options that take a value, and switches (`--json` is handled by the driver). */
  valueOptions?: readonly string[];
  switches?: readonly string[];
  run(args: ParsedCommandArgs, ctx: CliContext): Promise<CliAnswer>;
}

export interface ParsedCommandArgs {
  positionals: string[];
  options: Map<string, string>;
  switches: Set<string>;
}

/**
 * What a command answers: `json` is exactly Python's return value as JSON (tuples as arrays, enum members as
 * names) or the documented NetLens shape; `human` is the readable form. Or Python's exception.
 */
export type CliAnswer =
  | { ok: true; json: unknown; human: string[] }
  /**
   * A JSON answer too long to build whole (`netlens scan --json`): `writeJson` writes it piece by piece as it is
   * computed, awaiting each write, and must produce exactly what `JSON.stringify` of the whole value would. Only
   * for `--json`; the driver adds the final newline. It rejects with a ResolverFailure when the answer fails after
   * it started (a read error in the middle of a file): the driver reports it as it reports `ok: false`.
   */
  | { ok: true; writeJson: (write: (chunk: string | Uint8Array) => Promise<void>) => Promise<void> }
  | { ok: false; error: ResolverErrorInfo };

/** Thrown for bad command lines: exit 2 with a usage line. */
export class UsageError extends Error {}
