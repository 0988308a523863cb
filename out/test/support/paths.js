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

// test/support/paths.ts
var paths_exports = {};
__export(paths_exports, {
  CLI_JS: () => CLI_JS,
  HELPER_JS: () => HELPER_JS,
  REPO_ROOT: () => REPO_ROOT
});
module.exports = __toCommonJS(paths_exports);
var fs = __toESM(require("fs"));
var path = __toESM(require("path"));
var REPO_ROOT = findRoot(__dirname);
function findRoot(start) {
  let dir = start;
  while (!fs.existsSync(path.join(dir, "package.json")) || !fs.existsSync(path.join(dir, "esbuild.js"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${start}`);
    dir = parent;
  }
  return dir;
}
var HELPER_JS = path.join(REPO_ROOT, "dist", "helper.js");
var CLI_JS = path.join(REPO_ROOT, "dist", "cli.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CLI_JS,
  HELPER_JS,
  REPO_ROOT
});
//# sourceMappingURL=paths.js.map
