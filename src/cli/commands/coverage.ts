import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DB, openDb, type DB } from '../../store/db.js';
import { UsageError, str, type CommandSpec } from '../args.js';
import { pickDocument } from '../db.js';

export const coverageCommand: CommandSpec = {
  name: 'coverage',
  summary: 'does a plan carry down every task and target of the directive it implements',
  usage: 'vanban coverage PLAN [--against REF…] [--format table|json|md|html] [--json] [--out FILE] [--db FILE]\n       vanban coverage --all REF [--db FILE]',
  details: `
For each task and target of the superior document(s), says whether PLAN carries it down:
covered (a plan item does the same work with an owner named in the plan, or sets the same
target at least as demanding), partial (only in part, without an owner, or a weaker / later
target), missing, or not_applicable (addressed only to bodies outside the plan issuer's
remit, e.g. ministries when the plan is a province's). Each item lists the best plan items with
a score and their spans, and a one-line reason. By default PLAN is checked against every
document it implements (its own citations).

PLAN and each REF may be a stored document (reference, key, path) or a file: files are ingested
first, into --db when given, else into a temporary database.

--format html writes out/coverage-<plan>.html: the two documents side by side, each superior
item coloured by status, with the plan's matching text and links to the spans in both.

--all REF: every ingested plan that implements REF, one row each with covered / partial /
missing counts and the lag in days.

Examples:
  vanban coverage corpus/nq-03-nq-cp-2025.txt --against corpus/nq-57-nq-tw-2024.txt
  vanban coverage 310/KH-UBND --against 57-NQ/TW --format html
  vanban coverage --all 57-NQ/TW`,
  options: {
    against: { type: 'string', short: 'a', multiple: true, description: 'superior document(s) (repeatable); default: what PLAN implements', placeholder: 'REF' },
    all: { type: 'string', description: 'every ingested plan implementing REF, with counts', placeholder: 'REF' },
    format: { type: 'string', short: 'f', description: 'table (default), json, md or html', placeholder: 'FMT' },
    json: { type: 'boolean', description: 'same as --format json' },
    rank: { type: 'string', description: 'similarity: tfidf (default, TF-IDF cosine) or bm25 (as FTS5 bm25())', placeholder: 'HOW' },
    out: { type: 'string', short: 'o', description: 'output file for md/html (default out/coverage-<plan>.<ext>)', placeholder: 'FILE' },
    db: { type: 'string', description: `database file (default ${DEFAULT_DB}; a temporary one when only files are given)`, placeholder: 'FILE' },
  },
  async run({ values, positionals }) {
    const format = values.json ? 'json' : (str(values.format) ?? 'table');
    if (!['table', 'json', 'md', 'html'].includes(format)) throw new UsageError('--format takes table, json, md or html');
    const all = str(values.all);
    if (all && positionals.length) throw new UsageError('--all REF takes no PLAN');
    if (!all && positionals.length !== 1) throw new UsageError('coverage takes one PLAN');
    const against = (values.against as string[] | undefined) ?? [];
    const names = all ? [all] : [positionals[0], ...against];
    const files = names.filter((n) => existsSync(n));
    let dbPath = str(values.db);
    let tmp: string | null = null;
    if (!dbPath) {
      if (files.length === names.length && !all) {
        tmp = mkdtempSync(join(tmpdir(), 'vanban-coverage-'));
        dbPath = join(tmp, 'coverage.db');
      } else dbPath = DEFAULT_DB;
    }
    if (!tmp && !existsSync(dbPath) && !files.length) throw new UsageError(`no database at ${dbPath}: run \`vanban ingest\` first (or give --db FILE)`);
    const db = openDb(dbPath);
    try {
      if (files.length) {
        const { ingest } = await import('../../store/ingest.js');
        const r = await ingest(db, files, {});
        if (r.failed) {
          for (const f of r.failures) process.stderr.write(`${f.path}: ${f.reason}\n`);
          return 1;
        }
      }
      if (all) return await allPlans(db, all, format);
      const plan = pickDocument(db, positionals[0]);
      const { coverageOf, implementedBy, THRESHOLDS } = await import('../../coverage/index.js');
      const rank = str(values.rank);
      if (rank && rank !== 'tfidf' && rank !== 'bm25') throw new UsageError('--rank takes tfidf or bm25');
      if (rank) THRESHOLDS.rank = rank as 'tfidf' | 'bm25';
      const supIds = against.length ? against.map((r) => pickDocument(db, r).id) : implementedBy(db, plan.id);
      if (!supIds.length) throw new UsageError(`${positionals[0]} implements no ingested document: name the superior with --against REF`);
      const report = coverageOf(db, plan.id, supIds);
      const { renderCoverage } = await import('../../report/coverage.js');
      const out = renderCoverage(report, format as 'table' | 'json' | 'md' | 'html');
      if (format === 'html' || (format === 'md' && values.out)) {
        const slug = (report.plan || 'plan').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
        const file = str(values.out) ?? `out/coverage-${slug}.${format}`;
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, out);
        process.stderr.write(`written ${file}\n`);
        process.stdout.write(`${file}\n`);
      } else process.stdout.write(out + '\n');
      return 0;
    } finally {
      db.close();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    }
  },
};

async function allPlans(db: DB, ref: string, format: string): Promise<number> {
  const sup = pickDocument(db, ref);
  const { walkChain } = await import('../../query/chain.js');
  const { coverageOf } = await import('../../coverage/index.js');
  const chain = walkChain(db, sup.id, { direction: 'down', depth: 1, relations: ['implements', 'guided_by', 'based_on'] });
  const rows = chain.edges
    .filter((e) => !chain.nodes.get(e.from)?.stub)
    .map((e) => {
      const n = chain.nodes.get(e.from)!;
      const r = coverageOf(db, n.id, [sup.id]);
      return { n, e, s: r.summary, total: r.items.length };
    })
    .sort((a, b) => b.s.covered / Math.max(1, b.total) - a.s.covered / Math.max(1, a.total));
  const { render } = await import('../../report/table.js');
  if (format === 'table') process.stdout.write(`${sup.kind ?? ''} ${sup.ref ?? sup.key}: ${rows.length} implementing documents in the database\n\n`);
  process.stdout.write(
    render(
      rows,
      [
        { header: 'Văn bản', key: 'plan', value: (r) => `${r.n.kind ?? ''} ${r.n.ref ?? r.n.path ?? r.n.key}`.trim(), max: 34 },
        { header: 'Cơ quan', key: 'issuer', value: (r) => r.n.issuer, max: 36 },
        { header: 'Quan hệ', key: 'relation', value: (r) => r.e.relation },
        { header: 'Trễ (ngày)', key: 'lag_days', value: (r) => r.e.lagDays },
        { header: 'covered', key: 'covered', value: (r) => r.s.covered },
        { header: 'partial', key: 'partial', value: (r) => r.s.partial },
        { header: 'missing', key: 'missing', value: (r) => r.s.missing },
        { header: 'n/a', key: 'not_applicable', value: (r) => r.s.not_applicable },
      ],
      format === 'json' ? 'json' : format === 'md' ? 'md' : 'table',
    ) + '\n',
  );
  return 0;
}
