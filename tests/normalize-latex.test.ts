import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/normalize/index.js';
import { latexPass } from '../src/normalize/latex.js';
import { identity } from '../src/normalize/traced.js';

const latex = (s: string) => latexPass(identity(s)).text;

describe('latexPass', () => {
  it('rewrites comparison operators and percentages', () => {
    expect(latex('tỷ lệ hộ nghèo $\\leq 1,0\\%$ vào năm 2030')).toBe('tỷ lệ hộ nghèo ≤ 1,0% vào năm 2030');
    expect(latex('độ che phủ rừng $\\geq$ 42%')).toBe('độ che phủ rừng ≥ 42%');
    expect(latex('$\\ge 95\\%$ và $\\le 5\\%$, $\\neq 0$')).toBe('≥ 95% và ≤ 5%, ≠ 0');
  });
  it('rewrites products, fractions, units and degrees', () => {
    expect(latex('$3 \\times 10^{6}$ đồng')).toBe('3 × 10^6 đồng');
    expect(latex('$\\frac{1}{2}$ diện tích')).toBe('1/2 diện tích');
    expect(latex('$\\text{m}^{2}$ sàn')).toBe('m² sàn');
    expect(latex('nhiệt độ $35^{\\circ}C$')).toBe('nhiệt độ 35°C');
    expect(latex('$\\approx 1,5$ triệu, $\\pm 2$')).toBe('≈ 1,5 triệu, ± 2');
  });
  it('rewrites a bare command or escaped percent left without dollars', () => {
    expect(latex('đạt \\geq 80% và giảm 5\\%')).toBe('đạt ≥ 80% và giảm 5%');
  });
  it('leaves dollar amounts and prose alone', () => {
    expect(latex('giá $100 và $200 mỗi tấn')).toBe('giá $100 và $200 mỗi tấn');
    expect(latex('ký hiệu $ trong bảng')).toBe('ký hiệu $ trong bảng');
  });
  it('keeps the offsets of the text around a rewrite', () => {
    const t = latexPass(identity('A $\\leq 5$ B'));
    expect(t.text).toBe('A ≤ 5 B');
    expect(t.map[0]).toBe(0);
    expect(t.map[t.text.indexOf('5')]).toBe('A $\\leq 5$ B'.indexOf('5'));
    expect(t.map[t.text.length - 1]).toBe('A $\\leq 5$ B'.length - 1);
  });
  it('runs in the pipeline', () => {
    expect(normalizeText('Tỷ lệ $\\leq 1,0\\%$.')).toBe('Tỷ lệ ≤ 1,0%.');
  });
});
