/**
 * Who owns a task and who supports it (extraction.md §5), read from one piece of text:
 *   - a heading that names the owner ("2. Sở Y tế", "11. Đề nghị Ủy ban MTTQ …", "Điều 14. Trách
 *     nhiệm của Sở Khoa học và Công nghệ"),
 *   - the grammatical subject of a clause ("Sở Y tế chủ trì …", "Giao Trung tâm Y tế chủ trì …"),
 *   - partners after "phối hợp (với)" / "cùng với",
 *   - field lines of a task block ("- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …").
 * Objects of direction, advice, reporting and context ("chỉ đạo các đơn vị", "tham mưu UBND tỉnh",
 * "báo cáo Bộ Y tế", "theo hướng dẫn của Bộ Y tế") are never read: only these cues give roles.
 */
import { agencyLexicon, PhraseSet } from '../../lexicon/agencies.js';
import { loadJson } from '../../lexicon/load.js';
import { fold } from '../../text/fold.js';
import { context, docSpan, parseList, segment, startsAgency, toAgency, type Agency, type Segment } from '../agencies/index.js';
import { is, type Token } from '../agencies/tokens.js';

interface Cues {
  lead: { assign: string[]; requested: string[]; headingPrefixes: string[]; headingTails: string[] };
  support: { cues: string[]; strictCues: string[] };
  fields: Record<'lead' | 'support' | 'time' | 'other', { re: string }>;
  nonTaskSections: { starts: string[] };
  closing: { re: string[] };
  connectorsBeforeSubject: string[];
  subjectFollowers: { words: string[] };
  issuerVoice: { words: string[] };
  modalSubject: { modals: string[]; objectMarkers: string[] };
  standingBody: { declares: string; refersTo: string[] };
}

interface CueSets {
  raw: Cues;
  assign: PhraseSet;
  requested: PhraseSet;
  prefixes: PhraseSet;
  tails: PhraseSet;
  support: PhraseSet;
  strict: Set<string>;
  connectors: PhraseSet;
  followers: PhraseSet;
  issuer: PhraseSet;
  nonTask: PhraseSet;
  fields: Record<'lead' | 'support' | 'time' | 'other', RegExp>;
  closing: RegExp[];
  modals: PhraseSet;
  objectMarkers: PhraseSet;
  standingDeclares: RegExp;
  standingRefs: Set<string>;
}

let cues: CueSets | null = null;

export function cueSets(): CueSets {
  if (cues) return cues;
  const c = loadJson<Cues>('assignment-cues.json');
  cues = {
    raw: c,
    assign: PhraseSet.of(c.lead.assign),
    requested: PhraseSet.of(c.lead.requested),
    prefixes: PhraseSet.of(c.lead.headingPrefixes),
    tails: PhraseSet.of(c.lead.headingTails),
    support: PhraseSet.of(c.support.cues),
    strict: new Set(c.support.strictCues),
    connectors: PhraseSet.of(c.connectorsBeforeSubject),
    followers: PhraseSet.of(c.subjectFollowers.words),
    issuer: PhraseSet.of(c.issuerVoice.words),
    nonTask: PhraseSet.of(c.nonTaskSections.starts),
    fields: {
      lead: new RegExp(c.fields.lead.re, 'iu'),
      support: new RegExp(c.fields.support.re, 'iu'),
      time: new RegExp(c.fields.time.re, 'iu'),
      other: new RegExp(c.fields.other.re, 'iu'),
    },
    closing: c.closing.re.map((r) => new RegExp(r, 'iu')),
    modals: PhraseSet.of(c.modalSubject.modals),
    objectMarkers: PhraseSet.of(c.modalSubject.objectMarkers),
    standingDeclares: new RegExp(c.standingBody.declares, 'iu'),
    standingRefs: new Set(c.standingBody.refersTo.map((r) => fold(r))),
  };
  return cues;
}

export interface Owners {
  owners: Agency[];
  requested: boolean;
}

// ---------------------------------------------------------------- headings

export interface HeadingOwners extends Owners {
  /** where a body follows the owners on the same line ("2. Sở Nội vụ: Hướng dẫn …"), else null */
  bodyStart: number | null;
}

/**
 * The owners named by a section heading, when the heading is (only) an agency list, possibly
 * after "Đề nghị" / "Giao" / "Trách nhiệm của" and before "có trách nhiệm" or ":".
 */
export function headingOwners(text: string, offset: number, defined: Set<string>): HeadingOwners | null {
  const C = cueSets();
  const seg = segment(text, offset);
  const toks = seg.toks;
  let i = 0;
  let requested = false;
  const req = C.requested.match(toks, i);
  if (req) {
    requested = true;
    i = req.end;
  } else {
    const as = C.assign.match(toks, i);
    if (as) i = as.end;
  }
  const pre = C.prefixes.match(toks, i);
  if (pre) i = pre.end;
  const list = parseList(context(seg, 'heading', defined), i);
  if (!list) return null;
  let j = list.end;
  const tail = C.tails.match(toks, j);
  if (tail) j = tail.end;
  if (toks[j]?.text === '(') {
    const close = toks.findIndex((t, k) => k > j && t.text === ')');
    if (close > j) j = close + 1;
  }
  let bodyStart: number | null = null;
  if (j < toks.length) {
    if (toks[j].text !== ':' && toks[j].text !== '.') return null;
    const rest = toks.slice(j + 1).filter((t) => !t.punct);
    if (rest.length) bodyStart = docSpan(seg, toks[j + 1].start, toks[j + 1].start).start - offset;
  }
  const owners = list.mentions.map((m) => toAgency(seg, m));
  // "Các phòng ban, đơn vị khác có liên quan:" names no owner; its body is read as a task
  if (!owners.some((a) => !a.vague)) return null;
  return { owners, requested, bodyStart };
}

// ---------------------------------------------------------------- subjects

/** Token indices where a clause starts: the text start and after . ; : ! ? (only sentences when `sentencesOnly`). */
export function clauseStarts(seg: Segment, sentencesOnly = false): number[] {
  const out = [0];
  const marks = sentencesOnly ? ['.', '!', '?'] : ['.', ';', ':', '!', '?'];
  seg.toks.forEach((t, k) => {
    if (t.punct && marks.includes(t.text) && k + 1 < seg.toks.length && !seg.toks[k + 1].punct) out.push(k + 1);
  });
  return out;
}

export interface ClauseOwners extends Owners {
  /** token index after the owners (and the predicate cue) */
  end: number;
}

function isPredicateStart(toks: Token[], k: number): boolean {
  const L = agencyLexicon();
  const C = cueSets();
  if (k >= toks.length) return false;
  const t = toks[k];
  if (t.punct) return t.text === ':';
  return L.predicates.has(toks, k) || C.followers.has(toks, k);
}

/**
 * The owner of the clause starting at token k: "Sở Y tế chủ trì …", "Giao X chủ trì …",
 * "Đề nghị X …" (requested), "Các Sở, ngành: Y tế, … theo chức năng …", "UBND tỉnh giao X …".
 */
export function clauseOwners(seg: Segment, k: number, defined: Set<string>): ClauseOwners | null {
  const C = cueSets();
  const toks = seg.toks;
  let i = k;
  const conn = C.connectors.match(toks, i);
  if (conn) {
    i = conn.end;
    if (toks[i]?.text === ',') i++;
  }
  let requested = false;
  let assigned = false;
  const req = C.requested.match(toks, i);
  if (req) {
    requested = true;
    i = req.end;
  } else {
    const as = C.assign.match(toks, i);
    if (as) {
      assigned = true;
      i = as.end;
    }
  }
  const ctx = context(seg, 'subject', defined);
  const list = parseList(ctx, i);
  if (!list) return null;
  let end = list.end;
  let mentions = list.mentions;
  // "Ủy ban nhân dân tỉnh giao Sở Y tế chủ trì …": the issuer assigns, the assignee owns
  const as2 = !requested && !assigned && is(toks[end], 'giao') ? C.assign.match(toks, end) : null;
  const l2 = as2 ? parseList(ctx, as2.end) : null;
  if (l2 && l2.mentions.some((m) => !m.vague && m.kind !== 'person')) {
    mentions = l2.mentions;
    end = l2.end;
    assigned = true;
  } else if (!requested && !assigned) {
    if (!isPredicateStart(toks, end)) return null;
    if (C.issuer.has(toks, end)) return null;
  }
  return { owners: mentions.map((m) => toAgency(seg, m)), requested, end };
}

/**
 * Owners named in mid-clause before a modal: "… hạ tầng công nghệ thông tin các cơ quan, đơn vị phải
 * đảm bảo gồm …". Only "các" + class phrases, and not after a word that makes them an object.
 */
export function modalOwners(seg: Segment, from: number, to: number, defined: Set<string>): Owners | null {
  const C = cueSets();
  const toks = seg.toks;
  const ctx = context(seg, 'subject', defined);
  for (let k = from + 1; k < to; k++) {
    if (!is(toks[k], 'các')) continue;
    const prev = toks[k - 1];
    if (prev.punct && prev.text !== ',') continue;
    let isObject = false;
    for (let b = Math.max(from, k - 3); b < k; b++) if (C.objectMarkers.match(toks, b)?.end === k) isObject = true;
    if (isObject) continue;
    const list = parseList(ctx, k);
    if (!list || !C.modals.has(toks, list.end)) continue;
    const owners = list.mentions.map((m) => toAgency(seg, m)).filter((a) => !a.vague);
    if (owners.length) return { owners, requested: false };
  }
  return null;
}

/** Is this name the document's reference to its standing body ("cơ quan thường trực")? */
export function refersToStandingBody(name: string): boolean {
  return cueSets().standingRefs.has(fold(name).replace(/^(?:cac|nhung)\s+/, ''));
}

/** Does a task text declare its owner the standing body ("Là đơn vị thường trực; …")? */
export function declaresStandingBody(text: string): boolean {
  return cueSets().standingDeclares.test(text.trim());
}

// ---------------------------------------------------------------- partners

export interface Partners {
  agencies: Agency[];
  /** token ranges the partner lists cover (a ';' inside them starts no clause) */
  ranges: [number, number][];
}

/** Partners after "phối hợp (với)" / "cùng với" in tokens [from, to). */
export function supportsIn(seg: Segment, from: number, to: number, defined: Set<string>): Partners {
  const C = cueSets();
  const toks = seg.toks;
  const out: Partners = { agencies: [], ranges: [] };
  const ctx = context(seg, 'support', defined);
  for (let k = from; k < to; k++) {
    const cue = C.support.match(toks, k);
    if (!cue) continue;
    const cueWords = toks.slice(k, cue.end);
    // without "với" the next words may be the verb ("phối hợp tổ chức khám …"): a partner needs "các" or a head
    const withPartner = cueWords.some((t) => is(t, 'với') || is(t, 'cùng'));
    const list = parseList(ctx, cue.end, { strictFirst: !withPartner });
    if (!list || list.end > to) continue;
    // "cùng" alone is also an adverb ("cùng tham gia"): only a named body follows it as a partner
    const strict = C.strict.has(cueWords.map((t) => t.text.toLowerCase()).join(' '));
    if (strict && !['named', 'title', 'sector'].includes(list.mentions[0].kind)) continue;
    for (const m of list.mentions) out.agencies.push(toAgency(seg, m));
    out.ranges.push([k, list.end]);
    k = list.end - 1;
  }
  return out;
}

// ---------------------------------------------------------------- field lines

export type FieldRole = 'lead' | 'support' | 'time' | 'other';

/** "Đơn vị chủ trì: …" → lead, value offset; "Thời gian hoàn thành: …" → time. */
export function fieldLine(text: string): { role: FieldRole; valueStart: number } | null {
  const C = cueSets();
  for (const role of ['lead', 'support', 'time', 'other'] as const) {
    const m = C.fields[role].exec(text);
    if (m) return { role, valueStart: m[0].length };
  }
  return null;
}

/** Items of a cell that are never owners: legal units and pointers ("khoản 1", "Mục III", "tại …"). */
const NOT_OWNER = /^(?:điểm|khoản|mục|điều|chương|phần|tại|theo|của|về|trong|và|hoặc|để|đến|từ|\d)/iu;
/** Words that never sit inside an owner's name in a cell: tense markers and numbers. */
const NOT_IN_NAME = /^(?:đã|sẽ|đang|vừa|chưa|số|\d+)$/iu;

/**
 * Owners listed in a field value or a table cell, as printed: split on commas, semicolons and "và"
 * where the next words start another agency; an item the lexicon does not know ("Doanh nghiệp",
 * "nhà cung cấp dịch vụ IoT") is taken as printed.
 */
export function listedOwners(text: string, offset: number, defined: Set<string>): Agency[] {
  const seg = segment(text, offset);
  const toks = seg.toks;
  const ctx = context(seg, 'cell', defined);
  const out: Agency[] = [];
  const isStop = (t: Token) => t.punct && [',', ';', '.', '(', ')', ':'].includes(t.text);
  // a long cell is prose (a progress report, a misaligned column): only names the lexicon knows count
  const segs = seg.exp.text.split(/[,;]/u).map((x) => (x.match(/[\p{L}\p{N}]+/gu) ?? []).length);
  const prose = Math.max(0, ...segs) > 14 || /(?:^|\s)(?:đã|sẽ|đang|vừa)\s/iu.test(seg.exp.text);
  const item = (s: number, e: number, vague: boolean): Agency => {
    const name = seg.exp.text.slice(s, e).replace(/\s+/g, ' ').replace(/[\s,;.:–-]+$/u, '').trim();
    return toAgency(seg, { name: name[0].toUpperCase() + name.slice(1), start: s, end: e, kind: 'plain', vague });
  };
  let k = 0;
  while (k < toks.length) {
    if (toks[k].punct || is(toks[k], 'và')) {
      k++;
      continue;
    }
    const list = parseList(ctx, k);
    let end: number;
    if (list && list.end > k) {
      const ms = list.mentions.map((m) => toAgency(seg, m));
      end = list.end;
      // the rest of the item belongs to the last name ("các Chuyên viên cơ quan MTTQ xã tham mưu, giúp việc thuộc
      // Cơ quan Ủy ban MTTQ Việt Nam xã") when it is a short relative clause, not a report ("… đã khẩn trương …")
      let e = end;
      while (e < toks.length && !(isStop(toks[e]) && (e + 1 >= toks.length || startsAgency(ctx, e + 1) || toks[e].text !== ','))) e++;
      const rest = toks.slice(end, e).filter((t) => !t.punct);
      const relative = rest.length <= 4 || rest.some((t) => is(t, 'thuộc'));
      if (e > end && ms.length && rest.length && relative && !rest.some((t) => NOT_IN_NAME.test(t.text))) {
        const last = list.mentions[list.mentions.length - 1];
        ms[ms.length - 1] = item(last.start, toks[e - 1].end, ms[ms.length - 1].vague);
        end = e;
      }
      out.push(...ms);
    } else {
      // not in the lexicon ("Doanh nghiệp", "nhà cung cấp dịch vụ IoT"): the printed item is the owner
      end = k;
      while (end < toks.length && !isStop(toks[end])) end++;
      const words = toks.slice(k, end).filter((t) => !t.punct);
      const first = seg.exp.text.slice(toks[k].start);
      const L = agencyLexicon();
      // a printed owner is a short noun phrase: no verb after its first word, no report ("… đã có công văn …")
      const verbs = words.slice(1).some((t) => !t.cap && L.predicates.has(toks, toks.indexOf(t)) && !L.weak.has(toks, toks.indexOf(t)));
      const looksLikeName = toks[k].cap || L.classNouns.has(toks, k);
      if (!prose && looksLikeName && words.length && words.length <= 8 && !NOT_OWNER.test(first) && !L.predicates.has(toks, k) && !verbs && !words.some((t) => NOT_IN_NAME.test(t.text))) {
        out.push(item(toks[k].start, toks[end - 1].end, /liên quan/iu.test(seg.exp.text.slice(toks[k].start, toks[end - 1].end))));
      }
    }
    k = Math.max(end, k + 1);
  }
  return out;
}

// ---------------------------------------------------------------- sections and closings

/** A heading of purpose, requirements, goals, viewpoints, scope, definitions … (no tasks below it). */
export function isNonTaskHeading(heading: string): boolean {
  const C = cueSets();
  const seg = segment(heading.replace(/^[\s*_]+/, ''));
  const words = seg.toks.filter((t) => !t.punct).length;
  if (!words || words > 16) return false;
  return C.nonTask.has(seg.toks, 0);
}

/** Offset of the first closing-formula sentence in a paragraph ("Trên đây là …", "… yêu cầu các … nghiêm túc triển khai"), or -1. */
export function closingStart(text: string): number {
  const C = cueSets();
  const re = /(?:^|(?<=[.;!?])\s+)(?=\S)/gu;
  for (const m of text.matchAll(re)) {
    const s = m.index + m[0].length;
    const sentence = text.slice(s).split(/(?<=[.;!?])\s+(?=\p{Lu})/u)[0];
    if (C.closing.some((r) => r.test(sentence))) return s;
  }
  return -1;
}
