import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTree, walkChain } from '../src/query/chain.js';
import { findDocuments } from '../src/query/documents.js';
import { openDb, type DB } from '../src/store/db.js';
import { ingest } from '../src/store/ingest.js';

const tmp = mkdtempSync(join(tmpdir(), 'vanban-graph-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SEEDS = ['tin-ha-noi-2018-kh94.txt', 'kh-ha-nam-2018-thuc-hien-nq137.txt', 'kh-long-bien-2024-thuc-hien-ct11.txt', 'cv-hai-phong-2024-trien-khai-ct27.txt', 'kh-lao-cai-2024-thuc-hien-nq27-tu.txt'];
const NQ57 = ['nq-57-nq-tw-2024.txt', 'nq-03-nq-cp-2025.txt', 'kh-310-kh-ubnd-ha-noi-2025.txt', 'kh-597-kh-ubnd-dong-thap-2025.txt', 'qd-2610-qd-ubnd-can-tho-2025.txt'];

/** The graph as a user sees it: every edge by the refs/keys of its ends, stubs with what they show. */
function graph(db: DB): string {
  const edges = db
    .prepare(
      `SELECT coalesce(f.ref, f.source_path) AS f, c.relation, coalesce(t.ref, t.source_path) AS t, t.is_stub, t.date, t.issuer, coalesce(a.ref, a.source_path) AS a, c.start
         FROM citations c JOIN documents f ON f.id = c.from_document_id JOIN documents t ON t.id = c.to_document_id JOIN documents a ON a.id = c.asserted_in_document_id`,
    )
    .all()
    .map((r) => JSON.stringify(r))
    .sort();
  const docs = db.prepare('SELECT key, ref, kind, issuer, date, is_stub FROM documents').all().map((r) => JSON.stringify(r)).sort();
  return [...docs, ...edges].join('\n');
}

async function ingestInOrder(files: string[], name: string): Promise<DB> {
  const db = openDb(join(tmp, `${name}.db`));
  for (const f of files) await ingest(db, [join('corpus', f)]);
  return db;
}

let db: DB;
beforeAll(async () => {
  db = await ingestInOrder([...SEEDS, ...NQ57], 'all');
});

describe('citation graph', () => {
  it('does not depend on the order documents are ingested in', async () => {
    const forward = await ingestInOrder([...SEEDS, ...NQ57], 'forward');
    const backward = await ingestInOrder([...SEEDS, ...NQ57].reverse(), 'backward');
    expect(graph(backward)).toBe(graph(forward));
    forward.close();
    backward.close();
  });

  it('21-NQ/TW --down reaches 94/KH-UBND through 74-KH/TU and the Hà Nam plan through 54-CTr/TU', () => {
    const root = findDocuments(db, '21-NQ/TW')[0];
    const tree = renderTree(walkChain(db, root.id, { direction: 'down' }), 'down');
    expect(tree).toMatch(/implements Kế hoạch 74-KH\/TU[^\n]*\n[│ ]*└─ implements Kế hoạch 94\/KH-UBND/);
    expect(tree).toMatch(/implements Chương trình hành động 54-CTr\/TU[^\n]*\n[│ ]*└─ implements Kế hoạch kh-ha-nam-2018-thuc-hien-nq137\.txt/);
    expect(tree).toMatch(/74-KH\/TU \(2018-01-27, \+94 d\)/); // lag from 25/10/2017
    expect(tree).toMatch(/\[not ingested\]/);
  });

  it('137/NQ-CP --down reaches the Hà Nam plan; 57-NQ/TW --down reaches 03/NQ-CP and provincial plans', () => {
    const t137 = renderTree(walkChain(db, findDocuments(db, '137/NQ-CP')[0].id, { direction: 'down' }), 'down');
    expect(t137).toMatch(/implements Kế hoạch kh-ha-nam-2018-thuc-hien-nq137\.txt/);
    const t57 = renderTree(walkChain(db, findDocuments(db, '57-NQ/TW')[0].id, { direction: 'down' }), 'down');
    expect(t57).toMatch(/implements Nghị quyết 03\/NQ-CP \(2025-01-09, \+18 d\)/);
    expect(t57).toMatch(/Kế hoạch 310\/KH-UBND/);
    expect(t57).toMatch(/Kế hoạch 597\/KH-UBND/);
  });

  it('a local symbol needs its issuer: 11/CT-UBND of Hà Nội and of another city are two nodes', async () => {
    const dir = join(tmp, 'local');
    mkdirSync(dir);
    copyFileSync('corpus/kh-long-bien-2024-thuc-hien-ct11.txt', join(dir, 'a.txt'));
    writeFileSync(
      join(dir, 'b.txt'),
      'Số: 5/KH-UBND\nBuôn Ma Thuột, ngày 2 tháng 12 năm 2024\nKẾ HOẠCH\nThực hiện Chỉ thị số 11/CT-UBND ngày 01/11/2024 của UBND tỉnh Đắk Lắk\nThực hiện Chỉ thị số 11/CT-UBND ngày 01/11/2024 của UBND tỉnh Đắk Lắk về công tác dân số.\nI. NHIỆM VỤ\n1. Sở Y tế chủ trì.\n',
    );
    const d = openDb(join(tmp, 'local.db'));
    await ingest(d, [dir]);
    const nodes = d.prepare("SELECT key, issuer FROM documents WHERE ref = '11/CT-UBND' ORDER BY key").all() as { key: string; issuer: string }[];
    expect(nodes).toHaveLength(2);
    expect(nodes.map((n) => n.key).join(' ')).toMatch(/ha noi.*dak lak|dak lak.*ha noi/);
    d.close();
  });

  it('a stub becomes the real document when it is ingested, keeping its edges', async () => {
    const d = openDb(join(tmp, 'stub.db'));
    await ingest(d, ['corpus/kh-310-kh-ubnd-ha-noi-2025.txt']);
    const stub = d.prepare("SELECT is_stub FROM documents WHERE ref = '03/NQ-CP'").get() as { is_stub: number };
    expect(stub.is_stub).toBe(1);
    await ingest(d, ['corpus/nq-03-nq-cp-2025.txt']);
    const rows = d.prepare("SELECT id, is_stub FROM documents WHERE ref = '03/NQ-CP'").all() as { id: number; is_stub: number }[];
    expect(rows).toEqual([{ id: rows[0].id, is_stub: 0 }]);
    const edge = d.prepare("SELECT count(*) n FROM citations c JOIN documents f ON f.id = c.from_document_id WHERE c.to_document_id = ? AND f.ref = '310/KH-UBND'").get(rows[0].id) as { n: number };
    expect(edge.n).toBeGreaterThan(0);
    d.close();
  });
});
