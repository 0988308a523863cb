// The file names inside a zip archive (a VSIX), read from its central directory: enough to check what a package
// holds without python3 or an unzip tool, on any machine the release workflow runs on.
'use strict';

/** @param {Buffer} buf the whole archive @returns {string[]} */
function zipEntries(buf) {
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
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`broken central directory at entry ${n}`);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

module.exports = { zipEntries };
