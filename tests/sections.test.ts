import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/normalize/index.js';
import { parse } from '../src/parse/index.js';

const ids = (text: string) => parse({ text: normalizeText(text) }).tree.sections.map((s) => s.id);

describe('section ids (extraction.md §6)', () => {
  it('joins Roman, Arabic and letter labels from the top', () => {
    expect(ids('KẾ HOẠCH\nTHỰC HIỆN\nI. MỤC ĐÍCH\n1. Mục đích\na) Một\nb) Hai\n2. Yêu cầu\nII. NHIỆM VỤ\n1. Sở Y tế\n- Chủ trì.')).toEqual(['I', 'I.1', 'I.1.a', 'I.1.b', 'I.2', 'II', 'II.1']);
  });
  it('reads "I-" Roman labels and "đ)" letters', () => {
    expect(ids('Mở đầu.\nI- QUAN ĐIỂM\n1. Một\na) x\nb) y\nc) z\nd) t\nđ) u\nII- MỤC TIÊU')).toEqual(['I', 'I.1', 'I.1.a', 'I.1.b', 'I.1.c', 'I.1.d', 'I.1.đ', 'II']);
  });
  it('reads party-style "1-" items under "I-" headings and splits an inline first letter', () => {
    expect(ids('Mở đầu.\nI- QUAN ĐIỂM\n1- Phát triển.\n2- Tiếp tục.\nII- MỤC TIÊU\n1- Mục tiêu tổng quát\nX.\n2- Mục tiêu cụ thể a) Đến năm 2020, đạt.\nb) Phát triển.')).toEqual(['I', 'I.1', 'I.2', 'II', 'II.1', 'II.2', 'II.2.a', 'II.2.b']);
  });
  it('numbers a document with only Arabic items 1, 2, 2.a', () => {
    expect(ids('Kính gửi: Sở Y tế\nThực hiện Chỉ thị.\n1. Các Sở:\nLàm.\n2. Sở Y tế\na) Chủ trì\n3. UBND các quận')).toEqual(['1', '2', '2.a', '3']);
  });
  it('puts dotted labels under their parent: II.1.1, and keeps a label printed twice', () => {
    expect(ids('I. A\nII. B\n1. Một\n1.1 Xây dựng\n1.2. Tổng hợp\n3.2. x\n2. Hai\n2.1 Thời gian\n2.2 Đơn vị')).toEqual(['I', 'II', 'II.1', 'II.1.1', 'II.1.2', 'II.1.3.2', 'II.2', 'II.2.1', 'II.2.2']);
  });
  it('numbers articles through the document, without their chapter', () => {
    expect(ids('Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n1. Quy chế này\na) Một\nĐiều 2. Giải thích\nChương II\nĐiều 3. Trách nhiệm\n1. Sở')).toEqual(['Chương I', 'Điều 1', 'Điều 1.1', 'Điều 1.1.a', 'Điều 2', 'Chương II', 'Điều 3', 'Điều 3.1']);
  });
  it('nests a list that restarts at 1 inside an item', () => {
    expect(ids('I. A\n1. Một\nb) Hai\n1. nested\n2. nested\n2. Hai')).toEqual(['I', 'I.1', 'I.1.b', 'I.1.b.1', 'I.1.b.2', 'I.2']);
  });
  it('makes no section from dates, numbers inside sentences, footnotes, Nơi nhận or table rows', () => {
    const text = [
      'Số: 5/KH-UBND',
      'Hà Nội, ngày 1 tháng 2 năm 2025',
      'KẾ HOẠCH',
      'VỀ DÂN SỐ',
      'I. MỤC TIÊU',
      '1. Tỉ lệ đạt 90% theo các bước 1. và 2. đã nêu.',
      '2030, Đề án được hoàn thành.',
      '15/8/2024 là ngày ban hành.',
      'TT | Nội dung | Cơ quan chủ trì',
      '1 | Tuyên truyền | Sở Y tế',
      'Nơi nhận:',
      '- Như trên;',
      '1. Bộ Y tế;',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn An',
      '1 Sau khi Quốc hội ban hành Luật Dân số.',
    ].join('\n');
    expect(ids(text)).toEqual(['I', 'I.1']);
  });
  it('restarts numbering in a document attached after the signature', () => {
    const text = 'Số: 1/QĐ-UBND\nHà Nội, ngày 1 tháng 1 năm 2025\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ\nĐiều 1. Ban hành.\nĐiều 2. Hiệu lực.\nNơi nhận:\n- Như Điều 2;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Khởi\nQUY CHẾ\nSỬ DỤNG HỆ THỐNG\n(Kèm theo Quyết định số 1/QĐ-UBND)\nChương I\nĐiều 1. Phạm vi\n1. Quy chế';
    const doc = parse({ text: normalizeText(text) });
    expect(doc.tree.sections.map((s) => s.id)).toEqual(['Điều 1', 'Điều 2', 'Chương I', 'Điều 1', 'Điều 1.1']);
    expect(doc.tree.sections.map((s) => s.part)).toEqual([0, 0, 1, 1, 1]);
  });
  it('splits a first sub-item printed on its heading line when the next line is "b)"', () => {
    expect(ids('I. A\n3. Tăng cường đầu tư a) Ban hành Chương trình\nb) Phát triển mạng lưới')).toEqual(['I', 'I.3', 'I.3.a', 'I.3.b']);
  });
  it('ends the text at "./." even when "Nơi nhận" was lost', () => {
    const doc = parse({ text: normalizeText('Điều 1. Phạm vi.\nĐiều 2. Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này./.\n- Thủ tướng;\n- Lưu: VT') });
    expect(doc.tree.sections.map((s) => s.id)).toEqual(['Điều 1', 'Điều 2']);
    expect(doc.tree.paragraphs.find((p) => p.text === '- Thủ tướng;')!.section).toBeNull();
  });
  it('takes a last-paragraph request to carry the plan out as the closing formula', () => {
    const doc = parse({ text: normalizeText('I. A\n1. Một\nLàm việc.\n2. Hai\nNguồn ngân sách.\nĐề nghị các sở, ban, ngành và địa phương khẩn trương thực hiện đúng chức năng được giao.') });
    expect(doc.tree.paragraphs.find((p) => p.text.startsWith('Đề nghị'))!.zone).toBe('closing');
    expect(doc.tree.paragraphs.find((p) => p.text.startsWith('Nguồn'))!.zone).toBe('body');
  });
  it('reads the bare numeral group headings of a table printed one cell per line', () => {
    const text = 'I. A\n1. Một\nNơi nhận:\n- Lưu\nKT. CHỦ TỊCH\nNguyễn Văn Đệ\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\nTT\nNội dung thực hiện\nI\nKIỆN TOÀN CƠ CHẾ CHỈ ĐẠO\n1\nTổ chức lại Ban Chỉ huy\nII\nTRIỂN KHAI VĂN BẢN\n1\nTriển khai';
    expect(ids(text)).toEqual(['I', 'I.1', 'I', 'II']);
  });
  it('ends sections at the closing formula', () => {
    const doc = parse({ text: normalizeText('I. A\n1. Một\nLàm việc.\nTrên đây là Kế hoạch của UBND quận.\nNơi nhận:\n- Như trên') });
    const one = doc.tree.sections.find((s) => s.id === 'I.1')!;
    expect(doc.tree.text.slice(one.start, one.end)).toBe('1. Một\nLàm việc.');
    expect(doc.tree.paragraphs.find((p) => p.text.startsWith('Trên đây'))!.zone).toBe('closing');
  });
});
