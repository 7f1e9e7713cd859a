/**
 * The agency lexicon (extraction.md §4): heads, domains, administrative units, titles, the words
 * that delimit a mention, and abbreviations — all read from JSON under src/lexicon/data so an
 * analyst extends them without touching code. This module also owns agency identity: the
 * canonical key, the domain and the level of a name.
 *
 * Identity is folding plus the lexicon, never a similarity score: "Sở Nội vụ" and "Sở Ngoại vụ"
 * differ by one syllable and are different bodies; a wrong merge is worse than a miss.
 */
import { fold } from '../text/fold.js';
import { loadJson } from './load.js';

// ---------------------------------------------------------------- phrase sets

/** A token as the phrase sets see it: its keys and whether it is punctuation. */
export interface LexToken {
  text: string;
  /** folded (no diacritics, lower case, spelling variants merged) */
  f: string;
  /** word key: lower case, tone marks kept but their placement normalised (see wordKey) */
  k: string;
  punct: boolean;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const wordKeys = new Map<string, string>();

/**
 * Key of one written word for lexicon matching: lower case, vowel marks kept, the tone mark kept
 * but moved off the letter it sits on (so "Ủy"/"Uỷ" and "hóa"/"hoá" are equal), final y/i after a
 * consonant merged ("Tỷ"/"Tỉ"). Unlike `fold`, "cùng" ≠ "cung", "sở" ≠ "số", "phòng" ≠ "phong":
 * recognising agencies without diacritics would read "cung cấp" as a partner cue.
 */
export function wordKey(w: string): string {
  let k = wordKeys.get(w);
  if (k !== undefined) return k;
  const d = w.normalize('NFD').toLowerCase();
  const tones = (d.match(TONES) ?? []).join('');
  let base = d.replace(TONES, '').normalize('NFC');
  base = base.replace(/^(b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x|ch|gh|kh|nh|ph|th|tr)y$/u, '$1i');
  if (base === 'qui') base = 'quy';
  k = base + tones;
  if (wordKeys.size < 50000) wordKeys.set(w, k);
  return k;
}

function words(phrase: string): string[] {
  return (phrase.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).map(wordKey);
}

/** Punctuation a multi-word entry may run across ("Văn hóa, Thể thao và Du lịch", "chính trị - xã hội"). */
const SOFT_PUNCT = new Set([',', '-', '–', '—']);

export interface SetMatch<T> {
  value: T;
  /** index after the last token of the match */
  end: number;
  words: number;
}

/**
 * A set of multi-word entries matched against tokens without diacritics, longest first.
 * Soft punctuation inside the text is skipped, so one entry covers "Văn hóa, Thể thao và Du lịch"
 * and "Văn hóa Thể thao và Du lịch".
 */
export class PhraseSet<T = string> {
  private byFirst = new Map<string, { words: string[]; value: T; soft: boolean }[]>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [phrase, value] of entries) {
      const ws = words(phrase);
      if (!ws.length) continue;
      const list = this.byFirst.get(ws[0]) ?? [];
      // only an entry printed with punctuation runs across it ("tỉnh, Ủy ban" is not "Tỉnh ủy")
      list.push({ words: ws, value, soft: /[,\-–—]/u.test(phrase) });
      this.byFirst.set(ws[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  static of(phrases: string[]): PhraseSet<string> {
    return new PhraseSet(phrases.map((p) => [p, p] as [string, string]));
  }

  /** Longest entry starting at token i. */
  match(tokens: LexToken[], i: number): SetMatch<T> | null {
    const t = tokens[i];
    if (!t || t.punct) return null;
    const list = this.byFirst.get(t.k);
    if (!list) return null;
    for (const e of list) {
      let j = i;
      let ok = true;
      for (let w = 0; w < e.words.length; w++) {
        if (w > 0 && e.soft) while (j < tokens.length && tokens[j].punct && SOFT_PUNCT.has(tokens[j].text)) j++;
        if (j >= tokens.length || tokens[j].punct || tokens[j].k !== e.words[w]) {
          ok = false;
          break;
        }
        j++;
      }
      if (ok) return { value: e.value, end: j, words: e.words.length };
    }
    return null;
  }

  has(tokens: LexToken[], i: number): boolean {
    return this.match(tokens, i) !== null;
  }
}

// ---------------------------------------------------------------- data

export type Level = 'central' | 'province' | 'district' | 'commune' | 'mass' | 'party' | 'class';

export interface Head {
  name: string;
  /** name: needs a name after it; optional: an agency by itself; units: takes administrative units */
  takes: 'name' | 'optional' | 'units';
  level: Level;
  domain?: string;
  /** the name may go on in lower case ("Ban Quản lý các khu công nghệ cao …") */
  open?: boolean;
}

interface Domain {
  key: string;
  names: string[];
  since2025?: string;
}

interface Words {
  classNouns: { specific: string[]; generic: string[]; combining: string[]; qualifiable: string[] };
  personNouns: { public: string[]; members: string[] };
  titles: { words: string[]; address: string[]; portfolioOnly: string[] };
  domainBodies: { keys: string[] };
  units: Record<'central' | 'province' | 'district' | 'commune' | 'party', string[]>;
  qualifierStarts: { words: string[]; narrow: string[]; needObject: string[]; parenthetical?: string[] };
  stops: { prepositions: string[]; predicates: string[]; weak: string[]; adverbs: string[] };
  vague: { markers: string[] };
  compounds: { words: string[] };
  notAgencies: { words: string[] };
}

interface Abbreviation {
  pattern: string;
  expansion: string;
  anywhere?: boolean;
}

export interface AgencyLexicon {
  heads: PhraseSet<Head>;
  domains: PhraseSet<Domain>;
  domainByKey: Map<string, Domain>;
  /** domains that name a body when a locality follows ("Thuế tỉnh Đắk Lắk") */
  domainBodies: Set<string>;
  classNouns: PhraseSet<'specific' | 'generic'>;
  combining: PhraseSet;
  qualifiable: PhraseSet;
  personNouns: PhraseSet<'public' | 'members'>;
  titles: PhraseSet;
  portfolioOnly: PhraseSet;
  address: PhraseSet;
  units: PhraseSet<Level>;
  qualifiers: PhraseSet;
  narrowQualifiers: PhraseSet;
  needObject: PhraseSet;
  /** words that open a parenthesised qualifier of a class ("(có dự án khánh thành, khởi công...)") */
  parenthetical: PhraseSet;
  prepositions: PhraseSet;
  predicates: PhraseSet;
  weak: PhraseSet;
  adverbs: PhraseSet;
  vague: PhraseSet;
  compounds: PhraseSet;
  notAgencies: PhraseSet;
  /** all abbreviations in one pattern, one capture group each, in priority order */
  abbreviations: { re: RegExp; expansions: string[] };
}

let lexicon: AgencyLexicon | null = null;

export function agencyLexicon(): AgencyLexicon {
  if (lexicon) return lexicon;
  const heads = loadJson<{ heads: Head[] }>('agency-heads.json').heads;
  const domains = loadJson<{ domains: Domain[] }>('agency-domains.json').domains;
  const w = loadJson<Words>('agency-words.json');
  const abbr = loadJson<{ abbreviations: Abbreviation[] }>('agency-abbreviations.json').abbreviations;
  const unitEntries: [string, Level][] = [];
  for (const level of ['central', 'province', 'district', 'commune', 'party'] as const) for (const u of w.units[level]) unitEntries.push([u, level]);
  lexicon = {
    heads: new PhraseSet(heads.map((h) => [h.name, h] as [string, Head])),
    domains: new PhraseSet(domains.flatMap((d) => d.names.map((n) => [n, d] as [string, Domain]))),
    domainByKey: new Map(domains.map((d) => [d.key, d])),
    domainBodies: new Set(w.domainBodies?.keys ?? []),
    classNouns: new PhraseSet([
      ...w.classNouns.specific.map((n) => [n, 'specific'] as [string, 'specific']),
      ...w.classNouns.generic.map((n) => [n, 'generic'] as [string, 'generic']),
    ]),
    combining: PhraseSet.of(w.classNouns.combining),
    qualifiable: PhraseSet.of(w.classNouns.qualifiable),
    personNouns: new PhraseSet([
      ...w.personNouns.public.map((n) => [n, 'public'] as [string, 'public']),
      ...w.personNouns.members.map((n) => [n, 'members'] as [string, 'members']),
    ]),
    titles: PhraseSet.of(w.titles.words),
    portfolioOnly: PhraseSet.of(w.titles.portfolioOnly),
    address: PhraseSet.of(w.titles.address),
    units: new PhraseSet(unitEntries),
    qualifiers: PhraseSet.of(w.qualifierStarts.words),
    narrowQualifiers: PhraseSet.of(w.qualifierStarts.narrow),
    needObject: PhraseSet.of(w.qualifierStarts.needObject),
    parenthetical: PhraseSet.of(w.qualifierStarts.parenthetical ?? []),
    prepositions: PhraseSet.of(w.stops.prepositions),
    predicates: PhraseSet.of(w.stops.predicates),
    weak: PhraseSet.of(w.stops.weak),
    adverbs: PhraseSet.of(w.stops.adverbs),
    vague: PhraseSet.of(w.vague.markers),
    compounds: PhraseSet.of(w.compounds.words),
    notAgencies: PhraseSet.of(w.notAgencies.words),
    // Abbreviations are capitals between word boundaries; '&' alone is expanded anywhere. One
    // alternation keeps the file's order as the priority (the first alternative that matches wins).
    abbreviations: {
      // the word-boundary lookarounds wrap the whole alternation once: checked per alternative
      // they made V8 try 58 lookbehinds at every position of every paragraph
      re: new RegExp(
        String.raw`(?<![\p{L}\p{N}])(?:` +
          abbr.filter((a) => !a.anywhere).map((a) => `(${a.pattern})`).join('|') +
          String.raw`)(?![\p{L}\p{N}])` +
          abbr.filter((a) => a.anywhere).map((a) => `|(${a.pattern})`).join(''),
        'gu',
      ),
      expansions: [...abbr.filter((a) => !a.anywhere), ...abbr.filter((a) => a.anywhere)].map((a) => a.expansion),
    },
  };
  return lexicon;
}

// ---------------------------------------------------------------- abbreviations

export interface Expanded {
  text: string;
  /** map[i] = offset in the source of expanded character i; map[text.length] = source length */
  map: ArrayLike<number>;
}

/** A shared 0, 1, 2, … array: text without abbreviations maps to itself (the common case). */
let identityMap = new Int32Array(0);
function identity(n: number): Int32Array {
  if (identityMap.length < n + 1) {
    identityMap = new Int32Array(Math.max(n + 1, identityMap.length * 2, 4096));
    for (let i = 0; i < identityMap.length; i++) identityMap[i] = i;
  }
  return identityMap.subarray(0, n + 1);
}

/**
 * Expand abbreviations (UBND → Ủy ban nhân dân, TT&TT → Thông tin và Truyền thông, …), keeping a
 * map back to the source offsets so a mention found in the expanded text is a span of the source.
 */
export function expandAbbreviations(source: string): Expanded {
  const { re, expansions } = agencyLexicon().abbreviations;
  // abbreviations are runs of capitals ("UBND", "Tp."), '&' or "đ/c"; most text has none
  if (!/\p{Lu}[\p{Lu}p]|&|\/[cC]/u.test(source)) return { text: source, map: identity(source.length) };
  re.lastIndex = 0;
  if (!re.test(source)) return { text: source, map: identity(source.length) };
  re.lastIndex = 0;
  let text = '';
  const map: number[] = [];
  let pos = 0;
  for (const m of source.matchAll(re)) {
    if (!m[0]) continue;
    for (let k = pos; k < m.index; k++) map.push(k);
    text += source.slice(pos, m.index);
    const g = m.findIndex((x, k) => k > 0 && x !== undefined);
    const expansion = expansions[g - 1];
    for (let k = 0; k < expansion.length; k++) map.push(m.index + Math.min(k, m[0].length - 1));
    text += expansion;
    pos = m.index + m[0].length;
  }
  for (let k = pos; k < source.length; k++) map.push(k);
  text += source.slice(pos);
  map.push(source.length);
  return { text, map };
}

/** The name with its abbreviations expanded and whitespace collapsed ("UBND quận" → "Ủy ban nhân dân quận"). */
export function expandName(name: string): string {
  return expandAbbreviations(name).text.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------- identity

/** Determiners and forms of address that do not change who is meant. */
const KEY_DROP = /^(?:cac|nhung|dong chi|cac dong chi)\s+/;

/**
 * Canonical key of an agency name: abbreviations expanded, diacritics and spelling variants
 * folded (Ủy/Uỷ, hóa/hoá, Tỉ/Tỷ), punctuation dropped, a leading "các" dropped. "so y te"
 * matches "Sở Y tế"; "Sở Nội vụ" and "Sở Ngoại vụ" stay two keys.
 */
export function agencyKey(name: string): string {
  let k = fold(expandName(name));
  let prev = '';
  while (prev !== k) {
    prev = k;
    k = k.replace(KEY_DROP, '');
  }
  return k;
}

export interface Profile {
  key: string;
  head: string | null;
  domain: string | null;
  level: Level | null;
}

function lexTokens(s: string): LexToken[] {
  const out: LexToken[] = [];
  for (const m of s.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) {
    const punct = !/[\p{L}\p{N}]/u.test(m[0]);
    out.push({ text: m[0], f: punct ? m[0] : fold(m[0]), k: punct ? m[0] : wordKey(m[0]), punct });
  }
  return out;
}

/**
 * Head, domain and level of a name, from the lexicon only: "Sở Y tế" → (Sở, y tế, province),
 * "Trung tâm Y tế quận" → (Trung tâm Y tế, y tế, district), "Ngành Y tế" → (ngành, y tế, null),
 * "Các Sở, ban, ngành thành phố" → level "class".
 */
export function agencyProfile(name: string): Profile {
  const lex = agencyLexicon();
  const expanded = expandName(name);
  const toks = lexTokens(expanded);
  let i = 0;
  let isClass = false;
  while (i < toks.length && (toks[i].k === wordKey('các') || toks[i].k === wordKey('những') || lex.address.has(toks, i))) {
    if (toks[i].k === wordKey('các') || toks[i].k === wordKey('những')) isClass = true;
    i = lex.address.match(toks, i)?.end ?? i + 1;
  }
  // officials: the profile is the body they head
  const title = lex.titles.match(toks, i);
  if (title) i = title.end;
  let head: Head | null = null;
  let headName: string | null = null;
  const h = lex.heads.match(toks, i);
  if (h) {
    head = h.value;
    headName = h.value.name;
    i = h.end;
  } else {
    const c = lex.classNouns.match(toks, i);
    if (c) {
      headName = toks.slice(i, c.end).map((t) => t.text).join(' ');
      i = c.end;
    }
  }
  let domain: string | null = head?.domain ?? null;
  let level: Level | null = head?.level ?? null;
  for (let j = i; j < toks.length; j++) {
    const d = lex.domains.match(toks, j);
    if (d && !domain) {
      domain = d.value.key;
      j = d.end - 1;
      continue;
    }
    // the last administrative unit printed decides the level ("Ủy ban Mặt trận Tổ quốc Việt Nam xã")
    const u = lex.units.match(toks, j);
    if (u && head?.level !== 'mass' && head?.level !== 'party') {
      level = u.value === 'party' ? level : u.value;
      j = u.end - 1;
    }
  }
  if (isClass || (!head && headName)) level = 'class';
  return { key: agencyKey(name), head: headName, domain, level };
}

/** Domains merged into another ministry in 2025 (Kế hoạch và Đầu tư → Tài chính, …). */
export function domainSuccessor(domain: string): string | null {
  return agencyLexicon().domainByKey.get(domain)?.since2025 ?? null;
}
