import { DEFAULT_DB } from '../../store/db.js';
import { UsageError, str, type CommandSpec } from '../args.js';
import { openForQuery, pickDocument } from '../db.js';

export const citesCommand: CommandSpec = {
  name: 'cites',
  summary: 'what a document cites, and what cites it',
  usage: 'vanban cites REF [--format table|json|csv|md] [--db FILE]',
  details: `
Lists every reference in REF (relation, cited document, its date and issuer as printed, the
section and the offsets of the words) and every document whose text cites REF.`,
  options: {
    format: { type: 'string', short: 'f', description: 'table (default), json, csv or md', placeholder: 'FMT' },
    db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' },
  },
  async run({ values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('cites takes one REF');
    const { render, parseFormat } = await import('../../report/table.js');
    const format = parseFormat(values.format);
    const db = openForQuery(str(values.db));
    const doc = pickDocument(db, positionals[0]);
    type Row = { direction: string; relation: string; ref: string | null; date: string | null; issuer: string | null; stub: number; from_ref: string | null; sid: string | null; start: number; end: number; asserted: string | null; cue: string | null };
    const rows = db
      .prepare(
        `SELECT 'cites' AS direction, c.relation, t.ref, coalesce(c.cited_date, t.date) AS date, coalesce(c.cited_issuer, t.issuer) AS issuer, t.is_stub AS stub,
                c.from_ref, c.sid, c.start, c."end", NULL AS asserted, c.cue
           FROM citations c JOIN documents t ON t.id = c.to_document_id WHERE c.asserted_in_document_id = @id
         UNION ALL
         SELECT 'cited by', c.relation, f.ref, f.date, f.issuer, f.is_stub, NULL, c.sid, c.start, c."end", coalesce(a.ref, a.source_path), c.cue
           FROM citations c JOIN documents f ON f.id = c.from_document_id JOIN documents a ON a.id = c.asserted_in_document_id
          WHERE c.to_document_id = @id AND c.from_document_id != @id
         ORDER BY 1 DESC, 2, 3`,
      )
      .all({ id: doc.id }) as Row[];
    if (!rows.length && format === 'table') {
      process.stderr.write(`${positionals[0]} cites no numbered document and nothing in the database cites it\n`);
      return 0;
    }
    process.stdout.write(
      render(
        rows,
        [
          { header: '', key: 'direction', value: (r) => r.direction },
          { header: 'Quan hệ', key: 'relation', value: (r) => r.relation },
          { header: 'Văn bản', key: 'ref', value: (r) => `${r.ref ?? '(không số)'}${r.stub ? ' *' : ''}` },
          { header: 'Ngày', key: 'date', value: (r) => r.date },
          { header: 'Cơ quan', key: 'issuer', value: (r) => r.issuer, max: 40 },
          { header: 'Chủ thể', key: 'from', value: (r) => (r.direction === 'cites' ? (r.from_ref === 'self' ? '' : r.from_ref) : r.asserted !== r.ref ? `per ${r.asserted}` : '') },
          { header: 'Mục', key: 'section', value: (r) => r.sid },
          { header: 'start', key: 'start', value: (r) => r.start },
          { header: 'end', key: 'end', value: (r) => r.end },
        ],
        format,
      ) + (format === 'table' ? '\n* not ingested (known from citations only)\n' : '\n'),
    );
    return 0;
  },
};
