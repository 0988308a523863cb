type MochaConstructor = typeof import('mocha');

/**
 * mocha 12 is ESM: under Node 24 (code-server's extension host) `require('mocha')` yields the Mocha constructor,
 * under Node 20 / Electron a namespace with Mocha / default.
 */
export function loadMocha(): MochaConstructor {
  const m = require('mocha') as MochaConstructor | { Mocha?: MochaConstructor; default?: MochaConstructor };
  const ctor = typeof m === 'function' ? m : (m.Mocha ?? m.default);
  if (typeof ctor !== 'function') throw new Error('could not find the Mocha constructor in require("mocha")');
  return ctor;
}
