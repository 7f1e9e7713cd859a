import type { DB } from '../store/db.js';
import { fold } from '../text/fold.js';
import { existsSync } from 'node:fs';
import { displayPath } from '../store/ingest.js';
import { canonicalRef, parseRef } from '../text/refs.js';

export interface DocumentRow {
  id: number;
  key: string;
  ref: string | null;
  kind: string | null;
  symbol: string | null;
  issuer: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
  signer: string | null;
  source_path: string | null;
  format: string | null;
  pages: number | null;
  is_stub: number;
}

const COLS = 'id, key, ref, kind, symbol, issuer, place, date, title, signer, source_path, format, pages, is_stub';

/**
 * Find documents a user names: by reference ("27/CT-TTg", "21/NQ-TW" misprint, any case), by key,
 * or by the file path it was ingested from. Real documents come before stubs.
 */
export function findDocuments(db: DB, name: string): DocumentRow[] {
  const ref = canonicalRef(name.trim());
  // a file path is stored as ingest shows it (relative to the working directory when inside it)
  const path = existsSync(name) ? displayPath(name) : name;
  let rows = db.prepare(`SELECT ${COLS} FROM documents WHERE key = ? OR source_path = ? OR source_path = ? ORDER BY is_stub, id`).all(name, name, path) as DocumentRow[];
  if (!rows.length) rows = db.prepare(`SELECT ${COLS} FROM documents WHERE lower(ref) = lower(?) ORDER BY is_stub, date DESC, id`).all(ref) as DocumentRow[];
  if (!rows.length) {
    // a path given differently (./corpus/x.txt, absolute)
    rows = db.prepare(`SELECT ${COLS} FROM documents WHERE source_path LIKE ? ORDER BY is_stub, id`).all(`%${name.replace(/^\.\//, '')}%`) as DocumentRow[];
  }
  if (!rows.length && !parseRef(ref)) {
    // a title fragment, folded (never for something shaped like a reference)
    const f = fold(name);
    if (f.length >= 4) {
      rows = (db.prepare(`SELECT ${COLS} FROM documents WHERE title IS NOT NULL AND is_stub = 0`).all() as DocumentRow[]).filter((r) => fold(r.title ?? '').includes(f));
    }
  }
  return rows;
}

export function describeDocument(d: Pick<DocumentRow, 'kind' | 'ref' | 'symbol' | 'issuer' | 'date' | 'title' | 'is_stub' | 'source_path'>): string {
  const ref = d.ref ?? (d.symbol ? `(số trống)/${d.symbol}` : d.source_path ?? '(không số)');
  return `${d.kind ?? 'Văn bản'} ${ref}${d.date ? ` (${d.date})` : ''}${d.issuer ? ` — ${d.issuer}` : ''}${d.is_stub ? ' [not ingested]' : ''}`;
}
