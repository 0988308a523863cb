// The file names inside a zip archive (a VSIX), read from its central directory, and one file's text: enough to
// check what a package holds without python3 or an unzip tool, on any machine the release workflow runs on.
'use strict';
const zlib = require('zlib');

/** @param {Buffer} buf the whole archive @returns {string[]} */
function zipEntries(buf) {
  return centralDirectory(buf).map((e) => e.name);
}

/** The bytes of the entry `name` (stored or deflated), or undefined when the archive has no such entry. */
function zipFile(buf, name) {
  const e = centralDirectory(buf).find((x) => x.name === name);
  if (!e) return undefined;
  const local = e.localHeader;
  if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`broken local header of ${name}`);
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return Buffer.from(data);
  if (e.method === 8) return zlib.inflateRawSync(data);
  throw new Error(`${name}: compression method ${e.method} is not stored or deflate`);
}

function centralDirectory(buf) {
  // End of central directory record: signature 0x06054b50, at most 65535 + 22 bytes from the end (a comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`broken central directory at entry ${n}`);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      localHeader: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

module.exports = { zipEntries, zipFile };
