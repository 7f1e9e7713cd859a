/**
 * Target tables: appendices such as "PHỤ LỤC I – DANH MỤC CÁC CHỈ TIÊU" or "Phụ biểu" whose rows are
 * "TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì". Each data row gives one target per value
 * (a cell "≤ 3 Đông Nam Á; ≤ 50 Thế giới" gives two), with the unit from the unit column and the
 * year from a year column ("Năm 2025"), a group row ("I | Đến năm 2030") or the section above.
 * Task tables ("Nội dung | Cơ quan chủ trì | Thời gian") have no value column and give nothing.
 */
import type { Comparator, Paragraph, Target } from '../../models.js';
import { findQuantities, isRankUnit } from '../numbers/index.js';
import { syllableCounts } from '../../lexicon/load.js';
import { cueBefore, cues, alternation, B, E, suffixAfter, headingClass } from './cues.js';
import type { GoalContext } from './context.js';
import { yearOfHeading } from './context.js';
import { tidyIndicator } from './indicator.js';

interface Columns {
  indicator: number;
  unit: number | null;
  values: { index: number; year: number | null }[];
}

const lower = (s: string) => s.toLowerCase().normalize('NFC').replace(/\*+/g, '').trim();
const test = (list: string[], s: string, anchored = false) =>
  new RegExp(`${anchored ? '^' : B}(?:${alternation(list)})${E}`, 'iu').test(lower(s));

function headerYear(h: string): number | null {
  const m = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(h);
  if (!m) return null;
  // "2021-2025": the end of the period
  const r = /(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})/.exec(h);
  return Number(r ? r[1] : m[1]);
}

/** Read the columns of a header row; null when the table is not a target table. */
export function readHeader(cells: string[]): Columns | null {
  const c = cues();
  let indicator = -1;
  let unit: number | null = null;
  const values: { index: number; year: number | null }[] = [];
  cells.forEach((raw, i) => {
    const h = lower(raw);
    if (!h) return;
    if (unit === null && test(c.tableUnitHeaders, h, true) && !/chủ trì|thực hiện|phối hợp|quản lý|theo dõi/iu.test(h)) {
      unit = i;
      return;
    }
    if (test(c.tableSkipHeaders, h, true) || /^(?:s?tt|số tt)$/iu.test(h)) return;
    const year = headerYear(h);
    const isValue = test(c.tableValueHeaders, h, true) || (year !== null && h.replace(/[^\p{L}]/gu, '').length < 25);
    if (indicator < 0 && test(c.tableIndicatorHeaders, h, true) && !(year !== null && i > 1)) {
      indicator = i;
      return;
    }
    if (isValue) values.push({ index: i, year });
  });
  if (indicator < 0 || !values.length) return null;
  return { indicator, unit, values };
}

function isHeaderRow(cells: string[]): boolean {
  const text = cells.join(' ');
  // header cells are words; a data row carries numbers other than years
  return !/\d/.test(text.replace(/(?:19|20)\d{2}/g, '').replace(/^\s*\d+\s*$/, '')) || cells.every((x) => !/\d/.test(x.replace(/(?:19|20)\d{2}/g, '')));
}

interface ValuePart {
  comparator: Comparator;
  value: number;
  valueMax?: number;
  unit: string | null;
  label: string;
  start: number;
  end: number;
}

/** The values in a value cell: "≤ 3 Đông Nam Á; ≤ 50 Thế giới", "≥ 3% và tăng dần …", "40 - 50", "Trên 90%". */
function readValues(cell: string, indicator: string): ValuePart[] {
  const out: ValuePart[] = [];
  let from = 0;
  for (const part of cell.split(';')) {
    const qs = findQuantities(part).filter((q) => q.kind !== 'year' && q.kind !== 'date');
    const q = qs[0];
    if (q) {
      const cue = cueBefore(part.slice(0, q.start));
      let comparator: Comparator = q.sign ?? cue.comparator ?? '=';
      const suffix = suffixAfter(part.slice(q.end));
      if (suffix && comparator === '=') comparator = suffix.comparator;
      if (q.kind === 'range') comparator = 'range';
      else if (comparator === '=' || comparator === '>=' || comparator === '>') {
        // "Số lượng công bố … tăng trung bình | %/năm | 10": the change is in the indicator
        if (/(?<![\p{L}])tăng(?:\s+(?:trung bình|bình quân))?\s*$/iu.test(indicator) && comparator === '=') comparator = 'increase_by';
        if (/(?<![\p{L}])giảm(?:\s+(?:trung bình|bình quân))?\s*$/iu.test(indicator) && comparator === '=') comparator = 'reduce_by';
      }
      const label = part.slice(q.end).replace(/^[\s%]+/, '').replace(/^(?:và|,)\s.*$/iu, '').trim();
      const v: ValuePart = { comparator, value: q.value, unit: q.unit, label: label.split(/\s+/).length <= 4 ? label : '', start: from + q.start, end: from + q.end };
      if (q.valueMax !== undefined) v.valueMax = q.valueMax;
      out.push(v);
    }
    from += part.length + 1;
  }
  return out;
}

/** Unit from the unit column; a rank unit ("Thứ bậc", "Thứ hạng") is null by the spec. */
function unitOf(cell: string | undefined, fromValue: string | null): string | null {
  const u = (cell ?? '').trim();
  if (!u) return fromValue;
  if (isRankUnit(u)) return null;
  if (u.length > 40) return fromValue;
  // a column cell is capitalised ("Doanh nghiệp", "Người/vạn dân"); units are written in lower case,
  // symbols and acronyms ("Tbps", "GDP", "USD") as printed
  const first = u.split(/[\s/,]/)[0];
  return syllableCounts().has(first.toLowerCase()) && /^\p{Lu}\p{Ll}/u.test(first) ? first.toLowerCase() + u.slice(first.length) : u;
}

/**
 * Targets of every target table in the document. `contexts` is the goal context of each paragraph
 * (same order as doc paragraphs); a table counts when its header names an indicator and a value
 * column and it sits in a goals section or in an appendix.
 */
export function tableTargets(paragraphs: Paragraph[], contexts: GoalContext[], titleYear: number | null): Target[] {
  const out: Target[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    if (paragraphs[i].kind !== 'table-row') {
      i++;
      continue;
    }
    let j = i;
    while (j < paragraphs.length && paragraphs[j].kind === 'table-row') j++;
    out.push(...oneTable(paragraphs, contexts, i, j, titleYear));
    i = j;
  }
  return out;
}

function captionYear(paragraphs: Paragraph[], at: number): { year: number | null; goal: boolean } {
  // the lines just above the table: "PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ", "(Kèm theo …)"
  let year: number | null = null;
  let goal = false;
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    const p = paragraphs[k];
    if (p.kind === 'table-row') break;
    const t = p.text.replace(/\([^)]*\)/g, ' ');
    // "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ", "Phụ biểu chỉ tiêu …" — but not "DỰ BÁO MỘT SỐ CHỈ TIÊU …"
    const cls = headingClass(t);
    if (cls === 'goal' || (cls === null && /(?<![\p{L}])(?:chỉ tiêu|mục tiêu)(?![\p{L}])/iu.test(t))) goal = true;
    year ??= yearOfHeading(t);
  }
  return { year, goal };
}

/** "1 | 2 | 3 | … | 8": the column-number row printed under many Vietnamese table headers. */
function isNumberingRow(cells: string[]): boolean {
  const t = cells.map((c) => c.trim()).filter(Boolean);
  return t.length >= 3 && t.every((c, i) => /^\(?\d{1,2}\)?$/.test(c) && (i === 0 || Number(c.replace(/\D/g, '')) === Number(t[i - 1].replace(/\D/g, '')) + 1));
}

/** The usual number of cells of the table's data rows. */
function dataWidth(paragraphs: Paragraph[], from: number, to: number): number {
  const counts = new Map<number, number>();
  for (let r = from; r < to; r++) {
    const cells = paragraphs[r].cells ?? [];
    if (!cells.some((c) => /\d/.test(c.text))) continue;
    counts.set(cells.length, (counts.get(cells.length) ?? 0) + 1);
  }
  let best = 0;
  let n = -1;
  for (const [w, c] of counts) if (c > n || (c === n && w > best)) [best, n] = [w, c];
  return best;
}

function oneTable(paragraphs: Paragraph[], contexts: GoalContext[], from: number, to: number, titleYear: number | null): Target[] {
  // header: the first row(s) without data; a second header row may carry the years ("2025 | 2030")
  let cols: Columns | null = null;
  let goalHeader = false;
  const width = dataWidth(paragraphs, from, to);
  let k = from;
  for (; k < Math.min(to, from + 3); k++) {
    const cells = (paragraphs[k].cells ?? []).map((c) => c.text);
    if (!isHeaderRow(cells)) break;
    const c = readHeader(cells);
    if (c) {
      cols = c;
      // the header names targets: an indicator column "Chỉ tiêu", or value columns "Mục tiêu …" / "Kế hoạch …"
      goalHeader = /(?<![\p{L}])(?:chỉ tiêu|mục tiêu)(?![\p{L}])/iu.test(cells[c.indicator] ?? '') || c.values.some((v) => /^(?:mục tiêu|chỉ tiêu|kế hoạch)/iu.test(lower(cells[v.index] ?? '')));
      k++;
      // a year row under a merged "Giai đoạn 2026 - 2030" header: its cells are the last columns
      const next = paragraphs[k];
      if (next?.kind === 'table-row' && k < to) {
        const nc = (next.cells ?? []).map((x) => x.text);
        // every cell a year ("Năm 2026 | … | Năm 2030"); "I | Đến năm 2030" is a group row, not a header
        if (isHeaderRow(nc) && nc.some((x) => headerYear(x) !== null) && nc.every((x) => !x.trim() || headerYear(x) !== null)) {
          const shift = Math.max(0, (width || cells.length + nc.length - 1) - nc.length);
          const skip = new Set(cols.values.filter((v) => v.index >= shift).map((v) => v.index));
          const values = [
            ...cols.values.filter((v) => !skip.has(v.index) && v.index < shift),
            ...nc.map((x, idx) => ({ index: idx + shift, year: headerYear(x), h: lower(x) })).filter((v) => v.year !== null && !test(cues().tableSkipHeaders, v.h, true)).map(({ index, year }) => ({ index, year })),
          ].filter((v) => v.index !== cols!.indicator && v.index !== cols!.unit);
          if (values.length) cols = { ...cols, values };
          k++;
        }
      }
      break;
    }
  }
  if (!cols) return [];
  const ctx = contexts[from];
  const cap = captionYear(paragraphs, from);
  // a table of figures is a target table when it says so (a "Chỉ tiêu" column, a caption naming
  // targets) or sits in a goals section; statistics and forecasts in an appendix are not goals
  if (!ctx.goal && !cap.goal && !goalHeader) return [];
  let groupYear: number | null = null;
  let groupLabel = '';
  const out: Target[] = [];
  const need = Math.max(...[cols.indicator, cols.unit ?? 0, ...cols.values.map((v) => v.index)]) + 1;
  for (let r = k; r < to; r++) {
    const p = paragraphs[r];
    // a row with stray empty cells in front (a merged cell the export repeated) aligns on the right
    const all = p.cells ?? [];
    const cells = width && all.length > width && all.slice(0, all.length - width).every((c) => !c.text.replace(/[|\s]/g, '')) ? all.slice(all.length - width) : all;
    const texts = cells.map((c) => c.text);
    if (isNumberingRow(texts)) continue;
    if (texts.length < need) {
      // a group row: "I | Đến năm 2030", "1 | Cà Phê", "A | Chỉ tiêu về y tế"
      const joined = texts.join(' ');
      const y = yearOfHeading(joined);
      if (y !== null) groupYear = y;
      else {
        const label = texts.map((x) => x.replace(/\|/g, ' ').trim()).filter((x) => x && !/^(?:[IVXLC]+|\d+(?:\.\d+)*|[A-Z])\.?$/.test(x)).join(' ');
        if (label && !/\d/.test(label)) groupLabel = label;
      }
      continue;
    }
    const indicatorCell = cells[cols.indicator];
    if (!indicatorCell) continue;
    let indicatorText = tidyIndicator(indicatorCell.text.replace(/\*+/g, '').replace(/\|/g, ' ').replace(/^[-+•]\s*/, ''));
    if (!indicatorText) continue;
    // "- | Diện tích | Ha | …" under "1 | Cà Phê": the row is a sub-item of the group
    const lead = (texts[0] ?? '').replace(/\|/g, '').trim();
    if (cols.indicator > 0 && /^(?:[-+•]|)$/.test(lead) && groupLabel) indicatorText = `${indicatorText} (${groupLabel})`;
    else if (cols.indicator > 0 && /^\d/.test(lead)) groupLabel = indicatorText;
    for (const vc of cols.values) {
      const cell = cells[vc.index];
      if (!cell || !/\d/.test(cell.text)) continue;
      const parts = readValues(cell.text, indicatorCell.text);
      for (const part of parts) {
        const unit = unitOf(cols.unit !== null ? texts[cols.unit] : undefined, part.unit);
        const rank = cols.unit !== null && isRankUnit(texts[cols.unit] ?? '');
        const indicator = parts.length > 1 && part.label ? `${indicatorText} (${part.label})` : indicatorText;
        const t: Target = {
          indicator: rank && !/^(?:xếp hạng|thứ hạng)/iu.test(indicator) ? `Thứ hạng ${indicator.charAt(0).toLowerCase()}${indicator.slice(1)}` : indicator,
          comparator: part.comparator,
          value: part.value,
          unit: rank ? null : unit === '%' || !unit ? (unit ?? part.unit) : unit,
          year: vc.year ?? groupYear ?? cap.year ?? ctx.year ?? titleYear,
          section: p.section?.id ?? null,
          text: p.text.slice(indicatorCell.start - p.start, cell.end - p.start),
          start: indicatorCell.start,
          end: cell.end,
        };
        if (part.valueMax !== undefined) t.value_max = part.valueMax;
        out.push(t);
      }
    }
  }
  return out;
}
