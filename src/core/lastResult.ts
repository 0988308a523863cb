/**
 * `fn` that gives back its last result while it is called with the same arguments (compared with ===; strings by
 * value). For parsers of system files that one request calls several times over the same text: the helper's
 * `explain` parses /etc/nsswitch.conf once for its skeleton and once per source asked: parsing it and the hosts file
 * over and over was 26 of the 87 KiB of garbage one explain left in V8's heap (sampling heap profiler). The result is frozen, all the way down, because every caller
 * shares it: a caller that changed it would change the next caller's answer, and now throws instead.
 */
export function lastResult<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.result;
    const result = deepFreeze(fn(...args));
    last = { args, result };
    return result;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
