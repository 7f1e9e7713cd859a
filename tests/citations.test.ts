import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCitations } from '../src/extract/citations/index.js';
import type { Citation } from '../src/models.js';
import { normalizeText } from '../src/normalize/index.js';
import { parse } from '../src/parse/index.js';

/**
 * Citations (extraction.md §3, §7) on sentences printed in corpus/ (file in the test name). Each
 * test asserts what a user sees: the canonical reference, its kind, date, issuer, and the relation
 * from the citing document or from the document a chained clause names.
 */

const extract = (text: string): Citation[] => findCitations(parse({ text: normalizeText(text) }));
/** The same without the normaliser, so that a line break stays where the file had it. */
const extractRaw = (text: string): Citation[] => findCitations(parse({ text }));
const fromFile = (name: string): Citation[] => extract(readFileSync(`corpus/${name}`, 'utf8'));

/** A plan with the given opening (text before the first section) and body (under "1."). */
const plan = (opening: string, body = '- Triển khai các nhiệm vụ được giao.', closing = ''): Citation[] =>
  extract(
    `ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nSố: 179/KH-UBND\nĐồng Nai, ngày 24 tháng 11 năm 2025\nKẾ HOẠCH\nChuyển đổi số trên địa bàn tỉnh\n` +
      `${opening}\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n${body}\n${closing}\nNơi nhận:\n- Như trên;\n`,
  );

const one = (cs: Citation[], ref: string, from = 'self'): Citation => {
  const c = cs.find((x) => x.ref === ref && x.from === from);
  if (!c) throw new Error(`no citation ${ref} from ${from} in ${JSON.stringify(cs.map((x) => `${x.ref}<${x.relation}<${x.from}`))}`);
  return c;
};
const triples = (cs: Citation[]): string[] => cs.map((c) => `${c.ref} ${c.relation} ${c.from}`).sort();

describe('a reference: canonical form, kind, date, issuer', () => {
  it('state style with a numeric date and the Prime Minister (cv-hai-phong-2024-trien-khai-ct27)', () => {
    const c = one(plan('Thực hiện Chỉ thị số 27/CT-TTg ngày 15/8/2024 của Thủ tướng Chính phủ về tăng cường thực hiện công tác dân số trong tình hình mới.'), '27/CT-TTg');
    expect(c).toMatchObject({ kind: 'Chỉ thị', date: '2024-08-15', issuer: 'Thủ tướng Chính phủ', year: 2024 });
  });
  it('a date in words (kh-ha-nam-2018-thuc-hien-nq137)', () => {
    const c = one(plan('Thực hiện Nghị quyết số 137/NQ-CP ngày 31 tháng 12 năm 2017 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch.'), '137/NQ-CP');
    expect(c).toMatchObject({ kind: 'Nghị quyết', date: '2017-12-31', issuer: 'Chính phủ' });
  });
  it('party style with a one-digit month (kh-lao-cai-2024-thuc-hien-nq27-tu)', () => {
    const c = one(plan('Thực hiện Nghị quyết số 27-NQ/TU ngày 01/7/2022 của Ban Thường vụ Tỉnh ủy về nâng cao chất lượng dân số tỉnh Lào Cai.'), '27-NQ/TU');
    expect(c).toMatchObject({ kind: 'Nghị quyết', date: '2022-07-01', issuer: 'Ban Thường vụ Tỉnh ủy' });
  });
  it('a comma before the date (kh-16-kh-mttq-btt-luong-minh-2025)', () => {
    const c = one(plan('Căn cứ Chỉ thị số 46-CT/TW, ngày 16/5/2025 của Bộ Chính trị về lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XVI;'), '46-CT/TW');
    expect(c).toMatchObject({ kind: 'Chỉ thị', date: '2025-05-16', issuer: 'Bộ Chính trị', relation: 'based_on' });
  });
  it('UBND expanded (kh-long-bien-2024-thuc-hien-ct11)', () => {
    const c = one(plan('Thực hiện Chỉ thị số 11/CT-UBND ngày 22/10/2024 của UBND thành phố Hà Nội về tăng cường thực hiện công tác dân số;'), '11/CT-UBND');
    expect(c).toMatchObject({ issuer: 'Ủy ban nhân dân thành phố Hà Nội', date: '2024-10-22' });
  });
  it('MTTQ expanded, the place kept as printed (kh-16-kh-mttq-btt-luong-minh-2025)', () => {
    const c = one(plan('Căn cứ Kế hoạch số 33/KH-MTTQ-BTT, ngày 17/11/2025 của Ban Thường trực Ủy ban MTTQ Việt Nam xã Quảng Ninh về Thực hiện công tác bầu cử;'), '33/KH-MTTQ-BTT');
    expect(c).toMatchObject({ kind: 'Kế hoạch', issuer: 'Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Quảng Ninh', date: '2025-11-17' });
  });
  it('a party resolution adopted at a plenum is issued by the Central Committee (kh-long-bien, tin-ha-noi-2018-kh94)', () => {
    const a = one(plan('Quán triệt Nghị quyết số 21-NQ/TW ngày 25/10/2017 tại Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về công tác dân số.'), '21-NQ/TW');
    expect(a.issuer).toBe('Ban Chấp hành Trung ương Đảng khóa XII');
    const b = one(plan('Quán triệt Nghị quyết 21-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu BCH TƯ Đảng khóa XII về công tác dân số.'), '21-NQ/TW');
    expect(b.issuer).toBe('Ban Chấp hành Trung ương Đảng khóa XII');
  });
  it('an issuer with a dash and "và" in its name (kh-160-kh-ubnd-can-tho-2025)', () => {
    const c = one(plan('Căn cứ Thông tư số 10/2022/TT-BLĐTBXH ngày 31 tháng 5 năm 2022 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn giám sát;'), '10/2022/TT-BLĐTBXH');
    expect(c).toMatchObject({ kind: 'Thông tư', issuer: 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội', date: '2022-05-31', year: 2022 });
  });
  it('the date after the issuer (kh-179-kh-ubnd-dong-nai-2025)', () => {
    const c = one(plan('Căn cứ Quyết định số 411/QĐ-TTg của Thủ tướng Chính phủ ngày 31/3/2022 phê duyệt Chiến lược quốc gia;'), '411/QĐ-TTg');
    expect(c).toMatchObject({ date: '2022-03-31', issuer: 'Thủ tướng Chính phủ' });
  });
  it('the issuer ends where the subject starts (hd-45-hd-btctw-2025)', () => {
    const c = one(plan('', '- Tính theo Nghị định số 135/2020/NĐ -CP ngày 18/11/2020 của Chính phủ trừ đi tuổi của cán bộ.'), '135/2020/NĐ-CP');
    expect(c).toMatchObject({ issuer: 'Chính phủ', kind: 'Nghị định', relation: 'mentions' });
  });
  it('a law named before its number (kh-16-kh-mttq-btt-luong-minh-2025)', () => {
    const cs = plan('Căn cứ Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13, ngày 09/6/2015 và Luật số 97/2025/QH15, ngày 27/6/2025;');
    expect(one(cs, '75/2015/QH13')).toMatchObject({ kind: 'Luật', date: '2015-06-09', issuer: null, relation: 'based_on' });
    expect(one(cs, '97/2025/QH15')).toMatchObject({ kind: 'Luật', date: '2025-06-27', relation: 'based_on' });
  });
  it('a listed letter takes the kind of the list (cd-224-cd-ttg-2025)', () => {
    const cs = plan('', '- Theo các văn bản số: 10894/VPCP-CN ngày 8/11/2025, 8563/VPCP-CN ngày 12/9/2025 của Văn phòng Chính phủ.');
    expect(one(cs, '10894/VPCP-CN')).toMatchObject({ kind: 'Công văn', date: '2025-11-08' });
    expect(one(cs, '8563/VPCP-CN')).toMatchObject({ kind: 'Công văn', issuer: 'Văn phòng Chính phủ' });
  });
  it('a generic "văn bản" takes the kind of its symbol (cd-234-cd-ttg-2025)', () => {
    const cs = plan('Căn cứ chỉ đạo của Ban Bí thư tại văn bản số 213-KL/TW ngày 21/11/2025, Nghị quyết 380/NQ-CP ngày 25/11/2025 của Chính phủ;');
    expect(one(cs, '213-KL/TW')).toMatchObject({ kind: 'Kết luận', relation: 'based_on' });
    expect(one(cs, '380/NQ-CP')).toMatchObject({ kind: 'Nghị quyết', issuer: 'Chính phủ', relation: 'based_on' });
  });
  it('numbers listed before one symbol share it (hd-45-hd-btctw-2025)', () => {
    const cs = plan('', '- Căn cứ các Kết luận số 187, 188- KL/TW ngày 29/8/2025 của Bộ Chính trị.');
    expect(triples(cs)).toEqual(['187-KL/TW mentions self', '188-KL/TW mentions self']);
    expect(one(cs, '187-KL/TW')).toMatchObject({ kind: 'Kết luận', date: '2025-08-29' });
  });
  it('a proposal (Tờ trình) is a based_on citation (cv-4240-ubnd-vx-ho-chi-minh-2025)', () => {
    const c = one(plan('Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 9807/TTr-SNV ngày 25 tháng 11 năm 2025;'), '9807/TTr-SNV');
    expect(c).toMatchObject({ kind: 'Tờ trình', relation: 'based_on', date: '2025-11-25', cue: 'Theo đề nghị' });
  });
  it('forms, annexes and standards are not documents (hd-mttq-btt-luong-minh-gioi-thieu-ung-cu-2025, nq-40-nq-hdbcqg-2025, nq-57-2025-nq-hdnd-ha-noi)', () => {
    expect(plan('', '- Lập biên bản theo Mẫu số 01/HNCT.')).toEqual([]);
    expect(plan('', '(Kèm theo các mẫu số 01, 02, 03/HĐBC-QH)')).toEqual([]);
    expect(plan('', '- Đáp ứng quy chuẩn QCVN 85:2025/BNNMT về khí thải.')).toEqual([]);
  });
  it('a Front circular (Thông tri) and a joint resolution (hd-mttq-btt-luong-minh-tham-gia-bau-cu-2025)', () => {
    const cs = plan('', '- Thực hiện theo Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN và Thông tri số 05/TT-MTTW-BTT, ngày 04/11/2025 của Ủy ban Trung ương MTTQ Việt Nam.');
    expect(one(cs, '102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN')).toMatchObject({ kind: 'Nghị quyết liên tịch', year: 2025 });
    expect(one(cs, '05/TT-MTTW-BTT')).toMatchObject({ issuer: 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', date: '2025-11-04' });
  });
});

describe('misprints and line breaks', () => {
  it('a party plan printed in state style (kh-lao-cai-2024-thuc-hien-nq27-tu)', () => {
    const c = one(plan('Căn cứ Kế hoạch số 158/KH-TU ngày 23/8/2022 của Thành ủy Lào Cai về triển khai thực hiện Nghị quyết số 27-NQ/TU.'), '158-KH/TU');
    expect(c).toMatchObject({ kind: 'Kế hoạch', issuer: 'Thành ủy Lào Cai', relation: 'based_on' });
  });
  it('spaces around the dash (kh-310-kh-ubnd-ha-noi-2025, issue 3)', () => {
    const cs = plan('Triển khai thực hiện Kế hoạch số 139/KH-UBND của UBND Thành phố về thực hiện Nghị quyết số 71/NQ -CP ngày 01/4/2025 của Chính phủ; Quyết định số 1679/QĐ- TTg của Thủ tướng Chính phủ.');
    expect(cs.map((c) => c.ref)).toContain('71/NQ-CP');
    expect(one(cs, '1679/QĐ-TTg').relation).toBe('implements');
  });
  it('a spaced dash and a doubled "số" (kh-01-kh-tbttkt-pho-bang-2025)', () => {
    const c = one(plan('', '- Tuyên truyền Chỉ thị số số 46 - CT/TW ngày 16/5/2025 của Bộ Chính trị về lãnh đạo cuộc bầu cử.'), '46-CT/TW');
    expect(c).toMatchObject({ kind: 'Chỉ thị', date: '2025-05-16' });
  });
  it('a space inside a known code (nqlt-102-2025-ubtvqh15-cp-dctubtwmttqvn)', () => {
    expect(one(plan('', '- Thực hiện theo quy định tại Chương II của Nghị quyết số 101/2025/UBTV QH15.'), '101/2025/UBTVQH15').kind).toBe('Nghị quyết');
  });
  it('a reference broken by a line wrap, with or without the normaliser', () => {
    const text = 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ LÀO CAI\nSố: /KH-UBND\nKẾ HOẠCH\nThực hiện Nghị quyết số 27-\nNQ/TU ngày 01/7/2022 của Ban Thường vụ Tỉnh ủy\nI. MỤC TIÊU\n1. Mục tiêu chung\n- Thực hiện Chỉ thị 11/CT-\nUBND trên địa bàn.\n';
    for (const cs of [extractRaw(text), extract(text)]) {
      expect(cs.map((c) => c.ref).sort()).toEqual(['11/CT-UBND', '27-NQ/TU']);
      expect(one(cs, '27-NQ/TU').relation).toBe('implements');
    }
  });
  it('a bullet on the next line is not part of the reference (kh-556-kh-ubnd-dong-thap-2025)', () => {
    const cs = extractRaw('KẾ HOẠCH\nPhát triển kinh tế biển\nI. NHIỆM VỤ\n1. Tuyên truyền\n- Phổ biến thông tin để triển khai thực hiện Nghị quyết số 48/NQ-CP\n- Tập trung quán triệt các nội dung\n');
    expect(cs.map((c) => c.ref)).toEqual(['48/NQ-CP']);
  });
  it('a title in capitals (kh-980-kh-ubnd-nghe-an-2025)', () => {
    const cs = extract('ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 980/KH-UBND\nNghệ An, ngày 18 tháng 11 năm 2025\nKẾ HOẠCH\nTHỰC HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTG NGÀY 04/9/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Mục đích\n- Xác định trách nhiệm.\n');
    expect(one(cs, '1899/QĐ-TTg')).toMatchObject({ relation: 'implements', kind: 'Quyết định', date: '2025-09-04', issuer: 'Thủ tướng Chính phủ' });
  });
});

describe('relations from the citing document', () => {
  it('one "Căn cứ" governs the whole semicolon list (kh-16-kh-mttq-btt-luong-minh-2025)', () => {
    const cs = plan(
      'Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13, ngày 25/6/2015 và được sửa đổi, bổ sung một số điều tại Luật số 83/2025/QH15, ngày 24/6/2025; Chỉ thị số 46-CT/TW, ngày 16/5/2025 của Bộ Chính trị về lãnh đạo cuộc bầu cử; Kế hoạch số 06/KH-MTTW-BTT, ngày 22/7/2025 của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam về thực hiện công tác bầu cử;',
    );
    expect(triples(cs)).toEqual(['06/KH-MTTW-BTT based_on self', '46-CT/TW based_on self', '83/2025/QH15 based_on self', '85/2015/QH13 based_on self']);
  });
  it('"Thực hiện …" in the opening implements; the same words in a task are a mention (kh-lao-cai-2024-thuc-hien-nq27-tu)', () => {
    const cs = plan('Thực hiện Kế hoạch số 57/KH-UBND ngày 30/01/2024 của UBND tỉnh Lào Cai.', '- Giao Trung tâm Y tế tuyên truyền, vận động thực hiện Nghị quyết 27-NQ/TU.');
    expect(one(cs, '57/KH-UBND')).toMatchObject({ relation: 'implements', cue: 'Thực hiện', section: null });
    expect(one(cs, '27-NQ/TU')).toMatchObject({ relation: 'mentions', section: 'I.1' });
  });
  it('"Triển khai thực hiện" governs every item (kh-310-kh-ubnd-ha-noi-2025)', () => {
    const cs = plan('Triển khai thực hiện Quyết định số 1132/QĐ-TTg ngày 09/10/2024 của Thủ tướng Chính phủ về việc phê duyệt Chiến lược hạ tầng số; Quyết định số 912/QĐ-BKHCN ngày 18/5/2025 của Bộ Khoa học và Công nghệ về việc ban hành Kế hoạch phát triển hạ tầng số. UBND thành phố ban hành Kế hoạch.');
    expect(one(cs, '1132/QĐ-TTg').relation).toBe('implements');
    expect(one(cs, '912/QĐ-BKHCN')).toMatchObject({ relation: 'implements', issuer: 'Bộ Khoa học và Công nghệ' });
  });
  it('"Kế hoạch thực hiện …" in the opening implements (kh-long-bien-2024-thuc-hien-ct11)', () => {
    const cs = plan('UBND quận Long Biên xây dựng kế hoạch thực hiện Chỉ thị 11/CT-UBND ngày 22/10/2024 của UBND thành phố Hà Nội cụ thể như sau:');
    expect(one(cs, '11/CT-UBND')).toMatchObject({ relation: 'implements', cue: 'thực hiện' });
  });
  it('"Theo hướng dẫn tại …" is guided_by (kh-long-bien-2024-thuc-hien-ct11)', () => {
    const cs = plan('Theo hướng dẫn tại Kế hoạch số 5646/KH-SYT ngày 12/11/2024 của Sở Y tế Hà Nội về thực hiện Chỉ thị số 11/CT-UBND ngày 22/10/2024 của UBND thành phố Hà Nội,');
    expect(one(cs, '5646/KH-SYT')).toMatchObject({ relation: 'guided_by', issuer: 'Sở Y tế Hà Nội', cue: 'Theo hướng dẫn tại' });
  });
  it('"Theo Công văn … hướng dẫn" is guided_by; "Theo quy định tại …" in a task is not (extraction.md §7)', () => {
    const cs = plan('Theo Công văn số 1552/BTTTT-TTH ngày 10/5/2024 của Bộ Thông tin và Truyền thông hướng dẫn kết nối hệ thống;', '- Theo quy định tại khoản 2 Điều 1 Quyết định số 18/2019/QĐ-TTg thì khoản này không hướng dẫn.');
    expect(one(cs, '1552/BTTTT-TTH').relation).toBe('guided_by');
    expect(one(cs, '18/2019/QĐ-TTg').relation).toBe('mentions');
  });
  it('"Xét Tờ trình …" is based_on (nq-57-2025-nq-hdnd-ha-noi)', () => {
    const c = one(plan('Xét Tờ trình số 431/TTr-UBND ngày 21 tháng 11 năm 2025 của Ủy ban nhân dân Thành phố về việc đề nghị ban hành Nghị quyết;'), '431/TTr-UBND');
    // the citing plan is a province's, so "Thành phố" cannot be completed from its issuer
    expect(c).toMatchObject({ relation: 'based_on', cue: 'Xét', kind: 'Tờ trình', issuer: 'Ủy ban nhân dân thành phố' });
  });
  it('"Tiếp theo Công điện số …" is a mention (extraction.md §7)', () => {
    expect(one(plan('Tiếp theo Công điện số 217/CĐ-TTg ngày 16/11/2025 của Thủ tướng Chính phủ, Thủ tướng Chính phủ yêu cầu các bộ khẩn trương.'), '217/CĐ-TTg').relation).toBe('mentions');
  });
  it('past work of others is a mention, in the opening too (extraction.md §7)', () => {
    expect(one(plan('Sau 8 năm triển khai thực hiện Nghị quyết số 21-NQ/TW ngày 25/10/2017, công tác dân số đạt nhiều kết quả.'), '21-NQ/TW').relation).toBe('mentions');
    expect(one(plan('Thực hiện Nghị quyết số 66/NQ-CP ngày 26 tháng 3 năm 2025 của Chính phủ, các bộ, cơ quan ngang bộ đã tập trung triển khai thực hiện các nhiệm vụ.'), '66/NQ-CP').relation).toBe('mentions');
  });
  it('a closing that describes the document counts (kh-lao-cai-2024-thuc-hien-nq27-tu)', () => {
    const cs = plan('', '- Triển khai các nhiệm vụ.', 'Trên đây là kế hoạch thực hiện Nghị quyết số 27-NQ/TU ngày 01/7/2022 của Ban Thường vụ Tỉnh ủy về nâng cao chất lượng dân số./.');
    expect(one(cs, '27-NQ/TU').relation).toBe('implements');
  });
  it('the strongest relation wins, once per document (kh-ha-nam-2018-thuc-hien-nq137)', () => {
    const cs = plan('Thực hiện Nghị quyết số 137/NQ-CP ngày 31 tháng 12 năm 2017 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch.', '- Quán triệt nghiêm túc nội dung của Nghị quyết số 137/NQ-CP.');
    expect(cs.filter((c) => c.ref === '137/NQ-CP')).toHaveLength(1);
    expect(one(cs, '137/NQ-CP').relation).toBe('implements');
  });
  it('the title "V/v triển khai thực hiện …" (cv-hai-phong-2024-trien-khai-ct27)', () => {
    const cs = fromFile('cv-hai-phong-2024-trien-khai-ct27.txt');
    expect(triples(cs)).toEqual(['27/CT-TTg implements self']);
    expect(one(cs, '27/CT-TTg')).toMatchObject({ kind: 'Chỉ thị', date: '2024-08-15', issuer: 'Thủ tướng Chính phủ' });
  });
  it('a news article implements nothing itself (tin-ha-noi-2018-kh94)', () => {
    expect(triples(fromFile('tin-ha-noi-2018-kh94.txt'))).toEqual([
      '21-NQ/TW implements 74-KH/TU',
      '21-NQ/TW mentions self',
      '74-KH/TU implements 94/KH-UBND',
      '74-KH/TU mentions self',
      '94/KH-UBND mentions self',
    ]);
  });
});

describe('chained clauses', () => {
  it('"Kế hoạch số 5646/KH-SYT … về thực hiện Chỉ thị số 11/CT-UBND" (kh-long-bien-2024-thuc-hien-ct11)', () => {
    const cs = fromFile('kh-long-bien-2024-thuc-hien-ct11.txt');
    expect(triples(cs)).toEqual(['11/CT-UBND implements 5646/KH-SYT', '11/CT-UBND implements self', '21-NQ/TW mentions self', '5646/KH-SYT guided_by self']);
    expect(one(cs, '11/CT-UBND', '5646/KH-SYT').cue).toBe('về thực hiện');
  });
  it('only the nearest head: 21-NQ/TW from 54-CTr/TU, not from 137/NQ-CP (kh-ha-nam-2018-thuc-hien-nq137)', () => {
    const cs = fromFile('kh-ha-nam-2018-thuc-hien-nq137.txt');
    expect(triples(cs)).toEqual(['137/NQ-CP implements self', '21-NQ/TW implements 54-CTr/TU', '21-NQ/TW mentions self', '54-CTr/TU implements self']);
    expect(one(cs, '54-CTr/TU')).toMatchObject({ kind: 'Chương trình hành động', date: '2018-01-31', issuer: 'Tỉnh ủy' });
  });
  it('each item of a list carries its own chain (kh-lao-cai-2024-thuc-hien-nq27-tu)', () => {
    const cs = fromFile('kh-lao-cai-2024-thuc-hien-nq27-tu.txt');
    expect(triples(cs)).toEqual([
      '158-KH/TU based_on self',
      '27-NQ/TU implements 158-KH/TU',
      '27-NQ/TU implements 57/KH-UBND',
      '27-NQ/TU implements self',
      '57/KH-UBND based_on self',
    ]);
    // the closing names the issuer in full; the title only "Ban Thường vụ Tỉnh ủy"
    expect(one(cs, '27-NQ/TU').issuer).toBe('Ban Thường vụ Tỉnh ủy Lào Cai');
  });
  it('through the document a head issues, and not past an unnumbered head of its own (kh-310-kh-ubnd-ha-noi-2025)', () => {
    const cs = fromFile('kh-310-kh-ubnd-ha-noi-2025.txt');
    // 03/NQ-CP "về ban hành Chương trình hành động … thực hiện Nghị quyết số 57-NQ/TW"
    expect(one(cs, '57-NQ/TW', '03/NQ-CP').relation).toBe('implements');
    // 139/KH-UBND "về thực hiện 71/NQ -CP … và Kế hoạch hành động của Ban Thường vụ Thành ủy … về triển khai 57-NQ/TW"
    expect(one(cs, '71/NQ-CP', '139/KH-UBND').relation).toBe('implements');
    expect(cs.find((c) => c.ref === '57-NQ/TW' && c.from === '139/KH-UBND')).toBeUndefined();
    // "UBND Thành phố" in a plan of the Hà Nội city committee is that committee
    expect(one(cs, '139/KH-UBND').issuer).toBe('Ủy ban nhân dân thành phố Hà Nội');
    expect(one(cs, '71/NQ-CP').relation).toBe('mentions');
    expect(one(cs, '36/QĐ-TTg')).toMatchObject({ relation: 'mentions', issuer: 'Thủ tướng Chính phủ', section: 'V.2' });
  });
  it('a chain through an amending instrument, and a mention from self for what only the chain names (qd-2610-qd-ubnd-can-tho-2025)', () => {
    const cs = fromFile('qd-2610-qd-ubnd-can-tho-2025.txt');
    expect(triples(cs)).toEqual([
      '46/KH-UBND based_on self',
      '57-NQ/TW implements 71/NQ-CP',
      '57-NQ/TW mentions self',
      '71/NQ-CP implements 46/KH-UBND',
      '71/NQ-CP mentions self',
      '749/QĐ-TTg based_on self',
      '942/QĐ-TTg based_on self',
    ]);
  });
  it('a reference listed after a chained one joins the chain (kh-144-kh-ubnd-bac-ninh-2025)', () => {
    const cs = plan('Căn cứ Kế hoạch số 17/KH-UBND ngày 11/8/2025 của UBND tỉnh về thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Kế hoạch số 07-KH/TU ngày 25/7/2025 của Ban thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;');
    expect(triples(cs)).toEqual([
      '07-KH/TU implements 17/KH-UBND',
      '07-KH/TU mentions self',
      '17/KH-UBND based_on self',
      '57-NQ/TW implements 07-KH/TU',
      '57-NQ/TW mentions self',
      '71/NQ-CP implements 17/KH-UBND',
      '71/NQ-CP mentions self',
    ]);
  });
  it('"thực hiện theo …" follows a document, it does not implement it', () => {
    const cs = plan('', '- Việc kết nối thực hiện theo Nghị định số 42/2022/NĐ-CP, các quy định kỹ thuật cụ thể thực hiện theo Thông tư số 22/2023/TT-BTTTT ngày 31/12/2023 của Bộ trưởng Bộ Thông tin và Truyền thông.');
    expect(triples(cs)).toEqual(['22/2023/TT-BTTTT mentions self', '42/2022/NĐ-CP mentions self']);
  });
  it('a chain asserted by the document about itself is its own relation', () => {
    const cs = extract('Số: 12/QĐ-UBND\nQUYẾT ĐỊNH\nBan hành Kế hoạch\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nĐiều 2. Quyết định số 12/QĐ-UBND ban hành Kế hoạch thực hiện Chỉ thị số 27/CT-TTg ngày 15/8/2024 của Thủ tướng Chính phủ.\n');
    expect(triples(cs)).toEqual(['27/CT-TTg implements self']);
  });
});

describe('short forms, aliases and the document\'s own number', () => {
  it('"(gọi tắt là Chỉ thị số 11/CT-UBND)" and later "Chỉ thị 11/CT-UBND" are one citation (kh-long-bien-2024-thuc-hien-ct11)', () => {
    const cs = plan('Thực hiện Chỉ thị số 11/CT-UBND ngày 22/10/2024 của UBND thành phố về tăng cường thực hiện công tác dân số trong tình hình mới (gọi tắt là Chỉ thị số 11/CT-UBND);', '- Theo dõi, đôn đốc thực hiện Chỉ thị 11/CT-UBND trên địa bàn quận Long Biên.');
    expect(triples(cs)).toEqual(['11/CT-UBND implements self']);
  });
  it('a defined short form resolves and creates no new reference (issue 3)', () => {
    const cs = plan('Thực hiện Chỉ thị số 27/CT-TTg ngày 15/8/2024 của Thủ tướng Chính phủ về tăng cường công tác dân số (sau đây viết tắt là Chỉ thị 27), Sở Y tế đề nghị:', '- Quán triệt Chỉ thị 27 đến cán bộ.');
    expect(triples(cs)).toEqual(['27/CT-TTg implements self']);
  });
  it('a bare short form gives its relation to the full reference (hd-45-hd-btctw-2025)', () => {
    const cs = plan('Để triển khai thực hiện Quy định 377, Ban Tổ chức hướng dẫn như sau:', '- Quy định số 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị về phân cấp quản lý cán bộ.');
    expect(triples(cs)).toEqual(['377-QĐ/TW implements self']);
  });
  it('"Nghị quyết nêu trên" resolves when one resolution precedes', () => {
    const cs = plan('Ngày 22/12/2024, Bộ Chính trị ban hành Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ. Để triển khai thực hiện Nghị quyết nêu trên, Ủy ban nhân dân tỉnh ban hành Kế hoạch.');
    expect(one(cs, '57-NQ/TW')).toMatchObject({ relation: 'implements', cue: 'triển khai thực hiện' });
  });
  it('"Đề án số 03" with no symbol anywhere is not a citation (kh-lao-cai-2024-thuc-hien-nq27-tu)', () => {
    const cs = fromFile('kh-lao-cai-2024-thuc-hien-nq27-tu.txt');
    expect(cs.some((c) => c.ref.startsWith('03'))).toBe(false);
  });
  it('the document\'s own number, also in its attached regulation, is never cited (qd-2610-qd-ubnd-can-tho-2025)', () => {
    expect(fromFile('qd-2610-qd-ubnd-can-tho-2025.txt').some((c) => c.ref === '2610/QĐ-UBND')).toBe(false);
  });
  it('a body-only text names itself in its first line (kl-69-kl-tw-2024)', () => {
    const cs = fromFile('kl-69-kl-tw-2024.txt');
    expect(cs.some((c) => c.ref === '69-KL/TW')).toBe(false);
    expect(one(cs, '20-NQ/TW').relation).toBe('implements');
  });
});

describe('evidence: spans, cue, section, year', () => {
  it('start/end cover the reference as printed and the cue span the asserting words (kh-long-bien-2024-thuc-hien-ct11)', () => {
    const text = normalizeText(readFileSync('corpus/kh-long-bien-2024-thuc-hien-ct11.txt', 'utf8'));
    const cs = findCitations(parse({ text }));
    for (const c of cs) {
      expect(text.slice(c.start, c.end).replace(/\s+/g, '')).toMatch(new RegExp(`^${c.ref.split(/[-/]/)[0]}`));
      if (c.cue) expect(text.slice(c.cueStart!, c.cueEnd!)).toBe(c.cue);
    }
    expect(one(cs, '21-NQ/TW')).toMatchObject({ section: 'II.2', year: 2017, cue: null });
    expect(one(cs, '5646/KH-SYT')).toMatchObject({ section: null, year: 2024 });
  });
  it('a year printed in the reference is its year (nq-57-2025-nq-hdnd-ha-noi)', () => {
    expect(one(fromFile('nq-57-2025-nq-hdnd-ha-noi.txt'), '39/2024/QH15')).toMatchObject({ year: 2024, kind: 'Luật', relation: 'based_on' });
  });
  it('the gold documents of corpus/ with no numbered reference cite nothing (ct-09, cd-217, kh-0130)', () => {
    expect(fromFile('ct-09-ct-ubnd-can-tho-2025.txt')).toEqual([]);
    expect(fromFile('cd-217-cd-ttg-2025.txt')).toEqual([]);
    expect(fromFile('kh-0130-kh-ubnd-dak-lak-2025.txt')).toEqual([]);
  });
});

describe('the opening of a letter without numbered sections', () => {
  it('a cue line ending in ":" governs the bulleted list under it', () => {
    const cs = extract('ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 12/UBND-VX\nV/v chuẩn bị bầu cử\nKính gửi: Các sở, ngành tỉnh\nCăn cứ:\n- Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13;\n- Nghị quyết số 101/2025/UBTVQH15 ngày 26/9/2025 của Ủy ban Thường vụ Quốc hội;\nỦy ban nhân dân tỉnh đề nghị các sở, ngành:\n- Tiếp tục thực hiện Công văn số 3280/UBND-VX của Ủy ban nhân dân tỉnh.\n- Báo cáo kết quả trước ngày 15/12/2025.\n');
    expect(triples(cs)).toEqual(['101/2025/UBTVQH15 based_on self', '3280/UBND-VX mentions self', '85/2015/QH13 based_on self']);
  });
});
