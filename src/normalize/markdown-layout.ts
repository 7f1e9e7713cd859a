import { TracedBuilder, type Traced } from './traced.js';
import {
  BULLET,
  CONNECTOR_END,
  CONNECTOR_START,
  HEADER_START,
  KIND_LINE,
  LABEL,
  NAME_LINE,
  NUMBERED_END,
  ORG_START,
  PLACE_DATE,
  RULE,
  SIGN_PREFIX,
  SIGN_TITLE,
  cellRole,
  isUpper,
  type Role,
} from './markdown-lines.js';

/**
 * Layout of Markdown exports of legal web pages: decide, for every line end, whether it is a hard
 * wrap (join with a space) or a real paragraph break, and turn the exporters' tables into lines.
 *
 * The exports come in two shapes. "Body" exports separate paragraphs by a blank line, so a single
 * newline is a wrap. "Page" exports (the whole web page) have no blank lines at all: a newline is
 * either the wrap of the HTML source or a paragraph end, and only the text can tell them apart.
 *
 * Tables are written one cell per run of lines, with a line holding only "|" before every row and
 * after every cell: "|", cell, "|", cell, "|", "|", cell … A run of two or more pipes ends a row
 * (extra pipes are empty cells). Layout tables (issuer | motto, number | place-date, recipients |
 * signature) become one line per printed line, as on paper; data tables become one line per row
 * with " | " between cells.
 */

interface Line {
  /** Content bounds in the source, without surrounding spaces or a heading's "#" marker. */
  s: number;
  e: number;
  raw: string;
  /** Text without emphasis markers, single-spaced. */
  plain: string;
  /** A line holding only "|". */
  pipe: boolean;
  /** Blank line: a paragraph break in Markdown. */
  gap: boolean;
  /** Emphasis markers only ("**", "* *"): no text, but it may close or open a span. */
  empty: boolean;
  /** Starts / ends with an emphasis marker. */
  lead: boolean;
  trail: boolean;
  /** Parity of bold and italic toggles along the line (bit 0 bold, bit 1 italic). */
  flips: number;
  /** A pipe-table row written on one line ("a | b |"). */
  inline: boolean;
}

// Emphasis markers: runs of stars (not the note marks "(*)", "(**)") and "__" (not a rule "___").
const STARS = /\((\*{1,3})\)|(?<!\\)\*+|(?<![_\\])__(?!_)/g;

function scan(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  while (s <= text.length) {
    let nl = text.indexOf('\n', s);
    if (nl < 0) nl = text.length;
    let a = s;
    let b = nl;
    while (a < b && (text[a] === ' ' || text[a] === '\t')) a++;
    while (b > a && (text[b - 1] === ' ' || text[b - 1] === '\t')) b--;
    let raw = text.slice(a, b);
    const heading = /^#{1,6}(?:\s+|$)/.exec(raw);
    if (heading) {
      a += heading[0].length;
      raw = raw.slice(heading[0].length);
    }
    let flips = 0;
    const plain = raw
      .replace(STARS, (m, paren: string | undefined) => {
        if (paren) return m;
        const n = m[0] === '_' ? 2 : m.length;
        if ((n >> 1) & 1) flips ^= 1;
        if (n & 1) flips ^= 2;
        return '';
      })
      .replace(/\s+/g, ' ')
      .trim();
    const pipe = raw === '|';
    out.push({
      s: a,
      e: b,
      raw,
      plain,
      pipe,
      gap: raw === '' && !heading,
      empty: !pipe && plain === '',
      lead: /^(?:\*(?!\*?\))|__(?!_))/.test(raw),
      trail: /(?:[^(]\*|^\*|[^_]__)$/.test(raw),
      flips,
      inline: !pipe && raw.includes('|') && (/^\|.*\|$/.test(raw) || (/\S\s*\|\s*(?:\S|$)/.test(raw) && /(?:^|\s)\|(?:\s|$)/.test(raw))),
    });
    s = nl + 1;
  }
  return out;
}

/** Builds the output; separators are held back so that a paragraph break wins over a space. */
class Out {
  private b: TracedBuilder;
  readonly srcText: string;
  private pend = '';
  private pendAt = 0;
  constructor(src: Traced) {
    this.b = new TracedBuilder(src);
    this.srcText = src.text;
  }
  text(s: number, e: number): void {
    if (e <= s) return;
    this.flush();
    this.b.copy(s, e);
  }
  /** ' ' (wrap), '' (wrap inside a word or reference), '\n' (paragraph). */
  sep(kind: string, at: number): void {
    if (!this.b.size) return;
    if (kind === '\n' || this.pend !== '\n') {
      this.pend = kind;
      this.pendAt = at;
    }
  }
  raw(str: string, at: number): void {
    this.flush();
    this.b.insert(str, at);
  }
  private flush(): void {
    if (this.pend && this.b.size) this.b.insert(this.pend, this.pendAt);
    this.pend = '';
  }
  build(end: number): Traced {
    return this.b.build(end);
  }
}

interface Ctx {
  /** Page export: no blank lines, so sentence ends and emphasis must find the paragraphs. */
  dense: boolean;
  /** Usual length of a wrapped line in the export (its HTML source was wrapped at a width). */
  width: number;
  role: Role;
}

/**
 * Is the newline between two text lines a paragraph break? `inEm`: an emphasis span is open at
 * the end of `a` (so the newline is a wrap inside it); `edge`: a span closed or opened right at
 * the newline.
 */
function breaks(a: Line, b: Line, cur: string, inEm: boolean, edge: boolean, ctx: Ctx): boolean {
  const p = a.plain;
  const q = b.plain;
  if (RULE.test(a.raw) || RULE.test(b.raw)) return true;
  // a lone bullet or footnote number: its text is on the next line
  if (/^(?:[-+•]|\[\d{1,3}\]|\d{1,3}\.|[IVXLC]{1,5}\.|[a-zđ]\))$/u.test(p)) return false;
  // "KẾ HOẠCH" alone on its line (not the end of a wrapped title) is followed by the title
  if (KIND_LINE.test(p) && cur === p) return true;
  // "Điều" / "1. Phạm vi …": a word that wants its number was wrapped away from it
  if (NUMBERED_END.test(p)) return false;
  if (BULLET.test(q) && bulletStarts(p, q, cur, ctx)) return true;
  // In body exports paragraphs are blank-line separated, so a label after a single newline is
  // usually a reference that a wrap put first ("(1) Công nghiệp …" inside an enumeration).
  if (LABEL.test(q) && (ctx.dense || ctx.role !== 'text' || /[.:;!?…]["”’)]*$/.test(p) || /^\[\d/.test(q))) return true;
  if (HEADER_START.test(q)) return true;
  // "Hà Nội, ngày …" starts a line, unless a wrap split the place name ("Hồ Chí" / "Minh, ngày")
  if (PLACE_DATE.test(q) && !inEm && !/(?:^|\s)\p{Lu}\p{Ll}*$/u.test(p)) return true;
  if (KIND_LINE.test(q) && !inEm) return true;
  const role = ctx.role;
  if (role !== 'text') {
    if (CONNECTOR_END.test(cur) || CONNECTOR_START.test(q)) return false;
    if (role === 'issuer') {
      // "ỦY BAN NHÂN DÂN" / "TỈNH HÀ TĨNH", "BỘ TÀI CHÍNH" / "CỤC THUẾ": a new unit starts a line,
      // but not right after a lone first word ("BỘ" / "TÀI CHÍNH" is a wrap of one name).
      if (ORG_START.test(q) && /\S\s+\S/.test(cur) && isUpper(cur)) return true;
    } else if (role === 'signature') {
      if (SIGN_PREFIX.test(q) || SIGN_TITLE.test(q)) return true;
      if (isUpper(cur) && NAME_LINE.test(q)) return true;
      if (/^\(.*\)$/.test(q) || /^\(.*\)$/.test(p)) return true; // "(Đã ký)", "(Ký, ghi rõ họ tên)"
    }
    if (inEm) return false;
    if (edge) return true;
    // Outside emphasis the lines of a signature block are the printed lines; elsewhere a wrap.
    return role === 'signature';
  }
  if (inEm) return false;
  if (!ctx.dense) return false;
  // Page exports: a sentence end followed by a capital, or a heading set in bold or italics.
  if (/[.:;!?…]["”’)\]*]*$/.test(a.raw) && /^[\p{Lu}\d"“‘(]/u.test(q)) return true;
  if (edge && (a.trail || b.lead) && !/^\p{Ll}/u.test(q)) return true;
  if (isUpper(cur) && !isUpper(q) && /^[\p{Lu}(]/u.test(q) && cur.length > 3) return true;
  // The last line of a paragraph stops short of the wrap width; the first one can be short too
  // (the HTML tag took the room), so only a short line after others ends the paragraph.
  if (cur !== p && a.raw.length < 0.45 * ctx.width && /^[\p{Lu}\d"“(]/u.test(q)) return true;
  return false;
}

/**
 * "- " at a line start is a list item, or the dash of a range that a wrap put first ("sản xuất" /
 * "- quản lý - tiêu thụ", "dạy - học" / "- thi"). An item follows a clause end or starts with a
 * capital; a range goes on in lower case after a line that does not end a clause.
 */
function bulletStarts(p: string, q: string, cur: string, ctx: Ctx): boolean {
  if (ctx.role === 'recipients' || /^[-+•]$/.test(q) || /^[+•●▪◦]/u.test(q)) return true;
  if (/[.:;!?…]["”’)]*$/.test(p)) return true;
  if (CONNECTOR_END.test(cur)) return false;
  const first = q.replace(/^[-+•●▪◦–]\s+/u, '')[0] ?? '';
  if (/[\p{Lu}"“(]/u.test(first)) return true;
  // "2. Mục tiêu cụ thể" / "- 100% …": an item under a heading line
  return /\d/.test(first) && (LABEL.test(cur) || BULLET.test(cur) || isUpper(cur)) && cur.length < 120;
}

/** A reference or word split at a hyphen or slash ("QĐ-" / "UBND") joins without a space. */
function glue(a: Line, b: Line): string {
  return /[\d\p{Lu}][-/]$/u.test(a.plain) && /^[\p{Lu}\d]/u.test(b.plain) ? '' : ' ';
}

/** Emit text lines as paragraphs, breaking where `breaks` says so. */
function emitBlock(out: Out, lines: Line[], idx: number[], ctx: Ctx): void {
  let bold = false;
  let ital = false;
  let prev: Line | null = null;
  let edge = false;
  let cur = '';
  for (const i of idx) {
    const l = lines[i];
    const wasEm = bold || ital;
    if (l.flips & 1) bold = !bold;
    if (l.flips & 2) ital = !ital;
    if (l.empty) {
      // a marker-only line ("**" closing the issuer's bold) is an emphasis edge
      if (wasEm !== (bold || ital)) edge = true;
      if (RULE.test(l.raw) && prev) {
        out.sep('\n', prev.e);
        prev = null;
      }
      continue;
    }
    if (prev) {
      const inEm = wasEm && !edge;
      const brk = breaks(prev, l, cur, inEm, edge || (l.lead && !wasEm) || (prev.trail && !wasEm), ctx);
      out.sep(brk ? '\n' : glue(prev, l), prev.e);
      cur = brk ? l.plain : `${cur} ${l.plain}`;
    } else cur = l.plain;
    if (GLUED_LIST.test(l.plain)) {
      // "- Thủ tướng…; - Các bộ…; - Lưu: VT": a list whose line breaks the converter lost
      unglue(out.srcText, l.s, l.e).forEach((p, k) => {
        if (k) out.sep('\n', p.s);
        out.text(p.s, p.e);
      });
    } else out.text(l.s, l.e);
    prev = l;
    edge = false;
  }
}

function emitJoined(out: Out, lines: Line[], idx: number[]): void {
  let prev: Line | null = null;
  for (const i of idx) {
    const l = lines[i];
    if (l.empty) continue;
    if (prev) out.sep(glue(prev, l), prev.e);
    out.text(l.s, l.e);
    prev = l;
  }
}

interface Table {
  rows: number[][][];
  end: number;
}

/** Lines of the next cell: up to the next pipe line (not across a blank line). */
function segment(lines: Line[], i: number): { idx: number[]; next: number } {
  const idx: number[] = [];
  while (i < lines.length && !lines[i].pipe && !lines[i].gap) idx.push(i++);
  return { idx, next: i };
}

function isLayoutRow(lines: Line[], row: number[][]): boolean {
  return row.some((c) => cellRole(c.map((i) => lines[i].plain).filter(Boolean)) !== 'text');
}

/**
 * In a page export a table's last pipe is followed by the next paragraph, which looks like one
 * more cell. The row goes on only if the table visibly continues: short segments up to a row
 * boundary (a header row with merged cells is shorter than the rows below it).
 */
function tableContinues(lines: Line[], i: number, budget: number): boolean {
  for (let k = 0; k < budget && i < lines.length; k++) {
    const seg = segment(lines, i);
    if (seg.idx.length > 6 || seg.next >= lines.length || lines[seg.next].gap) return false;
    i = seg.next;
    let run = 0;
    while (i < lines.length && lines[i].pipe) {
      run++;
      i++;
    }
    if (run >= 2) return true;
  }
  return false;
}

/**
 * The segment at `i` is the document body rather than a cell: longer than any cell of the body
 * exports (where blank lines delimit tables, cells stay under ~25 lines), or followed by the
 * "Nơi nhận" cell that opens the signature table.
 */
function looksLikeBody(lines: Line[], i: number): boolean {
  const seg = segment(lines, i);
  if (seg.idx.length > 25) return true;
  let k = seg.next;
  while (k < lines.length && lines[k].pipe) k++;
  const after = segment(lines, k).idx.map((j) => lines[j].plain).filter(Boolean);
  return seg.idx.length > 3 && cellRole(after) === 'recipients';
}

function parseTable(lines: Line[], i: number, dense: boolean): Table {
  const rows: number[][][] = [];
  let row: number[][] = [];
  let width = 0; // cells per row, once a row boundary has been seen
  let run = 0;
  while (i < lines.length && lines[i].pipe) {
    run++;
    i++;
  }
  for (let k = 1; k < run; k++) row.push([]);
  for (;;) {
    const seg = segment(lines, i);
    if (seg.next >= lines.length || lines[seg.next].gap) {
      // text that runs into a blank line or the end without a closing pipe is not a cell
      break;
    }
    row.push(seg.idx);
    i = seg.next;
    run = 0;
    while (i < lines.length && lines[i].pipe) {
      run++;
      i++;
    }
    if (run >= 2) {
      let extra = run - 2;
      while (extra > 0 && width && row.length < width) {
        row.push([]);
        extra--;
      }
      rows.push(row);
      width = Math.max(width, row.length);
      row = [];
      while (extra-- > 0) row.push([]);
      continue;
    }
    if (i >= lines.length || lines[i].gap) break;
    if (!dense) continue; // body exports: the blank line after the table ends it
    const full = width ? row.length >= width : row.length >= 2;
    if (!full) {
      // a short row (merged cells) is not a reason to take in the body text that follows
      if (!isLayoutRow(lines, row) && looksLikeBody(lines, i)) break;
      continue;
    }
    if (isLayoutRow(lines, row) || !tableContinues(lines, i, width ? width + 2 : 16)) break;
  }
  if (row.length) rows.push(row);
  return { rows, end: i };
}

function emitTable(out: Out, lines: Line[], table: Table, ctx: Ctx): void {
  const plainOf = (c: number[]) => c.map((i) => lines[i].plain).filter(Boolean);
  const layout =
    table.rows.length <= 4 && table.rows.every((r) => r.length <= 3) && table.rows.some((r) => isLayoutRow(lines, r));
  const single = table.rows.every((r) => r.filter((c) => plainOf(c).length).length <= 1);
  const endOf = (c: number[]) => (c.length ? lines[c[c.length - 1]].e : 0);
  for (const row of table.rows) {
    const filled = row.filter((c) => plainOf(c).length);
    if (!filled.length) continue;
    if (layout || single) {
      // each cell is a block of printed lines; the issuer sits left of the national motto
      row.forEach((c, k) => {
        if (!plainOf(c).length) return;
        let role = cellRole(plainOf(c));
        if (role === 'text' && layout && k + 1 < row.length && cellRole(plainOf(row[k + 1])) === 'motto') role = 'issuer';
        if (role === 'text' && layout && k > 0 && cellRole(plainOf(row[k - 1])) === 'recipients') role = 'signature';
        out.sep('\n', lines[c[0]].s);
        emitBlock(out, lines, c, { ...ctx, role });
        out.sep('\n', endOf(c));
      });
      continue;
    }
    if (filled.length === 1) {
      // a group heading spanning the table ("I. Kinh tế số"): a line of its own, not a row
      out.sep('\n', lines[filled[0][0]].s);
      emitJoined(out, lines, filled[0]);
      out.sep('\n', endOf(filled[0]));
      continue;
    }
    let at = lines[filled[0][0]].s;
    row.forEach((c, k) => {
      if (c.length) at = lines[c[0]].s;
      if (k === 0) out.sep('\n', at);
      else out.raw(' | ', at);
      emitJoined(out, lines, c);
      if (c.length) at = endOf(c);
    });
    out.sep('\n', at);
  }
}

/**
 * Where a converter that lost the line breaks glued printed lines together ("CHÍNH PHỦ-------",
 * "VIỆT NAMĐộc lập", "CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Hồ Đức Phớc", "…; - Bộ Tài chính;
 * - …"): the offsets at which a cell of a layout row splits back into lines.
 */
const GLUE = new RegExp(
  [
    '(?<=[^\\s_\\-–])(?=[-_–]{3,})',
    '(?<=[-_–]{3,})(?=\\s*[^\\s_\\-–])',
    '(?<=\\S)(?=Độc lập\\s*[-–])',
    '(?<=\\p{L})(?=(?:T\\/?M|K\\/?T|TL|TUQ)\\.\\s?\\p{Lu})',
    '(?<=\\p{Lu})(?=(?:PHÓ |CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|GIÁM ĐỐC)(?!\\p{L}))',
    '(?=\\(\\s*Đã ký\\s*\\))',
    '(?<=\\(\\s*Đã ký\\s*\\))',
    '(?<=;)\\s*(?=-\\s)',
  ].join('|'),
  'gu',
);

const GLUED_LIST = /^[-+]\s.*;\s+-\s.*;\s+-\s/u;

function unglue(src: string, s: number, e: number): { s: number; e: number }[] {
  const text = src.slice(s, e);
  const cuts = [0];
  for (const m of text.matchAll(GLUE)) if (m.index > cuts[cuts.length - 1]) cuts.push(m.index);
  cuts.push(text.length);
  const out: { s: number; e: number }[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    let a = s + cuts[k];
    let b = s + cuts[k + 1];
    while (a < b && /\s/.test(src[a])) a++;
    while (b > a && /\s/.test(src[b - 1])) b--;
    if (b > a) out.push({ s: a, e: b });
  }
  return out;
}

/** Cells written on one line: "Mẫu số 01 | Phiếu đăng ký |", "CHÍNH PHỦ------- | CỘNG HÒA … |". */
function emitInline(out: Out, l: Line): void {
  const src = out.srcText;
  const cells: { s: number; e: number; plain: string }[] = [];
  const re = /[^|]+|(?<=\|)(?=\|)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(l.raw))) {
    if (!m[0].length) re.lastIndex++;
    let a = l.s + m.index;
    let b = a + m[0].length;
    while (a < b && /\s/.test(src[a])) a++;
    while (b > a && /\s/.test(src[b - 1])) b--;
    const plain = src.slice(a, b).replace(STARS, (x, p: string | undefined) => (p ? x : '')).trim();
    cells.push({ s: a, e: b, plain });
  }
  // the empty text before a leading pipe and after a trailing one is not a cell
  if (l.raw.startsWith('|') && cells.length && !cells[0].plain && cells[0].s === l.s) cells.shift();
  while (cells.length && !cells[cells.length - 1].plain) cells.pop();
  const filled = cells.filter((c) => c.plain && !/^:?-{3,}:?$|^[-_=.…]{3,}$/.test(c.plain));
  if (!filled.length) return; // a "|---|---|" separator row
  const pieces = (c: { s: number; e: number }) => unglue(src, c.s, c.e);
  const layout = filled.some((c) =>
    pieces(c).some((p) => {
      const t = src.slice(p.s, p.e).replace(STARS, '');
      return cellRole([t]) !== 'text' || /^(?:CỘNG H(?:ÒA|OÀ)|ĐẢNG CỘNG SẢN)/u.test(t);
    }),
  );
  out.sep('\n', l.s);
  if (layout || filled.length === 1) {
    for (const c of filled) {
      for (const p of layout || GLUED_LIST.test(c.plain) ? pieces(c) : [c]) {
        out.sep('\n', p.s);
        out.text(p.s, p.e);
      }
    }
  } else {
    cells.forEach((c, k) => {
      if (k) out.raw(' | ', c.s);
      out.text(c.s, c.e);
    });
  }
  out.sep('\n', l.e);
}

function wrapWidth(lines: Line[]): number {
  const lens = lines.filter((l) => !l.pipe && !l.gap && !l.empty).map((l) => l.raw.length);
  if (lens.length < 10) return 80;
  lens.sort((x, y) => x - y);
  return lens[Math.floor(lens.length * 0.9)];
}

/** Share of blank lines among text lines: near zero in whole-page exports. */
function isDense(lines: Line[]): boolean {
  let gaps = 0;
  let text = 0;
  for (const l of lines) {
    if (l.gap) gaps++;
    else if (!l.pipe && !l.empty) text++;
  }
  return gaps < 0.04 * text;
}

export function layoutPass(t: Traced): Traced {
  const lines = scan(t.text);
  const dense = isDense(lines);
  const out = new Out(t);
  const ctx: Ctx = { dense, width: wrapWidth(lines), role: 'text' };
  let para: number[] = [];
  const flush = () => {
    if (!para.length) return;
    out.sep('\n', lines[para[0]].s);
    emitBlock(out, lines, para, ctx);
    out.sep('\n', lines[para[para.length - 1]].e);
    para = [];
  };
  let i = 0;
  while (i < lines.length) {
    const l = lines[i];
    if (l.pipe) {
      flush();
      const table = parseTable(lines, i, dense);
      emitTable(out, lines, table, ctx);
      // lines left after the last closing pipe are ordinary text
      i = Math.max(table.end, i + 1);
      continue;
    }
    if (l.gap) {
      flush();
      i++;
      continue;
    }
    if (l.inline) {
      flush();
      emitInline(out, l);
      i++;
      continue;
    }
    para.push(i);
    i++;
  }
  flush();
  return out.build(t.map[t.text.length]);
}
