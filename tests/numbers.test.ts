import { describe, expect, it } from 'vitest';
import { findQuantities, maskLatex, parseNumberToken, parseNumberWords } from '../src/extract/numbers/index.js';

/** The quantities a reader would point at, in the shape a test can compare. */
function q(text: string) {
  return findQuantities(text).map((x) => {
    const o: Record<string, unknown> = { value: x.value, unit: x.unit, kind: x.kind };
    if (x.valueMax !== undefined) o.max = x.valueMax;
    if (x.sign) o.sign = x.sign;
    return o;
  });
}

describe('parseNumberToken: Vietnamese separators', () => {
  it('reads a comma as the decimal mark and dots as thousands', () => {
    expect(parseNumberToken('68,5')).toBe(68.5);
    expect(parseNumberToken('2.644.400')).toBe(2644400);
    expect(parseNumberToken('1.200')).toBe(1200);
    expect(parseNumberToken('12.500,75')).toBe(12500.75);
    expect(parseNumberToken('0,7')).toBe(0.7);
  });
  it('keeps leading zeros as the number they pad ("05 tuổi", "01 sàn", "09 tuyến")', () => {
    expect(parseNumberToken('05')).toBe(5);
    expect(parseNumberToken('01')).toBe(1);
    expect(parseNumberToken('09')).toBe(9);
  });
  it('accepts the English style only where the grouping demands it', () => {
    expect(parseNumberToken('1.5')).toBe(1.5); // one dot, not three digits after it: a decimal point
    expect(parseNumberToken('2,644,400')).toBe(2644400);
    expect(parseNumberToken('1,234.5')).toBe(1234.5);
  });
  it('rejects section labels', () => {
    expect(parseNumberToken('1.2.3')).toBeNull();
  });
});

describe('parseNumberWords', () => {
  it('reads numbers written in words', () => {
    expect(parseNumberWords(['hai'])).toBe(2);
    expect(parseNumberWords(['mười', 'hai'])).toBe(12);
    expect(parseNumberWords(['hai', 'mươi', 'lăm'])).toBe(25);
    expect(parseNumberWords(['ba', 'trăm'])).toBe(300);
    expect(parseNumberWords(['một', 'vạn'])).toBe(10000);
    expect(parseNumberWords(['hai', 'nghìn', 'năm', 'trăm'])).toBe(2500);
  });
  it('refuses runs that are not one number', () => {
    expect(parseNumberWords(['hai', 'ba'])).toBeNull();
  });
});

describe('findQuantities: real phrases from the corpus', () => {
  it('percentages and signs (Lào Cai, Kế hoạch 2024)', () => {
    expect(q('tỷ lệ tăng dân số tự nhiên ≤ 1,0%')).toEqual([{ value: 1, unit: '%', kind: 'percent', sign: '<=' }]);
    expect(q('trẻ dưới 5 tuổi còn ≤ 18,5%')).toEqual([
      { value: 5, unit: 'tuổi', kind: 'number' },
      { value: 18.5, unit: '%', kind: 'percent', sign: '<=' },
    ]);
  });
  it('LaTeX left by the Markdown export ($\\leq 1,0\\%$) reads as ≤ 1,0 %, with the span on the original text', () => {
    const text = 'tỷ lệ tăng dân số tự nhiên $\\leq 1,0\\%$, tổng tỷ suất sinh';
    const [x] = findQuantities(text);
    expect(x).toMatchObject({ value: 1, unit: '%', sign: '<=' });
    expect(text.slice(x.start, x.end)).toBe('\\leq 1,0\\%');
    expect(maskLatex(text)).toHaveLength(text.length);
  });
  it('multipliers nghìn / triệu / tỷ', () => {
    expect(q('quy mô dân số 840 nghìn người')).toEqual([{ value: 840000, unit: 'người', kind: 'number' }]);
    expect(q('Dân số Việt Nam đã đạt 93,7 triệu người')).toEqual([{ value: 93700000, unit: 'người', kind: 'number' }]);
    expect(q('nguồn vốn khoảng 1,5 tỷ đồng')).toEqual([{ value: 1500000000, unit: 'đồng', kind: 'number' }]);
  });
  it('money glued to the digits (2.644.400đ)', () => {
    expect(q('Dự kiến tổng kinh phí: 2.644.400đ')).toEqual([{ value: 2644400, unit: 'đồng', kind: 'number' }]);
  });
  it('fractions and counts out of a total', () => {
    expect(q('giảm 2/3 số vị thành niên và thanh niên có thai ngoài ý muốn')).toEqual([{ value: 0.6667, unit: 'fraction', kind: 'fraction' }]);
    expect(q('tại Trạm y tế 17/17 xã, phường')).toEqual([{ value: 17, unit: 'xã', kind: 'number' }]);
  });
  it('ratios: "109 bé trai/100 bé gái", "2,16 con/bà mẹ", "12 người trên một vạn dân"', () => {
    expect(q('dưới 109 bé trai/100 bé gái sinh ra sống')).toEqual([{ value: 109, unit: 'bé trai/100 bé gái', kind: 'ratio' }]);
    expect(q('(TFR, số con trung bình/bà mẹ) 2,16 con/bà mẹ')).toEqual([{ value: 2.16, unit: 'con/bà mẹ', kind: 'ratio' }]);
    expect(q('đạt 12 người trên một vạn dân')).toEqual([{ value: 12, unit: 'người/vạn dân', kind: 'ratio' }]);
  });
  it('what a percentage is of: "30% GDP", "10%/năm", "3% tổng chi ngân sách"', () => {
    expect(q('Quy mô kinh tế số đạt tối thiểu 30% GDP')).toEqual([{ value: 30, unit: '% GDP', kind: 'percent' }]);
    expect(q('tăng trung bình 10%/năm')).toEqual([{ value: 10, unit: '%/năm', kind: 'percent' }]);
    expect(q('bố trí ít nhất 3% tổng chi ngân sách hằng năm')).toEqual([{ value: 3, unit: '% tổng chi ngân sách', kind: 'percent' }]);
  });
  it('ranges: "từ 40 - 50", "16 - 18%/năm", "8 - 10%", "từ 5 đến 10%", "5%-10%"', () => {
    expect(q('có từ 40 - 50 tổ chức khoa học và công nghệ')).toEqual([{ value: 40, max: 50, unit: 'tổ chức', kind: 'range' }]);
    expect(q('tăng trung bình 16 - 18%/năm')).toEqual([{ value: 16, max: 18, unit: '%/năm', kind: 'range' }]);
    expect(q('tỉ lệ khai thác thương mại đạt 8 - 10%')).toEqual([{ value: 8, max: 10, unit: '%', kind: 'range' }]);
    expect(q('từ 5 đến 10%')).toEqual([{ value: 5, max: 10, unit: '%', kind: 'range' }]);
    expect(q('5%-10%')).toEqual([{ value: 5, max: 10, unit: '%', kind: 'range' }]);
  });
  it('per mille', () => {
    expect(q('tỷ suất chết trẻ em dưới 1 tuổi 12,5‰')).toEqual([
      { value: 1, unit: 'tuổi', kind: 'number' },
      { value: 12.5, unit: '‰', kind: 'permille' },
    ]);
    expect(q('12,5 phần nghìn')).toEqual([{ value: 12.5, unit: '‰', kind: 'permille' }]);
  });
  it('numbers in words only when a counted unit follows', () => {
    expect(q('mỗi cặp vợ chồng nên có hai con')).toEqual([{ value: 2, unit: 'con', kind: 'words' }]);
    expect(q('Xây dựng một hệ sinh thái IoT công nghiệp')).toEqual([]);
    expect(q('đầu tư dự án')).toEqual([]); // "tư" is four only after "mươi"
    expect(q('năm người dân')).toEqual([]); // "năm" alone is a year as often as five
  });
  it('measures and counts (KH 310 Hà Nội, QĐ 2530)', () => {
    expect(q('tốc độ 10 Gigabit mỗi giây (10 Gbps) đối xứng')).toEqual([
      { value: 10, unit: 'Gbps', kind: 'number' },
      { value: 10, unit: 'Gbps', kind: 'number' },
    ]);
    expect(q('đạt dưới 40 μg/m3')).toEqual([{ value: 40, unit: 'μg/m3', kind: 'number' }]);
    expect(q('cả nước có 1.200 công trình xây dựng xanh')).toEqual([{ value: 1200, unit: null, kind: 'number' }]);
    expect(q('tối thiểu có 5 doanh nghiệp công nghệ số')).toEqual([{ value: 5, unit: 'doanh nghiệp', kind: 'number' }]);
  });
  it('years, dates and references are numbers but marked so', () => {
    expect(q('giai đoạn 2021-2025')).toEqual([{ value: 2021, max: 2025, unit: null, kind: 'year' }]);
    expect(q('đến năm 2030')).toEqual([{ value: 2030, unit: null, kind: 'year' }]);
    expect(q('ngày 01/7/2022')).toEqual([{ value: 1, unit: null, kind: 'date' }]);
    expect(q('từ ngày 16-20/11/2025').map((x) => x.kind)).toEqual(['number', 'date']);
    expect(q('Nghị quyết số 27-NQ/TU, 57/NQ-CP')).toEqual([]);
    expect(q('5G, 6G, COVID-19, H5N1, PM2.5')).toEqual([]);
  });
});
