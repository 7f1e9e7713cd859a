import type { CoverageReport } from '../coverage/index.js';
import { render } from './table.js';

/** Coverage as a terminal table, JSON (coverage.md), Markdown or a self-contained HTML page. */
export function renderCoverage(r: CoverageReport, format: 'table' | 'json' | 'md' | 'html'): string {
  if (format === 'json') {
    const { plan_document: _p, against_documents: _a, ...rest } = r;
    return JSON.stringify(rest, null, 1);
  }
  if (format === 'html') return html(r);
  const head = `${r.plan} against ${r.against.join(', ')}: ${r.summary.covered} covered, ${r.summary.partial} partial, ${r.summary.missing} missing, ${r.summary.not_applicable} not applicable`;
  const table = render(
    r.items,
    [
      { header: 'Mục', key: 'section', value: (i) => i.section },
      { header: 'Loại', key: 'kind', value: (i) => (i.kind === 'task' ? 'nhiệm vụ' : 'chỉ tiêu') },
      { header: 'Trạng thái', key: 'status', value: (i) => i.status },
      { header: 'Nội dung cấp trên', key: 'text', value: (i) => i.text, max: format === 'table' ? 60 : undefined },
      { header: 'Khớp trong kế hoạch', key: 'match', value: (i) => i.matches.map((m) => `${m.section ?? 'PL'} (${m.score})`).join(', '), max: format === 'table' ? 24 : undefined },
      { header: 'Lý do', key: 'reason', value: (i) => i.reason, max: format === 'table' ? 90 : undefined },
    ],
    format === 'md' ? 'md' : 'table',
  );
  return format === 'md' ? `# Coverage\n\n${head}\n\n${table}\n` : `${head}\n\n${table}`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const COLOURS: Record<string, string> = { covered: '#2e7d32', partial: '#ef8f00', missing: '#c62828', not_applicable: '#78909c' };

/**
 * One self-contained page (no network): a summary bar, then each superior item with its status
 * colour beside the plan text that matches it; the full texts of both documents follow with
 * every evidence span marked, and each item links to its spans in both.
 */
function html(r: CoverageReport): string {
  const total = r.items.length || 1;
  const bar = (['covered', 'partial', 'missing', 'not_applicable'] as const)
    .filter((s) => r.summary[s])
    .map((s) => `<div class="seg" style="width:${(100 * r.summary[s]) / total}%;background:${COLOURS[s]}" title="${s}: ${r.summary[s]}">${s.replace('_', ' ')} ${r.summary[s]}</div>`)
    .join('');
  const planSpans: { start: number; end: number; id: string }[] = [];
  const supSpans = new Map<string, { start: number; end: number; id: string; status: string }[]>();
  const rows = r.items
    .map((item, i) => {
      const id = `i${i}`;
      const list = supSpans.get(item.against) ?? [];
      list.push({ start: item.start, end: item.end, id: `s-${id}`, status: item.status });
      supSpans.set(item.against, list);
      const matches = item.matches
        .map((m, k) => {
          planSpans.push({ start: m.start, end: m.end, id: `p-${id}-${k}` });
          return `<div class="match"><a href="#p-${id}-${k}">${esc(m.section ?? 'phụ lục')}</a> <span class="score">${m.score}</span>${m.owners.length ? ` <span class="owner">${esc(m.owners.join(', '))}</span>` : ''}<div class="mt">${esc(m.text)}</div></div>`;
        })
        .join('');
      return `<tr id="${id}" class="${item.status}"><td class="st" style="border-left:6px solid ${COLOURS[item.status]}"><b>${item.status.replace('_', ' ')}</b><div class="sec">${esc(item.section ?? '')} · ${item.kind === 'task' ? 'nhiệm vụ' : 'chỉ tiêu'}</div></td><td><a href="#s-${id}">${esc(item.text)}</a>${item.owners.length ? `<div class="owner">${esc(item.owners.join(', '))}</div>` : ''}</td><td>${matches || '<span class="none">—</span>'}</td><td class="reason">${esc(item.reason)}</td></tr>`;
    })
    .join('\n');
  const marked = (text: string, spans: { start: number; end: number; id: string; status?: string }[]) => {
    const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    let out = '';
    let pos = 0;
    for (const s of sorted) {
      if (s.start < pos) {
        out += `<a id="${s.id}"></a>`;
        continue;
      }
      out += esc(text.slice(pos, s.start));
      out += `<mark id="${s.id}"${s.status ? ` style="background:${COLOURS[s.status]}33"` : ''}>${esc(text.slice(s.start, s.end))}</mark>`;
      pos = s.end;
    }
    return out + esc(text.slice(pos));
  };
  const supDocs = r.against_documents
    .map((d) => `<section class="doc"><h2>${esc(`${d.kind ?? ''} ${d.ref ?? d.key}`)}</h2><div class="meta">${esc(d.issuer ?? '')} ${esc(d.date ?? '')}</div><pre>${marked(d.text, supSpans.get(d.ref ?? d.key) ?? [])}</pre></section>`)
    .join('');
  const p = r.plan_document;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Coverage ${esc(r.plan)} / ${esc(r.against.join(', '))}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0;z-index:2}
h1{font-size:18px;margin:0 0 8px}
.bar{display:flex;height:26px;border-radius:4px;overflow:hidden;font-size:12px;color:#fff}
.seg{display:flex;align-items:center;justify-content:center;white-space:nowrap;overflow:hidden}
table{border-collapse:collapse;width:calc(100% - 48px);margin:16px 24px;background:#fff}
td{border-bottom:1px solid #eee;padding:8px;vertical-align:top}
td.st{width:110px}td.reason{width:24%;color:#444}
.sec,.meta,.score,.owner{color:#666;font-size:12px}.owner{font-style:italic}
.match{margin-bottom:6px}.mt{font-size:13px}.none{color:#aaa}
a{color:#0b57d0;text-decoration:none}
.docs{display:grid;grid-template-columns:1fr 1fr;gap:16px;margin:16px 24px}
.doc{background:#fff;border:1px solid #ddd;padding:12px;max-height:80vh;overflow:auto}
.doc h2{font-size:15px;margin:0}pre{white-space:pre-wrap;font:13px/1.5 system-ui,sans-serif}
mark{background:#fff59d}:target{outline:3px solid #0b57d0}
</style></head><body>
<header><h1>${esc(`${p.kind ?? ''} ${p.ref ?? p.key}`)} — coverage of ${esc(r.against.join(', '))}</h1>
<div class="meta">${esc(p.issuer ?? '')} ${esc(p.date ?? '')} · ${r.items.length} items: ${r.summary.covered} covered, ${r.summary.partial} partial, ${r.summary.missing} missing, ${r.summary.not_applicable} not applicable</div>
<div class="bar">${bar}</div></header>
<table><thead><tr><th>Status</th><th>Superior item</th><th>Plan text that matches</th><th>Reason</th></tr></thead><tbody>
${rows}
</tbody></table>
<div class="docs">${supDocs}<section class="doc"><h2>${esc(`${p.kind ?? ''} ${p.ref ?? p.key}`)}</h2><div class="meta">${esc(p.issuer ?? '')} ${esc(p.date ?? '')}</div><pre>${marked(p.text, planSpans)}</pre></section></div>
</body></html>
`;
}
