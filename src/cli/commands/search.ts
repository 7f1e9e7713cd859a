import { DEFAULT_DB } from '../../store/db.js';
import { UsageError, int, str, type CommandSpec } from '../args.js';
import { openForQuery, pickDocument } from '../db.js';

export const searchCommand: CommandSpec = {
  name: 'search',
  summary: 'full-text search, diacritics optional ("dan so" finds "dân số")',
  usage: 'vanban search TEXT… [--doc REF] [--limit N] [--format table|json|csv|md] [--db FILE]',
  details: `
Searches the text of every stored section. Accents, đ and spelling variants are optional:
"dan so" finds "dân số", "dieu chinh" finds "điều chỉnh", "ty le" finds "tỉ lệ". The words are
matched as a phrase, in order. Each hit names the document, the section id and the offsets of
the words in the document's normalised text (the same offsets \`vanban extract --json\` uses).

Examples:
  vanban search "mat can bang gioi tinh"
  vanban search "so y te" --doc 94/KH-UBND --format json`,
  options: {
    doc: { type: 'string', description: 'only in this document (ref, key or path)', placeholder: 'REF' },
    limit: { type: 'string', short: 'n', description: 'at most N hits (default 20)', placeholder: 'N' },
    format: { type: 'string', short: 'f', description: 'table (default), json, csv or md', placeholder: 'FMT' },
    db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' },
  },
  async run({ values, positionals }) {
    if (!positionals.length) throw new UsageError('search needs the TEXT to look for');
    const { render, parseFormat } = await import('../../report/table.js');
    const format = parseFormat(values.format);
    const { search } = await import('../../query/search.js');
    const db = openForQuery(str(values.db));
    const docKey = values.doc ? pickDocument(db, str(values.doc)!).key : undefined;
    const hits = search(db, positionals.join(' '), { limit: int(values.limit, 'limit', 1) ?? 20, documentKey: docKey });
    if (!hits.length && format === 'table') {
      process.stderr.write(`no match for "${positionals.join(' ')}"\n`);
      return 0;
    }
    process.stdout.write(
      render(
        hits,
        [
          { header: 'Văn bản', key: 'document', value: (h) => h.ref ?? h.path ?? h.key, max: 22 },
          { header: 'Mục', key: 'section', value: (h) => h.section || '(mở đầu)' },
          { header: 'Trích đoạn', key: 'snippet', value: (h) => h.snippet, max: 150 },
          ...(format === 'table' ? [] : [
            { header: 'start', key: 'start', value: (h: (typeof hits)[0]) => h.start },
            { header: 'end', key: 'end', value: (h: (typeof hits)[0]) => h.end },
            { header: 'path', key: 'path', value: (h: (typeof hits)[0]) => h.path },
          ]),
        ],
        format,
      ) + '\n',
    );
    return 0;
  },
};
