import type { LabelKind, Paragraph, ParagraphKind, Section, Zone } from '../models.js';
import { isMostlyUpper } from './case.js';
import type { Line } from './header.js';
import { ATTACHMENT_START, BULLET, CLOSING, LABELS, ROMAN } from './regexes.js';

/** Vietnamese alphabetical order of letter labels (no f, j, w, z; đ after d). */
const LETTERS = 'abcdđeghiklmnopqrstuvxy';

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
export function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]] ?? 0;
    const next = ROMAN_VALUES[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export interface Label {
  kind: LabelKind;
  /** Printed label ("II.", "1.", "a)", "Điều 5.") */
  printed: string;
  /** Id segment ("II", "1", "a", "Điều 5", "Chương II") */
  segment: string;
  /** Numbers of a numeric label ([1] for "1.", [1, 2] for "1.2"); ordinal for others. */
  nums: number[];
  /** Length of the label in the paragraph text. */
  length: number;
}

/** Recognise a section label at the start of a paragraph. */
export function readLabel(text: string): Label | null {
  let m: RegExpExecArray | null;
  if ((m = LABELS.part.exec(text))) return mk('part', m, `Phần ${m[1]}`, [romanValue(m[1]) || Number(m[1]) || 0]);
  if ((m = LABELS.chapter.exec(text))) return mk('chapter', m, `Chương ${m[1]}`, [romanValue(m[1]) || Number(m[1])]);
  if ((m = LABELS.article.exec(text))) return mk('article', m, `Điều ${m[1]}`, [parseInt(m[1], 10)]);
  if ((m = LABELS.division.exec(text))) return mk('division', m, `Mục ${m[1]}`, [romanValue(m[1]) || Number(m[1])]);
  if ((m = LABELS.dotted.exec(text))) {
    const nums = m[1].split('.').map(Number);
    return mk('dotted', m, m[1], nums);
  }
  if ((m = LABELS.arabic.exec(text))) return mk('arabic', m, String(Number(m[1])), [Number(m[1])]);
  if ((m = LABELS.roman.exec(text))) {
    // "I." must not be confused with a sentence starting with the pronoun-like "I" — none in Vietnamese.
    return mk('roman', m, m[1], [romanValue(m[1])]);
  }
  if ((m = LABELS.letter.exec(text))) return mk('letter', m, m[1], [LETTERS.indexOf(m[1]) + 1]);
  return null;
}

function mk(kind: LabelKind, m: RegExpExecArray, segment: string, nums: number[]): Label {
  return { kind, printed: m[0].trim(), segment, nums, length: m[0].length };
}

interface Open {
  section: Section;
  label: Label;
}

/** Families whose ids do not carry their ancestors (extraction.md §6). */
const STANDALONE: LabelKind[] = ['part', 'chapter', 'division', 'article'];
const RANK: Record<LabelKind, number> = { part: 0, chapter: 1, division: 2, article: 3, roman: 4, arabic: 5, dotted: 5, letter: 6, paren: 7 };

/**
 * Place labelled paragraphs of one part of a document (the main text, or one attached
 * document) into a tree. The label families nest in the order the document first uses them;
 * a list that restarts at 1 (or a) inside an item is a nested list, not a new sibling.
 */
class TreeBuilder {
  stack: Open[] = [];
  sections: Section[] = [];

  constructor(private readonly part: number) {}

  add(label: Label, para: Line, heading: string): Section {
    const parent = this.place(label);
    const section: Section = {
      id: '',
      label: label.printed,
      labelKind: label.kind,
      level: this.stack.length + 1,
      heading,
      start: para.start,
      end: para.end,
      headingEnd: para.end,
      parent: parent?.section ?? null,
      children: [],
      part: this.part,
    };
    section.id = this.idFor(label, parent);
    if (parent) parent.section.children.push(section);
    this.stack.push({ section, label });
    this.sections.push(section);
    return section;
  }

  /** Pop the stack to where `label` belongs and return its parent entry. */
  private place(label: Label): Open | undefined {
    const s = this.stack;
    if (label.kind === 'part') {
      s.length = 0;
      return undefined;
    }
    if (label.kind === 'chapter') {
      while (s.length && s[s.length - 1].label.kind !== 'part') s.pop();
      return s[s.length - 1];
    }
    if (label.kind === 'division') {
      while (s.length && !['part', 'chapter'].includes(s[s.length - 1].label.kind)) s.pop();
      return s[s.length - 1];
    }
    if (label.kind === 'article') {
      while (s.length && !['part', 'chapter', 'division'].includes(s[s.length - 1].label.kind)) s.pop();
      return s[s.length - 1];
    }
    const numeric = label.kind === 'arabic' || label.kind === 'dotted';
    if (numeric && label.nums.length > 1) {
      // "1.2" belongs under "1." (or "1.2.1" under "1.2") when that is open.
      for (let k = s.length - 1; k >= 0; k--) {
        const o = s[k].label;
        if ((o.kind === 'arabic' || o.kind === 'dotted') && isPrefix(o.nums, label.nums)) {
          s.length = k + 1;
          return s[k];
        }
      }
      for (let k = s.length - 1; k >= 0; k--) {
        const o = s[k].label;
        if ((o.kind === 'arabic' || o.kind === 'dotted') && o.nums.length === label.nums.length) {
          s.length = k;
          return s[k - 1];
        }
      }
      return s[s.length - 1];
    }
    // Same family already open: a sibling, unless a list restarts at 1 inside an item. With
    // nested lists of one family open ("2." inside "b)" inside "1."), the next number says which
    // one continues: "2." after the nested "1., 2." is the outer "2.".
    const same: number[] = [];
    for (let k = s.length - 1; k >= 0; k--) {
      const o = s[k].label;
      if (o.kind === label.kind || (numeric && (o.kind === 'arabic' || o.kind === 'dotted') && o.nums.length === 1)) same.push(k);
    }
    if (same.length) {
      const k0 = same[0];
      const o0 = s[k0].label;
      if (label.kind !== 'roman' && label.nums[0] === 1 && (k0 < s.length - 1 || o0.nums[0] > 1)) {
        // "3." → "b)" → "1.": the new list nests under "b)"; "3." → "1.": a list inside item 3
        return s[s.length - 1];
      }
      const k = same.find((j) => s[j].label.nums[0] + 1 === label.nums[0]) ?? k0;
      s.length = k;
      return s[k - 1];
    }
    // New family: nests under the innermost open section whose family ranks higher.
    while (s.length && RANK[s[s.length - 1].label.kind] >= RANK[label.kind] && s[s.length - 1].label.kind !== 'article') {
      // a roman label opening under an arabic one means the arabic ones were top-level items
      // before the first roman heading; close them.
      s.pop();
    }
    return s[s.length - 1];
  }

  private idFor(label: Label, parent: Open | undefined): string {
    if (label.kind === 'part' || label.kind === 'chapter' || label.kind === 'division' || label.kind === 'article') return label.segment;
    if (!parent) return label.segment;
    const p = parent.label;
    if (label.kind === 'dotted' && (p.kind === 'arabic' || p.kind === 'dotted') && isPrefix(p.nums, label.nums)) {
      return `${parent.section.id}.${label.nums.slice(p.nums.length).join('.')}`;
    }
    // Chapters and parts do not prefix what they contain (articles are numbered through the document).
    if (STANDALONE.includes(p.kind) && p.kind !== 'article') return label.segment;
    return `${parent.section.id}.${label.segment}`;
  }
}

function isPrefix(a: number[], b: number[]): boolean {
  return a.length < b.length && a.every((n, i) => b[i] === n);
}

export interface SectionParse {
  sections: Section[];
  paragraphs: Paragraph[];
}

/**
 * parse (sections part): lines of clean text + header boundaries → sections and paragraphs.
 *
 * Zones: header lines up to `bodyStart`; the body up to "Nơi nhận" or the signature; recipients,
 * signature and footnotes after it; then any attached document ("PHỤ LỤC", "QUY CHẾ … (Kèm theo
 * …)"), whose numbering starts afresh. Only the body and attached documents hold sections.
 */
export function parseSections(
  lines: Line[],
  bounds: { bodyStart: number; signatureStart: number; recipientsStart: number },
): SectionParse {
  const n = lines.length;
  const zones: Zone[] = new Array(n).fill('body');
  for (let i = 0; i < Math.min(bounds.bodyStart, n); i++) zones[i] = 'header';
  const ends = [bounds.signatureStart, bounds.recipientsStart].filter((x) => x >= bounds.bodyStart);
  // "./." closes the text of a document: what follows, unless it is another section, is the
  // recipients list or the signature even when "Nơi nhận" was lost (exports drop table cells)
  for (let k = bounds.bodyStart; k < n - 1; k++) {
    if (/\.\s?\/\s?\.\s*$/.test(lines[k].text) && !readLabel(lines[k + 1].text) && !CLOSING.test(lines[k + 1].text)) {
      ends.push(k + 1);
      break;
    }
  }
  const bodyEnd = ends.length ? Math.min(...ends) : n;

  // After the body: recipients / signature / footnotes until an attached document starts.
  const parts: { from: number; to: number; part: number }[] = [{ from: bounds.bodyStart, to: bodyEnd, part: 0 }];
  let i = bodyEnd;
  let attachStart = -1;
  let sawName = false;
  for (; i < n; i++) {
    const t = lines[i].text;
    if (i > bodyEnd && ATTACHMENT_START.test(t) && (isMostlyUpper(t) || /^\(/.test(t) || /^Phụ (?:lục|biểu)/u.test(t)) && (sawName || i > bounds.signatureStart + 2 || bounds.signatureStart < 0)) {
      attachStart = i;
      break;
    }
    if (bounds.signatureStart >= 0 && i >= bounds.signatureStart) sawName = true;
    zones[i] = i >= bounds.recipientsStart && bounds.recipientsStart >= 0 && (bounds.signatureStart < 0 || i < bounds.signatureStart || bounds.recipientsStart > bounds.signatureStart) ? 'recipients' : 'signature';
    if (/^(?:\[\d{1,2}\]|\d{1,2}(?=\s?\p{Lu}))/u.test(t) && !readLabel(t)) zones[i] = 'footnotes';
  }
  if (attachStart >= 0) {
    // Each further "PHỤ LỤC" heading opens another attached document.
    let from = attachStart;
    let part = 1;
    for (let k = attachStart + 1; k <= n; k++) {
      const t = k < n ? lines[k].text : '';
      const newAppendix = k < n && /^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu)\b/u.test(t) && t.length < 120;
      if (k === n || newAppendix) {
        parts.push({ from, to: k, part });
        for (let z = from; z < k; z++) zones[z] = 'appendix';
        from = k;
        part++;
      }
    }
  }

  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  for (const { from, to, part } of parts) {
    const builder = new TreeBuilder(part);
    let started = false;
    for (let k = from; k < to; k++) {
      const line = lines[k];
      const t = line.text;
      const kind = paragraphKind(t);
      const label = kind === 'table-row' ? tableGroup(t) : readLabel(t) ?? bareRomanGroup(t, lines[k + 1]?.text);
      let section: Section | null = null;
      if (label && plausible(label, t, builder)) {
        started = true;
        section = builder.add(label, line, t.slice(label.length).trim());
        // "3. Heading a) first item" (a transcription joined the first sub-item to its heading)
        const inline = splitInlineFirstItem(t, label, lines[k + 1]?.text);
        if (inline >= 0) {
          section.headingEnd = line.start + inline;
          section.end = line.start + inline;
          paragraphs.push(para(line.start, line.start + inline, t.slice(0, inline).trim(), 'heading', section, zones[k]));
          const sub = { start: line.start + inline, end: line.end, text: t.slice(inline) };
          const subLabel = readLabel(sub.text)!;
          const child = builder.add(subLabel, sub, sub.text.slice(subLabel.length).trim());
          paragraphs.push(para(sub.start, sub.end, sub.text, 'item', child, zones[k]));
          continue;
        }
      }
      // "…" in a task table stands for rows left out, group headings with them: the rows after it
      // belong to no printed group
      if (/^(?:[.…]{2,}|…)\s*(?:\||$)/u.test(t) && builder.stack[builder.stack.length - 1]?.label.length === 0) {
        const top = builder.stack[builder.stack.length - 1];
        if (top && top.label.length === 0) builder.stack.pop();
      }
      const owner = section ?? (started ? builder.stack[builder.stack.length - 1]?.section ?? null : null);
      if (!section && started && owner && part === 0 && isClosing(t, k, to) && isAfterLastTopSection(lines, k, to)) {
        // closing formula: ends every open section
        for (let z = k; z < to; z++) zones[z] = 'closing';
        builder.stack.length = 0;
        for (let z = k; z < to; z++) paragraphs.push(para(lines[z].start, lines[z].end, lines[z].text, paragraphKind(lines[z].text), null, 'closing'));
        break;
      }
      const pkind: ParagraphKind = kind === 'table-row' ? kind : section ? (t.length - label!.length < 120 && !/[.;]$/.test(t) ? 'heading' : 'item') : kind;
      const zone = zones[k] === 'body' && !started && part === 0 ? 'preamble' : zones[k];
      paragraphs.push(para(line.start, line.end, t, pkind, owner, zone));
      if (owner) for (const o of builder.stack) o.section.end = Math.max(o.section.end, line.end);
    }
    sections.push(...builder.sections);
  }
  // Paragraphs outside the parts (header, recipients, signature, footnotes).
  const covered = new Set(paragraphs.map((p) => p.start));
  for (let k = 0; k < n; k++) {
    if (!covered.has(lines[k].start)) paragraphs.push(para(lines[k].start, lines[k].end, lines[k].text, paragraphKind(lines[k].text), null, zones[k]));
  }
  paragraphs.sort((a, b) => a.start - b.start);
  return { sections, paragraphs };
}

function para(start: number, end: number, text: string, kind: ParagraphKind, section: Section | null, zone: Zone): Paragraph {
  const p: Paragraph = { start, end, text, kind, section, zone };
  if (kind === 'table-row') {
    p.cells = [];
    let offset = 0;
    for (const cell of text.split(' | ')) {
      const lead = cell.length - cell.trimStart().length;
      p.cells.push({ text: cell.trim(), start: start + offset + lead, end: start + offset + lead + cell.trim().length });
      offset += cell.length + 3;
    }
  }
  return p;
}

export function paragraphKind(t: string): ParagraphKind {
  if (t.includes(' | ') || /^\|/.test(t)) return 'table-row';
  if (BULLET.test(t)) return 'bullet';
  return 'text';
}

/**
 * The group row of a task table ("I | KIỆN TOÀN CƠ CHẾ CHỈ ĐẠO"): a Roman numeral and a title
 * with no other cell filled. It is the section of the rows under it (extraction.md §5: "the
 * row's section is the table's group heading"); numbered rows (1, 2, …) are not sections.
 */
function tableGroup(t: string): Label | null {
  const cells = t.split(' | ').map((c) => c.trim());
  const m = new RegExp(`^(${ROMAN})\\.?$`, 'u').exec(cells[0] ?? '');
  if (!m || cells.slice(1).filter(Boolean).length !== 1) return null;
  return { kind: 'roman', printed: m[1], segment: m[1], nums: [romanValue(m[1])], length: 0 };
}

/**
 * A table printed one cell per line shows its group headings as a bare numeral line ("I")
 * followed by the group's title in capitals: that is the group's section (extraction.md §5).
 */
function bareRomanGroup(t: string, next: string | undefined): Label | null {
  const m = new RegExp(`^(${ROMAN})$`, 'u').exec(t.trim());
  if (!m || !next || !isMostlyUpper(next) || readLabel(next)) return null;
  return { kind: 'roman', printed: m[1], segment: m[1], nums: [romanValue(m[1])], length: t.length };
}

/** Reject label look-alikes: a wrapped line starting "2030, …" never reaches here; "1." alone is odd. */
function plausible(label: Label, text: string, builder: TreeBuilder): boolean {
  const rest = text.slice(label.length).trim();
  if (!rest) return label.kind === 'article' || label.kind === 'chapter' || label.kind === 'part' || label.kind === 'roman';
  // "1. 000 người": a thousands group split by a space, not a label
  if (/^\d{3}(?:[\s.,]|$)/.test(rest) && label.kind === 'arabic') return false;
  if (label.kind === 'letter') {
    // a letter list must start at "a" unless a letter list is already open
    const open = builder.stack.some((o) => o.label.kind === 'letter');
    if (!open && label.nums[0] > 2) return false;
  }
  if (label.kind === 'roman' && label.nums[0] > 1) {
    // "V." in running text is rare; a roman heading is usually in capitals or short
    const anyRoman = builder.sections.some((s) => s.labelKind === 'roman');
    if (!anyRoman && label.nums[0] > 3 && !isMostlyUpper(rest.slice(0, 40))) return false;
  }
  return true;
}

/** Offset of an inline first sub-item ("… quốc gia a) Ban hành …") when the next line is its "b)". */
function splitInlineFirstItem(text: string, label: Label, next: string | undefined): number {
  if (!next || (label.kind !== 'arabic' && label.kind !== 'roman' && label.kind !== 'dotted')) return -1;
  const nextLabel = readLabel(next);
  if (!nextLabel) return -1;
  if (nextLabel.kind === 'letter' && nextLabel.nums[0] === 2) {
    const m = /\s(a\)\s)/u.exec(text.slice(label.length));
    return m ? label.length + m.index + 1 : -1;
  }
  return -1;
}

/**
 * A closing formula: one of the usual openings ("Trên đây là …"), or, in one of the last two
 * paragraphs of the text, a request to all units to carry the document out ("UBND Thành phố yêu
 * cầu các Sở … nghiêm túc triển khai thực hiện", "Đề nghị các sở, ban, ngành … khẩn trương thực
 * hiện") — an unlabelled paragraph that restates the assignments rather than adding a task.
 */
function isClosing(t: string, k: number, to: number): boolean {
  if (CLOSING.test(t)) return true;
  if (k < to - 2 || BULLET.test(t) || t.includes(' | ')) return false;
  return CLOSING_REQUEST.test(t);
}

const CLOSING_REQUEST =
  /(?:yêu cầu|đề nghị|Đề nghị|Yêu cầu)\s+(?:các|Giám đốc|Thủ trưởng|Chủ tịch)[^.;]{0,220}?(?:nghiêm túc|khẩn trương|tổ chức|chủ động)\s+(?:triển khai|thực hiện|tổ chức thực hiện)/u;

/** A closing formula counts only after the last top-level section has begun. */
function isAfterLastTopSection(lines: Line[], k: number, to: number): boolean {
  for (let z = k + 1; z < to; z++) {
    const l = readLabel(lines[z].text);
    if (l && (l.kind === 'roman' || l.kind === 'article' || l.kind === 'chapter' || l.kind === 'part')) return false;
  }
  return true;
}
