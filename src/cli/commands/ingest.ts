import { DEFAULT_DB } from '../../store/db.js';
import { int, str, type CommandSpec } from '../args.js';
import { Progress } from '../progress.js';

export const ingestCommand: CommandSpec = {
  name: 'ingest',
  summary: 'read documents into the database',
  usage: 'vanban ingest [PATH…] [--db FILE] [--jobs N] [--prune] [--quiet]',
  details: `
Reads every document (PDF, DOCX, DOC, TXT, Markdown, HTML) under each PATH (default: corpus/)
and stores its header, sections, citations, assignments and targets in the database, one
transaction per document. Files already ingested and unchanged (same size and time, else same
sha256) are skipped; a changed file replaces its earlier rows. A file that cannot be read is
reported on one line with the reason and recorded in ingest_log; the others are still stored.
Exit code 1 when any file failed.

Examples:
  vanban ingest                          # corpus/ → out/vanban.db
  vanban ingest ~/inbox/*.pdf --db archive.db
  vanban ingest corpus --prune           # also forget documents whose files were deleted`,
  options: {
    db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' },
    jobs: { type: 'string', short: 'j', description: 'files processed in parallel (default: number of CPU cores)', placeholder: 'N' },
    prune: { type: 'boolean', description: 'remove documents whose files no longer exist under PATH' },
    password: { type: 'string', description: 'password for encrypted PDFs', placeholder: 'PW' },
    quiet: { type: 'boolean', short: 'q', description: 'print only failures and the summary' },
    json: { type: 'boolean', description: 'print the summary as JSON on stdout' },
  },
  async run({ values, positionals }) {
    const { availableParallelism } = await import('node:os');
    const jobs = int(values.jobs, 'jobs', 1) ?? availableParallelism();
    const paths = positionals.length ? positionals : ['corpus'];
    const { openDb } = await import('../../store/db.js');
    const { ingestParallel } = await import('../../store/parallel.js');
    const dbPath = str(values.db) ?? DEFAULT_DB;
    const db = openDb(dbPath);
    const progress = new Progress('ingest');
    const quiet = !!values.quiet;
    let stop = false;
    const onSignal = () => {
      stop = true;
    };
    process.once('SIGINT', onSignal);
    try {
      const summary = await ingestParallel(db, paths, {
        jobs,
        prune: !!values.prune,
        password: str(values.password),
        shouldStop: () => stop,
        onEvent(e, done, total) {
          if (e.type === 'failed') progress.line(`${e.path}: ${e.reason}`);
          else if (e.type === 'done') {
            for (const w of e.warnings) progress.line(`${e.path}: warning: ${w}`);
            if (e.duplicateOf) progress.line(`${e.path}: warning: same document as ${e.duplicateOf}; stored separately`);
            if (!quiet) progress.plain(`${e.status.padEnd(9)} ${e.path}${e.sections ? ` (${e.sections} sections)` : ''}`);
            progress.update(done, total, e.path);
          }
        },
      });
      progress.end();
      if (values.json) {
        // maxRSS covers the whole process, worker threads included (KiB)
        process.stdout.write(JSON.stringify({ db: dbPath, ...summary, jobs, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }, null, 1) + '\n');
      } else {
        const parts = [`${summary.new} new`, `${summary.replaced} replaced`, `${summary.unchanged} unchanged`, `${summary.failed} failed`];
        if (summary.pruned) parts.push(`${summary.pruned} pruned`);
        process.stderr.write(
          `${summary.files} files: ${parts.join(', ')}; ${summary.sections} sections stored in ${summary.seconds.toFixed(1)} s → ${dbPath}\n`,
        );
        if (stop) process.stderr.write('interrupted: the documents stored so far are complete; run again to continue\n');
      }
      return summary.failed || stop ? 1 : 0;
    } finally {
      db.close();
    }
  },
};
