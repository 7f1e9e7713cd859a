/**
 * Agency mentions in running text, headings and table cells (extraction.md §4).
 *
 * A mention is recognised from the lexicon only: a head ("Sở", "Ủy ban nhân dân", "Ban Quản lý"),
 * a title ("Giám đốc", "Thủ trưởng"), a sector ("ngành Y tế") or "các" + class nouns ("các Sở,
 * ban, ngành"); its name then runs on through domains, localities and qualifiers until a word
 * that cannot be part of a name (a predicate, a preposition, a new agency). Lists are split on
 * commas, semicolons and "và" only where the next words start another agency, so names that
 * contain "và" or a comma ("Sở Thông tin và Truyền thông", "Bộ Văn hóa, Thể thao và Du lịch")
 * stay whole.
 *
 * Everything works on the abbreviation-expanded text (see lexicon/agencies.ts); callers map
 * offsets back with the expansion map.
 */
import { agencyLexicon, type AgencyLexicon } from '../../lexicon/agencies.js';
import { fold } from '../../text/fold.js';
import { is, type Token } from './tokens.js';

/**
 * Where a list is read: the subject of a task sentence, the partners after "phối hợp", a
 * section heading ("2. Sở Y tế"), or a table cell / field value (everything is a name there).
 */
export type Mode = 'subject' | 'support' | 'heading' | 'cell';

export interface Mention {
  /** display name (abbreviations expanded, forms of address dropped, first letter upper case) */
  name: string;
  /** offsets in the text the tokens came from */
  start: number;
  end: number;
  kind: 'named' | 'class' | 'title' | 'sector' | 'person' | 'plain';
  /** names nobody in particular ("các đơn vị liên quan", "các địa phương", "tổ chức, cá nhân") */
  vague: boolean;
}

export interface ListResult {
  mentions: Mention[];
  /** token index after the list */
  end: number;
}

export interface ParseContext {
  toks: Token[];
  text: string;
  mode: Mode;
  /** the text is in capitals: case tells nothing */
  upper: boolean;
  /** class phrases the document defines ("(sau đây gọi tắt là các cơ quan, đơn vị)"), folded, without "các" */
  defined?: Set<string>;
}

export interface ListOptions {
  /** the first item needs a determiner or a head: "phối hợp tổ chức khám …" names no partner */
  strictFirst?: boolean;
}

/** Bare class nouns as a subject: only a capitalised noun of two syllables or more ("Doanh nghiệp viễn thông …"), not "hội nghị …". */
function bareSubjectOk(toks: Token[], i: number, end: number): boolean {
  return toks[i].cap && end - i >= 2;
}

const MAX_WORDS = 30;
const SEPARATORS = new Set([',', ';']);
/** Markers that confirm a subject and end a heading's name ("… có trách nhiệm"). */
const STRONG = [['chủ', 'trì'], ['phối', 'hợp'], ['có', 'trách', 'nhiệm'], ['chịu', 'trách', 'nhiệm']];

interface State {
  /** the name may go on in lower case */
  open: boolean;
  /** a domain closed the name ("Sở Y tế") */
  closed: boolean;
  /** the head takes administrative units ("Ủy ban nhân dân các quận, huyện") */
  units: boolean;
  /** a qualifier is running ("trên địa bàn …", "trong các khu …") */
  qualifier: boolean;
  /** the phrase is a class whose nouns are all generic (cơ quan, đơn vị, …) */
  generic: boolean;
  /** the last thing read was a class noun (a relative clause may follow: "các đơn vị cấp nước") */
  afterNoun: boolean;
  /** the last thing read was an administrative unit (another may follow: "xã, phường") */
  afterUnit: boolean;
  vague: boolean;
  hasUnit: boolean;
  words: number;
  /** a class phrase ("các Sở, ban, ngành …"): lower-case qualifiers go on, a new head does not */
  cls: boolean;
  /** the last word read opened a qualifier ("thuộc", "của"): a body may follow ("thuộc Ủy ban nhân dân quận") */
  justQual: boolean;
  /** the class phrase has "các" */
  det: boolean;
  /** class nouns listed ("cơ quan, đơn vị" = 2) */
  nouns: number;
  /** a generic noun that a few words make definite ("cơ quan chủ quản Hệ thống") */
  qualifiable: boolean;
  /** the qualifier has its object ("của Chính phủ", "trên địa bàn Thành phố"): only another qualifier may follow */
  qualDone: boolean;
  /** words read that are neither a qualifier nor a known noun (a class name takes few: "các doanh nghiệp viễn thông") */
  free: number;
  /** plural units named one by one: "các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng" */
  places: boolean;
  /** a locality was read: lower-case words no longer continue a proper name */
  placed: boolean;
}

function newState(partial: Partial<State> = {}): State {
  return {
    open: false,
    closed: false,
    units: false,
    qualifier: false,
    generic: false,
    afterNoun: false,
    afterUnit: false,
    vague: false,
    hasUnit: false,
    words: 0,
    cls: false,
    justQual: false,
    det: false,
    nouns: 0,
    qualifiable: false,
    qualDone: false,
    free: 0,
    places: false,
    placed: false,
    ...partial,
  };
}

function lex(): AgencyLexicon {
  return agencyLexicon();
}

const isWord = (t: Token | undefined): t is Token => !!t && !t.punct;
const capOk = (ctx: ParseContext, t: Token | undefined) => !!t && !t.punct && (t.cap || ctx.upper);
const isDet = (t: Token | undefined) => is(t, 'các') || is(t, 'những');
const isAnd = (t: Token | undefined) => is(t, 'và') || is(t, 'hoặc');

function strongAt(toks: Token[], i: number): number {
  for (const s of STRONG) if (s.every((w, k) => is(toks[i + k], w))) return s.length;
  return 0;
}

/** Does an agency mention start at token i? (decides whether a comma or "và" separates two names) */
export function startsAgency(ctx: ParseContext, i: number, bareClass = true): boolean {
  const { toks } = ctx;
  const L = lex();
  const t = toks[i];
  if (!isWord(t)) return false;
  if (L.notAgencies.has(toks, i) || (isDet(t) && L.notAgencies.has(toks, i + 1))) return false;
  if (isDet(t)) return true;
  if (L.address.has(toks, i)) return true;
  const title = L.titles.match(toks, i);
  if (title) {
    if (capOk(ctx, t)) return true;
    // "thủ trưởng các đơn vị trực thuộc quận": a lower-case title with its body
    const n = toks[title.end];
    if (isDet(n) || (n && L.heads.has(toks, title.end) && capOk(ctx, n)) || L.classNouns.has(toks, title.end)) return true;
  }
  const h = L.heads.match(toks, i);
  if (h && capOk(ctx, t)) {
    if (h.value.takes !== 'name') return true;
    const n = toks[h.end];
    const andName = is(n, 'và') && capOk(ctx, toks[h.end + 1]) && (ctx.mode === 'heading' || ctx.mode === 'cell');
    return !!n && !n.punct && (L.domains.has(toks, h.end) || capOk(ctx, n) || andName);
  }
  if (is(t, 'ngành') && L.domains.has(toks, i + 1)) return true;
  if (capOk(ctx, t)) {
    const d = L.domains.match(toks, i);
    if (d && L.domainBodies.has(d.value.key) && L.units.has(toks, d.end)) return true;
  }
  if (is(t, 'lực') && is(toks[i + 1], 'lượng') && L.domains.has(toks, i + 2)) return true;
  if (bareClass && L.classNouns.has(toks, i) && !(ctx.mode === 'subject' && L.predicates.has(toks, i))) return true;
  return false;
}

function isPredicate(ctx: ParseContext, i: number): boolean {
  const L = lex();
  return L.predicates.has(ctx.toks, i) || L.prepositions.has(ctx.toks, i);
}

/** Display text of tokens [a, b) with spans cut out (forms of address), whitespace collapsed. */
function display(ctx: ParseContext, a: number, b: number, cuts: [number, number][] = []): string {
  const { toks, text } = ctx;
  if (b <= a) return '';
  let s = '';
  let pos = toks[a].start;
  const end = toks[b - 1].end;
  for (const [cs, ce] of [...cuts].sort((x, y) => x[0] - y[0])) {
    if (cs >= pos && cs < end) {
      s += text.slice(pos, cs);
      pos = Math.max(pos, ce);
    }
  }
  s += text.slice(pos, end);
  s = s.replace(/\s+/g, ' ').replace(/\s+([,;:)])/g, '$1').replace(/\(\s+/g, '(').trim();
  s = s.replace(/[\s,;:–-]+$/u, '');
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function mention(ctx: ParseContext, a: number, b: number, kind: Mention['kind'], vague: boolean, cuts: [number, number][] = []): Mention {
  return { name: display(ctx, a, b, cuts), start: ctx.toks[a].start, end: ctx.toks[b - 1].end, kind, vague };
}

function isDefined(ctx: ParseContext, name: string): boolean {
  if (!ctx.defined?.size) return false;
  return ctx.defined.has(fold(name).replace(/^(?:cac|nhung)\s+/, ''));
}

/**
 * Where a proper name cut at a lower-case word goes on ("Ban quản lý Khu Nông nghiệp | ứng dụng Công nghệ cao Phú
 * Yên, Ban Quản lý …"): the name resumes in capitals after at most three lower-case words and ends right before a
 * separator that starts another agency. -1 when the words are a predicate or a phrase of their own.
 */
function resumedName(ctx: ParseContext, from: number): number {
  const { toks } = ctx;
  const L = lex();
  if (ctx.upper) return -1;
  let lower = 0;
  let sawLower = false;
  const resumed = () => sawLower && lower === 0;
  const lenient = ctx.mode === 'heading' || ctx.mode === 'cell';
  for (let j = from; j < from + 14; j++) {
    const t = toks[j];
    // the end of a heading or cell, or "chủ trì" / "phối hợp" after the name ("… Công nghệ cao Phú Yên chủ trì …")
    if (!t) return lenient && resumed() ? j : -1;
    if (strongAt(toks, j)) return resumed() ? j : -1;
    const sep = (t.punct && SEPARATORS.has(t.text)) || isAnd(t);
    if (sep) {
      const n = isAnd(toks[j + 1]) ? j + 2 : j + 1;
      return resumed() && startsAgency(ctx, n, false) ? j : -1;
    }
    if (t.punct) return lenient && t.text === ':' && resumed() ? j : -1;
    if (L.prepositions.has(toks, j) || L.adverbs.has(toks, j) || isDet(t)) return -1;
    if (t.cap) {
      if (startsAgency(ctx, j, false) || L.notAgencies.has(toks, j)) return -1;
      lower = 0;
    } else {
      sawLower = true;
      if (++lower > 3) return -1;
    }
  }
  return -1;
}

/** End of a list of place names ("Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng") from token i, or i. */
function namedUnits(ctx: ParseContext, i: number): number {
  const { toks } = ctx;
  let k = i;
  let end = i;
  for (;;) {
    if (!isWord(toks[k]) || !toks[k].cap || startsAgency(ctx, k, false) || isPredicate(ctx, k)) break;
    while (isWord(toks[k]) && toks[k].cap && !startsAgency(ctx, k, false)) k++;
    // a place name is capitalised throughout: "Nghiên cứu, rà soát …" after a colon is a sentence
    if (isWord(toks[k]) && !isAnd(toks[k]) && !(isPredicate(ctx, k) || lex().adverbs.has(toks, k))) return i;
    end = k;
    if ((toks[k]?.text === ',' || isAnd(toks[k])) && isWord(toks[k + 1]) && toks[k + 1].cap && !startsAgency(ctx, k + 1, false)) k++;
    else break;
  }
  return end;
}

/** Prefix of a `defined` entry that a class defines by enumerating its members ("Các cơ quan đăng ký đầu tư (Sở Tài chính, …)"). */
export const ENUMERATED = 'enum:';

/** End of a class phrase the document defined by enumeration ("Cơ quan đăng ký đầu tư"), printed from token i, or -1. */
function definedAt(ctx: ParseContext, i: number): number {
  if (!ctx.defined?.size) return -1;
  let best = -1;
  for (const d of ctx.defined) {
    if (!d.startsWith(ENUMERATED)) continue;
    const ws = d.slice(ENUMERATED.length).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    let k = i;
    let ok = ws.length > 1;
    for (const w of ws) {
      while (ctx.toks[k]?.punct && ctx.toks[k].text === ',') k++;
      if (!ok || !isWord(ctx.toks[k]) || ctx.toks[k].f !== w) {
        ok = false;
        break;
      }
      k++;
    }
    if (ok && k > best) best = k;
  }
  return best;
}

// ---------------------------------------------------------------- name continuation

/**
 * Read the rest of a name from token i: localities, qualifiers, nested heads, lower-case words
 * of an open name. Returns the index after the name.
 */
function continueName(ctx: ParseContext, i: number, st: State): number {
  const { toks } = ctx;
  const L = lex();
  const lenient = ctx.mode === 'heading' || ctx.mode === 'cell';
  const goesOn = () => st.qualifier || (st.open && !st.closed);
  while (i < toks.length && st.words < MAX_WORDS) {
    const t = toks[i];
    const afterUnit = st.afterUnit;
    st.afterUnit = false;
    // only the word right after a qualifier start is its object ("của Cơ quan …", "thuộc Ủy ban …")
    const justQual = st.justQual;
    st.justQual = false;
    if (t.punct) {
      // "Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng": the units the class names
      if (t.text === ':' && afterUnit && st.units && !ctx.upper) {
        const e = namedUnits(ctx, i + 1);
        if (e > i + 1) {
          i = e;
          break;
        }
      }
      // "các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng": more places of the same plural unit
      if ((t.text === ',' || t.text === ';') && st.places && toks[i - 1]?.cap && !ctx.upper && isWord(toks[i + 1]) && toks[i + 1].cap && !startsAgency(ctx, i + 1, false)) {
        const e = namedUnits(ctx, i + 1);
        if (e > i + 1) {
          i = e;
          break;
        }
      }
      if (t.text === ',' || t.text === '/') {
        // "Ủy ban nhân dân các quận, huyện", "xã/phường": a list of units
        if ((st.units || afterUnit) && L.units.has(toks, i + 1) && !(toks[i + 1].cap && !ctx.upper && L.heads.has(toks, i + 1))) {
          i++;
          continue;
        }
        if (t.text === '/') break;
        // "… thuộc các bộ, ngành Trung ương": a list of class nouns inside a qualifier
        if (st.qualifier && L.combining.has(toks, i + 1) && i > 0 && L.classNouns.match(toks, i - 1)?.end === i) {
          i++;
          continue;
        }
        if (startsAgency(ctx, i + 1) || L.personNouns.has(toks, i + 1)) break;
        if (!isWord(toks[i + 1]) || isPredicate(ctx, i + 1)) break;
        // inside a running text a class name crosses a comma only in a qualifier of "các …"
        // ("các nhà đầu tư trong các khu công nghệ cao, khu công nghiệp, cụm công nghiệp")
        const crosses = st.cls ? st.det && st.qualifier : goesOn();
        if (lenient || crosses) {
          i++;
          continue;
        }
        break;
      }
      if ((t.text === '-' || t.text === '–') && isWord(toks[i + 1]) && !startsAgency(ctx, i + 1, false)) {
        i++;
        continue;
      }
      break;
    }
    // "và": a new agency, or part of the name ("Ban Quản lý các khu công nghệ cao và khu công nghiệp")
    if (isAnd(t)) {
      if (startsAgency(ctx, i + 1, !st.generic || lenient)) break;
      if (!isWord(toks[i + 1]) || isPredicate(ctx, i + 1)) break;
      if (L.classNouns.has(toks, i + 1) || L.personNouns.has(toks, i + 1)) break;
      if (lenient || (st.cls ? st.det && st.qualifier : goesOn())) {
        i++;
        continue;
      }
      break;
    }
    if (strongAt(toks, i)) break;
    const vague = L.vague.match(toks, i);
    if (vague) {
      // "khác" alone leaves a specific class definite ("các sở, ban, ngành khác" = the departments not named above)
      st.vague ||= !(is(t, 'khác') && vague.end === i + 1 && st.cls && !st.generic);
      i = vague.end;
      st.words++;
      continue;
    }
    if (st.units && /^\d+$/.test(t.text) && L.units.has(toks, i + 1)) {
      i++;
      continue;
    }
    const unit = L.units.match(toks, i);
    if (unit && !(unit.value === 'party' && !capOk(ctx, t))) {
      st.hasUnit = true;
      // "xã hội", "bản quyền" are words, not localities
      st.placed = !((L.compounds.match(toks, i)?.end ?? 0) > unit.end);
      if (isDet(toks[i - 1])) st.places = true;
      i = unit.end;
      st.words++;
      // a proper name after the unit ("tỉnh Lào Cai", "quận Long Biên")
      while (isWord(toks[i]) && toks[i].cap && !ctx.upper && !startsAgency(ctx, i, false) && !L.units.has(toks, i) && !L.predicates.has(toks, i)) i++;
      st.afterNoun = false;
      st.afterUnit = true;
      if (st.qualifier) st.qualDone = true;
      continue;
    }
    if (isDet(t) && !L.qualifiers.has(toks, i)) {
      if (st.qualifier || st.units || (st.open && !st.closed && !st.cls)) {
        i++;
        st.justQual = justQual;
        continue;
      }
      break;
    }
    const stop = L.prepositions.match(toks, i);
    const qual = L.qualifiers.match(toks, i);
    const narrow = qual && st.closed && !st.units && L.narrowQualifiers.has(toks, i);
    if (qual && !narrow && (!stop || qual.words > stop.words)) {
      // a qualifier with nothing after it is not part of the name
      const after = toks[qual.end];
      if (L.needObject.match(toks, i)?.end === qual.end && (!isWord(after) || (isPredicate(ctx, qual.end) && !L.units.has(toks, qual.end)))) break;
      st.qualifier = true;
      // "các cấp", "trên địa bàn": complete by themselves; "của", "thuộc" need an object
      st.qualDone = L.needObject.match(toks, i)?.end !== qual.end && !is(toks[qual.end], 'các');
      i = qual.end;
      st.words++;
      st.afterNoun = false;
      st.justQual = true;
      continue;
    }
    if (narrow) break;
    if (stop) break;
    // "các Bộ, ngành | cơ bản thống nhất", "các cơ quan, đơn vị | thực hiện đúng …": an adverb or auxiliary starts the predicate
    if (!t.cap && !ctx.upper && !st.qualifier && L.adverbs.has(toks, i)) break;
    // "của Cơ quan Ủy ban MTTQ tỉnh", "thuộc các bộ, ngành": the qualifier's object is a class
    const noun = justQual ? L.classNouns.match(toks, i) : null;
    if (noun && !(L.heads.has(toks, i) && capOk(ctx, t))) {
      i = noun.end;
      st.words++;
      st.afterNoun = true;
      continue;
    }
    // "công trình", "cung cấp": a noun that ends in a verb syllable
    const compound = i > 0 ? L.compounds.match(toks, i - 1) : null;
    const pred = compound && compound.end > i ? null : L.predicates.match(toks, i);
    if (pred) {
      // "các đơn vị cấp nước", "cơ quan quản lý trạm": a relative clause after a generic noun
      const weak = L.weak.match(toks, i);
      if (weak && st.afterNoun && st.generic) {
        st.qualifier = true;
        st.afterNoun = false;
        i = weak.end;
        st.words++;
        continue;
      }
      if (t.cap && !ctx.upper && st.open && !st.closed) {
        i++;
        st.words++;
        continue;
      }
      if (ctx.mode === 'subject' && st.open && !st.closed && !st.cls) {
        // "Ban Quản lý phát triển khu đô thị mới chủ trì …": the name runs to a confirming marker
        for (let k = i; k < Math.min(toks.length, i + 9); k++) {
          if (toks[k].punct || startsAgency(ctx, k, false) || L.adverbs.has(toks, k)) break;
          if (k > i && strongAt(toks, k)) return k;
        }
      }
      break;
    }
    const head = L.heads.match(toks, i);
    if (head && capOk(ctx, t) && startsAgency(ctx, i, false)) {
      // a nested body: "Văn phòng Ban chỉ đạo …", "Đảng đoàn Quốc hội", "thuộc Ủy ban nhân dân quận",
      // "cơ quan Mặt trận Tổ quốc xã"
      if ((st.open && !st.closed && !st.cls) || justQual || (st.afterNoun && st.generic)) {
        i = head.end;
        st.words++;
        st.afterNoun = false;
        const d = L.domains.match(toks, i);
        if (d && (head.value.takes === 'name' || capOk(ctx, toks[i]))) {
          i = d.end;
          st.closed = true;
        } else st.closed = false;
        st.open = !st.closed && (head.value.takes === 'name' || !!head.value.open);
        st.units = head.value.takes === 'units';
        st.placed = false;
        st.cls = false;
        if (justQual) st.qualDone = true;
        continue;
      }
      break;
    }
    if (L.titles.has(toks, i) && capOk(ctx, t) && !ctx.upper) break;
    st.afterNoun = false;
    if (t.cap && !ctx.upper) {
      // capitalised words: a proper name ("Sở Y tế Hà Nội", "Bệnh viện đa khoa Đức Giang")
      i++;
      st.words++;
      if (st.qualifier) st.qualDone = true;
      continue;
    }
    // "Ban Chỉ đạo của Chính phủ thẳng thắn chỉ ra …": a qualifier ends with its proper-name object
    if (st.qualifier && st.qualDone && !lenient) break;
    if (st.cls && !st.qualifier && !lenient) {
      // a generic class takes no free words ("các cơ quan, đơn vị, địa phương kiểm soát …" ends before the verb);
      // a specific one a few ("các doanh nghiệp viễn thông")
      if ((st.generic && (st.nouns > 1 || !st.qualifiable)) || st.free >= 3) break;
      st.free++;
    }
    // a name ends with its locality: "Trung tâm Chuyển đổi số Thành phố | cấu hình thủ tục …"
    if (st.placed && !st.cls && !ctx.upper && !st.qualifier) break;
    if (goesOn() || (ctx.upper && lenient)) {
      i++;
      st.words++;
      continue;
    }
    break;
  }
  return i;
}

// ---------------------------------------------------------------- phrases

interface Phrase {
  mentions: Mention[];
  end: number;
}

interface PhraseOpts {
  /** complement of a title: a bare head is enough ("Giám đốc Sở") */
  inTitle?: boolean;
  /** first item of a list read as a subject or after "phối hợp" without "với" */
  strictFirst?: boolean;
  /** first item of the list */
  first?: boolean;
}

function parsePhrase(ctx: ParseContext, i0: number, opts: PhraseOpts = {}): Phrase | null {
  const { toks } = ctx;
  const L = lex();
  let i = i0;
  if (!isWord(toks[i])) return null;
  const cuts: [number, number][] = [];
  let det = false;
  if (isDet(toks[i])) {
    det = true;
    i++;
  }
  let singular = false;
  const addr = L.address.match(toks, i);
  if (addr && isWord(toks[addr.end])) {
    cuts.push([toks[i].start, toks[addr.end].start]);
    if (isDet(toks[i])) det = true;
    else if (!det) singular = true;
    i = addr.end;
  }
  if (!isWord(toks[i])) return null;
  if (L.notAgencies.has(toks, i)) return null;

  // distributive list: "Các Sở: Kế hoạch và Đầu tư, Tài chính", "Các Bộ: Quốc phòng, Công an"
  if (det) {
    const d = parseDistributive(ctx, i);
    if (d) return d;
  }

  // an official by title: "Chủ tịch Ủy ban nhân dân tỉnh", "Thủ trưởng các đơn vị trực thuộc quận"
  const title = L.titles.match(toks, i);
  if (title && (capOk(ctx, toks[i]) || det || addr || startsAgency(ctx, i, false))) {
    // a distributive title: "Giám đốc: Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Công báo - Tin học tỉnh"
    if (toks[title.end]?.text === ':' && capOk(ctx, toks[i]) && startsAgency(ctx, title.end + 1, false) && !L.titles.has(toks, title.end + 1)) {
      // the bodies run to the end of the list or to the next ";" ("…; Chủ tịch Ủy ban nhân dân cấp xã …")
      const bodies = parseList(ctx, title.end + 1);
      const semi = toks.findIndex((t, k) => k > title.end && t.text === ';');
      const cut = bodies && semi > 0 && semi < bodies.end ? semi : (bodies?.end ?? 0);
      const mine = bodies?.mentions.filter((m) => m.start < (toks[cut]?.start ?? Infinity)) ?? [];
      if (mine.length && mine.every((m) => m.kind === 'named' || m.kind === 'class')) {
        const printed = display(ctx, i0, title.end, cuts);
        return { mentions: mine.map((m) => ({ ...m, name: `${printed} ${ctx.text.slice(m.start, m.end).replace(/\s+/g, ' ')}`, kind: 'title' as const })), end: cut };
      }
    }
    // a list of officials by title: "Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, …" (a bare title before another one)
    const titleList = capOk(ctx, toks[i]) && toks[title.end]?.text === ',' && L.titles.has(toks, title.end + 1) && capOk(ctx, toks[title.end + 1]);
    const r = parseTitle(ctx, i0, title.end, cuts, singular, det || titleList || ctx.mode === 'cell' || ctx.mode === 'heading');
    if (r) {
      // "Chủ tịch, Phó Chủ tịch Hội đồng nhân dân cấp xã": the office and its deputy share the body printed once
      if (titleList && r.end === title.end) {
        const next = L.titles.match(toks, title.end + 1)!;
        const deputy = is(toks[title.end + 1], 'phó') && next.end - (title.end + 2) === title.end - i && toks.slice(i, title.end).every((t, n) => t.k === toks[title.end + 2 + n].k);
        const body = deputy ? parseTitle(ctx, title.end + 1, next.end, [], false) : null;
        if (body && body.end > next.end) {
          const printed = display(ctx, i0, title.end, cuts);
          const shared = ctx.text.slice(toks[next.end].start, toks[body.end - 1].end).replace(/\s+/g, ' ');
          return { mentions: [{ ...r.mentions[0], name: `${printed} ${shared}` }], end: r.end };
        }
      }
      return r;
    }
  }

  // a body with a head: "Sở Y tế", "Ủy ban nhân dân các phường", "Ban Quản lý các khu …"
  const head = L.heads.match(toks, i);
  if (head && capOk(ctx, toks[i])) {
    const h = head.value;
    let j = head.end;
    const st = newState({ units: h.takes === 'units', open: h.takes === 'name' || !!h.open });
    let ok = h.takes !== 'name';
    if (h.takes === 'name') {
      const d = L.domains.match(toks, j);
      if (d) {
        j = d.end;
        st.closed = true;
        st.open = false;
        ok = true;
      } else if (capOk(ctx, toks[j]) && !L.titles.has(toks, j)) ok = true;
      else if (isDet(toks[j]) && h.open) ok = true;
      else if ((ctx.mode === 'heading' || ctx.mode === 'cell') && is(toks[j], 'và') && capOk(ctx, toks[j + 1])) ok = true;
      else if (opts.inTitle && !det && (!isWord(toks[j]) || isAnd(toks[j]))) ok = true;
    } else if (!h.domain) {
      const d = L.domains.match(toks, j);
      if (d && capOk(ctx, toks[j])) {
        j = d.end;
        st.closed = true;
      }
    }
    if (ok) {
      const end = continueName(ctx, j, st);
      const ms = [mention(ctx, i0, end, 'named', st.vague, cuts)];
      const extra = distributeBare(ctx, end, toks.slice(i, head.end), h.takes === 'name' && st.closed);
      return { mentions: [...ms, ...extra.mentions], end: extra.end };
    }
  }

  // a body named by its domain and locality, without a head: "Thuế tỉnh Đắk Lắk"
  const dom = capOk(ctx, toks[i]) && !det ? L.domains.match(toks, i) : null;
  if (dom && L.domainBodies.has(dom.value.key) && L.units.has(toks, dom.end)) {
    const st = newState({ units: true, closed: true });
    const end = continueName(ctx, dom.end, st);
    return { mentions: [mention(ctx, i0, end, 'named', st.vague, cuts)], end };
  }

  // a named sector: "ngành Y tế", "lực lượng quân đội, công an"
  if (is(toks[i], 'ngành')) {
    const d = L.domains.match(toks, i + 1);
    if (d) {
      const st = newState({ closed: true });
      const end = continueName(ctx, d.end, st);
      const ms = [mention(ctx, i0, end, 'sector', st.vague, cuts)];
      const extra = distributeBare(ctx, end, [toks[i]], true);
      return { mentions: [...ms, ...extra.mentions], end: extra.end };
    }
  }
  if (is(toks[i], 'lực') && is(toks[i + 1], 'lượng')) {
    const d = L.domains.match(toks, i + 2);
    if (d) {
      const ms = [mention(ctx, i0, d.end, 'sector', false, cuts)];
      const extra = distributeBare(ctx, d.end, [toks[i], toks[i + 1]], true);
      return { mentions: [...ms, ...extra.mentions], end: extra.end };
    }
  }

  // "các" + class nouns: "các Sở, ban, ngành thành phố", "các tổ chức chính trị - xã hội"
  return parseClass(ctx, i0, i, det, cuts, opts);
}

function parseClass(ctx: ParseContext, i0: number, i: number, det: boolean, cuts: [number, number][], opts: PhraseOpts): Phrase | null {
  const { toks } = ctx;
  const L = lex();
  const first = L.classNouns.match(toks, i);
  const firstPerson = L.personNouns.match(toks, i);
  if (!first && firstPerson) {
    // people are not agencies; read them so a list can go on past them ("cán bộ, đảng viên"), with the
    // bodies they belong to ("Người đứng đầu cơ quan, tổ chức, đơn vị")
    let j = firstPerson.end;
    while ((SEPARATORS.has(toks[j]?.text ?? '') || isAnd(toks[j])) && L.personNouns.has(toks, j + 1)) j = L.personNouns.match(toks, j + 1)!.end;
    if (isDet(toks[j]) || L.classNouns.has(toks, j)) {
      const of = parseClass(ctx, j, isDet(toks[j]) ? j + 1 : j, isDet(toks[j]), [], {});
      if (of) j = of.end;
    }
    return { mentions: [mention(ctx, i0, j, 'person', true, cuts)], end: j };
  }
  if (!first) return null;
  const bare = !det;
  // a class the document defined ("Các cơ quan đăng ký đầu tư (Sở Tài chính, …)"), used bare: "Cơ quan đăng ký đầu tư có trách nhiệm …"
  if (bare && opts.strictFirst) {
    const d = definedAt(ctx, i);
    if (d > first.end) return { mentions: [mention(ctx, i0, d, 'class', false, cuts)], end: d };
  }
  let generic = first.value === 'generic';
  let nouns = 1;
  let isPublic = false;
  let persons = 0;
  let j = first.end;
  let lastNounStart = i;
  for (;;) {
    const sep = toks[j];
    if (!sep || !(sep.text === ',' || isAnd(sep))) break;
    const n = j + 1;
    let nextClass = L.notAgencies.has(toks, n) ? null : L.classNouns.match(toks, n);
    const nextPerson = L.personNouns.match(toks, n);
    // "các cơ quan truyền thông, báo chí": a second modifier of the same head noun ("cơ quan báo chí")
    if (!nextClass && !nextPerson && !bare && isWord(toks[n])) {
      let headLen = 0;
      for (let len = 1; len < first.end - i; len++) {
        const h = L.classNouns.match(toks.slice(i, i + len), 0);
        if (h && h.end === len && h.value === 'generic') headLen = len;
      }
      if (headLen > 0) {
        const joined = [...toks.slice(i, i + headLen), ...toks.slice(n, n + 4)];
        const m = L.classNouns.match(joined, 0);
        if (m && m.end > headLen && m.value !== 'generic') nextClass = { value: m.value, end: n + m.end - headLen, words: m.words };
      }
    }
    // "Tổ chức, bộ máy": a word that begins like a class noun but names no body ends the class
    if (!nextClass && L.notAgencies.has(toks, n)) break;
    if (nextClass && capOk(ctx, toks[n]) && !ctx.upper && startsAgency(ctx, n, false) && !(L.heads.match(toks, n)?.value.takes === 'name' && !L.domains.has(toks, L.heads.match(toks, n)!.end) && !capOk(ctx, toks[L.heads.match(toks, n)!.end]))) break;
    // bare nouns combine into one class only when they are the short ones ("cơ quan, ban, ngành")
    const combines = !bare || (L.combining.has(toks, n) && L.combining.has(toks, lastNounStart));
    // the bodies a title heads end before a vague generic item of the outer list: "Tổng giám đốc các Tập
    // đoàn, Tổng Công ty, đơn vị liên quan tiếp tục …" (the related units are not headed by the Tổng giám đốc)
    if (nextClass && opts.inTitle && !generic && nextClass.value === 'generic' && L.vague.has(toks, nextClass.end)) break;
    if (nextClass && combines) {
      if (nextClass.value !== 'generic') generic = false;
      nouns++;
      lastNounStart = n;
      j = nextClass.end;
      continue;
    }
    if (nextPerson && nextPerson.value === 'public') {
      // "tổ chức, cá nhân": the regulated public, not an agency
      isPublic = true;
      persons++;
      j = nextPerson.end;
      continue;
    }
    break;
  }
  // a bare locality ("Thành phố hỗ trợ …", "Tỉnh Quảng Ninh") is a place, not a body
  // ("Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh …": a named locality as the subject acts through its government)
  const namedPlace = ctx.mode === 'subject' && !ctx.upper && isWord(toks[first.end]) && toks[first.end].cap && !startsAgency(ctx, first.end, false);
  if (bare && L.units.match(toks, i)?.end === first.end && (ctx.mode === 'subject' || ctx.mode === 'heading') && !namedPlace) return null;
  if (bare && nouns === 1) {
    const t = toks[i];
    // a single bare noun that is also a head or a verb ("Phòng, chống …", "Tổ chức …") is not a class
    if (L.heads.has(toks, i) && capOk(ctx, t) && ctx.mode !== 'support') return null;
    if (L.predicates.has(toks, i) && (ctx.mode === 'subject' || (ctx.mode === 'heading' && opts.first))) return null;
  }
  // "Cơ quan, đơn vị lấy ý kiến …": a bare generic class as an owner is a procedural role; after "phối hợp"
  // without "với" a bare noun is the verb's object ("phối hợp phòng chống ma túy")
  if (bare && opts.strictFirst && (generic || ctx.mode !== 'subject' || !(bareSubjectOk(toks, i, first.end) || (nouns > 1 && toks[i].cap)))) return null;
  // a heading names a class with "các" ("Các doanh nghiệp viễn thông"); a bare noun there is a topic ("Doanh nghiệp số")
  if (bare && ctx.mode === 'heading' && nouns + persons < 2 && !opts.inTitle) return null;
  const st = newState({ open: true, cls: true, generic, afterNoun: true, det, nouns, qualifiable: L.qualifiable.match(toks, i)?.end === first.end, places: det && L.units.match(toks, i)?.end === first.end });
  const end = continueName(ctx, j, st);
  const qualified = end > j || st.hasUnit;
  let vague = st.vague || isPublic;
  if (!vague && generic && !qualified) vague = true;
  const m = mention(ctx, i0, end, isPublic ? 'person' : 'class', vague, cuts);
  if (vague && !st.vague && !isPublic && isDefined(ctx, m.name)) m.vague = false;
  return { mentions: [m], end };
}

function parseTitle(ctx: ParseContext, i0: number, titleEnd: number, cuts: [number, number][], singular: boolean, bareOk = false): Phrase | null {
  const { toks } = ctx;
  const L = lex();
  let j = titleEnd;
  let ok = false;
  let vague = false;
  const portfolioAt = (k: number) => is(toks[k], 'phụ') && is(toks[k + 1], 'trách');
  // "Cán bộ phụ trách lĩnh vực …" is an owner; "cán bộ các cơ quan" are people
  let portfolioOnly = false;
  for (let k = i0; k < titleEnd; k++) if (L.portfolioOnly.match(toks, k)?.end === titleEnd) portfolioOnly = true;
  if (portfolioOnly && !portfolioAt(titleEnd)) return null;
  // the body headed: "Chủ tịch Ủy ban nhân dân …", "Giám đốc Sở", "Thủ trưởng cơ quan, ban, ngành thành phố"
  // "Trưởng thôn tổ chức hội nghị": a verb after the title is not its body
  if (isWord(toks[j]) && !portfolioAt(j) && !(L.predicates.has(toks, j) && !toks[j].cap)) {
    const nested = parsePhrase(ctx, j, { inTitle: true });
    if (nested && nested.mentions.length && nested.mentions[0].kind !== 'person') {
      const first = nested.mentions[0];
      j = nested.mentions.length > 1 ? toks.findIndex((t) => t.start >= first.end) : nested.end;
      if (j < 0) j = nested.end;
      vague = first.vague && /liên quan/u.test(first.name);
      ok = true;
    } else if (capOk(ctx, toks[j]) && !ctx.upper && !L.predicates.has(toks, j)) {
      // "Phó chủ tịch Thường trực"
      while (isWord(toks[j]) && toks[j].cap && !startsAgency(ctx, j, false)) j++;
      ok = true;
    }
  }
  // a portfolio: "phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng"
  if (toks[j]?.text === ',' && portfolioAt(j + 1)) j++;
  if (portfolioAt(j)) {
    j += 2;
    ok = true;
    const lenient = ctx.mode === 'heading' || ctx.mode === 'cell';
    while (j < toks.length) {
      const t = toks[j];
      if (t.punct && [';', ':', '.', '(', '?', '!'].includes(t.text)) break;
      if (!lenient && isWord(t) && !t.cap && L.predicates.has(toks, j) && !L.weak.has(toks, j)) break;
      if (!lenient && t.text === ',' && startsAgency(ctx, j + 1)) break;
      if (lenient && strongAt(toks, j)) break;
      j++;
    }
  }
  // a title alone names the office-holders where nothing else is expected ("Các Phó Chủ tịch", a table cell)
  if (!ok && bareOk && (!isWord(toks[j]) || isAnd(toks[j]) || isPredicate(ctx, j))) ok = true;
  if (!ok) return null;
  // one person with several titles: "Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Ủy ban …"
  if (singular && toks[j]?.text === ',' && L.titles.has(toks, j + 1)) {
    const more = parseTitle(ctx, j + 1, L.titles.match(toks, j + 1)!.end, [], false);
    if (more) j = more.end;
  }
  return { mentions: [mention(ctx, i0, j, 'title', vague, cuts)], end: j };
}

/** "Các Sở: Kế hoạch và Đầu tư, Tài chính" → Sở Kế hoạch và Đầu tư, Sở Tài chính. */
function parseDistributive(ctx: ParseContext, i: number): Phrase | null {
  const { toks } = ctx;
  const L = lex();
  // only bodies named by their field distribute: "Các Sở:", "Các Bộ, ngành:" ("Các sở, ban, ngành, địa phương: Là …" does not)
  const DISTRIBUTIVE = ['sở', 'bộ', 'phòng', 'ngành'];
  if (!DISTRIBUTIVE.some((w) => is(toks[i], w))) return null;
  let j = i + 1;
  while (toks[j]?.text === ',' && DISTRIBUTIVE.some((w) => is(toks[j + 1], w))) j += 2;
  if (toks[j]?.text !== ':' || !L.domains.has(toks, j + 1)) return null;
  const headWord = toks[i].text[0].toUpperCase() + toks[i].text.slice(1);
  let k = j + 1;
  const mentions: Mention[] = [];
  while (k < toks.length) {
    let e = -1;
    const d = L.domains.match(toks, k);
    if (d) e = d.end;
    else if (capOk(ctx, toks[k]) && !startsAgency(ctx, k, false)) {
      e = k + 1;
      while (isWord(toks[e]) && !isAnd(toks[e]) && (toks[e].cap || (!L.predicates.has(toks, e) && !L.prepositions.has(toks, e)))) e++;
    }
    if (e < 0) break;
    const printed = ctx.text.slice(toks[k].start, toks[e - 1].end).replace(/\s+/g, ' ');
    mentions.push({ name: `${headWord} ${printed}`, start: toks[k].start, end: toks[e - 1].end, kind: 'named', vague: false });
    k = e;
    const sep = toks[k];
    if (sep && (sep.text === ',' || isAnd(sep)) && (L.domains.has(toks, k + 1) || (capOk(ctx, toks[k + 1]) && !startsAgency(ctx, k + 1, false)))) {
      k++;
      continue;
    }
    break;
  }
  return mentions.length ? { mentions, end: k } : null;
}

/**
 * "lực lượng quân đội, công an" → Lực lượng quân đội, Lực lượng công an; "Bộ Quốc phòng, Công an"
 * likewise: a bare domain after a head + domain shares the head.
 */
function distributeBare(ctx: ParseContext, end: number, headToks: Token[], closed: boolean): Phrase {
  const { toks } = ctx;
  const L = lex();
  const mentions: Mention[] = [];
  if (!closed) return { mentions, end };
  let k = end;
  const headText = headToks.map((t) => t.text).join(' ');
  const sector = is(headToks[0], 'ngành') || is(headToks[0], 'lực');
  while (toks[k] && (toks[k].text === ',' || is(toks[k], 'và'))) {
    const d = L.domains.match(toks, k + 1);
    if (!d || (!sector && !capOk(ctx, toks[k + 1])) || (startsAgency(ctx, k + 1, false) && !sector)) break;
    // the domain must end the item: "Bộ Quốc phòng, Công an chủ động …"
    const after = toks[d.end];
    if (after && isWord(after) && !isPredicate(ctx, d.end) && !isAnd(after) && !L.units.has(toks, d.end)) break;
    const printed = ctx.text.slice(toks[k + 1].start, toks[d.end - 1].end).replace(/\s+/g, ' ');
    const name = `${headText[0].toUpperCase()}${headText.slice(1)} ${printed}`;
    mentions.push({ name, start: toks[k + 1].start, end: toks[d.end - 1].end, kind: sector ? 'sector' : 'named', vague: false });
    k = d.end;
  }
  return { mentions, end: k };
}

// ---------------------------------------------------------------- lists

/**
 * A list of agencies starting at token i: "Sở Y tế, Sở Nội vụ và các cơ quan liên quan". Vague and
 * person mentions are kept in the result (marked) so the caller sees where the list ends.
 */
/**
 * The members a parenthesis enumerates after a class ("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý
 * Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, …)"): each item runs to the next separator, so a proper
 * name with lower-case words inside stays whole. Null unless every item starts an agency.
 */
export function enumeration(ctx: ParseContext, from: number, close: number): Mention[] | null {
  const { toks } = ctx;
  const cell: ParseContext = { ...ctx, mode: 'cell' };
  const out: Mention[] = [];
  let k = from;
  while (k < close) {
    if (!startsAgency(cell, k, false) && !isDet(toks[k])) return null;
    const p = parsePhrase(cell, k, {});
    if (!p || !p.mentions.length) return null;
    // the item runs on to the separator before the next agency
    let e = p.end;
    if (p.mentions.length === 1) {
      while (e < close && !((SEPARATORS.has(toks[e].text) || isAnd(toks[e])) && startsAgency(cell, isAnd(toks[e + 1]) ? e + 2 : e + 1))) {
        if (toks[e].punct && !['-', '–', ',', '/', '&'].includes(toks[e].text)) break;
        e++;
      }
      while (e > p.end && toks[e - 1].punct) e--;
    }
    const extended = e > p.end;
    for (const m of p.mentions) out.push(extended ? mention(cell, k, e, m.kind, m.vague) : m);
    // separators and a closing ellipsis ("Báo Hà Nam...") only
    for (k = e; k < close && (toks[k].punct || isAnd(toks[k])); k++) {
      if (!SEPARATORS.has(toks[k].text) && !isAnd(toks[k]) && !/^(?:\.{2,}|…)$/u.test(toks[k].text)) return null;
    }
  }
  return out.some((m) => !m.vague) ? out : null;
}

/** A parenthesised qualifier of a class ("(có dự án khánh thành, khởi công...)"), its words without the parentheses and ellipsis. */
function parentheticalQualifier(ctx: ParseContext, from: number, close: number): string | null {
  const { toks, text } = ctx;
  if (close - from < 2 || close - from > 16) return null;
  const first = toks[from];
  if (!isWord(first) || first.cap || !lex().parenthetical.has(toks, from)) return null;
  let e = close;
  while (e > from && toks[e - 1].punct) e--;
  if (e <= from) return null;
  return text.slice(toks[from].start, toks[e - 1].end).replace(/\s+/g, ' ');
}

export function parseList(ctx: ParseContext, i: number, opts: ListOptions = {}): ListResult | null {
  const { toks } = ctx;
  const mentions: Mention[] = [];
  let end = i;
  let k = i;
  let first = true;
  for (;;) {
    let p = parsePhrase(ctx, k, { strictFirst: first && (ctx.mode === 'subject' || !!opts.strictFirst), first });
    if (!p || !p.mentions.length) break;
    // "Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý …": an item of a list runs on to its separator
    if (p.mentions.length === 1 && p.mentions[0].kind === 'named' && isWord(toks[p.end])) {
      const e = resumedName(ctx, p.end);
      if (e > p.end) p = { mentions: [mention(ctx, k, e, 'named', p.mentions[0].vague)], end: e };
    }
    first = false;
    mentions.push(...p.mentions);
    end = p.end;
    k = p.end;
    // a parenthesis after a name lists examples ("(Đài Phát thanh và Truyền hình, Báo Hà Nam...)")
    if (toks[k]?.text === '(') {
      const close = toks.findIndex((t, idx) => idx > k && t.text === ')');
      if (close > k && close - k < 60) {
        const members = enumeration(ctx, k + 1, close);
        if (members) mentions.push(...members);
        else {
          // "các bộ, ngành, địa phương, cơ quan (có dự án khánh thành, khởi công...)": a definite qualifier of the class
          const last = mentions[mentions.length - 1];
          const q = last.kind === 'class' && !last.vague ? parentheticalQualifier(ctx, k + 1, close) : null;
          if (q) mentions[mentions.length - 1] = { ...last, name: `${last.name} ${q}` };
        }
        end = close + 1;
        k = close + 1;
      }
    }
    const sep = toks[k];
    if (!sep) break;
    if (SEPARATORS.has(sep.text) || isAnd(sep)) {
      let n = k + 1;
      if (SEPARATORS.has(sep.text) && isAnd(toks[n])) n++;
      // people end no list ("Các cấp uỷ, tổ chức đảng, cán bộ, đảng viên cần …"); a noun that is also a
      // verb is an item when a predicate follows it ("Doanh nghiệp viễn thông, tổ chức bảo đảm …")
      const L = lex();
      const person = L.personNouns.has(toks, n);
      const nounVerb = L.classNouns.match(toks, n);
      const itemNotVerb = !!nounVerb && L.predicates.has(toks, n) && (isPredicate(ctx, nounVerb.end) || SEPARATORS.has(toks[nounVerb.end]?.text ?? ''));
      if (startsAgency(ctx, n) || person || itemNotVerb) {
        if (itemNotVerb && !startsAgency(ctx, n)) {
          mentions.push(mention(ctx, n, nounVerb!.end, 'class', true));
          end = k = nounVerb!.end;
          const after = toks[k];
          if (after && (SEPARATORS.has(after.text) || isAnd(after)) && startsAgency(ctx, k + 1)) {
            k++;
            continue;
          }
          break;
        }
        k = n;
        continue;
      }
      break;
    }
    // two names printed without a separator ("Sở Khoa học và Công nghệ Sở Công Thương")
    if (isWord(sep) && startsAgency(ctx, k, false) && (isDet(sep) || capOk(ctx, sep))) continue;
    break;
  }
  if (!mentions.length) return null;
  return { mentions, end };
}
