import type { DB } from './db.js';
import { documentKey, isNationalRef } from './identity.js';

export interface CitedDocument {
  ref: string;
  kind: string | null;
  issuer: string | null;
  date: string | null;
}

/**
 * The node a citation points at: an ingested document when one matches, else a stub (created
 * here) that becomes the real node when the document is ingested later.
 */
export function resolveCitedDocument(db: DB, c: CitedDocument, _citing: { ref: string | null; issuer: string | null; date: string | null }): number {
  const key = documentKey({ ref: c.ref, kind: c.kind, issuer: c.issuer, date: c.date, title: null });
  const exact = db.prepare('SELECT id FROM documents WHERE key = ?').get(key) as { id: number } | undefined;
  if (exact) return exact.id;
  if (isNationalRef(c.ref)) {
    const same = db.prepare('SELECT id FROM documents WHERE ref = ?').all(c.ref) as { id: number }[];
    if (same.length === 1) return same[0].id;
  }
  return Number(
    db.prepare('INSERT INTO documents (key, ref, kind, issuer, date, is_stub) VALUES (?, ?, ?, ?, ?, 1)').run(key, c.ref, c.kind, c.issuer, c.date).lastInsertRowid,
  );
}
