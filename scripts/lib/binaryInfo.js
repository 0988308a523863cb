// Reads what a release check needs from a native addon, in plain JavaScript so that it runs the same on every
// machine (no readelf, objdump, otool or codesign): the format (ELF, PE, Mach-O), the architecture, the exported
// and the undefined symbols, and per format what decides whether the binary loads where it must:
//   ELF     DT_NEEDED libraries, the interpreter, the GLIBC_x.y versions it needs (.gnu.version_r)
//   PE      imported DLLs (plain and delay-load) with their functions, exported names
//   Mach-O  linked dylibs, and the code signature (LC_CODE_SIGNATURE -> CodeDirectory flags, CS_ADHOC)
// Only what our targets produce is read: 64-bit little-endian ELF, PE32+ and thin 64-bit Mach-O. Anything else
// throws an Error that says what it found, so a wrong binary is reported rather than misread.
'use strict';

/** @typedef {'x64' | 'arm64' | `unknown(${string})`} Arch */
/**
 * @typedef {{
 *   format: 'ELF' | 'PE' | 'Mach-O',
 *   arch: Arch,
 *   exports: string[],
 *   undefinedSymbols: string[],
 *   libraries: string[],
 *   interpreter?: string,
 *   glibcVersions?: string[],
 *   imports?: { dll: string, functions: string[], delayLoad: boolean }[],
 *   codeSignature?: { present: boolean, codeDirectoryFlags?: number, adhoc: boolean, linkerSigned: boolean },
 * }} BinaryInfo
 */

/** @param {Buffer} buf @returns {BinaryInfo} */
function inspectBinary(buf) {
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0x7f454c46) return inspectElf(buf);
  if (buf.length >= 2 && buf.toString('latin1', 0, 2) === 'MZ') return inspectPe(buf);
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0xfeedfacf) return inspectMachO(buf);
  if (buf.length >= 4 && [0xcafebabe, 0xfeedface, 0xcefaedfe].includes(buf.readUInt32BE(0))) {
    throw new Error('a fat or 32-bit Mach-O file: the targets are thin 64-bit binaries');
  }
  throw new Error(`not an ELF, PE or Mach-O file (first bytes ${buf.subarray(0, 4).toString('hex')})`);
}

/** NUL-terminated string at `offset` (latin1: symbol and library names are ASCII). */
function cString(buf, offset) {
  if (offset < 0 || offset >= buf.length) throw new Error(`string offset ${offset} outside the file`);
  const end = buf.indexOf(0, offset);
  return buf.toString('latin1', offset, end < 0 ? buf.length : end);
}

/** Compares dotted versions numerically ("2.17" < "2.28" < "2.3.4" is wrong as text, right here). */
function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// ELF (64-bit little-endian)

const ELF_MACHINES = { 62: 'x64', 183: 'arm64' };
const SHT_DYNAMIC = 6;
const SHT_DYNSYM = 11;
const SHT_GNU_VERNEED = 0x6ffffffe;
const PT_INTERP = 3;
const DT_NEEDED = 1;

function inspectElf(buf) {
  if (buf[4] !== 2 || buf[5] !== 1) throw new Error('an ELF file that is not 64-bit little-endian');
  const machine = buf.readUInt16LE(18);
  const phoff = Number(buf.readBigUInt64LE(32));
  const shoff = Number(buf.readBigUInt64LE(40));
  const phentsize = buf.readUInt16LE(54);
  const phnum = buf.readUInt16LE(56);
  const shentsize = buf.readUInt16LE(58);
  const shnum = buf.readUInt16LE(60);

  let interpreter;
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize;
    if (buf.readUInt32LE(p) === PT_INTERP) {
      interpreter = cString(buf, Number(buf.readBigUInt64LE(p + 8)));
    }
  }

  const sections = [];
  for (let i = 0; i < shnum; i++) {
    const s = shoff + i * shentsize;
    sections.push({
      type: buf.readUInt32LE(s + 4),
      offset: Number(buf.readBigUInt64LE(s + 24)),
      size: Number(buf.readBigUInt64LE(s + 32)),
      link: buf.readUInt32LE(s + 40),
      info: buf.readUInt32LE(s + 44),
      entsize: Number(buf.readBigUInt64LE(s + 56)),
    });
  }

  const exports = [];
  const undefinedSymbols = [];
  const dynsym = sections.find((s) => s.type === SHT_DYNSYM);
  if (dynsym) {
    const strtab = sections[dynsym.link];
    const count = dynsym.size / (dynsym.entsize || 24);
    for (let i = 1; i < count; i++) {
      const e = dynsym.offset + i * 24;
      const name = cString(buf, strtab.offset + buf.readUInt32LE(e));
      const bind = buf[e + 4] >> 4; // 1 GLOBAL, 2 WEAK
      const visibility = buf[e + 5] & 3; // 0 DEFAULT, 3 PROTECTED
      const shndx = buf.readUInt16LE(e + 6);
      if (!name || (bind !== 1 && bind !== 2)) continue;
      if (shndx === 0) undefinedSymbols.push(name);
      else if (visibility === 0 || visibility === 3) exports.push(name);
    }
  }

  const libraries = [];
  const dynamic = sections.find((s) => s.type === SHT_DYNAMIC);
  if (dynamic) {
    const strtab = sections[dynamic.link];
    for (let e = dynamic.offset; e + 16 <= dynamic.offset + dynamic.size; e += 16) {
      const tag = Number(buf.readBigInt64LE(e));
      if (tag === 0) break;
      if (tag === DT_NEEDED) libraries.push(cString(buf, strtab.offset + Number(buf.readBigUInt64LE(e + 8))));
    }
  }

  // Every version the binary needs, from any library: GLIBC_2.17, GLIBC_2.28, … (none at all on musl).
  const glibcVersions = new Set();
  for (const verneed of sections.filter((s) => s.type === SHT_GNU_VERNEED)) {
    const strtab = sections[verneed.link];
    let vn = verneed.offset;
    for (let n = 0; n < verneed.info; n++) {
      const cnt = buf.readUInt16LE(vn + 2);
      let aux = vn + buf.readUInt32LE(vn + 8);
      for (let a = 0; a < cnt; a++) {
        const name = cString(buf, strtab.offset + buf.readUInt32LE(aux + 8));
        const m = /^GLIBC_(\d+(?:\.\d+)*)$/.exec(name);
        if (m) glibcVersions.add(m[1]);
        const next = buf.readUInt32LE(aux + 12);
        if (next === 0) break;
        aux += next;
      }
      const next = buf.readUInt32LE(vn + 12);
      if (next === 0) break;
      vn += next;
    }
  }

  return {
    format: 'ELF',
    arch: ELF_MACHINES[machine] || `unknown(${machine})`,
    exports: exports.sort(),
    undefinedSymbols: undefinedSymbols.sort(),
    libraries,
    interpreter,
    glibcVersions: [...glibcVersions].sort(compareVersions),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// PE32+ (Windows)

const PE_MACHINES = { 0x8664: 'x64', 0xaa64: 'arm64' };

function inspectPe(buf) {
  const pe = buf.readUInt32LE(0x3c);
  if (buf.readUInt32BE(pe) !== 0x50450000) throw new Error('an MZ file without a PE header');
  const coff = pe + 4;
  const machine = buf.readUInt16LE(coff);
  const numberOfSections = buf.readUInt16LE(coff + 2);
  const sizeOfOptionalHeader = buf.readUInt16LE(coff + 16);
  const opt = coff + 20;
  if (buf.readUInt16LE(opt) !== 0x20b) throw new Error('a PE file that is not PE32+ (64-bit)');
  const numberOfRvaAndSizes = buf.readUInt32LE(opt + 108);
  const dir = (i) => (i < numberOfRvaAndSizes ? { rva: buf.readUInt32LE(opt + 112 + i * 8), size: buf.readUInt32LE(opt + 116 + i * 8) } : { rva: 0, size: 0 });

  const sections = [];
  for (let i = 0; i < numberOfSections; i++) {
    const s = opt + sizeOfOptionalHeader + i * 40;
    sections.push({
      virtualSize: buf.readUInt32LE(s + 8),
      virtualAddress: buf.readUInt32LE(s + 12),
      rawSize: buf.readUInt32LE(s + 16),
      rawOffset: buf.readUInt32LE(s + 20),
    });
  }
  const offsetOf = (rva) => {
    for (const s of sections) {
      if (rva >= s.virtualAddress && rva < s.virtualAddress + Math.max(s.virtualSize, s.rawSize)) return rva - s.virtualAddress + s.rawOffset;
    }
    throw new Error(`RVA 0x${rva.toString(16)} is in no section`);
  };

  const exports = [];
  const exportDir = dir(0);
  if (exportDir.rva) {
    const e = offsetOf(exportDir.rva);
    const numberOfNames = buf.readUInt32LE(e + 24);
    const names = offsetOf(buf.readUInt32LE(e + 32));
    for (let i = 0; i < numberOfNames; i++) exports.push(cString(buf, offsetOf(buf.readUInt32LE(names + i * 4))));
  }

  /** Names behind a 64-bit thunk table (import lookup table); ordinals as "#n". */
  const thunkNames = (rva) => {
    const out = [];
    if (!rva) return out;
    for (let t = offsetOf(rva); ; t += 8) {
      const v = buf.readBigUInt64LE(t);
      if (v === 0n) break;
      if (v & (1n << 63n)) out.push(`#${Number(v & 0xffffn)}`);
      else out.push(cString(buf, offsetOf(Number(v & 0x7fffffffn)) + 2));
    }
    return out;
  };

  const imports = [];
  const importDir = dir(1);
  if (importDir.rva) {
    for (let d = offsetOf(importDir.rva); ; d += 20) {
      const lookup = buf.readUInt32LE(d);
      const nameRva = buf.readUInt32LE(d + 12);
      const firstThunk = buf.readUInt32LE(d + 16);
      if (nameRva === 0) break;
      imports.push({ dll: cString(buf, offsetOf(nameRva)), functions: thunkNames(lookup || firstThunk), delayLoad: false });
    }
  }
  const delayDir = dir(13);
  if (delayDir.rva) {
    for (let d = offsetOf(delayDir.rva); ; d += 32) {
      const nameRva = buf.readUInt32LE(d + 4);
      if (nameRva === 0) break;
      imports.push({ dll: cString(buf, offsetOf(nameRva)), functions: thunkNames(buf.readUInt32LE(d + 16)), delayLoad: true });
    }
  }

  return {
    format: 'PE',
    arch: PE_MACHINES[machine] || `unknown(0x${machine.toString(16)})`,
    exports: exports.sort(),
    undefinedSymbols: imports.flatMap((i) => i.functions).sort(),
    libraries: imports.map((i) => i.dll),
    imports,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Mach-O (thin, 64-bit, little-endian)

const MACHO_CPUS = { 0x01000007: 'x64', 0x0100000c: 'arm64' };
const LC_SYMTAB = 0x2;
const LC_LOAD_DYLIB = 0xc;
const LC_LOAD_WEAK_DYLIB = 0x80000018;
const LC_REEXPORT_DYLIB = 0x8000001f;
const LC_CODE_SIGNATURE = 0x1d;
const N_STAB = 0xe0;
const N_PEXT = 0x10;
const N_TYPE = 0x0e;
const N_EXT = 0x01;
const N_UNDF = 0x0;
const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
const CSSLOT_CODEDIRECTORY = 0;
const CS_ADHOC = 0x2;
const CS_LINKER_SIGNED = 0x20000;

function inspectMachO(buf) {
  const cputype = buf.readUInt32LE(4);
  const ncmds = buf.readUInt32LE(16);
  let lc = 32;
  const exports = [];
  const undefinedSymbols = [];
  const libraries = [];
  let codeSignature = { present: false, adhoc: false, linkerSigned: false };
  for (let i = 0; i < ncmds; i++) {
    const cmd = buf.readUInt32LE(lc);
    const cmdsize = buf.readUInt32LE(lc + 4);
    if (cmd === LC_SYMTAB) {
      const symoff = buf.readUInt32LE(lc + 8);
      const nsyms = buf.readUInt32LE(lc + 12);
      const stroff = buf.readUInt32LE(lc + 16);
      for (let s = 0; s < nsyms; s++) {
        const e = symoff + s * 16;
        const type = buf[e + 4];
        if (type & N_STAB || !(type & N_EXT)) continue;
        const name = cString(buf, stroff + buf.readUInt32LE(e));
        if ((type & N_TYPE) === N_UNDF) undefinedSymbols.push(name);
        else if (!(type & N_PEXT)) exports.push(name);
      }
    } else if (cmd === LC_LOAD_DYLIB || cmd === LC_LOAD_WEAK_DYLIB || cmd === LC_REEXPORT_DYLIB) {
      libraries.push(cString(buf, lc + buf.readUInt32LE(lc + 8)));
    } else if (cmd === LC_CODE_SIGNATURE) {
      codeSignature = readCodeSignature(buf, buf.readUInt32LE(lc + 8), buf.readUInt32LE(lc + 12));
    }
    lc += cmdsize;
  }
  return {
    format: 'Mach-O',
    arch: MACHO_CPUS[cputype] || `unknown(0x${cputype.toString(16)})`,
    exports: exports.sort(),
    undefinedSymbols: undefinedSymbols.sort(),
    libraries,
    codeSignature,
  };
}

/** The embedded signature's SuperBlob (big-endian, unlike the rest of the file) and its CodeDirectory's flags. */
function readCodeSignature(buf, dataoff, datasize) {
  const none = { present: true, adhoc: false, linkerSigned: false };
  if (datasize < 12 || dataoff + datasize > buf.length || buf.readUInt32BE(dataoff) !== CSMAGIC_EMBEDDED_SIGNATURE) return none;
  const count = buf.readUInt32BE(dataoff + 8);
  for (let i = 0; i < count; i++) {
    const type = buf.readUInt32BE(dataoff + 12 + i * 8);
    const offset = buf.readUInt32BE(dataoff + 16 + i * 8);
    if (type !== CSSLOT_CODEDIRECTORY) continue;
    const cd = dataoff + offset;
    if (buf.readUInt32BE(cd) !== CSMAGIC_CODEDIRECTORY) return none;
    const flags = buf.readUInt32BE(cd + 12);
    return { present: true, codeDirectoryFlags: flags, adhoc: (flags & CS_ADHOC) !== 0, linkerSigned: (flags & CS_LINKER_SIGNED) !== 0 };
  }
  return none;
}

// ---------------------------------------------------------------------------------------------------------------
// macOS's libSystem, as zig ships it (text-based stub, .tbd v4)

/**
 * Every symbol libSystem (and the libraries it re-exports) exports for `arch` ('x86_64' or 'arm64') on macOS.
 * Reads the `exports:`/`reexports:` lists whose `targets:` include `<arch>-macos`: symbols, weak and thread-local.
 * @param {string} text @param {'x86_64' | 'arm64'} arch @returns {Set<string>}
 */
function libSystemSymbols(text, arch) {
  const want = `${arch}-macos`;
  const out = new Set();
  let section = '';
  let targets = [];
  // A flow list `[ a, b, … ]` may continue over several lines: join until the closing bracket.
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const top = /^([a-z-]+):/.exec(line);
    if (top || line.startsWith('---') || line.startsWith('...')) section = top ? top[1] : '';
    if (section !== 'exports' && section !== 'reexports') continue;
    const m = /^\s*(?:- )?\s*(targets|symbols|weak-symbols|thread-local-symbols|objc-classes|objc-eh-types|objc-ivars):\s*\[(.*)$/.exec(line);
    if (!m) continue;
    let body = m[2];
    while (!body.includes(']') && i + 1 < lines.length) body += lines[++i];
    const items = body.slice(0, body.indexOf(']')).split(',').map((s) => s.trim().replace(/^'|'$/g, '')).filter(Boolean);
    if (m[1] === 'targets') targets = items;
    else if (['symbols', 'weak-symbols', 'thread-local-symbols'].includes(m[1]) && targets.includes(want)) items.forEach((s) => out.add(s));
  }
  return out;
}

module.exports = { inspectBinary, libSystemSymbols, compareVersions };
