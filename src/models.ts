/**
 * Data shapes shared by every stage. Each stage takes one of these in and gives the next one out:
 *
 *   read       file bytes        → RawText
 *   normalize  RawText           → CleanText   (NFC, cleaned, with a map back to RawText offsets)
 *   parse      CleanText         → ParsedDocument { header: Header, tree: SectionTree }
 *   extract    ParsedDocument    → Citation[] · Assignment[] · Target[]
 *   store      Extraction        → SQLite rows
 *
 * Offsets (`start`, `end`) are always UTF-16 code-unit offsets into CleanText.text, end exclusive,
 * unless a field says otherwise.
 */

export type Format = 'pdf' | 'docx' | 'doc' | 'txt' | 'md' | 'html';

/** Text as the reader recovered it, before any cleaning. */
export interface RawText {
  text: string;
  format: Format;
  /** Page count for paged formats (PDF), null otherwise. */
  pages: number | null;
  /**
   * Paged formats put a form feed (\f) between pages so that the normaliser can find running
   * headers, page numbers and page-bottom footnotes. Other formats never contain \f.
   */
  paged: boolean;
  /** Encoding the bytes were decoded from, for text formats ("utf-8", "windows-1258", …). */
  encoding?: string;
  /** Things a user should know that are not errors (e.g. "owner-password PDF read anyway"). */
  warnings: string[];
}

/** Clean text plus, for every clean offset, the raw offset it came from. */
export interface CleanText {
  text: string;
  /** map[i] = offset in RawText.text of clean character i; map[text.length] = raw end. */
  map: Int32Array;
  raw: RawText;
}

export interface Span {
  start: number;
  end: number;
}

/** The header block of a Vietnamese administrative document (extraction.md §1–§3). */
export interface Header {
  kind: string | null;
  ref: string | null;
  symbol: string | null;
  issuer: string | null;
  place: string | null;
  /** ISO date "2024-11-20", or "2024" when only the year is filled in. */
  date: string | null;
  title: string | null;
  signer: string | null;
  /** "Kính gửi" addressees and the "Nơi nhận" list, one entry per line, as printed. */
  recipients: string[];
  copyTo: string[];
  /** Where each field was read from, for evidence. */
  spans: Partial<Record<'kind' | 'ref' | 'issuer' | 'place' | 'date' | 'title' | 'signer', Span>>;
}

export type LabelKind =
  | 'part' // Phần I
  | 'chapter' // Chương II
  | 'division' // Mục 1 (inside a chapter)
  | 'article' // Điều 5.
  | 'roman' // I.  II-
  | 'arabic' // 1.
  | 'dotted' // 1.1  2.3.1
  | 'letter' // a)  đ)
  | 'paren'; // (1)  — enumerations; not sections unless the document uses them as headings

export interface Section {
  /** Id per extraction.md §6: "II.3.a", "Điều 5.2.a", "Chương II". */
  id: string;
  /** The label as printed: "II.", "1.", "a)", "Điều 5.". */
  label: string;
  labelKind: LabelKind;
  /** Depth in the tree, 1 = top. */
  level: number;
  /** Heading text after the label on the same paragraph (may be a whole sentence for items). */
  heading: string;
  /** Offsets of the section's paragraph start and of the end of its last descendant. */
  start: number;
  end: number;
  /** End of the heading paragraph (the body starts after it). */
  headingEnd: number;
  parent: Section | null;
  children: Section[];
  /** 0 for the main document, 1… for each document attached after the signature. */
  part: number;
}

export type ParagraphKind = 'heading' | 'item' | 'bullet' | 'text' | 'table-row';

/** One line of clean text: the unit every extractor walks. */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
  kind: ParagraphKind;
  /** The innermost section this paragraph belongs to (null before the first section). */
  section: Section | null;
  /** For table rows: cell texts and their offsets. */
  cells?: { text: string; start: number; end: number }[];
  zone: Zone;
}

/**
 * Coarse zones of a document. Extractors use them to tell a preamble ("Căn cứ …") from a task,
 * and the recipients list from the body.
 */
export type Zone =
  | 'header' // national motto, issuer lines, number, date, kind, title
  | 'preamble' // text before the first section ("Căn cứ …", "Thực hiện …")
  | 'body'
  | 'closing' // after the last section, before the signature ("Trên đây là …")
  | 'recipients' // "Nơi nhận:" list
  | 'signature'
  | 'footnotes'
  | 'appendix'; // documents attached after the signature (body of an attached programme)

export interface SectionTree {
  text: string;
  sections: Section[];
  paragraphs: Paragraph[];
}

export interface ParsedDocument {
  header: Header;
  tree: SectionTree;
}

export type Relation = 'implements' | 'based_on' | 'guided_by' | 'mentions';

export interface Citation {
  ref: string;
  kind: string | null;
  date: string | null;
  issuer: string | null;
  relation: Relation;
  /** "self", or the ref of the document that the text says does the citing (chained clauses). */
  from: string;
  start: number;
  end: number;
  /** The words that assert the relation ("Thực hiện", "Căn cứ", "về thực hiện"). */
  cue?: string | null;
  /** Span of `cue` in the clean text (the evidence of the edge); null when no cue was printed. */
  cueStart?: number | null;
  cueEnd?: number | null;
  section?: string | null;
  /** Year printed in the reference (11/2017/NQ-HĐND), else from the date. */
  year?: number | null;
}

export type Role = 'lead' | 'support';

export interface Deadline {
  /** Words as printed: "trước ngày 10/6", "quý III/2025", "thường xuyên". */
  text: string;
  /** ISO date, or an ISO interval "2026-01-01/2030-12-31"; null when only a recurrence is given. */
  value: string | null;
  recurrence: 'none' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly' | 'continuous';
}

export interface Assignment {
  agency: string;
  role: Role;
  section: string | null;
  task: string;
  requested: boolean;
  deadline: Deadline | null;
  /** Span of the task text, and of the agency mention that gave the role. */
  start: number;
  end: number;
  agencyStart?: number;
  agencyEnd?: number;
  /** Canonical key of the agency (folded, abbreviations expanded). */
  agencyKey?: string;
  /** Head of the agency name as the lexicon knows it ("Sở", "Ủy ban nhân dân", "sở, ban, ngành"). */
  head?: string | null;
  domain?: string | null;
  level?: string | null;
}

export type Comparator = '=' | '<' | '<=' | '>' | '>=' | '~' | 'reduce_by' | 'increase_by' | 'range';

export interface Target {
  indicator: string;
  indicator_key?: string;
  comparator: Comparator;
  value: number;
  value_max?: number;
  unit: string | null;
  year: number | null;
  section: string | null;
  text: string;
  start: number;
  end: number;
}

export interface ExtractionSource {
  path: string;
  format: Format;
  sha256: string;
  pages: number | null;
  encoding?: string;
  size: number;
}

/** The `vanban extract --json` contract (schema vanban.extract/1, extraction.md §1). */
export interface Extraction {
  schema: 'vanban.extract/1';
  source: ExtractionSource;
  document: Omit<Header, 'spans' | 'recipients' | 'copyTo'> & { recipients: string[]; copyTo: string[] };
  sections: { id: string; label: string; level: number; heading: string; start: number; end: number }[];
  citations: Citation[];
  assignments: Assignment[];
  targets: Target[];
  warnings: string[];
}

/** An input the user gave us that we cannot read; `reason` is one plain sentence. */
export class InputError extends Error {
  constructor(
    public readonly path: string,
    public readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'InputError';
  }
}
