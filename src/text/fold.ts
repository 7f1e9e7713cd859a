/**
 * Folding for comparisons users make: search, agency lookup, indicator identity.
 * "Sở Y tế" → "so y te"; "Uỷ"/"Ủy" → "uy"; "hoá"/"hóa" → "hoa"; "Tỉ"/"Tỷ" → "ti"; "kỹ"/"kĩ" → "ki".
 * Folding is one-way and loses information on purpose: it is for matching, never for display.
 */

const MARKS = /[\u0300-\u036f]/g;

/** Remove diacritics and map đ→d; keeps case and every other character. */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

// Old and new orthography write final i/y differently after a consonant (kỹ/kĩ, lý/lí, tỷ/tỉ,
// mỹ/mĩ); "quy"/"qui" the other way round. Standalone "y" (y tế) stays.
const Y_SYLLABLE = /^(b|c|d|g|h|k|l|m|n|p|r|s|t|v|x|ch|gh|kh|nh|ph|th|tr)y$/;

function foldSyllable(w: string): string {
  if (Y_SYLLABLE.test(w)) return w.slice(0, -1) + 'i';
  if (w === 'qui') return 'quy';
  return w;
}

/**
 * Fold to a comparison key: lower case, no diacritics, spelling variants merged, punctuation
 * turned into single spaces. Keeps digits, '%' and '/' (they matter in "109 bé trai/100 bé gái").
 */
export function fold(s: string): string {
  const base = stripDiacritics(String(s ?? '').normalize('NFC')).toLowerCase();
  return base
    .replace(/[^\p{L}\p{N}%/]+/gu, ' ')
    .trim()
    .split(' ')
    .map(foldSyllable)
    .join(' ');
}

/**
 * Fold keeping offsets: returns the folded text with the same length as the input, so a match
 * found in folded text is a span of the original. Only per-character folds are applied
 * (diacritics, đ, case); syllable-level variants are left to `fold`.
 */
export function foldSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = ch.normalize('NFD').replace(MARKS, '').replace('đ', 'd').replace('Đ', 'D').toLowerCase();
    out += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}
