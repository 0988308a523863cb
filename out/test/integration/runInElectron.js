"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// test/integration/runInElectron.ts
var fs = __toESM(require("fs"));
var path = __toESM(require("path"));
var import_test_electron = require("@vscode/test-electron");
var VSCODE_VERSION = "1.139.1";
function findRepoRoot(start) {
  let dir = start;
  for (; ; ) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      const name = JSON.parse(fs.readFileSync(pkg, "utf8")).name;
      if (name === "netlens") return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no NetLens package.json above ${start}`);
    dir = parent;
  }
}
function defaultWorkspace(root) {
  const demo = path.join(root, "demo");
  return fs.existsSync(demo) ? demo : path.join(root, "test", "fixtures", "workspace");
}
async function main() {
  const root = findRepoRoot(__dirname);
  const workspace = path.resolve(process.argv[2] ?? defaultWorkspace(root));
  const passThrough = ["NETLENS_DNS_FIXTURE", "NETLENS_DNS_FIXTURE_LOG", "NETLENS_TEST_NETNS"];
  const extensionTestsEnv = {};
  for (const k of passThrough) {
    const v = process.env[k];
    if (v !== void 0) extensionTestsEnv[k] = v;
  }
  const exitCode = await (0, import_test_electron.runTests)({
    version: VSCODE_VERSION,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, "out", "test", "integration", "suite", "index.js"),
    extensionTestsEnv,
    launchArgs: [workspace, "--disable-extensions"]
  });
  if (exitCode !== 0) throw new Error(`VS Code exited with ${exitCode}`);
}
main().catch((err) => {
  console.error("Integration tests (Electron) failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
//# sourceMappingURL=runInElectron.js.map
