import { extractFacts, type Facts } from '../extract/index.js';
import { compareTargets, type Verdict } from '../extract/targets/compare.js';
import { agencyProfile } from '../lexicon/agencies.js';
import type { ParsedDocument } from '../models.js';
import { parse } from '../parse/index.js';
import { sameIndicator } from '../query/targets.js';
import type { DB } from '../store/db.js';
import { fold } from '../text/fold.js';
import { actionSentences, bm25, containment, cosine, Idf, syllables, termCounts, type Vector } from './similarity.js';
import { targetUnits, taskUnits, type Unit } from './units.js';

export type Status = 'covered' | 'partial' | 'missing' | 'not_applicable';

export interface CoverageMatch {
  section: string | null;
  text: string;
  score: number;
  start: number;
  end: number;
  owners: string[];
}

export interface CoverageItem {
  kind: 'task' | 'target';
  section: string | null;
  text: string;
  status: Status;
  matches: CoverageMatch[];
  reason: string;
  /** Evidence in the superior document. */
  start: number;
  end: number;
  owners: string[];
  against: string;
}

export interface CoverageReport {
  schema: 'vanban.coverage/1';
  plan: string;
  against: string[];
  items: CoverageItem[];
  summary: Record<Status, number>;
  plan_document: DocInfo;
  against_documents: DocInfo[];
}

export interface DocInfo {
  key: string;
  ref: string | null;
  kind: string | null;
  issuer: string | null;
  date: string | null;
  title: string | null;
  path: string | null;
  text: string;
}

/**
 * Thresholds, calibrated on the dev pair (03/NQ-CP against 57-NQ/TW) and checked on a pair
 * annotated blind (310/KH-UBND against 57-NQ/TW); see README "Coverage" for the numbers.
 */
export const THRESHOLDS = {
  /** a point is carried by a plan unit at this TF-IDF cosine … */
  carry: 0.27,
  /** … or when the unit contains this share of its weight, with at least containCos */
  contain: 0.55,
  containCos: 0.18,
  /** the whole item carried by one owned plan unit at this similarity covers it */
  wholeCovered: 0.6,
  /** several plan units (cosine ≥ unionMin each, top 5) may carry a point between them: unionTau of its weight */
  unionMin: 0.08,
  unionTau: 0.55,
  /** ranking: TF-IDF cosine (kept: better on the dev pair) or BM25 as FTS5 computes it */
  rank: 'tfidf' as 'tfidf' | 'bm25',
};

interface Loaded {
  info: DocInfo;
  doc: ParsedDocument;
  facts: Facts;
}

export function loadDocument(db: DB, id: number): Loaded {
  const row = db.prepare('SELECT key, ref, kind, issuer, date, title, source_path AS path, text FROM documents WHERE id = ?').get(id) as DocInfo | undefined;
  if (!row || row.text === null) throw new Error(`document ${id} has no stored text (a stub known only from citations)`);
  // the stored text is the normalised text: parsing it again gives the same tree and facts
  const doc = parse({ text: row.text });
  return { info: row, doc, facts: extractFacts(doc) };
}

/** The documents a plan implements (its own "implements" citations), for the default --against. */
export function implementedBy(db: DB, planId: number): number[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT c.to_document_id AS id FROM citations c JOIN documents t ON t.id = c.to_document_id
        WHERE c.from_document_id = ? AND c.asserted_in_document_id = c.from_document_id AND c.relation = 'implements' AND t.is_stub = 0`,
    )
    .all(planId) as { id: number }[];
  return rows.map((r) => r.id);
}

/** Document frequencies of the corpus's words, so IDF reflects the whole database, not two documents. */
function databaseIdf(db: DB, idf: Idf): void {
  try {
    const n = (db.prepare('SELECT count(*) AS n FROM sections').get() as { n: number }).n;
    if (n < 50) return;
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.sections_vocab USING fts5vocab(main, 'sections_fts', 'row')");
    const counts = new Map<string, number>();
    for (const r of db.prepare('SELECT term, doc FROM temp.sections_vocab').iterate() as Iterable<{ term: string; doc: number }>) counts.set(r.term, r.doc);
    idf.addCounts(counts, n);
  } catch {
    // no FTS vocabulary available: the two documents' own units are the collection
  }
}

function planLevel(issuer: string | null): string | null {
  return issuer ? agencyProfile(issuer).level : null;
}

function placeOf(s: string | null): string | null {
  if (!s) return null;
  const m = /(?:tỉnh|thành phố|quận|huyện|thị xã|xã|phường)\s+((?:\p{Lu}[\p{Ll}]*\s?)+)/u.exec(s);
  return m ? fold(m[1]) : null;
}

/**
 * not_applicable (coverage.md): the superior item is addressed only to bodies outside the plan
 * issuer's remit — central or party bodies when the plan is local, or a named other province.
 */
const LOCALITY = /(?:^|\s)(?:tinh|thanh pho|quan|huyen|thi xa|xa(?! hoi)|phuong|dia phuong|cac cap|co so)(?:\s|$)/;

/** An owner that acts at national level: central and party bodies, and mass organisations named as the national one ("Mặt trận Tổ quốc Việt Nam"). */
function national(o: Unit['owners'][number]): boolean {
  if (o.level === 'central' || o.level === 'party') return true;
  const f = fold(o.name);
  return o.level === 'mass' && /viet nam$/.test(f) && !LOCALITY.test(f);
}

function notApplicable(item: Unit, plan: DocInfo): string | null {
  const level = planLevel(plan.issuer);
  if (!level || level === 'central' || level === 'party') return null;
  // creating a national body ("Thành lập Ban Chỉ đạo Trung ương …") is not a local task
  const creates = /^(?:Thành lập|Kiện toàn)\s.{0,100}?(?:Trung ương|quốc gia)/u.exec(item.text);
  if (!item.owners.length) return creates ? `sets up a national body ('${snippet(creates[0], 60)}'), outside the remit of ${plan.issuer}` : null;
  const place = placeOf(plan.issuer);
  const outside = item.owners.filter((o) => {
    if (national(o)) return true;
    // "Ủy ban nhân dân tỉnh Đắk Lắk" in a plan of another province
    const p = placeOf(o.name);
    return !!(p && place && !/(?:cac|nhung)\s/.test(fold(o.name)) && p !== place);
  });
  if (!outside.length) return null;
  // a class named beside national bodies ("… và các tổ chức chính trị - xã hội") is their national peers
  const rest = item.owners.filter((o) => !outside.includes(o));
  if (rest.some((o) => o.level !== 'class' || LOCALITY.test(fold(o.name)))) return null;
  return `addressed only to ${item.owners.map((o) => o.name).join(', ')}, outside the remit of ${plan.issuer}`;
}

function snippet(s: string, n = 70): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

interface SentenceMatch {
  sentence: string;
  unit: Unit | null;
  score: number;
  carried: boolean;
  owned: boolean;
}

export const DEBUG = !!process.env.VANBAN_COVERAGE_DEBUG;

type PlanVec = { u: Unit; v: Vector; tf: Map<string, number>; len: number };
interface Query {
  v: Vector;
  tf: Map<string, number>;
}
let rankContext: { idf: Idf; avgdl: number } | null = null;

function query(idf: Idf, text: string): Query {
  return { v: idf.vector(text), tf: termCounts(text) };
}

/** Similarity of a superior text and a plan unit: TF-IDF cosine (default) or normalised BM25. */
function similarity(q: Query, p: PlanVec): number {
  if (THRESHOLDS.rank === 'bm25' && rankContext) return bm25(rankContext.idf, q.tf, p.tf, p.len, rankContext.avgdl);
  return cosine(q.v, p.v);
}

function bestFor(q: Query, planVecs: PlanVec[]): { unit: Unit | null; score: number; carried: boolean; cos?: number; con?: number } {
  const v = q.v;
  let best: Unit | null = null;
  let bestScore = 0;
  let carried = false;
  let bcos = 0;
  let bcon = 0;
  for (const p of planVecs) {
    const { u, v: pv } = p;
    const cos = similarity(q, p);
    const con = containment(v, pv);
    const score = Math.max(cos, cos >= THRESHOLDS.containCos ? con * 0.6 : 0);
    const isCarried = cos >= THRESHOLDS.carry || (con >= THRESHOLDS.contain && cos >= THRESHOLDS.containCos);
    // prefer a carrying unit with an owner over one without, then the higher score
    const better = (isCarried && !carried) || (isCarried === carried && (score > bestScore || (score === bestScore && u.owners.length > (best?.owners.length ?? 0))));
    if (better) {
      best = u;
      bestScore = score;
      carried = isCarried;
      bcos = cos;
      bcon = con;
    }
  }
  return { unit: best, score: bestScore, carried, cos: bcos, con: bcon };
}

/** Share of a sentence's weight found in the plan units most like it (top 5 above a floor). */
function unionShare(q: Query, planVecs: PlanVec[], ownedOnly: boolean): { share: number; best: Unit | null } {
  const sv = q.v;
  const cands = planVecs
    .filter((p) => !ownedOnly || ownedAt(p.u))
    .map((p) => ({ p, c: similarity(q, p) }))
    .filter((x) => x.c >= THRESHOLDS.unionMin)
    .sort((a, b) => b.c - a.c)
    .slice(0, 5);
  if (!cands.length) return { share: 0, best: null };
  let inside = 0;
  let total = 0;
  for (const [t, w] of sv) {
    total += w * w;
    if (cands.some((x) => x.p.v.has(t))) inside += w * w;
  }
  return { share: total ? inside / total : 0, best: cands[0].p.u };
}

const EXHORTATION = /(?:nhận thức|quán triệt|gương mẫu|chấp nhận rủi ro|tinh thần|quyết tâm|coi .{0,40} là|xác định .{0,40} là|là chủ yếu|là then chốt|là động lực|cách tiếp cận)/iu;
const ACTION = /(?:ban hành|xây dựng|sửa đổi|bổ sung|thành lập|đầu tư|bố trí|triển khai|tổ chức thực hiện|hoàn thiện|phát triển|thí điểm)/iu;

/** Plan units that copy the current superior item with its own owners (set per item). */
let copied = new Set<Unit>();

function ownedAt(u: Unit | null): boolean {
  return !!u && u.owners.length > 0 && !u.declarative && !copied.has(u);
}

function taskItem(item: Unit, against: DocInfo, plan: DocInfo, idf: Idf, planVecs: PlanVec[]): CoverageItem {
  const base = { kind: 'task' as const, section: item.section, text: item.text, start: item.start, end: item.end, owners: item.owners.map((o) => o.name), against: against.ref ?? against.key };
  const na = notApplicable(item, plan);
  if (na) return { ...base, status: 'not_applicable', matches: [], reason: na };
  // A plan that pastes the superior's words, owners and all ("Các bộ, ngành, địa phương tổ chức
  // quán triệt …"), names no owner of its own: such a copy counts as restated without an owner.
  const itemText = item.compareText ?? item.text;
  const itemVec = idf.vector(itemText);
  copied = new Set(
    planVecs
      .filter((p) => p.u.owners.length && p.u.owners.every((o) => item.owners.some((x) => fold(x.name) === fold(o.name))) && (containment(p.v, itemVec) >= 0.9 || cosine(p.v, itemVec) >= 0.85))
      .map((p) => p.u),
  );
  const sentences = actionSentences(itemText, true);
  const results: SentenceMatch[] = sentences.map((s) => {
    const sq = query(idf, s);
    const b = bestFor(sq, planVecs);
    // a carrying unit without owner may hide an owned one with a slightly lower score
    let unit = b.unit;
    let score = b.score;
    let carried = b.carried;
    if (carried && !ownedAt(unit)) {
      const owned = bestFor(sq, planVecs.filter((p) => ownedAt(p.u)));
      if (owned.carried) ({ unit, score, carried } = owned);
    }
    let owned = carried && ownedAt(unit);
    // several short plan items (task-table rows) may carry one long sentence between them
    if (!owned && THRESHOLDS.unionTau < 1) {
      const any = unionShare(sq, planVecs, false);
      const mine = unionShare(sq, planVecs, true);
      if (mine.share >= THRESHOLDS.unionTau) {
        owned = true;
        carried = true;
        if (!ownedAt(unit)) unit = mine.best ?? unit;
      } else if (any.share >= THRESHOLDS.unionTau && !carried) {
        carried = true;
        unit = any.best ?? unit;
      }
    }
    return { sentence: s, unit, score, carried, owned };
  });
  // the whole item against each unit too: a plan item may carry several sentences at once
  const whole = bestFor(query(idf, itemText), planVecs);
  // exhortations and principles are not points of work a plan can carry (coverage gold notes)
  const weight = (s: string) => (EXHORTATION.test(s) && !ACTION.test(s) ? 0 : syllables(s).length);
  const total = results.reduce((a, r) => a + weight(r.sentence), 0) || 1;
  const ownedShare = results.filter((r) => r.owned).reduce((a, r) => a + weight(r.sentence), 0) / total;
  const carriedShare = results.filter((r) => r.carried).reduce((a, r) => a + weight(r.sentence), 0) / total;
  const seen = new Set<Unit>();
  const matches: CoverageMatch[] = [];
  for (const r of [...results].sort((a, b) => b.score - a.score)) {
    if (!r.unit || seen.has(r.unit) || (!r.carried && matches.length)) continue;
    seen.add(r.unit);
    matches.push({ section: r.unit.section, text: r.unit.text, score: round(r.score), start: r.unit.start, end: r.unit.end, owners: r.unit.owners.map((o) => o.name) });
  }
  if (whole.unit && whole.carried && !seen.has(whole.unit)) {
    matches.push({ section: whole.unit.section, text: whole.unit.text, score: round(whole.score), start: whole.unit.start, end: whole.unit.end, owners: whole.unit.owners.map((o) => o.name) });
  }
  const missingPoints = results.filter((r) => !r.carried).map((r) => `'${snippet(r.sentence, 60)}'`);
  const where = (u: Unit | null) => (u ? `${u.section ?? (u.row ? 'appendix row' : '—')}${u.owners.length ? ` (${u.owners.slice(0, 2).map((o) => o.name).join(', ')})` : ' (no owner)'}` : '');
  let status: Status;
  let reason: string;
  // covered: a single point carried by an owned unit, or the whole item by one owned unit; an item
  // carried point by point is partial unless one owned unit does the whole (measured: requiring
  // every point owned, or a share of them, was worse on both pairs)
  if ((results.length === 1 && results[0].owned) || (whole.carried && ownedAt(whole.unit) && whole.score >= THRESHOLDS.wholeCovered && carriedShare >= 0.5)) {
    status = 'covered';
    reason = `carried by ${[...seen].slice(0, 3).map(where).join('; ') || where(whole.unit)}`;
  } else if (carriedShare > 0 || whole.carried) {
    status = 'partial';
    const unowned = results.some((r) => r.carried && !r.owned) || (whole.carried && !ownedAt(whole.unit));
    if (missingPoints.length && carriedShare > 0) reason = `${results.length - missingPoints.length} of ${results.length} points carried; no plan item for ${missingPoints.slice(0, 2).join(', ')}`;
    else if (unowned) reason = `restated in ${where(results.find((r) => r.carried)?.unit ?? whole.unit)} with no owner named in the plan`;
    else reason = `only in part: ${where(whole.unit)}`;
  } else {
    status = 'missing';
    reason = `no plan item for '${snippet(item.text, 80)}'${whole.unit ? ` (closest: ${where(whole.unit)}, score ${round(whole.score)})` : ''}`;
  }
  const debug = DEBUG ? { sentences: results.map((r) => ({ s: r.sentence.slice(0, 150), score: round(r.score), carried: r.carried, owned: r.owned })), whole: { score: round(whole.score), cos: round(whole.cos ?? 0), con: round(whole.con ?? 0), owned: ownedAt(whole.unit) }, ownedShare: round(ownedShare), carriedShare: round(carriedShare) } : undefined;
  return { ...base, status, matches: status === 'missing' ? [] : matches, reason, ...(debug ? { debug } : {}) };
}

const SIGN: Record<string, string> = { '=': '', '<': '< ', '<=': '≤ ', '>': '> ', '>=': '≥ ', '~': '≈ ', reduce_by: '−', increase_by: '+', range: '' };
function showTarget(t: NonNullable<Unit['target']>): string {
  const v = t.comparator === 'range' ? `${t.value}–${t.value_max}` : `${SIGN[t.comparator] ?? ''}${t.value}`;
  return `${v}${t.unit ? ` ${t.unit}` : ''}${t.year ? ` for ${t.year}` : ''}`;
}

function targetItem(item: Unit, against: DocInfo, plan: DocInfo, planTargets: Unit[], planText: string): CoverageItem {
  const t = item.target!;
  const base = { kind: 'target' as const, section: item.section, text: item.text, start: item.start, end: item.end, owners: [], against: against.ref ?? against.key };
  const key = t.indicator_key ?? fold(t.indicator);
  let best: { u: Unit; m: number; v: Verdict } | null = null;
  const rank: Record<Verdict, number> = { stricter: 4, equal: 4, 'later year': 2, weaker: 1, incomparable: 0 };
  for (const u of planTargets) {
    const pt = u.target!;
    const m = sameIndicator(key, pt.indicator_key ?? fold(pt.indicator));
    if (!m) continue;
    const v = compareTargets(t, pt);
    if (!best || m > best.m || (m === best.m && rank[v] > rank[best.v])) best = { u, m, v };
  }
  if (!best) {
    // the same number for the same year under another wording of the indicator ("đóng góp vào
    // chỉ số phát triển con người (HDI) duy trì trên 0,7" / "… góp phần … HDI duy trì trên 0,7")
    const words = new Set(key.split(' ').filter((w) => w.length > 2));
    for (const u of planTargets) {
      const pt = u.target!;
      if (pt.value !== t.value || (pt.year ?? t.year) !== (t.year ?? pt.year)) continue;
      const pw = (pt.indicator_key ?? fold(pt.indicator)).split(' ').filter((w) => w.length > 2);
      const shared = pw.filter((w) => words.has(w)).length / Math.max(1, Math.min(words.size, pw.length));
      const rank = t.comparator === '<=' && !t.unit && pt.comparator === '<=' && !pt.unit;
      if (shared >= 0.3 || rank) {
        const v = compareTargets(t, pt);
        if (v === 'incomparable') continue;
        const match: CoverageMatch = { section: pt.section, text: pt.text, score: round(shared), start: pt.start, end: pt.end, owners: u.owners.map((o) => o.name) };
        if (rank && shared < 0.3) {
          return { ...base, status: 'partial', matches: [match], reason: `a ranking ${showTarget(pt)} is set, but for '${snippet(pt.indicator, 50)}', not clearly the same index` };
        }
        best = { u, m: 0.5, v };
        break;
      }
    }
  }
  const level = planLevel(plan.issuer);
  if (!best) {
    // a national ranking among countries is not a target a local plan can set
    if (level && level !== 'central' && level !== 'party' && t.comparator === '<=' && !t.unit && /(?:nuoc|quoc gia)/.test(fold(item.text))) {
      return { ...base, status: 'not_applicable', matches: [], reason: `a national ranking among countries (${showTarget(t)}): not set by ${plan.issuer}` };
    }
    // the indicator is talked about without a number
    const words = key.split(' ').filter((w) => w.length > 1);
    const planFold = ` ${fold(planText)} `;
    const phrase = words.slice(0, Math.min(words.length, 5)).join(' ');
    if (words.length >= 3 && planFold.includes(` ${phrase} `)) {
      return { ...base, status: 'partial', matches: [], reason: `'${snippet(t.indicator, 60)}' is mentioned but no value is set` };
    }
    return { ...base, status: 'missing', matches: [], reason: `no plan target for '${snippet(t.indicator, 70)}' (${showTarget(t)})` };
  }
  const pt = best.u.target!;
  const match: CoverageMatch = { section: pt.section, text: pt.text, score: round(best.m), start: pt.start, end: pt.end, owners: best.u.owners.map((o) => o.name) };
  const said = `target ${showTarget(t)} restated as ${showTarget(pt)}`;
  switch (best.v) {
    case 'stricter':
      return { ...base, status: 'covered', matches: [match], reason: `${said}: stricter` };
    case 'equal':
      return { ...base, status: 'covered', matches: [match], reason: `${said}: equal` };
    case 'weaker':
      return { ...base, status: 'partial', matches: [match], reason: `${said}: WEAKER than the superior` };
    case 'later year':
      return { ...base, status: 'partial', matches: [match], reason: `${said}: a later year` };
    default:
      return { ...base, status: 'partial', matches: [match], reason: `${said}: not comparable (different unit or kind of promise)` };
  }
}

/**
 * A superior text calls itself "Nghị quyết này" / "the Nghị quyết"; the plan calls it "Nghị quyết
 * số 57-NQ/TW". The superior's units name their document by its reference too, so that
 * "tuyên truyền các nội dung của Nghị quyết" meets "tuyên truyền Nghị quyết số 57-NQ/TW".
 * Only the words used for comparison change; the item text shown stays as printed.
 */
function selfReferences(units: Unit[], doc: DocInfo): Unit[] {
  if (!doc.ref || !doc.kind) return units;
  const kind = doc.kind.split(' ').slice(0, 2).join(' ');
  const re = new RegExp(`(?<![\\p{L}])${kind}(?: này)?(?![\\p{L}])(?!\\s+(?:số|[\\d]))`, 'giu');
  return units.map((u) => (re.test(u.text) ? { ...u, compareText: u.text.replace(re, (m) => `${m} ${doc.ref}`) } : u));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * coverage: a plan and the documents it implements → for every task and target of each superior
 * document, whether the plan carries it down (covered / partial / missing / not_applicable), the
 * best plan items with their scores and spans, and a one-line reason (coverage.md).
 */
export function coverageOf(db: DB, planId: number, againstIds: number[]): CoverageReport {
  const plan = loadDocument(db, planId);
  const supers = againstIds.map((id) => loadDocument(db, id));
  const planTasks = taskUnits(plan.doc, plan.facts, { all: true });
  const planTargets = targetUnits(plan.facts);
  // plan targets from task tables and prose carry their paragraph's owners too
  const idf = new Idf();
  databaseIdf(db, idf);
  for (const u of planTasks) idf.add(u.text);
  const supUnits = supers.map((s) => ({ s, tasks: selfReferences(taskUnits(s.doc, s.facts, { all: false }), s.info), targets: targetUnits(s.facts) }));
  for (const { tasks } of supUnits) for (const u of tasks) idf.add(u.compareText ?? u.text);
  const planVecs: PlanVec[] = planTasks.map((u) => {
    const tf = termCounts(u.text);
    return { u, v: idf.vector(u.text), tf, len: [...tf.values()].reduce((a, x) => a + x, 0) };
  });
  rankContext = { idf, avgdl: planVecs.reduce((a, p) => a + p.len, 0) / Math.max(1, planVecs.length) };
  const items: CoverageItem[] = [];
  for (const { s, tasks, targets } of supUnits) {
    const ordered = [...tasks, ...targets].sort((a, b) => a.start - b.start);
    for (const u of ordered) {
      items.push(u.kind === 'task' ? taskItem(u, s.info, plan.info, idf, planVecs) : targetItem(u, s.info, plan.info, planTargets, plan.info.text));
    }
  }
  const summary: Record<Status, number> = { covered: 0, partial: 0, missing: 0, not_applicable: 0 };
  for (const i of items) summary[i.status]++;
  return {
    schema: 'vanban.coverage/1',
    plan: plan.info.ref ?? plan.info.key,
    against: supers.map((s) => s.info.ref ?? s.info.key),
    items,
    summary,
    plan_document: plan.info,
    against_documents: supers.map((s) => s.info),
  };
}
