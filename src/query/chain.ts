import type { Relation } from '../models.js';
import type { DB } from '../store/db.js';

export interface ChainNode {
  id: number;
  key: string;
  ref: string | null;
  kind: string | null;
  issuer: string | null;
  date: string | null;
  title: string | null;
  path: string | null;
  stub: boolean;
}

export interface ChainEdge {
  /** The superior document (cited). */
  to: number;
  /** The document that cites it (implements, is based on, is guided by, mentions). */
  from: number;
  relation: Relation;
  depth: number;
  /** Days from the superior's date to the citing document's date (implements edges, both dates known). */
  lagDays: number | null;
  /** Documents whose text asserts this edge (the citing one itself, or a third one for a chained clause). */
  assertedIn: string[];
  /** Evidence: the span of the reference in the asserting document's text. */
  evidence: { document: string; start: number; end: number }[];
}

export interface Chain {
  root: number;
  nodes: Map<number, ChainNode>;
  edges: ChainEdge[];
}

export const STRUCTURAL: Relation[] = ['implements', 'guided_by', 'based_on'];
const STRENGTH: Record<Relation, number> = { implements: 4, guided_by: 3, based_on: 2, mentions: 1 };

/** Whole days between two ISO dates, or null unless both are full dates. */
export function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to || !/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/**
 * Walk the citation graph from one document with a recursive CTE: `down` follows the documents
 * that implement (or are based on / guided by) it, level after level; `up` follows what it
 * implements. Cycles are cut by remembering the path.
 */
export function walkChain(db: DB, rootId: number, opts: { direction: 'up' | 'down' | 'both'; depth?: number; relations?: Relation[] }): Chain {
  const relations = opts.relations ?? STRUCTURAL;
  const depth = opts.depth ?? 6;
  const rel = relations.map((r) => `'${r}'`).join(',');
  const rows: { cid: number; to_id: number; from_id: number; relation: Relation; depth: number }[] = [];
  const sql = (dir: 'up' | 'down') => {
    // down: the next node is the citing document; up: the cited one
    const [near, far] = dir === 'down' ? ['to_document_id', 'from_document_id'] : ['from_document_id', 'to_document_id'];
    return `
      WITH RECURSIVE walk(cid, near, far, relation, depth, path) AS (
        SELECT c.id, c.${near}, c.${far}, c.relation, 1, ',' || c.${near} || ',' || c.${far} || ','
          FROM citations c WHERE c.${near} = @root AND c.relation IN (${rel}) AND c.${far} IS NOT NULL AND c.${far} != @root
        UNION ALL
        SELECT c.id, c.${near}, c.${far}, c.relation, w.depth + 1, w.path || c.${far} || ','
          FROM walk w JOIN citations c ON c.${near} = w.far
          WHERE w.depth < @depth AND c.relation IN (${rel}) AND c.${far} IS NOT NULL AND instr(w.path, ',' || c.${far} || ',') = 0
      )
      SELECT cid, ${dir === 'down' ? 'near AS to_id, far AS from_id' : 'far AS to_id, near AS from_id'}, relation, min(depth) AS depth
        FROM walk GROUP BY cid`;
  };
  if (opts.direction !== 'up') rows.push(...(db.prepare(sql('down')).all({ root: rootId, depth }) as typeof rows));
  if (opts.direction !== 'down') rows.push(...(db.prepare(sql('up')).all({ root: rootId, depth }) as typeof rows).map((r) => ({ ...r, depth: -r.depth })));

  const ids = new Set<number>([rootId]);
  for (const r of rows) {
    ids.add(r.to_id);
    ids.add(r.from_id);
  }
  const nodes = new Map<number, ChainNode>();
  const getNode = db.prepare('SELECT id, key, ref, kind, issuer, date, title, source_path AS path, is_stub FROM documents WHERE id = ?');
  for (const id of ids) {
    const n = getNode.get(id) as (Omit<ChainNode, 'stub'> & { is_stub: number }) | undefined;
    if (n) nodes.set(id, { ...n, stub: !!n.is_stub });
  }
  const cite = db.prepare('SELECT c.start, c."end", d.ref, d.source_path, d.key FROM citations c JOIN documents d ON d.id = c.asserted_in_document_id WHERE c.id = ?');
  // one edge per document pair: the strongest relation, with every asserting document as evidence
  const byPair = new Map<string, ChainEdge>();
  for (const r of rows) {
    const k = `${r.to_id}>${r.from_id}`;
    const ev = cite.get(r.cid) as { start: number; end: number; ref: string | null; source_path: string | null; key: string };
    const asserted = ev.ref ?? ev.source_path ?? ev.key;
    let e = byPair.get(k);
    if (!e) {
      e = { to: r.to_id, from: r.from_id, relation: r.relation, depth: r.depth, lagDays: null, assertedIn: [], evidence: [] };
      byPair.set(k, e);
    }
    if (STRENGTH[r.relation] > STRENGTH[e.relation]) e.relation = r.relation;
    if (Math.abs(r.depth) < Math.abs(e.depth)) e.depth = r.depth;
    if (!e.assertedIn.includes(asserted)) e.assertedIn.push(asserted);
    e.evidence.push({ document: asserted, start: ev.start, end: ev.end });
  }
  const edges = [...byPair.values()];
  for (const e of edges) {
    if (e.relation === 'implements') e.lagDays = daysBetween(nodes.get(e.to)?.date ?? null, nodes.get(e.from)?.date ?? null);
  }
  return { root: rootId, nodes, edges };
}

export function nodeLabel(n: ChainNode): string {
  const ref = n.ref ?? (n.path ? n.path.replace(/^.*\//, '') : n.key);
  return `${n.kind ? `${n.kind} ` : ''}${ref}`;
}

/** The cascade as an indented tree, one line per edge: relation, document, date, issuer, lag. */
export function renderTree(chain: Chain, direction: 'up' | 'down' | 'both'): string {
  const lines: string[] = [];
  const root = chain.nodes.get(chain.root)!;
  lines.push(`${nodeLabel(root)}${root.date ? ` (${root.date})` : ''}${root.issuer ? ` — ${root.issuer}` : ''}${root.stub ? '  [not ingested]' : ''}`);
  const sections: ['down' | 'up', string][] = direction === 'both' ? [['up', '↑ implements / based on'], ['down', '↓ implemented by']] : [[direction, '']];
  for (const [dir, title] of sections) {
    if (title) lines.push(title);
    const children = (id: number) =>
      chain.edges
        .filter((e) => (dir === 'down' ? e.to === id && e.depth > 0 : e.from === id && e.depth < 0))
        .sort((a, b) => dateOf(chain, dir === 'down' ? a.from : a.to).localeCompare(dateOf(chain, dir === 'down' ? b.from : b.to)));
    const seen = new Set<number>([chain.root]);
    const visit = (id: number, prefix: string) => {
      const kids = children(id);
      kids.forEach((e, i) => {
        const last = i === kids.length - 1;
        const other = chain.nodes.get(dir === 'down' ? e.from : e.to)!;
        const rel = dir === 'down' ? e.relation : e.relation;
        const lag = e.lagDays !== null ? `, +${e.lagDays} d` : '';
        const via = e.assertedIn.every((a) => a === (dir === 'down' ? other.ref : chain.nodes.get(e.from)?.ref)) ? '' : `  (per ${e.assertedIn.join(', ')})`;
        lines.push(
          `${prefix}${last ? '└─' : '├─'} ${rel.padEnd(10)} ${nodeLabel(other)}${other.date ? ` (${other.date}${lag})` : lag ? ` (${lag.slice(2)})` : ''}${other.issuer ? ` — ${other.issuer}` : ''}${other.stub ? '  [not ingested]' : ''}${via}`,
        );
        if (!seen.has(other.id)) {
          seen.add(other.id);
          visit(other.id, `${prefix}${last ? '   ' : '│  '}`);
        }
      });
    };
    visit(chain.root, '');
  }
  return lines.join('\n');
}

function dateOf(chain: Chain, id: number): string {
  return chain.nodes.get(id)?.date ?? '9999';
}

export function renderDot(chain: Chain): string {
  const q = (s: string) => `"${s.replace(/"/g, '\\"')}"`;
  const lines = ['digraph chain {', '  rankdir=BT;', '  node [shape=box, fontname="Helvetica"];'];
  for (const n of chain.nodes.values()) {
    lines.push(`  n${n.id} [label=${q(`${nodeLabel(n)}${n.date ? `\\n${n.date}` : ''}${n.issuer ? `\\n${n.issuer}` : ''}`)}${n.stub ? ', style=dashed' : ''}${n.id === chain.root ? ', penwidth=2' : ''}];`);
  }
  for (const e of chain.edges) lines.push(`  n${e.from} -> n${e.to} [label=${q(e.relation + (e.lagDays !== null ? ` +${e.lagDays}d` : ''))}];`);
  lines.push('}');
  return lines.join('\n');
}

export function renderMermaid(chain: Chain): string {
  const esc = (s: string) => s.replace(/"/g, "'");
  const lines = ['flowchart BT'];
  for (const n of chain.nodes.values()) {
    const label = esc(`${nodeLabel(n)}${n.date ? `<br/>${n.date}` : ''}${n.stub ? '<br/>(not ingested)' : ''}`);
    lines.push(`  n${n.id}${n.stub ? `(["${label}"])` : `["${label}"]`}`);
  }
  for (const e of chain.edges) lines.push(`  n${e.from} -->|${e.relation}${e.lagDays !== null ? ` +${e.lagDays}d` : ''}| n${e.to}`);
  return lines.join('\n');
}

export function chainJson(chain: Chain): unknown {
  return {
    root: chain.nodes.get(chain.root)?.key,
    nodes: [...chain.nodes.values()].map((n) => ({ key: n.key, ref: n.ref, kind: n.kind, issuer: n.issuer, date: n.date, title: n.title, path: n.path, stub: n.stub })),
    edges: chain.edges.map((e) => ({
      from: chain.nodes.get(e.from)?.key,
      to: chain.nodes.get(e.to)?.key,
      relation: e.relation,
      depth: e.depth,
      lag_days: e.lagDays,
      asserted_in: e.assertedIn,
      evidence: e.evidence,
    })),
  };
}
