/**
 * How the CLI's human output shows text it did not write: names and data from DNS, the hosts, services and
 * protocols files, the resolver (canonical names, getfqdn, PTR names). Anyone who controls a name server or /etc
 * chose it, so plain printable ASCII is shown as is and anything else as an escaped, quoted literal (`\xff` for
 * bytes that are not UTF-8, `\u202e` for the rest): terminal escape sequences and bidi controls in hostile data
 * cannot rewrite what the user reads. JSON output is not affected (it is escaped by JSON itself).
 */
export function dataText(text: string): string {
  if (/^[\x21-\x7e]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // Inside the quotes a space is plain text again; quotes and backslashes are escaped so the literal reads back.
    if (code >= 0x20 && code <= 0x7e && ch !== '\\' && ch !== "'") out += ch;
    else if (ch === "'") out += "\\'";
    else out += escaped(ch, code);
  }
  return `'${out}'`;
}

/**
 * A whole line of human output that mixes NetLens's words with data (explain's sources, details and trace): text
 * stays as it is — spaces, punctuation and letters of any script — except what can steer a terminal or reorder what
 * is read: control characters (C0, DEL, C1), format characters (bidi overrides, zero-width joiners: \p{Cf}) and lone
 * surrogates, escaped as dataText escapes them. The line still reads as a sentence.
 */
export function lineOfData(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const steers = code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || /\p{Cf}/u.test(ch);
    out += steers ? escaped(ch, code) : ch;
  }
  return out;
}

function escaped(ch: string, code: number): string {
  if (ch === '\\') return '\\\\';
  if (code >= 0xdc80 && code <= 0xdcff) return `\\x${(code - 0xdc00).toString(16)}`;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}
