import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../src/pipeline.js';

/** Every document we ship or test with goes through the whole pipeline, and every fact points at real text. */
function* documents(dir: string): Generator<string> {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (f !== 'bad') yield* documents(p);
    } else if (/\.(txt|md|pdf|docx|doc)$/.test(f) && !/\.expected\.txt$/.test(f)) yield p;
  }
}

describe('every shipped document', () => {
  for (const path of [...documents('corpus'), ...documents('fixtures')]) {
    it(path, async () => {
      const p = await processFile(path);
      const text = p.clean.text;
      const inside = (s: number, e: number) => s >= 0 && e <= text.length && s <= e;
      for (const s of p.extraction.sections) expect(inside(s.start, s.end), `section ${s.id}`).toBe(true);
      for (const c of p.extraction.citations) expect(text.slice(c.start, c.end).replace(/\s+/g, ''), `citation ${c.ref}`).toMatch(/\d/);
      for (const a of p.extraction.assignments) {
        expect(inside(a.start, a.end), `task of ${a.agency}`).toBe(true);
        expect(a.task.length).toBeGreaterThan(0);
      }
      for (const t of p.extraction.targets) expect(text.slice(t.start, t.end)).toBe(t.text);
      // the offset map leads back into the raw text
      expect(p.clean.map.length).toBe(text.length + 1);
      expect(p.clean.map[text.length]).toBeLessThanOrEqual(p.read.raw.text.length);
    });
  }
});
