import { InputError, type RawText } from '../models.js';

/**
 * Legacy Word (.doc, Word 97–2003) → RawText, one paragraph per line, tables in the same
 * convention as DOCX (layout tables cell by cell, data tables as "cell | cell" rows), footnotes
 * and endnotes appended.
 *
 * word-extractor gives the text stream, in which Word's control characters are already replaced
 * (paragraph mark → "\n", cell and row-end mark → "\t", row end → "\n", fields → their result).
 *
 * Limits, all from what the .doc text stream holds:
 * - Automatic list labels ("I.", "1.", "a)") are not in the text stream: Word computes them from
 *   the list tables (PlfLst/PlfLfo) and paragraph properties, which word-extractor does not
 *   expose. Labels typed as text are kept; automatic ones are missing.
 * - A cell mark and a tab typed in a paragraph both come out as "\t"; a table row is recognised
 *   by its last line ending in "\t", and the paragraphs of a row's first cell before its first
 *   cell mark cannot be told from the paragraphs before the table (they stay separate lines).
 * - Footnote reference marks are removed from the body by word-extractor; the footnote texts are
 *   appended without their numbers.
 */

/** The accessors of word-extractor 1.0.x, with the options our type stub does not declare. */
interface Extracted {
  getBody(o?: { filterUnicode?: boolean }): string;
  getFootnotes(o?: { filterUnicode?: boolean }): string;
  getEndnotes(o?: { filterUnicode?: boolean }): string;
  getTextboxes(o?: { filterUnicode?: boolean; includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
}

const ENCRYPTED = 'encrypted Word document: remove the password first';

export async function readDoc(bytes: Buffer, path: string): Promise<RawText> {
  const warnings: string[] = [];
  const ole = inspectOle(bytes);
  if (ole) {
    if (ole.truncated) throw new InputError(path, 'damaged legacy Word file: the file is cut short');
    // An encrypted .docx is not a ZIP: Office wraps it in an OLE file with an EncryptedPackage.
    if (ole.streams.has('encryptedpackage') || ole.streams.has('encryptioninfo')) throw new InputError(path, ENCRYPTED);
    if (!ole.streams.has('worddocument')) throw new InputError(path, notWord(ole.streams));
    if (ole.fib) {
      // Word 6.0/95 files carry 0xA5DC and store text in another layout that word-extractor refuses.
      if (ole.fib.ident === 0xa5dc) throw new InputError(path, 'Word 6.0/95 document, a format too old to read: save it as .docx first');
      if (ole.fib.ident !== 0xa5ec) throw new InputError(path, 'damaged legacy Word file: the WordDocument stream does not start with a Word header');
      // fEncrypted (RC4 or XOR obfuscation): the text stream is ciphertext.
      if (ole.fib.flags & 0x0100) throw new InputError(path, ENCRYPTED);
    }
  }

  let doc: Extracted;
  try {
    const WordExtractor = (await import('word-extractor')).default;
    doc = (await new WordExtractor().extract(bytes)) as unknown as Extracted;
  } catch (e) {
    throw new InputError(path, `damaged legacy Word file: ${plain((e as Error).message)}`);
  }
  // filterUnicode:false keeps “ ” – … as typed; the default turns them into ASCII look-alikes.
  const raw = { filterUnicode: false };
  const lines = docTextLines(doc.getBody(raw));
  for (const notes of [doc.getFootnotes(raw), doc.getEndnotes(raw)]) {
    append(lines, cleanControls(notes).split('\n').map((l) => l.replace(/\t/g, ' ').trim()).filter(Boolean));
  }
  let boxes = '';
  try {
    boxes = doc.getTextboxes({ ...raw, includeHeadersAndFooters: false, includeBody: true });
  } catch {
    boxes = '';
  }
  if (boxes.trim()) warnings.push('text in text boxes of the .doc file was not read (its place in the text is unknown)');

  const text = lines.join('\n');
  if (!text.trim()) throw new InputError(path, 'the Word document contains no text (if it holds pictures of pages, it needs OCR)');
  return { text, format: 'doc', pages: null, paged: false, warnings };
}

function plain(msg: string): string {
  if (/not a valid compound document|invalid magic/i.test(msg)) return 'the file structure is not readable';
  if (/sector|allocation table|offset|out of range|beyond/i.test(msg)) return 'the file is cut short or its internal tables are corrupt';
  return msg.replace(/\s+/g, ' ').replace(/[.\s]+$/, '').replace(/^./, (c) => c.toLowerCase());
}

function notWord(streams: Set<string>): string {
  if (streams.has('workbook') || streams.has('book')) return 'this is an Excel workbook (.xls), not a Word document';
  if (streams.has('powerpoint document')) return 'this is a PowerPoint presentation (.ppt), not a Word document';
  if (streams.has('visiodocument')) return 'this is a Visio drawing, not a Word document';
  return 'this OLE file is not a Word document (it has no WordDocument stream)';
}

/**
 * Control characters word-extractor leaves or introduces. Its filter maps the optional hyphen
 * (0x1F) to the string "undefined" (word-extractor 1.0.4, filters.js has no table entry for it),
 * so that word glued inside a word is removed; a non-breaking hyphen (U+2011) is drawn as "-".
 * Raw Word marks are handled too, in case a text reaches us unfiltered: cell mark 0x07 → "\t",
 * field 0x13 code 0x14 result 0x15 → result.
 */
export function cleanControls(s: string): string {
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/\x13[^\x13\x14\x15]*\x14?([^\x13\x14\x15]*)\x15/g, '$1');
  }
  return s
    .replace(/\x07/g, '\t')
    .replace(/\r\n?/g, '\n')
    .replace(/(?<=\p{L})undefined|undefined(?=\p{L})/gu, '')
    .replace(/\u2011/g, '-')
    .replace(/\f|\v/g, '\n')
    .replace(/[\x00-\x08\x0e-\x1f\x7f]/g, '');
}

const DATA_HEADER =
  /^(?:s?tt|số tt|số thứ tự|nội dung|nhiệm vụ|công việc|cơ quan chủ trì|cơ quan phối hợp|đơn vị chủ trì|đơn vị phối hợp|chủ trì|phối hợp|thời gian|thời hạn|tiến độ|chỉ tiêu|sản phẩm|kết quả|ghi chú|họ và tên|họ tên|đơn vị tính|năm \d{4}|kinh phí)(?=$|[\s(./:,])/iu;

/**
 * A "row" longer than this many lines is taken for a tab typed in a body paragraph, not a table
 * row. Real rows span a few lines (≤ 7 in the two real .doc fixtures; a "Nơi nhận" cell with a
 * long recipient list reaches 20), so the guard keeps a typed tab from swallowing the body up to
 * the next table.
 */
const MAX_ROW_LINES = 40;

interface Row {
  /** Cells, each a list of paragraphs. */
  cells: string[][];
}

/**
 * The .doc body text → lines. Table rows are found by their last line, which ends in the cell
 * mark of the last cell ("…\t" followed by the row-end newline).
 */
export function docTextLines(body: string): string[] {
  const lines = cleanControls(body).split('\n');
  const out: string[] = [];
  let table: Row[] = [];
  const flush = () => {
    if (table.length) append(out, tableLines(table));
    table = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.includes('\t')) {
      let end = -1;
      for (let j = i; j < lines.length && j < i + MAX_ROW_LINES; j++) {
        if (lines[j].endsWith('\t')) {
          end = j;
          break;
        }
      }
      if (end >= 0) {
        const rowText = lines.slice(i, end + 1).join('\n');
        const cells = rowText.slice(0, -1).split('\t').map((c) => c.split('\n'));
        table.push({ cells });
        i = end;
        continue;
      }
    }
    // Any other line ends the table. (It may be a paragraph of the next row's first cell, written
    // before that cell's mark; it stays a line of its own, in order.)
    flush();
    out.push(line.replace(/\t/g, ' '));
  }
  flush();
  return out;
}

function tableLines(rows: Row[]): string[] {
  const cellText = (c: string[]) => c.map((p) => p.trim()).filter(Boolean).join(' ');
  const filled = rows.map((r) => r.cells.filter((c) => cellText(c) !== '').length);
  const header = rows.slice(0, 2).some((r) => {
    const texts = r.cells.map(cellText).filter(Boolean);
    return texts.length >= 2 && texts.some((t) => t.length <= 40 && DATA_HEADER.test(t.normalize('NFC')));
  });
  const data = filled.some((n) => n >= 3) || header;
  const out: string[] = [];
  for (const r of rows) {
    if (data) {
      const cells = r.cells.map(cellText);
      if (cells.some(Boolean)) out.push(cells.join(' | '));
    } else {
      for (const c of r.cells) for (const p of c) if (p.trim()) out.push(p);
    }
  }
  return out;
}

interface OleInfo {
  /** Stream and storage names, lower-cased. */
  streams: Set<string>;
  /** The start of the Word File Information Block, when there is a WordDocument stream. */
  fib: { ident: number; nFib: number; flags: number } | null;
  /** Sectors the directory or the WordDocument stream needs lie past the end of the file. */
  truncated: boolean;
}

/**
 * Just enough of the OLE compound file format (MS-CFB) to list the directory and read the first
 * bytes of the WordDocument stream: that tells an encrypted DOCX, an encrypted .doc, or an .xls
 * renamed .doc from a Word file before word-extractor turns them into garbage or a cryptic error.
 * Returns null when the container cannot be walked; word-extractor then has its say.
 */
export function inspectOle(b: Buffer): OleInfo | null {
  try {
    if (b.length < 512 || b.readUInt32BE(0) !== 0xd0cf11e0 || b.readUInt32BE(4) !== 0xa1b11ae1) return null;
    const shift = b.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) return null;
    const size = 1 << shift;
    const sectorAt = (n: number) => (n + 1) * size;
    let truncated = false;
    const fatIds: number[] = [];
    for (let i = 0; i < 109; i++) {
      const id = b.readUInt32LE(0x4c + i * 4);
      if (id < 0xfffffffa) fatIds.push(id);
    }
    // Large files continue the FAT sector list in DIFAT sectors.
    let difat = b.readUInt32LE(0x44);
    for (let guard = 0; difat < 0xfffffffa && guard < 10000; guard++) {
      const off = sectorAt(difat);
      if (off + size > b.length) {
        truncated = true;
        break;
      }
      for (let i = 0; i < size / 4 - 1; i++) {
        const id = b.readUInt32LE(off + i * 4);
        if (id < 0xfffffffa) fatIds.push(id);
      }
      difat = b.readUInt32LE(off + size - 4);
    }
    const fat: number[] = [];
    for (const id of fatIds) {
      const off = sectorAt(id);
      if (off + size > b.length) {
        truncated = true;
        continue;
      }
      for (let i = 0; i < size / 4; i++) fat.push(b.readUInt32LE(off + i * 4));
    }
    const chain = (start: number): number[] => {
      const out: number[] = [];
      for (let s = start; s < 0xfffffffa && out.length < fat.length + 1; s = fat[s] ?? 0xfffffffe) out.push(s);
      return out;
    };
    const streams = new Set<string>();
    let word: { start: number; size: number } | null = null;
    let root: { start: number } | null = null;
    for (const sec of chain(b.readUInt32LE(0x30))) {
      const off = sectorAt(sec);
      if (off + size > b.length) {
        truncated = true;
        break;
      }
      for (let e = off; e < off + size; e += 128) {
        const type = b.readUInt8(e + 0x42);
        if (type === 0) continue;
        const len = Math.min(64, b.readUInt16LE(e + 0x40));
        const name = b.toString('utf16le', e, e + Math.max(0, len - 2)).toLowerCase();
        if (type === 5) root = { start: b.readUInt32LE(e + 0x74) };
        else streams.add(name);
        if (type === 2 && name === 'worddocument') word = { start: b.readUInt32LE(e + 0x74), size: b.readUInt32LE(e + 0x78) };
      }
    }
    let fib: OleInfo['fib'] = null;
    if (word) {
      let off = -1;
      if (word.size >= b.readUInt32LE(0x38)) {
        off = sectorAt(word.start);
        const sectors = chain(word.start);
        if (sectors.length * size < word.size || sectors.some((s) => sectorAt(s) + size > b.length)) truncated = true;
      }
      else if (root) {
        // A small stream lives in the mini stream (64-byte sectors inside the root's chain).
        const miniOff = word.start * 64;
        const rootChain = chain(root.start);
        const sec = rootChain[Math.floor(miniOff / size)];
        if (sec !== undefined) off = sectorAt(sec) + (miniOff % size);
      }
      if (off >= 0 && off + 12 <= b.length) fib = { ident: b.readUInt16LE(off), nFib: b.readUInt16LE(off + 2), flags: b.readUInt16LE(off + 0xa) };
    }
    return { streams, fib, truncated };
  } catch {
    return null;
  }
}

/** push(...items) without the argument-count limit of a spread (a table can have 100k rows). */
function append<T>(out: T[], items: T[]): void {
  for (const x of items) out.push(x);
}
