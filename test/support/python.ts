import { execFileSync, spawnSync } from 'child_process';

let available: boolean | undefined;

/** True when python3 can be run; oracle tests skip cleanly otherwise. */
export function hasPython(): boolean {
  available ??= spawnSync('python3', ['-c', 'import socket'], { stdio: 'ignore' }).status === 0;
  return available;
}

/**
 * Runs a python3 snippet that prints one JSON document and returns it parsed. The snippet gets `socket` and
 * `json` imported, and a helper `err(e)` that turns an exception into {"kind","errno","message"}.
 */
export function python<T>(snippet: string): T {
  const prelude = [
    'import socket, json, sys',
    'def err(e):',
    '    kind = type(e).__name__',
    "    errno = e.args[0] if isinstance(e, OSError) and len(e.args) > 1 and isinstance(e.args[0], int) else None",
    '    message = e.args[1] if errno is not None else str(e)',
    "    return {'kind': kind, 'errno': errno, 'message': message}",
  ].join('\n');
  const out = execFileSync('python3', ['-c', `${prelude}\n${snippet}`], { encoding: 'utf8' });
  return JSON.parse(out) as T;
}
