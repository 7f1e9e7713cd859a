import { syllableCounts } from '../lexicon/load.js';
import { replaceTraced, type Traced } from './traced.js';

/**
 * Character-level cleaning: line ends, invisible characters, exotic spaces, and NFC.
 * Runs first, so later passes see one newline convention and composed Vietnamese letters.
 */
export function unicodePass(t: Traced): Traced {
  t = replaceTraced(t, /\r\n?|[\uFEFF\u200B-\u200D\u2060\u00AD]|[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\v]/g, (m) => {
    const c = m[0];
    if (c[0] === '\r') return '\n';
    if (c === '\t' || c === '\v' || /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/.test(c)) return ' ';
    return '';
  });
  // Most text arrives composed: skip the mark passes when there is no combining mark at all.
  if (!/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/.test(t.text)) return t;
  // A combining mark separated from its letter by a space (seen in PDFs drawn from NFD text).
  t = replaceTraced(t, / (\p{M}+)/gu, (m) => (m.index > 0 && /\p{L}/u.test(t.text[m.index - 1]) ? m[1] : m[0]));
  // NFC per cluster keeps the offset map exact outside the clusters that change.
  t = replaceTraced(t, /\P{M}\p{M}+/gu, (m) => m[0].normalize('NFC'));
  return t;
}


/**
 * pdf.js draws PDFs made from NFD text with a space after letters carrying a hook above
 * ("Ủ y ban", "ứ ng", "ổ n định"); NFC cannot repair that. Join the two pieces when the joined
 * syllable is a known one and far more common than the left piece on its own.
 */
export function repairSplitSyllables(t: Traced): Traced {
  const counts = syllableCounts();
  return replaceTraced(t, /(?<![\p{L}])(\p{L}{1,5}) (\p{Ll}{1,4})(?![\p{L}])/gu, (m) => {
    const left = m[1];
    const right = m[2];
    // only a left piece ending in a vowel with a diacritic can have been split this way
    if (left.slice(-1).normalize('NFD').length < 2) return m[0];
    const joined = (left + right).toLowerCase();
    const nJoined = counts.get(joined) ?? 0;
    // a right piece without a vowel ("n", "ng", "nh") cannot be a syllable of its own
    if (!/[aăâeêioôơuưy]/iu.test(right.normalize('NFD').replace(/\p{M}/gu, '')) && nJoined > 0) return left + right;
    const nLeft = counts.get(left.toLowerCase()) ?? 0;
    if (nJoined >= 5 && nJoined > 20 * nLeft) return left + right;
    return m[0];
  });
}
