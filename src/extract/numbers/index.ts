/**
 * Quantities in Vietnamese administrative text: every number with the unit, sign and range that
 * belong to it, and what kind of number it is (a year and a date are numbers, but never a target
 * value). Pure functions of a string; offsets are into that string.
 *
 *   "≤ 1,0%"                 → { value: 1, unit: "%", symbol: "<=" }
 *   "$\leq 18,5\%$"          → the same (LaTeX left in Markdown exports)
 *   "840 nghìn người"         → { value: 840000, unit: "người" }
 *   "109 bé trai/100 bé gái"  → { value: 109, unit: "bé trai/100 bé gái", kind: "ratio" }
 *   "từ 40 - 50 tổ chức"      → { value: 40, valueMax: 50, kind: "range" }
 *   "2/3 số vị thành niên"    → { value: 0.6667, unit: "fraction", kind: "fraction" }
 *   "hai con"                 → { value: 2, unit: "con", kind: "words" }
 */
import { parseNumberToken, parseNumberWords, isNumberWord, numberWords } from './parse.js';
import { unitAfter, isMetaUnit, type UnitMatch } from './units.js';

export { parseNumberToken, parseNumberWords } from './parse.js';
export { unitAfter, knownUnitAt, isMetaUnit, unitData, isMeasure, isMoney, isShareOfMoney, isRankUnit } from './units.js';

export type QuantityKind = 'number' | 'percent' | 'permille' | 'fraction' | 'ratio' | 'range' | 'words' | 'year' | 'date';
export type Sign = '<' | '<=' | '>' | '>=' | '=';

export interface Quantity {
  /** Span of the whole expression: sign, "từ", numbers, unit. */
  start: number;
  end: number;
  /** Span of the (first) number. */
  numStart: number;
  numEnd: number;
  value: number;
  /** Upper bound of a range. */
  valueMax?: number;
  /** For "17/17 xã": the total after the slash. */
  of?: number;
  unit: string | null;
  kind: QuantityKind;
  /** A comparison sign printed before the number ("≤ 3", ">= 30", "$\geq$ 5"). */
  sign?: Sign;
  text: string;
}

/**
 * Replace LaTeX the Markdown exports leave behind ("$\leq 1,0\%$") by the characters it stands
 * for, keeping every offset: the replacement pads with spaces to the same length.
 */
export function maskLatex(text: string): string {
  if (!text.includes('\\') && !text.includes('$')) return text;
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
  return text
    .replace(/\\(?:leqslant|leq|le)(?![a-z])/g, (m) => pad('≤', m.length))
    .replace(/\\(?:geqslant|geq|ge)(?![a-z])/g, (m) => pad('≥', m.length))
    .replace(/\\%/g, ' %')
    .replace(/\\(?:,|;|!| )/g, '  ')
    .replace(/\\(?:text|mathrm)\{([^}]*)\}/g, (m, inner: string) => pad(` ${inner}`, m.length))
    .replace(/\$/g, ' ');
}

const SIGNS: [RegExp, Sign][] = [
  [/(?:≤|<=|=<|⩽)\s*$/u, '<='],
  [/(?:≥|>=|=>|⩾)\s*$/u, '>='],
  [/<\s*$/u, '<'],
  [/>\s*$/u, '>'],
];

const DIGITS = /\d+(?:[.,]\d+)*/gu;
const LETTER = /\p{L}/u;

/** Every quantity in `text`, in order, non-overlapping. */
export function findQuantities(input: string): Quantity[] {
  const text = maskLatex(input);
  const out: Quantity[] = [];
  DIGITS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIGITS.exec(text))) {
    const q = readAt(text, m.index, m[0]);
    if (!q) continue;
    out.push({ ...q, text: input.slice(q.start, q.end) });
    DIGITS.lastIndex = Math.max(DIGITS.lastIndex, q.end);
  }
  for (const w of wordQuantities(text)) if (!out.some((q) => w.start < q.end && q.start < w.end)) out.push({ ...w, text: input.slice(w.start, w.end) });
  return out.sort((a, b) => a.start - b.start);
}

type Draft = Omit<Quantity, 'text'>;

function readAt(text: string, at: number, token0: string): Draft | null {
  let token = token0;
  // a token ending in a separator is a number followed by punctuation ("đạt 90%." / "76,")
  const before = text.slice(Math.max(0, at - 12), at);
  const prev = text[at - 1] ?? '';
  // glued to a letter on the left: H5N1, PM2.5, XGS-PON2, "Mục1"
  if (prev && LETTER.test(prev)) return null;
  // COVID-19, Covid-19, "27-NQ" is caught on the right
  if (prev === '-' && LETTER.test(text[at - 2] ?? '')) return null;
  // a token like "11.1" that is a table row number or section label is rejected by the parser
  let value = parseNumberToken(token);
  if (value === null) {
    // "1.2.3" is a label; "2.644.400," is fine once the trailing part is cut
    return null;
  }
  let end = at + token.length;
  const after = text.slice(end);

  // references: "27-NQ/TU", "57/NQ-CP", "11/CT-UBND", "03/2025/NĐ-CP"
  if (/^-\p{Lu}/u.test(after) || /^\/(?:\d{4}\/)?\p{Lu}{1,6}(?:[-/]|\b)/u.test(after)) return null;

  // dates: 16/11, 01/7/2022, 11/2025, 16-20/11/2025
  const dm = /^\/(\d{1,4})(?:\/(\d{2,4}))?/.exec(after);
  if (dm) {
    const a = value;
    const b = Number(dm[1]);
    const full = dm[0];
    const isDate = !!dm[2] || dm[1].length === 4 || (/(?:ngày|hạn|trước|sau|từ|đến|tới|và)\s*$/iu.test(before) || /\d[-–]$/.test(before));
    if (isDate) return { start: at, end: end + full.length, numStart: at, numEnd: end, value: a, unit: null, kind: 'date' };
    // "17/17 xã", "04/5 bệnh": so many out of a total; "2/3 số …": a fraction
    const tail = text.slice(end + full.length);
    const u = unitAfter(text, end + full.length);
    if (u && u.kind === 'unit' && !/^ số\b/u.test(tail)) {
      return { start: at, end: u.end, numStart: at, numEnd: end, value: a, of: b, unit: u.unit, kind: 'number' };
    }
    if (b > 0 && a < b && b <= 10) {
      return { start: at, end: end + full.length, numStart: at, numEnd: end, value: round(a / b), unit: 'fraction', kind: 'fraction' };
    }
    return { start: at, end: end + full.length, numStart: at, numEnd: end, value: a, unit: null, kind: 'date' };
  }
  // glued letters that are no unit: 5G, 4G, 3D, 24h → not a quantity we read
  const glued = unitAfter(text, end);
  if (LETTER.test(after[0] ?? '') && !(glued && !/^\s/.test(after))) return null;

  let start = at;
  let sign: Sign | undefined;
  for (const [re, s] of SIGNS) {
    const sm = re.exec(before);
    if (sm) {
      sign = s;
      start = at - sm[0].length;
      break;
    }
  }

  // multipliers: "840 nghìn", "93,7 triệu", "1,5 tỷ", "3 nghìn tỷ"
  const mult = multiplierAt(text, end);
  if (mult) {
    value = value * mult.factor;
    end = mult.end;
  }

  // ranges: "40 - 50", "16 - 18%", "từ 5 đến 10%", "5%-10%"
  let unit: UnitMatch | null = unitAfter(text, end);
  let valueMax: number | undefined;
  const rangeRe = /^\s*(?:-|–|—|đến|tới)\s*(\d+(?:[.,]\d+)*)/u;
  const rm = rangeRe.exec(text.slice(unit && unit.kind !== 'unit' ? unit.end : end));
  if (rm) {
    const secondAt = (unit && unit.kind !== 'unit' ? unit.end : end) + rm[0].length - rm[1].length;
    let second = parseNumberToken(rm[1]);
    const secondAfter = text.slice(secondAt + rm[1].length);
    const isRef = /^(?:-\p{Lu}|\/)/u.test(secondAfter) || LETTER.test(secondAfter[0] ?? '') && !unitAfter(text, secondAt + rm[1].length);
    if (second !== null && !isRef) {
      let secondEnd = secondAt + rm[1].length;
      const mult2 = multiplierAt(text, secondEnd);
      if (mult2) {
        second *= mult2.factor;
        secondEnd = mult2.end;
      } else if (mult) second *= mult.factor;
      const bothYears = isYearLike(value) && isYearLike(second);
      // "đạt 95% đến 2030" is a value and a year, not a range
      const yearAfter = isYearLike(second) && !isYearLike(value) && /^\d{4}$/.test(rm[1]);
      if (second > value && !bothYears && !yearAfter) {
        valueMax = second;
        end = secondEnd;
        unit = unitAfter(text, end) ?? unit;
        const from = /(?:^|\s)từ\s*$/iu.exec(text.slice(Math.max(0, start - 6), start));
        if (from) start -= from[0].trimStart().length;
      } else if (bothYears) {
        return { start, end: secondEnd, numStart: at, numEnd: at + token.length, value, valueMax: second, unit: null, kind: 'year' };
      }
    }
  }
  const unitEnd = unit ? unit.end : end;
  let kind: QuantityKind = 'number';
  if (valueMax !== undefined) kind = 'range';
  else if (unit?.kind === 'percent') kind = 'percent';
  else if (unit?.kind === 'permille') kind = 'permille';
  else if (unit?.kind === 'ratio') kind = 'ratio';
  if (!unit && valueMax === undefined && !sign && isYearLike(value) && /^\d{4}$/.test(token)) kind = 'year';
  if (kind === 'number' && unit === null && /^\d{4}$/.test(token) && isYearLike(value)) kind = 'year';
  const q: Draft = { start, end: unitEnd, numStart: at, numEnd: at + token.length, value: round(value), unit: unit?.unit ?? null, kind };
  if (valueMax !== undefined) q.valueMax = round(valueMax);
  if (sign) q.sign = sign;
  return q;
}

function isYearLike(v: number): boolean {
  return Number.isInteger(v) && v >= 1900 && v <= 2100;
}

function round(v: number): number {
  return Math.round(v * 10000) / 10000;
}

let multipliers: { w: string; factor: number; re: RegExp }[] | null = null;

function multiplierAt(text: string, pos: number): { factor: number; end: number } | null {
  multipliers ??= Object.entries(numberWords().multipliers)
    .sort((a, b) => b[0].length - a[0].length)
    .map(([w, factor]) => ({ w, factor, re: new RegExp(`^ ?${w}(?![\\p{L}])`, 'iu') }));
  // a multiplier word follows the number directly: look at the next few characters only
  const rest = text.slice(pos, pos + 40);
  if (!/^ ?\p{L}/u.test(rest)) return null;
  for (const { w, factor, re } of multipliers) {
    const mm = re.exec(rest);
    if (mm) {
      // "tỷ lệ", "tỷ trọng" after a number start the next indicator, they multiply nothing
      if (/^(?:tỷ|tỉ)$/u.test(w) && /^ ?(?:tỷ|tỉ) (?:lệ|trọng|số|suất)/iu.test(rest)) return null;
      // "12 người trên một vạn dân": "vạn" is the ratio's denominator, not a multiplier of 12
      if (w === 'vạn' && !/^ ?vạn (?:người|dân|lượt|hộ|đồng)/u.test(rest)) return null;
      return { factor, end: pos + mm[0].length };
    }
  }
  return null;
}

/** Numbers written in words, read only when a counted unit follows ("hai con", "một vạn người"). */
function wordQuantities(text: string): Draft[] {
  const out: Draft[] = [];
  const re = /\p{L}+/gu;
  let m: RegExpExecArray | null;
  let run: { start: number; end: number; words: string[] } | null = null;
  const flush = () => {
    if (!run) return;
    const r = run;
    run = null;
    const nw = numberWords();
    if (nw.notFirst.includes(r.words[0]) || (r.words.length === 1 && nw.notAlone.includes(r.words[0]))) return;
    const value = parseNumberWords(r.words);
    if (value === null || value === 0) return;
    const unit = unitAfter(text, r.end);
    if (!unit || unit.kind !== 'unit' || isMetaUnit(unit.unit)) return;
    out.push({ start: r.start, end: unit.end, numStart: r.start, numEnd: r.end, value, unit: unit.unit, kind: 'words' });
  };
  while ((m = re.exec(text))) {
    const w = m[0].toLowerCase();
    if (isNumberWord(w)) {
      const gap = run ? text.slice(run.end, m.index) : '';
      if (run && /^ $/.test(gap)) {
        run.words.push(w);
        run.end = m.index + m[0].length;
        continue;
      }
      flush();
      run = { start: m.index, end: m.index + m[0].length, words: [w] };
    } else flush();
  }
  flush();
  return out;
}
