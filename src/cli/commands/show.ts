import { DEFAULT_DB } from '../../store/db.js';
import { UsageError, str, type CommandSpec } from '../args.js';
import { openForQuery, pickDocument } from '../db.js';

export const showCommand: CommandSpec = {
  name: 'show',
  summary: 'header and outline of one stored document',
  usage: 'vanban show REF [--json] [--text] [--db FILE]',
  details: `
REF is a reference ("94/KH-UBND", "21-NQ/TW"), a document key, a file path as ingested, or
words of the title. Prints the header (kind, number, issuer, place, date, title, signer,
recipients), the outline of sections with their ids, and what the document cites and what
cites it. --text prints the stored normalised text (the text all offsets point into).`,
  options: {
    json: { type: 'boolean', description: 'print as JSON' },
    text: { type: 'boolean', description: 'print the normalised text' },
    db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' },
  },
  async run({ values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('show takes one REF');
    const db = openForQuery(str(values.db));
    const doc = pickDocument(db, positionals[0]);
    const full = db.prepare('SELECT * FROM documents WHERE id = ?').get(doc.id) as Record<string, unknown>;
    if (values.text) {
      process.stdout.write(String(full.text ?? '') + '\n');
      return 0;
    }
    const sections = db.prepare('SELECT sid, label, level, heading, start, "end" FROM sections WHERE document_id = ? AND sid != \'\' ORDER BY ord').all(doc.id) as {
      sid: string;
      level: number;
      heading: string;
      start: number;
      end: number;
    }[];
    const cites = db.prepare(`SELECT relation, to_ref, to_is_stub, to_date, to_issuer FROM v_chain WHERE from_key = ? ORDER BY relation, to_ref`).all(doc.key) as {
      relation: string;
      to_ref: string;
      to_is_stub: number;
      to_date: string | null;
      to_issuer: string | null;
    }[];
    const citedBy = db.prepare(`SELECT relation, from_ref, from_date, from_issuer FROM v_chain WHERE to_key = ? ORDER BY relation, from_ref`).all(doc.key) as {
      relation: string;
      from_ref: string;
      from_date: string | null;
      from_issuer: string | null;
    }[];
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM tasks WHERE document_id = @id) AS tasks, (SELECT count(*) FROM assignments a JOIN tasks t ON t.id = a.task_id WHERE t.document_id = @id) AS assignments, (SELECT count(*) FROM targets WHERE document_id = @id) AS targets`,
      )
      .get({ id: doc.id }) as { tasks: number; assignments: number; targets: number };
    if (values.json) {
      const { text: _t, ...rest } = full;
      process.stdout.write(JSON.stringify({ document: rest, sections, cites, citedBy, counts }, null, 1) + '\n');
      return 0;
    }
    const out = (s: string) => process.stdout.write(s + '\n');
    out(`${full.kind ?? 'Văn bản'} ${full.ref ?? (full.symbol ? `(số trống)/${full.symbol}` : '(không số)')}${full.is_stub ? '   [cited, not ingested]' : ''}`);
    const field = (label: string, v: unknown) => v && out(`  ${label.padEnd(18)}${String(v)}`);
    field('Cơ quan ban hành:', full.issuer);
    field('Nơi, ngày:', [full.place, full.date].filter(Boolean).join(', '));
    field('Trích yếu:', full.title);
    field('Người ký:', full.signer);
    const rec = JSON.parse(String(full.recipients ?? '[]')) as string[];
    if (rec.length) field('Kính gửi:', rec.join('; '));
    field('Tệp:', full.source_path ? `${full.source_path} (${full.format}${full.pages ? `, ${full.pages} pages` : ''})` : null);
    field('Khóa:', full.key);
    out(`  ${sections.length} sections, ${counts.tasks} tasks, ${counts.assignments} assignments, ${counts.targets} targets`);
    if (sections.length) {
      out('');
      out('Outline:');
      for (const s of sections) out(`  ${'  '.repeat(Math.max(0, s.level - 1))}${s.sid}  ${s.heading.slice(0, 100)}`);
    }
    if (cites.length) {
      out('');
      out('Cites:');
      for (const c of cites) out(`  ${c.relation.padEnd(11)}${c.to_ref}${c.to_date ? ` (${c.to_date})` : ''}${c.to_issuer ? ` — ${c.to_issuer}` : ''}${c.to_is_stub ? ' [not ingested]' : ''}`);
    }
    if (citedBy.length) {
      out('');
      out('Cited by:');
      for (const c of citedBy) out(`  ${c.relation.padEnd(11)}${c.from_ref ?? '(không số)'}${c.from_date ? ` (${c.from_date})` : ''}${c.from_issuer ? ` — ${c.from_issuer}` : ''}`);
    }
    return 0;
  },
};
