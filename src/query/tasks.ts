import type { DB } from '../store/db.js';
import { fold } from '../text/fold.js';

export interface TaskRow {
  task_id: number;
  document: string | null;
  document_key: string;
  path: string | null;
  section: string | null;
  agency: string;
  agency_key: string;
  agency_as_written: string | null;
  role: 'lead' | 'support';
  requested: number;
  domain: string | null;
  level: string | null;
  task: string;
  deadline: string | null;
  deadline_text: string | null;
  recurrence: string | null;
  start: number;
  end: number;
}

export interface TaskFilter {
  agency?: string;
  documentKey?: string;
  role?: 'lead' | 'support';
  /** ISO date: tasks due on or before it (an interval counts by its end). */
  dueBefore?: string;
  limit?: number;
}

/**
 * The folded phrase a user typed, in the same form as agencies.key: "so y te" finds "Sở Y tế",
 * "UBND quận" finds "Ủy ban nhân dân quận …". Abbreviations go through the agency lexicon when it
 * knows them.
 */
export async function agencyQueryKey(name: string): Promise<string> {
  try {
    const modulePath = '../lexicon/agencies.js';
    const lex = (await import(modulePath)) as { agencyKey?: (s: string) => string };
    if (typeof lex.agencyKey === 'function') return lex.agencyKey(name);
  } catch {
    // lexicon module absent: plain folding
  }
  return fold(name);
}

/** Agencies whose key contains the query's words as a phrase (whole words). */
export function matchingAgencyIds(db: DB, key: string): number[] {
  const rows = db.prepare('SELECT id, key FROM agencies').all() as { id: number; key: string }[];
  const exact = rows.filter((r) => r.key === key);
  if (exact.length) {
    // the exact agency plus the same agency with a place added ("so y te" → "so y te ha noi")
    return rows.filter((r) => r.key === key || r.key.startsWith(`${key} `)).map((r) => r.id);
  }
  const re = new RegExp(`(?:^| )${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: |$)`);
  return rows.filter((r) => re.test(r.key)).map((r) => r.id);
}

/** Every (task, agency, role) matching the filter, with document, section id, task text and span. */
export function listTasks(db: DB, f: TaskFilter & { agencyIds?: number[] }): TaskRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.agencyIds) where.push(`ag.id IN (${f.agencyIds.length ? f.agencyIds.join(',') : 'NULL'})`);
  if (f.documentKey) {
    where.push('d.key = @doc');
    params.doc = f.documentKey;
  }
  if (f.role) {
    where.push('a.role = @role');
    params.role = f.role;
  }
  if (f.dueBefore) {
    // an interval "2026-01-01/2030-12-31" is due by its end
    where.push("t.deadline IS NOT NULL AND substr(t.deadline, -10) <= @due");
    params.due = f.dueBefore;
  }
  const sql = `
    SELECT t.id AS task_id, d.ref AS document, d.key AS document_key, d.source_path AS path, t.sid AS section,
           ag.name AS agency, ag.key AS agency_key, a.name AS agency_as_written, a.role, a.requested, ag.domain, ag.level,
           t.text AS task, t.deadline, t.deadline_text, t.recurrence, t.start, t."end"
      FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN documents d ON d.id = t.document_id JOIN agencies ag ON ag.id = a.agency_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY d.date, d.key, t.start, a.role, ag.name
     ${f.limit ? `LIMIT ${Math.floor(f.limit)}` : ''}`;
  return db.prepare(sql).all(params) as TaskRow[];
}

export interface AgencySummary {
  agency: string;
  key: string;
  domain: string | null;
  level: string | null;
  lead: number;
  support: number;
  requested: number;
  documents: number;
}

export function listAgencies(db: DB, documentKey?: string): AgencySummary[] {
  return db
    .prepare(
      `SELECT ag.name AS agency, ag.key, ag.domain, ag.level,
              sum(a.role = 'lead') AS lead, sum(a.role = 'support') AS support, sum(a.requested) AS requested,
              count(DISTINCT t.document_id) AS documents
         FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN agencies ag ON ag.id = a.agency_id JOIN documents d ON d.id = t.document_id
        ${documentKey ? 'WHERE d.key = @doc' : ''}
        GROUP BY ag.id ORDER BY lead + support DESC, ag.name`,
    )
    .all(documentKey ? { doc: documentKey } : {}) as AgencySummary[];
}

export interface Matrix {
  agencies: { key: string; name: string }[];
  rows: { section: string | null; task: string; start: number; end: number; cells: Record<string, 'lead' | 'support' | 'lead (requested)'> }[];
}

/** The agency × task table analysts build in Excel: rows = tasks, columns = agencies, cells = role. */
export function taskMatrix(db: DB, documentKey: string): Matrix {
  const rows = listTasks(db, { documentKey });
  const agencies: Matrix['agencies'] = [];
  const seenAgency = new Set<string>();
  const byTask = new Map<number, Matrix['rows'][number]>();
  for (const r of rows) {
    if (!seenAgency.has(r.agency_key)) {
      seenAgency.add(r.agency_key);
      agencies.push({ key: r.agency_key, name: r.agency_as_written ?? r.agency });
    }
    let row = byTask.get(r.task_id);
    if (!row) {
      row = { section: r.section, task: r.task, start: r.start, end: r.end, cells: {} };
      byTask.set(r.task_id, row);
    }
    const cell = r.role === 'lead' ? (r.requested ? 'lead (requested)' : 'lead') : 'support';
    // lead wins over support when a task names an agency in both roles
    if (!row.cells[r.agency_key] || row.cells[r.agency_key] === 'support') row.cells[r.agency_key] = cell;
  }
  return { agencies, rows: [...byTask.values()].sort((a, b) => a.start - b.start) };
}
