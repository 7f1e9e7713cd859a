import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type DB = Database.Database;

export const DEFAULT_DB = 'out/vanban.db';

/**
 * Open (creating if needed) a vanban database and migrate it to the current schema.
 * WAL lets queries run while an ingest writes; foreign keys make deletes cascade.
 */
export function openDb(path = DEFAULT_DB, opts: { readonly?: boolean } = {}): DB {
  if (!opts.readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!opts.readonly) migrate(db);
  else if ((db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) {
    throw new Error(`${path} was made by an older vanban: open it once with a writing command (e.g. vanban ingest) to upgrade it`);
  }
  return db;
}

export function migrate(db: DB): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) throw new Error(`database schema version ${version} is newer than this vanban (${SCHEMA_VERSION})`);
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
