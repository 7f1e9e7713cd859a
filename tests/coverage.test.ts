import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coverageOf } from '../src/coverage/index.js';
import { findDocuments } from '../src/query/documents.js';
import { openDb } from '../src/store/db.js';
import { ingest } from '../src/store/ingest.js';

const tmp = mkdtempSync(join(tmpdir(), 'vanban-cov-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function check(plan: string, against: string) {
  const db = openDb(join(tmp, `${Math.random().toString(36).slice(2)}.db`));
  await ingest(db, [plan, against]);
  const p = findDocuments(db, plan)[0];
  const a = findDocuments(db, against)[0];
  const report = coverageOf(db, p.id, [a.id]);
  db.close();
  return report;
}

const NQ57 = 'corpus/nq-57-nq-tw-2024.txt';

describe('coverage', () => {
  it('a plan that pastes the superior text without naming owners is not reported covered', async () => {
    const r = await check('fixtures/coverage/pasted-plan-nq57.txt', NQ57);
    const tasks = r.items.filter((i) => i.kind === 'task' && i.section?.startsWith('III'));
    expect(tasks.length).toBeGreaterThan(20);
    expect(tasks.filter((i) => i.status === 'covered')).toEqual([]);
    // the words are there: restated, so partial, with the reason saying no owner
    expect(tasks.filter((i) => i.status === 'partial').length).toBeGreaterThan(tasks.length / 2);
    expect(tasks.find((i) => i.status === 'partial')!.reason).toMatch(/no owner|points carried|only in part/);
  });

  it('items addressed only to central party bodies do not apply to a city plan, and say to whom', async () => {
    const r = await check('corpus/kh-310-kh-ubnd-ha-noi-2025.txt', NQ57);
    const iv2 = r.items.find((i) => i.section === 'IV.2')!;
    expect(iv2.status).toBe('not_applicable');
    expect(iv2.reason).toMatch(/Đảng đoàn Quốc hội/);
    // a task addressed to no one applies to every level
    expect(r.items.filter((i) => i.section?.startsWith('III.') && i.kind === 'task').every((i) => i.status !== 'not_applicable')).toBe(true);
  });

  it('a weaker restated target is partial and the reason says WEAKER', async () => {
    const sup = join(tmp, 'sup.txt');
    const plan = join(tmp, 'plan.txt');
    writeFileSync(sup, 'Số: 1/KH-UBND\nHà Nội, ngày 1 tháng 1 năm 2025\nKẾ HOẠCH\nPHÁT TRIỂN DỊCH VỤ CÔNG\nI. MỤC TIÊU ĐẾN NĂM 2030\n1. Tỷ lệ hồ sơ giải quyết trực tuyến đạt 90%.\nII. NHIỆM VỤ\n1. Sở Nội vụ chủ trì xây dựng cơ sở dữ liệu cán bộ, công chức toàn tỉnh.\n');
    writeFileSync(plan, 'Số: 2/KH-UBND\nBa Đình, ngày 1 tháng 3 năm 2025\nKẾ HOẠCH\nThực hiện Kế hoạch số 1/KH-UBND\nI. MỤC TIÊU ĐẾN NĂM 2030\n1. Tỷ lệ hồ sơ giải quyết trực tuyến đạt 60%.\nII. NHIỆM VỤ\n1. Phòng Nội vụ chủ trì xây dựng cơ sở dữ liệu cán bộ, công chức của quận.\n');
    const r = await check(plan, sup);
    const target = r.items.find((i) => i.kind === 'target')!;
    expect(target.status).toBe('partial');
    expect(target.reason).toMatch(/90 %.*60 %.*WEAKER/);
    const task = r.items.find((i) => i.kind === 'task')!;
    expect(task.status).toBe('covered');
    expect(task.matches[0].owners).toEqual(['Phòng Nội vụ']);
    expect(r.summary).toEqual({ covered: 1, partial: 1, missing: 0, not_applicable: 0 });
  });

  it('follows the JSON contract of coverage.md with evidence spans into both documents', async () => {
    const r = await check('corpus/nq-03-nq-cp-2025.txt', NQ57);
    expect(r.schema).toBe('vanban.coverage/1');
    expect(r.plan).toBe('03/NQ-CP');
    expect(r.against).toEqual(['57-NQ/TW']);
    for (const i of r.items) {
      expect(['task', 'target']).toContain(i.kind);
      expect(['covered', 'partial', 'missing', 'not_applicable']).toContain(i.status);
      expect(i.reason.length).toBeGreaterThan(10);
      expect(r.against_documents[0].text.slice(i.start, i.end).length).toBeGreaterThan(0);
      for (const m of i.matches) expect(r.plan_document.text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(Object.values(r.summary).reduce((a, b) => a + b, 0)).toBe(r.items.length);
  });
});
