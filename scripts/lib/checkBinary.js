// The release rules for one built addon, applied to what binaryInfo.js read from it. Each rule is why the
// binary would fail to load on a user's machine if it were broken:
//   every target   the format and architecture of its VS Code target; exports napi_register_module_v1 (what
//                  Node's loader calls)
//   Linux glibc    needs no GLIBC_ version newer than 2.28 (VS Code's remote minimum); links only glibc's libraries
//   Linux musl     needs no GLIBC_ version at all; links only musl's libc (and its loader, if it names one)
//   Windows        imports only system DLLs: napi_* are found at run time in the host process image, so no
//                  node.exe / node.lib import, whatever the host is called (Code.exe, VSCodium.exe …)
//   darwin         every undefined symbol but _napi_* / _node_api_* is exported by libSystem (the link used
//                  -undefined dynamic_lookup, which would otherwise hide a libc function macOS lacks until load
//                  time); links only libSystem; darwin-arm64 carries an ad-hoc code signature (arm64 macOS
//                  refuses to map unsigned code)
'use strict';
const { compareVersions } = require('./binaryInfo');
const { MAX_GLIBC } = require('./nativeTargets');

const GLIBC_LIBRARIES = /^(?:libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|ld-linux-(?:x86-64|aarch64)\.so\.[12])$/;
const MUSL_LIBRARIES = /^(?:libc\.so|libc\.musl-(?:x86_64|aarch64)\.so\.1)$/;
const MUSL_INTERPRETER = /^\/lib\/ld-musl-(?:x86_64|aarch64)\.so\.1$/;
/** DLLs every Windows 10/11 has in System32 (or as API sets); anything else would have to ship or be found. */
const WINDOWS_SYSTEM_DLLS = /^(?:kernel32|kernelbase|ntdll|advapi32|ws2_32|msvcrt|ucrtbase|iphlpapi|dnsapi|bcrypt|user32|shell32|ole32|api-ms-win-[a-z0-9-]+)\.dll$/i;
const NAPI_SYMBOL = /^_?(?:napi_|node_api_)/;
const ENTRY = 'napi_register_module_v1';

/**
 * @typedef {import('./binaryInfo').BinaryInfo} BinaryInfo
 * @typedef {import('./nativeTargets').NativeTarget} NativeTarget
 * @typedef {{ problems: string[], newestGlibc: string, signature: string, exportsText: string }} CheckResult
 */

/**
 * @param {BinaryInfo} info
 * @param {NativeTarget} target
 * @param {{ libSystem?: Set<string> }} [context] libSystem's symbols for this arch (darwin targets)
 * @returns {CheckResult}
 */
function checkBinary(info, target, context = {}) {
  const problems = [];
  const { expect } = target;
  if (info.format !== expect.format) problems.push(`format is ${info.format}, ${target.vscodeTarget} needs ${expect.format}`);
  if (info.arch !== expect.arch) problems.push(`architecture is ${info.arch}, ${target.vscodeTarget} needs ${expect.arch}`);
  const entry = info.format === 'Mach-O' ? `_${ENTRY}` : ENTRY;
  if (!info.exports.includes(entry)) problems.push(`does not export ${entry}`);

  const versions = info.glibcVersions || [];
  const newestGlibc = versions.length > 0 ? versions[versions.length - 1] : '';
  if (info.format === 'ELF' && expect.libc === 'glibc') {
    if (newestGlibc && compareVersions(newestGlibc, MAX_GLIBC) > 0) problems.push(`needs GLIBC_${newestGlibc}, newer than GLIBC_${MAX_GLIBC}`);
    const others = info.libraries.filter((l) => !GLIBC_LIBRARIES.test(l));
    if (others.length > 0) problems.push(`links libraries that are not glibc's: ${others.join(', ')}`);
  }
  if (info.format === 'ELF' && expect.libc === 'musl') {
    if (versions.length > 0) problems.push(`needs glibc symbol versions (GLIBC_${versions.join(', GLIBC_')}): a musl binary must need none`);
    const others = info.libraries.filter((l) => !MUSL_LIBRARIES.test(l));
    if (others.length > 0) problems.push(`links libraries that are not musl's: ${others.join(', ')}`);
    if (info.interpreter && !MUSL_INTERPRETER.test(info.interpreter)) problems.push(`interpreter ${info.interpreter} is not musl's`);
  }

  if (info.format === 'PE') {
    for (const imp of info.imports || []) {
      if (!WINDOWS_SYSTEM_DLLS.test(imp.dll)) problems.push(`imports ${imp.dll}${imp.delayLoad ? ' (delay-load)' : ''}, not a Windows system DLL`);
      const napi = imp.functions.filter((f) => NAPI_SYMBOL.test(f));
      if (napi.length > 0) problems.push(`imports ${napi.join(', ')} from ${imp.dll}: napi_* must be found in the host process at run time`);
    }
  }

  let signature = '—';
  if (info.format === 'Mach-O') {
    const missing = context.libSystem ? info.undefinedSymbols.filter((s) => !NAPI_SYMBOL.test(s) && !context.libSystem.has(s)) : [];
    if (!context.libSystem) problems.push('no libSystem symbol list to check the undefined symbols against');
    else if (missing.length > 0) problems.push(`undefined symbols libSystem does not export: ${missing.join(', ')}`);
    const others = info.libraries.filter((l) => l !== '/usr/lib/libSystem.B.dylib');
    if (others.length > 0) problems.push(`links dylibs other than libSystem: ${others.join(', ')}`);
    const cs = info.codeSignature;
    signature = !cs || !cs.present ? 'none' : cs.adhoc ? `ad-hoc${cs.linkerSigned ? ' (linker-signed)' : ''}` : cs.codeDirectoryFlags === undefined ? 'unreadable' : 'signed, not ad-hoc';
    if (expect.arch === 'arm64' && !(cs && cs.adhoc)) problems.push(`darwin-arm64 needs an ad-hoc code signature; found: ${signature}`);
  }

  const extra = info.exports.length - (info.exports.includes(entry) ? 1 : 0);
  const exportsText = `${info.exports.includes(entry) ? entry : `no ${entry}`}${extra > 0 ? ` +${extra}` : ''}`;
  return { problems, newestGlibc: info.format === 'ELF' ? newestGlibc || 'none' : '—', signature, exportsText };
}

module.exports = { checkBinary, WINDOWS_SYSTEM_DLLS };
