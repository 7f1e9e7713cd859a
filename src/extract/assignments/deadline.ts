/**
 * Deadlines of tasks: "trước ngày 10/6", "trước 15/12 hằng năm", "quý III/2025", "năm 2026",
 * "định kỳ 6 tháng", "thường xuyên", "giai đoạn 2026–2030", "Quý IV/2025- Quý II/2026".
 *
 * `value` is an ISO date, an ISO interval ("2025-10-01/2026-06-30"), or null when only a
 * recurrence is printed. A day and month without a year take the year of the document date; a
 * recurring date takes its first occurrence on or after the document date.
 */
import type { Deadline } from '../../models.js';

type Recurrence = Deadline['recurrence'];

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
const QUARTER_START = ['01-01', '04-01', '07-01', '10-01'];
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

interface Piece {
  start: number;
  end: number;
  from: string;
  to: string;
  /** a single day (value is a date, not an interval) */
  day?: boolean;
}

interface DocTime {
  year: number | null;
  /** ISO date of the document, when fully known */
  date: string | null;
}

function docTime(docDate: string | null | undefined): DocTime {
  if (!docDate) return { year: null, date: null };
  const y = Number(docDate.slice(0, 4));
  return { year: Number.isFinite(y) ? y : null, date: /^\d{4}-\d{2}-\d{2}$/.test(docDate) ? docDate : null };
}

const QUARTER = String.raw`qu[ýy]\s*(I{1,3}|IV|[1-4])\s*(?:\/|-|\s+năm\s+|\s+)\s*(\d{4})`;
const MONTH = String.raw`tháng\s*(\d{1,2})\s*(?:\/|-|\s+năm\s+)\s*(\d{4})`;
const DAY = String.raw`(\d{1,2})\s*(?:\/|-|\s+tháng\s+)\s*(\d{1,2})(?:\s*(?:\/|-|\s+năm\s+)\s*(\d{4}))?`;

function quarter(q: string, y: string): [string, string] {
  const n = ROMAN[q.toUpperCase()] ?? Number(q);
  return [`${y}-${QUARTER_START[n - 1]}`, `${y}-${QUARTER_END[n - 1]}`];
}

function month(m: string, y: string): [string, string] | null {
  const mm = Number(m);
  if (mm < 1 || mm > 12) return null;
  return [`${y}-${pad(mm)}-01`, `${y}-${pad(mm)}-${pad(lastDay(Number(y), mm))}`];
}

/** Each dated expression in the text, as an interval. */
function pieces(text: string, cell: boolean): Piece[] {
  const out: Piece[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a);
  const add = (p: Piece) => {
    if (!free(p.start, p.end)) return;
    taken.push([p.start, p.end]);
    out.push(p);
  };
  let m: RegExpExecArray | null;
  const scan = (re: RegExp, f: (m: RegExpExecArray) => Piece | null) => {
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      const p = f(m);
      if (p) add(p);
    }
  };
  // "giai đoạn 2026–2030", "2025 - 2026" (a span of years)
  scan(new RegExp(String.raw`(?:giai\s+đoạn|thời\s+kỳ|từ\s+năm|năm)?\s*\b(\d{4})\s*[-–—]\s*(\d{4})\b`, 'giu'), (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a < 1990 || b < a || b > 2100) return null;
    if (!cell && !/giai|thời|từ|năm/iu.test(m[0])) return null;
    return { start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length, from: `${a}-01-01`, to: `${b}-12-31` };
  });
  scan(new RegExp(QUARTER, 'giu'), (m) => {
    const [from, to] = quarter(m[1], m[2]);
    return { start: m.index, end: m.index + m[0].length, from, to };
  });
  // a day: "trước ngày 10/6", "trước 15/12", "chậm nhất ngày 30 tháng 11"; in prose a bare "ngày 22/12/2024"
  // is the date of a cited document, not a deadline
  scan(new RegExp(String.raw`(?:(?:trước|chậm nhất(?:\s+là)?|hạn chót|thời hạn|hoàn thành|xong|đến hết|đến)\s*(?:ngày\s*)?|ngày\s*)?\b${DAY}\b`, 'giu'), (m) => {
    const lead = m[0].slice(0, m[0].search(/\d/));
    const cue = /trước|chậm|hạn|hoàn thành|xong|đến/iu.test(lead);
    if (!cue && !cell) return null;
    const d = Number(m[1]);
    const mo = Number(m[2]);
    // without a printed year the caller decides (the document's year, or the next occurrence of a recurring date)
    const y = m[3] ? Number(m[3]) : null;
    if (!validDate(y ?? 2024, mo, d)) return null;
    const s = m.index + (m[0].length - m[0].trimStart().length);
    if (y == null) return { start: s, end: m.index + m[0].length, from: `--${pad(mo)}-${pad(d)}`, to: `--${pad(mo)}-${pad(d)}`, day: true };
    const iso = `${y}-${pad(mo)}-${pad(d)}`;
    return { start: s, end: m.index + m[0].length, from: iso, to: iso, day: true };
  });
  scan(new RegExp(MONTH, 'giu'), (m) => {
    const r = month(m[1], m[2]);
    return r ? { start: m.index, end: m.index + m[0].length, from: r[0], to: r[1] } : null;
  });
  // a year: "trong năm 2025", "năm 2026" after a completion cue; a bare year or "6/2025" only in a time cell
  scan(new RegExp(String.raw`(?:(?:hoàn thành|trong|cuối|đầu|hết|đến|trước|năm)\s+)*năm\s+(\d{4})\b`, 'giu'), (m) => {
    const y = Number(m[1]);
    // "đến năm 2030" names a programme's horizon ("Chiến lược … đến năm 2030"), not a deadline
    if (!cell && !/hoàn thành|trong|cuối|hết|trước/iu.test(m[0])) return null;
    const from = /cuối/iu.test(m[0]) ? `${y}-10-01` : `${y}-01-01`;
    const to = /đầu/iu.test(m[0]) ? `${y}-03-31` : `${y}-12-31`;
    if (/đến|trước|hết/iu.test(m[0]) && !/trong/iu.test(m[0])) return { start: m.index, end: m.index + m[0].length, from: `${y}-12-31`, to: `${y}-12-31`, day: true };
    return { start: m.index, end: m.index + m[0].length, from, to };
  });
  if (cell) {
    scan(/\b(\d{1,2})\s*\/\s*(\d{4})\b/g, (m) => {
      const r = month(m[1], m[2]);
      return r ? { start: m.index, end: m.index + m[0].length, from: r[0], to: r[1] } : null;
    });
    scan(/\b(20\d{2}|19\d{2})\b/g, (m) => ({ start: m.index, end: m.index + m[0].length, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` }));
  }
  return out.sort((a, b) => a.start - b.start);
}

const RECURRENCES: [RegExp, Recurrence][] = [
  [/(?:định kỳ\s+)?(?:hằng|hàng)\s+tháng|định kỳ\s+(?:01|1)\s+tháng/iu, 'monthly'],
  [/(?:định kỳ\s+)?(?:hằng|hàng)\s+quý|định kỳ\s+(?:theo\s+)?quý/iu, 'quarterly'],
  [/(?:định kỳ\s+)?(?:0?6|sáu)\s+tháng(?:\s*(?:một lần|\/lần|,\s*(?:hằng|hàng)?\s*năm|và\s+(?:hằng|hàng)?\s*năm))?|(?:hằng|hàng)\s+6\s+tháng|nửa năm|bán niên/iu, 'half-yearly'],
  [/(?:định kỳ\s+)?(?:hằng|hàng)\s+năm|định kỳ\s+(?:theo\s+)?năm|mỗi năm/iu, 'yearly'],
  [/thường xuyên|liên tục|(?:hằng|hàng)\s+(?:ngày|tuần)/iu, 'continuous'],
];

/** The first recurrence word in the text ("định kỳ 6 tháng" → half-yearly). */
function recurrence(text: string): { kind: Recurrence; start: number; end: number } | null {
  let best: { kind: Recurrence; start: number; end: number } | null = null;
  for (const [re, kind] of RECURRENCES) {
    const m = re.exec(text);
    if (!m) continue;
    // "6 tháng" alone is a duration; a period needs "định kỳ", "hằng" or "báo cáo … 6 tháng"
    if (kind === 'half-yearly' && !/định kỳ|hằng|hàng|nửa|bán|báo cáo/iu.test(text.slice(Math.max(0, m.index - 30), m.index + m[0].length))) continue;
    if (!best || m.index < best.start) best = { kind, start: m.index, end: m.index + m[0].length };
  }
  return best;
}

/** Next occurrence of a day-month on or after the document date. */
function nextOccurrence(mmdd: string, dt: DocTime): string | null {
  if (dt.year == null) return null;
  const d = `${dt.year}-${mmdd}`;
  if (dt.date && d < dt.date) return `${dt.year + 1}-${mmdd}`;
  return d;
}

/**
 * The deadline printed in a task text, or null. In prose only cued expressions count ("trước
 * ngày …", "trong năm 2025", "quý III/2025"); a table "Thời gian" cell (`cell`) is read whole.
 */
export function findDeadline(text: string, docDate?: string | null, cell = false): Deadline | null {
  const dt = docTime(docDate);
  const ps = pieces(text, cell);
  const rec = recurrence(text);
  if (!ps.length && !rec) return null;
  if (!ps.length) return { text: text.slice(rec!.start, rec!.end).trim(), value: null, recurrence: rec!.kind };
  // a range printed as two pieces: "Quý IV/2025- Quý II/2026", "Từ tháng 12/2025 đến quý I/2026"
  const first = ps[0];
  let last = ps[0];
  if (ps.length > 1) {
    const between = text.slice(ps[0].end, ps[1].start);
    if (/^\s*(?:[-–—]|đến|tới|và)\s*$/iu.test(between) && !(ps[0].day && ps[1].day && /và/u.test(between))) last = ps[1];
  }
  let value: string;
  let start = first.start;
  let end = last.end;
  if (first === last && first.day) {
    value = first.from;
    if (value.startsWith('--')) {
      const mmdd = value.slice(2);
      value = (rec ? nextOccurrence(mmdd, dt) : dt.year != null ? `${dt.year}-${mmdd}` : null) ?? value;
    }
  } else value = `${first.from}/${last.to}`;
  // "Từ tháng 12/2025 đến …": keep the opening word in the printed text
  const before = text.slice(Math.max(0, start - 12), start);
  const lead = /(?:trước|chậm nhất|từ|trong|hoàn thành)\s*$/iu.exec(before);
  if (lead && !/^(?:ngày|trước|chậm|hạn|đến|trong|hoàn)/iu.test(text.slice(start))) start -= lead[0].length;
  // a recurrence printed next to the date belongs to it: "trước 15/12 hằng năm", "định kỳ trước ngày 30 tháng 11 hàng năm"
  let kind: Recurrence = 'none';
  const near = rec && (rec.start >= end - 1 ? rec.start - end < 25 : rec.end <= start && start - rec.end < 25);
  if (rec && near) {
    kind = rec.kind;
    // the printed words take the recurrence only when nothing but spaces lies between ("trước 15/12 hằng năm")
    const gap = rec.start >= end ? text.slice(end, rec.start) : text.slice(rec.end, start);
    if (/^[\s,]*$/u.test(gap)) {
      start = Math.min(start, rec.start);
      end = Math.max(end, rec.end);
    }
  }
  return { text: text.slice(start, end).replace(/\s+/g, ' ').trim(), value, recurrence: kind };
}
