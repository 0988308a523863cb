/**
 * The NetLens scanner: URLs, host names and IP literals in code and config, for editors (line by line, visible
 * ranges) and the `netlens scan` command. Pure TypeScript: no Node or VS Code APIs.
 *
 *     scanLine('DATABASE_URL=postgres://app@db.internal:5432/app', 0)
 *     // [{ kind: 'url', text: 'postgres://app@db.internal:5432/app', host: 'db.internal', explicitPort: '5432', ... }]
 */
import { AotHostScanner, useAotModule, type AotImports } from './aotScanner';
import { HostScanner } from './hostScanner';
import type { HostMatch, ScanOptions } from './types';

export { HostScanner } from './hostScanner';
export { countLineEnds, TextLines } from './textLines';
export { BUILTIN_PRIVATE_SUFFIXES } from './suffixRules';
export type { HostMatch, HostMatchKind, HostOnlyMatch, MatchContext, NetworkMatch, ScanOptions, UrlMatch } from './types';
export { isHostToResolve } from './types';

/** Scanners by private-suffix list, so that repeated calls with the same setting reuse one compiled scanner. */
const scanners = new Map<string, HostScanner>();

/**
 * Scans through the ahead-of-time module (native/scanner compiled to wasm32, aotScanner.ts) from now on, or with the
 * TypeScript only (null). The matches are the same either way.
 */
export function useAotScanner(module: WebAssembly.Module | null, imports: AotImports | null = null): void {
  useAotModule(module, imports);
  scanners.clear();
}

/** A scanner: through the ahead-of-time module when one is registered and it takes the options, else TypeScript. */
export function createScanner(options: ScanOptions = {}): HostScanner {
  return AotHostScanner.create(options) ?? new HostScanner(options);
}

function scannerFor(options: ScanOptions | undefined): HostScanner {
  const key = (options?.privateSuffixes ?? []).join('\n');
  let scanner = scanners.get(key);
  if (!scanner) {
    if (scanners.size >= 16) scanners.clear();
    scanner = createScanner(options);
    scanners.set(key, scanner);
  }
  return scanner;
}

/** The matches in one line of text; `lineNumber` is copied into each match. */
export function scanLine(text: string, lineNumber = 0, options?: ScanOptions): HostMatch[] {
  return scannerFor(options).scanLine(text, lineNumber);
}

/** The matches in a whole text, with 0-based line numbers and UTF-16 offsets within each line. */
export function scanText(text: string, options?: ScanOptions): HostMatch[] {
  return scannerFor(options).scanText(text);
}

/** The matches of lines [startLine, endLine) read through `lineAt` (an editor's visible range). */
export function scanLines(lineAt: (line: number) => string, startLine: number, endLine: number, options?: ScanOptions): HostMatch[] {
  return scannerFor(options).scanLines(lineAt, startLine, endLine);
}
