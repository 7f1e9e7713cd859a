import { InputError, type RawText } from '../models.js';

/**
 * read/pdf: PDF bytes → RawText, one string per page, pages joined by \f.
 *
 * Text comes from pdf.js through pdf-parse 2.4.5. pdf-parse's getText() flattens every page to a
 * string and throws away the geometry that tells a paragraph break from a line wrap, so by default
 * we read the same pdf.js text items getText() reads (from the document pdf-parse has loaded) and
 * rebuild the lines ourselves. If that document is not reachable (a pdf-parse upgrade changed its
 * internals) we fall back to getText() pages, which the layout pass also handles, only with less
 * evidence.
 *
 * What the page text encodes, beyond the characters (RawText stays a plain string):
 *   - one line per printed line, in pdf.js order (content-stream order: column by column for
 *     LibreOffice and Word, which is the reading order);
 *   - an EMPTY LINE where the layout shows a paragraph break that the characters alone cannot:
 *     the gap between two lines is clearly larger than the document's usual line pitch
 *     (paragraph spacing), the line starts at the document's first-line indent, or the font
 *     size changes (body → footnote area, header → body). No empty line means "no such
 *     evidence", not "same paragraph": a page break or a jump to the next column carries none.
 *   - a tab between two pieces of one printed line separated by a wide gap (table cells).
 */

export interface PdfReadOptions {
  password?: string;
  maxPages: number;
  /**
   * Use pdf.js geometry to mark paragraph breaks (default true). False reads plain getText()
   * pages: the fallback path, kept reachable so that it stays tested.
   */
  geometry?: boolean;
}

/** The slice of pdf.js we use. Declared here so that we do not depend on pdfjs-dist's types. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  hasEOL: boolean;
}
interface PdfPage {
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup(): unknown;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}

/** pdf.js PermissionFlag values: an encrypted file that grants fewer than all has restrictions. */
const ALL_PERMISSIONS = [4, 8, 16, 32, 256, 512, 1024, 2048];

export async function readPdf(bytes: Buffer, path: string, opts: PdfReadOptions): Promise<RawText> {
  if (bytes.length === 0) throw new InputError(path, 'empty file (0 bytes)');
  // pdf.js would call a text file "Invalid PDF structure", which reads like damage; say what it is.
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
    throw new InputError(path, 'not a PDF: the file has no %PDF- header');
  }
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(bytes), password: opts.password });
  try {
    // getInfo() opens the document and counts pages without touching page content, so an
    // oversized file is refused before any text is extracted.
    const info = await parser.getInfo();
    if (info.total > opts.maxPages) {
      throw new InputError(path, `PDF has ${info.total} pages, over the ${opts.maxPages}-page limit`);
    }
    const warnings: string[] = [];
    const granted = info.permission;
    if (Array.isArray(granted) && !ALL_PERMISSIONS.every((f) => granted.includes(f))) {
      warnings.push('PDF has owner restrictions; text extracted anyway');
    }
    const doc = opts.geometry === false ? null : await loadedDocument(parser);
    const pages = doc ? await readPagesWithLayout(doc) : (await parser.getText()).pages.map((p) => p.text);
    const empty = pages.filter((p) => !/\S/.test(p)).length;
    if (empty === pages.length) throw new InputError(path, 'scanned PDF without a text layer: OCR it first');
    if (empty > 0) warnings.push(`${empty} of ${pages.length} pages have no text layer (scanned?); their text is missing`);
    return { text: pages.join('\f'), format: 'pdf', pages: pages.length, paged: true, warnings };
  } catch (e) {
    throw toInputError(e, path);
  } finally {
    await parser.destroy();
  }
}

/** Errors pdf.js (and pdf-parse after it) raise about the file itself, by name. */
const FILE_ERRORS = new Set(['InvalidPDFException', 'FormatError', 'UnknownErrorException', 'MissingPDFException', 'InvalidPDFError']);

/**
 * One plain sentence for what pdf.js says about a file it cannot open. Other errors (a TypeError
 * from our own code) are bugs, not the user's input: they pass through unchanged.
 */
function toInputError(e: unknown, path: string): unknown {
  if (e instanceof InputError || !(e instanceof Error)) return e;
  const message = e.message.trim().replace(/\.$/, '');
  if (e.name === 'PasswordException') {
    return /incorrect/i.test(message)
      ? new InputError(path, 'encrypted PDF: the password given is wrong')
      : new InputError(path, 'encrypted PDF: it needs a password to open (pass --password)');
  }
  if (/zero bytes|is empty/i.test(message)) return new InputError(path, 'empty file (0 bytes)');
  if (!FILE_ERRORS.has(e.name) && e.name !== 'Error') return e;
  // pdf.js messages are short ("Invalid PDF structure", "Bad XRef entry"); keep them so.
  const cause = message ? (message[0].toLowerCase() + message.slice(1)).slice(0, 80) : 'unreadable structure';
  return new InputError(path, `damaged PDF: ${cause}`);
}

/**
 * The pdf.js document pdf-parse opened. pdf-parse keeps it private (load() is a TypeScript
 * `private`, plain at run time); version 2.4.5 is pinned, and a missing method only switches us
 * to the getText() fallback.
 */
async function loadedDocument(parser: object): Promise<PdfDocument | null> {
  const load = (parser as { load?: () => Promise<PdfDocument> }).load;
  if (typeof load !== 'function') return null;
  const doc = await load.call(parser);
  return doc && typeof doc.getPage === 'function' && typeof doc.numPages === 'number' ? doc : null;
}

interface Line {
  text: string;
  /**
   * Where the line starts along its writing direction, and its baseline across it, in PDF units;
   * `y` grows towards the top of the page for ordinary horizontal text. Taken relative to the
   * text direction so that a page drawn rotated (landscape) reads like any other.
   */
  x: number;
  y: number;
  /** Unit vector of the writing direction: lines in different directions are different blocks. */
  dir: [number, number];
  /** Font size of the line's main text (superscript markers do not count). */
  size: number;
}

async function readPagesWithLayout(doc: PdfDocument): Promise<string[]> {
  const pages: PdfTextItem[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.filter(isTextItem));
    page.cleanup();
  }
  return layoutText(pages);
}

function isTextItem(x: unknown): x is PdfTextItem {
  return typeof x === 'object' && x !== null && typeof (x as PdfTextItem).str === 'string' && Array.isArray((x as PdfTextItem).transform);
}

/**
 * Group pdf.js items into printed lines, keeping pdf.js order. A line ends where pdf.js says so
 * (hasEOL), where the baseline moves by more than half the font size, or where the text goes
 * back left. A superscript footnote marker ("dân số¹.") sits a few points off the baseline in a
 * smaller font and stays on its line.
 */
function buildLines(items: PdfTextItem[]): Line[] {
  const lines: (Line & { right: number })[] = [];
  let cur: (Line & { right: number }) | null = null;
  let breakPending = false;
  for (const it of items) {
    if (it.str === '') {
      if (it.hasEOL) breakPending = true;
      continue;
    }
    const [a, b, c, d, e, f] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    const norm = Math.hypot(a, b);
    const dir: [number, number] = norm ? [a / norm, b / norm] : [1, 0];
    // Position along the writing direction (x) and across it (y).
    const x = dir[0] * e + dir[1] * f;
    const y = -dir[1] * e + dir[0] * f;
    const big = cur ? Math.max(size, cur.size) : size;
    const turned = cur ? dir[0] * cur.dir[0] + dir[1] * cur.dir[1] < 0.99 : false;
    if (!cur || breakPending || turned || Math.abs(y - cur.y) > 0.5 * big || x < cur.right - 2 * big) {
      cur = { text: '', x, y, dir, size, right: x };
      lines.push(cur);
    } else if (
      x - cur.right > 2 * big &&
      Math.abs(size - cur.size) <= 0.12 * cur.size &&
      !/\s$/.test(cur.text) &&
      !/^\s/.test(it.str)
    ) {
      // A wide gap inside one printed line separates table cells (pdf-parse puts a tab too).
      // Never before a smaller item: item widths can be short (PDFs drawn from NFD text report
      // them so), and a footnote marker must stay glued to its word.
      cur.text += '\t';
    }
    if (/\S/.test(it.str)) {
      // The line starts at its first visible item, not at a leading space.
      if (cur.text.trim() === '') cur.x = x;
      // The biggest font on the line is its main text; footnote markers are smaller.
      if (cur.text.trim() === '' || size > cur.size * 1.05) {
        cur.size = size;
        cur.y = y;
      }
    }
    cur.text += it.str;
    cur.right = Math.max(cur.right, x + it.width);
    breakPending = it.hasEOL;
  }
  return lines
    .map((l) => ({ text: l.text.replace(/\s+$/, ''), x: l.x, y: l.y, dir: l.dir, size: l.size }))
    .filter((l) => l.text.trim() !== '');
}

/** What a document's layout says about its paragraphs, measured over all its pages. */
interface Style {
  /** Usual baseline distance inside a paragraph, per font size (see linePitches). */
  pitch: Map<number, number>;
  /** First-line indent in PDF units when the document indents paragraphs that way, else null. */
  indent: number | null;
}

/** pdf.js text items of each page → page texts with their line structure and paragraph gaps. */
export function layoutText(pages: PdfTextItem[][]): string[] {
  const lines = pages.map(buildLines);
  const style: Style = { pitch: linePitches(lines), indent: null };
  style.indent = firstLineIndent(lines, style.pitch);
  return lines.map((l) => renderPage(l, style));
}

/** Consecutive lines of one block: same size and direction, the second one below the first. */
function pairs(pages: Line[][]): [Line, Line][] {
  const out: [Line, Line][] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1];
      const b = lines[i];
      if (sameSize(a, b) && sameDirection(a, b) && a.y - b.y > 0) out.push([a, b]);
    }
  }
  return out;
}

/**
 * The usual distance between the baselines of two consecutive lines of one paragraph, per font
 * size, over the whole document: the most frequent gap. Paragraph spacing shows as a larger gap.
 * When most gaps in a document are paragraph gaps (short one-line paragraphs) the mode is that
 * larger gap and we mark nothing, which is the safe side: the text rules decide.
 */
function linePitches(pages: Line[][]): Map<number, number> {
  const byKey = new Map<number, Map<number, number>>();
  for (const [a, b] of pairs(pages)) {
    const dy = a.y - b.y;
    if (dy < 0.8 * a.size || dy > 3 * a.size) continue;
    const key = sizeKey(a.size);
    const hist = byKey.get(key) ?? new Map<number, number>();
    const bin = Math.round(dy * 2) / 2;
    hist.set(bin, (hist.get(bin) ?? 0) + 1);
    byKey.set(key, hist);
  }
  const pitch = new Map<number, number>();
  for (const [key, hist] of byKey) {
    let best = 0;
    let bestCount = 0;
    for (const [bin, count] of hist) {
      // Merge the neighbouring half-point bins: rounding splits one spacing in two.
      const support = count + (hist.get(bin - 0.5) ?? 0) + (hist.get(bin + 0.5) ?? 0);
      if (support > bestCount || (support === bestCount && bin < best)) {
        best = bin;
        bestCount = support;
      }
    }
    if (bestCount >= 3) pitch.set(key, best);
  }
  return pitch;
}

/** A line that certainly opens a paragraph: a section label or a bullet. */
const ITEM_START = /^(?:[IVXLC]+\.|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[-+•–]|Điều\s+\d+)\s/u;

/**
 * Vietnamese administrative documents indent the first line of each paragraph (1–1.27 cm); some
 * use a hanging indent for list items instead, where the first line sticks out. Lines that open
 * an item tell which: compared with the next line of the same paragraph, they stand to the right
 * (first-line indent) or to the left (hanging). Only a clear majority of the first kind makes the
 * indent evidence of a paragraph start.
 */
function firstLineIndent(pages: Line[][], pitch: Map<number, number>): number | null {
  const first: number[] = [];
  let hanging = 0;
  for (const [a, b] of pairs(pages)) {
    const p = pitch.get(sizeKey(a.size));
    // b must be a's continuation: at the usual pitch, not after paragraph spacing.
    if (!p || a.y - b.y > p * 1.12 + 0.5 || !ITEM_START.test(a.text.trimStart())) continue;
    const d = a.x - b.x;
    if (d > 0.5 * a.size && d < 6 * a.size) first.push(d);
    else if (d < -0.5 * a.size) hanging++;
  }
  if (first.length < 3 || first.length < 0.8 * (first.length + hanging)) return null;
  first.sort((x, y) => x - y);
  return first[first.length >> 1];
}

function sizeKey(size: number): number {
  return Math.round(size * 2) / 2;
}

function sameSize(a: Line, b: Line): boolean {
  return Math.abs(a.size - b.size) <= 0.12 * Math.max(a.size, b.size);
}

function sameDirection(a: Line, b: Line): boolean {
  return a.dir[0] * b.dir[0] + a.dir[1] * b.dir[1] >= 0.99;
}

function renderPage(lines: Line[], style: Style): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && layoutBreak(lines[i - 1], lines[i], style)) out.push('');
    out.push(lines[i].text);
  }
  return out.join('\n');
}

/** Does the layout alone say that `b` starts a new paragraph after `a`? */
function layoutBreak(a: Line, b: Line, style: Style): boolean {
  // A change of font size (body → footnotes, header → body) or of direction (a stamp, a turned
  // table) is a change of block.
  if (!sameSize(a, b) || !sameDirection(a, b)) return true;
  const dy = a.y - b.y;
  // b above a: the next column or a text box; the layout says nothing about paragraphs.
  if (dy <= 0) return false;
  const p = style.pitch.get(sizeKey(a.size));
  // 12% of the pitch is above rounding noise and well below the smallest paragraph spacing in
  // use (6 pt after 13 pt lines at 1.15 spacing is 35%).
  if (p && dy > p * 1.12 + 0.5) return true;
  // b starts where this document starts its paragraphs' first lines, relative to a.
  return style.indent !== null && Math.abs(b.x - a.x - style.indent) <= 1.5;
}
