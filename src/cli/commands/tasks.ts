import { DEFAULT_DB } from '../../store/db.js';
import { UsageError, int, str, type CommandSpec } from '../args.js';
import { openForQuery, pickDocument } from '../db.js';

export const tasksCommand: CommandSpec = {
  name: 'tasks',
  summary: 'who owns which task, with deadlines, across all documents',
  usage: 'vanban tasks [--agency NAME] [--doc REF] [--role lead|support] [--due-before DATE] [--format table|json|csv|md] [--db FILE]',
  details: `
Lists tasks with the agency that leads or supports each one. NAME is matched without
diacritics and with abbreviations expanded: "so y te" finds "Sở Y tế", "ubnd cac phuong" finds
"Ủy ban nhân dân các phường". Every row names the document, the section id and the offsets of
the task text (json/csv), so the words can be shown as evidence.

Examples:
  vanban tasks --agency "so y te"
  vanban tasks --doc 94/KH-UBND --role lead --format csv > tasks.csv
  vanban tasks --agency "so noi vu" --due-before 2026-06-30`,
  options: {
    agency: { type: 'string', short: 'a', description: 'only this agency (diacritics optional)', placeholder: 'NAME' },
    doc: { type: 'string', description: 'only this document (ref, key or path)', placeholder: 'REF' },
    role: { type: 'string', description: 'lead or support', placeholder: 'ROLE' },
    'due-before': { type: 'string', description: 'deadline on or before DATE (YYYY-MM-DD)', placeholder: 'DATE' },
    limit: { type: 'string', short: 'n', description: 'at most N rows', placeholder: 'N' },
    format: { type: 'string', short: 'f', description: 'table (default), json, csv or md', placeholder: 'FMT' },
    db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' },
  },
  async run({ values }) {
    const role = str(values.role);
    if (role && role !== 'lead' && role !== 'support') throw new UsageError('--role takes lead or support');
    const due = str(values['due-before']);
    if (due && !/^\d{4}-\d{2}-\d{2}$/.test(due)) throw new UsageError('--due-before takes a date YYYY-MM-DD');
    const { render, parseFormat } = await import('../../report/table.js');
    const format = parseFormat(values.format);
    const { listTasks, agencyQueryKey, matchingAgencyIds } = await import('../../query/tasks.js');
    const db = openForQuery(str(values.db));
    const documentKey = values.doc ? pickDocument(db, str(values.doc)!).key : undefined;
    let agencyIds: number[] | undefined;
    const agency = str(values.agency);
    if (agency) {
      agencyIds = matchingAgencyIds(db, await agencyQueryKey(agency));
      if (!agencyIds.length) {
        process.stderr.write(`no agency matches "${agency}" (see \`vanban agencies\`)\n`);
        return 0;
      }
    }
    const rows = listTasks(db, { agencyIds, documentKey, role: role as 'lead' | 'support' | undefined, dueBefore: due, limit: int(values.limit, 'limit', 1) });
    if (!rows.length && format === 'table') {
      process.stderr.write('no task matches\n');
      return 0;
    }
    const evidence = format !== 'table';
    process.stdout.write(
      render(
        rows,
        [
          { header: 'Văn bản', key: 'document', value: (r) => r.document ?? r.path ?? r.document_key, max: 24 },
          { header: 'Mục', key: 'section', value: (r) => r.section },
          { header: 'Cơ quan', key: 'agency', value: (r) => r.agency_as_written ?? r.agency, max: 34 },
          { header: 'Vai trò', key: 'role', value: (r) => `${r.role === 'lead' ? 'chủ trì' : 'phối hợp'}${r.requested ? ' (đề nghị)' : ''}` },
          { header: 'Hạn', key: 'deadline', value: (r) => r.deadline_text ?? r.deadline, max: 22 },
          { header: 'Nhiệm vụ', key: 'task', value: (r) => r.task, max: evidence ? undefined : 90 },
          ...(evidence
            ? [
                { header: 'deadline_iso', key: 'deadline_iso', value: (r: (typeof rows)[0]) => r.deadline },
                { header: 'recurrence', key: 'recurrence', value: (r: (typeof rows)[0]) => r.recurrence },
                { header: 'path', key: 'path', value: (r: (typeof rows)[0]) => r.path },
                { header: 'start', key: 'start', value: (r: (typeof rows)[0]) => r.start },
                { header: 'end', key: 'end', value: (r: (typeof rows)[0]) => r.end },
              ]
            : []),
        ],
        format,
      ) + '\n',
    );
    return 0;
  },
};
