import { createHash } from 'node:crypto';
import type { Assignment, Citation } from '../models.js';
import type { StoreRecord } from './record.js';
import { fold, ftsText } from '../text/fold.js';
import type { Statement } from 'better-sqlite3';
import type { DB } from './db.js';
import { documentKey, issuerKey, yearOf } from './identity.js';

// Statements are compiled once per database: preparing them for every document cost more than
// running them.
const statements = new WeakMap<DB, Map<string, Statement>>();
function stmt(db: DB, sql: string): Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}

export interface FileInfo {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface WriteResult {
  documentId: number;
  status: 'new' | 'replaced';
  key: string;
  duplicateOf?: string;
}

/**
 * store: one processed document → rows, in ONE transaction (all or nothing).
 *
 * A file ingested before is replaced in place (same documents.id, so citations pointing at it
 * survive); a stub created by an earlier citation becomes the real document.
 */
export function writeDocument(db: DB, p: StoreRecord, file: FileInfo): WriteResult {
  return db.transaction(() => writeInTransaction(db, p, file))();
}

function writeInTransaction(db: DB, p: StoreRecord, file: FileInfo): WriteResult {
  const x = p.extraction;
  const d = x.document;
  let key = documentKey({ ref: d.ref, kind: d.kind, issuer: d.issuer, date: d.date, title: d.title, sha256: x.source.sha256 });
  const bySource = stmt(db, 'SELECT id, key FROM documents WHERE source_path = ?').get(file.path) as { id: number; key: string } | undefined;
  const byKey = stmt(db, 'SELECT id, source_path, is_stub FROM documents WHERE key = ?').get(key) as { id: number; source_path: string | null; is_stub: number } | undefined;
  let duplicateOf: string | undefined;
  if (byKey && !byKey.is_stub && byKey.source_path && byKey.source_path !== file.path) {
    // Two files of one document (a .txt and its .pdf): both are kept, the second under its own key.
    duplicateOf = byKey.source_path;
    key = `${key}!${createHash('sha1').update(file.path).digest('hex').slice(0, 8)}`;
  }
  let id: number;
  let status: WriteResult['status'] = 'new';
  const fields = {
    key,
    ref: d.ref,
    kind: d.kind,
    symbol: d.symbol,
    issuer: d.issuer,
    issuer_key: issuerKey(d.issuer),
    place: d.place,
    date: d.date,
    year: yearOf(d.ref, d.date),
    title: d.title,
    signer: d.signer,
    recipients: JSON.stringify(d.recipients),
    copy_to: JSON.stringify(d.copyTo),
    source_path: file.path,
    sha256: x.source.sha256,
    format: x.source.format,
    pages: x.source.pages,
    size: x.source.size,
    text: p.text,
    warnings: x.warnings.length ? JSON.stringify(x.warnings) : null,
    ingested_at: new Date().toISOString(),
  };
  const target = bySource ?? (byKey && (byKey.is_stub || byKey.source_path === file.path) ? byKey : undefined);
  if (target) {
    id = target.id;
    if (bySource) status = 'replaced';
    clearChildren(db, id);
    if (bySource && byKey && byKey.id !== bySource.id && byKey.is_stub) mergeStub(db, byKey.id, id);
    stmt(db, 
      `UPDATE documents SET key=@key, ref=@ref, kind=@kind, symbol=@symbol, issuer=@issuer, issuer_key=@issuer_key, place=@place, date=@date, year=@year,
       title=@title, signer=@signer, recipients=@recipients, copy_to=@copy_to, source_path=@source_path, sha256=@sha256, format=@format,
       pages=@pages, size=@size, text=@text, warnings=@warnings, ingested_at=@ingested_at, is_stub=0 WHERE id=@id`,
    ).run({ ...fields, id });
  } else {
    id = Number(
      db
        .prepare(
          `INSERT INTO documents (key, ref, kind, symbol, issuer, issuer_key, place, date, year, title, signer, recipients, copy_to, source_path, sha256, format, pages, size, text, warnings, ingested_at, is_stub)
           VALUES (@key, @ref, @kind, @symbol, @issuer, @issuer_key, @place, @date, @year, @title, @signer, @recipients, @copy_to, @source_path, @sha256, @format, @pages, @size, @text, @warnings, @ingested_at, 0)`,
        )
        .run(fields).lastInsertRowid,
    );
  }

  const sectionIds = writeSections(db, id, p);
  writeTasks(db, id, x.assignments, sectionIds);
  writeTargets(db, id, x.targets, sectionIds);
  writeCitations(db, id, x.citations);
  stmt(db, 'INSERT INTO files (path, size, mtime_ms, sha256, document_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime_ms=excluded.mtime_ms, sha256=excluded.sha256, document_id=excluded.document_id').run(
    file.path,
    file.size,
    Math.round(file.mtimeMs),
    x.source.sha256,
    id,
  );
  stmt(db, 'INSERT INTO ingest_log (path, sha256, status, error, at) VALUES (?, ?, ?, NULL, ?)').run(file.path, x.source.sha256, status, fields.ingested_at);
  return { documentId: id, status, key, duplicateOf };
}

/** Remove everything a document asserted (its sections, tasks, targets, citations), keeping the row. */
export function clearChildren(db: DB, id: number): void {
  stmt(db, 'DELETE FROM sections_fts WHERE rowid IN (SELECT id FROM sections WHERE document_id = ?)').run(id);
  stmt(db, 'DELETE FROM citations WHERE asserted_in_document_id = ?').run(id);
  stmt(db, 'DELETE FROM tasks WHERE document_id = ?').run(id);
  stmt(db, 'DELETE FROM targets WHERE document_id = ?').run(id);
  stmt(db, 'DELETE FROM sections WHERE document_id = ?').run(id);
}

/** A stub that turned out to be this document: move its incoming edges here and drop it. */
export function mergeStub(db: DB, stubId: number, realId: number): void {
  stmt(db, 'UPDATE citations SET to_document_id = ? WHERE to_document_id = ?').run(realId, stubId);
  stmt(db, 'UPDATE citations SET from_document_id = ? WHERE from_document_id = ?').run(realId, stubId);
  stmt(db, 'DELETE FROM documents WHERE id = ? AND is_stub = 1').run(stubId);
}

function writeSections(db: DB, documentId: number, p: StoreRecord): Map<string, number> {
  const text = p.text;
  const sections = p.sections;
  const ids: number[] = [];
  const bySid = new Map<string, number>();
  const insert = stmt(db, 
    'INSERT INTO sections (document_id, sid, label, level, heading, parent_id, part, ord, start, "end", text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const fts = stmt(db, 'INSERT INTO sections_fts (rowid, folded) VALUES (?, ?)');
  // the text outside every section: header, preamble, closing (so search finds "Căn cứ …" too)
  const tops = sections.filter((s) => s.parent < 0);
  const outside = tops.length ? `${text.slice(0, tops[0].start)}\n${text.slice(Math.max(...tops.map((s) => s.end)))}`.trim() : text;
  const rootId = Number(insert.run(documentId, '', null, 0, p.extraction.document.title, null, 0, 0, 0, text.length, outside).lastInsertRowid);
  fts.run(rootId, ftsText(outside));
  bySid.set('', rootId);
  sections.forEach((s, i) => {
    // the section's own text (each character is indexed once)
    const ownEnd = Math.max(s.start, Math.min(s.firstChildStart ?? s.end, s.end));
    const own = text.slice(s.start, ownEnd).trim();
    const parent = s.parent >= 0 ? ids[s.parent] ?? null : null;
    const sid = Number(insert.run(documentId, s.id, s.label, s.level, s.heading, parent, s.part, i + 1, s.start, s.end, own).lastInsertRowid);
    ids.push(sid);
    if (!bySid.has(s.id)) bySid.set(s.id, sid);
    fts.run(sid, ftsText(own));
  });
  return bySid;
}

function agencyId(db: DB, a: Assignment): number {
  const key = a.agencyKey ?? fold(a.agency);
  const row = stmt(db, 'SELECT id FROM agencies WHERE key = ?').get(key) as { id: number } | undefined;
  if (row) return row.id;
  return Number(
    db
      .prepare('INSERT INTO agencies (name, key, head, domain, level) VALUES (?, ?, ?, ?, ?)')
      .run(a.agency, key, (a as Assignment & { head?: string }).head ?? null, a.domain ?? null, a.level ?? null).lastInsertRowid,
  );
}

function writeTasks(db: DB, documentId: number, assignments: Assignment[], sections: Map<string, number>): void {
  const tasks = new Map<string, number>();
  const insertTask = stmt(db, 
    'INSERT INTO tasks (document_id, section_id, sid, text, deadline, deadline_text, recurrence, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAssignment = stmt(db, 
    'INSERT INTO assignments (task_id, agency_id, role, requested, name, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const seen = new Set<string>();
  for (const a of assignments) {
    const k = `${a.section ?? ''}|${a.start}|${a.end}`;
    let taskId = tasks.get(k);
    if (taskId === undefined) {
      taskId = Number(
        insertTask.run(documentId, sections.get(a.section ?? '') ?? null, a.section, a.task, a.deadline?.value ?? null, a.deadline?.text ?? null, a.deadline?.recurrence ?? null, a.start, a.end)
          .lastInsertRowid,
      );
      tasks.set(k, taskId);
    }
    const agency = agencyId(db, a);
    // one role per agency per task, however often the task names it
    if (seen.has(`${taskId}|${agency}|${a.role}`)) continue;
    seen.add(`${taskId}|${agency}|${a.role}`);
    insertAssignment.run(taskId, agency, a.role, a.requested ? 1 : 0, a.agency, a.agencyStart ?? null, a.agencyEnd ?? null);
  }
}

function writeTargets(db: DB, documentId: number, targets: StoreRecord['extraction']['targets'], sections: Map<string, number>): void {
  const insert = stmt(db, 
    'INSERT INTO targets (document_id, section_id, sid, indicator, indicator_key, comparator, value, value_max, unit, year, text, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const t of targets) {
    insert.run(documentId, sections.get(t.section ?? '') ?? null, t.section, t.indicator, t.indicator_key ?? fold(t.indicator), t.comparator, t.value, t.value_max ?? null, t.unit, t.year, t.text, t.start, t.end);
  }
}

/**
 * Citations are stored with the words that identify the cited document; which node they point at
 * is decided afterwards for the whole database at once (store/resolve.ts relinkCitations), so the
 * graph does not depend on the order documents arrive in.
 */
function writeCitations(db: DB, documentId: number, citations: Citation[]): void {
  const insert = stmt(db, 
    `INSERT INTO citations (from_document_id, to_document_id, relation, asserted_in_document_id, cited_ref, cited_kind, cited_date, cited_issuer, from_ref, cue, sid, start, "end")
     VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of citations) {
    insert.run(documentId, c.relation, documentId, c.ref, c.kind, c.date, c.issuer, c.from, c.cue ?? null, c.section ?? null, c.start, c.end);
  }
}
