// lineContext.ts's maps, sets and first words for linecontext.c.
import { COMMAND_OPTIONS_WITH_VALUE, COMMAND_PREFIXES, FIRST_WORDS, FROM_WORD, GETENT_DATABASES, IMAGE_KEY, KEYWORDS, OPTIONS_WITH_VALUE } from '../../../src/core/scanner/lineContext';
import { cHeader, cWordSet } from './cWordSet';

/** KEYWORDS's modes, each a WordSet KEYWORDS_<NAME>; linecontext.c numbers them in this order (a new mode needs C). */
const MODES: Record<string, string> = { all: 'ALL', first: 'FIRST', command: 'COMMAND', nginxFirst: 'NGINX_FIRST', nginxAll: 'NGINX_ALL' };

/** A C string literal: printable ASCII as it is, anything else (and `"`, `\\`, `?` of trigraphs) in octal. */
const cString = (s: string): string =>
  `"${[...s].map((ch) => {
    const c = ch.charCodeAt(0);
    return c >= 32 && c < 127 && c !== 34 && c !== 92 && c !== 63 ? ch : `\\${c.toString(8).padStart(3, '0')}`;
  }).join('')}"`;

export function generate(): string {
  const byMode = new Map<string, string[]>(Object.keys(MODES).map((m) => [m, []]));
  for (const [word, mode] of KEYWORDS) {
    const list = byMode.get(mode);
    if (!list) throw new Error(`lineContext.ts: KEYWORDS mode '${mode}' is not ported to linecontext.c`);
    // linecontext.c looks up `word.toLowerCase()` lower-cased into a buffer of KEYWORDS_MAX_LEN bytes.
    if (word !== word.toLowerCase()) throw new Error(`lineContext.ts: KEYWORDS key '${word}' is not lower-case (KEYWORDS.get(lower) never finds it)`);
    list.push(word);
  }
  // FIRST_WORD's regex: multi-character words in any case, then not [A-Za-z0-9_-]; single characters in any case.
  // linecontext.c reads the run of [A-Za-z0-9_-] at the start and looks it up lower-cased, which is the regex only
  // when every multi-character word is made of those characters.
  const multi = FIRST_WORDS.filter((w) => w.length > 1).map((w) => w.toLowerCase());
  const single = [...new Set(FIRST_WORDS.filter((w) => w.length === 1).map((w) => w.toLowerCase()))];
  for (const w of multi) if (!/^[a-z0-9_-]+$/.test(w)) throw new Error(`lineContext.ts: first word '${w}' has characters linecontext.c's FIRST_WORD does not handle`);
  for (const c of single) if (c.charCodeAt(0) === 0 || c.charCodeAt(0) > 127) throw new Error(`lineContext.ts: first word '${c}' is not a printable ASCII character`);
  if (IMAGE_KEY !== IMAGE_KEY.toLowerCase()) throw new Error('lineContext.ts: IMAGE_KEY is compared with a lower-cased word');
  // FIRST_WORD's quick test in linecontext.c (may_have_context), indexed by a line's first character: the lengths
  // of the multi-character words that start with it in either case (bit `length`), and whether it is a
  // single-character word in either case. Only a word whose length bit is set needs the set's lookup.
  const maxLen = Math.max(...multi.map((w) => w.length));
  if (maxLen > 31) throw new Error(`lineContext.ts: a first word of ${maxLen} characters (linecontext.c's length bits hold 31)`);
  const lengths = new Array<number>(128).fill(0);
  const singles = new Array<number>(128).fill(0);
  for (const w of multi) for (const c of new Set([w[0], w[0].toUpperCase()])) lengths[c.charCodeAt(0)] = (lengths[c.charCodeAt(0)] | (1 << w.length)) >>> 0;
  for (const w of single) for (const c of new Set([w, w.toUpperCase()])) singles[c.charCodeAt(0)] = 1;
  // keyword_mode's quick test: for each mode (MODES's order), indexed by a key's first character, the lengths of its
  // keys starting with it (bit `length`); only a mode whose bit is set for the word needs its set's lookup.
  const keywordsMaxLen = Math.max(...[...KEYWORDS.keys()].map((w) => w.length));
  if (keywordsMaxLen > 31) throw new Error(`lineContext.ts: a KEYWORDS key of ${keywordsMaxLen} characters (linecontext.c's length bits hold 31)`);
  const keywordLengths = [...byMode.values()].map((words) => {
    const table = new Array<number>(128).fill(0);
    for (const w of words) {
      const c = w.charCodeAt(0);
      if (c >= 128) throw new Error(`lineContext.ts: KEYWORDS key '${w}' does not start with an ASCII character`);
      table[c] = (table[c] | (1 << w.length)) >>> 0;
    }
    return `{${table.join(', ')}}`;
  });
  const commands = Object.keys(COMMAND_OPTIONS_WITH_VALUE);
  return cHeader(
    'NETLENS_SCANNER_GEN_LINECONTEXTTABLES_H',
    [
      `#define FROM_WORD ${cString(FROM_WORD)}`,
      `#define IMAGE_KEY ${cString(IMAGE_KEY)}`,
      `#define KEYWORDS_MAX_LEN ${keywordsMaxLen}`,
      `static const uint32_t KEYWORD_LENGTHS[${keywordLengths.length}][128] = {${keywordLengths.join(', ')}};`,
      `#define FIRST_WORDS_MAX_LEN ${maxLen}`,
      `#define FIRST_WORD_CHARS ${cString(single.join(''))}`,
      `static const uint32_t FIRST_WORD_LENGTHS[128] = {${lengths.join(', ')}};`,
      `static const u8 FIRST_WORD_CHAR[128] = {${singles.join(', ')}};`,
      '',
      ...[...byMode].map(([mode, words]) => cWordSet(`KEYWORDS_${MODES[mode]}`, words)),
      cWordSet('OPTIONS_WITH_VALUE', OPTIONS_WITH_VALUE),
      ...commands.map((c, k) => cWordSet(`COMMAND_OPTIONS_WITH_VALUE_${k}`, COMMAND_OPTIONS_WITH_VALUE[c])),
      'typedef struct {',
      '  const char *command;',
      '  const WordSet *options;',
      '} CommandOptions;',
      `#define COMMAND_OPTIONS_COUNT ${commands.length}`,
      `static const CommandOptions COMMAND_OPTIONS_WITH_VALUE[${Math.max(commands.length, 1)}] = {${commands.map((c, k) => `{${cString(c)}, &COMMAND_OPTIONS_WITH_VALUE_${k}}`).join(', ') || '{0, 0}'}};`,
      '',
      cWordSet('GETENT_DATABASES', GETENT_DATABASES),
      cWordSet('COMMAND_PREFIXES', COMMAND_PREFIXES),
      cWordSet('FIRST_WORDS_ANY_CASE', multi),
    ].join('\n')
  );
}
