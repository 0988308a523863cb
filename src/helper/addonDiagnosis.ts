/**
 * Whether a file can be the native addon of a target, decided from its header BEFORE it is loaded: the loader maps
 * a binary's segments as its headers describe them, so a truncated copy of a real addon kills the process with
 * SIGBUS when the code past the end is touched (measured: a 3,000-byte head of the 48 KB linux-x64 addon, "Bus
 * error") instead of throwing. The loader's messages also say little a user can act on ("cannot open shared object
 * file" for an arm64 ELF on x64, "file too short", "%1 is not a valid Win32 application"). So: missing, empty, no
 * binary at all, a binary for another system or CPU, or shorter than its own headers say — each said in words; only
 * a file that passes is handed to require().
 */
import * as fs from 'fs';
import type { NativeTarget } from '../core/platform';

type Format = 'ELF' | 'Mach-O' | 'PE';

/** What the first bytes of a binary say it is. */
export interface BinaryHeader {
  format: Format | null;
  /** x64, arm64, or the machine number as found (`machine 0x28`); null when the header is cut before it. */
  arch: string | null;
  /** Bytes the headers say the file has at least (the end of the furthest segment, section or header table). */
  minimumSize: number | null;
}

const ELF_MACHINES: Readonly<Record<number, string>> = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'arm' };
const PE_MACHINES: Readonly<Record<number, string>> = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' };
const MACHO_CPUS: Readonly<Record<number, string>> = { 0x01000007: 'x64', 0x0100000c: 'arm64' };

/** How many bytes of a file readBinaryHeader looks at (every header table of a small addon is within them). */
export const HEADER_BYTES = 64 * 1024;

function elfHeader(b: Buffer): BinaryHeader {
  const is64 = b[4] === 2;
  const little = b[5] === 1;
  const u16 = (o: number): number => (little ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number): number => (little ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const word = (o: number): number => (is64 ? Number(little ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o)) : u32(o));
  const machine = u16(18);
  const arch = ELF_MACHINES[machine] ?? `machine 0x${machine.toString(16)}`;
  const ehsize = is64 ? 64 : 52;
  if (b.length < ehsize) return { format: 'ELF', arch, minimumSize: ehsize };
  const [phoff, shoff] = is64 ? [word(32), word(40)] : [u32(28), u32(32)];
  const [phentsize, phnum, shentsize, shnum] = is64 ? [u16(54), u16(56), u16(58), u16(60)] : [u16(42), u16(44), u16(46), u16(48)];
  let end = Math.max(ehsize, phoff + phentsize * phnum, shnum ? shoff + shentsize * shnum : 0);
  // Every segment's bytes in the file (p_offset + p_filesz), as far as the program headers were read.
  for (let i = 0; i < phnum && phoff + (i + 1) * phentsize <= b.length; i++) {
    const at = phoff + i * phentsize;
    const [offset, filesz] = is64 ? [word(at + 8), word(at + 32)] : [u32(at + 4), u32(at + 16)];
    end = Math.max(end, offset + filesz);
  }
  return { format: 'ELF', arch, minimumSize: end };
}

function peHeader(b: Buffer): BinaryHeader {
  const pe = b.readUInt32LE(0x3c);
  if (b.length < pe + 24 || b.readUInt32BE(pe) !== 0x50450000) return { format: 'PE', arch: null, minimumSize: pe + 24 };
  const machine = b.readUInt16LE(pe + 4);
  const arch = PE_MACHINES[machine] ?? `machine 0x${machine.toString(16)}`;
  const sections = b.readUInt16LE(pe + 6);
  const table = pe + 24 + b.readUInt16LE(pe + 20);
  let end = table + 40 * sections;
  // Each section's raw data (PointerToRawData + SizeOfRawData).
  for (let i = 0; i < sections && table + (i + 1) * 40 <= b.length; i++) end = Math.max(end, b.readUInt32LE(table + i * 40 + 20) + b.readUInt32LE(table + i * 40 + 16));
  return { format: 'PE', arch, minimumSize: end };
}

function machoHeader(b: Buffer): BinaryHeader {
  const cpu = b.readUInt32LE(4);
  const arch = MACHO_CPUS[cpu] ?? `cpu 0x${cpu.toString(16)}`;
  if (b.length < 32) return { format: 'Mach-O', arch, minimumSize: 32 };
  const commands = b.readUInt32LE(16);
  let end = 32 + b.readUInt32LE(20);
  // LC_SEGMENT_64 (0x19): fileoff + filesize of each segment.
  for (let i = 0, at = 32; i < commands && at + 8 <= b.length; i++) {
    const [cmd, size] = [b.readUInt32LE(at), b.readUInt32LE(at + 4)];
    if (cmd === 0x19 && at + 56 <= b.length) end = Math.max(end, Number(b.readBigUInt64LE(at + 40)) + Number(b.readBigUInt64LE(at + 48)));
    if (size === 0) break;
    at += size;
  }
  return { format: 'Mach-O', arch, minimumSize: end };
}

/** Reads the header facts from the start of a file (HEADER_BYTES of it, or all of a shorter one). */
export function readBinaryHeader(bytes: Uint8Array): BinaryHeader {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 20 && b.readUInt32BE(0) === 0x7f454c46) return elfHeader(b);
  if (b.length >= 8 && b.readUInt32LE(0) === 0xfeedfacf) return machoHeader(b);
  // A universal (fat) binary: its slices are checked by the loader, which picks the one for this CPU.
  if (b.length >= 8 && b.readUInt32BE(0) === 0xcafebabe) return { format: 'Mach-O', arch: 'universal', minimumSize: null };
  if (b.length >= 0x40 && b[0] === 0x4d && b[1] === 0x5a) return peHeader(b);
  return { format: null, arch: null, minimumSize: null };
}

const FORMAT_OF: Readonly<Record<string, Format>> = { linux: 'ELF', alpine: 'ELF', darwin: 'Mach-O', win32: 'PE' };

/** Why a file of `size` bytes with this header cannot be the target's addon; null when it may be. */
export function headerProblem(target: NativeTarget, size: number, header: BinaryHeader): string | null {
  const [system, arch] = target.split('-');
  const format = FORMAT_OF[system];
  if (size === 0) return 'the file is empty';
  if (header.format === null) return `not a shared library (no ${format} header in its ${size} bytes)`;
  if (header.format !== format) return `${header.format === 'ELF' ? 'an' : 'a'} ${header.format} binary, not the ${format} one ${target} loads`;
  if (header.arch !== null && header.arch !== 'universal' && header.arch !== arch) return `built for ${header.arch}, not ${arch}`;
  if (header.minimumSize !== null && size < header.minimumSize) return `truncated: ${size} bytes where its headers need at least ${header.minimumSize}`;
  return null;
}

/** Checks the file at `file` before it is loaded: null when it may be the target's addon, else why it is not. */
export function addonFileProblem(file: string, target: NativeTarget): string | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `no addon at ${file}` : `cannot read ${file} (${code ?? String(err)})`;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return `${file} is not a regular file`;
    const head = Buffer.alloc(Math.min(stat.size, HEADER_BYTES));
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return headerProblem(target, stat.size, readBinaryHeader(head.subarray(0, n)));
  } finally {
    fs.closeSync(fd);
  }
}
