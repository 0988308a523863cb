"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// test/support/python.ts
var python_exports = {};
__export(python_exports, {
  hasPython: () => hasPython,
  python: () => python
});
module.exports = __toCommonJS(python_exports);
var import_child_process = require("child_process");
var available;
function hasPython() {
  available ??= (0, import_child_process.spawnSync)("python3", ["-c", "import socket"], { stdio: "ignore" }).status === 0;
  return available;
}
function python(snippet) {
  const prelude = [
    "import socket, json, sys",
    "def err(e):",
    "    kind = type(e).__name__",
    "    errno = e.args[0] if isinstance(e, OSError) and len(e.args) > 1 and isinstance(e.args[0], int) else None",
    "    message = e.args[1] if errno is not None else str(e)",
    "    return {'kind': kind, 'errno': errno, 'message': message}"
  ].join("\n");
  const out = (0, import_child_process.execFileSync)("python3", ["-c", `${prelude}
${snippet}`], { encoding: "utf8" });
  return JSON.parse(out);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  hasPython,
  python
});
//# sourceMappingURL=python.js.map
