// Entry point of the in-editor tests that run in an UNTRUSTED workspace (a second editor start with workspace
// trust left on; nobody answers the trust dialog, so the folder opens in Restricted Mode). The runner in
// ../suite/index.ts picks up every *.test.js next to the bundle it is compiled into, i.e. this folder.
export { run } from '../suite/index';
