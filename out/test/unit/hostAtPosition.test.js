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

// test/unit/hostAtPosition.test.ts
var assert = __toESM(require("node:assert/strict"));

// src/core/hostAtPosition.ts
var TOKEN_CHAR = /[A-Za-z0-9._~%:@[\]/+-]/;
function tokenAt(line, offset) {
  let start = Math.min(Math.max(offset, 0), line.length);
  let end = start;
  while (start > 0 && TOKEN_CHAR.test(line[start - 1])) start--;
  while (end < line.length && TOKEN_CHAR.test(line[end])) end++;
  return line.slice(start, end);
}
function hostFromToken(token) {
  let t = token.trim().replace(/[.:]+$/, "");
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(t);
  if (scheme) t = t.slice(scheme[0].length).split(/[/?#]/, 1)[0];
  else t = t.split("/", 1)[0];
  const at = t.lastIndexOf("@");
  if (at >= 0) t = t.slice(at + 1);
  const bracketed = /^\[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\](?::\d+)?$/.exec(t);
  if (bracketed) return bracketed[1];
  if ((t.match(/:/g) ?? []).length >= 2) return /^[0-9A-Fa-f:.]+(%[\w.-]+)?$/.test(t) ? t : null;
  t = t.replace(/:\d*$/, "");
  return /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/.test(t) && !/\.\./.test(t) ? t : null;
}
function hostAtPosition(line, offset) {
  return hostFromToken(tokenAt(line, offset));
}

// test/unit/hostAtPosition.test.ts
describe("host under the cursor (pre-fill of Resolve Hostname\u2026)", () => {
  const cases = [
    ["DATABASE_URL=postgres://app:secret@db.internal:5432/app", "db.internal", "db.internal"],
    ['fetch("https://api.example.com/v1/users?id=3")', "example", "api.example.com"],
    ["  proxy_pass http://[2001:db8::10]:8080/;", "2001", "2001:db8::10"],
    ["ping fe80::1%eth0 now", "fe80", "fe80::1%eth0"],
    ["ssh deploy@build-01.corp", "build", "build-01.corp"],
    ["redis = 10.0.0.7:6379", "10.0", "10.0.0.7"],
    ["See db.internal.", "db.", "db.internal"],
    ["x = a..b", "a..", null],
    ["   ", " ", null]
  ];
  for (const [line, marker, expected] of cases) {
    it(`${JSON.stringify(line)} \u2192 ${String(expected)}`, () => {
      const offset = line.indexOf(marker) + 1;
      assert.equal(hostAtPosition(line, offset), expected);
    });
  }
  it("keeps a typed host that is already bare, and takes the host out of a pasted URL", () => {
    assert.equal(hostFromToken("localhost"), "localhost");
    assert.equal(hostFromToken("https://user:pw@[::1]:8443/path#frag"), "::1");
    assert.equal(hostFromToken("mongodb+srv://cluster0.example.net/db"), "cluster0.example.net");
  });
});
//# sourceMappingURL=hostAtPosition.test.js.map
