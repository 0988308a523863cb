// The linkify-it baseline, configured once for every scanner benchmark (in-process and the end-to-end script).
import { LinkifyIt } from 'linkify-it';
import { BUILTIN_PRIVATE_SUFFIXES } from '../src/core/scanner/suffixRules';

export function newLinkify(): LinkifyIt {
  // Private suffixes as extra TLDs, so that linkify is not penalised for not knowing `.internal` or `.test`.
  const extraTlds = BUILTIN_PRIVATE_SUFFIXES.filter((s) => !s.includes('.')).concat(['arpa']);
  return new LinkifyIt().set({ fuzzyLink: true, fuzzyIP: true, fuzzyEmail: true }).tlds(extraTlds, true);
}
