import { copyFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../src/pipeline.js';
import { search } from '../src/query/search.js';
import { openDb, type DB } from '../src/store/db.js';
import { ingest } from '../src/store/ingest.js';
import { SCHEMA_VERSION } from '../src/store/schema.js';
import { toStoreRecord } from '../src/store/record.js';
import { writeDocument } from '../src/store/writer.js';

const tmp = mkdtempSync(join(tmpdir(), 'vanban-store-'));
const docs = join(tmp, 'docs');
const FILES = ['kh-long-bien-2024-thuc-hien-ct11.txt', 'kh-ha-nam-2018-thuc-hien-nq137.txt', 'cv-hai-phong-2024-trien-khai-ct27.txt', 'qd-2610-qd-ubnd-can-tho-2025.txt'];

/** Everything a user can see in the database, without ids and timestamps. */
function dump(db: DB): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).all());
  return [
    q('SELECT key, ref, kind, issuer, date, title, signer, source_path, sha256, is_stub FROM documents ORDER BY key'),
    q('SELECT d.key, s.sid, s.heading, s.start, s."end", s.text FROM sections s JOIN documents d ON d.id = s.document_id ORDER BY d.key, s.ord'),
    q('SELECT path, size, sha256 FROM files ORDER BY path'),
    q("SELECT count(*) FROM sections_fts WHERE sections_fts MATCH 'dan'"),
  ].join('\n');
}

beforeAll(() => {
  mkdirSync(docs);
  for (const f of FILES) copyFileSync(join('corpus', f), join(docs, f));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('database', () => {
  it('migrates a new database to the current schema version, with WAL', () => {
    const db = openDb(join(tmp, 'v.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('a second ingest of unchanged files reports them unchanged and changes nothing', async () => {
    const db = openDb(join(tmp, 'twice.db'));
    const first = await ingest(db, [docs]);
    expect(first).toMatchObject({ files: 4, new: 4, unchanged: 0, failed: 0 });
    const before = dump(db);
    const log = db.prepare('SELECT count(*) n FROM ingest_log').get();
    const second = await ingest(db, [docs]);
    expect(second).toMatchObject({ files: 4, new: 0, unchanged: 4, failed: 0 });
    expect(dump(db)).toBe(before);
    expect(db.prepare('SELECT count(*) n FROM ingest_log').get()).toEqual(log);
    // touched but identical: still unchanged (sha256 decides)
    const f = join(docs, FILES[0]);
    utimesSync(f, new Date(), new Date(Date.now() + 5000));
    expect(await ingest(db, [docs])).toMatchObject({ unchanged: 4 });
    expect(dump(db)).toBe(before);
    db.close();
  });

  it('a changed file replaces its rows and keeps its document id', async () => {
    const db = openDb(join(tmp, 'change.db'));
    await ingest(db, [docs]);
    const f = join(docs, 'cv-hai-phong-2024-trien-khai-ct27.txt');
    const id = (db.prepare('SELECT document_id FROM files WHERE path LIKE ?').get('%cv-hai-phong%') as { document_id: number }).document_id;
    const text = (await import('node:fs')).readFileSync(f, 'utf8');
    writeFileSync(f, text.replace('5. Đề nghị', '5. Đề nghị bổ sung\n\n6. Đề nghị'));
    const r = await ingest(db, [docs]);
    expect(r).toMatchObject({ replaced: 1, unchanged: 3 });
    const sids = db.prepare("SELECT sid FROM sections WHERE document_id = ? AND sid != '' ORDER BY ord").all(id).map((x) => (x as { sid: string }).sid);
    expect(sids).toEqual(['1', '2', '3', '4', '5', '6']);
    writeFileSync(f, text);
    db.close();
  });

  it('a document that fails while being written leaves nothing behind', async () => {
    const db = openDb(join(tmp, 'atomic.db'));
    const p = await processFile(join(docs, FILES[0]));
    // an assignment with an impossible role makes the insert fail half way through
    p.extraction.assignments = [{ agency: 'Sở Y tế', role: 'boss' as 'lead', section: 'III.2', task: 'x', requested: false, deadline: null, start: 0, end: 1 }];
    expect(() => writeDocument(db, toStoreRecord(p), { path: 'x.txt', size: 1, mtimeMs: 1 })).toThrow(/CHECK constraint/);
    for (const t of ['documents', 'sections', 'tasks', 'assignments', 'files', 'ingest_log']) {
      expect(db.prepare(`SELECT count(*) n FROM ${t}`).get(), t).toEqual({ n: 0 });
    }
    db.close();
  });

  it('records a failure in ingest_log and stores the other files', async () => {
    const db = openDb(join(tmp, 'fail.db'));
    const bad = join(tmp, 'broken.pdf');
    writeFileSync(bad, '%PDF-1.4 garbage');
    const r = await ingest(db, [docs, bad]);
    expect(r).toMatchObject({ new: 4, failed: 1 });
    expect(r.failures[0].reason).toMatch(/damaged PDF/);
    expect(db.prepare("SELECT status, error FROM ingest_log WHERE status = 'failed'").get()).toMatchObject({ status: 'failed', error: expect.stringMatching(/damaged PDF/) });
    db.close();
  });

  it('--prune forgets documents whose files are gone', async () => {
    const dir = join(tmp, 'prune');
    mkdirSync(dir);
    for (const f of FILES.slice(0, 2)) copyFileSync(join('corpus', f), join(dir, f));
    const db = openDb(join(tmp, 'prune.db'));
    await ingest(db, [dir]);
    unlinkSync(join(dir, FILES[1]));
    const r = await ingest(db, [dir], { prune: true });
    expect(r.pruned).toBe(1);
    expect(db.prepare('SELECT count(*) n FROM documents WHERE is_stub = 0').get()).toEqual({ n: 1 });
    db.close();
  });

  it('search folds diacritics, đ and spelling variants', async () => {
    const db = openDb(join(tmp, 'search.db'));
    await ingest(db, [docs]);
    const first = (q: string) => search(db, q, { limit: 50 });
    expect(first('dan so').length).toBeGreaterThan(5);
    expect(first('dan so')[0].snippet).toMatch(/«dân số»/i);
    expect(first('dieu chinh').some((h) => /«điều chỉnh»/i.test(h.snippet))).toBe(true);
    expect(first('so y te').some((h) => /«Sở Y tế»/.test(h.snippet))).toBe(true);
    expect(first('ty so gioi tinh khi sinh').some((h) => /«Tỉ số giới tính khi sinh»/i.test(h.snippet))).toBe(true);
    expect(first('uy ban nhan dan').length).toBeGreaterThan(0);
    // the offsets point at the words in the stored text
    const hit = first('mat can bang gioi tinh')[0];
    const text = (db.prepare('SELECT text FROM documents WHERE key = ?').get(hit.key) as { text: string }).text;
    expect(text.slice(hit.start, hit.end).toLowerCase()).toBe('mất cân bằng giới tính');
    db.close();
  });
});
