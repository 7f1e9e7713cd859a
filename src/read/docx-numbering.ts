import { attr, child, intVal, kids, onOff, parseXml, path, val, type Element } from './docx-xml.js';

/**
 * Word's automatic list labels ("I.", "1.", "a)", "2.1.", "Điều 5.").
 *
 * Word does not store these labels in the text: a paragraph only says "I am level `ilvl` of list
 * `numId`" (directly, or through its paragraph style), and Word draws the label while laying the
 * page out. Vietnamese administrative documents put their whole section structure in those
 * labels, so a reader that drops them (mammoth does) loses every section. This module recomputes
 * them the way Word does:
 *
 * - `w:num` (numId) points to a `w:abstractNum`, possibly through a numbering style
 *   (`numStyleLink` → style → numId → the abstractNum that carries the levels);
 * - counters belong to the abstractNum, so two numIds over one abstractNum continue each other;
 *   a numId carrying `lvlOverride/startOverride` restarts the overridden levels the first time
 *   it is used (ECMA-376 §17.9; this is how Word's "Restart at 1" is stored);
 * - a level advances by one per paragraph, starts at `start`, and every deeper level restarts
 *   when it advances, unless that level's `lvlRestart` says otherwise (0 = never);
 * - the label is `lvlText` with `%1`…`%9` replaced by the current value of those levels in their
 *   own `numFmt` (or in decimal when the level is `isLgl`);
 * - paragraphs without numbering do not touch the counters, so a list continues across them.
 */

export interface LevelDef {
  start: number;
  numFmt: string;
  /** The glyph or pattern as stored, e.g. "%1.", "%1.%2.", "Điều %1.", "", "". */
  lvlText: string;
  /** null = default (restart after any shallower level); 0 = never; n = after level n (1-based) or shallower. */
  lvlRestart: number | null;
  isLgl: boolean;
  /** Paragraph style bound to this level (`w:pStyle` inside `w:lvl`). */
  pStyle: string | null;
}

export interface AbstractNum {
  id: string;
  levels: (LevelDef | undefined)[];
  /** The abstractNum's levels live in the numbering style of this name. */
  numStyleLink: string | null;
}

export interface NumInstance {
  numId: string;
  abstractNumId: string;
  /** Per level: a start override and/or a whole replacement level. */
  overrides: Map<number, { start: number | null; level: LevelDef | null }>;
}

export interface ListLabel {
  /** The label as Word draws it ("II.", "1.2.", "a)"); bullets are given as "-" or "+". */
  text: string;
  bullet: boolean;
}

interface StyleDef {
  id: string;
  type: string;
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
}

/** The paragraph and numbering styles of styles.xml, as far as numbering needs them. */
export class StyleSheet {
  readonly styles = new Map<string, StyleDef>();
  defaultParagraph: string | null = null;

  static parse(xml: string | null): StyleSheet {
    const sheet = new StyleSheet();
    if (!xml) return sheet;
    const root = parseXml(xml, 'word/styles.xml').documentElement;
    for (const s of kids(root, 'style')) {
      const id = attr(s, 'styleId');
      if (!id) continue;
      const type = attr(s, 'type') ?? 'paragraph';
      const numPr = path(s, 'pPr', 'numPr');
      sheet.styles.set(id, {
        id,
        type,
        basedOn: val(s, 'basedOn'),
        numId: val(numPr, 'numId'),
        ilvl: intVal(numPr, 'ilvl'),
      });
      if (type === 'paragraph' && isTrue(attr(s, 'default'))) sheet.defaultParagraph = id;
    }
    return sheet;
  }

  /** The style and its `basedOn` ancestors, nearest first (loops cut). */
  chain(id: string | null): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let cur = id === null ? undefined : this.styles.get(id);
    while (cur && !seen.has(cur.id) && out.length < 32) {
      seen.add(cur.id);
      out.push(cur);
      cur = cur.basedOn ? this.styles.get(cur.basedOn) : undefined;
    }
    return out;
  }
}

function isTrue(v: string | null): boolean {
  return v === '1' || v === 'true' || v === 'on';
}

/** The definitions of numbering.xml. */
export class Numbering {
  readonly abstracts = new Map<string, AbstractNum>();
  readonly nums = new Map<string, NumInstance>();

  constructor(readonly styles: StyleSheet = new StyleSheet()) {}

  static parse(numberingXml: string | null, styles: StyleSheet = new StyleSheet()): Numbering {
    const n = new Numbering(styles);
    if (!numberingXml) return n;
    const root = parseXml(numberingXml, 'word/numbering.xml').documentElement;
    for (const a of kids(root, 'abstractNum')) {
      const id = attr(a, 'abstractNumId');
      if (id === null) continue;
      const levels: (LevelDef | undefined)[] = [];
      for (const l of kids(a, 'lvl')) {
        const i = parseInt(attr(l, 'ilvl') ?? '', 10);
        if (i >= 0 && i <= 8) levels[i] = parseLevel(l);
      }
      n.abstracts.set(id, { id, levels, numStyleLink: val(a, 'numStyleLink') });
    }
    for (const e of kids(root, 'num')) {
      const numId = attr(e, 'numId');
      const abstractNumId = val(e, 'abstractNumId');
      if (numId === null || abstractNumId === null) continue;
      const overrides = new Map<number, { start: number | null; level: LevelDef | null }>();
      for (const o of kids(e, 'lvlOverride')) {
        const i = parseInt(attr(o, 'ilvl') ?? '', 10);
        if (!(i >= 0 && i <= 8)) continue;
        const lvl = child(o, 'lvl');
        overrides.set(i, { start: intVal(o, 'startOverride'), level: lvl ? parseLevel(lvl) : null });
      }
      n.nums.set(numId, { numId, abstractNumId, overrides });
    }
    return n;
  }

  /**
   * The abstractNum that really holds the levels of a numId: an abstractNum with a
   * `numStyleLink` is only a pointer to a numbering style, whose numId leads to the real one.
   */
  resolveAbstract(numId: string): AbstractNum | null {
    const seen = new Set<string>();
    let inst = this.nums.get(numId);
    while (inst && !seen.has(inst.numId)) {
      seen.add(inst.numId);
      const abs = this.abstracts.get(inst.abstractNumId);
      if (!abs) return null;
      if (!abs.numStyleLink) return abs;
      const linked = this.styles.chain(abs.numStyleLink).find((s) => s.numId !== null)?.numId;
      const next = linked ? this.nums.get(linked) : undefined;
      if (!next) return abs.levels.some(Boolean) ? abs : null;
      inst = next;
    }
    return null;
  }

  /**
   * Which list and level a paragraph belongs to, from its direct `w:numPr` and its style chain.
   * `numId` 0 switches numbering off (Word's "None" on a numbered style).
   */
  paragraphList(pStyle: string | null, direct: { numId: string | null; ilvl: number | null } | null): { numId: string; ilvl: number } | null {
    const chain = this.styles.chain(pStyle ?? this.styles.defaultParagraph);
    const styleNum = chain.find((s) => s.numId !== null);
    const styleIlvl = chain.find((s) => s.ilvl !== null)?.ilvl ?? null;
    const numId = direct?.numId ?? styleNum?.numId ?? null;
    if (numId === null || numId === '0' || !this.nums.has(numId)) return null;
    let ilvl = direct?.ilvl ?? styleIlvl;
    if (ilvl === null) {
      // A style numbered without a level (Heading 2 → numId 5) gets the level that names it.
      const abs = this.resolveAbstract(numId);
      const ids = new Set(chain.map((s) => s.id));
      const found = abs?.levels.findIndex((l) => l?.pStyle !== null && l?.pStyle !== undefined && ids.has(l.pStyle)) ?? -1;
      ilvl = found >= 0 ? found : 0;
    }
    return { numId, ilvl: Math.max(0, Math.min(8, ilvl)) };
  }

  /** The level definition a numId uses at `ilvl`, after its overrides. */
  level(numId: string, ilvl: number): LevelDef {
    const inst = this.nums.get(numId);
    const over = inst?.overrides.get(ilvl)?.level;
    if (over) return over;
    const abs = this.resolveAbstract(numId);
    return abs?.levels[ilvl] ?? defaultLevel(ilvl);
  }
}

function defaultLevel(ilvl: number): LevelDef {
  return { start: 1, numFmt: 'decimal', lvlText: `%${ilvl + 1}.`, lvlRestart: null, isLgl: false, pStyle: null };
}

function parseLevel(l: Element): LevelDef {
  // Word 2010+ writes custom formats as mc:AlternateContent with a classic numFmt in the Fallback.
  let fmtEl = child(l, 'numFmt');
  if (!fmtEl) {
    const alt = child(l, 'AlternateContent');
    fmtEl = path(alt, 'Fallback', 'numFmt') ?? path(alt, 'Choice', 'numFmt');
  }
  const fmt = attr(fmtEl, 'val') ?? 'decimal';
  const text = child(l, 'lvlText');
  return {
    // ECMA-376 §17.9.25: an omitted start is 0 (Word, LibreOffice and WPS always write it).
    start: intVal(l, 'start') ?? 0,
    numFmt: fmt === 'custom' ? customFormat(attr(fmtEl, 'format')) : fmt,
    lvlText: text ? (attr(text, 'val') ?? '') : fmt === 'bullet' ? '•' : '',
    lvlRestart: intVal(l, 'lvlRestart'),
    isLgl: onOff(child(l, 'isLgl')),
    pStyle: val(l, 'pStyle'),
  };
}

/** `w:format="01, 02, 03, ..."` (Word 2010 custom numbering): zero-padded decimal is the one in use. */
function customFormat(format: string | null): string {
  const first = format?.split(',')[0]?.trim() ?? '';
  if (/^0+\d$/.test(first)) return first.length === 2 ? 'decimalZero' : `decimalZero${first.length}`;
  return 'decimal';
}

/**
 * Counters for one document: call `next` for every numbered paragraph, in document order
 * (body, tables and text boxes alike), and it returns the label Word draws there.
 */
export class ListCounter {
  private readonly values = new Map<string, (number | undefined)[]>();
  private readonly entered = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  next(numId: string, ilvl: number): ListLabel | null {
    const n = this.numbering;
    const inst = n.nums.get(numId);
    const abs = inst ? n.resolveAbstract(numId) : null;
    if (!inst || !abs) return null;
    ilvl = Math.max(0, Math.min(8, ilvl));
    let values = this.values.get(abs.id);
    if (!values) this.values.set(abs.id, (values = new Array(9).fill(undefined)));
    const start = (i: number) => inst.overrides.get(i)?.start ?? n.level(numId, i).start;

    if (!this.entered.has(numId)) {
      this.entered.add(numId);
      // "Restart numbering": the first paragraph of an overriding numId starts the overridden
      // levels again, on the counter it shares with the other numIds of its abstractNum.
      for (const [i, o] of inst.overrides) {
        if (o.start !== null || o.level !== null) {
          values[i] = undefined;
          this.resetDeeper(values, numId, i);
        }
      }
    }

    const cur = values[ilvl];
    values[ilvl] = cur === undefined ? start(ilvl) : cur + 1;
    this.resetDeeper(values, numId, ilvl);

    const lvl = n.level(numId, ilvl);
    if (lvl.numFmt === 'bullet') {
      const glyph = lvl.lvlText.trim();
      return glyph === '' ? null : { text: bulletGlyph(glyph), bullet: true };
    }
    const text = lvl.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      if (i > ilvl) return '';
      const fmt = lvl.isLgl && i < ilvl ? 'decimal' : n.level(numId, i).numFmt;
      return formatNumber(values[i] ?? start(i), fmt);
    });
    return text.trim() === '' ? null : { text: text.trim(), bullet: false };
  }

  private resetDeeper(values: (number | undefined)[], numId: string, ilvl: number): void {
    for (let m = ilvl + 1; m < 9; m++) {
      const r = this.numbering.level(numId, m).lvlRestart;
      if (r === null || (r > 0 && ilvl < r)) values[m] = undefined;
    }
  }
}

/**
 * A bullet label. Word draws bullets from symbol fonts (U+F0B7 in Symbol, U+F0A7 in Wingdings,
 * "o" in Courier New, "•", "–", "➢"); they all mean "an item", which the text convention writes
 * as "-". A "+" is kept: Vietnamese documents use "+" for the second bullet level, and keeping it
 * tells the levels apart the way the typed documents do.
 */
export function bulletGlyph(glyph: string): string {
  return glyph === '+' ? '+' : '-';
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function roman(n: number): string {
  let s = '';
  for (const [v, r] of ROMAN) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}

const VI_DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Word's `vietnameseCounting` ("một", "mười lăm", "hai mươi mốt"), up to 99. */
function vietnamese(n: number): string {
  if (n < 10) return VI_DIGITS[n];
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const head = tens === 1 ? 'mười' : `${VI_DIGITS[tens]} mươi`;
  if (unit === 0) return head;
  const u = unit === 5 ? 'lăm' : unit === 1 && tens > 1 ? 'mốt' : unit === 4 && tens > 1 ? 'tư' : VI_DIGITS[unit];
  return `${head} ${u}`;
}

function ordinalSuffix(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/**
 * One counter value in a Word number format (ST_NumberFormat). Formats that only exist for
 * other scripts fall back to decimal, which is what a reader of the text needs.
 */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimal':
    case 'decimalHalfWidth':
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
    case 'arabicAbjad':
    case 'cardinalText':
    case 'ordinalText':
      return String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalZero3':
      return String(n).padStart(3, '0');
    case 'decimalZero4':
      return String(n).padStart(4, '0');
    case 'upperRoman':
      return n > 0 && n < 4000 ? roman(n) : String(n);
    case 'lowerRoman':
      return n > 0 && n < 4000 ? roman(n).toLowerCase() : String(n);
    case 'upperLetter':
    case 'lowerLetter': {
      if (n <= 0) return String(n);
      // Word goes a … z, aa … zz, aaa …: the letter repeats, it does not carry like a number.
      const s = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return fmt === 'upperLetter' ? s.toUpperCase() : s;
    }
    case 'ordinal':
      return `${n}${ordinalSuffix(n)}`;
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'hex':
      return n.toString(16).toUpperCase();
    case 'chicago': {
      const marks = ['*', '†', '‡', '§'];
      return n > 0 ? marks[(n - 1) % 4].repeat(Math.floor((n - 1) / 4) + 1) : String(n);
    }
    case 'vietnameseCounting':
      return n >= 0 && n < 100 ? vietnamese(n) : String(n);
    default:
      return String(n);
  }
}
