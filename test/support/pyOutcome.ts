import { ResolverFailure } from '../../src/core/resolverError';

/** A call's outcome in the shape pythonBatch's `call(f)` prints: the value, or Python's [kind, errno, message]. */
export type PyOutcome<T = string> = [ok: true, value: T] | [ok: false, error: [kind: string, errno: number | null, message: string]];

/** Python's side of PyOutcome: `call(lambda: ...)` in a pythonBatch script. */
export const PY_CALL = `
def call(f):
    try: return [True, f()]
    except Exception as e: return [False, err(e)]
`;

/**
 * NetLens' outcome in the same shape. Only the typed, user-facing ResolverFailure counts as an answer: any other
 * exception (TypeError, RangeError, ...) escapes and fails the test, which is the "no exception escapes" property.
 */
export function ours<T>(call: () => T): PyOutcome<T> {
  try {
    return [true, call()];
  } catch (e) {
    if (e instanceof ResolverFailure) return [false, [e.info.kind, e.info.errno, e.info.message]];
    throw e;
  }
}

/** The inputs whose outcomes differ, for an assertion message that shows the first few. */
export function differences<I, T>(inputs: readonly I[], expected: readonly PyOutcome<T>[], mine: (input: I) => PyOutcome<T>): { input: I; python: PyOutcome<T>; netlens: PyOutcome<T> }[] {
  return inputs.map((input, k) => ({ input, python: expected[k], netlens: mine(input) })).filter((d) => JSON.stringify(d.python) !== JSON.stringify(d.netlens));
}
