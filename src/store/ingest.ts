import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fillFromManifest, type ManifestEntry } from '../parse/sidecar.js';
import pLimit from 'p-limit';
import { InputError } from '../models.js';
import { toStoreRecord, type StoreRecord } from './record.js';
import type { DB } from './db.js';
import { relinkCitations } from './resolve.js';
import { writeDocument, type FileInfo } from './writer.js';

export const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.docx', '.doc', '.txt', '.md', '.markdown', '.html', '.htm']);

export type IngestEvent =
  | { type: 'start'; path: string }
  | { type: 'done'; path: string; status: 'new' | 'replaced' | 'unchanged'; sections: number; warnings: string[]; duplicateOf?: string }
  | { type: 'failed'; path: string; reason: string };

export interface IngestSummary {
  files: number;
  new: number;
  replaced: number;
  unchanged: number;
  failed: number;
  pruned: number;
  sections: number;
  seconds: number;
  failures: { path: string; reason: string }[];
}

export interface IngestOptions {
  jobs?: number;
  prune?: boolean;
  password?: string;
  onEvent?: (e: IngestEvent, done: number, total: number | null) => void;
  /** Process one file (read → normalize → parse → extract). Swappable for worker threads. */
  process?: (path: string) => Promise<StoreRecord>;
  /** Checked before each new file: true stops scheduling (files in flight still finish). */
  shouldStop?: () => boolean;
  /** Known number of files, for the progress bar. */
  total?: number | null;
}

/** Count the files listDocuments would yield, without holding them. */
export async function countDocuments(paths: string[]): Promise<number> {
  let n = 0;
  for await (const _ of listDocuments(paths)) n++;
  return n;
}

const manifests = new Map<string, Promise<Map<string, ManifestEntry>>>();

/** The record of a file in a manifest.json beside it (the corpus keeps one), if any. */
async function manifestEntry(path: string): Promise<ManifestEntry | undefined> {
  const dir = dirname(resolve(path));
  if (!manifests.has(dir)) {
    manifests.set(
      dir,
      readFile(join(dir, 'manifest.json'), 'utf8')
        .then((t) => {
          const list = JSON.parse(t) as ManifestEntry[];
          return new Map(Array.isArray(list) ? list.filter((e) => e && typeof e.file === 'string').map((e) => [e.file, e]) : []);
        })
        .catch(() => new Map()),
    );
  }
  return (await manifests.get(dir)!).get(basename(path));
}

/** Display path: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const abs = resolve(p);
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : abs;
}

/**
 * The files to ingest under the given paths, sorted, one at a time (a province's archive is
 * never held in memory as a list of documents). Directories are walked recursively; hidden
 * entries and files that are not documents (manifest.json, images) are skipped there, while a
 * file named explicitly is always tried.
 */
export async function* listDocuments(paths: string[]): AsyncGenerator<string> {
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      yield p; // reported as a failure by the reader ("no such file")
      continue;
    }
    if (st.isDirectory()) yield* walk(p);
    else yield p;
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && DOCUMENT_EXTENSIONS.has(extname(e.name).toLowerCase()) && !/\.expected\.txt$/.test(e.name)) yield p;
  }
}

/**
 * Ingest files into the database. Unchanged files (same size and mtime, else same sha256) are
 * skipped; each other file is processed and stored in its own transaction, so a failure or a
 * kill leaves every other document whole. Failures are one-line reasons in the summary and in
 * ingest_log; the batch goes on.
 */
export async function ingest(db: DB, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const summary: IngestSummary = { files: 0, new: 0, replaced: 0, unchanged: 0, failed: 0, pruned: 0, sections: 0, seconds: 0, failures: [] };
  const limit = pLimit(Math.max(1, opts.jobs ?? 1));
  const processFile = opts.process ?? (async (path: string) => toStoreRecord(await (await import('../pipeline.js')).processFile(path, { password: opts.password })));
  const known = db.prepare('SELECT size, mtime_ms, sha256 FROM files WHERE path = ?');
  const touch = db.prepare('UPDATE files SET mtime_ms = ? WHERE path = ?');
  const logFailure = db.prepare("INSERT INTO ingest_log (path, sha256, status, error, at) VALUES (?, NULL, 'failed', ?, ?)");
  const seen = new Set<string>();
  let done = 0;
  const pending: Promise<void>[] = [];
  const report = (e: IngestEvent) => opts.onEvent?.(e, done, opts.total ?? null);

  const handle = async (path: string): Promise<void> => {
    const shown = displayPath(path);
    report({ type: 'start', path: shown });
    try {
      const st = await stat(path).catch(() => null);
      if (st) {
        const prev = known.get(shown) as { size: number; mtime_ms: number; sha256: string } | undefined;
        if (prev && prev.size === st.size && prev.mtime_ms === Math.round(st.mtimeMs)) {
          summary.unchanged++;
          done++;
          report({ type: 'done', path: shown, status: 'unchanged', sections: 0, warnings: [] });
          return;
        }
        if (prev && prev.size === st.size) {
          const { sha256File } = await import('./hash.js');
          if ((await sha256File(path)) === prev.sha256) {
            touch.run(Math.round(st.mtimeMs), shown);
            summary.unchanged++;
            done++;
            report({ type: 'done', path: shown, status: 'unchanged', sections: 0, warnings: [] });
            return;
          }
        }
      }
      const processed = await processFile(path);
      const entry = await manifestEntry(path);
      if (entry) {
        const filled = fillFromManifest(processed.extraction.document, entry);
        if (filled.length) processed.extraction.warnings.push(`${filled.join(', ')} taken from manifest.json (not printed in the text)`);
      }
      const file: FileInfo = { path: shown, size: processed.size, mtimeMs: st?.mtimeMs ?? 0 };
      const res = writeDocument(db, processed, file);
      summary[res.status]++;
      summary.sections += processed.sections.length;
      done++;
      report({ type: 'done', path: shown, status: res.status, sections: processed.sections.length, warnings: processed.extraction.warnings, duplicateOf: res.duplicateOf });
    } catch (e) {
      const message = (e as Error).message?.split('\n')[0] ?? String(e);
      const reason = e instanceof InputError ? e.reason : message.startsWith('internal error') ? message : `internal error: ${message}`;
      summary.failed++;
      summary.failures.push({ path: shown, reason });
      logFailure.run(shown, reason, new Date().toISOString());
      done++;
      report({ type: 'failed', path: shown, reason });
    }
  };

  for await (const path of listDocuments(paths)) {
    if (opts.shouldStop?.()) break;
    summary.files++;
    seen.add(displayPath(path));
    pending.push(limit(() => handle(path)));
    // keep the queue short: memory stays flat however many files there are
    if (pending.length >= 64) await Promise.all(pending.splice(0, 32));
  }
  await Promise.all(pending);
  if (opts.prune && !opts.shouldStop?.()) summary.pruned = prune(db, paths, seen);
  // citations point at nodes decided for the whole database, so only a change needs a relink
  // (an interrupted run leaves its citations unlinked: the next run links them)
  if (summary.new || summary.replaced || summary.pruned || db.prepare('SELECT 1 FROM citations WHERE to_document_id IS NULL LIMIT 1').get()) {
    relinkCitations(db);
  }
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}

/** Remove documents whose files, under the ingested folders, are gone. */
export function prune(db: DB, paths: string[], seen: Set<string>): number {
  const roots = paths.map((p) => displayPath(p));
  const rows = db.prepare('SELECT path, document_id FROM files').all() as { path: string; document_id: number | null }[];
  let n = 0;
  db.transaction(() => {
    for (const r of rows) {
      if (seen.has(r.path)) continue;
      if (!roots.some((root) => r.path === root || r.path.startsWith(root.endsWith('/') ? root : `${root}/`))) continue;
      if (r.document_id !== null) {
        db.prepare('DELETE FROM sections_fts WHERE rowid IN (SELECT id FROM sections WHERE document_id = ?)').run(r.document_id);
        db.prepare('DELETE FROM documents WHERE id = ?').run(r.document_id);
      }
      db.prepare('DELETE FROM files WHERE path = ?').run(r.path);
      db.prepare("INSERT INTO ingest_log (path, sha256, status, error, at) VALUES (?, NULL, 'pruned', NULL, ?)").run(r.path, new Date().toISOString());
      n++;
    }
  })();
  return n;
}
