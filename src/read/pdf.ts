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
 *     (paragraph spacing), or the font size changes (body → footnote area, header → body).
 *     No empty line means "no such evidence", not "same paragraph".
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
interface PdfTextItem {
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
    const granted = info.permission as number[] | null | undefined;
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

/** One plain sentence for everything pdf.js (through pdf-parse) can throw. */
function toInputError(e: unknown, path: string): InputError {
  if (e instanceof InputError) return e;
  const err = e as Error;
  const name = err?.name ?? '';
  const message = String(err?.message ?? e).trim().replace(/\.$/, '');
  if (name === 'PasswordException') {
    return /incorrect/i.test(message)
      ? new InputError(path, 'encrypted PDF: the password given is wrong')
      : new InputError(path, 'encrypted PDF: it needs a password to open (pass --password)');
  }
  if (/zero bytes|is empty/i.test(message)) return new InputError(path, 'empty file (0 bytes)');
  const cause = message ? message[0].toLowerCase() + message.slice(1) : 'unreadable structure';
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
  /** Left edge and baseline in PDF user space (y grows upwards). */
  x: number;
  y: number;
  /** Font size of the line's main text (superscript markers do not count). */
  size: number;
}

async function readPagesWithLayout(doc: PdfDocument): Promise<string[]> {
  const pages: Line[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(buildLines(content.items.filter(isTextItem)));
    page.cleanup();
  }
  const pitch = linePitches(pages);
  return pages.map((lines) => renderPage(lines, pitch));
}

function isTextItem(x: unknown): x is PdfTextItem {
  return typeof x === 'object' && x !== null && typeof (x as PdfTextItem).str === 'string' && Array.isArray((x as PdfTextItem).transform);
}

/**
 * Group pdf.js items into printed lines, keeping pdf.js order. A line ends where pdf.js says so
 * (hasEOL) or where the baseline moves by more than half the font size. A superscript footnote
 * marker ("dân số¹.") sits a few points off the baseline in a smaller font and stays on its line.
 */
export function buildLines(items: PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let cur: (Line & { right: number }) | null = null;
  let breakPending = false;
  for (const it of items) {
    const [a, b, c, d, x, y] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    if (it.str === '') {
      if (it.hasEOL) breakPending = true;
      continue;
    }
    const big = cur ? Math.max(size, cur.size) : size;
    const newLine = !cur || breakPending || Math.abs(y - cur.y) > 0.5 * big || x < cur.right - 2 * big;
    if (newLine) {
      cur = { text: '', x, y, size, right: x };
      lines.push(cur);
    } else if (cur && x - cur.right > 2 * big && !/\s$/.test(cur.text) && !/^\s/.test(it.str)) {
      // A wide gap inside one printed line separates table cells (pdf-parse uses a tab too).
      // Item widths can be wrong (PDFs drawn from NFD text report them short), hence 2 ems.
      cur.text += '\t';
    }
    const line = cur!;
    // The biggest font on the line is its main text; footnote markers are smaller.
    if (/\S/.test(it.str) && (line.text.trim() === '' || size > line.size * 1.05)) {
      line.size = size;
      line.y = y;
    }
    line.text += it.str;
    line.right = Math.max(line.right, x + it.width);
    breakPending = it.hasEOL;
  }
  return lines
    .map((l) => ({ text: l.text.replace(/\s+$/, ''), x: l.x, y: l.y, size: l.size }))
    .filter((l) => l.text.trim() !== '');
}

/**
 * The usual distance between the baselines of two consecutive lines of one paragraph, per font
 * size, over the whole document: the most frequent gap. Paragraph spacing shows as a larger gap.
 * When most gaps in a document are paragraph gaps (short one-line paragraphs) the mode is that
 * larger gap and we mark nothing, which is the safe side: the text rules decide.
 */
function linePitches(pages: Line[][]): Map<number, number> {
  const byKey = new Map<number, Map<number, number>>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1];
      const b = lines[i];
      if (!sameSize(a, b)) continue;
      const dy = a.y - b.y;
      if (dy < 0.8 * a.size || dy > 3 * a.size) continue;
      const key = sizeKey(a.size);
      const hist = byKey.get(key) ?? new Map<number, number>();
      const bin = Math.round(dy * 2) / 2;
      hist.set(bin, (hist.get(bin) ?? 0) + 1);
      byKey.set(key, hist);
    }
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

function sizeKey(size: number): number {
  return Math.round(size * 2) / 2;
}

function sameSize(a: Line, b: Line): boolean {
  return Math.abs(a.size - b.size) <= 0.12 * Math.max(a.size, b.size);
}

function renderPage(lines: Line[], pitch: Map<number, number>): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && layoutBreak(lines[i - 1], lines[i], pitch)) out.push('');
    out.push(lines[i].text);
  }
  return out.join('\n');
}

/** Does the layout alone say that `b` starts a new paragraph after `a`? */
function layoutBreak(a: Line, b: Line, pitch: Map<number, number>): boolean {
  if (!sameSize(a, b)) return true;
  const dy = a.y - b.y;
  // b above a: the next column or a text box; the layout says nothing about paragraphs.
  if (dy <= 0) return false;
  const p = pitch.get(sizeKey(a.size));
  if (!p) return false;
  // A quarter of the pitch is well above rounding noise and below 6 pt of spacing at 1.15 lines.
  return dy > p * 1.12 + 0.5;
}
