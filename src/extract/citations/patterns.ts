import { loadJson } from '../../lexicon/load.js';
import type { Relation } from '../../models.js';
import { REF_SOURCE } from '../../text/refs.js';

/**
 * Patterns of the citation extractor, in one place (as eyecite keeps its regexes). Words come from
 * lexicon data (document-kinds.json, citation-cues.json) so an analyst can extend them; this
 * module only turns them into regexes. All regexes work on NFC clean text.
 */

interface KindEntry {
  name: string;
  codes: string[];
  aliases?: string[];
}
interface Cues {
  listCues: Record<Relation, string[]>;
  localCues: Record<Relation, string[]>;
  gapWords: { words: string[] };
  pastWork: { patterns: string[] };
  selfClosing: { patterns: string[] };
  passThrough: { words: string[] };
  aliasIntro: { patterns: string[] };
  anaphora: { words: string[] };
  requestIntro: { words: string[] };
  notDocuments: { words: string[] };
  genericKinds: { words: string[] };
  issuer: { intro: string[]; stop: string[]; abbreviations: [string, string][]; meeting: string[]; levelWords: string[]; lowerPhrases: string[]; commaNames: string[]; heads: string[]; complete: string[]; capitalStops: string[] };
}

/** Letters and digits: Vietnamese words are bounded by these, not by \b (which is ASCII-only). */
export const WORD_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
export const WORD_AFTER = String.raw`(?![\p{L}\p{N}])`;

export const RELATIONS: Relation[] = ['implements', 'guided_by', 'based_on', 'mentions'];
/** §7: implements > guided_by > based_on > mentions. */
export const STRENGTH: Record<Relation, number> = { implements: 3, guided_by: 2, based_on: 1, mentions: 0 };

const nfc = (s: string): string => s.normalize('NFC');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, String.raw`\s+`);
const byLength = (a: string, b: string): number => b.length - a.length;
const alternation = (words: string[]): string => [...new Set(words.map(nfc))].sort(byLength).map(escape).join('|');

export interface Kinds {
  /** Lower-cased printed word → kind name (null for generic words like "văn bản"). */
  byWord: Map<string, string | null>;
  /** Kind code (upper case) → kind name: "NQ" → Nghị quyết. */
  byCode: Map<string, string>;
  /** Alternation of every kind word, longest first (case-insensitive use). */
  source: string;
  /** Words that open a document name in running text (capitalised: "Kế hoạch hành động của …"). */
  names: string[];
}

export interface Patterns {
  kinds: Kinds;
  /** A reference, not glued to a word or a number before it. */
  ref: RegExp;
  /** "QCVN 06:2022/BXD": a number and a colon before the year is a standard, not a document. */
  standardBefore: RegExp;
  /** Kind phrase printed right before a reference: "Nghị quyết số ", "Decree No. ", "số: ". */
  kindBefore: RegExp;
  /** A form, an annex or a standard named right before the number ("Mẫu số 01/HNCT"). */
  notDocumentBefore: RegExp;
  /** "Luật Bầu cử đại biểu Quốc hội … số": a law named before its number. */
  namedBefore: RegExp;
  /** Date right after a reference (or after its issuer). */
  dateAfter: RegExp[];
  yearAfter: RegExp;
  /** Cues at the start of a sentence or list item, and right before a kind word. */
  listCue: RegExp;
  listCueRelation: Map<string, Relation>;
  localCue: RegExp;
  localCueRelation: Map<string, Relation>;
  pastWork: RegExp;
  purposeBefore: RegExp;
  selfClosing: RegExp;
  passThroughBefore: RegExp;
  aliasDefinition: RegExp;
  anaphora: RegExp;
  /** "Nghị quyết 137", "Chỉ thị số 27": a number without its symbol. */
  shortForm: RegExp;
  /** A capitalised kind word not followed by a number ("Kế hoạch hành động của …"). */
  documentName: RegExp;
  issuer: Omit<Cues['issuer'], 'lowerPhrases' | 'capitalStops'> & {
    stopSet: Set<string>;
    capitalStops: Set<string>;
    meetingPrefix: RegExp;
    lowerPhrases: Set<string>;
    levelSet: Set<string>;
    completeEnd: RegExp;
  };
  /** "của"/"do" (or "tại Hội nghị …") opening an issuer after a reference. */
  introAfter: RegExp;
  /** An issuer printed before a reference (see find.ts issuerBefore), captured in group 1. */
  issuerBefore: RegExp[];
  /** Prefix of a paragraph that is not part of its sentence: bullets, labels, markdown emphasis. */
  linePrefix: RegExp;
  /** A line of a letter that introduces its requests ("… đề nghị các đơn vị:"). */
  requestIntro: RegExp;
}

let cached: Patterns | null = null;

function loadKinds(cues: Cues): Kinds {
  const list = loadJson<{ kinds: KindEntry[] }>('document-kinds.json').kinds;
  const byWord = new Map<string, string | null>();
  const byCode = new Map<string, string>();
  for (const k of list) {
    const name = nfc(k.name);
    if (!byWord.has(name.toLowerCase())) byWord.set(name.toLowerCase(), name);
    for (const a of k.aliases ?? []) byWord.set(nfc(a).toLowerCase(), name);
    for (const c of k.codes) if (!byCode.has(c.toUpperCase())) byCode.set(c.toUpperCase(), name);
  }
  for (const g of cues.genericKinds.words) byWord.set(nfc(g).toLowerCase(), null);
  const words = [...list.flatMap((k) => [k.name, ...(k.aliases ?? [])]), ...cues.genericKinds.words];
  const names = list.map((k) => nfc(k.name)).filter((n) => /^\p{Lu}/u.test(n));
  return { byWord, byCode, source: alternation(words), names };
}

export function patterns(): Patterns {
  if (cached) return cached;
  const cues = loadJson<Cues>('citation-cues.json');
  const kinds = loadKinds(cues);
  const K = kinds.source;
  const relationMap = (table: Record<string, string[]>): Map<string, Relation> => {
    const m = new Map<string, Relation>();
    for (const rel of RELATIONS) for (const w of table[rel] ?? []) m.set(nfc(w).toLowerCase().replace(/\s+/g, ' '), rel);
    return m;
  };
  const listCueRelation = relationMap(cues.listCues as unknown as Record<string, string[]>);
  const localCueRelation = relationMap(cues.localCues as unknown as Record<string, string[]>);
  const gap = alternation(cues.gapWords.words);
  const NUMBER_WORD = String.raw`(?:số|Số|SỐ|so|sô|No\.?|Nos\.?)`;
  const stop = cues.issuer.stop.map(nfc);
  cached = {
    kinds,
    ref: new RegExp(String.raw`(?<![\p{L}\p{N}/.\-–&])(?:${REF_SOURCE})`, 'gu'),
    standardBefore: /\d\s?:\s?$/u,
    kindBefore: new RegExp(String.raw`(?:${WORD_BEFORE}(${K})\s*(?:${NUMBER_WORD}\s*:?\s*){0,2}|${WORD_BEFORE}(?:${NUMBER_WORD}\s*:?\s*){1,2})$`, 'iu'),
    notDocumentBefore: new RegExp(String.raw`${WORD_BEFORE}(?:${alternation(cues.notDocuments.words)})\s*(?:${NUMBER_WORD}\s*)?:?\s*(?:\d{1,5}\s*(?:,|và)\s*)*$`, 'u'),
    namedBefore: /(?<![\p{L}\p{N}])(Luật|Bộ luật|Pháp lệnh|Nghị quyết|Hiến pháp)\s[^;:()]*?\s(?:số|Số)\s*:?\s*$/u,
    dateAfter: [
      /^[\s,]*[(\-–]?\s*(?:(?:ban hành|ký|thông qua)\s+)?ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)/iu,
      /^[\s,]*[(\-–]?\s*(?:(?:ban hành|ký|thông qua)\s+)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})(?!\d)/iu,
      /^[\s,]*dated\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+((?:19|20)\d{2})/u,
    ],
    yearAfter: /^[\s,]*năm\s+((?:19|20)\d{2})(?!\d)/iu,
    listCue: new RegExp(String.raw`^(?:${alternation(RELATIONS.flatMap((r) => cues.listCues[r] ?? []))})${WORD_AFTER}`, 'iu'),
    listCueRelation,
    localCue: new RegExp(String.raw`${WORD_BEFORE}(${alternation([...localCueRelation.keys()])})((?:\s+(?:${gap}))*)\s*$`, 'iu'),
    localCueRelation,
    pastWork: new RegExp(String.raw`${WORD_BEFORE}(?:${cues.pastWork.patterns.map(nfc).join('|')})(?:\s+[\p{L}\d]+){0,2}\s*$`, 'iu'),
    purposeBefore: new RegExp(String.raw`${WORD_BEFORE}(?:để|nhằm|để tiếp tục|nhằm tiếp tục)\s*$`, 'iu'),
    selfClosing: new RegExp(String.raw`^(?:${cues.selfClosing.patterns.map(nfc).join('|')})${WORD_AFTER}`, 'iu'),
    passThroughBefore: new RegExp(String.raw`${WORD_BEFORE}(?:${alternation(cues.passThrough.words)})(?:\s*,\s*(?:${alternation(cues.passThrough.words)}))*\s*$`, 'iu'),
    aliasDefinition: new RegExp(String.raw`\(\s*(?:${cues.aliasIntro.patterns.map(nfc).join('|')})\s*:?\s*([^()]{1,240})\)`, 'giu'),
    anaphora: new RegExp(String.raw`${WORD_BEFORE}(${K})\s+(?:${alternation(cues.anaphora.words)})${WORD_AFTER}`, 'giu'),
    shortForm: new RegExp(
      String.raw`${WORD_BEFORE}(${K})\s+(?:${NUMBER_WORD}\s*)?(\d{1,5}[a-z]?)(?![\p{L}\p{N}]|\s?[/\-–]\s?[\p{L}\d]|[.,]\d)(?!\s+(?:năm|tháng|ngày)(?!\s+(?:19|20)\d{2}))`,
      'giu',
    ),
    documentName: new RegExp(String.raw`${WORD_BEFORE}(${kinds.names.map(escape).sort(byLength).join('|')})${WORD_AFTER}`, 'gu'),
    issuer: {
      ...cues.issuer,
      stopSet: new Set(stop),
      capitalStops: new Set(cues.issuer.capitalStops.map(nfc)),
      meetingPrefix: new RegExp(String.raw`^(?:${cues.issuer.meeting.map(nfc).join('|')})\s+`, 'u'),
      lowerPhrases: new Set([...cues.issuer.lowerPhrases, ...cues.issuer.levelWords].map(nfc)),
      levelSet: new Set(cues.issuer.levelWords.map(nfc)),
      completeEnd: new RegExp(String.raw`(?:^|\s)(?:${cues.issuer.complete.map(nfc).join('|')})$`, 'iu'),
      commaNames: cues.issuer.commaNames.map(nfc),
    },
    introAfter: new RegExp(String.raw`^[\s,]*(?:(?:${cues.issuer.intro.map(nfc).join('|')})\s+|tại\s+(?=Hội nghị))`, 'iu'),
    issuerBefore: issuerBefore(cues, K),
    linePrefix: /^(?:[\s*_#>]+|[-+•–—○▪►✓·]\s*|\(?\d{1,2}[.)]\s+|\(?[a-zđ]\)\s+|[IVX]{1,5}\.\s+)*/u,
    requestIntro: new RegExp(String.raw`${WORD_BEFORE}(?:${alternation(cues.requestIntro.words)})${WORD_AFTER}[^:.;()]{0,100}:\s*$`, 'iu'),
  };
  return cached;
}

function issuerBefore(cues: Cues, K: string): RegExp[] {
  const heads = alternation(cues.issuer.heads);
  return [
    // "… của <issuer> tại Công điện số" / "… của <issuer> tại các văn bản: số …"
    new RegExp(String.raw`(?:của|do)\s+((?:${heads})[^;:()]{0,100}?)\s+(?:đã\s+)?(?:phê duyệt\s+)?tại\s+(?:các\s+)?(?:(?:${K})\s*:?\s*)?$`, 'u'),
    // "các Nghị định của Chính phủ: số …; số …"
    new RegExp(String.raw`(?:${K})\s+(?:của|do)\s+((?:${heads})[^;:()]{0,100}?)\s*:[^:]*$`, 'iu'),
    // "<issuer> (đã|vừa) ban hành / phê duyệt tại các Quyết định: số …"
    new RegExp(String.raw`(?:^|[,;]\s*|được\s+)((?:${heads})[^,;:()]{0,80}?)\s+(?:(?:đã|vừa|mới)\s+)*(?:ban hành|phê duyệt)\s+(?:tại\s+)?(?:các\s+)?(?:(?:${K})\s*:?\s*)?(?:[^:]*(?:;|,|\svà)\s*)?$`, 'u'),
  ];
}

/** The kind name printed as `word` ("NGHỊ QUYẾT" → "Nghị quyết"); null for generic words, undefined if not a kind word. */
export function kindOfWord(word: string): string | null | undefined {
  return patterns().kinds.byWord.get(word.normalize('NFC').toLowerCase().replace(/\s+/g, ' '));
}

/** Kind from the first part of a symbol: "NQ-CP" → Nghị quyết; "QH13" (a law) → Luật. */
export function kindOfCode(code: string): string | null {
  const k = patterns().kinds.byCode;
  const up = code.toUpperCase();
  return k.get(up) ?? k.get(up.replace(/\d+$/u, '')) ?? null;
}
