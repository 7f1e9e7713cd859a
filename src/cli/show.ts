import type { Extraction } from '../models.js';

/** A short human view of one extraction: header, outline, fact counts. */
export function printSummary(x: Extraction, out: (s: string) => void = (s) => process.stdout.write(s + '\n')): void {
  const d = x.document;
  out(`${d.kind ?? 'Văn bản'} ${d.ref ?? (d.symbol ? `(số trống)/${d.symbol}` : '(không số)')}${d.date ? ` — ${d.date}` : ''}`);
  if (d.issuer) out(`  Cơ quan ban hành: ${d.issuer}`);
  if (d.place) out(`  Nơi ban hành:     ${d.place}`);
  if (d.title) out(`  Trích yếu:        ${d.title}`);
  if (d.signer) out(`  Người ký:         ${d.signer}`);
  out(`  ${x.source.format.toUpperCase()}${x.source.pages ? `, ${x.source.pages} pages` : ''}, ${x.sections.length} sections, ${x.citations.length} citations, ${x.assignments.length} assignments, ${x.targets.length} targets`);
  if (x.sections.length) {
    out('');
    for (const s of x.sections) out(`${'  '.repeat(s.level)}${s.id.padEnd(12)} ${s.heading.slice(0, 90)}`);
  }
}
