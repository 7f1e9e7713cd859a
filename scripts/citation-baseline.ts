/**
 * Citation baseline over a folder of documents (default ../shared/corpus/bench, the 446 Markdown
 * exports): how many references the extractor finds, how many resolve to a document of the same
 * folder (its header reference), and the ten most cited documents. The report ends with one line
 * per citation, so that a change to the extractor shows up in `git diff` as citations gained and
 * lost (the way eyecite reports them).
 *
 *   npx tsc -p . && node dist/scripts/citation-baseline.js [FOLDER] [--write] [--diff]
 *
 * --write  also writes the report to tests/baselines/citations-bench.txt
 * --diff   compares with that file and prints the citations gained and lost
 *
 * Each document goes through the stages processFile (src/pipeline.ts) chains — read, normalize,
 * parse — so its header reference is the one `vanban extract` prints; only the citation
 * extractor runs after them, because the other extractors do not change this report and make
 * it take minutes instead of seconds.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { findCitations } from '../src/extract/citations/index.js';
import type { Citation } from '../src/models.js';
import { normalize } from '../src/normalize/index.js';
import { parse } from '../src/parse/index.js';
import { readDocument } from '../src/read/index.js';
import { refMatchKey } from '../src/text/refs.js';

const BASELINE = 'tests/baselines/citations-bench.txt';
const READABLE = /\.(?:md|txt|html?|docx?|pdf)$/i;

interface Doc {
  name: string;
  ref: string | null;
  citations: Citation[];
  error?: string;
}

async function run(folder: string): Promise<Doc[]> {
  const files = readdirSync(folder).filter((f) => READABLE.test(f)).sort();
  const docs: Doc[] = [];
  for (const f of files) {
    try {
      const read = await readDocument(join(folder, f));
      const doc = parse(normalize(read.raw));
      docs.push({ name: f, ref: doc.header.ref, citations: findCitations(doc) });
    } catch (e) {
      docs.push({ name: f, ref: null, citations: [], error: String((e as Error).message ?? e).split('\n')[0] });
    }
  }
  return docs;
}

function report(folder: string, docs: Doc[]): string {
  const own = new Map<string, string>();
  for (const d of docs) if (d.ref && !own.has(refMatchKey(d.ref))) own.set(refMatchKey(d.ref), d.ref);
  const edges = docs.flatMap((d) => d.citations.map((c) => ({ doc: d, c })));
  const self = edges.filter((e) => e.c.from === 'self');
  const chained = edges.filter((e) => e.c.from !== 'self');
  const resolved = self.filter((e) => own.has(refMatchKey(e.c.ref)));
  const distinct = new Set(self.map((e) => refMatchKey(e.c.ref)));
  const distinctResolved = [...distinct].filter((k) => own.has(k));
  const byRelation = new Map<string, number>();
  for (const e of self) byRelation.set(e.c.relation, (byRelation.get(e.c.relation) ?? 0) + 1);
  const citedBy = new Map<string, { ref: string; docs: number }>();
  for (const e of self) {
    const k = refMatchKey(e.c.ref);
    const entry = citedBy.get(k) ?? { ref: e.c.ref, docs: 0 };
    entry.docs++;
    citedBy.set(k, entry);
  }
  const top = [...citedBy.entries()].sort((a, b) => b[1].docs - a[1].docs || a[1].ref.localeCompare(b[1].ref)).slice(0, 10);
  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  const lines = [
    `# Citation baseline: ${basename(folder)} (${docs.length} documents)`,
    `# Regenerate: npx tsc -p . && node dist/scripts/citation-baseline.js ${folder} --write`,
    '',
    `documents                     ${docs.length}`,
    `documents with a header ref   ${docs.filter((d) => d.ref).length}`,
    `documents citing something    ${docs.filter((d) => d.citations.length).length}`,
    `unreadable documents          ${docs.filter((d) => d.error).length}`,
    `references found (doc → ref)  ${self.length}`,
    `  by relation                 ${['implements', 'guided_by', 'based_on', 'mentions'].map((r) => `${r} ${byRelation.get(r) ?? 0}`).join(', ')}`,
    `chained clauses (ref ← from)  ${chained.length}`,
    `distinct documents cited      ${distinct.size}`,
    `resolved to a document here   ${resolved.length} of ${self.length} references (${pct(resolved.length, self.length)}), ${distinctResolved.length} of ${distinct.size} documents`,
    '',
    'ten most cited documents (citing documents, present here?)',
    ...top.map(([k, v], i) => `${String(i + 1).padStart(3)}. ${v.ref.padEnd(28)} ${String(v.docs).padStart(4)}  ${own.has(k) ? own.get(k) : '-'}`),
    '',
    '# one line per citation: document, relation, ref, from',
    ...edges.map((e) => `${e.doc.name}\t${e.c.relation}\t${e.c.ref}\t${e.c.from}`).sort(),
    ...docs.filter((d) => d.error).map((d) => `${d.name}\tERROR\t${d.error}`),
  ];
  return lines.join('\n') + '\n';
}

function diff(previous: string, current: string): string {
  const rows = (s: string): Set<string> => new Set(s.split('\n').filter((l) => l.includes('\t')));
  const before = rows(previous);
  const after = rows(current);
  const gained = [...after].filter((l) => !before.has(l));
  const lost = [...before].filter((l) => !after.has(l));
  return [`citations gained: ${gained.length}`, ...gained.map((l) => `+ ${l}`), `citations lost: ${lost.length}`, ...lost.map((l) => `- ${l}`)].join('\n') + '\n';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus/bench';
  if (!existsSync(folder)) {
    process.stderr.write(`citation-baseline: no folder ${folder}\n`);
    process.exit(2);
  }
  const text = report(folder, await run(folder));
  if (args.includes('--diff')) {
    process.stdout.write(existsSync(BASELINE) ? diff(readFileSync(BASELINE, 'utf8'), text) : `no baseline ${BASELINE}\n`);
  } else {
    const cut = text.indexOf('\n# one line per citation');
    process.stdout.write(cut >= 0 ? text.slice(0, cut + 1) : text);
  }
  if (args.includes('--write')) {
    mkdirSync(dirname(BASELINE), { recursive: true });
    writeFileSync(BASELINE, text);
    process.stderr.write(`wrote ${BASELINE}\n`);
  }
}

await main();
