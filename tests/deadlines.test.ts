import { describe, expect, it } from 'vitest';
import { findDeadline } from '../src/extract/assignments/deadline.js';

describe('deadlines', () => {
  it('"trước ngày 10/6" takes the year of the document', () => {
    expect(findDeadline('báo cáo kỳ 6 tháng (trước ngày 10/6) và báo cáo năm (trước ngày 10/11)', '2024')).toEqual({
      text: 'trước ngày 10/6',
      value: '2024-06-10',
      recurrence: 'half-yearly',
    });
    expect(findDeadline('Thực hiện rà soát, thống kê, hoàn thành trước ngày 31/12/2025 và tổng hợp báo cáo', '2025-11-18')).toEqual({
      text: 'trước ngày 31/12/2025',
      value: '2025-12-31',
      recurrence: 'none',
    });
  });
  it('"trước 15/12 hằng năm" is yearly, first due after the document date', () => {
    expect(findDeadline('Báo cáo kết quả trước 15/12 hằng năm', '2025-12-20')).toEqual({ text: 'trước 15/12 hằng năm', value: '2026-12-15', recurrence: 'yearly' });
    expect(findDeadline('định kỳ trước ngày 30 tháng 11 hàng năm báo cáo kết quả', '2025-11-24')).toEqual({
      text: 'trước ngày 30 tháng 11 hàng năm',
      value: '2025-11-30',
      recurrence: 'yearly',
    });
  });
  it('quarters, months and years are intervals', () => {
    expect(findDeadline('hoàn thành trong quý III/2025', '2025-05-01')).toMatchObject({ value: '2025-07-01/2025-09-30', recurrence: 'none' });
    expect(findDeadline('Quý III Năm 2026', null, true)).toMatchObject({ value: '2026-07-01/2026-09-30' });
    expect(findDeadline('cơ bản hoàn thành trong năm 2026', '2025-05-01')).toEqual({ text: 'hoàn thành trong năm 2026', value: '2026-01-01/2026-12-31', recurrence: 'none' });
    expect(findDeadline('Tháng 11/2025', null, true)).toMatchObject({ value: '2025-11-01/2025-11-30' });
    expect(findDeadline('01/2025', null, true)).toMatchObject({ value: '2025-01-01/2025-01-31' });
  });
  it('ranges: "giai đoạn 2026–2030", "Quý IV/2025- Quý II/2026", "Từ tháng 12/2025 đến quý I/2026"', () => {
    expect(findDeadline('triển khai giai đoạn 2026–2030', null)).toEqual({ text: 'giai đoạn 2026–2030', value: '2026-01-01/2030-12-31', recurrence: 'none' });
    expect(findDeadline('Quý IV/2025- Quý II/2026', null, true)).toEqual({ text: 'Quý IV/2025- Quý II/2026', value: '2025-10-01/2026-06-30', recurrence: 'none' });
    expect(findDeadline('Thời gian thực hiện: Từ tháng 12/2025 đến quý I/2026.', '2025-11-18')).toMatchObject({
      text: 'Từ tháng 12/2025 đến quý I/2026',
      value: '2025-12-01/2026-03-31',
    });
  });
  it('recurrences alone have no value', () => {
    expect(findDeadline('Định kỳ 6 tháng báo cáo kết quả', '2025-05-01')).toEqual({ text: 'Định kỳ 6 tháng', value: null, recurrence: 'half-yearly' });
    expect(findDeadline('tuyên truyền thường xuyên về công tác dân số', null)).toEqual({ text: 'thường xuyên', value: null, recurrence: 'continuous' });
    expect(findDeadline('Hàng năm', null, true)).toEqual({ text: 'Hàng năm', value: null, recurrence: 'yearly' });
    expect(findDeadline('báo cáo hằng quý', null)).toMatchObject({ recurrence: 'quarterly' });
    expect(findDeadline('báo cáo hằng tháng', null)).toMatchObject({ recurrence: 'monthly' });
  });
  it('a cited document date or a programme horizon is not a deadline', () => {
    expect(findDeadline('thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị', '2025-11-24')).toBeNull();
    expect(findDeadline('triển khai Chiến lược phát triển đến năm 2030', '2025-11-24')).toBeNull();
  });
});
