import { DEFAULT_DB } from '../../store/db.js';
import { UsageError, str, type CommandSpec } from '../args.js';
import { openForQuery, pickDocument } from '../db.js';

export const matrixCommand: CommandSpec = {
  name: 'matrix',
  summary: 'the agency × task table of one document',
  usage: 'vanban matrix REF [--format table|csv|md] [--db FILE]',
  details: `
The table analysts build in Excel: one row per task (with its section id), one column per
agency, each cell saying lead (chủ trì, "C"), lead on request (đề nghị, "Đ") or support
(phối hợp, "P"). In the terminal the columns are numbered and listed under the table; CSV and
Markdown carry the full agency names as column headers.`,
  options: {
    format: { type: 'string', short: 'f', description: 'table (default), csv or md', placeholder: 'FMT' },
    db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' },
  },
  async run({ values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('matrix takes one REF');
    const format = str(values.format) ?? 'table';
    if (!['table', 'csv', 'md'].includes(format)) throw new UsageError('--format takes table, csv or md');
    const { taskMatrix } = await import('../../query/tasks.js');
    const { render } = await import('../../report/table.js');
    const db = openForQuery(str(values.db));
    const doc = pickDocument(db, positionals[0]);
    const m = taskMatrix(db, doc.key);
    if (!m.rows.length) {
      process.stderr.write(`${positionals[0]}: no assigned tasks found\n`);
      return 0;
    }
    const short = { lead: 'C', support: 'P', 'lead (requested)': 'Đ' } as const;
    const word = { lead: 'chủ trì', support: 'phối hợp', 'lead (requested)': 'chủ trì (đề nghị)' } as const;
    const cols = [
      { header: 'Mục', key: 'section', value: (r: (typeof m.rows)[0]) => r.section },
      { header: 'Nhiệm vụ', key: 'task', value: (r: (typeof m.rows)[0]) => r.task, max: format === 'table' ? 50 : undefined },
      ...m.agencies.map((a, i) => ({
        header: format === 'table' ? String(i + 1) : a.name,
        key: a.key,
        value: (r: (typeof m.rows)[0]) => (r.cells[a.key] ? (format === 'table' ? short : word)[r.cells[a.key]] : ''),
      })),
    ];
    process.stdout.write(render(m.rows, cols, format as 'table' | 'csv' | 'md') + '\n');
    if (format === 'table') {
      process.stdout.write('\nC = chủ trì (lead), Đ = chủ trì theo đề nghị (requested), P = phối hợp (support)\n');
      m.agencies.forEach((a, i) => process.stdout.write(`${String(i + 1).padStart(3)}  ${a.name}\n`));
    }
    return 0;
  },
};
