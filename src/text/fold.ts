/**
 * Folding for comparisons users make: search, agency lookup, indicator identity.
 * "Sở Y tế" → "so y te"; "Uỷ"/"Ủy" → "uy"; "hoá"/"hóa" → "hoa"; "Tỉ"/"Tỷ" → "ti"; "kỹ"/"kĩ" → "ki".
 * Folding is one-way and loses information on purpose: it is for matching, never for display.
 */

const MARKS = /[\u0300-\u036f]/g;

// Base letter of every precomposed Latin letter (Vietnamese lives in U+00C0–U+024F and
// U+1E00–U+1EFF): a table lookup per character is many times faster than NFD + regex + NFC.
const BASE = new Map<string, string>();
for (const [from, to] of [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
]) {
  for (let c = from; c <= to; c++) {
    const ch = String.fromCharCode(c);
    const base = ch.normalize('NFD').replace(MARKS, '');
    if (base !== ch && base.length === 1) BASE.set(ch, base);
  }
}
BASE.set('đ', 'd');
BASE.set('Đ', 'D');

/** Remove diacritics and map đ→d; keeps case and every other character. */
export function stripDiacritics(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0xc0) continue;
    const b = BASE.get(s[i]);
    if (b !== undefined) {
      out += s.slice(from, i) + b;
      from = i + 1;
    } else if (code >= 0x300 && code <= 0x36f) {
      out += s.slice(from, i); // a combining mark left by decomposed input
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

// Old and new orthography write final i/y differently after a consonant (kỹ/kĩ, lý/lí, tỷ/tỉ,
// mỹ/mĩ); "quy"/"qui" the other way round. Standalone "y" (y tế) stays.
/**
 * Fold to a comparison key: lower case, no diacritics, spelling variants merged, punctuation
 * turned into single spaces. Keeps digits, '%' and '/' (they matter in "109 bé trai/100 bé gái").
 */
const folded = new Map<string, string>();

export function fold(s: string): string {
  // words and names recur constantly: remember short ones
  const short = typeof s === 'string' && s.length <= 80;
  if (short) {
    const hit = folded.get(s);
    if (hit !== undefined) return hit;
  }
  const out = foldUncached(s);
  if (short) {
    if (folded.size > 50000) folded.clear();
    folded.set(s, out);
  }
  return out;
}

function foldUncached(s: string): string {
  const base = stripDiacritics(String(s ?? '').normalize('NFC')).toLowerCase();
  // after stripping, Vietnamese is ASCII: \b word boundaries work for the syllable variants
  return base
    .replace(/[^\p{L}\p{N}%/]+/gu, ' ')
    .trim()
    .replace(/\b(b|c|d|g|h|k|l|m|n|p|r|s|t|v|x|ch|gh|kh|nh|ph|th|tr)y\b/g, '$1i')
    .replace(/\bqui\b/g, 'quy');
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

const Y_TO_I: Record<string, string> = { y: 'i', ỳ: 'ì', ý: 'í', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị', Y: 'I', Ỳ: 'Ì', Ý: 'Í', Ỷ: 'Ỉ', Ỹ: 'Ĩ', Ỵ: 'Ị' };
const I_TO_Y: Record<string, string> = Object.fromEntries(Object.entries(Y_TO_I).map(([y, i]) => [i, y]));

/**
 * Text for the full-text index: FTS5's `remove_diacritics 2` folds tones and vowel marks itself,
 * but not đ, nor the old/new spellings "Tỷ"/"Tỉ", "kỹ"/"kĩ". Only those are rewritten here, which
 * is much cheaper than `fold` on whole sections and gives the same matches for folded queries.
 */
export function ftsText(s: string): string {
  return s
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/(?<=(?:^|[^\p{L}])(?:[bcdghklmnprstvxBCDGHKLMNPRSTVX]|[cgknpt][hH]|[tT][rR]))[yỳýỷỹỵYỲÝỶỸỴ](?![\p{L}])/gu, (c) => Y_TO_I[c] ?? c)
    .replace(/(?<![\p{L}])([qQ][uU])([iìíỉĩịIÌÍỈĨỊ])(?![\p{L}])/gu, (_m, qu: string, i: string) => qu + (I_TO_Y[i] ?? i));
}
