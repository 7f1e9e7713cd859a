// Writes copies of the dev gold whose "file" points at other renderings of the same document:
// the raw Markdown export in ../shared/corpus/bench (via corpus/manifest.json provenance), and the
// PDF/DOCX fixtures made from the seeds. Scoring them shows how much a reader or the normaliser
// loses against the clean text:
//   node scripts/variant-gold.mjs && node ../shared/eval/score.mjs --gold out/gold-md --cmd '…'
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { basename, resolve, join, relative } from 'node:path';
const shared = resolve(process.argv[2] ?? '../shared');
const goldDir = join(shared, 'gold');
const manifest = JSON.parse(readFileSync('corpus/manifest.json', 'utf8'));
const mdOf = new Map(manifest.filter((e) => e.provenance?.path?.endsWith('.md')).map((e) => [e.file, join(shared, 'corpus/bench', basename(e.provenance.path))]));
const variants = { md: [], pdf: [], docx: [] };
for (const f of readdirSync(goldDir).filter((f) => f.endsWith('.gold.json') && !f.includes('coverage'))) {
  const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
  const name = basename(gold.file);
  const md = mdOf.get(name);
  if (md && existsSync(md)) variants.md.push([f, md, gold]);
  for (const ext of ['pdf', 'docx']) {
    const p = join(shared, 'fixtures', name.replace(/\.txt$/, `.${ext}`));
    if (existsSync(p)) variants[ext].push([f, p, gold]);
  }
}
for (const [kind, list] of Object.entries(variants)) {
  const dir = resolve(`out/gold-${kind}`);
  mkdirSync(dir, { recursive: true });
  for (const [f, file, gold] of list) writeFileSync(join(dir, f), JSON.stringify({ ...gold, file: relative(dir, file) }, null, 1));
  console.log(`out/gold-${kind}: ${list.length} documents`);
}
