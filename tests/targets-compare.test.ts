import { describe, expect, it } from 'vitest';
import type { Target } from '../src/models.js';
import { compareTargets } from '../src/extract/targets/compare.js';

/** A target as the extractor gives it; only what the comparison reads matters here. */
function t(comparator: Target['comparator'], value: number, unit: string | null, year: number | null, value_max?: number): Target {
  const x: Target = { indicator: 'x', comparator, value, unit, year, section: null, text: '', start: 0, end: 0 };
  if (value_max !== undefined) x.value_max = value_max;
  return x;
}

describe('compareTargets(superior, plan)', () => {
  it('lower is stricter for < and <= (NQ 21 "dưới 109 bé trai/100 bé gái" restated by a province)', () => {
    const sup = t('<', 109, 'bé trai/100 bé gái', 2030);
    expect(compareTargets(sup, t('<', 108, 'bé trai/100 bé gái', 2030))).toBe('stricter');
    expect(compareTargets(sup, t('<', 109, 'bé trai/100 bé gái', 2030))).toBe('equal');
    expect(compareTargets(sup, t('<', 110, 'bé trai/100 bé gái', 2030))).toBe('weaker');
    // at the same number a strict and a loose bound are one threshold to an analyst ("trên 55%" = "≥ 55")
    expect(compareTargets(sup, t('<=', 109, 'bé trai/100 bé gái', 2030))).toBe('equal');
    expect(compareTargets(t('<=', 1, '%', 2024), t('<', 1, '%', 2024))).toBe('equal');
  });
  it('higher is stricter for >, >=, =, ~ and increase_by (NQ 57 vs its plans)', () => {
    const sup = t('>=', 30, '% GDP', 2030); // Quy mô kinh tế số đạt tối thiểu 30% GDP
    expect(compareTargets(sup, t('>=', 45, '% GDP', 2030))).toBe('stricter');
    expect(compareTargets(sup, t('=', 30, '% GDP', 2030))).toBe('equal');
    expect(compareTargets(sup, t('=', 25, '% GDP', 2030))).toBe('weaker');
    expect(compareTargets(t('>', 80, '%', 2030), t('>=', 80, '%', 2030))).toBe('equal');
    expect(compareTargets(t('increase_by', 10, '%/năm', 2030), t('increase_by', 8, '%/năm', 2030))).toBe('weaker');
    expect(compareTargets(t('~', 22, '%', 2030), t('=', 22, '%', 2030))).toBe('equal');
  });
  it('a larger cut is stricter for reduce_by ("giảm 60%" demands more than "giảm 50%")', () => {
    expect(compareTargets(t('reduce_by', 50, '%', 2030), t('reduce_by', 60, '%', 2030))).toBe('stricter');
    expect(compareTargets(t('reduce_by', 50, '%', 2030), t('reduce_by', 40, '%', 2030))).toBe('weaker');
  });
  it('ranges compare on the bound that matters', () => {
    // "từ 40 - 50 tổ chức" against a plan promising at least 45
    expect(compareTargets(t('range', 40, 'tổ chức', 2030, 50), t('>=', 45, 'tổ chức', 2030))).toBe('stricter');
    expect(compareTargets(t('range', 16, '%/năm', 2030, 18), t('range', 16, '%/năm', 2030, 18))).toBe('equal');
    expect(compareTargets(t('<=', 20, '%', 2030), t('range', 10, '%', 2030, 25))).toBe('weaker');
  });
  it('a later year is its own verdict; an earlier lower milestone is not "weaker"', () => {
    expect(compareTargets(t('>=', 50, '%', 2030), t('>=', 60, '%', 2035))).toBe('later year');
    expect(compareTargets(t('>=', 50, '%', 2030), t('>=', 30, '%', 2025))).toBe('incomparable');
    expect(compareTargets(t('>=', 50, '%', 2030), t('>=', 50, '%', 2025))).toBe('stricter');
    expect(compareTargets(t('>=', 50, '%', null), t('>=', 40, '%', 2030))).toBe('weaker');
  });
  it('different units or kinds of promise are incomparable', () => {
    expect(compareTargets(t('=', 80, '%', 2030), t('=', 80, 'người', 2030))).toBe('incomparable');
    expect(compareTargets(t('reduce_by', 50, '%', 2030), t('<=', 5, '%', 2030))).toBe('incomparable');
    expect(compareTargets(t('<=', 5, '%', 2030), t('>=', 5, '%', 2030))).toBe('incomparable');
  });
});
