import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../models.js';
import type { StoreRecord } from './record.js';
import type { DB } from './db.js';
import { countDocuments, ingest, type IngestOptions, type IngestSummary } from './ingest.js';

interface Job {
  resolve: (p: StoreRecord) => void;
  reject: (e: Error) => void;
}

/**
 * Worker threads for the CPU-bound part (read → normalize → parse → extract). The main thread
 * stays the only writer of the database. Each worker handles one file at a time.
 */
export class WorkerPool {
  private readonly workers: { w: Worker; busy: Job | null; id: number }[] = [];
  private readonly queue: { path: string; job: Job }[] = [];

  constructor(size: number, password?: string) {
    const file = fileURLToPath(new URL('./worker.js', import.meta.url));
    for (let i = 0; i < size; i++) {
      // a bounded heap: the lexicon caches are capped, the rest is per-document garbage, and a
      // province's archive must not make the workers grow without end
      const w = new Worker(file, { workerData: { password }, resourceLimits: { maxOldGenerationSizeMb: 256 } });
      const slot = { w, busy: null as Job | null, id: i };
      w.on('message', (m: { ok: true; processed: StoreRecord } | { ok: false; path: string; reason: string; input: boolean }) => {
        const job = slot.busy!;
        slot.busy = null;
        if (m.ok) job.resolve(m.processed);
        else job.reject(m.input ? new InputError(m.path, m.reason) : new Error(m.reason));
        this.next(slot);
      });
      w.on('error', (e) => {
        slot.busy?.reject(e);
        slot.busy = null;
      });
      this.workers.push(slot);
    }
  }

  static available(): boolean {
    return existsSync(fileURLToPath(new URL('./worker.js', import.meta.url)));
  }

  run(path: string): Promise<StoreRecord> {
    return new Promise((resolve, reject) => {
      this.queue.push({ path, job: { resolve, reject } });
      const idle = this.workers.find((s) => !s.busy);
      if (idle) this.next(idle);
    });
  }

  private next(slot: { w: Worker; busy: Job | null }): void {
    const item = this.queue.shift();
    if (!item) return;
    slot.busy = item.job;
    slot.w.postMessage(item.path);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((s) => s.w.terminate()));
  }
}

/** ingest() with `jobs` worker threads (in-process when jobs is 1 or when running from source). */
export async function ingestParallel(db: DB, paths: string[], opts: IngestOptions & { jobs: number }): Promise<IngestSummary> {
  const total = opts.total ?? (await countDocuments(paths));
  if (opts.jobs <= 1 || !WorkerPool.available()) return ingest(db, paths, { ...opts, total });
  const pool = new WorkerPool(opts.jobs, opts.password);
  try {
    // two files in flight per worker keep every worker busy while the main thread writes
    return await ingest(db, paths, { ...opts, total, jobs: opts.jobs * 2, process: (p) => pool.run(p) });
  } finally {
    await pool.close();
  }
}
