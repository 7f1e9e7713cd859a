import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Target } from '../src/models.js';
import { readDocument } from '../src/read/index.js';
import { normalize } from '../src/normalize/index.js';
import { parse } from '../src/parse/index.js';
import { findTargets, indicatorKey } from '../src/extract/targets/index.js';

/*
 * Real target phrases, copied from the documents in corpus/ (file named in each case), placed under a
 * goals heading "II. MỤC TIÊU ĐẾN NĂM 2030" of an otherwise ordinary plan, and the targets a user
 * would see for them: comparator, value, unit, year and the words the indicator must carry.
 */

function targetsOfText(text: string): Target[] {
  return findTargets(parse(normalize({ text, format: 'txt', pages: null, paged: false, warnings: [] })));
}

function underGoals(line: string, heading = 'II. MỤC TIÊU ĐẾN NĂM 2030'): Target[] {
  return targetsOfText(
    [
      'KẾ HOẠCH',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '- Cụ thể hóa các nhiệm vụ.',
      heading,
      line,
      'III. NHIỆM VỤ VÀ GIẢI PHÁP',
      '1. Tăng cường công tác tuyên truyền',
      '- Tổ chức hội nghị quán triệt.',
    ].join('\n'),
  );
}

async function targetsOfFile(name: string): Promise<Target[]> {
  const read = await readDocument(resolve('corpus', name));
  return findTargets(parse(normalize(read.raw)));
}

type Expect = [comparator: string, value: number, unit: string | null, indicatorWords: string, extra?: Partial<Target>];

function shown(ts: Target[]) {
  return ts.map((t) => ({ comparator: t.comparator, value: t.value, unit: t.unit, year: t.year, ...(t.value_max !== undefined ? { value_max: t.value_max } : {}) }));
}

function check(line: string, expected: Expect[], year: number | null = 2030) {
  const ts = underGoals(line);
  expect(shown(ts)).toEqual(
    expected.map(([comparator, value, unit, , extra]) => ({ comparator, value, unit, year, ...(extra?.value_max !== undefined ? { value_max: extra.value_max } : {}), ...(extra?.year !== undefined ? { year: extra.year } : {}) })),
  );
  ts.forEach((t, i) => {
    for (const w of expected[i][3].split('|')) expect(t.indicator.toLowerCase()).toContain(w.toLowerCase());
    // the evidence span points at the text it was read from
    expect(t.text.length).toBeGreaterThan(0);
  });
}

const PHRASES: [source: string, line: string, expected: Expect[]][] = [
  // kh-ha-nam-2018-thuc-hien-nq137.txt, II. MỤC TIÊU CỤ THỂ PHẤN ĐẤU ĐẠT ĐƯỢC ĐẾN NĂM 2030
  ['Hà Nam II.1: "có" and a multiplier', '1. Duy trì vững chắc mức sinh thay thế (bình quân mỗi phụ nữ trong độ tuổi sinh đẻ có 2 con), quy mô dân số 840 nghìn người.', [
    ['=', 2, 'con/phụ nữ', 'số con|mỗi phụ nữ'],
    ['=', 840000, 'người', 'quy mô dân số'],
  ]],
  ['Hà Nam II.1: reduce_by a percentage and a fraction', 'Giảm 50% chênh lệch mức sinh giữa nông thôn và thành thị; mọi phụ nữ trong độ tuổi sinh đẻ đều được tiếp cận thuận tiện với các biện pháp tránh thai hiện đại; giảm 2/3 số vị thành niên và thanh niên có thai ngoài ý muốn.', [
    ['reduce_by', 50, '%', 'chênh lệch mức sinh'],
    ['reduce_by', 0.6667, 'fraction', 'vị thành niên'],
  ]],
  ['Hà Nam II.2: a ratio, "dưới", "khoảng", populations defined by age', '2. Tỉ số giới tính khi sinh dưới 109 bé trai/100 bé gái sinh ra sống; tỉ lệ trẻ em dưới 15 tuổi đạt khoảng 22%; tỉ lệ người từ 65 tuổi trở lên đạt khoảng 11%; tỉ lệ phụ thuộc chung đạt khoảng 49%.', [
    ['<', 109, 'bé trai/100 bé gái', 'tỉ số giới tính khi sinh'],
    ['~', 22, '%', 'trẻ em dưới 15 tuổi'],
    ['~', 11, '%', 'người từ 65 tuổi trở lên'],
    ['~', 49, '%', 'phụ thuộc chung'],
  ]],
  ['Hà Nam II.3: leading shares; "ít nhất 4 loại" defines the indicator', '3. Tỉ lệ nam, nữ thanh niên được tư vấn, khám sức khỏe trước khi kết hôn đạt 90%; giảm 50% số cặp tảo hôn; 70% phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh tật bẩm sinh phổ biến nhất; 90% trẻ sơ sinh được tầm soát ít nhất 5 bệnh bẩm sinh phổ biến nhất.', [
    ['=', 90, '%', 'khám sức khỏe trước khi kết hôn'],
    ['reduce_by', 50, '%', 'cặp tảo hôn'],
    ['=', 70, '%', 'tỷ lệ phụ nữ mang thai được tầm soát|4 loại'],
    ['=', 90, '%', 'trẻ sơ sinh'],
  ]],
  ['Hà Nam II.4: "đạt" an age, "đạt tối thiểu" a decimal', '4. Tuổi thọ bình quân đạt 76 tuổi, trong đó số năm sống khoẻ mạnh đạt tối thiểu 68,5 năm;', [
    ['=', 76, 'tuổi', 'tuổi thọ bình quân'],
    ['>=', 68.5, 'năm', 'năm sống khoẻ mạnh'],
  ]],
  ['Hà Nam II.6: two targets in one item and a rank', '6. Chiều cao người Hà Nam 18 tuổi đối với nam đạt 168,5 cm, nữ đạt 157,5 cm; chỉ số phát triển con người (HDI) nằm trong nhóm 20 tỉnh tốp đầu cả nước.', [
    ['=', 168.5, 'cm', 'chiều cao|nam'],
    ['=', 157.5, 'cm', 'chiều cao|nữ'],
    ['<=', 20, null, 'thứ hạng|hdi'],
  ]],
  ['Hà Nam II.7: "đạt trên"', '7. Tỉ lệ dân số đô thị đạt trên 45%. Bảo đảm người di cư được tiếp cận đầy đủ và công bằng các dịch vụ xã hội cơ bản.', [
    ['>', 45, '%', 'dân số đô thị'],
  ]],
  // kh-lao-cai-2024-thuc-hien-nq27-tu.txt, I.2 Mục tiêu cụ thể
  ['Lào Cai I.2.a: ≤ and a per-mother ratio with no cue word', '- Duy trì tỷ lệ tăng dân số tự nhiên ≤ 1,0%, tổng tỷ suất sinh (TFR, số con trung bình/bà mẹ) 2,16 con/bà mẹ.', [
    ['<=', 1, '%', 'tăng dân số tự nhiên'],
    ['=', 2.16, 'con/bà mẹ', 'tổng tỷ suất sinh'],
  ]],
  ['Lào Cai I.2.a as the Markdown export prints it (LaTeX)', '- Duy trì tỷ lệ tăng dân số tự nhiên $\\leq 1,0\\%$, tổng tỷ suất sinh (TFR, số con trung bình/bà mẹ) 2,16 con/bà mẹ.', [
    ['<=', 1, '%', 'tăng dân số tự nhiên'],
    ['=', 2.16, 'con/bà mẹ', 'tổng tỷ suất sinh'],
  ]],
  ['Lào Cai I.2.b: bare values, leading zeros in "05 tuổi"', '- Tỷ lệ trẻ em dưới 05 tuổi suy dinh dưỡng thể thấp còi 9,98%; Tỷ lệ trẻ em dưới 05 tuổi suy dinh dưỡng thể nhẹ cân 7,88%; số trẻ dưới 01 tuổi được tiêm chủng đầy đủ đạt 98%.', [
    ['=', 9.98, '%', 'thấp còi'],
    ['=', 7.88, '%', 'nhẹ cân'],
    ['=', 98, '%', 'tiêm chủng'],
  ]],
  ['Lào Cai I.2.b: "còn ≤" under a colon lead-in', '- Giảm tỷ suất tử vong: trẻ dưới 5 tuổi còn ≤ 18,5%; dưới 1 tuổi còn ≤ 12,5%.', [
    ['<=', 18.5, '%', 'tử vong|dưới 5 tuổi'],
    ['<=', 12.5, '%', 'tử vong|dưới 1 tuổi'],
  ]],
  ['Lào Cai I.2.c: "đối với nam … đối với nữ"', '- Chiều cao trung bình của người trưởng thành (trên 18 tuổi) đối với nam đạt 166,5 cm, đối với nữ đạt 156,6 cm.', [
    ['=', 166.5, 'cm', 'chiều cao trung bình|nam'],
    ['=', 156.6, 'cm', 'chiều cao trung bình|nữ'],
  ]],
  // nq-57-nq-tw-2024.txt, II.1 Đến năm 2030
  ['NQ 57: "ở mức trên", "đạt tối thiểu", "% GDP"', '- Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế ở mức trên 55%; tỉ trọng xuất khẩu sản phẩm công nghệ cao trên tổng giá trị hàng hoá xuất khẩu đạt tối thiểu 50%. Quy mô kinh tế số đạt tối thiểu 30% GDP. Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt trên 80%; giao dịch không dùng tiền mặt đạt 80%.', [
    ['>', 55, '%', 'năng suất nhân tố tổng hợp'],
    ['>=', 50, '%', 'xuất khẩu sản phẩm công nghệ cao'],
    ['>=', 30, '% GDP', 'quy mô kinh tế số'],
    ['>', 80, '%', 'dịch vụ công trực tuyến'],
    ['=', 80, '%', 'không dùng tiền mặt'],
  ]],
  ['NQ 57: "chiếm hơn" and a budget inside the goals section', '- Kinh phí chi cho nghiên cứu phát triển (R&D) đạt 2% GDP, trong đó kinh phí từ xã hội chiếm hơn 60%; bố trí ít nhất 3% tổng chi ngân sách hằng năm cho phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số quốc gia và tăng dần theo yêu cầu phát triển.', [
    ['=', 2, '% GDP', 'nghiên cứu phát triển'],
    ['>', 60, '%', 'kinh phí từ xã hội'],
    ['>=', 3, '% tổng chi ngân sách', 'chi ngân sách|khoa học'],
  ]],
  ['NQ 57: "một vạn", ranges, increase_by', '- Nguồn nhân lực nghiên cứu khoa học, phát triển công nghệ, đổi mới sáng tạo đạt 12 người trên một vạn dân; có từ 40 - 50 tổ chức khoa học và công nghệ được xếp hạng khu vực và thế giới; số lượng công bố khoa học quốc tế tăng trung bình 10%/năm; số lượng đơn đăng ký sáng chế, văn bằng bảo hộ sáng chế tăng trung bình 16 - 18%/năm, tỉ lệ khai thác thương mại đạt 8 - 10%.', [
    ['=', 12, 'người/vạn dân', 'nguồn nhân lực nghiên cứu'],
    ['range', 40, 'tổ chức', 'tổ chức khoa học và công nghệ', { value_max: 50 }],
    ['increase_by', 10, '%/năm', 'công bố khoa học quốc tế'],
    ['range', 16, '%/năm', 'đơn đăng ký sáng chế', { value_max: 18 }],
    ['range', 8, '%', 'khai thác thương mại', { value_max: 10 }],
  ]],
  ['NQ 57: rank goals and "Tối thiểu có"', '- Việt Nam thuộc nhóm 3 nước dẫn đầu Đông Nam Á, nhóm 50 nước đứng đầu thế giới về năng lực cạnh tranh số và chỉ số phát triển Chính phủ điện tử; nhóm 3 nước dẫn đầu khu vực Đông Nam Á về nghiên cứu và phát triển trí tuệ nhân tạo. Tối thiểu có 5 doanh nghiệp công nghệ số ngang tầm các nước tiên tiến.', [
    ['<=', 3, null, 'thứ hạng|việt nam|đông nam á|năng lực cạnh tranh số'],
    ['<=', 50, null, 'thứ hạng|thế giới|năng lực cạnh tranh số'],
    ['<=', 3, null, 'thứ hạng|trí tuệ nhân tạo'],
    ['>=', 5, 'doanh nghiệp', 'số doanh nghiệp công nghệ số'],
  ]],
  // kh-144-kh-ubnd-bac-ninh-2025.txt, II. MỤC TIÊU
  ['Bắc Ninh: "chiếm" a share of GRDP', '- Kinh tế số chiếm 45% GRDP tỉnh.', [['=', 45, '% GRDP', 'kinh tế số']]],
  ['Bắc Ninh: "từ 05", "tối thiểu 05", "ít nhất 20" counts', '- Phấn đấu mỗi năm phát triển từ 05 bộ dữ liệu mở chất lượng cao phục vụ phát triển kinh tế số và xã hội số; công bố trên Cổng Dữ liệu mở tỉnh Bắc Ninh và Cổng Dữ liệu mở quốc gia; có tối thiểu 05 kịch bản ứng dụng dữ liệu cấp tỉnh, ngành và địa phương. Đến năm 2030, tỉnh Bắc Ninh có ít nhất 20 tập dữ liệu mở phục vụ phát triển kinh tế số và xã hội số được công bố.', [
    ['>=', 5, 'bộ dữ liệu/năm', 'số bộ dữ liệu mở'],
    ['>=', 5, 'kịch bản', 'số kịch bản ứng dụng dữ liệu'],
    ['>=', 20, 'tập dữ liệu', 'số tập dữ liệu mở'],
  ]],
  ['Bắc Ninh: "tối thiểu" after the indicator', '- Kinh phí chi cho nghiên cứu phát triển (R&D)/GRDP tối thiểu 2%.', [['>=', 2, '%', 'nghiên cứu phát triển']]],
  // kh-179-kh-ubnd-dong-nai-2025.txt, II. MỤC TIÊU
  ['Đồng Nai: "gấp 30 lần"', '(4) Tổng giá trị giao dịch thanh toán không dùng tiền mặt gấp 30 lần GRDP;', [['=', 30, 'lần', 'giao dịch thanh toán không dùng tiền mặt']]],
  ['Đồng Nai: "phấn đấu đạt trên"', '(2) Tỷ lệ doanh nghiệp ứng dụng thương mại điện tử phấn đấu đạt trên 70%;', [['>', 70, '%', 'thương mại điện tử']]],
  // kh-182-kh-ubnd-dong-nai-2025.txt, 6. Chỉ tiêu chủ yếu đến năm 2030
  ['Đồng Nai 6.3: "Trên 80%" opening the item', '6.3. Trên 80% các đơn vị và cán bộ, chiến sĩ lực lượng chuyên trách phòng, chống tội phạm về ma túy thuộc Bộ đội Biên phòng được trang bị vũ khí, công cụ hỗ trợ, phương tiện kỹ thuật nghiệp vụ hiện đại.', [
    ['>', 80, '%', 'tỷ lệ các đơn vị|trang bị vũ khí'],
  ]],
  ['Đồng Nai 6.4: "tăng trên 03%" is an increase', '6.4. Hàng năm, số vụ phạm tội về ma túy được phát hiện, bắt giữ tại khu vực biên giới đường bộ, tuyến đường hàng không, chuyển phát nhanh tăng trên 03%; số vụ phạm tội về ma túy lợi dụng không gian mạng được phát hiện, triệt phá tăng trên 05%.', [
    ['increase_by', 3, '%', 'số vụ phạm tội|biên giới'],
    ['increase_by', 5, '%', 'không gian mạng'],
  ]],
  ['Đồng Nai 6.2: "100% … và 100% …" are two targets', '6.2. Phấn đấu 100% các điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy, đối tượng bán lẻ chất ma túy và 100% diện tích trồng trái phép cây có chứa chất ma túy được phát hiện và triệt phá.', [
    ['=', 100, '%', 'các điểm tổ chức'],
    ['=', 100, '%', 'diện tích trồng trái phép'],
  ]],
  // kh-624-kh-ubnd-ha-tinh-2025.txt, 2. Mục tiêu cụ thể đến năm 2035
  ['Hà Tĩnh: "Có ít nhất 55%", "tăng thêm ít nhất 20% … và tăng thêm ít nhất 10% …"', '- Có ít nhất 55% phường xây dựng và triển khai các mô hình giáo dục mầm non phù hợp với đặc thù địa phương; tăng thêm ít nhất 20% số nhóm trẻ trong cơ sở giáo dục mầm non và tăng thêm ít nhất 10% số trường mầm non công lập có tổ chức nhóm trẻ dưới 24 tháng tuổi.', [
    ['>=', 55, '%', 'phường|mô hình giáo dục mầm non'],
    ['increase_by', 20, '%', 'nhóm trẻ'],
    ['increase_by', 10, '%', 'trường mầm non công lập'],
  ]],
  // kh-310-kh-ubnd-ha-noi-2025.txt, II. MỤC TIÊU
  ['Hà Nội KH 310: "tối thiểu 1 trạm" defines the share', '- 100% các khu công nghệ cao, khu công nghiệp, cụm công nghiệp có tối thiểu 1 trạm phát sóng 5G.', [
    ['=', 100, '%', 'khu công nghệ cao|trạm phát sóng 5g'],
  ]],
  ['Hà Nội KH 310: a count with "tối thiểu"', '- Thí điểm đầu tư ứng dụng 5G, IoT cho quản lý nhà máy thông minh cho tối thiểu 2 dự án trong các khu công nghệ cao, khu công nghiệp, cụm công nghiệp: tự động hóa, giám sát, tối ưu hóa quy trình sản xuất.', [
    ['>=', 2, 'dự án', 'số dự án|nhà máy thông minh'],
  ]],
  ['Hà Nội KH 310: a value restated in parentheses is one target', '- Triển khai hoàn thiện hệ thống cáp quang Internet XGS-PON thế hệ mới và hạ tầng truyền dẫn (cho phép truyền dữ liệu với tốc độ 10 Gigabit mỗi giây (10 Gbps) đối xứng (cả tải xuống và tải lên).', [
    ['=', 10, 'Gbps', 'tốc độ'],
  ]],
  // qd-2530-qd-ttg-2025.txt, I.2 Mục tiêu cụ thể
  ['QĐ 2530: "đạt dưới 40 μg/m3" and its restatement as a cut', '- Tại thành phố Hà Nội, nồng độ bụi PM2.5 trung bình năm vào năm 2030 đạt dưới 40 μg/m3 (giảm 20% so với mức trung bình năm 2024) tại các điểm đo của các trạm quan trắc chất lượng môi trường không khí quốc gia.', [
    ['<', 40, 'μg/m3', 'nồng độ bụi pm2.5'],
    ['reduce_by', 20, '%', 'nồng độ bụi pm2.5'],
  ]],
  ['QĐ 2530: dot thousands and "Trong đó, Hà Nội … , Thành phố Hồ Chí Minh …"', '- Phấn đấu đến năm 2030, cả nước có 1.200 công trình xây dựng xanh. Trong đó, Hà Nội có tối thiểu 200 công trình, Thành phố Hồ Chí Minh có tối thiểu 500 công trình.', [
    ['=', 1200, 'công trình', 'công trình xây dựng xanh'],
    ['>=', 200, 'công trình', 'hà nội'],
    ['>=', 500, 'công trình', 'hồ chí minh'],
  ]],
  // kh-179 / kh-144: a share "đạt 100%"
  ['Đồng Nai: "đạt 100%"', '(10) Tỷ lệ bệnh viện triển khai bệnh án điện tử đạt 100%;', [['=', 100, '%', 'bệnh án điện tử']]],
  ['Bắc Ninh: a speed inside a share is part of its indicator', '- Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ 01 Gb/s đạt 100%.', [['=', 100, '%', 'băng rộng cố định|01 gb/s']]],
  // nq-20-nq-tw-2012.txt, II. MỤC TIÊU
  ['NQ 20: "đạt mức 11 người trên một vạn dân"', 'c) Hình thành đồng bộ đội ngũ cán bộ khoa học và công nghệ có trình độ cao. Số cán bộ khoa học và công nghệ nghiên cứu và phát triển đạt mức 11 người trên một vạn dân; tăng nhanh số lượng các công trình được công bố quốc tế.', [
    ['=', 11, 'người/vạn dân', 'cán bộ khoa học và công nghệ'],
  ]],
  // qd-2629-qd-ttg-2025.txt (via the bench export of the same decision): years printed after the ranks
  ['QĐ 2629: the year printed after a rank governs its clause', 'Việt Nam thuộc nhóm 4 nước dẫn đầu Hiệp hội các quốc gia Đông Nam Á (ASEAN) và nhóm 60 nước dẫn đầu thế giới vào năm 2028 theo đánh giá của Liên hợp quốc; thuộc nhóm 3 nước dẫn đầu Hiệp hội các quốc gia Đông Nam Á (ASEAN) và nhóm 50 nước dẫn đầu thế giới vào năm 2030 theo đánh giá của Liên hợp quốc.', [
    ['<=', 4, null, 'thứ hạng|đông nam á', { year: 2028 }],
    ['<=', 60, null, 'thứ hạng|thế giới', { year: 2028 }],
    ['<=', 3, null, 'thứ hạng|đông nam á'],
    ['<=', 50, null, 'thứ hạng|thế giới'],
  ]],
];

describe('targets in goals sections: real phrases', () => {
  for (const [source, line, expected] of PHRASES) it(source, () => check(line, expected));

  it('covers at least 50 targets and every comparator', () => {
    const all = PHRASES.flatMap(([, , e]) => e);
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(new Set(all.map((e) => e[0]))).toEqual(new Set(['=', '<', '<=', '>', '>=', '~', 'reduce_by', 'increase_by', 'range']));
  });

  // these wordings occur in corpus/ only outside goals sections (quotas, rules); here they are read as
  // they would be inside one: hd-45-hd-btctw-2025.txt, the bench Quy chế c49a5afadf61b342 and Quy định
  // 548693349b18e8cf, and an nq-03-nq-cp-2025.txt table row written as prose
  it('"không quá", "tối đa", "≥", "trở lên" read as bounds', () => {
    check('- Ủy viên ban chấp hành tối đa là 75 người; Ủy viên ban thường vụ tối đa là 23 người.', [
      ['<=', 75, 'người', 'ủy viên ban chấp hành'],
      ['<=', 23, 'người', 'ủy viên ban thường vụ'],
    ]);
    check('- Tỷ lệ khen thưởng mỗi lớp không quá 10%.', [['<=', 10, '%', 'khen thưởng']]);
    check('- Dân số từ 15 tuổi trở lên có tài khoản ngân hàng ≥ 95%.', [['>=', 95, '%', 'tài khoản ngân hàng']]);
    check('- Tỷ lệ đạt từ 95% trở lên.', [['>=', 95, '%', 'tỷ lệ']]);
  });
});

describe('year and section from the headings', () => {
  it('"Mục tiêu đến hết năm 2026" / "Mục tiêu đến năm 2030" (kh-310-kh-ubnd-ha-noi-2025.txt)', async () => {
    const ts = await targetsOfFile('kh-310-kh-ubnd-ha-noi-2025.txt');
    expect(ts.map((t) => [t.section, t.year, t.comparator, t.value])).toEqual([
      ['II.1', 2026, '=', 100],
      ['II.1', 2026, '=', 100],
      ['II.1', 2026, '>=', 2],
      ['II.2', 2030, '=', 10],
      ['II.2', 2030, '=', 100],
      ['II.2', 2030, '=', 100],
    ]);
  });
  it('"Mục tiêu cụ thể năm 2024" (kh-lao-cai-2024-thuc-hien-nq27-tu.txt): 14 targets, all 2024, in I.2.a–c', async () => {
    const ts = await targetsOfFile('kh-lao-cai-2024-thuc-hien-nq27-tu.txt');
    expect(ts).toHaveLength(14);
    expect(new Set(ts.map((t) => t.year))).toEqual(new Set([2024]));
    expect(new Set(ts.map((t) => t.section))).toEqual(new Set(['I.2.a', 'I.2.b', 'I.2.c']));
  });
  it('"MỤC TIÊU CỤ THỂ … ĐẾN NĂM 2030" (kh-ha-nam-2018-thuc-hien-nq137.txt): 20 targets, all 2030', async () => {
    const ts = await targetsOfFile('kh-ha-nam-2018-thuc-hien-nq137.txt');
    expect(ts).toHaveLength(20);
    expect(new Set(ts.map((t) => t.year))).toEqual(new Set([2030]));
  });
  it('"1. Đến năm 2030" / "2. Tầm nhìn đến năm 2045" under "II- MỤC TIÊU"; a share in task prose keeps year null (nq-57-nq-tw-2024.txt)', async () => {
    const ts = await targetsOfFile('nq-57-nq-tw-2024.txt');
    expect(ts).toHaveLength(25);
    expect(ts.filter((t) => t.section === 'II.1').every((t) => t.year === 2030)).toBe(true);
    expect(ts.filter((t) => t.section === 'II.2').map((t) => [t.comparator, t.value, t.year])).toEqual([
      ['>=', 50, 2045],
      ['<=', 30, 2045],
      ['>=', 10, 2045],
      ['>=', 5, 2045],
    ]);
    expect(ts.filter((t) => t.section === 'III.6').map((t) => [t.comparator, t.value, t.unit, t.year])).toEqual([['>=', 70, '%', null]]);
  });
  it('an unlabelled period line "- Giai đoạn 2025-2027" sets the year of the bullets below it (qd-2629-qd-ttg-2025.txt)', async () => {
    const ts = (await targetsOfFile('qd-2629-qd-ttg-2025.txt')).filter((t) => t.section === 'Điều 1.II.2.a');
    expect(ts.map((t) => [t.value, t.year])).toEqual([
      [100, 2027],
      [100, 2027],
      [95, 2027],
      [99, 2030],
      [50, 2030],
      [100, 2030],
      [100, 2030],
      [80, 2030],
    ]);
  });
  it('"phấn đấu …" states a goal outside any goals section; each value takes the year printed before it (nq-380-nq-cp-2025.txt)', async () => {
    const ts = await targetsOfFile('nq-380-nq-cp-2025.txt');
    expect(ts.map((t) => [t.comparator, t.value, t.unit, t.year])).toEqual([
      ['>', 8, '%', 2025],
      ['>=', 10, '%', 2026],
    ]);
    expect(ts.every((t) => t.indicator === 'Tăng trưởng kinh tế')).toBe(true);
  });
  it('spans point at the evidence in the clean text', async () => {
    const read = await readDocument(resolve('corpus', 'kh-ha-nam-2018-thuc-hien-nq137.txt'));
    const clean = normalize(read.raw);
    const ts = findTargets(parse(clean));
    for (const t of ts) expect(clean.text.slice(t.start, t.end)).toBe(t.text);
    expect(ts.find((t) => t.value === 109)?.text).toBe('Tỉ số giới tính khi sinh dưới 109 bé trai/100 bé gái');
  });
});

describe('target tables (nq-03-nq-cp-2025.txt, PHỤ LỤC I "TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì")', () => {
  it('reads each value cell, with the year of its group row and the unit of its column', async () => {
    const ts = await targetsOfFile('nq-03-nq-cp-2025.txt');
    const row = (words: string) => ts.filter((t) => t.indicator.toLowerCase().includes(words));
    expect(row('năng lực cạnh tranh số').map((t) => [t.comparator, t.value, t.unit, t.year])).toEqual([
      ['<=', 3, null, 2030],
      ['<=', 50, null, 2030],
    ]);
    expect(row('tổ chức khoa học và công nghệ được xếp hạng').map((t) => [t.comparator, t.value, t.value_max, t.unit])).toEqual([['range', 40, 50, 'tổ chức']]);
    expect(row('quy mô kinh tế số').map((t) => [t.comparator, t.value, t.unit, t.year])).toEqual([
      ['>=', 30, '% GDP', 2030],
      ['>=', 50, '% GDP', 2045],
    ]);
    expect(row('số tuyến cáp quang biển').map((t) => [t.value, t.unit])).toEqual([[9, 'tuyến cáp quang biển']]);
    expect(row('công bố khoa học quốc tế').map((t) => [t.comparator, t.value, t.unit])).toEqual([['increase_by', 10, '%/năm']]);
  });
});

describe('not targets: counts, dates, deadlines, budgets outside goals, definitions, baselines', () => {
  const none = (file: string, why: string) =>
    it(`${file}: ${why}`, async () => {
      expect(await targetsOfFile(file)).toEqual([]);
    });
  none('kh-long-bien-2024-thuc-hien-ct11.txt', 'counts in task prose ("tại 14 phường", "4 bệnh", "5 bệnh"), no goals section');
  none('kh-0130-kh-ubnd-dak-lak-2025.txt', '"Chlorine 70%" (a grade), "trong 24-48 giờ" (a time limit), dates');
  none('cd-217-cd-ttg-2025.txt', 'forecast rainfall "100-150mm", "trên 700mm", alert levels, dates 16-20/11/2025');
  none('qd-2610-qd-ubnd-can-tho-2025.txt', 'deadlines "ít nhất 03 ngày làm việc", "không quá 01 ngày làm việc" in a regulation');
  none('tin-ha-noi-2018-kh94.txt', 'a stated fact "Dân số Việt Nam đã đạt 93,7 triệu người" and a campaign message "nên có 2 con"');
  none('ct-09-ct-ubnd-can-tho-2025.txt', 'a deadline "hoàn thành trước ngày 31/12/2025"');
  none('kh-16-kh-mttq-btt-luong-minh-2025.txt', '"3 Hội nghị hiệp thương", "trước ngày bầu cử 95/40/23 ngày"');
  none('hd-45-hd-btctw-2025.txt', 'quotas in a guidance without goals ("tối đa là 75 người", "tối đa 03 chức danh")');
  none('nd-303-2025-nd-cp.txt', 'rules of a decree ("không quá 02 cấp phó", "từ 03 đầu mối cấp vụ trở lên")');

  it('kh-lao-cai-2024-thuc-hien-nq27-tu.txt: the budget "2.644.400đ" under "DỰ KIẾN TỔNG KINH PHÍ", "17/17 xã", "Đề án 03", ages', async () => {
    const values = (await targetsOfFile('kh-lao-cai-2024-thuc-hien-nq27-tu.txt')).map((t) => t.value);
    for (const v of [2644400, 17, 3, 15, 5, 18]) expect(values).not.toContain(v);
  });
  it('kh-ha-nam-2018-thuc-hien-nq137.txt: "mỗi cặp vợ chồng nên có 2 con" in task prose; "dưới 15 tuổi", "ít nhất 4 loại" define indicators', async () => {
    const ts = await targetsOfFile('kh-ha-nam-2018-thuc-hien-nq137.txt');
    expect(ts.filter((t) => t.section?.startsWith('III'))).toEqual([]);
    for (const v of [15, 65, 18, 4, 5]) expect(ts.map((t) => t.value)).not.toContain(v);
  });
  it('kh-310-kh-ubnd-ha-noi-2025.txt: the baseline "Hiện nay … khoảng 180 trạm, trong đó có 22 trạm 5G"; "một hệ sinh thái"', async () => {
    const values = (await targetsOfFile('kh-310-kh-ubnd-ha-noi-2025.txt')).map((t) => t.value);
    for (const v of [180, 22, 1]) expect(values).not.toContain(v);
  });
  it('nq-57-nq-tw-2024.txt: "Bố trí ít nhất 15% ngân sách nhà nước …" (a budget outside goals), "định kỳ 6 tháng", "trong năm 2025"', async () => {
    const values = (await targetsOfFile('nq-57-nq-tw-2024.txt')).map((t) => t.value);
    for (const v of [15, 6, 2025]) expect(values).not.toContain(v);
  });
  it('kh-179-kh-ubnd-dong-nai-2025.txt: "(16 mục tiêu)", "(6 mục tiêu)" count the document\'s own items', async () => {
    const ts = await targetsOfFile('kh-179-kh-ubnd-dong-nai-2025.txt');
    expect(ts.filter((t) => /mục tiêu/u.test(t.text))).toEqual([]);
    expect(ts.map((t) => t.value)).not.toContain(16);
  });
  it('phrases: a baseline, a deadline and a period under a goals heading give nothing', () => {
    expect(underGoals('- Hiện nay, tổng số trạm thu phát sóng thông tin di động tại các khu công nghệ cao, khu công nghiệp, cụm công nghiệp khoảng 180 trạm, trong đó có 22 trạm 5G.')).toEqual([]);
    expect(underGoals('- Hoàn thành trước ngày 31/12/2025.')).toEqual([]);
    expect(underGoals('- Triển khai đồng bộ, hiệu quả các Chương trình mục tiêu quốc gia giai đoạn 2021-2025.')).toEqual([]);
    expect(underGoals('- Xây dựng một hệ sinh thái IoT công nghiệp (IIoT) hoàn chỉnh.')).toEqual([]);
  });
});

describe('indicator identity', () => {
  it('folds spelling variants and maps synonyms to one key', () => {
    expect(indicatorKey('Tỉ số giới tính khi sinh')).toBe(indicatorKey('tỷ số giới tính khi sinh'));
    expect(indicatorKey('Tuổi thọ bình quân')).toBe(indicatorKey('Tuổi thọ trung bình'));
    expect(indicatorKey('Số năm sống khoẻ mạnh')).toBe(indicatorKey('Thời gian sống khỏe mạnh'));
    expect(indicatorKey('Tổng tỷ suất sinh (TFR, số con trung bình/bà mẹ)')).toBe(indicatorKey('Tổng tỷ suất sinh'));
    expect(indicatorKey('Tỷ lệ trẻ em dưới 05 tuổi suy dinh dưỡng thể thấp còi')).toBe(indicatorKey('Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi'));
    expect(indicatorKey('Tỉ lệ đóng góp của năng suất nhân tố tổng hợp (TEP) vào tăng trưởng kinh tế')).toBe(
      indicatorKey('Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế'),
    );
  });
  it('keeps different indicators apart', () => {
    expect(indicatorKey('Tỷ trọng kinh tế số trong từng ngành, lĩnh vực')).not.toBe(indicatorKey('Quy mô kinh tế số'));
    expect(indicatorKey('Tỷ lệ dân số đô thị')).not.toBe(indicatorKey('Quy mô dân số'));
  });
  it('is set on every extracted target', () => {
    const [t] = underGoals('7. Tỉ lệ dân số đô thị đạt trên 45%.');
    expect(t.indicator_key).toBe(indicatorKey('Tỷ lệ dân số đô thị'));
  });
});
