/**
 * Why the native addon did not load, in words a user can act on. The loader's own message says little that is
 * useful ("invalid ELF header", "file too short", "cannot open shared object file", "%1 is not a valid Win32
 * application") and differs per platform, so the file's header is read first: missing, empty or cut short, a
 * binary for another system or CPU — and only a file that looks right is left to the loader's words.
 */
import * as fs from 'fs';
import type { NativeTarget } from '../core/platform';

type Format = 'ELF' | 'Mach-O' | 'PE';

/** What the first bytes of a binary say it is. */
export interface BinaryHeader {
  format: Format | null;
  /** x64, arm64, or the machine number as found (`machine 0x28`). */
  arch: string | null;
  /** Bytes the headers say the file has at least (ELF: through its section headers); null when unknown. */
  minimumSize: number | null;
}

const ELF_MACHINES: Readonly<Record<number, string>> = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'arm' };
const PE_MACHINES: Readonly<Record<number, string>> = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' };
const MACHO_CPUS: Readonly<Record<number, string>> = { 0x01000007: 'x64', 0x0100000c: 'arm64' };

/** Reads the header facts from the start of a file (64 bytes are enough for ELF and Mach-O; PE needs e_lfanew + 6). */
export function readBinaryHeader(bytes: Uint8Array): BinaryHeader {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 20 && b.readUInt32BE(0) === 0x7f454c46) {
    const is64 = b[4] === 2;
    const little = b[5] === 1;
    const u16 = (o: number): number => (little ? b.readUInt16LE(o) : b.readUInt16BE(o));
    const machine = u16(18);
    let minimumSize: number | null = null;
    if (is64 && b.length >= 64) {
      const shoff = Number(little ? b.readBigUInt64LE(40) : b.readBigUInt64BE(40));
      minimumSize = shoff + u16(58) * u16(60);
    } else if (!is64 && b.length >= 52) {
      const shoff = little ? b.readUInt32LE(32) : b.readUInt32BE(32);
      minimumSize = shoff + u16(46) * u16(48);
    }
    return { format: 'ELF', arch: ELF_MACHINES[machine] ?? `machine 0x${machine.toString(16)}`, minimumSize };
  }
  if (b.length >= 8 && (b.readUInt32LE(0) === 0xfeedfacf || b.readUInt32LE(0) === 0xfeedface)) {
    const cpu = b.readUInt32LE(4);
    return { format: 'Mach-O', arch: MACHO_CPUS[cpu] ?? `cpu 0x${cpu.toString(16)}`, minimumSize: null };
  }
  if (b.length >= 4 && b.readUInt32BE(0) === 0xcafebabe) return { format: 'Mach-O', arch: 'universal', minimumSize: null };
  if (b.length >= 0x40 && b[0] === 0x4d && b[1] === 0x5a) {
    const pe = b.readUInt32LE(0x3c);
    if (b.length >= pe + 6 && b.readUInt32BE(pe) === 0x50450000) {
      const machine = b.readUInt16LE(pe + 4);
      return { format: 'PE', arch: PE_MACHINES[machine] ?? `machine 0x${machine.toString(16)}`, minimumSize: null };
    }
    return { format: 'PE', arch: null, minimumSize: pe + 6 };
  }
  return { format: null, arch: null, minimumSize: null };
}

const FORMAT_OF: Readonly<Record<string, Format>> = { linux: 'ELF', alpine: 'ELF', darwin: 'Mach-O', win32: 'PE' };

/** The sentence for a file that did not load as the target's addon; `loaderMessage` is what require() threw. */
export function describeAddonProblem(target: NativeTarget, size: number, header: BinaryHeader, loaderMessage: string): string {
  const [system, arch] = target.split('-');
  const format = FORMAT_OF[system];
  if (size === 0) return 'the file is empty';
  if (header.format === null) return `not a shared library (no ${format} header; ${size} bytes)`;
  if (header.format !== format) return `a ${header.format} binary, not the ${format} one ${target} loads`;
  if (header.arch !== null && header.arch !== 'universal' && header.arch !== arch) return `built for ${header.arch}, not ${arch}`;
  if (header.minimumSize !== null && size < header.minimumSize) return `truncated: ${size} bytes where its header needs at least ${header.minimumSize}`;
  return `${header.format} ${header.arch ?? ''} binary did not load: ${loaderMessage.split('\n')[0]}`.replace('  ', ' ');
}

/** Reads the file's head and says why it is not a loadable addon (missing, unreadable, or one of the above). */
export function diagnoseAddonFile(file: string, target: NativeTarget, loaderMessage: string): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `no addon at ${file}` : `cannot read ${file} (${code ?? String(err)})`;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 4096));
    fs.readSync(fd, head, 0, head.length, 0);
    return describeAddonProblem(target, size, readBinaryHeader(head), loaderMessage);
  } finally {
    fs.closeSync(fd);
  }
}
