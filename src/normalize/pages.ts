import { TracedBuilder, type Traced } from './traced.js';

/**
 * pageLayoutPass: paged text (PDF) → one paragraph per line.
 *
 * In: page texts separated by \f, one printed line per line (hard-wrapped, justified), as the PDF
 * reader gives them. An empty line inside a page is a paragraph break the reader saw in the
 * layout (see read/pdf.ts); its absence proves nothing, because plain pdf.js text has none.
 *
 * Out: running headers, footers and page numbers dropped; footnote bodies found at page bottoms
 * moved to the end of the document, one paragraph each ("1 Sau khi …"); wrapped lines rejoined
 * with a space (or with nothing inside a reference wrapped after its hyphen, "27-⏎NQ/TU"); a
 * paragraph continued across a page break rejoined. Built only with TracedBuilder, so every
 * clean character keeps its raw offset.
 *
 * Deciding whether a line starts a paragraph uses, in order: the reader's empty lines, reference
 * wraps, the line's own form (section label, bullet, header keyword), case, and the width evidence
 * (a line that stops well short of the page's full justified width ended its paragraph). Widths
 * are estimated from the characters, so the pass works on text alone.
 */
export function pageLayoutPass(t: Traced): Traced {
  const pages = splitPages(t.text);
  dropFurniture(pages);
  const footnotes = takeFootnotes(pages);
  const body = pages.flat();
  const ctx = widthContext(pages);

  const b = new TracedBuilder(t);
  let prev: Line | null = null;
  for (const line of body) {
    if (prev) {
      const join = boundary(prev, line, ctx);
      if (join === 'break') b.insert('\n', prev.end);
      else if (join === 'space') b.insert(' ', prev.end);
    }
    b.copy(line.start, line.end);
    prev = line;
  }
  for (const fn of footnotes) {
    // The break belongs to the end of what precedes it, so that a span ending there maps there.
    if (prev) b.insert('\n', prev.end);
    emitFootnote(b, fn);
    prev = fn.lines[fn.lines.length - 1];
  }
  return b.build(t.map[t.text.length]);
}

interface Line {
  /** Offsets of the line's text in the pass input, without surrounding white space. */
  start: number;
  end: number;
  text: string;
  page: number;
  /** An empty line precedes this one on its page: the reader saw a paragraph break. */
  blankBefore: boolean;
  /** Natural width of the text (see width()). */
  width: number;
}

function splitPages(text: string): Line[][] {
  const pages: Line[][] = [];
  let page: Line[] = [];
  let blank = false;
  let pos = 0;
  while (pos <= text.length) {
    let end = pos;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\f') end++;
    const raw = text.slice(pos, end);
    const content = raw.trim();
    if (content) {
      const start = pos + (raw.length - raw.trimStart().length);
      page.push({ start, end: start + content.length, text: content, page: pages.length, blankBefore: blank && page.length > 0, width: width(content) });
      blank = false;
    } else {
      blank = true;
    }
    if (end >= text.length || text[end] === '\f') {
      pages.push(page);
      page = [];
      blank = false;
    }
    pos = end + 1;
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Running headers, footers, page numbers

/** "2", "- 2 -", "Trang 2", "Trang 2/6", "2/6", "Page 2 of 6". */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(trang|page)\s+)?(\d{1,4})(?:\s*(?:\/|trên|of)\s*\d{1,4})?(?:\s*[-–—])?$/iu;

/** A line's identity across pages: page numbers and dates vary, the words do not. */
function shape(s: string): string {
  return s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/** How many lines at each end of a page may be furniture. */
const ZONE = 2;

/**
 * Drop page furniture from both ends of every page, from the outside in:
 *   - a line repeated (same shape) in the top or bottom zone of at least half the pages, at least
 *     two; half, not all, because the first page often has no header;
 *   - a page number: "Trang 2/6", "- 2 -", "2/6" anywhere in the zone's outermost lines; a bare
 *     "2" only where this page's number would be (see pageNumberOffset);
 *   - a running header that carries the page number ("Chương 2: Nhiệm vụ 7") and recurs on at
 *     least two pages, e.g. once per chapter.
 */
function dropFurniture(pages: Line[][]): void {
  const withText = pages.filter((p) => p.length).length;
  const count = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of zone(p)) seen.add(shape(l.text));
    for (const s of seen) count.set(s, (count.get(s) ?? 0) + 1);
  }
  const need = Math.max(2, Math.ceil(withText / 2));
  const offset = pageNumberOffset(pages);
  pages.forEach((p, i) => {
    const expected = offset === null ? null : i + 1 + offset;
    const furniture = (l: Line) => {
      if (isPageNumber(l.text, i, expected)) return true;
      const seen = count.get(shape(l.text)) ?? 0;
      if (expected !== null && seen >= 2 && edgeNumbers(l.text).includes(expected)) return true;
      // A section or a list item is content even when its wording recurs page after page.
      const item = LABEL.test(l.text) || BULLET.test(l.text) || LEGAL_UNIT.test(l.text);
      return !item && withText >= 2 && seen >= need;
    };
    for (let k = 0; k < ZONE + 1 && p.length && furniture(p[0]); k++) {
      p.shift();
      if (p.length) p[0].blankBefore = false;
    }
    for (let k = 0; k < ZONE + 1 && p.length && furniture(p[p.length - 1]); k++) p.pop();
  });
}

function zone(p: Line[]): Line[] {
  return p.length <= 2 * ZONE ? p : [...p.slice(0, ZONE), ...p.slice(-ZONE)];
}

/** Numbers at the start or the end of a line: where a page number sits in a header or footer. */
function edgeNumbers(text: string): number[] {
  const out: number[] = [];
  const head = /^(?:[-–—]\s*)?(\d{1,4})\b/u.exec(text);
  const tail = /\b(\d{1,4})(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?$/u.exec(text);
  if (head) out.push(Number(head[1]));
  if (tail) out.push(Number(tail[1]));
  return out;
}

/**
 * Printed page number minus position in the file, when the zones of several pages agree on one:
 * front matter numbered i, ii… or a document starting at page 3 shifts the numbers, and a bare
 * number is only taken for a page number where the shift predicts it.
 */
function pageNumberOffset(pages: Line[][]): number | null {
  const pagesBy = new Map<number, Set<number>>();
  pages.forEach((p, i) => {
    const ends = p.length <= 2 ? p : [p[0], p[1], p[p.length - 2], p[p.length - 1]];
    for (const l of ends) {
      if (l.text.length > 120) continue;
      for (const n of edgeNumbers(l.text)) {
        const set = pagesBy.get(n - (i + 1)) ?? new Set<number>();
        set.add(i);
        pagesBy.set(n - (i + 1), set);
      }
    }
  });
  let best: number | null = null;
  let bestPages = 0;
  for (const [off, set] of pagesBy) {
    if (set.size > bestPages || (set.size === bestPages && best !== null && Math.abs(off) < Math.abs(best))) {
      best = off;
      bestPages = set.size;
    }
  }
  const withText = pages.filter((p) => p.length).length;
  return best !== null && bestPages >= 2 && bestPages >= withText / 3 ? best : null;
}

function isPageNumber(text: string, index: number, expected: number | null): boolean {
  const m = PAGE_NUMBER.exec(text);
  if (!m) return false;
  // "Trang 2", "- 2 -", "2/6" say what they are; a bare "2" could be a table cell, so take it
  // only where this page's number would be.
  if (m[1] || /[-–—/]|trên|of/i.test(text)) return true;
  const n = Number(m[2]);
  return expected !== null ? n === expected : Math.abs(n - (index + 1)) <= 1;
}

// ---------------------------------------------------------------------------------------------
// Footnotes

interface Footnote {
  /** The number as printed at the start of the footnote's first line. */
  number: number;
  lines: Line[];
}

/**
 * A footnote body starts a line at the bottom of a page with its number: glued to the text
 * ("1Sau khi …", pdf.js puts no space after the superscript) or followed by a space and a capital.
 * To tell it from a wrapped line that happens to start with a number, the same number must also
 * appear on the page as a marker glued to a word ("dân số1.", "21-NQ/TW2."), and the footnotes of
 * a page must run to the page end in increasing order.
 */
const FOOTNOTE_START = /^(\d{1,3})(?:(?=[\p{L}“"‘'(])|\s(?=[\p{Lu}“"‘'(]))/u;

function takeFootnotes(pages: Line[][]): Footnote[] {
  const out: Footnote[] = [];
  let last = 0;
  for (const p of pages) {
    const starts: { at: number; n: number }[] = [];
    for (let i = 1; i < p.length; i++) {
      const m = FOOTNOTE_START.exec(p[i].text);
      if (m) starts.push({ at: i, n: Number(m[1]) });
    }
    // Try the topmost candidate first: the block must be the page's tail, numbered in sequence.
    for (let s = 0; s < starts.length; s++) {
      const block = starts.slice(s);
      const first = block[0];
      if (first.n < 1 || (first.n <= last && first.n !== 1)) continue;
      if (!block.every((c, j) => c.n === first.n + j)) continue;
      const bodyText = p.slice(0, first.at).map((l) => l.text).join('\n');
      if (!block.every((c) => hasMarker(bodyText, c.n))) continue;
      const lines = p.splice(first.at);
      block.forEach((c, j) => {
        const from = c.at - first.at;
        const to = j + 1 < block.length ? block[j + 1].at - first.at : lines.length;
        out.push({ number: c.n, lines: lines.slice(from, to) });
      });
      last = block[block.length - 1].n;
      break;
    }
  }
  return out;
}

/** The footnote number glued after a word or a closing sign in running text: "dân số1.", "TW2". */
function hasMarker(text: string, n: number): boolean {
  return new RegExp(`[\\p{L}\\p{M}.,;:)\\]”"’'/]${n}(?!\\d)`, 'u').test(text);
}

function emitFootnote(b: TracedBuilder, fn: Footnote): void {
  const first = fn.lines[0];
  const digits = String(fn.number).length;
  b.copy(first.start, first.start + digits);
  // "1Sau khi" → "1 Sau khi", as a footnote is written in text; the space maps to the number.
  if (!/^\s/.test(first.text.slice(digits))) b.insert(' ', first.start + digits);
  let prev: Line | null = null;
  for (const line of fn.lines) {
    if (prev) {
      // Inside one footnote only a reference wrap joins without a space.
      b.insert(referenceWrap(prev.text, line.text) ? '' : ' ', prev.end);
    }
    b.copy(line === first ? line.start + digits : line.start, line.end);
    prev = line;
  }
}

// ---------------------------------------------------------------------------------------------
// Joining lines into paragraphs

type Join = 'break' | 'space' | 'none';

interface WidthContext {
  /** Natural width of a full line, per page (see width()). */
  full: number[];
  /** Blank lines mark paragraph breaks reliably in this text (see widthContext()). */
  trustBlanks: boolean;
}

/**
 * Section labels (extraction.md §6) and bullets. A wrapped line hardly ever starts with a bullet
 * sign: line breaking (UAX #14, which Word and LibreOffice follow) does not break before a hyphen
 * glued to a word; only a spaced dash can open a line ("văn hóa" + "- văn nghệ", see boundary()).
 * A "1.000" (thousands) or "2030," is not a label: a label is followed by a space.
 */
const LABEL = /^(?:[IVXLC]{1,6}(?:\.|\s?[-–])|\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,2}(?:\.\d{1,2})+|[a-zđ][).]|\(\d{1,3}\)|\([a-zđ]\))\s/u;
// Mid-sentence "… tại Điều 5 của Luật" has no period after the number; a heading has one, or
// stands alone ("Chương II" with its title on the next line).
const LEGAL_UNIT = /^(?:Điều\s+\d+[a-z]?\s*[.:]|(?:Chương|Phần|Mục)\s+(?:[IVXLC]+|\d+|thứ\s+\p{L}+)\s*(?:[.:]|$))/u;
const BULLET = /^[-+•*–—·▪◦●○■□✓➢➤►](?:\s|$)/u;
/** Lines that begin a block of an administrative document and never continue a sentence. */
const HEADER_START = /^(?:Nơi nhận\s*:|Kính gửi\s*:|Số\s*:|V\/v\b|(?:TM|KT|TL|TUQ|Q)\.\s*\p{Lu})/u;
/** Preamble clauses ("Căn cứ Luật …;" ⏎ "Căn cứ Nghị định …;") start after a semicolon or colon. */
const PREAMBLE_START = /^(?:Căn cứ|Xét|Theo đề nghị)\s/u;

/**
 * Last words that leave a phrase open, so the next line continues it whatever it starts with
 * ("… của" + "Ủy ban nhân dân …"). Only words that cannot end a paragraph: "số" (number, but also
 * "dân số") or "sau" ("năm sau") can, and are left out.
 */
const OPEN_WORDS = new Set(
  ('và của các những với cho về tại theo trong từ đến là được để do bởi như hoặc hay mà thì vào giữa ' +
    'nếu vì bằng qua cùng mọi một tỉ tỷ lệ gồm nhằm').split(' '),
);
/** After these, "a)" or "2." is the complement of a citation ("tại điểm" + "a) …"), not a label. */
const CITING_WORDS = new Set(['điểm', 'khoản', 'tiết', 'mục', 'điều']);

function boundary(a: Line, b: Line, ctx: WidthContext): Join {
  if (b.blankBefore) return 'break';
  if (referenceWrap(a.text, b.text)) return 'none';
  if (HEADER_START.test(b.text) || LEGAL_UNIT.test(b.text)) return 'break';
  if (PREAMBLE_START.test(b.text) && /[;:]$/u.test(a.text)) return 'break';
  const endsSentence = /[.:;!?]["”’)]*$/u.test(a.text);
  const fill = fillRatio(a, b, ctx);
  // Where blank lines are reliable, only a line ending far short of the margin breaks. A page
  // break carries no blank-line evidence either way, so it gets the plain width rule.
  const trusted = ctx.trustBlanks && a.page === b.page;
  const short = trusted ? fill < 0.6 : fill < 0.93;
  if (BULLET.test(b.text)) {
    // Line breaking may put a spaced dash first on a line ("văn hóa" + "- văn nghệ"): a dash
    // then a small letter after a full line that leaves its phrase open is a wrap, not a bullet.
    const wrap = /^[-–—]\s+\p{Ll}/u.test(b.text) && /[\p{L}\p{M}\d]$/u.test(a.text) && (trusted || !short);
    return wrap ? 'space' : 'break';
  }
  const lastWord = /([\p{L}\p{M}]+)$/u.exec(a.text)?.[1]?.toLowerCase() ?? '';
  const open = OPEN_WORDS.has(lastWord);
  if (LABEL.test(b.text) && !CITING_WORDS.has(lastWord)) return 'break';
  if (open) return 'space';
  // "kinh tế -" + "xã hội", "Sở Lao động -" + "Thương binh": a spaced dash leaves the phrase open.
  if (/\s[-–—&]$/u.test(a.text)) return 'space';
  if (/^[\p{Ll}]/u.test(b.text)) return endsSentence && short ? 'break' : 'space';
  // "… Nghị quyết số" + "21-NQ/TW, …", "đến năm" + "2030, …": a number continues an open
  // phrase; but "1. Mục đích" (a short heading) + "100% dân số …" is a new paragraph.
  if (/^\d/u.test(b.text) && !endsSentence && /[\p{L}\p{M}\d]$/u.test(a.text) && !isCaps(a.text) && fill >= 0.6 && !(short && LABEL.test(a.text))) {
    return 'space';
  }
  // A heading in capitals wrapped over two lines ("II. NHIỆM VỤ VÀ GIẢI PHÁP" + "CHỦ YẾU"). Short
  // capital lines are left apart: issuer lines, "KẾ HOẠCH", signature titles are each a paragraph.
  if (isCaps(a.text) && isCaps(b.text) && !endsSentence && (LABEL.test(a.text) || fill >= 0.6)) return 'space';
  // A paragraph hardly ever ends with a comma: only a clearly short line breaks after one.
  if (/,$/u.test(a.text) && fill >= 0.6) return 'space';
  return short ? 'break' : 'space';
}

/**
 * "27-" + "NQ/TU", "11/CT-" + "UBND", "137/NQ-" + "CP", "2021-" + "2025", "HĐND-" + "UBND": a
 * document symbol or a range cut after its hyphen or slash. The line ends with a token ending in
 * - or / that holds a digit or is in capitals, the next starts with a capital or a digit: join
 * them without a space. ("Lao động-" + "Thương binh" is a word and keeps its space.) A hyphen
 * glued to a word and followed by a small letter is a compound cut at its hyphen: no space either.
 */
function referenceWrap(a: string, b: string): boolean {
  const token = /(?:^|\s)(\S+[-/])$/u.exec(a)?.[1];
  if (!token) return false;
  // "kinh tế-" + "xã hội": line breaking may cut after a hyphen inside a compound; the two halves
  // were written together.
  if (/\p{L}-$/u.test(token) && /^\p{Ll}/u.test(b)) return true;
  if (!/^[\p{Lu}\d]/u.test(b)) return false;
  // With a digit ("27-", "11/CT-") or in capitals ("HĐND-" + "UBND"): a symbol, not a word.
  return /\d/.test(token) || (token.length >= 3 && isCaps(token));
}

function isCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * How full line `a` is, given that the first word of `b` did not fit after it: (width of a + a
 * space + b's first word) / full line width. At or above 1 the word could not fit, so the line
 * wrapped; well below 1 the line ended by choice.
 */
function fillRatio(a: Line, b: Line, ctx: WidthContext): number {
  const full = ctx.full[a.page];
  if (!full) return 1;
  const firstWord = /^\S+/u.exec(b.text)?.[0] ?? '';
  return (a.width + width(' ') + width(firstWord)) / full;
}

/**
 * Natural width of a string in rough ems of a serif font. Capitals are half as wide again as
 * small letters and spaces half as wide, so a line in capitals or with long numbers is not
 * mistaken for a short one. Justification stretches spaces, which is why natural width is
 * a better measure than the count of characters.
 */
function width(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) w += 0.5;
    else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) w += 1;
    else if (c >= 65 && c <= 90) w += 1.4;
    else if (c === 46 || c === 44 || c === 59 || c === 58 || c === 39 || c === 33 || c === 124 || c === 0x2019) w += 0.5;
    else if (c >= 0x300 && c <= 0x36f) w += 0; // a combining mark (text not yet in NFC)
    else if (c < 128) w += 0.75;
    else {
      const ch = s[i];
      const lower = ch.toLowerCase();
      if (lower !== ch.toUpperCase()) w += lower === ch ? 1 : 1.4;
      else w += /\s/.test(ch) ? 0.5 : 0.75;
    }
  }
  return w;
}

function widthContext(pages: Line[][]): WidthContext {
  const all = pages.flat().map((l) => l.width);
  // With a handful of lines the longest one may itself be short; fall back on a prior: a line of
  // a portrait A4 page in 12–14 pt holds 70–90 characters (about 60 of our width units at least).
  const docFull = all.length >= 8 ? quantile(all, 0.9) : Math.max(quantile(all, 1), MIN_FULL_WIDTH);
  const full = pages.map((p) => (p.length >= 8 ? quantile(p.map((l) => l.width), 0.9) : docFull));
  // Blank lines are trustworthy when nearly every line that starts a section or a bullet (where
  // a paragraph surely starts) has one before it.
  let starts = 0;
  let marked = 0;
  for (const p of pages) {
    for (let i = 1; i < p.length; i++) {
      if (LABEL.test(p[i].text) || BULLET.test(p[i].text)) {
        starts++;
        if (p[i].blankBefore) marked++;
      }
    }
  }
  return { full, trustBlanks: starts >= 5 && marked >= 0.8 * starts };
}

const MIN_FULL_WIDTH = 60;

function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil(q * (s.length - 1)))];
}
