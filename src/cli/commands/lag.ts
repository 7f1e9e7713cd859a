import { DEFAULT_DB } from '../../store/db.js';
import { UsageError, str, type CommandSpec } from '../args.js';
import { openForQuery, pickDocument } from '../db.js';

export const lagCommand: CommandSpec = {
  name: 'lag',
  summary: 'how long each implementing document took after REF',
  usage: 'vanban lag REF [--format table|json|csv|md] [--db FILE]',
  details: `
Lists the documents that implement REF (directly), ordered by lag: the days between REF's date
and theirs. Documents with an unknown or partial date ("2024", "ngày … tháng … năm 2024") are
listed last without a lag.`,
  options: {
    format: { type: 'string', short: 'f', description: 'table (default), json, csv or md', placeholder: 'FMT' },
    db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' },
  },
  async run({ values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('lag takes one REF');
    const { render, parseFormat } = await import('../../report/table.js');
    const format = parseFormat(values.format);
    const db = openForQuery(str(values.db));
    const doc = pickDocument(db, positionals[0]);
    const { walkChain } = await import('../../query/chain.js');
    const chain = walkChain(db, doc.id, { direction: 'down', depth: 1, relations: ['implements'] });
    const rows = chain.edges
      .map((e) => ({ e, n: chain.nodes.get(e.from)! }))
      .sort((a, b) => (a.e.lagDays ?? Infinity) - (b.e.lagDays ?? Infinity) || (a.n.date ?? '').localeCompare(b.n.date ?? ''));
    const root = chain.nodes.get(doc.id)!;
    if (format === 'table') process.stdout.write(`${root.kind ?? ''} ${root.ref ?? ''}${root.date ? ` (${root.date})` : ' (date unknown)'}\n`);
    process.stdout.write(
      render(
        rows,
        [
          { header: 'Trễ (ngày)', key: 'lag_days', value: (r) => r.e.lagDays },
          { header: 'Văn bản', key: 'ref', value: (r) => `${r.n.kind ?? ''} ${r.n.ref ?? r.n.path ?? r.n.key}`.trim() },
          { header: 'Ngày', key: 'date', value: (r) => r.n.date },
          { header: 'Cơ quan', key: 'issuer', value: (r) => r.n.issuer, max: 50 },
          { header: 'Ghi chú', key: 'note', value: (r) => (r.n.stub ? 'not ingested' : r.e.assertedIn.length && !r.e.assertedIn.includes(r.n.ref ?? '') ? `per ${r.e.assertedIn.join(', ')}` : '') },
        ],
        format,
      ) + '\n',
    );
    return 0;
  },
};
