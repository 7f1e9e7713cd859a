/**
 * Task tables (extraction.md §5): columns like "Nội dung/nhiệm vụ | Cơ quan chủ trì | Cơ quan phối
 * hợp | Thời gian" give one task per row, its lead and support columns as printed. Row numbers
 * (TT, STT) are not sections; a group row ("I | CƠ CHẾ, CHÍNH SÁCH | | |") is the section of the
 * rows under it, numbered from the table's own start.
 */
import type { Paragraph } from '../../models.js';

export type Column = 'index' | 'task' | 'lead' | 'support' | 'time' | 'result' | 'target' | 'other';

const COLUMN_PATTERNS: [Column, RegExp][] = [
  ['index', /^(?:s?tt|số\s*tt|số thứ tự|thứ tự)\.?$/iu],
  ['support', /phối hợp/iu],
  ['time', /thời gian|thời hạn|tiến độ|hoàn thành|năm thực hiện/iu],
  ['lead', /chủ trì|chịu trách nhiệm|đầu mối|(?:cơ quan|đơn vị|bộ phận)\s+thực hiện|^thực hiện$|^phân công$/iu],
  ['result', /kết quả|sản phẩm|hình thức văn bản|kinh phí|nguồn vốn|ghi chú/iu],
  ['target', /chỉ tiêu|chỉ số/iu],
  ['task', /nội dung|nhiệm vụ|công việc|hoạt động|giải pháp|đề án|dự án|văn bản|tên/iu],
];

export function columnOf(header: string): Column {
  const h = header.replace(/[*_]/g, '').trim();
  for (const [col, re] of COLUMN_PATTERNS) if (re.test(h)) return col;
  return 'other';
}

const PROCEDURE = /thủ tục|TTHC/iu;
const DITTO = /^\s*(?:như trên|nt|")\s*\.?\s*$/iu;

/**
 * A header row names its columns: short cells ("Cơ quan chủ trì", "Thời gian"), a lead column and at least one
 * other known column. A data row that happens to contain "thực hiện" or "chủ trì" ("Nộp hồ sơ trực tuyến … thực
 * hiện", "4.1 | Người chủ trì | Người/cuộc | 5") is not one.
 */
function isHeaderRow(p: Paragraph): boolean {
  const cells = p.cells!;
  const cols = cells.map((c) => columnOf(c.text));
  const lead = cols.indexOf('lead');
  if (lead < 0 || cells[lead].text.trim().length > 40) return false;
  if (cells.some((c) => c.text.trim().length > 80)) return false;
  return cols.some((c, k) => k !== lead && c !== 'other' && c !== 'index');
}

export interface TableRow {
  para: Paragraph;
  /** group section id of the row ("I", "II.1"), or null */
  group: string | null;
  task?: { text: string; start: number; end: number };
  lead?: { text: string; start: number; end: number };
  support?: { text: string; start: number; end: number };
  time?: { text: string; start: number; end: number };
}

const ROMAN_LABEL = /^(?:X{0,3})(?:IX|IV|V?I{0,3})\.?$/u;
const ARABIC_LABEL = /^\d{1,2}\.?$/u;
const LETTER_LABEL = /^[a-zđ][.)]?$/u;

function cleanLabel(s: string): string {
  return s.replace(/[.)]$/u, '').trim();
}

const ELLIPSIS = /^(?:[.…]{2,}|…)\s*(?:\||$)/u;

/** Consecutive table rows, split where a paragraph that is not a row interrupts them. */
export function tableBlocks(paragraphs: Paragraph[]): Paragraph[][] {
  const blocks: Paragraph[][] = [];
  let cur: Paragraph[] = [];
  for (const p of paragraphs) {
    if (p.kind === 'table-row' && p.cells?.length) cur.push(p);
    // "……" between rows stands for rows (and group headings) left out: kept as a marker
    else if (cur.length && ELLIPSIS.test(p.text)) cur.push(p);
    else if (cur.length) {
      // a short caption between rows does not end the table, a real paragraph does
      if (p.text.length > 80 || cur.length === 0) {
        blocks.push(cur);
        cur = [];
      }
    }
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

/**
 * The task rows of one table block, or [] when the block is not a task table (no lead column,
 * or an indicator table: "Chỉ tiêu | Cơ quan chủ trì theo dõi").
 */
export function taskRows(block: Paragraph[]): TableRow[] {
  const headerIdx = block.findIndex((p) => !!p.cells && isHeaderRow(p));
  if (headerIdx < 0) return [];
  const header = block[headerIdx].cells!.map((c) => columnOf(c.text));
  if (!header.includes('task') && header.includes('target')) return [];
  // a catalogue of administrative procedures ("Tên TTHC | … | Cơ quan thực hiện") lists procedures, not tasks
  if (block[headerIdx].cells!.some((c, k) => header[k] === 'task' && PROCEDURE.test(c.text))) return [];
  const leadCol = header.indexOf('lead');
  const rows: TableRow[] = [];
  let roman: string | null = null;
  let group: string | null = null;
  for (const p of block.slice(headerIdx + 1)) {
    if (ELLIPSIS.test(p.text)) {
      // the rows after an omission belong to no printed group
      roman = null;
      group = null;
      continue;
    }
    if (!p.cells) continue;
    const cells = p.cells;
    // a repeated header (a page break inside the table, or the next table's header)
    if (isHeaderRow(p)) continue;
    if (cells[leadCol] && columnOf(cells[leadCol].text) !== 'other' && cells[leadCol].text.length < 40) continue;
    const filled = cells.filter((c) => c.text.trim() !== '');
    const label = cleanLabel(cells[0]?.text ?? '');
    const noOwner = !(cells[leadCol]?.text.trim());
    if (filled.length <= 2 && noOwner && cells.length >= 1) {
      if (ROMAN_LABEL.test(label) && label) {
        roman = label;
        group = label;
        continue;
      }
      if (ARABIC_LABEL.test(label) && cells.length > 2) {
        group = roman ? `${roman}.${label}` : label;
        continue;
      }
      if (LETTER_LABEL.test(label) && cells.length > 2) {
        group = group ? `${group}.${label}` : label;
        continue;
      }
    }
    // align cells to columns: left up to the lead column, the rest from the right
    const at: (typeof cells[number] | undefined)[] = new Array(header.length).fill(undefined);
    if (cells.length >= header.length) cells.slice(0, header.length).forEach((c, k) => (at[k] = c));
    else {
      const left = Math.min(leadCol + 1, cells.length);
      for (let k = 0; k < left; k++) at[k] = cells[k];
      const right = cells.length - left;
      for (let k = 0; k < right; k++) at[header.length - right + k] = cells[left + k];
    }
    const pick = (col: Column) => {
      const k = header.indexOf(col);
      const c = k >= 0 ? at[k] : undefined;
      return c && c.text.trim() ? { text: c.text, start: c.start, end: c.end } : undefined;
    };
    // "Như trên" (ditto) repeats the cell of the row above
    const prev = rows[rows.length - 1];
    const ditto = (c: ReturnType<typeof pick>, above: ReturnType<typeof pick>) => (c && DITTO.test(c.text) ? above : c);
    rows.push({ para: p, group, task: pick('task'), lead: ditto(pick('lead'), prev?.lead), support: ditto(pick('support'), prev?.support), time: pick('time') });
  }
  return rows;
}
