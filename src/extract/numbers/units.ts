/**
 * Units printed after a number: %, ‰, "% GDP", "%/năm", ratios ("109 bé trai/100 bé gái",
 * "2,16 con/bà mẹ", "12 người trên một vạn dân"), measures and counted nouns. The word lists are
 * data (src/lexicon/data/target-units.json); this module only knows how they combine.
 */
import { loadJson } from '../../lexicon/load.js';

interface UnitData {
  percent: Record<string, string>;
  percentOf: string[];
  glued: string[];
  units: string[][];
  perWords: Record<string, string>;
  meta: string[];
  stop: string[];
  measures: string[];
  money: string[];
  moneyShares: string[];
  rankUnits: string[];
}

export interface UnitMatch {
  unit: string;
  /** offset just after the unit in the text */
  end: number;
  kind: 'percent' | 'permille' | 'ratio' | 'unit';
}

let data: UnitData | null = null;
let unitForms: { form: string; canonical: string }[] | null = null;

export function unitData(): UnitData {
  return (data ??= loadJson<UnitData>('target-units.json'));
}

function forms(): { form: string; canonical: string }[] {
  if (unitForms) return unitForms;
  const list: { form: string; canonical: string }[] = [];
  for (const entry of unitData().units) for (const f of entry) list.push({ form: f.toLowerCase(), canonical: entry[0] });
  // longest first so "lượt người" wins over "lượt", "trạm y tế" over "trạm"
  return (unitForms = list.sort((a, b) => b.form.length - a.form.length));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Does `text` at `pos` start with `form` (case-insensitive) ending at a word boundary? */
function startsWithWord(text: string, pos: number, form: string): boolean {
  const slice = text.slice(pos, pos + form.length);
  if (slice.toLowerCase() !== form) return false;
  const after = text[pos + form.length];
  const last = form[form.length - 1];
  return !(after && WORD_CHAR.test(after) && WORD_CHAR.test(last));
}

let gluedSorted: string[] | null = null;
let formsByFirst: Map<string, { form: string; canonical: string }[]> | null = null;
let percentSorted: [string, string][] | null = null;
let percentOfSorted: string[] | null = null;
let stopSet: Set<string> | null = null;

/** A unit glued to the digits ("2.644.400đ", "1Gb/s"), or null. */
export function gluedUnit(text: string, pos: number): UnitMatch | null {
  const glued = (gluedSorted ??= [...unitData().glued].sort((a, b) => b.length - a.length));
  for (const g of glued) {
    if (startsWithWord(text, pos, g.toLowerCase())) {
      const canonical = forms().find((f) => f.form === g.toLowerCase())?.canonical ?? g;
      return { unit: canonical, end: pos + g.length, kind: 'unit' };
    }
  }
  return null;
}

/** A known unit word at `pos` (no leading space), longest first. */
export function knownUnitAt(text: string, pos: number): { unit: string; end: number } | null {
  if (!formsByFirst) {
    // forms indexed by their first letter: a number is followed by one word, not by every unit
    formsByFirst = new Map();
    for (const f of forms()) {
      const k = f.form[0];
      formsByFirst.set(k, [...(formsByFirst.get(k) ?? []), f]);
    }
  }
  const first = text[pos]?.toLowerCase();
  for (const f of (first && formsByFirst.get(first)) || []) if (startsWithWord(text, pos, f.form)) return { unit: f.canonical, end: pos + f.form.length };
  return null;
}

/** Percent sign or words at `pos` (spaces already skipped). */
function percentAt(text: string, pos: number): UnitMatch | null {
  const entries = (percentSorted ??= Object.entries(unitData().percent).sort((a, b) => b[0].length - a[0].length));
  for (const [form, sign] of entries) {
    if (startsWithWord(text, pos, form.toLowerCase())) {
      let end = pos + form.length;
      let unit = sign;
      // what the percentage is of: "30% GDP", "10%/năm", "3% tổng chi ngân sách"
      const m = /^\s{0,2}/.exec(text.slice(end))!;
      const at = end + m[0].length;
      const of = (percentOfSorted ??= [...unitData().percentOf].sort((a, b) => b.length - a.length)).find((q) => startsWithWord(text, at, q.toLowerCase()));
      if (of) {
        unit = `${sign}${of.startsWith('/') ? of.replace(/\s+/g, '') : ` ${of}`}`;
        end = at + of.length;
      }
      return { unit, end, kind: sign === '‰' ? 'permille' : 'percent' };
    }
  }
  return null;
}

/** Words of a ratio denominator after "/": "100 bé gái", "bà mẹ", "vạn dân". */
function denominatorAt(text: string, pos: number): { text: string; end: number } | null {
  const m = /^\s?((?:\d+(?:[.,]\d+)*\s)?)([\p{L}]+(?: [\p{L}]+)?)/u.exec(text.slice(pos));
  if (!m) return null;
  let words = m[2];
  const stop = (stopSet ??= new Set(unitData().stop));
  const parts = words.split(' ');
  // keep a second word only when it belongs to a known unit ("bé gái", "bà mẹ", "vạn dân")
  if (parts.length === 2) {
    const known = knownUnitAt(text, pos + m[0].length - words.length);
    const two = `${parts[0]} ${parts[1]}`.toLowerCase();
    const perTwo = /^(vạn|nghìn|ngàn|triệu|trăm) \p{L}+$/u.test(two);
    if (stop.has(parts[1].toLowerCase()) || !(perTwo || (known && known.unit.includes(' ')))) words = parts[0];
  }
  const num = m[1].trim();
  return { text: `${num ? `${num} ` : ''}${words}`, end: pos + m[0].length - (m[2].length - words.length) };
}

/**
 * The unit printed after a number that ends at `pos`: percent, ratio, or a known unit, with its end.
 * Returns null when no unit follows (the targets stage may still name the counted noun).
 */
export function unitAfter(text: string, pos: number): UnitMatch | null {
  const glued = gluedUnit(text, pos);
  if (glued) return withRatio(text, glued);
  const sp = /^ {0,2}/.exec(text.slice(pos))![0].length;
  const at = pos + sp;
  const pct = percentAt(text, at);
  if (pct) return pct;
  const known = knownUnitAt(text, at);
  if (!known) return null;
  return withRatio(text, { unit: known.unit, end: known.end, kind: 'unit' });
}

/** "con" + "/bà mẹ" → "con/bà mẹ"; "người" + " trên một vạn dân" → "người/vạn dân". */
function withRatio(text: string, u: UnitMatch): UnitMatch {
  const rest = text.slice(u.end);
  const slash = /^\s?\/\s?/.exec(rest);
  if (slash) {
    const d = denominatorAt(text, u.end + slash[0].length);
    if (d) return { unit: `${u.unit}/${d.text}`, end: d.end, kind: 'ratio' };
  }
  const per = /^ (trên|mỗi) (?:(một|1) )?(vạn|nghìn|ngàn|trăm nghìn|100\.000|10\.000|1\.000)? ?(dân|người|dân số|người dân)(?![\p{L}])/u.exec(rest);
  if (per) {
    const scale = per[3] ? `${unitData().perWords[per[3]] ?? per[3]} ` : '';
    return { unit: `${u.unit}/${scale}${per[4]}`, end: u.end + per[0].length, kind: 'ratio' };
  }
  return u;
}

export function isMetaUnit(word: string | null): boolean {
  if (!word) return false;
  return unitData().meta.includes(word.toLowerCase());
}

/** Does the unit measure (%, cm, tuổi, đồng …) rather than name what is counted? */
export function isMeasure(unit: string | null): boolean {
  return unit !== null && unitData().measures.includes(unit);
}

export function isMoney(unit: string | null): boolean {
  return unit !== null && unitData().money.includes(unit);
}

/** "% GDP", "% tổng chi ngân sách": a share of money. */
export function isShareOfMoney(unit: string | null): boolean {
  if (!unit || !/^[%‰]/.test(unit)) return false;
  const of = unit.slice(1).trim().toLowerCase();
  return unitData().moneyShares.some((w) => ` ${of} `.includes(` ${w.toLowerCase()} `));
}

/** "Thứ bậc", "Thứ hạng": the unit column of a rank. */
export function isRankUnit(cell: string): boolean {
  return unitData().rankUnits.includes(cell.trim().toLowerCase());
}
