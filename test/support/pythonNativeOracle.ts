// python3's socket module as the oracle of the native resolver addon: the same C library calls, made by CPython.
// Shared by the addon's own test (test/unit/nativeResolver.test.ts) and the musl harness test
// (test/targets/muslHarness.test.ts), which compares musl's answers with these and names every difference.
import { execFileSync, spawnSync } from 'node:child_process';

let pythonAvailable: boolean | undefined;
export function hasPython(): boolean {
  pythonAvailable ??= spawnSync('python3', ['-c', 'import socket, json, ctypes'], { stdio: 'ignore' }).status === 0;
  return pythonAvailable;
}

/** Skips the current test when there is no python3 to compare with. */
export function needPython(ctx: Mocha.Context): void {
  if (!hasPython()) ctx.skip();
}

const PY_PRELUDE = `
import socket, json, sys
def rows(res):
    out = []
    for family, socktype, proto, canonname, sa in res:
        out.append({
            'family': int(family), 'socktype': int(socktype), 'protocol': proto, 'canonname': canonname,
            'address': sa[0].split('%')[0], 'port': sa[1],
            'flowinfo': sa[2] if len(sa) > 2 else 0, 'scopeId': sa[3] if len(sa) > 3 else 0,
        })
    return out
def gai(fn):
    try:
        return {'ok': fn()}
    except socket.gaierror as e:
        return {'code': e.errno, 'message': e.strerror}
def out(value):
    print(json.dumps(value))
`;

/** Runs a python3 snippet (no shell) that calls out(value) once; returns the value. */
export function python<T>(snippet: string): T {
  const text = execFileSync('python3', ['-c', `${PY_PRELUDE}\n${snippet}`], { encoding: 'utf8' });
  return JSON.parse(text) as T;
}

export type PyGai<T> = { ok: T } | { code: number; message: string };
