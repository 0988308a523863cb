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

// test/integration/suite/smoke.test.ts
var assert = __toESM(require("assert"));
var vscode = __toESM(require("vscode"));
var EXTENSION_ID = "netlens.netlens";
describe("NetLens smoke (in the editor)", () => {
  let extension;
  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repository root?)`);
    extension = found;
    await extension.activate();
  });
  it("is active", () => {
    assert.strictEqual(extension.isActive, true);
  });
  it("registers the netlens.resolveHostname command", async () => {
    const commands2 = await vscode.commands.getCommands(true);
    assert.ok(commands2.includes("netlens.resolveHostname"), "netlens.resolveHostname is not registered");
  });
  it("contributes its commands under the NetLens category", () => {
    const pkg = extension.packageJSON;
    const contributed = pkg.contributes?.commands ?? [];
    const resolve = contributed.find((c) => c.command === "netlens.resolveHostname");
    assert.ok(resolve, "package.json does not contribute netlens.resolveHostname");
    assert.strictEqual(resolve.category, "NetLens");
  });
});
//# sourceMappingURL=smoke.test.js.map
