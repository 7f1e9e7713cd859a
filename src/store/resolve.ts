import type { DB } from './db.js';
import { documentKey, isNationalRef, issuerKey, yearOf } from './identity.js';

export interface CitedDocument {
  ref: string;
  kind: string | null;
  issuer: string | null;
  date: string | null;
}

interface Candidate {
  id: number;
  ref: string;
  issuer_key: string | null;
  year: number | null;
  place: string | null;
}

interface CitingContext {
  issuerKey: string | null;
  place: string | null;
}

// Words of an issuer that name a level but no particular place ("UBND Thành phố", "Tỉnh ủy").
const BARE_ISSUER = /^(?:uy ban nhan dan|hoi dong nhan dan|ban thuong vu)?\s*(?:tinh|thanh pho|quan|huyen|thi xa|xa|phuong)?\s*(?:uy)?$/;

/**
 * Which ingested document a citation's words point at, if any.
 *
 * National symbols are unique by ref (and year when the citation prints a date); local symbols
 * need the issuer too ("11/CT-UBND" of Hà Nội is not that of Đắk Lắk). A local citation that
 * names its issuer without a place ("của UBND Thành phố") is read in the citing document's own
 * place. Anything uncertain stays unresolved: a wrong link is worse than a stub.
 */
export function matchCited(candidates: Candidate[], c: CitedDocument, citing: CitingContext): number | null {
  if (!candidates.length) return null;
  const year = yearOf(c.ref, c.date);
  const byYear = year ? candidates.filter((d) => d.year === null || d.year === year) : candidates;
  if (isNationalRef(c.ref)) {
    if (byYear.length === 1) return byYear[0].id;
    const exact = byYear.filter((d) => d.year === year);
    return exact.length === 1 ? exact[0].id : null;
  }
  let who = issuerKey(c.issuer);
  if (who && BARE_ISSUER.test(who) && citing.issuerKey) {
    // "UBND Thành phố" inside a Hà Nội document means the city of Hà Nội
    const place = placeOf(citing.issuerKey);
    if (place) who = `${who} ${place}`.trim();
  }
  const fits = byYear.filter((d) => {
    if (!d.issuer_key) return false;
    if (who) return d.issuer_key === who || d.issuer_key.endsWith(` ${placeOf(who) ?? '\u0000'}`) && sameHead(d.issuer_key, who);
    // no issuer printed: only a document of the citing document's own place can be meant
    const place = placeOf(citing.issuerKey ?? '');
    return !!place && d.issuer_key.endsWith(place);
  });
  return fits.length === 1 ? fits[0].id : null;
}

function placeOf(key: string): string | null {
  const m = /(?:tinh|thanh pho|quan|huyen|thi xa|xa|phuong)\s+(.+)$/.exec(key);
  return m ? m[1] : null;
}

function sameHead(a: string, b: string): boolean {
  const head = (s: string) => s.replace(/\s(?:tinh|thanh pho|quan|huyen|thi xa|xa|phuong)\s.+$/, '');
  return head(a) === head(b);
}

/** The most frequent non-empty value, ties broken by sort order (deterministic). */
function consensus(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (c > n) {
      best = v;
      n = c;
    }
  }
  return best;
}

/** Stub key for a cited document nobody has ingested: the same words give the same stub. */
export function stubKey(c: CitedDocument, citing: CitingContext): string {
  let issuer = c.issuer;
  const k = issuerKey(issuer);
  if (k && BARE_ISSUER.test(k) && citing.issuerKey) {
    const place = placeOf(citing.issuerKey);
    if (place) issuer = `${issuer} ${place}`;
  }
  return documentKey({ ref: c.ref, kind: c.kind, issuer, date: c.date, title: null });
}

/**
 * Re-link every citation to a document node from the words it keeps (cited_ref, date, issuer).
 * The result depends only on which documents are in the database, never on the order they
 * were ingested in: stubs are dropped and rebuilt, and a stub whose document has arrived
 * disappears into it.
 */
export function relinkCitations(db: DB): { citations: number; resolved: number; stubs: number } {
  return db.transaction(() => {
    const docs = db.prepare('SELECT id, ref, issuer_key, year, place FROM documents WHERE is_stub = 0 AND ref IS NOT NULL').all() as Candidate[];
    const byRef = new Map<string, Candidate[]>();
    for (const d of docs) {
      const k = d.ref.toLowerCase();
      byRef.set(k, [...(byRef.get(k) ?? []), d]);
    }
    const citing = new Map<number, CitingContext>();
    for (const r of db.prepare('SELECT id, issuer_key, place FROM documents WHERE is_stub = 0').all() as { id: number; issuer_key: string | null; place: string | null }[]) {
      citing.set(r.id, { issuerKey: r.issuer_key, place: r.place });
    }
    type Row = { id: number; doc: number; cited_ref: string; cited_kind: string | null; cited_date: string | null; cited_issuer: string | null; from_ref: string | null };
    // A national reference printed without a date names the same document as the dated mentions
    // of that reference when they all agree on one year (21-NQ/TW of 2017).
    const years = new Map<string, Set<number>>();
    const noteYear = (ref: string, y: number | null) => {
      if (y === null || !isNationalRef(ref)) return;
      const k = ref.toLowerCase();
      if (!years.has(k)) years.set(k, new Set());
      years.get(k)!.add(y);
    };
    for (const d of docs) noteYear(d.ref, d.year);
    // streamed: a province's archive holds millions of citations
    for (const r of db.prepare('SELECT cited_ref, cited_date FROM citations').iterate() as Iterable<{ cited_ref: string; cited_date: string | null }>) {
      noteYear(r.cited_ref, yearOf(r.cited_ref, r.cited_date));
    }
    const dated = (c: CitedDocument): CitedDocument => {
      if (!isNationalRef(c.ref) || yearOf(c.ref, c.date) !== null) return c;
      const ys = years.get(c.ref.toLowerCase());
      return ys && ys.size === 1 ? { ...c, date: String([...ys][0]) } : c;
    };

    db.prepare('UPDATE citations SET to_document_id = NULL').run();
    const stubs = new Map<string, number>();
    for (const s of db.prepare('SELECT id, key FROM documents WHERE is_stub = 1').all() as { id: number; key: string }[]) stubs.set(s.key, s.id);
    const usedStubs = new Set<number>();
    const described_ = new Map<number, { ref: string; kind: Map<string, number>; issuer: Map<string, number>; date: Map<string, number> }>();
    const byKeyStmt = db.prepare('SELECT id FROM documents WHERE key = ? AND is_stub = 0');
    const byKey = { get: (k: string) => byKeyStmt.get(k) };
    const insertStub = db.prepare('INSERT INTO documents (key, ref, kind, issuer, issuer_key, date, year, is_stub) VALUES (?, ?, ?, ?, ?, ?, ?, 1)');
    const node = (printed: CitedDocument, ctx: CitingContext): { id: number; real: boolean } => {
      const c = dated(printed);
      const real = matchCited(byRef.get(c.ref.toLowerCase()) ?? [], c, ctx);
      if (real !== null) return { id: real, real: true };
      const key = stubKey(c, ctx);
      let id = stubs.get(key);
      if (id === undefined) {
        // the words name a real document's key exactly (matching was ambiguous by ref alone)
        const same = byKey.get(key) as { id: number } | undefined;
        if (same) return { id: same.id, real: true };
        id = Number(insertStub.run(key, c.ref, c.kind, c.issuer, issuerKey(c.issuer), printed.date ?? null, yearOf(c.ref, c.date)).lastInsertRowid);
        stubs.set(key, id);
      }
      usedStubs.add(id);
      let seen = described_.get(id);
      if (!seen) described_.set(id, (seen = { ref: c.ref, kind: new Map(), issuer: new Map(), date: new Map() }));
      for (const f of ['kind', 'issuer', 'date'] as const) {
        const v = printed[f];
        if (v) seen[f].set(v, (seen[f].get(v) ?? 0) + 1);
      }
      return { id, real: false };
    };

    const update = db.prepare('UPDATE citations SET to_document_id = ?, from_document_id = ? WHERE id = ?');
    const ofDocument = db.prepare('SELECT id, asserted_in_document_id AS doc, cited_ref, cited_kind, cited_date, cited_issuer, from_ref FROM citations WHERE asserted_in_document_id = ? ORDER BY id');
    const assertingDocs = (db.prepare('SELECT DISTINCT asserted_in_document_id AS id FROM citations ORDER BY 1').all() as { id: number }[]).map((r) => r.id);
    let resolved = 0;
    let total = 0;
    // one document at a time: memory stays flat however many citations the database holds
    for (const docId of assertingDocs) {
      const rows = ofDocument.all(docId) as Row[];
      total += rows.length;
      // the subject of a chained clause is described by the citation of that ref in the same document
      const described = new Map<string, CitedDocument>();
      for (const r of rows) described.set(r.cited_ref, { ref: r.cited_ref, kind: r.cited_kind, issuer: r.cited_issuer, date: r.cited_date });
      const ctx = citing.get(docId) ?? { issuerKey: null, place: null };
      for (const r of rows) {
        const to = node({ ref: r.cited_ref, kind: r.cited_kind, issuer: r.cited_issuer, date: r.cited_date }, ctx);
        if (to.real) resolved++;
        let from = r.doc;
        if (r.from_ref && r.from_ref !== 'self') {
          from = node(described.get(r.from_ref) ?? { ref: r.from_ref, kind: null, issuer: null, date: null }, ctx).id;
        }
        update.run(to.id, from, r.id);
      }
    }
    // A stub shows what the citations say of it: per field the value most of them print (ties to
    // the first in sort order), so its kind, issuer and date do not depend on ingest order.
    const setStub = db.prepare('UPDATE documents SET kind = ?, issuer = ?, issuer_key = ?, date = ?, year = ? WHERE id = ? AND is_stub = 1');
    for (const [id, seen] of described_) {
      const date = consensus(seen.date);
      const issuer = consensus(seen.issuer);
      setStub.run(consensus(seen.kind), issuer, issuerKey(issuer), date, yearOf(seen.ref, date), id);
    }
    // stubs nobody points at any more (their document arrived, or the citing one was removed)
    const drop = db.prepare('DELETE FROM documents WHERE id = ? AND is_stub = 1');
    for (const id of stubs.values()) if (!usedStubs.has(id)) drop.run(id);
    return { citations: total, resolved, stubs: usedStubs.size };
  })();
}
