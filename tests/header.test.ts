import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/normalize/index.js';
import { parse } from '../src/parse/index.js';
import { canonicalRef } from '../src/text/refs.js';

const manifest = JSON.parse(readFileSync('corpus/manifest.json', 'utf8')) as {
  file: string;
  type: string;
  number: string | null;
  date: string | null;
  date_printed?: string;
}[];

const header = (text: string) => parse({ text: normalizeText(text) }).header;

describe('header of every real document in corpus/ agrees with its manifest record', () => {
  for (const e of manifest) {
    it(e.file, () => {
      const h = header(readFileSync(`corpus/${e.file}`, 'utf8'));
      // a blank number ("Số: /KH-MTTQ-BTT") has no ref; the manifest then records only the symbol
      const blank = !e.number || e.number.trim().startsWith('/');
      const bodyOnly = !/Số|số:/u.test(readFileSync(`corpus/${e.file}`, 'utf8').slice(0, 600));
      if (!blank && !bodyOnly) expect(h.ref).toBe(canonicalRef(e.number!));
      if (blank) expect(h.ref).toBeNull();
      if (e.date && !bodyOnly) expect(h.date).toBe(e.date);
      expect(h.kind).toBe(e.type);
    });
  }
});

describe('header fields', () => {
  it('reads issuer lines in capitals into ordinary case, with number, place and date', () => {
    const h = header('ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 09/CT-UBND\nCần Thơ, ngày 18 tháng 11 năm 2025\n\nCHỈ THỊ\nVỀ TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ\nNước là nguồn tài nguyên.');
    expect(h).toMatchObject({ kind: 'Chỉ thị', ref: '09/CT-UBND', symbol: 'CT-UBND', issuer: 'Ủy ban nhân dân thành phố Cần Thơ', place: 'Cần Thơ', date: '2025-11-18', title: 'VỀ TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ' });
  });
  it('keeps the symbol of a blank number and gives the year alone for a blank date', () => {
    const h = header('Số: /KH-UBND\n\nTP. Lào Cai, ngày tháng năm 2024\n\nKẾ HOẠCH\n\nThực hiện Nghị quyết số 27-NQ/TU');
    expect(h).toMatchObject({ ref: null, symbol: 'KH-UBND', place: 'TP. Lào Cai', date: '2024', kind: 'Kế hoạch' });
  });
  it('takes a letter without a kind heading as a Công văn titled by its V/v line', () => {
    const h = header('Số: /VP-VX\n\nHải Phòng, ngày tháng năm 2024\n\nV/v triển khai thực hiện Chỉ thị số 27/CT-TTg\nngày 15/8/2024 của Thủ tướng Chính phủ\n\nKính gửi:\n\n- Các Sở, ban, ngành thành phố;\n- Ủy ban nhân dân các quận, huyện.\n\nThực hiện Chỉ thị.');
    expect(h.kind).toBe('Công văn');
    expect(h.title).toBe('V/v triển khai thực hiện Chỉ thị số 27/CT-TTg ngày 15/8/2024 của Thủ tướng Chính phủ');
    expect(h.recipients).toEqual(['Các Sở, ban, ngành thành phố', 'Ủy ban nhân dân các quận, huyện']);
  });
  it('reads "Luật số:" and a party number "Số 74-KH/TU"', () => {
    expect(header('QUỐC HỘI\nLuật số: 83/2025/QH15\nHà Nội, ngày 24 tháng 6 năm 2025\nLUẬT\nSỬA ĐỔI LUẬT BẦU CỬ').ref).toBe('83/2025/QH15');
    expect(header('THÀNH ỦY HÀ NỘI\nSố 74-KH/TU\nHà Nội, ngày 27 tháng 01 năm 2018\nKẾ HOẠCH\nTHỰC HIỆN NGHỊ QUYẾT').ref).toBe('74-KH/TU');
  });
  it('finds the signer after the title lines and skips "(đã ký)"', () => {
    const h = header('Số: 1/KH-UBND\nHà Nội, ngày 1 tháng 1 năm 2025\nKẾ HOẠCH\nVỀ VIỆC A\n1. Nội dung\nLàm việc.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(đã ký)\nNguyễn Văn An');
    expect(h.signer).toBe('Nguyễn Văn An');
    expect(h.copyTo).toEqual(['Như trên', 'Lưu: VT']);
  });
  it('does not take a heading in capitals after the signature for a name', () => {
    const h = header('Số: 1/QĐ-UBND\nHà Nội, ngày 1 tháng 1 năm 2025\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ\nĐiều 1. Ban hành.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPHỤ LỤC\nDanh mục');
    expect(h.signer).toBeNull();
  });
  it('recognises a news article by its dateline', () => {
    const h = header('M\n16:31 | 23/04/2018\n\nNâng cao chất lượng dân số để đáp ứng nhu cầu phát triển\n\nUBND TP Hà Nội vừa ban hành Kế hoạch số 94/KH-UBND.');
    expect(h).toMatchObject({ kind: 'Tin bài', date: '2018-04-23', title: 'Nâng cao chất lượng dân số để đáp ứng nhu cầu phát triển', ref: null });
  });
  it('names a body-only text by how it refers to itself, and its issuer from the preamble', () => {
    const h = header('Thời gian qua có nhiều kết quả. Từ tình hình trên, Bộ Chính trị yêu cầu quán triệt thực hiện tốt các nội dung sau:\nI- QUAN ĐIỂM\n1. Phát triển.\nNghị quyết này phổ biến đến chi bộ.');
    expect(h).toMatchObject({ kind: 'Nghị quyết', issuer: 'Bộ Chính trị', ref: null, date: null });
  });
});
