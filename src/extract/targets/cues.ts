/**
 * The cue words of target-cues.json, compiled once, and the small readers built on them: which
 * comparator the words before a number give, whether a heading opens a goals section, whether a
 * sentence states a baseline. Word lists live in the JSON; the grammar of how they combine is here.
 */
import { loadJson } from '../../lexicon/load.js';
import type { Comparator } from '../../models.js';

interface CueData {
  comparators: Record<'<=' | '>=' | '<' | '>' | '~' | '=', string[]>;
  suffixes: Record<'>=' | '<=', string[]>;
  increase: string[];
  reduce: string[];
  level: string[];
  fillers: string[];
  rankGroup: string[];
  rankLeader: string[];
  rankIntro: string[];
  goalHeadings: string[];
  goalHeadingPrefixes: string[];
  goalHeadingInside: string[];
  nonGoalHeadings: string[];
  tableIndicatorHeaders: string[];
  tableUnitHeaders: string[];
  tableValueHeaders: string[];
  tableSkipHeaders: string[];
  tableAppendixTitles: string[];
  baseline: string[];
  conditions: string[];
  goalStatements: string[];
  referenceNouns: string[];
  baselineAfter: string[];
  achievement: string[];
  budget: string[];
  ref: string[];
  rateHeads: string[];
  indicatorHeads: string[];
  leadVerbs: string[];
  trailFillers: string[];
}

let data: CueData | null = null;
export function cues(): CueData {
  return (data ??= loadJson<CueData>('target-cues.json'));
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;
/** Alternation of phrases, longest first, spaces matching any run of spaces. */
export function alternation(list: string[]): string {
  return [...list].sort(byLength).map((w) => esc(w).replace(/ /g, '\\s+')).join('|');
}

const cache = new Map<string, RegExp>();
function re(key: string, build: () => string, flags = 'iu'): RegExp {
  let r = cache.get(key);
  if (!r) cache.set(key, (r = new RegExp(build(), flags)));
  return r;
}

/** A word boundary that knows Vietnamese letters. */
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';

type CueKind = 'bound' | 'approx' | 'eq' | 'increase' | 'reduce' | 'level' | 'filler' | 'from';

interface CueHit {
  kind: CueKind;
  comparator?: Comparator;
  text: string;
}

function cueTable(): { phrase: string; hit: CueHit }[] {
  const c = cues();
  const rows: { phrase: string; hit: CueHit }[] = [];
  for (const [cmp, words] of Object.entries(c.comparators) as [Comparator, string[]][]) {
    const kind: CueKind = cmp === '=' ? 'eq' : cmp === '~' ? 'approx' : 'bound';
    for (const w of words) rows.push({ phrase: w, hit: { kind, comparator: cmp, text: w } });
  }
  for (const w of c.increase) rows.push({ phrase: w, hit: { kind: 'increase', text: w } });
  for (const w of c.reduce) rows.push({ phrase: w, hit: { kind: 'reduce', text: w } });
  for (const w of c.level) rows.push({ phrase: w, hit: { kind: 'level', text: w } });
  for (const w of c.fillers) if (!rows.some((r) => r.phrase === w)) rows.push({ phrase: w, hit: { kind: 'filler', text: w } });
  rows.push({ phrase: 'từ', hit: { kind: 'from', text: 'từ' } });
  return rows.sort((a, b) => b.phrase.length - a.phrase.length);
}
let table: { phrase: string; hit: CueHit; re: RegExp }[] | null = null;


export interface Cue {
  comparator: Comparator | null;
  /** offset (in the text given) where the cue words start; = text.length when there are none */
  start: number;
  change: 'increase' | 'reduce' | null;
  /** a level word after the change verb ("giảm xuống còn 2%"): the number is a level */
  level: boolean;
  words: string[];
}

/**
 * Read the cue words printed right before a number, walking back from the end of `before`:
 * "đạt tối thiểu" → >=, "tối thiểu có" → >=, "tăng trung bình" → increase_by, "ở mức trên" → >,
 * "giảm … còn" → <=. Bound words win over "đạt"/"có"; a change verb wins unless a level word
 * follows it.
 */
export function cueBefore(before: string): Cue {
  table ??= cueTable().map((r) => ({ ...r, re: new RegExp(`${B}(?:${esc(r.phrase).replace(/ /g, '\\s+')})\\s*$`, 'iu') }));
  let rest = before.replace(/\s+$/, '');
  const found: { hit: CueHit; at: number }[] = [];
  for (let guard = 0; guard < 8; guard++) {
    // cue phrases are short and end the text: test the tail only (a '$'-anchored pattern scans
    // the whole string otherwise, and paragraphs are long)
    const cut = Math.max(0, rest.length - 48);
    const tail = rest.slice(cut);
    // "từ 65 tuổi trở lên đạt khoảng 11%": "trở lên" closes the indicator, its "lên" is no cue
    if (re('stoppers', () => `${B}(?:${alternation(Object.values(cues().suffixes).flat())})$`).test(tail)) break;
    const row = table.find((r) => r.re.test(tail));
    if (!row) break;
    const m = row.re.exec(tail)!;
    found.push({ hit: row.hit, at: cut + m.index });
    rest = rest.slice(0, cut + m.index).replace(/\s+$/, '');
  }
  // fillers on the far side of every real cue belong to the indicator ("Tuổi thọ bình quân đạt")
  while (found.length && found[found.length - 1].hit.kind === 'filler') found.pop();
  const hits = found.map((f) => f.hit);
  const start = found.length ? found[found.length - 1].at : before.length;
  // hits are nearest-first
  const change = hits.find((h) => h.kind === 'increase' || h.kind === 'reduce');
  const changeAt = change ? hits.indexOf(change) : -1;
  const level = changeAt > 0 && hits.slice(0, changeAt).some((h) => h.kind === 'level');
  const bound = hits.find((h) => h.kind === 'bound');
  const approx = hits.find((h) => h.kind === 'approx');
  const eq = hits.find((h) => h.kind === 'eq' || h.kind === 'level');
  const from = hits[0]?.kind === 'from' || hits.some((h, i) => h.kind === 'from' && hits.slice(0, i).every((x) => x.kind === 'filler'));
  let comparator: Comparator | null = null;
  if (change && !level) comparator = change.kind === 'increase' ? 'increase_by' : 'reduce_by';
  else if (bound) comparator = bound.comparator!;
  else if (level && change?.kind === 'reduce') comparator = '<=';
  else if (approx) comparator = '~';
  else if (from) comparator = '>=';
  else if (eq) comparator = hits.some((h) => /còn|xuống/u.test(h.text)) ? '<=' : '=';
  return { comparator, start, change: change ? (change.kind as 'increase' | 'reduce') : null, level, words: hits.map((h) => h.text) };
}

/** "trở lên" / "trở xuống" right after the quantity. */
export function suffixAfter(after: string): { comparator: Comparator; length: number } | null {
  const c = cues();
  for (const [cmp, words] of Object.entries(c.suffixes) as [Comparator, string[]][]) {
    const m = re(`suffix${cmp}`, () => `^\\s*(?:${alternation(words)})${E}`).exec(after);
    if (m) return { comparator: cmp, length: m[0].length };
  }
  return null;
}

/** Does `before` end with a rank group word ("thuộc nhóm", "nằm trong nhóm", "top")? */
export function rankGroupBefore(before: string): number | null {
  const m = re('rankGroup', () => `${B}(?:(?:${alternation(cues().rankIntro)})\\s+)?(?:${alternation(cues().rankGroup)})\\s*$`).exec(before);
  return m ? m.index : null;
}

/** The entity and leader words after a rank number ("nước dẫn đầu Đông Nam Á"): their end, or null. */
export function rankLeaderAfter(after: string): number | null {
  const m = re('rankLeader', () => `^[^;.,()]{0,40}?${B}(?:${alternation(cues().rankLeader)})${E}`).exec(after);
  return m ? m[0].length : null;
}

const fold = (s: string) => s.toLowerCase().normalize('NFC');

function startsWithAny(s: string, list: string[], key: string): boolean {
  return re(key, () => `^(?:(?:${alternation(cues().goalHeadingPrefixes)})\\s+)?(?:${alternation(list)})${E}`).test(fold(s).trim());
}

/**
 * Classify a heading: 'goal' ("MỤC TIÊU", "Chỉ tiêu chủ yếu đến năm 2030", "Tầm nhìn đến năm
 * 2045"), 'other' ("NHIỆM VỤ VÀ GIẢI PHÁP", "Mục đích, yêu cầu", "Kinh phí"), or null when it says
 * neither and the context comes from the heading above ("1. Đến năm 2030", "a) Về quy mô dân số").
 */
export function headingClass(heading: string): 'goal' | 'other' | null {
  const h = heading.replace(/^[\s*_#•\-–+]+/, '').replace(/\*+/g, '');
  if (startsWithAny(h, cues().goalHeadings, 'goalHead')) return 'goal';
  // inside a long item sentence "các chỉ tiêu" is a topic ("hoàn thành các chỉ tiêu, nhiệm vụ …"), not a heading
  const short = h.trim().split(/\s+/).length <= 14;
  const inside = short && re('goalInside', () => `${B}(?:${alternation(cues().goalHeadingInside)})${E}`).test(fold(h)) && !/chương trình mục tiêu/iu.test(h);
  // "Dự báo các chỉ tiêu …", "Đánh giá kết quả thực hiện các chỉ tiêu": the opening word decides;
  // "QUAN ĐIỂM, MỤC TIÊU" is both, and its goals count
  if (startsWithAny(h, cues().nonGoalHeadings, 'otherHead')) return inside && /(?:,|và)\s*(?:các\s+)?mục tiêu/iu.test(h) ? 'goal' : 'other';
  if (inside) return 'goal';
  return null;
}

export function matchesAny(s: string, list: string[], key: string): boolean {
  return re(key, () => `${B}(?:${alternation(list)})${E}`).test(s);
}

/** Does the text before a number (within its sentence) state the present or the past? */
export function isBaseline(sentenceBefore: string): boolean {
  return matchesAny(fold(sentenceBefore), cues().baseline, 'baseline');
}

export function mentionsBudget(s: string): boolean {
  return matchesAny(fold(s), cues().budget, 'budget');
}

/** Is the word right before a number one that makes it an identifier ("Điều 5", "năm 2030")? */
export function refBefore(before: string): boolean {
  return re('ref', () => `${B}(?:${alternation(cues().ref)})\\s*(?:số\\s*)?$`).test(fold(before));
}

/** Does the phrase open with a rate head ("Tỷ lệ …", "Tỉ trọng …")? */
export function startsWithRate(s: string): boolean {
  return re('rate', () => `^(?:${alternation(cues().rateHeads)})${E}`).test(fold(stripLead(s)));
}

/** Does the phrase open with an indicator head ("Tỷ lệ", "Số", "Quy mô", "Tuổi thọ" …)? */
export function startsWithIndicatorHead(s: string): boolean {
  return re('indHead', () => `^(?:${alternation(cues().indicatorHeads)})${E}`).test(fold(stripLead(s)));
}

/** Remove words that open a goal sentence but are not the indicator ("Duy trì", "Đến năm 2030,"). */
export function stripLead(s: string): string {
  let out = s;
  for (let i = 0; i < 6; i++) {
    const before = out;
    out = out.replace(/^[\s,;:.\-–+•*()]+/u, '');
    out = out.replace(/^(?:\(\d+\)|\d+(?:\.\d+)*[.)]|[a-zđ]\))\s*/u, '');
    out = out.replace(/^(?:(?:đến|tới|trong|vào|cuối|hết|đến hết|đến cuối)\s+)?(?:năm\s+)?\d{4}\s*[,:]?\s*/iu, '');
    out = out.replace(/^(?:giai đoạn)\s+\d{4}\s*[-–]\s*\d{4}\s*[,:]?\s*/iu, '');
    out = out.replace(re('lead', () => `^(?:${alternation(cues().leadVerbs)})${E}[\\s,:]*`), '');
    if (out === before) break;
  }
  return out;
}

/** Remove trailing filler words ("đạt", "ở mức", "là", "cho") and punctuation from an indicator. */
export function stripTrail(s: string): string {
  let out = s;
  for (let i = 0; i < 6; i++) {
    const before = out;
    out = out.replace(/[\s,;:.\-–(]+$/u, '');
    out = out.replace(re('trail', () => `${B}(?:${alternation(cues().trailFillers)})$`), '');
    if (out === before) break;
  }
  return out;
}

/** Does the sentence word a rule or criterion ("… thì được lựa chọn", "trường hợp …")? */
export function isCondition(sentence: string): boolean {
  return matchesAny(fold(sentence), cues().conditions, 'conditions');
}

/** "đạt 101,3% kế hoạch", "vượt 18,72% dự toán": a share of the plan itself. */
export function isAchievement(after: string): boolean {
  return re('achievement', () => `^\\s*(?:${alternation(cues().achievement)})${E}`).test(fold(after));
}

/** "tăng 4,9% so cùng kỳ": a change measured against last year's same period is a result. */
export function isBaselineAfter(after: string): boolean {
  return re('baselineAfter', () => `^[^;.]{0,20}?${B}(?:${alternation(cues().baselineAfter)})${E}`).test(fold(after));
}

/** "phấn đấu …", "hoàn thành mục tiêu …" before a number: the sentence states a goal. */
export function statesGoal(before: string): boolean {
  const f = fold(before).replace(/chương trình mục tiêu/gu, ' ');
  return matchesAny(f, cues().goalStatements, 'goalStatements');
}

/** Does a document name end just before this point ("Luật … năm", "Nghị quyết số … năm")? */
export function endsInReference(before: string): boolean {
  return re('refNouns', () => `${B}(?:${alternation(cues().referenceNouns)})${E}[^;.,]{0,60}$`).test(fold(before));
}
