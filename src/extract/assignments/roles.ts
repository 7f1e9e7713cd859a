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
import { context, docSpan, ENUMERATED, enumeration, parseList, segment, startsAgency, toAgency, type Agency, type Segment } from '../agencies/index.js';
import type { ListResult, Mention, ParseContext } from '../agencies/parse.js';
import { is, type Token } from '../agencies/tokens.js';

interface Cues {
  lead: { assign: string[]; command: string[]; requested: string[]; headingPrefixes: string[]; headingTails: string[]; headingFocus: string[] };
  support: { cues: string[]; strictCues: string[] };
  fields: Record<'lead' | 'support' | 'time' | 'other', { re: string }>;
  nonTaskSections: { starts: string[] };
  ownerSections: { starts: string[] };
  closing: { re: string[] };
  connectorsBeforeSubject: string[];
  introductory: { words: string[] };
  leadIn: { taskWords: string[] };
  subjectFollowers: { words: string[] };
  issuerVoice: { words: string[]; enacting: string[] };
  modalSubject: { modals: string[]; objectMarkers: string[] };
  standingBody: { declares: string; refersTo: string[] };
}

interface CueSets {
  raw: Cues;
  assign: PhraseSet;
  command: PhraseSet;
  requested: PhraseSet;
  prefixes: PhraseSet;
  tails: PhraseSet;
  focus: PhraseSet;
  support: PhraseSet;
  strict: Set<string>;
  connectors: PhraseSet;
  intro: PhraseSet;
  leadInWork: PhraseSet;
  followers: PhraseSet;
  issuer: PhraseSet;
  enacting: PhraseSet;
  nonTask: PhraseSet;
  ownerSections: PhraseSet;
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
    command: PhraseSet.of(c.lead.command),
    requested: PhraseSet.of(c.lead.requested),
    prefixes: PhraseSet.of(c.lead.headingPrefixes),
    tails: PhraseSet.of(c.lead.headingTails),
    focus: PhraseSet.of(c.lead.headingFocus),
    support: PhraseSet.of(c.support.cues),
    strict: new Set(c.support.strictCues),
    connectors: PhraseSet.of(c.connectorsBeforeSubject),
    intro: PhraseSet.of(c.introductory.words),
    leadInWork: PhraseSet.of(c.leadIn.taskWords),
    followers: PhraseSet.of(c.subjectFollowers.words),
    issuer: PhraseSet.of(c.issuerVoice.words),
    enacting: PhraseSet.of(c.issuerVoice.enacting),
    nonTask: PhraseSet.of(c.nonTaskSections.starts),
    ownerSections: PhraseSet.of(c.ownerSections.starts),
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
  /** partners named in a lead-in that its sub-items inherit ("… chủ trì, phối hợp với Sở Tài chính thực hiện các nội dung sau:") */
  supports?: Agency[];
  /** the owners come from a lead-in ("… triển khai thực hiện những nội dung sau:"): they own the direct sub-items only */
  leadIn?: boolean;
}

export interface HeadingOptions {
  /**
   * The heading sits among headings that name owners ("VI. Tổ chức thực hiện: 1. Sở …, 2. Các Sở, ngành chủ
   * trì, quản lý … thuộc Chương trình, 3. …"): a class phrase runs on to the end of the heading as printed.
   */
  whole?: boolean;
}

const END_MARKS = new Set([':', '.']);

/**
 * The owners named by a section heading, when the heading is (only) an agency list, possibly
 * after "Đề nghị" / "Giao" / "Trách nhiệm của" and before "có trách nhiệm" or ":". A heading whose
 * list names only vague bodies ("h) Các đơn vị khác") is returned with those (vague) owners: it says
 * who owns the item, so nothing is inherited from above.
 */
export function headingOwners(text: string, offset: number, defined: Set<string>, opts: HeadingOptions = {}): HeadingOwners | null {
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
  const ctx = context(seg, 'heading', defined);
  const list = parseList(ctx, i);
  if (!list) return null;
  let mentions = list.mentions;
  let j = list.end;
  const tail = C.tails.match(toks, j);
  const ends = (k: number) => k >= toks.length || END_MARKS.has(toks[k].text) || toks[k].text === '(';
  if (tail && ends(tail.end)) j = tail.end;
  else if (!ends(j)) {
    const ext = functionalClass(seg, ctx, list, defined, !!opts.whole);
    if (ext) {
      mentions = ext.mentions;
      j = ext.end;
    }
  }
  if (toks[j]?.text === '(') {
    const close = toks.findIndex((t, k) => k > j && t.text === ')');
    if (close > j) j = close + 1;
  }
  let bodyStart: number | null = null;
  // "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng, trong đó trọng tâm là các tỉnh:"
  if (toks[j]?.text === ',' && C.focus.has(toks, j + 1)) j = toks.length;
  if (j < toks.length) {
    if (!END_MARKS.has(toks[j].text)) return null;
    const rest = toks.slice(j + 1).filter((t) => !t.punct);
    if (rest.length) bodyStart = docSpan(seg, toks[j + 1].start, toks[j + 1].start).start - offset;
  }
  const owners = mentions.map((m) => toAgency(seg, m));
  return { owners, requested, bodyStart };
}

/**
 * A class heading printed with its defining words: "Các cơ quan đăng ký đầu tư (Sở Tài chính, …):",
 * "Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án … thuộc Chương trình". The class runs
 * on to ":", "(" or the end of the heading (before a closing "có trách nhiệm"), when the heading is not a
 * sentence (no ". ; ?", no "có trách nhiệm …" inside) and either enumerates its members in a parenthesis
 * or sits among owner headings (`whole`). A class defined by enumeration is a term of the document: its
 * bare singular ("Cơ quan đăng ký đầu tư có trách nhiệm …") names it later.
 */
function functionalClass(seg: Segment, ctx: ParseContext, list: ListResult, defined: Set<string>, whole: boolean): ListResult | null {
  const C = cueSets();
  const L = agencyLexicon();
  const toks = seg.toks;
  const last = list.mentions[list.mentions.length - 1];
  if (last.kind !== 'class') return null;
  const first = toks.findIndex((t) => t.start === last.start);
  if (first < 0 || !is(toks[first], 'các')) return null;
  const endsAt = (k: number) => k >= toks.length || END_MARKS.has(toks[k].text);
  let b = list.end;
  let words = 0;
  // the class ends before a separator that starts another agency ("…, Ban quản lý các khu công nghệ cao …")
  let rest: ListResult | null = null;
  for (; b < toks.length; b++) {
    const t = toks[b];
    const n = isAnd(toks[b + 1]) ? b + 2 : b + 1;
    if ((t.text === ',' || isAnd(t)) && startsAgency(ctx, isAnd(t) ? b + 1 : n, false)) {
      rest = parseList(ctx, isAnd(t) ? b + 1 : n);
      if (rest) break;
    }
    if (t.punct) {
      if (t.text === ':' || t.text === '(') break;
      if (['.', ';', '!', '?'].includes(t.text)) return null;
      continue;
    }
    const tl = C.tails.match(toks, b);
    if (tl && endsAt(tl.end)) break;
    if (is(t, 'trách') && is(toks[b + 1], 'nhiệm')) return null;
    // an adverb makes it a sentence: "Các đơn vị, địa phương tổ chức thực hiện nghiêm túc"
    if (!t.cap && L.adverbs.has(toks, b) && !L.weak.has(toks, b)) return null;
    if (++words > 24) return null;
  }
  if (!words) return null;
  let close = -1;
  let members: Mention[] | null = null;
  if (!rest && toks[b]?.text === '(') {
    close = toks.findIndex((t, k) => k > b && t.text === ')');
    if (close > b) members = enumeration(ctx, b + 1, close);
  }
  if (!whole && !members) return null;
  let e = b;
  while (e > first && toks[e - 1].punct) e--;
  const printed = seg.exp.text.slice(last.start, toks[e - 1].end).replace(/\s+/g, ' ').trim();
  // "… có liên quan" at the end makes the class vague as in any class phrase
  let vague = false;
  for (let k = first; k < e && !vague; k++) if (L.vague.match(toks, k)?.end === e) vague = true;
  const cls: Mention = { ...last, name: printed[0].toUpperCase() + printed.slice(1), end: toks[e - 1].end, vague };
  if (members) defined.add(ENUMERATED + fold(printed).replace(/^(?:cac|nhung)\s+/, ''));
  if (rest) return { mentions: [...list.mentions.slice(0, -1), cls, ...rest.mentions], end: rest.end };
  return { mentions: [...list.mentions.slice(0, -1), cls, ...(members ?? [])], end: members ? close + 1 : b };
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
export function clauseOwners(seg: Segment, k: number, defined: Set<string>, command = false): ClauseOwners | null {
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
    const as = C.assign.match(toks, i) ?? (command ? C.command.match(toks, i) : null);
    if (as) {
      assigned = true;
      i = as.end;
    }
  }
  const ctx = context(seg, 'subject', defined);
  let list = parseList(ctx, i);
  if (!list && !requested && !assigned) {
    const intro = afterIntroduction(seg, ctx, i, command);
    if (intro) {
      list = intro.list;
      assigned = intro.assigned;
    }
  }
  if (!list) return null;
  let end = list.end;
  let mentions = list.mentions;
  const rel = relativeClass(seg, mentions, end);
  if (rel) {
    mentions = [...mentions.slice(0, -1), rel.mention];
    end = rel.end;
  }
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

const isAnd = (t: Token | undefined) => is(t, 'và') || is(t, 'hoặc');

/** Words that confirm the end of a subject: "chủ trì", "phối hợp". */
const CONFIRM = [['chủ', 'trì'], ['phối', 'hợp']];

/**
 * A class subject qualified by a relative clause: "các Sở, ban, ngành quản lý quy hoạch | theo chức năng … có
 * trách nhiệm …". The class runs on over a weak verb and its object when a subject follower, a modal or
 * "chủ trì"/"phối hợp" comes within six words; otherwise the verb is the predicate ("Các Sở, ngành quản lý
 * chặt chẽ …").
 */
function relativeClass(seg: Segment, mentions: Mention[], end: number): { mention: Mention; end: number } | null {
  const C = cueSets();
  const L = agencyLexicon();
  const toks = seg.toks;
  const last = mentions[mentions.length - 1];
  if (!last || last.kind !== 'class' || last.vague) return null;
  const w = L.weak.match(toks, end);
  if (!w || L.adverbs.has(toks, end) || C.modals.has(toks, end) || C.followers.has(toks, end)) return null;
  for (let p = w.end, words = 0; p < toks.length && words <= 6; p++, words++) {
    const t = toks[p];
    if (t.punct) return null;
    const confirms = CONFIRM.some((c) => c.every((x, n) => is(toks[p + n], x)));
    if (words > 0 && (C.followers.has(toks, p) || C.modals.has(toks, p) || confirms)) {
      const printed = seg.exp.text.slice(last.start, toks[p - 1].end).replace(/\s+/g, ' ');
      return { mention: { ...last, name: printed[0].toUpperCase() + printed.slice(1), end: toks[p - 1].end }, end: p };
    }
    if (L.prepositions.has(toks, p) || (L.predicates.has(toks, p) && !L.weak.has(toks, p)) || is(t, 'các') || is(t, 'và')) return null;
  }
  return null;
}

/**
 * The subject after an introductory clause: "Để nâng cao hiệu lực …, các Sở, ngành, UBND cấp xã và các đơn vị
 * có liên quan theo chức năng … triển khai …". Only a list that starts right after a comma and is followed
 * by a predicate; lists inside the introduction ("Để hỗ trợ các Sở, ngành …") are skipped whole.
 */
function afterIntroduction(seg: Segment, ctx: ParseContext, i: number, command = false): { list: ListResult; assigned: boolean } | null {
  const C = cueSets();
  const toks = seg.toks;
  const intro = C.intro.match(toks, i);
  if (!intro) return null;
  // cheap test first: a comma followed by "các …", a capital or an assignment cue, before the clause ends
  let candidate = false;
  for (let c = intro.end; c < toks.length && !candidate; c++) {
    const t = toks[c];
    if (t.punct && ['.', ';', ':', '!', '?'].includes(t.text)) break;
    const n = toks[c + 1];
    if (t.text === ',' && n && !n.punct && (n.cap || ctx.upper || is(n, 'các') || is(n, 'những') || C.assign.has(toks, c + 1) || (command && C.command.has(toks, c + 1)))) candidate = true;
  }
  if (!candidate) return null;
  const loose = { ...ctx, mode: 'support' as const };
  for (let c = intro.end; c < toks.length; c++) {
    const t = toks[c];
    if (t.punct && ['.', ';', ':', '!', '?'].includes(t.text)) break;
    if (t.punct) {
      if (t.text !== ',') continue;
      // "Trong trường hợp …, giao Bộ Xây dựng quyết định …": the assignee
      const as = C.assign.match(toks, c + 1) ?? (command ? C.command.match(toks, c + 1) : null);
      if (as) {
        const l = parseList(ctx, as.end);
        if (l && l.mentions.some((m) => !m.vague && m.kind !== 'person')) return { list: l, assigned: true };
        continue;
      }
      // a subject after a comma is "các …" or a capitalised name
      if (!toks[c + 1] || !(toks[c + 1].cap || is(toks[c + 1], 'các') || is(toks[c + 1], 'những') || ctx.upper)) continue;
      const l = parseList(ctx, c + 1);
      if (!l) continue;
      // "Theo quy định, Ban Tuyên giáo … có 03 phó trưởng ban", "Trường hợp đồng chí … được điều động": a state, not a task
      const state = (is(toks[l.end], 'có') && /^\d/.test(toks[l.end + 1]?.text ?? '')) || is(toks[l.end], 'được');
      if (!state && l.mentions.some((m) => !m.vague && m.kind !== 'person') && isPredicateStart(toks, l.end) && !C.issuer.has(toks, l.end)) return { list: l, assigned: false };
      continue;
    }
    // an agency named inside the introduction is its object: skip the whole list
    if ((t.cap || is(t, 'các') || is(t, 'những') || is(t, 'ngành') || is(t, 'lực')) && startsAgency(loose, c, false)) {
      const l = parseList(loose, c);
      if (l && l.end > c) c = l.end - 1;
    }
  }
  return null;
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

/**
 * Could the text be a task at all? A short line without any verb of the lexicon ("Nơi nhận:", "Mẫu số 10",
 * "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh.") or a form line ("......(01)....") is not; longer text is
 * given the benefit of the doubt (the verb list is not exhaustive).
 */
export function namesAction(toks: Token[]): boolean {
  const L = agencyLexicon();
  for (let k = 0; k < toks.length; k++) if (!toks[k].punct && L.predicates.has(toks, k)) return true;
  // "Chủ tịch Hội đồng là Chủ tịch Ủy ban nhân dân tỉnh;": a definition
  if (toks.some((t) => is(t, 'là') || is(t, 'gồm'))) return false;
  return !toks.some((t) => t.punct && t.text.length >= 5) && toks.filter((t) => !t.punct).length > 12;
}

/** Does a colon sentence name work for the sub-items below it ("… triển khai thực hiện những nội dung sau:")? */
export function namesWork(text: string): boolean {
  const { toks } = segment(text);
  const C = cueSets();
  for (let k = 0; k < toks.length; k++) if (C.leadInWork.has(toks, k)) return true;
  return false;
}

/** Does the text hold the issuer's command cue anywhere ("yêu cầu")? */
export function hasCommand(seg: Segment): boolean {
  const C = cueSets();
  const toks = seg.toks;
  for (let k = 0; k < toks.length; k++) if (C.command.has(toks, k)) return true;
  return false;
}

/** Does an enacting verb follow the subject ("Ủy ban Thường vụ Quốc hội quyết định … như sau:")? Its sub-items are decided, not assigned. */
export function enactsAt(seg: Segment, k: number): boolean {
  return cueSets().enacting.has(seg.toks, k);
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
      const relative = rest.length <= 4 || (rest.length <= 16 && rest.some((t) => is(t, 'thuộc')));
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
  const m = C.nonTask.match(seg.toks, 0);
  if (!m) return false;
  // "Yêu cầu các bộ, ngành, địa phương phải …" is a command, not a "Yêu cầu" section
  return !(is(seg.toks[m.end], 'các') && startsAgency(context(seg, 'subject'), m.end));
}

/** A heading of a section whose sub-items are named by their owners ("Tổ chức thực hiện", "Trách nhiệm …"). */
export function isOwnerSection(heading: string): boolean {
  const seg = segment(heading.replace(/^[\s*_]+/, ''));
  const words = seg.toks.filter((t) => !t.punct).length;
  return words > 0 && words <= 16 && cueSets().ownerSections.has(seg.toks, 0);
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
