/**
 * Listings in the formats every command offers: an aligned terminal table, JSON, CSV, Markdown.
 * Columns are declared once per listing so the four stay consistent.
 */
export type Format = 'table' | 'json' | 'csv' | 'md';

export interface Column<T> {
  header: string;
  key: string;
  value: (row: T) => string | number | boolean | null | undefined;
  /** Terminal width cap; longer cells are cut with "…" in the table view only. */
  max?: number;
}

export function render<T>(rows: T[], columns: Column<T>[], format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c) => [c.key, c.value(r) ?? null]))), null, 1);
    case 'csv':
      return [columns.map((c) => csvCell(c.header)).join(','), ...rows.map((r) => columns.map((c) => csvCell(c.value(r))).join(','))].join('\n');
    case 'md':
      return [
        `| ${columns.map((c) => c.header).join(' | ')} |`,
        `| ${columns.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${columns.map((c) => mdCell(c.value(r))).join(' | ')} |`),
      ].join('\n');
    default:
      return table(rows, columns);
  }
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function csvCell(v: unknown): string {
  const s = str(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function mdCell(v: unknown): string {
  return str(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function cut(s: string, max?: number): string {
  const one = s.replace(/\s+/g, ' ');
  return max && one.length > max ? one.slice(0, max - 1) + '…' : one;
}

function table<T>(rows: T[], columns: Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => cut(str(c.value(r)), c.max)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i].length)));
  const line = (vals: string[]) => vals.map((v, i) => (i === vals.length - 1 ? v : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n');
}

export function parseFormat(v: unknown, allowed: Format[] = ['table', 'json', 'csv', 'md']): Format {
  if (v === undefined) return 'table';
  if (typeof v === 'string' && (allowed as string[]).includes(v)) return v as Format;
  throw new Error(`--format takes one of ${allowed.join(', ')}`);
}
