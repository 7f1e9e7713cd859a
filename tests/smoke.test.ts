import { describe, expect, it } from 'vitest';
import { similarity } from './helpers/similarity.js';
import { normalizeText } from '../src/normalize/index.js';

describe('similarity helper', () => {
  it('is 1 for equal texts and drops with edits', () => {
    expect(similarity('abc  def', 'abc def')).toBe(1);
    expect(similarity('abcdef', 'abcxef')).toBeCloseTo(5 / 6, 5);
  });
});

describe('normalizeText', () => {
  it('rejoins a sentence broken across a blank line and keeps a reference hyphen', () => {
    expect(normalizeText('ổn định quy mô dân\n\nsố, cơ cấu')).toBe('ổn định quy mô dân số, cơ cấu');
    expect(normalizeText('Nghị quyết số 27-\nNQ/TU ngày')).toBe('Nghị quyết số 27-NQ/TU ngày');
    expect(normalizeText('Chỉ thị 11/CT-\nUBND')).toBe('Chỉ thị 11/CT-UBND');
  });
  it('composes NFD text', () => {
    expect(normalizeText('Ủy ban'.normalize('NFD'))).toBe('Ủy ban');
  });
});
