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
  if (!pages.some((p) => p.length)) return t;
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
    if (b.size) b.insert('\n', fn.lines[0].start);
    emitFootnote(b, fn);
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
      page.push({ start, end: start + content.length, text: content, page: pages.length, blankBefore: blank && page.length > 0 });
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
 * Drop lines repeated in the top or bottom zone of at least half the pages (at least two), and
 * page numbers at the very top or bottom. Half, not all: the first page often has no header.
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
  const repeated = (l: Line) => withText >= 2 && (count.get(shape(l.text)) ?? 0) >= need;
  pages.forEach((p, i) => {
    const pageNo = (l: Line) => isPageNumber(l.text, i, pages.length);
    // From each end inwards, while the outermost line is furniture.
    for (let k = 0; k < ZONE + 1 && p.length && (repeated(p[0]) || pageNo(p[0])); k++) {
      p.shift();
      if (p.length) p[0].blankBefore = false;
    }
    for (let k = 0; k < ZONE + 1 && p.length && (repeated(p[p.length - 1]) || pageNo(p[p.length - 1])); k++) p.pop();
  });
}

function zone(p: Line[]): Line[] {
  return p.length <= 2 * ZONE ? p : [...p.slice(0, ZONE), ...p.slice(-ZONE)];
}

function isPageNumber(text: string, index: number, total: number): boolean {
  const m = PAGE_NUMBER.exec(text);
  if (!m) return false;
  // A bare number could be a table cell; take it only where this page's number would be.
  const explicit = m[1] || /[-–—/]|trên|of/i.test(text);
  const n = Number(m[2]);
  return explicit ? n >= 0 && n <= total + 1000 : Math.abs(n - (index + 1)) <= 1;
}

// ---------------------------------------------------------------------------------------------
// Footnotes

interface Footnote {
  /** The number as printed and where it ends: the text starts after it (maybe after a space). */
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
 * Section labels (extraction.md §6) and bullets. A wrapped line cannot start with a bullet: line
 * breaking (UAX #14, which Word and LibreOffice follow) never breaks before a hyphen or a dash.
 */
const LABEL = /^(?:[IVXLC]{1,6}[.\-–]|\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,2}(?:\.\d{1,2})+|[a-zđ][).]|\(\d{1,3}\)|\([a-zđ]\))\s/u;
// Mid-sentence "… tại Điều 5 của Luật" has no period after the number; a heading has one, or
// stands alone ("Chương II" with its title on the next line).
const LEGAL_UNIT = /^(?:Điều\s+\d+[a-z]?\s*[.:]|(?:Chương|Phần|Mục)\s+(?:[IVXLC]+|\d+|thứ\s+\p{L}+)\s*(?:[.:]|$))/u;
const BULLET = /^[-+•*–—·▪◦●○■□✓➢➤►](?:\s|$)/u;
/** Lines that begin a block of an administrative document and never continue a sentence. */
const HEADER_START = /^(?:Nơi nhận\s*:|Kính gửi\s*:|Số\s*:|V\/v\b|(?:TM|KT|TL|TUQ|Q)\.\s*\p{Lu})/u;

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
  if (BULLET.test(b.text) || HEADER_START.test(b.text) || LEGAL_UNIT.test(b.text)) return 'break';
  const lastWord = /([\p{L}\p{M}]+)$/u.exec(a.text)?.[1]?.toLowerCase() ?? '';
  const open = OPEN_WORDS.has(lastWord);
  if (LABEL.test(b.text) && !CITING_WORDS.has(lastWord)) return 'break';
  const endsSentence = /[.:;!?]["”’)]*$/u.test(a.text);
  const fill = fillRatio(a, b, ctx);
  // Where blank lines are reliable, only a line ending far short of the margin breaks. A page
  // break carries no blank-line evidence either way, so it gets the plain width rule.
  const short = ctx.trustBlanks && a.page === b.page ? fill < 0.6 : fill < 0.93;
  if (open) return 'space';
  // "kinh tế -" + "xã hội", "Sở Lao động -" + "Thương binh": a spaced dash leaves the phrase open.
  if (/\s[-–—&]$/u.test(a.text)) return 'space';
  if (/^[\p{Ll}]/u.test(b.text)) return endsSentence && short ? 'break' : 'space';
  // "… Nghị quyết số" + "21-NQ/TW, …", "đến năm" + "2030, …": a number continues an open
  // phrase; but "1. Mục đích" (a short heading) + "100% dân số …" is a new paragraph.
  if (/^\d/u.test(b.text) && !endsSentence && /[\p{L}\p{M}\d]$/u.test(a.text) && !isCaps(a.text) && !(short && LABEL.test(a.text))) {
    return 'space';
  }
  // A heading in capitals wrapped over two lines ("II. NHIỆM VỤ VÀ GIẢI PHÁP" + "CHỦ YẾU"). Short
  // capital lines are left apart: issuer lines, "KẾ HOẠCH", signature titles are each a paragraph.
  if (isCaps(a.text) && isCaps(b.text) && !endsSentence && (LABEL.test(a.text) || fill >= 0.6)) return 'space';
  return short ? 'break' : 'space';
}

/**
 * "27-" + "NQ/TU", "11/CT-" + "UBND", "137/NQ-" + "CP", "2021-" + "2025": a document symbol or a
 * number range cut after its hyphen or slash. The line ends with a token holding a digit and
 * ending in - or /, the next starts with a capital or a digit: join them without a space.
 */
function referenceWrap(a: string, b: string): boolean {
  const token = /(?:^|\s)(\S+[-/])$/u.exec(a)?.[1];
  if (!token || !/^[\p{Lu}\d]/u.test(b)) return false;
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
  return (width(a.text) + width(' ') + width(firstWord)) / full;
}

/**
 * Natural width of a string in rough ems of a serif font. Capitals are half as wide again as
 * small letters and spaces half as wide, so a line in capitals or with long numbers is not
 * mistaken for a short one. Justification stretches spaces, which is why natural width is
 * a better measure than the count of characters.
 */
function width(s: string): number {
  let w = 0;
  for (const ch of s.normalize('NFC')) {
    if (/\s/u.test(ch)) w += 0.5;
    else if (/\p{Lu}/u.test(ch)) w += 1.4;
    else if (/\p{Ll}|\d/u.test(ch)) w += 1;
    else if (/[.,;:'’!|]/u.test(ch)) w += 0.5;
    else if (/\p{M}/u.test(ch)) w += 0;
    else w += 0.75;
  }
  return w;
}

function widthContext(pages: Line[][]): WidthContext {
  const all = pages.flat().map((l) => width(l.text));
  const docFull = quantile(all, 0.9);
  const full = pages.map((p) => (p.length >= 8 ? quantile(p.map((l) => width(l.text)), 0.9) : docFull));
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

function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
}
