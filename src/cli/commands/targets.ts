import { DEFAULT_DB } from '../../store/db.js';
import { UsageError, int, str, type CommandSpec } from '../args.js';
import { openForQuery, pickDocument } from '../db.js';

const SIGN: Record<string, string> = { '=': '=', '<': '<', '<=': '≤', '>': '>', '>=': '≥', '~': '≈', reduce_by: 'giảm', increase_by: 'tăng', range: '' };

function show(t: { comparator: string; value: number; value_max: number | null; unit: string | null; year: number | null }): string {
  const v = (n: number) => String(n).replace('.', ',');
  const value = t.comparator === 'range' ? `${v(t.value)}–${v(t.value_max ?? t.value)}` : `${SIGN[t.comparator] ?? t.comparator} ${v(t.value)}`;
  return `${value}${t.unit ? ` ${t.unit}` : ''}${t.year ? ` (${t.year})` : ''}`.trim();
}

export const targetsCommand: CommandSpec = {
  name: 'targets',
  summary: 'numeric targets, and whether implementing documents restate them',
  usage: 'vanban targets [--doc REF] [--indicator TEXT] [--year N] | --compare REF [--against REF…] [--format table|json|csv|md] [--db FILE]',
  details: `
Without --compare: lists targets (indicator, comparator, value, unit, year, section, the words
printed) across documents or in one; --indicator matches words of the indicator without
diacritics ("ty so gioi tinh" finds "Tỉ số giới tính khi sinh").

With --compare REF: for each target of REF, the same indicator in every document that
implements REF (down the citation graph), or in the documents named by --against, with a
verdict per pair — stricter, equal, weaker, later year, not restated — and both texts side by
side. Weaker restatements are listed first: they are what an analyst must act on.

Examples:
  vanban targets --doc 57-NQ/TW
  vanban targets --indicator "kinh te so" --year 2030
  vanban targets --compare 57-NQ/TW
  vanban targets --compare 57-NQ/TW --against 310/KH-UBND`,
  options: {
    doc: { type: 'string', description: 'only this document (ref, key or path)', placeholder: 'REF' },
    indicator: { type: 'string', short: 'i', description: 'indicator words, diacritics optional', placeholder: 'TEXT' },
    year: { type: 'string', description: 'target year', placeholder: 'N' },
    compare: { type: 'string', short: 'c', description: 'compare the targets of REF with documents implementing it', placeholder: 'REF' },
    all: { type: 'boolean', description: 'with --compare: also list the targets a document does not restate' },
    against: { type: 'string', multiple: true, description: 'with --compare: these documents instead of the citation graph (repeatable)', placeholder: 'REF' },
    format: { type: 'string', short: 'f', description: 'table (default), json, csv or md', placeholder: 'FMT' },
    db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' },
  },
  async run({ values, positionals }) {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (use --doc REF or --compare REF)`);
    const { render, parseFormat } = await import('../../report/table.js');
    const format = parseFormat(values.format);
    const db = openForQuery(str(values.db));
    const q = await import('../../query/targets.js');
    const compare = str(values.compare);
    if (!compare) {
      if (values.against) throw new UsageError('--against goes with --compare');
      const doc = values.doc ? pickDocument(db, str(values.doc)!) : undefined;
      const rows = q.listTargets(db, { documentKey: doc?.key, indicator: str(values.indicator), year: int(values.year, 'year', 1900) });
      if (!rows.length && format === 'table') {
        process.stderr.write('no target matches\n');
        return 0;
      }
      process.stdout.write(
        render(
          rows,
          [
            { header: 'Văn bản', key: 'document', value: (r) => r.document ?? r.path ?? r.document_key, max: 22 },
            { header: 'Mục', key: 'section', value: (r) => r.section },
            { header: 'Chỉ tiêu', key: 'indicator', value: (r) => r.indicator, max: format === 'table' ? 70 : undefined },
            { header: 'Mức', key: 'target', value: (r) => show(r) },
            ...(format === 'table'
              ? []
              : [
                  { header: 'comparator', key: 'comparator', value: (r: (typeof rows)[0]) => r.comparator },
                  { header: 'value', key: 'value', value: (r: (typeof rows)[0]) => r.value },
                  { header: 'value_max', key: 'value_max', value: (r: (typeof rows)[0]) => r.value_max },
                  { header: 'unit', key: 'unit', value: (r: (typeof rows)[0]) => r.unit },
                  { header: 'year', key: 'year', value: (r: (typeof rows)[0]) => r.year },
                  { header: 'text', key: 'text', value: (r: (typeof rows)[0]) => r.text },
                  { header: 'start', key: 'start', value: (r: (typeof rows)[0]) => r.start },
                  { header: 'end', key: 'end', value: (r: (typeof rows)[0]) => r.end },
                ]),
          ],
          format,
        ) + '\n',
      );
      return 0;
    }
    const sup = pickDocument(db, compare);
    const against = (values.against as string[] | undefined)?.map((r) => pickDocument(db, r).id);
    const { pairs, plans } = q.compareTargetsOf(db, sup.id, against);
    if (format === 'table') {
      if (!plans.length) {
        process.stderr.write(`no ingested document implements ${compare}; name plans with --against REF\n`);
        return 0;
      }
      const n = pairs.length / Math.max(1, plans.length);
      process.stdout.write(`${sup.kind ?? ''} ${sup.ref ?? sup.key}: ${n} targets, ${plans.length} implementing documents\n\n`);
      const verdicts = ['weaker', 'later year', 'equal', 'stricter', 'incomparable', 'not restated'] as const;
      const perPlan = plans.map((d) => {
        const mine = pairs.filter((p) => p.planDocument.key === d.key);
        return { d, counts: Object.fromEntries(verdicts.map((v) => [v, mine.filter((p) => p.verdict === v).length])) as Record<string, number> };
      });
      process.stdout.write(
        render(
          perPlan.sort((a, b) => b.counts.weaker - a.counts.weaker || a.counts['not restated'] - b.counts['not restated']),
          [
            { header: 'Văn bản thực hiện', key: 'plan', value: (r) => `${r.d.ref ?? r.d.path ?? r.d.key}`, max: 24 },
            { header: 'Cơ quan', key: 'issuer', value: (r) => r.d.issuer, max: 40 },
            ...verdicts.map((v) => ({ header: v === 'weaker' ? 'WEAKER' : v, key: v, value: (r: { counts: Record<string, number> }) => r.counts[v] })),
          ],
          'table',
        ) + '\n\n',
      );
    }
    const shown = format === 'table' && !values.all ? pairs.filter((p) => p.verdict !== 'not restated') : pairs;
    process.stdout.write(
      render(
        shown,
        [
          { header: 'Kết luận', key: 'verdict', value: (p) => (p.verdict === 'weaker' ? 'WEAKER' : p.verdict) },
          { header: 'Văn bản thực hiện', key: 'plan_document', value: (p) => p.planDocument.ref ?? p.planDocument.path ?? p.planDocument.key, max: 20 },
          { header: 'Mục', key: 'superior_section', value: (p) => p.superior.section },
          { header: 'Chỉ tiêu cấp trên', key: 'superior_text', value: (p) => `${p.superior.text} [${show(p.superior)}]`, max: format === 'table' ? 60 : undefined },
          { header: 'Mục KH', key: 'plan_section', value: (p) => p.plan?.section ?? '' },
          { header: 'Văn bản thực hiện ghi', key: 'plan_text', value: (p) => (p.plan ? `${p.plan.text} [${show(p.plan)}]` : '—'), max: format === 'table' ? 60 : undefined },
          ...(format === 'table'
            ? []
            : [
                { header: 'superior_start', key: 'superior_start', value: (p: (typeof pairs)[0]) => p.superior.start },
                { header: 'superior_end', key: 'superior_end', value: (p: (typeof pairs)[0]) => p.superior.end },
                { header: 'plan_start', key: 'plan_start', value: (p: (typeof pairs)[0]) => p.plan?.start },
                { header: 'plan_end', key: 'plan_end', value: (p: (typeof pairs)[0]) => p.plan?.end },
              ]),
        ],
        format,
      ) + '\n',
    );
    if (shown.length < pairs.length) process.stdout.write(`(${pairs.length - shown.length} pairs not restated; --all lists them)\n`);
    return 0;
  },
};
