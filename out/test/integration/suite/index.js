"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// test/integration/suite/index.ts
var index_exports = {};
__export(index_exports, {
  RESULT_PREFIX: () => RESULT_PREFIX,
  run: () => run
});
module.exports = __toCommonJS(index_exports);
var fs = __toESM(require("fs"));
var path = __toESM(require("path"));
var RESULT_PREFIX = "NETLENS_INTEGRATION_RESULT ";
function loadMocha() {
  const m = require("mocha");
  const ctor = typeof m === "function" ? m : m.Mocha ?? m.default;
  if (typeof ctor !== "function") throw new Error('could not find the Mocha constructor in require("mocha")');
  return ctor;
}
async function run() {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 6e4, reporter: "spec" });
  const testsRoot = __dirname;
  const files = fs.readdirSync(testsRoot).filter((f) => f.endsWith(".test.js")).sort();
  for (const f of files) mocha.addFile(path.join(testsRoot, f));
  const result = { passed: 0, failed: 0, failures: [] };
  if (files.length === 0) {
    result.failed = 1;
    result.failures.push(`no *.test.js files in ${testsRoot}`);
  } else {
    await new Promise((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on("pass", () => {
        result.passed++;
      });
      runner.on("fail", (test, err) => {
        result.failed++;
        const message = err instanceof Error ? err.message : String(err);
        result.failures.push(`${test.fullTitle()}: ${message}`);
      });
    });
  }
  console.log(`${result.passed} passed, ${result.failed} failed (in-editor integration tests)`);
  console.log(RESULT_PREFIX + JSON.stringify(result));
  if (result.failed > 0) {
    throw new Error(`${result.failed} integration test(s) failed`);
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  RESULT_PREFIX,
  run
});
//# sourceMappingURL=index.js.map
