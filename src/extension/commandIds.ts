/**
 * Every command NetLens registers, by id: written once here (package.json contributes the same ids, which
 * test/unit/manifest.test.ts checks), used by the registrations, the hover's links, the trees and the tests.
 */
export const Commands = {
  resolveAtCursor: 'netlens.resolveAtCursor',
  resolveHostname: 'netlens.resolveHostname',
  resolveAllInFile: 'netlens.resolveAllInFile',
  refreshFileHosts: 'netlens.refreshFileHosts',
  reverseLookup: 'netlens.reverseLookup',
  compareResolvers: 'netlens.compareResolvers',
  showGetaddrinfo: 'netlens.showGetaddrinfo',
  testConnection: 'netlens.testConnection',
  copyLookupJson: 'netlens.copyLookupJson',
  lookUpServicePort: 'netlens.lookUpServicePort',
  clearHistory: 'netlens.clearHistory',
  removeHistoryEntry: 'netlens.removeHistoryEntry',
  reresolveHistoryEntry: 'netlens.reresolveHistoryEntry',
  copyHistoryEntry: 'netlens.copyHistoryEntry',
  openHistoryEntry: 'netlens.openHistoryEntry',
  refreshMachine: 'netlens.refreshMachine',
  showThisMachine: 'netlens.showThisMachine',
  restartHelper: 'netlens.restartHelper',
  showLog: 'netlens.showLog',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
