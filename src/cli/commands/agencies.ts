import { DEFAULT_DB } from '../../store/db.js';
import { str, type CommandSpec } from '../args.js';
import { openForQuery, pickDocument } from '../db.js';

export const agenciesCommand: CommandSpec = {
  name: 'agencies',
  summary: 'agencies with their task counts by role',
  usage: 'vanban agencies [--doc REF] [--format table|json|csv|md] [--db FILE]',
  details: `
Lists every agency named as owner (chủ trì) or partner (phối hợp) of a task, across all documents
or in one, with how many tasks it leads, supports and is requested to take on, its domain
("y tế", "nội vụ") and level (central, province, district, commune, mass organisation, class).
One agency is one row whatever spelling the documents use (Ủy/Uỷ, abbreviations expanded).`,
  options: {
    doc: { type: 'string', description: 'only this document (ref, key or path)', placeholder: 'REF' },
    format: { type: 'string', short: 'f', description: 'table (default), json, csv or md', placeholder: 'FMT' },
    db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' },
  },
  async run({ values }) {
    const { render, parseFormat } = await import('../../report/table.js');
    const format = parseFormat(values.format);
    const { listAgencies } = await import('../../query/tasks.js');
    const db = openForQuery(str(values.db));
    const documentKey = values.doc ? pickDocument(db, str(values.doc)!).key : undefined;
    const rows = listAgencies(db, documentKey);
    process.stdout.write(
      render(
        rows,
        [
          { header: 'Cơ quan', key: 'agency', value: (r) => r.agency, max: 60 },
          { header: 'Chủ trì', key: 'lead', value: (r) => r.lead },
          { header: 'Phối hợp', key: 'support', value: (r) => r.support },
          { header: 'Đề nghị', key: 'requested', value: (r) => r.requested },
          { header: 'Văn bản', key: 'documents', value: (r) => r.documents },
          { header: 'Lĩnh vực', key: 'domain', value: (r) => r.domain },
          { header: 'Cấp', key: 'level', value: (r) => r.level },
        ],
        format,
      ) + '\n',
    );
    return 0;
  },
};
