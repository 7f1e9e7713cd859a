/**
 * Targets in running text: one paragraph (an item, a bullet, a line) at a time.
 *
 * A paragraph is cut into clauses at ";", at sentence ends and after a colon. Inside a clause each
 * quantity is one of:
 *   - a head: the value of a goal ("đạt 90%", "dưới 109 bé trai/100 bé gái", "100% người cao tuổi …"),
 *   - a definition: part of the indicator of a head ("trẻ em dưới 5 tuổi", "ít nhất 4 loại bệnh"
 *     after "70% phụ nữ mang thai được tầm soát", "tốc độ 1 Gb/s" inside "Tỷ lệ … đạt 100%"),
 *   - noise: years, dates, references ("Điều 5", "Đề án 03"), enumerators "(1)".
 * Inside a goals section a head needs a cue word or a unit. Elsewhere only a share with a cue word
 * counts, and only in a document that sets goals or in a sentence that says it does ("phấn đấu …"):
 * the annotators count a quantified goal in task prose (NQ 57 III.6), never a count, a budget, a
 * deadline, a rule's threshold or a report of results.
 */
import type { Comparator, Target } from '../../models.js';
import { findQuantities, unitData, isMeasure, isMoney, isShareOfMoney, knownUnitAt, type Quantity } from '../numbers/index.js';
import {
  cueBefore,
  isBaseline,
  mentionsBudget,
  rankGroupBefore,
  rankLeaderAfter,
  refBefore,
  startsWithIndicatorHead,
  startsWithRate,
  stripLead,
  stripTrail,
  suffixAfter,
  cues,
  alternation,
  isCondition,
  isAchievement,
  isBaselineAfter,
  statesGoal,
  endsInReference,
} from './cues.js';
import type { GoalContext } from './context.js';
import { tidyIndicator } from './indicator.js';

export interface ProseInput {
  text: string;
  /** does the document set goals anywhere (a goals section or a target table)? */
  hasGoals?: boolean;
  /** is the paragraph under a heading about funding ("Kinh phí thực hiện", "Bảo đảm kinh phí")? */
  budgetSection?: boolean;
  /** offset of text[0] in the document */
  base: number;
  section: string | null;
  ctx: GoalContext;
}

interface Clause {
  start: number;
  end: number;
  /** text before a colon that introduces this clause ("Giảm tỷ suất tử vong: …") */
  leadIn: string | null;
}

const SHARE_KINDS = new Set(['percent', 'permille', 'fraction']);

/** Leading label, bullet or enumerator of a paragraph: where its content starts. */
export function contentStart(text: string): number {
  const m = /^(?:\s*(?:[-+•*–]|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*[.)]?(?=\s)|[IVXLC]+[.\-)]|[a-zđ]\)|\*\*)\s*)*/u.exec(text);
  return m ? m[0].length : 0;
}

function splitClauses(text: string, from: number): Clause[] {
  const out: Clause[] = [];
  let start = from;
  let leadIn: string | null = null;
  let depth = 0;
  const push = (end: number) => {
    if (end > start) out.push({ start, end, leadIn });
  };
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (ch === ';') {
      push(i);
      start = i + 1;
    } else if (ch === '.' && (/^\s+[\p{Lu}\d"“(]/u.test(text.slice(i + 1, i + 3)) || i === text.length - 1) && !/(?:TP|v\.v|Tp|St|Th\.S|ThS|TS|PGS|GS)$/u.test(text.slice(Math.max(0, i - 4), i))) {
      push(i);
      start = i + 1;
      leadIn = null; // a colon's lead-in governs its sentence only
    } else if (ch === ':' && /^\s/.test(text.slice(i + 1, i + 2))) {
      const before = text.slice(start, i).trim();
      push(i);
      // "Giảm tỷ suất tử vong: trẻ dưới 5 tuổi còn ≤ 18,5%; dưới 1 tuổi còn ≤ 12,5%"
      leadIn = before.split(/\s+/).length <= 10 ? before : null;
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

interface YearMark {
  at: number;
  year: number;
}

const YEAR_PHRASE = /(?<![\p{L}\p{N}])(?:(?:đến|tới|vào|trong|cuối|hết|đến hết|đến cuối|sau)\s+(?:năm\s+)?|năm\s+)((?:19|20)\d{2})(?!\d)/giu;

function yearMarks(text: string): YearMark[] {
  const out: YearMark[] = [];
  YEAR_PHRASE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_PHRASE.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 10), m.index);
    if (/(?:so\s+với|thời\s+kỳ|giai\s+đoạn|ngày|tháng)\s*$/iu.test(before)) continue;
    // "trong tháng 11 năm 2025", "quý IV năm 2025": a deadline's date, not a target year
    if (/(?:tháng|quý)\s+[\dIVX]+\s*$/iu.test(before)) continue;
    // "giảm 20% so với mức trung bình năm 2024": the base year of a comparison
    if (/so\s+với[^;.,()]*$/iu.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    // a year inside a reference ("Luật … năm 2023", "Nghị quyết … năm 2024") is not a target year
    if (/^năm/iu.test(m[0]) && endsInReference(text.slice(Math.max(0, m.index - 80), m.index))) continue;
    // "Sau năm 2030, …": the horizon after 2030, not 2030 itself
    if (/^sau/iu.test(m[0].trim())) continue;
    out.push({ at: m.index, year: Number(m[1]) });
  }
  return out;
}

/** Noun a count target counts when the number module found no unit ("05 kịch bản ứng dụng"). */
function countedNoun(text: string, at: number): string | null {
  const m = /^\s*([\p{Ll}][\p{L}]*)(?:\s+([\p{Ll}][\p{L}]*))?/u.exec(text.slice(at));
  if (!m) return null;
  const stop = new Set(unitData().stop);
  if (stop.has(m[1])) return null;
  if (m[2] && !stop.has(m[2])) return `${m[1]} ${m[2]}`;
  return m[1];
}

interface Head {
  q: Quantity;
  clause?: Clause;
  comparator: Comparator;
  value: number;
  valueMax?: number;
  unit: string | null;
  indicator: string;
  start: number;
  end: number;
}

/** Targets of one paragraph. */
export function proseTargets(input: ProseInput): Target[] {
  const { text, ctx } = input;
  const c0 = contentStart(text);
  const all = findQuantities(text).filter((q) => q.start >= c0);
  if (!all.length) return [];
  const years = yearMarks(text);
  const heads: Head[] = [];
  // "Việt Nam thuộc nhóm 3 …, nhóm 50 …; nhóm 3 …": later ranks share the first one's subject
  let rankSubject = '';

  for (const clause of splitClauses(text, c0)) {
    const qs = all.filter((q) => q.start >= clause.start && q.end <= clause.end);
    if (!qs.length) continue;
    let segStart = clause.start;
    let rateOpen = startsWithRate(text.slice(segStart, clause.end));
    let leadOpen = false;
    let prev: Quantity | null = null;
    let prevHead: Head | null = null;
    for (const q of qs) {
      const last = prev;
      prev = q;
      if (q.kind === 'year' || q.kind === 'date') continue;
      // already part of an earlier head's phrase ("100% X có tối thiểu 1 trạm …")
      if (q.start < segStart) continue;
      const before = text.slice(clause.start, q.start);
      const after = text.slice(q.end, clause.end);

      // rank goals: "thuộc nhóm 3 nước dẫn đầu Đông Nam Á", "nằm trong nhóm 20 tỉnh tốp đầu"
      const groupAt = rankGroupBefore(text.slice(segStart, q.start));
      const leaderLen = groupAt !== null && q.kind === 'number' && !q.unit?.includes('%') ? rankLeaderAfter(text.slice(q.numEnd)) : null;
      if (groupAt !== null && leaderLen !== null) {
        if (!ctx.goal) continue;
        const end = q.numEnd + leaderLen;
        const h = { ...rankHead(text, q, segStart, segStart + groupAt, end, clause, rankSubject), clause };
        rankSubject = h.subject;
        heads.push(h);
        prevHead = h;
        segStart = h.end;
        continue;
      }
      if (refBefore(text.slice(Math.max(clause.start, q.start - 24), q.start))) continue;
      // enumerators "(2)" and numbers restated in parentheses "10 Gigabit mỗi giây (10 Gbps)"
      if (/\(\s*$/.test(before) && /^\s*\)/.test(after) && !q.unit) continue;
      if (last && /\(\s*$/.test(text.slice(last.end, q.start)) && Math.abs(last.value - q.value) < 1e-9) continue;
      if (q.unit && isMeta(q.unit)) continue;

      // a quantity inside parentheses belongs to the aside: "(bình quân mỗi phụ nữ … có 2 con)"
      const open = unmatchedParen(text, segStart, q.start);
      const localStart = open >= 0 ? open + 1 : segStart;
      const cue = cueBefore(text.slice(localStart, q.start));
      const cueAt = localStart + cue.start;
      const suffix = suffixAfter(after);
      let comparator: Comparator | null = q.sign ?? cue.comparator;
      if (cue.change && !cue.level && q.kind !== 'range') comparator = cue.change === 'increase' ? 'increase_by' : 'reduce_by';
      if (suffix && (!comparator || comparator === '=')) comparator = suffix.comparator;
      if (q.kind === 'range') comparator = 'range';
      const isShare = SHARE_KINDS.has(q.kind) || (q.kind === 'range' && /%|‰/.test(q.unit ?? ''));
      const pre = stripLead(text.slice(localStart, cueAt));

      // ages define populations ("trẻ em dưới 5 tuổi", "từ 65 tuổi trở lên") unless the
      // indicator is itself an age ("Tuổi thọ bình quân đạt 76 tuổi")
      if (q.unit === 'tuổi' && !/(?<![\p{L}])tuổi(?![\p{L}])/iu.test(text.slice(localStart, cueAt))) continue;

      // "100% người cao tuổi có thẻ BHYT", "Trên 80% các đơn vị …": the share opens the clause
      let leading = isShare && q.kind !== 'fraction' && pre.trim() === '' && !cue.change && q.kind !== 'range';
      if (leadOpen && !isShare) continue;
      if (rateOpen && !isShare && !leading) continue;

      const sentenceStart = Math.max(text.lastIndexOf('. ', q.start) + 1, 0);
      if (isBaseline(text.slice(sentenceStart, q.start)) || isBaselineAfter(after)) continue;
      const money = isMoney(q.unit);
      // a share of GDP or of the budget is money when the paragraph talks about funding
      const ofMoney = isShareOfMoney(q.unit);
      const budget = money || input.budgetSection || mentionsBudget(text.slice(sentenceStart, q.start)) || (ofMoney && mentionsBudget(text));
      if (!ctx.goal) {
        // task prose: only a share with a cue word ("chiếm tối thiểu 70%") in a document that sets
        // goals; never a budget, a rule's condition or a report of how much of the plan was done
        const goalStatement = statesGoal(text.slice(clause.start, q.start));
        if (!(input.hasGoals || goalStatement) || !isShare || !comparator || budget || money) continue;
        const sentenceEnd = text.indexOf('. ', q.end);
        if (isCondition(text.slice(sentenceStart, sentenceEnd < 0 ? text.length : sentenceEnd))) continue;
        if (isAchievement(after)) continue;
      } else if (!comparator && prevHead && prevHead.unit === (q.unit ?? countedNoun(text, q.end)) && /^\s*(?:,|và|,\s*và)\s*$/u.test(text.slice(prevHead.q.end, q.start).replace(/^[^,]*?(?=,|\svà\s)/u, ''))) {
        // "ít nhất 100 doanh nghiệp khởi nghiệp sáng tạo, 50 doanh nghiệp khoa học công nghệ": the list shares its cue
        comparator = prevHead.comparator;
      } else if (!comparator) {
        // no cue word: a share, a ratio or a measured value that ends its phrase ("… còi 9,98%")
        const tail = after.replace(/\([^()]*\)/g, ' ').replace(/\([^()]*$/, ' ');
        const endsPhrase = /^\s*(?:\S+\s+){0,3}?\S*\s*(?:[,;.)]|$)/u.test(tail);
        if (!q.unit || !(isShare || q.kind === 'ratio' || leading || endsPhrase)) continue;
        if (q.kind === 'words') continue;
        comparator = '=';
      }
      if (q.kind === 'words' && !cue.comparator) continue;
      if (q.kind === 'fraction' && !cue.comparator && !q.sign) continue;

      let unit = q.unit;
      const counted = !unit && q.kind === 'number' ? countedNoun(text, q.end) : null;
      if (counted && isMeta(counted)) continue;
      const isCount = !isShare && q.kind !== 'ratio' && !isMeasure(unit) && (unit !== null || counted !== null);
      if (!unit && counted && isCount) unit = counted;
      // "mỗi phụ nữ … có 2 con", "mỗi năm phát triển từ 05 bộ dữ liệu": a count per something
      const noun = unit ?? counted ?? '';
      const per = isCount && unit && !unit.includes('/') ? perUnit(text.slice(localStart, q.start)) : null;
      if (per) unit = `${unit}/${per}`;

      const close = open >= 0 ? text.indexOf(')', q.end) : -1;
      let clauseEnd = nextHeadBoundary(text, q.end, close >= 0 && close < clause.end ? close : clause.end, all);
      // "Hà Nội có tối thiểu 200 công trình, Thành phố Hồ Chí Minh có tối thiểu 500 công trình"
      if (!isShare) clauseEnd = nextListBoundary(text, q.end, nextCuedBoundary(text, q.end, clauseEnd, all), q.unit ?? countedNoun(text, q.end), all);
      let indicator: string;
      let spanStart = Math.min(cueAt, q.start);
      let spanEnd = q.end + (suffix?.length ?? 0);
      const postFrom = q.end + (suffix?.length ?? 0);
      const postRaw = text.slice(postFrom, clauseEnd);
      const post = cutPost(postRaw);
      const postEnd = postFrom + leadingSpace(postRaw) + post.length;
      if (leading && !post && prevHead) {
        // "… đạt trên 8% và năm 2026 từ 10% trở lên": the same indicator, another value
        indicator = prevHead.indicator;
        leading = false;
      } else if (leading) {
        indicator = `Tỷ lệ ${post}`;
        spanStart = Math.min(spanStart, cueAt);
        spanEnd = Math.max(spanEnd, postEnd);
        leadOpen = true;
        rateOpen = false;
      } else if (isCount && !startsWithIndicatorHead(pre)) {
        const pieces = [`Số ${noun}`, post.startsWith(noun) ? post.slice(noun.length) : post].join(' ').trim();
        const context = stripTrail(pre).trim();
        indicator = context ? `${pieces} (${context})` : pieces;
        spanStart = Math.min(spanStart, contentFrom(text, localStart, q.start));
        spanEnd = Math.max(spanEnd, postEnd);
      } else if (pre.trim() === '' && (cue.change || comparator === 'reduce_by' || comparator === 'increase_by')) {
        // "Giảm 50% chênh lệch mức sinh …", "giảm 2/3 số vị thành niên …"; but "(giảm 20% so với
        // mức năm 2024)" restates the head before it
        indicator = /^so(?:\s+với)?\s/iu.test(post) ? (prevHead?.indicator ?? clause.leadIn ?? post) : post;
        spanEnd = Math.max(spanEnd, postEnd);
      } else if (isShare && post && !startsWithIndicatorHead(pre) && !cue.words.includes('chiếm') && stripTrail(pre).trim().split(/\s+/).length > 3 && !/^(?:trong|trên|so|của|và|vào|đến|tới|năm|cả)(?:\s|$)/iu.test(post)) {
        // "… cho người học tại 100% nhà trường", "đạt ít nhất 50% số xã, phường …": the share is of what follows
        const context = lastWords(focus(stripTrail(pre)), 8);
        indicator = `Tỷ lệ ${post}${context ? ` (${context})` : ''}`;
        spanEnd = Math.max(spanEnd, postEnd);
      } else if (isShare && post && !startsWithIndicatorHead(pre) && stripTrail(pre).trim().split(/\s+/).length <= 3) {
        // "bố trí ít nhất 3% tổng chi ngân sách hằng năm cho …": the verb says little, the object names the indicator
        const of = unit && /^[%‰] /.test(unit) ? unit.slice(2) : '';
        const verb = stripTrail(pre).trim();
        indicator = `${of ? `${of} ` : ''}${post}${verb ? ` (${verb})` : ''}`;
        spanEnd = Math.max(spanEnd, postEnd);
      } else {
        indicator = pre.trim() ? focus(pre) : post;
        const preAt = pre.trim() ? text.indexOf(indicator.trim(), localStart) : -1;
        if (preAt >= 0) spanStart = Math.min(spanStart, preAt);
      }
      indicator = tidyIndicator(indicator);
      if (open >= 0) {
        const outside = tidyIndicator(text.slice(segStart, open));
        if (outside && outside.split(/\s+/).length <= 8) indicator = `${indicator} – ${outside.charAt(0).toLowerCase()}${outside.slice(1)}`;
      }
      // "… đối với nam đạt 168,5 cm, nữ đạt 157,5 cm": the second indicator is the first's variant
      if (prevHead && indicator.split(/\s+/).length <= 3 && !startsWithIndicatorHead(indicator)) indicator = parallel(prevHead.indicator, indicator);
      // "Giảm tỷ suất tử vong: trẻ dưới 5 tuổi còn ≤ 18,5%"
      if (clause.leadIn && !startsWithIndicatorHead(indicator)) {
        const lead = tidyIndicator(stripChange(clause.leadIn));
        if (lead && startsWithIndicatorHead(lead)) indicator = `${lead} ${indicator.charAt(0).toLowerCase()}${indicator.slice(1)}`;
      }
      if (!indicator) indicator = tidyIndicator(clause.leadIn ?? '');
      // a bare head ("Tốc độ", "Tỷ lệ") names no quantity: borrow what follows it, or what the
      // previous target of the clause measured ("… đạt 48,3 triệu USD, tốc độ tăng bình quân 5 - 6%/năm")
      if (isBareHead(indicator)) {
        const verb = cue.change === 'increase' ? ' tăng' : cue.change === 'reduce' ? ' giảm' : '';
        if (post && !/^(?:so|vào|đến|trong)\s/iu.test(post)) indicator = tidyIndicator(`${indicator}${verb} ${post}`);
        else if (prevHead) indicator = `${indicator}${verb} (${prevHead.indicator})`;
      }

      const h: Head = { q, clause, comparator, value: q.value, unit, indicator, start: spanStart, end: spanEnd };
      if (q.valueMax !== undefined) h.valueMax = q.valueMax;
      if (q.kind === 'fraction') h.unit = 'fraction';
      heads.push(h);
      prevHead = h;
      segStart = spanEnd;
      if (!leading) leadOpen = false;
      rateOpen = startsWithRate(text.slice(segStart, clause.end).replace(/^[\s,]*(?:(?:và|trong đó|còn)\s+)?/u, ''));
    }
  }

  return heads.map((h) => {
    const t: Target = {
      indicator: h.indicator,
      comparator: h.comparator,
      value: h.value,
      unit: h.unit,
      year: yearFor(h.q, h.clause, years) ?? input.ctx.year,
      section: input.section,
      text: text.slice(h.start, h.end).trim(),
      start: input.base + h.start + leadingSpace(text.slice(h.start, h.end)),
      end: input.base + h.end - trailingSpace(text.slice(h.start, h.end)),
    };
    if (h.valueMax !== undefined) t.value_max = h.valueMax;
    return t;
  });
}

function isMeta(unit: string): boolean {
  return unitData().meta.includes(unit.toLowerCase());
}

function leadingSpace(s: string): number {
  return s.length - s.trimStart().length;
}
function trailingSpace(s: string): number {
  return s.length - s.trimEnd().length;
}

/**
 * The year in force for one quantity. Inside its clause, the nearest year phrase before it
 * ("Đến năm 2030, tỉnh có ít nhất 20 …"), else one after it ("… nhóm 60 nước … vào năm 2028");
 * outside the clause, the last year phrase earlier in the paragraph ("Đến năm 2025: A; B").
 */
function yearFor(q: Quantity, clause: Clause | undefined, years: YearMark[]): number | null {
  const inClause = clause ? years.filter((y) => y.at >= clause.start && y.at < clause.end) : [];
  const before = inClause.filter((y) => y.at < q.start);
  if (before.length) return before[before.length - 1].year;
  const after = inClause.filter((y) => y.at >= q.end);
  if (after.length) return after[0].year;
  const earlier = years.filter((y) => y.at < (clause?.start ?? q.start));
  return earlier.length ? earlier[earlier.length - 1].year : null;
}

/**
 * Where the phrase that follows a head ends: the clause end, or the start of the next share that
 * opens its own phrase ("100% các điểm … và 100% diện tích …").
 */
function nextHeadBoundary(text: string, from: number, clauseEnd: number, all: Quantity[]): number {
  for (const q of all) {
    if (q.start <= from || q.start >= clauseEnd) continue;
    if (!SHARE_KINDS.has(q.kind) && q.kind !== 'range') continue;
    const between = text.slice(from, q.start);
    // only cue words between the joint and the share: "… và 100% …", "…, trên 70% …", "… và tăng thêm ít nhất 10% …"
    // "… đạt trên 8% và năm 2026 từ 10% trở lên": a year may stand between the joint and the cue
    const head = between.slice(0, cueBefore(between).start).replace(/(?:cả\s+)?(?:trong\s+)?năm\s+(?:19|20)\d{2}\s*,?\s*$/u, '');
    const joint = /(?:,|\s+và|;)\s*$/u.exec(head);
    if (joint) return from + joint.index;
  }
  return clauseEnd;
}

/** The phrase after a quantity, cut where a new statement starts (a colon, a dash, a new sentence). */
function cutPost(s: string): string {
  let out = s.replace(/^\s+/, '');
  // "… tối thiểu 30%, trình Thủ tướng …": the quantity ended its phrase; what follows is another statement
  if (/^[,;:.)]/u.test(out) || /^(?:cụ thể|như sau|trong đó)(?![\p{L}])/iu.test(out)) return '';
  const stop = out.search(new RegExp(`:\\s|\\s[-–]\\s|\\.\\s|,\\s+(?=(?:${alternation(cues().indicatorHeads)})(?![\\p{L}]))|(?:^|,?\\s+)(?:(?:vào|đến|tới|trong)\\s+)?(?:hết\\s+)?năm\\s+(?:19|20)\\d{2}`, 'iu'));
  if (stop >= 0) out = out.slice(0, stop);
  return out.replace(/[\s,;.]+$/u, '');
}

function stripChange(s: string): string {
  const words = [...cues().increase, ...cues().reduce];
  return s.replace(new RegExp(`^\\s*(?:${alternation(words)})(?![\\p{L}])\\s*`, 'iu'), '');
}

/** "Chiều cao … đối với nam" + "nữ" → "Chiều cao … đối với nữ"; "Tuổi thọ … nam" + "nữ" likewise. */
function parallel(prev: string, short: string): string {
  const lowered = short.charAt(0).toLowerCase() + short.slice(1);
  const bare = lowered.replace(/^(?:đối với|với|ở|tại|của)\s+/iu, '');
  const preps = [...prev.matchAll(/(?:^|\s)(đối với|(?<!đối )với|ở|tại|của)\s/giu)];
  const last = preps[preps.length - 1];
  if (last && last.index! > 0) return `${prev.slice(0, last.index! + last[0].length)}${bare}`.replace(/\s+/g, ' ');
  const words = prev.split(/\s+/);
  if (words.length < 2) return short;
  return `${words.slice(0, -1).join(' ')} ${bare}`;
}

/**
 * A rank goal: "<subject> thuộc nhóm N <entity> <leader> <region> … về <domain>". The indicator
 * reads "Thứ hạng <subject> <region> về <domain>", as the annotators wrote it.
 */
function rankHead(text: string, q: Quantity, segStart: number, groupAt: number, end: number, clause: Clause, inherited: string): Head & { subject: string } {
  // the subject as printed ("chỉ số phát triển con người (HDI)", "Việt Nam"), not re-capitalised;
  // an aside left over from the previous rank ("(ASEAN) và nhóm 60 …") is not a subject
  const raw = text.slice(segStart, groupAt).replace(/^\s*\([^()]*\)/, '');
  const pieces = stripTrail(stripLead(raw)).trim().split(/,\s+/);
  const own = stripTrail(stripLead(pieces[pieces.length - 1] ?? '')).trim();
  const subject = own || inherited;
  const leader = text.slice(q.numEnd, end).trim();
  // the region after the leader word, up to a comma or "về"
  const regionM = /^[^,;.(]*?(?=\s+về\s|\s+(?:vào\s+|đến\s+|trong\s+)?năm\s+\d{4}|\s+theo\s|[,;.(]|$)/u.exec(text.slice(end, clause.end));
  const region = regionM ? regionM[0].trim() : '';
  // the domain "về …" may follow a second rank in the same clause ("…, nhóm 50 nước … về X")
  const domM = /(?<![\p{L}])về\s+([^;.]+?)(?=\s+(?:vào\s+|đến\s+|trong\s+)?năm\s+\d{4}|\s+theo\s|[;.]|$)/u.exec(text.slice(end, clause.end));
  const domain = domM ? domM[1].trim().replace(/[,\s]+$/u, '') : '';
  const parts = ['Thứ hạng', subject, `${leader}${region ? ` ${region}` : ''}`, domain ? `về ${domain}` : ''];
  return {
    q,
    comparator: '<=',
    value: q.value,
    unit: null,
    indicator: tidyIndicator(parts.filter(Boolean).join(' ')),
    start: subjectStart(text, own, segStart, groupAt),
    end: end + (regionM ? regionM[0].length : 0),
    subject,
  };
}

function subjectStart(text: string, subject: string, from: number, fallback: number): number {
  if (!subject) return fallback;
  const at = text.lastIndexOf(subject, fallback);
  return at >= from ? at : fallback;
}

/** First offset at or after `from` that starts a word (skips the ", " and ")" a previous head left). */
function contentFrom(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && /[\s,;:.)\]–-]/u.test(text[i])) i++;
  return i;
}

/** Offset of the last "(" between from and to that is not closed before to, or -1. */
function unmatchedParen(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = to - 1; i >= from; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * A long phrase before a value that does not open with an indicator head is usually a sentence
 * that ends with the indicator ("Khoa học … góp phần …, đóng góp vào chỉ số phát triển con người
 * (HDI) duy trì trên 0,7"): keep it from the last indicator head on.
 */
function focus(pre: string): string {
  // "… bảo đảm các cân đối lớn, phấn đấu tăng trưởng kinh tế …": the goal verb opens the indicator
  const goal = [...pre.matchAll(/(?<![\p{L}])phấn đấu(?![\p{L}])/giu)].pop();
  if (goal && pre.slice(goal.index! + goal[0].length).trim().split(/\s+/).length >= 2) pre = pre.slice(goal.index! + goal[0].length);
  const words = pre.trim().split(/\s+/);
  if (words.length <= 10 || startsWithIndicatorHead(pre)) return pre;
  const re = new RegExp(`(?<![\\p{L}])(?:${alternation(cues().indicatorHeads)})(?![\\p{L}])`, 'giu');
  let last = -1;
  for (const m of pre.matchAll(re)) if (pre.slice(m.index).trim().split(/\s+/).length >= 2) last = m.index!;
  return last > 0 ? pre.slice(last) : pre;
}

/** The last comma-separated piece of a phrase when it is short: context, not a second indicator. */
function lastWords(s: string, n: number): string {
  const pieces = s.trim().split(/,\s+/);
  const last = stripTrail(pieces[pieces.length - 1] ?? '').trim();
  return last.split(/\s+/).length <= n ? last : '';
}

/** Where a count's phrase ends: before the next quantity that has its own subject and cue, after a comma. */
function nextCuedBoundary(text: string, from: number, end: number, all: Quantity[]): number {
  for (const q of all) {
    if (q.start <= from || q.start >= end || q.kind === 'year' || q.kind === 'date') continue;
    const between = text.slice(from, q.start);
    const cue = cueBefore(between);
    if (!cue.comparator) continue;
    const head = between.slice(0, cue.start);
    const comma = head.lastIndexOf(',');
    if (comma >= 0) return from + comma;
  }
  return end;
}

/** "… 100 doanh nghiệp khởi nghiệp sáng tạo, 50 doanh nghiệp …": a list of counts of one noun. */
function nextListBoundary(text: string, from: number, end: number, unit: string | null, all: Quantity[]): number {
  if (!unit) return end;
  for (const q of all) {
    if (q.start <= from || q.start >= end) continue;
    const u = q.unit ?? countedNoun(text, q.end);
    if (u !== unit) continue;
    const m = /(?:,|\svà)\s*$/u.exec(text.slice(from, q.start));
    if (m) return from + m.index;
  }
  return end;
}

/** The "per" of a count printed before it: "bình quân mỗi phụ nữ …" → "phụ nữ", "mỗi năm" → "năm". */
function perUnit(before: string): string | null {
  const m = /(?<![\p{L}])mỗi\s+(\p{L}+(?:\s+\p{L}+)?)/u.exec(before);
  if (!m) return null;
  const known = knownUnitAt(m[1].toLowerCase(), 0);
  return known ? known.unit : null;
}

/** "Tốc độ", "Tỷ lệ", "Tỉ trọng": an indicator head with nothing after it. */
function isBareHead(indicator: string): boolean {
  const words = indicator.trim().split(/\s+/);
  return words.length <= 2 && startsWithIndicatorHead(indicator) && stripTrail(indicator).split(/\s+/).length === words.length;
}
