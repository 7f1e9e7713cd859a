/**
 * npm run bench — measured throughput, memory and query latency (issue 7).
 *
 * Builds corpora of 1K, 10K and 100K documents on the fly in a temp folder from the Markdown
 * exports in ../shared/corpus/bench and the texts in corpus/ (each copy gets a new number and its
 * top-level sections shuffled, so no two files are the same document), then measures:
 *   - the physical baseline: read + NFC + one regex pass in plain Node;
 *   - `vanban ingest` with --jobs 1 and --jobs 2: documents/s, MB/s, peak RSS, DB size/document;
 *   - unchanged re-ingest time;
 *   - p50/p95 latency of tasks --agency, chain --down (depth 4), search, targets --compare and
 *     coverage of one plan, in-process on the largest database.
 * Prints a table and writes out/bench.json. Numbers are reported, never asserted.
 *
 *   npm run bench                       # sizes 1000,10000,100000
 *   npm run bench -- --sizes 1000,10000 --keep /tmp/vanban-bench
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (opt('--sizes') ?? '1000,10000,100000').split(',').map(Number);
const keep = opt('--keep');
const root = resolve(new URL('../..', import.meta.url).pathname);
const cli = join(root, 'dist/src/cli/main.js');
const work = keep ?? mkdtempSync(join(tmpdir(), 'vanban-bench-'));
mkdirSync(work, { recursive: true });

interface Source {
  name: string;
  text: string;
}

function loadSources(): Source[] {
  const dirs = [join(root, '../shared/corpus/bench'), join(root, 'corpus')];
  const out: Source[] = [];
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) {
      if (!/\.(md|txt)$/.test(f)) continue;
      out.push({ name: f, text: readFileSync(join(d, f), 'utf8') });
    }
  }
  if (!out.length) throw new Error('no source documents found (corpus/ or ../shared/corpus/bench)');
  return out;
}

/** Deterministic pseudo-random numbers, so every run builds the same corpus. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const TOP = /^(?:\*\*)?(?:[IVX]+[.\-–]|Điều \d+\.|Chương [IVX]+)/;

/** A new document from a source: its own number renumbered, its top-level sections shuffled. */
function variant(src: Source, i: number): string {
  const r = rng(i + 1);
  let renumbered = false;
  let text = src.text.replace(/(Số\s*:?\s*(?:\*\*)?\s*)(\d+)([/-])/u, (_m, a: string, _n: string, sep: string) => {
    renumbered = true;
    return `${a}${100000 + i}${sep}`;
  });
  // a document without a number is told apart by one
  if (!renumbered) text = `Số: ${100000 + i}/KH-BENCH\n${text}`;
  const lines = text.split('\n');
  const starts: number[] = [];
  lines.forEach((l, k) => TOP.test(l.trim()) && starts.push(k));
  if (starts.length >= 3) {
    const head = lines.slice(0, starts[0]);
    const blocks = starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length));
    const tail = blocks.pop()!;
    for (let k = blocks.length - 1; k > 0; k--) {
      const j = Math.floor(r() * (k + 1));
      [blocks[k], blocks[j]] = [blocks[j], blocks[k]];
    }
    text = [...head, ...blocks.flat(), ...tail].join('\n');
  }
  return text;
}

function buildCorpus(sources: Source[], n: number): { dir: string; bytes: number } {
  const dir = join(work, `corpus-${n}`);
  if (existsSync(join(dir, '.done'))) return { dir, bytes: Number(readFileSync(join(dir, '.done'), 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const src = sources[i % sources.length];
    const text = variant(src, i);
    const ext = src.name.endsWith('.md') ? 'md' : 'txt';
    writeFileSync(join(sub, `doc-${String(i).padStart(6, '0')}.${ext}`), text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(join(dir, '.done'), String(bytes));
  return { dir, bytes };
}

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** The physical floor: read every file, NFC it, one regex pass; single thread, plain Node. */
function baseline(dir: string): { docs: number; seconds: number; mb: number } {
  const t0 = performance.now();
  let docs = 0;
  let bytes = 0;
  let hits = 0;
  const re = /(?:Nghị quyết|Chỉ thị|Kế hoạch|Quyết định) số \d+/gu;
  for (const f of walk(dir)) {
    const buf = readFileSync(f);
    bytes += buf.length;
    const text = buf.toString('utf8').normalize('NFC');
    hits += text.match(re)?.length ?? 0;
    docs++;
  }
  if (hits < 0) console.log(hits);
  return { docs, seconds: (performance.now() - t0) / 1000, mb: bytes / 1e6 };
}

interface IngestRun {
  jobs: number;
  docs: number;
  seconds: number;
  docsPerSecond: number;
  mbPerSecond: number;
  peakRssMb: number;
  failed: number;
  dbBytes: number;
}

function ingest(dir: string, db: string, jobs: number, mb: number): IngestRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'ingest', dir, '--db', db, '--jobs', String(jobs), '--quiet', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  const s = JSON.parse(r.stdout) as { files: number; new: number; replaced: number; unchanged: number; failed: number; peak_rss_mb: number };
  const dbBytes = ['', '-wal'].reduce((a, x) => a + (existsSync(db + x) ? statSync(db + x).size : 0), 0);
  return { jobs, docs: s.files, seconds, docsPerSecond: s.files / seconds, mbPerSecond: mb / seconds, peakRssMb: s.peak_rss_mb, failed: s.failed, dbBytes };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function latencies(db: string): Promise<Record<string, { p50: number; p95: number; runs: number }>> {
  const { openDb } = await import('../src/store/db.js');
  const { listTasks, matchingAgencyIds, agencyQueryKey } = await import('../src/query/tasks.js');
  const { walkChain } = await import('../src/query/chain.js');
  const { search } = await import('../src/query/search.js');
  const { findDocuments } = await import('../src/query/documents.js');
  const handle = openDb(db);
  const time = async (fn: () => unknown | Promise<unknown>, runs = 30) => {
    const xs: number[] = [];
    await fn(); // warm the page cache and prepared statements
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      xs.push(performance.now() - t);
    }
    return { p50: percentile(xs, 50), p95: percentile(xs, 95), runs };
  };
  const out: Record<string, { p50: number; p95: number; runs: number }> = {};
  const agencies = ['so y te', 'so noi vu', 'uy ban nhan dan cac xa phuong', 'so tai chinh'];
  let k = 0;
  out['tasks --agency'] = await time(async () => listTasks(handle, { agencyIds: matchingAgencyIds(handle, await agencyQueryKey(agencies[k++ % agencies.length])), limit: 200 }));
  const roots = ['57-NQ/TW', '21-NQ/TW', '71/NQ-CP', '03/NQ-CP'].map((r) => findDocuments(handle, r)[0]).filter(Boolean);
  k = 0;
  out['chain --down (depth 4)'] = await time(() => walkChain(handle, roots[k++ % roots.length].id, { direction: 'down', depth: 4 }));
  const words = ['dan so', 'chuyen doi so', 'so y te', 'mat can bang gioi tinh khi sinh', 'ha tang so'];
  k = 0;
  out['search'] = await time(() => search(handle, words[k++ % words.length], { limit: 20 }));
  try {
    const { compareTargetsOf } = (await import('../src/query/targets.js')) as { compareTargetsOf?: (db: unknown, id: number) => unknown };
    if (compareTargetsOf && roots[0]) out['targets --compare'] = await time(() => compareTargetsOf(handle, roots[0].id), 20);
  } catch {
    /* not built yet */
  }
  try {
    const { coverageOf } = (await import('../src/coverage/index.js')) as { coverageOf?: (db: unknown, plan: number, against: number[]) => unknown };
    const plan = findDocuments(handle, '03/NQ-CP')[0];
    if (coverageOf && plan && roots[0]) out['coverage (one plan)'] = await time(() => coverageOf(handle, plan.id, [roots[0].id]), 5);
  } catch {
    /* not built yet */
  }
  handle.close();
  return out;
}

async function main() {
  const sources = loadSources();
  console.log(`sources: ${sources.length} documents; work folder ${work}; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
  const result: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cores: cpus().length, sources: sources.length, sizes: {} };
  const rows: string[][] = [];
  for (const n of sizes) {
    const { dir, bytes } = buildCorpus(sources, n);
    const mb = bytes / 1e6;
    const base = baseline(dir);
    const entry: Record<string, unknown> = { documents: n, mb, baseline: { ...base, docsPerSecond: base.docs / base.seconds, mbPerSecond: base.mb / base.seconds } };
    const runs: IngestRun[] = [];
    for (const jobs of n >= 100000 ? [2] : [1, 2]) {
      const db = join(work, `bench-${n}-j${jobs}.db`);
      for (const x of ['', '-wal', '-shm']) rmSync(db + x, { force: true });
      const run = ingest(dir, db, jobs, mb);
      runs.push(run);
      console.log(`${n} docs, --jobs ${jobs}: ${run.docsPerSecond.toFixed(0)} docs/s, ${run.mbPerSecond.toFixed(1)} MB/s, peak RSS ${run.peakRssMb.toFixed(0)} MB, ${run.failed} failed`);
    }
    entry.ingest = runs;
    const last = join(work, `bench-${n}-j2.db`);
    const t0 = performance.now();
    const again = spawnSync(process.execPath, [cli, 'ingest', dir, '--db', last, '--jobs', '2', '--quiet', '--json'], { encoding: 'utf8' });
    const unchangedSeconds = (performance.now() - t0) / 1000;
    entry.unchangedReingest = { seconds: unchangedSeconds, summary: JSON.parse(again.stdout) };
    const j2 = runs.find((r) => r.jobs === 2)!;
    entry.dbBytesPerDocument = j2.dbBytes / n;
    entry.ratioToBaseline = base.docs / base.seconds / j2.docsPerSecond;
    if (n === Math.max(...sizes)) entry.latencyMs = await latencies(last);
    (result.sizes as Record<string, unknown>)[n] = entry;
    rows.push([
      String(n),
      (base.docs / base.seconds).toFixed(0),
      runs.map((r) => `${r.docsPerSecond.toFixed(0)} (j${r.jobs})`).join(' / '),
      j2.mbPerSecond.toFixed(1),
      (entry.ratioToBaseline as number).toFixed(1) + '×',
      Math.max(...runs.map((r) => r.peakRssMb)).toFixed(0),
      ((entry.dbBytesPerDocument as number) / 1024).toFixed(1),
      unchangedSeconds.toFixed(2),
    ]);
  }
  const header = ['docs', 'baseline docs/s', 'ingest docs/s', 'MB/s (j2)', 'slower than baseline', 'peak RSS MB', 'DB KB/doc', 'unchanged re-ingest s'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  console.log('\n' + [header, ...rows].map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'));
  const big = (result.sizes as Record<string, { latencyMs?: Record<string, { p50: number; p95: number }> }>)[Math.max(...sizes)];
  if (big.latencyMs) {
    console.log(`\nquery latency at ${Math.max(...sizes)} documents (ms):`);
    for (const [q, v] of Object.entries(big.latencyMs)) console.log(`  ${q.padEnd(26)} p50 ${v.p50.toFixed(1).padStart(7)}   p95 ${v.p95.toFixed(1).padStart(7)}`);
  }
  mkdirSync(join(root, 'out'), { recursive: true });
  writeFileSync(join(root, 'out/bench.json'), JSON.stringify(result, null, 1));
  console.log('\nwritten out/bench.json');
  if (!keep) rmSync(work, { recursive: true, force: true });
  void createHash;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
