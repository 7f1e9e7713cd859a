import { compareTargets, type Verdict } from '../extract/targets/compare.js';
import type { Comparator, Target } from '../models.js';
import type { DB } from '../store/db.js';
import { fold } from '../text/fold.js';
import { walkChain } from './chain.js';

export interface TargetRow {
  id: number;
  document: string | null;
  document_key: string;
  path: string | null;
  issuer: string | null;
  section: string | null;
  indicator: string;
  indicator_key: string;
  comparator: Comparator;
  value: number;
  value_max: number | null;
  unit: string | null;
  year: number | null;
  text: string;
  start: number;
  end: number;
}

const COLS = `t.id, d.ref AS document, d.key AS document_key, d.source_path AS path, d.issuer, t.sid AS section, t.indicator, t.indicator_key,
  t.comparator, t.value, t.value_max, t.unit, t.year, t.text, t.start, t."end"`;

export function listTargets(db: DB, f: { documentKey?: string; documentId?: number; indicator?: string; year?: number; limit?: number }): TargetRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.documentKey) {
    where.push('d.key = @doc');
    params.doc = f.documentKey;
  }
  if (f.documentId !== undefined) {
    where.push('d.id = @id');
    params.id = f.documentId;
  }
  if (f.year !== undefined) {
    where.push('t.year = @year');
    params.year = f.year;
  }
  let rows = db
    .prepare(`SELECT ${COLS} FROM targets t JOIN documents d ON d.id = t.document_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.date, d.key, t.start`)
    .all(params) as TargetRow[];
  if (f.indicator) {
    // words of the indicator in any order, diacritics optional ("ty so gioi tinh" finds "Tỉ số giới tính khi sinh")
    const words = fold(f.indicator).split(' ').filter(Boolean);
    rows = rows.filter((r) => {
      const k = ` ${r.indicator_key} ${fold(r.indicator)} `;
      return words.every((w) => k.includes(` ${w} `) || k.includes(` ${w}`));
    });
  }
  return f.limit ? rows.slice(0, f.limit) : rows;
}

function tokens(key: string): string[] {
  return key.split(' ').filter((w) => w.length > 1 || /\d/.test(w));
}

/**
 * Do two indicator keys name the same indicator? Equal keys (folding + synonyms) do; otherwise the
 * shorter must be almost wholly inside the longer ("Tỷ lệ dân số đô thị" ~ "Tỷ lệ dân số đô thị
 * toàn tỉnh"). Never a loose similarity: "tỷ lệ hộ nghèo" is not "tỷ lệ hộ cận nghèo".
 */
export function sameIndicator(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const ta = tokens(a);
  const tb = tokens(b);
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length < 3) return 0;
  const longSet = new Set(long);
  const inside = short.filter((w) => longSet.has(w)).length / short.length;
  // word order matters for Vietnamese compounds: the shorter must appear as a contiguous run
  const contiguous = ` ${long.join(' ')} `.includes(` ${short.join(' ')} `);
  if (contiguous && inside === 1) return 0.9;
  return inside >= 0.85 && short.length >= 4 ? 0.75 : 0;
}

export type CompareVerdict = Verdict | 'not restated';

export interface ComparePair {
  superior: TargetRow;
  plan: TargetRow | null;
  planDocument: { key: string; ref: string | null; path: string | null; issuer: string | null };
  verdict: CompareVerdict;
  match: number;
}

const RANK: Record<CompareVerdict, number> = { weaker: 0, 'later year': 1, incomparable: 2, 'not restated': 3, equal: 4, stricter: 5 };

function asTarget(r: TargetRow): Target {
  return { ...r, value_max: r.value_max ?? undefined, start: r.start, end: r.end } as Target;
}

/**
 * For each target of the superior document, the same indicator in each document that implements it
 * (down the citation graph, or the documents given), with a verdict per pair: stricter, equal,
 * weaker, later year, incomparable, or not restated. Weaker pairs come first.
 */
export function compareTargetsOf(db: DB, superiorId: number, againstIds?: number[]): { pairs: ComparePair[]; plans: ComparePair['planDocument'][] } {
  const superior = listTargets(db, { documentId: superiorId });
  let planIds = againstIds;
  if (!planIds) {
    const chain = walkChain(db, superiorId, { direction: 'down', depth: 6, relations: ['implements', 'guided_by', 'based_on'] });
    planIds = [...new Set(chain.edges.map((e) => e.from))].filter((id) => id !== superiorId && !chain.nodes.get(id)?.stub);
  }
  const plans: ComparePair['planDocument'][] = [];
  const pairs: ComparePair[] = [];
  for (const pid of planIds) {
    const doc = db.prepare('SELECT key, ref, source_path AS path, issuer FROM documents WHERE id = ?').get(pid) as ComparePair['planDocument'] | undefined;
    if (!doc) continue;
    plans.push(doc);
    const planTargets = listTargets(db, { documentId: pid });
    for (const s of superior) {
      let best: TargetRow | null = null;
      let bestScore = 0;
      let bestVerdict: CompareVerdict = 'not restated';
      for (const p of planTargets) {
        const m = sameIndicator(s.indicator_key, p.indicator_key);
        if (!m) continue;
        const v = compareTargets(asTarget(s), asTarget(p));
        if (v === 'incomparable' && best) continue;
        // the closest indicator wins; among equals, the plan's most demanding restatement
        if (m > bestScore || (m === bestScore && RANK[v] > RANK[bestVerdict])) {
          best = p;
          bestScore = m;
          bestVerdict = v;
        }
      }
      pairs.push({ superior: s, plan: best, planDocument: doc, verdict: best ? bestVerdict : 'not restated', match: bestScore });
    }
  }
  pairs.sort((a, b) => RANK[a.verdict] - RANK[b.verdict] || a.superior.start - b.superior.start);
  return { pairs, plans };
}
