import { ListCounter, Numbering, formatNumber } from './docx-numbering.js';
import { attr, child, intVal, kids, onOff, textOf, val, type Element } from './docx-xml.js';

/**
 * WordprocessingML → lines of text: one paragraph per line, Word's list labels in front, layout
 * tables in reading order, data tables as "cell | cell" rows, footnotes and endnotes at the end.
 *
 * Why walk document.xml ourselves instead of numbering mammoth's paragraphs: the labels must land
 * on exactly the paragraph Word draws them on, and mammoth's output cannot be aligned with the XML
 * paragraph by paragraph (it drops empty paragraphs, flattens tables, reads text boxes and
 * hyperlinks its own way). A single walk that produces the text and advances the list counters
 * on the same `w:p` has nothing to align, and it also gives us table reading order, field results
 * and footnote marks, which mammoth's raw text does not keep. mammoth remains the fallback reader
 * in docx.ts.
 */

export interface NoteParts {
  footnotes: Element | null;
  endnotes: Element | null;
}

interface Field {
  /** Between `separate` and `end`: the field's result, which is what Word shows. */
  result: boolean;
}

type NoteKind = 'footnote' | 'endnote';

/** Footnote and endnote marks, numbered in the order the text refers to them. */
class NoteMarks {
  private readonly marks = { footnote: new Map<string, string>(), endnote: new Map<string, string>() };
  private readonly numbered = { footnote: 0, endnote: 0 };
  readonly order = { footnote: [] as string[], endnote: [] as string[] };

  constructor(private readonly formats: Record<NoteKind, { fmt: string; start: number }>) {}

  ref(kind: NoteKind, id: string, custom: boolean): string {
    const marks = this.marks[kind];
    let m = marks.get(id);
    if (m === undefined) {
      const f = this.formats[kind];
      // A custom mark ("*") is typed as text right after the reference and takes no number.
      m = custom ? '' : formatNumber(f.start + this.numbered[kind]++, f.fmt);
      marks.set(id, m);
      this.order[kind].push(id);
    }
    return m;
  }

  mark(kind: NoteKind, id: string): string {
    return this.marks[kind].get(id) ?? '';
  }
}

// Symbol-font code points (Word stores them as U+F0xx or as w:sym) that carry meaning in text.
const SYMBOL: Record<number, string> = {
  0x2d: '−', 0x61: 'α', 0x62: 'β', 0x63: 'χ', 0x64: 'δ', 0x44: 'Δ', 0x65: 'ε', 0x66: 'φ', 0x67: 'γ',
  0x6c: 'λ', 0x6d: 'μ', 0x70: 'π', 0x72: 'ρ', 0x73: 'σ', 0x53: 'Σ', 0x74: 'τ', 0x77: 'ω', 0x57: 'Ω',
  0xa3: '≤', 0xb3: '≥', 0xb9: '≠', 0xbb: '≈', 0xb1: '±', 0xb4: '×', 0xb8: '÷', 0xb0: '°', 0xa5: '∞',
  0xb7: '•', 0xd7: '·', 0xac: '←', 0xae: '→', 0xad: '↑', 0xaf: '↓', 0xab: '↔', 0xdb: '⇔', 0xdc: '⇐',
  0xde: '⇒', 0xe0: '◊', 0xa8: '♦', 0xbc: '…', 0xd6: '√', 0xe5: '∑', 0xf2: '∫',
};
const WINGDINGS: Record<number, string> = {
  0x6f: '□', 0x71: '❑', 0x76: '❖', 0x9f: '•', 0xa7: '▪', 0xa8: '□', 0xd8: '➢', 0xe8: '➔', 0xfb: '✗', 0xfc: '✓', 0xfe: '☑', 0xfd: '☒',
};

function symbolChar(code: number, font: string | null): string {
  const c = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const f = (font ?? '').toLowerCase();
  if (f.includes('wingdings')) return WINGDINGS[c] ?? '';
  if (f.includes('symbol')) return SYMBOL[c] ?? (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '');
  return code >= 0xe000 && code <= 0xf8ff ? '' : String.fromCodePoint(code);
}

function runFont(rPr: Element | null): string | null {
  const f = child(rPr, 'rFonts');
  return f ? (attr(f, 'ascii') ?? attr(f, 'hAnsi') ?? attr(f, 'cs')) : null;
}

// Header cells of a data table ("TT | Nội dung | Cơ quan chủ trì | Thời gian").
const DATA_HEADER =
  /^(?:s?tt|số tt|số thứ tự|nội dung|nhiệm vụ|công việc|cơ quan chủ trì|cơ quan phối hợp|đơn vị chủ trì|đơn vị phối hợp|chủ trì|phối hợp|thời gian|thời hạn|tiến độ|chỉ tiêu|sản phẩm|kết quả|ghi chú|họ và tên|họ tên|đơn vị tính|năm \d{4}|kinh phí)(?=$|[\s(./:,])/iu;

export interface BodyOptions {
  numbering: Numbering;
  notes: NoteParts;
  noteFormats: Record<NoteKind, { fmt: string; start: number }>;
}

export class BodyWalker {
  private readonly counter: ListCounter;
  private readonly marks: NoteMarks;
  private fields: Field[] = [];
  /** Set while a note body is written, so that its `w:footnoteRef` draws the note's own mark. */
  private currentNote: { kind: NoteKind; id: string } | null = null;
  readonly warnings = new Set<string>();

  constructor(private readonly opts: BodyOptions) {
    this.counter = new ListCounter(opts.numbering);
    this.marks = new NoteMarks(opts.noteFormats);
  }

  /** The whole document: body lines, then footnotes, then endnotes. */
  document(body: Element): string[] {
    const lines = this.blocks(body);
    for (const kind of ['footnote', 'endnote'] as const) {
      const part = kind === 'footnote' ? this.opts.notes.footnotes : this.opts.notes.endnotes;
      if (!part) continue;
      const byId = new Map<string, Element>();
      for (const n of kids(part, kind)) {
        const id = attr(n, 'id');
        if (id !== null) byId.set(id, n);
      }
      // Only notes the text refers to, in the order it refers to them (= the order of their numbers).
      for (const id of this.marks.order[kind]) {
        const note = byId.get(id);
        if (!note) continue;
        this.currentNote = { kind, id };
        this.fields = [];
        append(lines, this.blocks(note).filter((l) => l.trim() !== ''));
        this.currentNote = null;
      }
    }
    return lines;
  }

  /** Block-level content: body, table cell, text box, note, content control. */
  blocks(container: Element): string[] {
    const out: string[] = [];
    for (const el of kids(container)) {
      switch (el.localName) {
        case 'p':
          append(out, this.paragraph(el));
          break;
        case 'tbl':
          append(out, this.table(el));
          break;
        case 'sdt':
          append(out, this.blocks(child(el, 'sdtContent') ?? el));
          break;
        case 'customXml':
        case 'ins':
        case 'moveTo':
        case 'smartTag':
          append(out, this.blocks(el));
          break;
        case 'AlternateContent': {
          const branch = chooseBranch(el);
          if (branch) append(out, this.blocks(branch));
          break;
        }
        case 'altChunk':
          this.warnings.add('the Word file embeds another document (altChunk) that was not read');
          break;
        default:
          break; // sectPr, bookmarks, proofing marks, deleted blocks
      }
    }
    return out;
  }

  /** One `w:p`: its label and text on one line, then the lines of any text box anchored in it. */
  paragraph(p: Element): string[] {
    const pPr = child(p, 'pPr');
    const markRPr = child(pPr, 'rPr');
    const extra: string[] = [];
    const text = this.inline(p, extra);
    // A field code never spans paragraphs in practice; one left open (a damaged file, a field
    // without "end") would otherwise hide the rest of the document.
    if (this.fields.some((f) => !f.result)) this.fields = this.fields.filter((f) => f.result);
    const visible = text.replace(/\s+/g, '');
    // A deleted (tracked) or hidden empty paragraph is not drawn, so it takes no number either.
    if (!visible && (child(markRPr, 'del') || onOff(child(markRPr, 'vanish')))) return extra;

    const numPr = child(pPr, 'numPr');
    const list = this.opts.numbering.paragraphList(
      val(pPr, 'pStyle'),
      numPr ? { numId: val(numPr, 'numId'), ilvl: intVal(numPr, 'ilvl') } : null,
    );
    const label = list ? this.counter.next(list.numId, list.ilvl) : null;
    let line = text;
    if (label) {
      // An empty bullet is an empty line to a reader; an empty numbered item still shows its number.
      if (!visible && label.bullet) line = '';
      else line = visible ? `${label.text} ${text.replace(/^[ \t]+/, '')}` : label.text;
    }
    return [line, ...extra];
  }

  /** The text of a paragraph (runs, links, fields, content controls, math). */
  private inline(el: Element, extra: string[]): string {
    let s = '';
    for (const c of kids(el)) {
      switch (c.localName) {
        case 'r':
          s += this.run(c, extra);
          break;
        case 'hyperlink':
        case 'smartTag':
        case 'customXml':
        case 'ins':
        case 'moveTo':
        case 'fldSimple':
        case 'dir':
        case 'bdo':
          s += this.inline(c, extra);
          break;
        case 'sdt':
          s += this.inline(child(c, 'sdtContent') ?? c, extra);
          break;
        case 'AlternateContent': {
          const branch = chooseBranch(c);
          if (branch) s += this.inline(branch, extra);
          break;
        }
        case 'oMath':
        case 'oMathPara':
          s += mathText(c);
          break;
        default:
          break; // pPr, w:del, w:moveFrom, bookmarks, comments, proofing marks
      }
    }
    return s;
  }

  private visible(): boolean {
    return this.fields.every((f) => f.result);
  }

  private run(r: Element, extra: string[]): string {
    const rPr = child(r, 'rPr');
    // (webHidden only hides in Web view; printed pages show it.)
    const hidden = onOff(child(rPr, 'vanish'));
    const font = runFont(rPr);
    let s = '';
    const emit = (t: string) => {
      if (!hidden && this.visible()) s += t;
    };
    for (const c of kids(r)) {
      switch (c.localName) {
        case 't':
          emit(mapPrivateUse(textOf(c), font));
          break;
        case 'tab':
        case 'ptab':
          emit(' ');
          break;
        case 'br':
        case 'cr':
          emit('\n');
          break;
        case 'noBreakHyphen':
          emit('-');
          break;
        case 'softHyphen':
          break;
        case 'sym': {
          const code = parseInt(attr(c, 'char') ?? '', 16);
          if (Number.isFinite(code)) emit(symbolChar(code, attr(c, 'font')));
          break;
        }
        case 'fldChar': {
          const type = attr(c, 'fldCharType');
          if (type === 'begin') this.fields.push({ result: false });
          else if (type === 'separate') {
            const top = this.fields[this.fields.length - 1];
            if (top) top.result = true;
          } else if (type === 'end') this.fields.pop();
          break;
        }
        case 'footnoteReference':
        case 'endnoteReference': {
          const kind: NoteKind = c.localName === 'footnoteReference' ? 'footnote' : 'endnote';
          const id = attr(c, 'id');
          const custom = attr(c, 'customMarkFollows');
          if (id !== null && !hidden && this.visible()) s += this.marks.ref(kind, id, custom !== null && !/^(?:0|false|off)$/i.test(custom));
          break;
        }
        case 'footnoteRef':
        case 'endnoteRef':
          if (this.currentNote) s += `${this.marks.mark(this.currentNote.kind, this.currentNote.id)} `;
          break;
        case 'drawing':
        case 'pict':
        case 'object':
        case 'AlternateContent':
          if (!hidden) append(extra, this.textBoxes(c));
          break;
        case 'ruby':
          s += this.inline(child(c, 'rubyBase') ?? c, extra);
          break;
        default:
          break; // rPr, instrText, delText, lastRenderedPageBreak, separators, annotation marks
      }
    }
    return s;
  }

  /** Paragraphs inside text boxes (`w:txbxContent`), from one branch of any AlternateContent. */
  private textBoxes(el: Element): string[] {
    if (el.localName === 'txbxContent') {
      const saved = this.fields;
      this.fields = [];
      const lines = this.blocks(el);
      this.fields = saved;
      return lines;
    }
    if (el.localName === 'AlternateContent') {
      const branch = chooseBranch(el);
      return branch ? this.textBoxes(branch) : [];
    }
    const out: string[] = [];
    for (const c of kids(el)) append(out, this.textBoxes(c));
    return out;
  }

  /**
   * A table. A layout table (the issuer | national-motto header, the "Nơi nhận | signature"
   * footer) is read cell by cell, each paragraph on its own line, so the parser sees the same
   * lines as in a typed document. A data table (≥ 3 columns with text, or a header row such as
   * "TT | Nội dung") is read as one "cell | cell" line per row, so a row's task, lead agency and
   * deadline stay together.
   */
  table(tbl: Element): string[] {
    const rows: string[][][] = [];
    for (const tr of rowsOf(tbl)) {
      const trPr = child(tr, 'trPr');
      if (child(trPr, 'del')) continue;
      rows.push(cellsOf(tr).map((tc) => this.blocks(tc)));
    }
    const cellText = (c: string[]) => c.join(' ').replace(/\s*\n\s*/g, ' ').replace(/\s{2,}/g, ' ').trim();
    const filled = rows.map((r) => r.filter((c) => cellText(c) !== '').length);
    const header = rows.slice(0, 2).some((r) => {
      const texts = r.map(cellText).filter(Boolean);
      return texts.length >= 2 && texts.some((t) => t.length <= 40 && DATA_HEADER.test(t.normalize('NFC')));
    });
    const data = filled.some((n) => n >= 3) || header;
    const out: string[] = [];
    for (const r of rows) {
      if (data) {
        const cells = r.map(cellText);
        if (cells.some(Boolean)) out.push(cells.join(' | '));
      } else {
        for (const c of r) append(out, c);
      }
    }
    return out;
  }
}

/** Rows of a table, also those wrapped in content controls or custom XML. */
function rowsOf(tbl: Element): Element[] {
  const out: Element[] = [];
  for (const c of kids(tbl)) {
    if (c.localName === 'tr') out.push(c);
    else if (c.localName === 'sdt') append(out, rowsOf(child(c, 'sdtContent') ?? c));
    else if (c.localName === 'customXml') append(out, rowsOf(c));
  }
  return out;
}

function cellsOf(tr: Element): Element[] {
  const out: Element[] = [];
  for (const c of kids(tr)) {
    if (c.localName === 'tc') out.push(c);
    else if (c.localName === 'sdt') append(out, cellsOf(child(c, 'sdtContent') ?? c));
    else if (c.localName === 'customXml') append(out, cellsOf(c));
  }
  return out;
}

/**
 * mc:AlternateContent holds the same content twice (a modern Choice and an old Fallback); reading
 * both would double every text box. Take the first Choice, or the Fallback when there is none.
 */
function chooseBranch(alt: Element): Element | null {
  return child(alt, 'Choice') ?? child(alt, 'Fallback');
}

function mathText(el: Element): string {
  let s = '';
  for (const c of kids(el)) {
    if (c.localName === 't') s += textOf(c);
    else s += mathText(c);
  }
  return s;
}

/** Text typed in a symbol font is stored as private-use code points; give it its real character. */
function mapPrivateUse(text: string, font: string | null): string {
  if (!/[\uF000-\uF0FF]/.test(text)) return text;
  return text.replace(/[\uF000-\uF0FF]/g, (ch) => symbolChar(ch.charCodeAt(0), font ?? 'symbol'));
}

/** Footnote/endnote number format from `w:footnotePr` / `w:endnotePr` (settings or last sectPr). */
export function noteFormats(settings: Element | null, body: Element | null): Record<NoteKind, { fmt: string; start: number }> {
  const sect = body ? kids(body, 'sectPr').pop() ?? null : null;
  const pick = (kind: NoteKind, dflt: string) => {
    const local = kind === 'footnote' ? 'footnotePr' : 'endnotePr';
    const prs = [child(sect, local), child(settings, local)];
    const fmt = prs.map((p) => val(p, 'numFmt')).find((v) => v !== null) ?? dflt;
    const start = prs.map((p) => intVal(p, 'numStart')).find((v) => v !== null) ?? 1;
    return { fmt, start };
  };
  // Word's defaults: footnotes 1, 2, 3; endnotes i, ii, iii.
  return { footnote: pick('footnote', 'decimal'), endnote: pick('endnote', 'lowerRoman') };
}

/** push(...items) without the argument-count limit of a spread (a table can have 100k rows). */
function append<T>(out: T[], items: T[]): void {
  for (const x of items) out.push(x);
}
