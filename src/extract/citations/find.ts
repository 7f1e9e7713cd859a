import { isMostlyUpper, properCase } from '../../parse/case.js';
import { canonicalRef, isKnownPart, isOfficialPart, parseRef } from '../../text/refs.js';
import { kindOfCode, kindOfWord, patterns } from './patterns.js';

/** One place in the text where a document is referred to. */
export interface Mention {
  /** Canonical reference (§3). */
  ref: string;
  /** Span of the reference as printed. */
  start: number;
  end: number;
  /** Start of the words that introduce it ("Nghị quyết số "), = start when there are none. */
  kindStart: number;
  /** Kind word printed before it (null: none, or a generic "văn bản"). */
  kindWord: string | null;
  /** A generic word ("văn bản") was printed before it instead of a kind. */
  generic: boolean;
  /** Kind read from the symbol ("NQ" → Nghị quyết). */
  kindCode: string | null;
  date: string | null;
  /** Year printed after the reference without a full date ("… năm 2017"). */
  yearOnly: number | null;
  issuer: string | null;
  /** End of the date and issuer that describe it. */
  tailEnd: number;
  /** How it was found: printed in full, a short form ("Nghị quyết 137"), an alias, "Nghị quyết nêu trên". */
  form: 'full' | 'short' | 'alias' | 'anaphora';
  /** Inside the parentheses that define a short form: it names the previous reference again. */
  inAliasDefinition?: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const pad = (n: number): string => String(n).padStart(2, '0');

function isoDate(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = /^\d+$/.test(m) ? Number(m) : MONTHS.indexOf(m.toLowerCase()) + 1;
  if (!day || !month || day > 31 || month > 12) return null;
  return `${y}-${pad(month)}-${pad(day)}`;
}

/** "ngày 15/8/2024", "ngày 15 tháng 8 năm 2024", ", ngày 16/5/2025", "dated June 12, 2017" at the start of `s`. */
export function readDate(s: string): { date: string; length: number } | null {
  const p = patterns();
  for (const re of p.dateAfter) {
    const m = re.exec(s);
    if (!m) continue;
    const date = re === p.dateAfter[2] ? isoDate(m[2], m[1], m[3]) : isoDate(m[1], m[2], m[3]);
    if (date) return { date, length: m[0].length };
  }
  return null;
}

/**
 * The issuer after "của"/"do" ("của UBND thành phố Hà Nội về …" → "Ủy ban nhân dân thành phố Hà Nội"),
 * or after "tại Hội nghị …" for party resolutions. Agency names are capitalised words
 * ("Bộ Khoa học và Công nghệ": each word's first syllable in capitals), the lower-case phrases
 * of agency names ("nhân dân", "thường vụ", level words before a place) and connectors; the
 * name ends at a stop word, at punctuation, or at a second lower-case syllable in a row, which
 * starts the document's subject ("… của Chính phủ trừ đi …").
 */
export function readIssuer(s: string): { issuer: string; length: number } | null {
  const p = patterns().issuer;
  const intro = patterns().introAfter.exec(s);
  if (!intro) return null;
  let skip = intro[0].length;
  // where a party resolution was adopted is not who issued it: "của Hội nghị lần thứ sáu BCH TƯ …"
  const meeting = p.meetingPrefix.exec(s.slice(skip));
  if (meeting) skip += meeting[0].length;
  let rest = s.slice(skip);
  for (const name of p.commaNames) rest = rest.split(name).join(name.replace(/,/g, '\u0001'));
  // "Bộ Lao động - Thương binh và Xã hội" keeps its dash; "… Tỉnh ủy - năm 2024" ends at it
  const cut = rest.search(/[;,.:()"“”\n|]|\s[-–]\s(?!\p{Lu})/u);
  if (cut >= 0) rest = rest.slice(0, cut);
  const words = rest.split(/(\s+)/u);
  const upper = rest === rest.toUpperCase();
  const taken: string[] = [];
  let length = skip;
  let lowerRun = 0;
  /** Words taken since a level word ("tỉnh", "thành phố"): the place name, capitalised, at most four. */
  let place = -1;
  const take = (i: number, n: number): void => {
    for (let k = i; k < i + 2 * n; k += 2) {
      taken.push(words[k]);
      length += (k > 0 ? words[k - 1].length : 0) + words[k].length;
    }
  };
  for (let i = 0; i < words.length; ) {
    const w = words[i];
    if (!w) break;
    const two = i + 2 < words.length ? `${w} ${words[i + 2]}` : '';
    const three = i + 4 < words.length ? `${two} ${words[i + 4]}` : '';
    const isStop = (x: string): boolean =>
      !!x && (p.stopSet.has(x) || (taken.length > 0 && p.capitalStops.has(x.toLowerCase()) && (upper || /^\p{Lu}\p{Ll}/u.test(x))));
    if (taken.length > 0 && (isStop(w) || isStop(two) || isStop(three))) break;
    if (taken.length === 0 && !/^[\p{Lu}\d]/u.test(w)) return null; // "của các bộ, ngành": not a named issuer
    if (taken.length >= 24) break;
    if (taken.length > 0 && /^(?:và|cùng)$/iu.test(w)) {
      // "Bộ Khoa học và Công nghệ" continues; "… của Chính phủ và Kế hoạch hành động …" does not.
      const next = words[i + 2] ?? '';
      const nextTwo = `${next} ${words[i + 4] ?? ''}`.trim();
      if (!/^\p{Lu}/u.test(next) || kindOfWord(next) !== undefined || kindOfWord(nextTwo) !== undefined) break;
      take(i, 1);
      i += 2;
      lowerRun = 0;
      continue;
    }
    if (/^[-–]$/u.test(w) && /^\p{Lu}/u.test(words[i + 2] ?? '')) {
      take(i, 1); // "Bộ Lao động - Thương binh và Xã hội"
      i += 2;
      lowerRun = 0;
      continue;
    }
    // "… của Chính phủ Quản lý …": a complete name takes only its term after it ("Bộ Chính trị khóa XIII")
    if (taken.length > 0 && p.completeEnd.test(taken.join(' ')) && !/^(?:khóa|khoá|[IVXL]+|\d+)$/iu.test(w)) break;
    if (upper || /^[\p{Lu}\d]/u.test(w)) {
      if (taken.length > 0 && !upper && (kindOfWord(two) || kindOfWord(three))) break;
      if (place >= 4) break;
      take(i, 1);
      i += 2;
      lowerRun = 0;
      if (place >= 0) place++;
      continue;
    }
    const prev = taken[taken.length - 1] ?? '';
    const phrase = [three, two, w].find((x) => x && p.lowerPhrases.has(x));
    // "… thành phố Hà Nội không …", "… tỉnh vẫn …": after a level word only a place name follows
    if (place >= 0 && !(phrase && p.levelSet.has(phrase))) break;
    if (phrase) {
      const n = phrase.split(' ').length;
      take(i, n);
      i += 2 * n;
      lowerRun = 0;
      if (p.levelSet.has(phrase)) place = 0;
      continue;
    }
    // after an acronym ("TAND cấp …", "… BẾN TRE vướng …") a lower-case word is not part of a name
    if (/^[\p{Lu}\d]{2,}$/u.test(prev)) break;
    if (lowerRun > 0) break;
    take(i, 1);
    i += 2;
    lowerRun++;
  }
  while (taken.length && /^(?:và|các|của|cùng|tại|với)$/iu.test(taken[taken.length - 1])) taken.pop();
  if (!taken.length) return null;
  const issuer = cleanIssuer(taken.join(' ').replace(/\u0001/g, ','));
  return issuer ? { issuer, length } : null;
}

let abbreviationRules: [RegExp, string][] | null = null;
let levelRule: RegExp | null = null;

/** Expand abbreviations (extraction.md §4) and drop the meeting that adopted a party resolution. */
export function cleanIssuer(raw: string): string | null {
  const p = patterns().issuer;
  abbreviationRules ??= [...p.abbreviations]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([abbr, full]) => [
      new RegExp(String.raw`(?<![\p{L}\p{N}])${abbr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, String.raw`\s*`)}(?![\p{L}\p{N}])\s?`, 'gu'),
      `${full} `,
    ]);
  // "Ủy ban nhân dân Thành phố" is written "thành phố" in running text (header-case.json 'lower').
  levelRule ??= new RegExp(String.raw`(Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Mặt trận Tổ quốc Việt Nam|Mặt trận Tổ quốc)\s+(${p.levelWords.join('|')})(?![\p{L}])`, 'giu');
  let s = raw.normalize('NFC').replace(/\s+/g, ' ').replace(/\[\d{1,2}\]/g, '').trim();
  s = s.replace(/^(?:của|do)\s+/iu, '');
  if (isMostlyUpper(s) && /\s/u.test(s)) s = properCase(s);
  s = s.replace(p.meetingPrefix, '');
  for (const [re, full] of abbreviationRules) s = s.replace(re, full);
  s = s.replace(/\s+/g, ' ').trim();
  s = s.replace(levelRule, (_m, a: string, b: string) => `${a} ${b.toLowerCase()}`);
  if (s.length < 2 || !/\p{Lu}/u.test(s)) return null;
  return s;
}

/**
 * Every reference printed in full in the text: the canonical reference, the words that
 * introduce it, its date and its issuer. Forms, annexes and standards ("Mẫu số 01/HNCT",
 * "QCVN 06:2022/BXD") are not documents and are skipped.
 */
export function findFullMentions(text: string): Mention[] {
  const p = patterns();
  const out: Mention[] = [];
  for (const m of text.matchAll(p.ref)) {
    const start = m.index!;
    let raw = trimGlued(m[0]);
    // "101/2025/UBTV QH15": a space typed inside a known code
    const split = /^[ \t]([\p{Lu}][\p{Lu}\d]*)(?![\p{L}\d])/u.exec(text.slice(start + raw.length, start + raw.length + 12));
    const last = /([\p{L}\d]+)$/u.exec(raw)?.[1] ?? '';
    if (split && raw === m[0] && !isKnownPart(last) && isKnownPart(last + split[1])) raw = text.slice(start, start + raw.length + split[0].length);
    const ref = canonicalRef(raw);
    const parts = parseRef(ref);
    if (!parts || !/\p{L}.*\p{L}/u.test(ref.replace(/^[^/-]*/, ''))) continue;
    const before = text.slice(Math.max(0, start - 60), start);
    if (p.standardBefore.test(before) || p.notDocumentBefore.test(before)) continue;
    raw = raw.replace(/\s+$/u, '');
    const end = start + raw.length;
    const main = describe(text, ref, start, end, 'full');
    out.push(main);
    // "Nghị quyết số 18, 19-NQ/TW": numbers listed before a symbol share it, and its date and issuer.
    for (const listed of sharedSymbol(text, start, ref, parts.party)) {
      out.push({ ...listed, kindWord: listed.kindWord ?? main.kindWord, date: main.date, yearOnly: main.yearOnly, issuer: main.issuer });
    }
  }
  out.sort((a, b) => a.start - b.start);
  // "các văn bản số: 10894/VPCP-CN …, 8563/VPCP-CN …": a listed reference takes the kind word of the list
  for (let i = 1; i < out.length; i++) {
    const m = out[i];
    const prev = out[i - 1];
    if (m.kindWord || m.generic || m.kindCode || m.kindStart < m.start - 6) continue;
    if (/^\s*(?:[,;]|và|,\s*và)\s*(?:số\s*)?$/u.test(text.slice(Math.min(prev.tailEnd, m.kindStart), m.kindStart))) {
      m.kindWord = prev.kindWord;
      m.generic = prev.generic;
    }
  }
  return out;
}

/**
 * What the reference pattern swallowed that is not part of the reference: a word glued to it
 * ("35/2025/QĐ-TTgcủa Thủ tướng" → "…QĐ-TTg") and a spaced dash before an ordinary word
 * ("03/2025/TT-VPCP - Hồ sơ kèm theo" → "…TT-VPCP"). A spaced dash before capitals stays
 * ("NĐ - CP" is a typo of NĐ-CP).
 */
function trimGlued(raw: string): string {
  const parts = raw.split(/(\s*[-/]\s*)/u);
  let keep = 1;
  for (let i = 2; i < parts.length; i += 2) {
    const sep = parts[i - 1];
    const part = parts[i];
    if (/\s[-/]\s/u.test(sep) && /\p{Ll}/u.test(part) && !isOfficialPart(part)) break;
    keep = i + 1;
  }
  let out = parts.slice(0, keep).join('');
  // lower-case letters run on from the next word: keep only those of an official part ("TTg")
  const glued = /([\p{Lu}\d&.]+)(\p{Ll}{2,})$/u.exec(out);
  if (glued) {
    const run = glued[2];
    let k = run.length;
    while (k > 0 && !isOfficialPart(glued[1] + run.slice(0, k))) k--;
    out = out.slice(0, out.length - run.length + k);
  }
  return out;
}

function sharedSymbol(text: string, start: number, ref: string, party: boolean): Mention[] {
  const before = text.slice(Math.max(0, start - 40), start);
  const m = /(?:số|Số)\s+((?:\d{1,5}\s*,\s*)*\d{1,5})\s*(?:,|và)\s*$/u.exec(before);
  if (!m) return [];
  const symbol = party ? ref.slice(ref.indexOf('-')) : ref.slice(ref.indexOf('/'));
  const out: Mention[] = [];
  const listStart = start - before.length + m.index! + m[0].indexOf(m[1]);
  for (const n of m[1].matchAll(/\d{1,5}/g)) {
    const s = listStart + n.index!;
    out.push(describe(text, canonicalRef(n[0] + symbol), s, s + n[0].length, 'full'));
  }
  return out;
}

/** Kind, date and issuer of the reference at text[start, end). */
export function describe(text: string, ref: string, start: number, end: number, form: Mention['form']): Mention {
  const p = patterns();
  const before = text.slice(Math.max(0, start - 80), start);
  let kindStart = start;
  let kindWord: string | null = null;
  let generic = false;
  const k = p.kindBefore.exec(before);
  if (k) {
    kindStart = start - before.length + k.index;
    if (k[1]) kindWord = kindOfWord(k[1]) ?? null;
    generic = !!k[1] && !kindWord;
  }
  if (!kindWord) {
    // "Luật Bầu cử đại biểu Quốc hội … số 85/2015/QH13": the kind word opens the name.
    const item = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('('), -1) + 1);
    const named = p.namedBefore.exec(item);
    if (named && !/\d\//u.test(named[0])) {
      kindWord = kindOfWord(named[1]) ?? null;
      kindStart = start - item.length + named.index;
    }
  }
  const parts = parseRef(ref)!;
  const kindCode = kindOfCode(parts.kind);
  let pos = end;
  let date: string | null = null;
  let yearOnly: number | null = null;
  let issuer: string | null = null;
  for (let round = 0; round < 2; round++) {
    const tail = text.slice(pos, pos + 300);
    const d: { date: string; length: number } | null = date ? null : readDate(tail);
    if (d) {
      date = d.date;
      pos += d.length;
      continue;
    }
    const y: RegExpExecArray | null = date || yearOnly ? null : p.yearAfter.exec(tail);
    if (y) {
      yearOnly = Number(y[1]);
      pos += y[0].length;
      continue;
    }
    const iss: { issuer: string; length: number } | null = issuer ? null : readIssuer(tail);
    if (iss) {
      issuer = iss.issuer;
      pos += iss.length;
      continue;
    }
    break;
  }
  issuer ??= issuerBefore(text, kindStart);
  return { ref, start, end, kindStart, kindWord, generic, kindCode, date, yearOnly, issuer, tailEnd: pos, form };
}

/**
 * An issuer printed before the reference: "chỉ đạo của Thủ tướng Chính phủ tại Công điện số …",
 * "các Nghị định của Chính phủ: số …; số …", "UBND TP Hà Nội vừa ban hành Kế hoạch số …",
 * "Thủ tướng Chính phủ phê duyệt tại các Quyết định: số …". Only within the sentence.
 */
function issuerBefore(text: string, kindStart: number): string | null {
  const p = patterns();
  let seg = text.slice(Math.max(0, kindStart - 600), kindStart);
  const sentence = Math.max(seg.lastIndexOf('\n'), ...[...seg.matchAll(/[.!?]\s+(?=\p{Lu})/gu)].map((m) => m.index!));
  if (sentence >= 0) seg = seg.slice(sentence + 1);
  for (const re of p.issuerBefore) {
    const m = re.exec(seg);
    if (!m) continue;
    // the words found must all be an issuer, not a clause that happens to start with "Bộ …"
    const read = readIssuer(`của ${m[1]}`);
    if (read && read.length >= m[1].length + 4) return read.issuer;
  }
  return null;
}
