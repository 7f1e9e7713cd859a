import { existsSync } from 'node:fs';
import type { DocumentRow } from '../query/documents.js';
import { findDocuments } from '../query/documents.js';
import { DEFAULT_DB, openDb, type DB } from '../store/db.js';
import { UsageError } from './args.js';

/** Open the database for a query command, with a clear message when there is none yet. */
export function openForQuery(path: string | undefined): DB {
  const p = path ?? DEFAULT_DB;
  if (!existsSync(p)) throw new UsageError(`no database at ${p}: run \`vanban ingest\` first (or give --db FILE)`);
  return openDb(p);
}

/** The one document REF names; lists the candidates when it is ambiguous. */
export function pickDocument(db: DB, name: string): DocumentRow {
  const rows = findDocuments(db, name);
  if (!rows.length) throw new UsageError(`no document "${name}" in the database (try a reference like 27/CT-TTg, a file path, or words of its title)`);
  const real = rows.filter((r) => !r.is_stub);
  if (real.length > 1) {
    const list = real.slice(0, 8).map((r) => `  ${r.key}  ${r.issuer ?? ''} ${r.date ?? ''}  ${r.source_path ?? ''}`).join('\n');
    throw new UsageError(`"${name}" names ${real.length} documents; give the key or the file path:\n${list}`);
  }
  return real[0] ?? rows[0];
}
