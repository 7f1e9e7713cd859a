import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_DB } from '../../store/db.js';
import { UsageError, str, type CommandSpec } from '../args.js';
import { openForQuery } from '../db.js';

export const calendarCommand: CommandSpec = {
  name: 'calendar',
  summary: "export an agency's task deadlines as an .ics calendar",
  usage: 'vanban calendar --agency NAME [--out FILE] [--db FILE]',
  details: `
Writes one all-day event per task of the agency that has a deadline (the end of a period such
as "giai đoạn 2026–2030" or "quý III/2025"), repeating for recurring tasks ("định kỳ 6 tháng",
"hằng năm"). Tasks with no date ("thường xuyên") are counted but not put in the calendar.
Default file: out/calendar-<agency>.ics; "--out -" writes to stdout.`,
  options: {
    agency: { type: 'string', short: 'a', description: 'the agency (diacritics optional)', placeholder: 'NAME' },
    out: { type: 'string', short: 'o', description: 'output file, or - for stdout', placeholder: 'FILE' },
    db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' },
  },
  async run({ values }) {
    const agency = str(values.agency);
    if (!agency) throw new UsageError('calendar needs --agency NAME');
    const { listTasks, agencyQueryKey, matchingAgencyIds } = await import('../../query/tasks.js');
    const { toIcs } = await import('../../report/ics.js');
    const db = openForQuery(str(values.db));
    const key = await agencyQueryKey(agency);
    const ids = matchingAgencyIds(db, key);
    if (!ids.length) throw new UsageError(`no agency matches "${agency}" (see \`vanban agencies\`)`);
    const rows = listTasks(db, { agencyIds: ids });
    const dated = rows.filter((r) => r.deadline && /\d{4}-\d{2}-\d{2}$/.test(r.deadline));
    const events = dated.map((r) => ({
      uid: `${r.task_id}-${r.agency_key.replace(/\s+/g, '-')}-${r.role}@vanban`,
      due: r.deadline!.slice(-10),
      summary: `${r.role === 'lead' ? '[Chủ trì]' : '[Phối hợp]'} ${r.task.slice(0, 120)}`,
      description: `${r.agency_as_written ?? r.agency} — ${r.role === 'lead' ? 'chủ trì' : 'phối hợp'}\n${r.document ?? r.path ?? ''} mục ${r.section ?? '-'}\nHạn: ${r.deadline_text ?? r.deadline}\n\n${r.task}`,
      recurrence: r.recurrence,
    }));
    const ics = toIcs(`Hạn nhiệm vụ — ${agency}`, events);
    const out = str(values.out) ?? `out/calendar-${key.replace(/\s+/g, '-')}.ics`;
    if (out === '-') process.stdout.write(ics);
    else {
      mkdirSync(dirname(out) || '.', { recursive: true });
      writeFileSync(out, ics);
      process.stderr.write(`${events.length} deadlines written to ${out} (${rows.length - dated.length} of ${rows.length} tasks have no date)\n`);
    }
    return 0;
  },
};
