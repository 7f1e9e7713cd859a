/**
 * Owner rules that generalise beyond the dev gold (extraction.md §5), each with the real sentences of a
 * held-out or unannotated document. Sections, roles and names are compared as a user reads them.
 */
import { describe, expect, it } from 'vitest';
import { findAssignments } from '../src/extract/assignments/index.js';
import { parse } from '../src/parse/index.js';
import type { Assignment } from '../src/models.js';

function doc(body: string, kind = 'KẾ HOẠCH', symbol = 'KH-UBND'): Assignment[] {
  const text = `ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 12/${symbol}\nĐắk Lắk, ngày 17 tháng 11 năm 2025\n${kind}\nVề việc thực hiện nhiệm vụ\n${body}\nNơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A`;
  return findAssignments(parse({ text }));
}

const rows = (as: Assignment[]) => [...new Set(as.map((a) => `${a.section} ${a.role}${a.requested ? ' requested' : ''} ${a.agency}`))];

describe('headings that name a class with its members or its function', () => {
  it('takes the class as printed and each member in parentheses as leads of the lettered tasks, none at the bare heading (ct-010 I.1)', () => {
    const as = doc(`I. Trách nhiệm phối hợp trong công tác thẩm định chủ trương đầu tư dự án
1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý các Khu công nghiệp tỉnh):
a) Là đầu mối chủ trì, tiếp nhận hồ sơ, tổ chức lấy ý kiến thẩm định và lập báo cáo thẩm định đề xuất chủ trương đầu tư.
b) Chịu trách nhiệm tiếp nhận hồ sơ, kiểm tra tính đầy đủ và hợp lệ của hồ sơ.
2. Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến thẩm định, chịu trách nhiệm trước UBND tỉnh, Chủ tịch UBND tỉnh và pháp luật các nội dung sau:
2.1. Trách nhiệm chung
a) Đánh giá sơ bộ về hiệu quả kinh tế - xã hội của dự án đầu tư.
2.2. Trách nhiệm cụ thể
Ngoài các trách nhiệm chung nêu trên, một số đơn vị và địa phương còn có trách nhiệm có ý kiến thẩm định cụ thể một số nội dung sau:
a) Thuế tỉnh Đắk Lắk
- Đánh giá về ưu đãi đầu tư và điều kiện hưởng ưu đãi đầu tư;
b) Các đơn vị khác
Cơ quan đăng ký đầu tư có trách nhiệm lấy ý kiến cụ thể nội dung liên quan đến lĩnh vực đầu tư của dự án.`);
    const members = ['Các cơ quan đăng ký đầu tư', 'Sở Tài chính', 'Ban quản lý Khu Kinh tế Phú Yên', 'Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên', 'Ban Quản lý các Khu công nghiệp tỉnh'];
    expect(rows(as)).toEqual([
      ...members.map((m) => `I.1.a lead ${m}`),
      ...members.map((m) => `I.1.b lead ${m}`),
      'I.2.1.a lead Các sở, ban, ngành, địa phương',
      'I.2.2.a lead Thuế tỉnh Đắk Lắk',
      // "Các đơn vị khác" is vague and stops the I.2 class; the class defined in I.1 names the owner
      'I.2.2.b lead Cơ quan đăng ký đầu tư',
    ]);
  });
  it('keeps a long functional class heading whole among owner headings (kh-160 VI.2)', () => {
    const as = doc(`VI. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường
- Theo dõi, đôn đốc và kiểm tra kết quả khắc phục những tồn tại (nếu có) của đơn vị được giám sát.
2. Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án, tiểu dự án, nội dung thành phần thuộc Chương trình
- Phê duyệt kế hoạch giám sát, đánh giá; tổng hợp kết quả thực hiện dự án.
3. Ủy ban nhân dân cấp xã
- Tổ chức thực hiện giám sát, đánh giá theo Kế hoạch.`);
    expect(rows(as)).toEqual([
      'VI.1 lead Sở Nông nghiệp và Môi trường',
      'VI.2 lead Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án, tiểu dự án, nội dung thành phần thuộc Chương trình',
      'VI.3 lead Ủy ban nhân dân cấp xã',
    ]);
  });
  it('reads the owners before a focus clause (cd-234 item 1)', () => {
    const as = doc(
      `1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng, trong đó trọng tâm là các tỉnh:
Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng:
a) Tổ chức xây dựng kế hoạch cụ thể, phát động và triển khai ngay "Chiến dịch Quang Trung".
2. Bộ trưởng Bộ Quốc phòng, Bộ trưởng Bộ Công an chỉ đạo các đơn vị trực thuộc huy động tối đa lực lượng.`,
      'CÔNG ĐIỆN',
      'CĐ-TTg',
    );
    expect(rows(as)).toEqual([
      '1.a lead Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng',
      '2 lead Bộ trưởng Bộ Quốc phòng',
      '2 lead Bộ trưởng Bộ Công an',
    ]);
  });
});

describe('subjects in task sentences', () => {
  it('reads a list of officials by title as the subject of an item (cd-224 item 1)', () => {
    const as = doc(
      `1. Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương, Chủ tịch Hội đồng thành viên, Tổng giám đốc các Tập đoàn, Tổng Công ty, đơn vị liên quan tiếp tục nâng cao tinh thần trách nhiệm khẩn trương chỉ đạo các cơ quan, đơn vị, Ban quản lý dự án, nhà thầu nỗ lực hơn nữa.
5. Tập đoàn Công nghiệp - Viễn thông Quân đội, Tập đoàn Bưu chính Viễn thông Việt Nam chủ trì, phối hợp với Bộ Xây dựng, Đài truyền hình Việt Nam và các bộ, ngành, địa phương, cơ quan (có dự án khánh thành, khởi công...) chủ động chuẩn bị tốt điều kiện vật chất.`,
      'CÔNG ĐIỆN',
      'CĐ-TTg',
    );
    expect(rows(as)).toEqual([
      '1 lead Bộ trưởng',
      '1 lead Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc Chính phủ',
      '1 lead Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
      '1 lead Chủ tịch Hội đồng thành viên',
      '1 lead Tổng giám đốc các Tập đoàn, Tổng Công ty',
      '5 lead Tập đoàn Công nghiệp - Viễn thông Quân đội',
      '5 lead Tập đoàn Bưu chính Viễn thông Việt Nam',
      '5 support Bộ Xây dựng',
      '5 support Đài truyền hình Việt Nam',
      '5 support Các bộ, ngành, địa phương, cơ quan có dự án khánh thành, khởi công',
    ]);
  });
  it('reads the subject after an introductory clause; a lead-in owns its lettered items, not itself (ct-010 II.5)', () => {
    const as = doc(`II. Trách nhiệm phối hợp giải quyết thủ tục đầu tư và quản lý dự án
1. Sở Tài chính, Sở Xây dựng, Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, UBND cấp xã và các Sở, ban, ngành quản lý quy hoạch theo chức năng, nhiệm vụ được giao có trách nhiệm phối hợp công bố đầy đủ, công khai thông tin về quy hoạch.
5. Để nâng cao hiệu lực, hiệu quả quản lý nhà nước về đầu tư, tăng cường công tác đánh giá, kiểm tra và giám sát các dự án đầu tư, các Sở, ngành, UBND cấp xã và các đơn vị có liên quan theo chức năng, nhiệm vụ, thẩm quyền quy định triển khai thực hiện những nội dung sau:
a) Thực hiện đầy đủ, nghiêm túc các quy định của pháp luật về đầu tư.
b) Định kỳ đánh giá tình hình hoạt động của các dự án đầu tư theo lĩnh vực, địa bàn được giao.`);
    expect(rows(as)).toEqual([
      'II.1 lead Sở Tài chính',
      'II.1 lead Sở Xây dựng',
      'II.1 lead Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên',
      'II.1 lead Ủy ban nhân dân cấp xã',
      'II.1 lead Các Sở, ban, ngành quản lý quy hoạch',
      'II.5.a lead Các Sở, ngành',
      'II.5.a lead Ủy ban nhân dân cấp xã',
      'II.5.b lead Các Sở, ngành',
      'II.5.b lead Ủy ban nhân dân cấp xã',
    ]);
  });
  it('takes the issuer\'s own command as owner only where nothing else names one (tb-627 III.1.a, III.2.a)', () => {
    const as = doc(
      `III. NHIỆM VỤ TRỌNG TÂM
1. Hoàn thành mục tiêu đưa vào khai thác trên 3.000 km đường bộ cao tốc
a) Yêu cầu các bộ, ngành, địa phương, các thành viên của Ban Chỉ đạo phải tiếp tục nâng cao hơn nữa, quyết liệt hơn nữa để hoàn thành bằng được nhiệm vụ chính trị đặc biệt quan trọng này.
b) Hiện nay tổng khối lượng hoàn thành của Dự án khoảng 61%. Với vai trò, ý nghĩa đặc biệt quan trọng của Dự án, yêu cầu các bộ, ngành, cơ quan chủ quản, nhất là ACV cần khẩn trương có giải pháp phù hợp để đẩy nhanh tiến độ thi công.
2. Sở Y tế
a) Yêu cầu các đơn vị trực thuộc báo cáo kết quả thực hiện.`,
      'THÔNG BÁO',
      'TB-VPCP',
    );
    expect(rows(as)).toEqual(['III.1.a lead Các bộ, ngành, địa phương', 'III.1.b lead Các bộ, ngành, cơ quan chủ quản', 'III.2.a lead Sở Y tế']);
  });
  it('keeps the heading owner for a task that opens without a subject (kh-144 VI.11.a)', () => {
    const as = doc(`VI. TỔ CHỨC THỰC HIỆN
11. Các sở, ban, ngành, UBND các xã, phường
a) Chủ động công bố dữ liệu mở của ngành, lĩnh vực và địa phương. UBND cấp xã chú trọng công bố các dữ liệu về dân cư, đất đai.
b) Đẩy mạnh số hóa hoạt động quản lý, cung cấp dịch vụ công trực tuyến.`);
    expect(rows(as)).toEqual([
      'VI.11.a lead Ủy ban nhân dân cấp xã',
      'VI.11.a lead Các sở, ban, ngành',
      'VI.11.a lead Ủy ban nhân dân các xã, phường',
      'VI.11.b lead Các sở, ban, ngành',
      'VI.11.b lead Ủy ban nhân dân các xã, phường',
    ]);
  });
});

describe('structure that names no task', () => {
  it('gives the sub-items of an enacting lead-in no owner ("… Ủy ban Thường vụ Quốc hội quyết định … như sau:")', () => {
    const as = doc(
      `Điều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh An Giang
Trên cơ sở Đề án số 395/ĐA-CP ngày 09 tháng 5 năm 2025 của Chính phủ, Ủy ban Thường vụ Quốc hội quyết định sắp xếp để thành lập các đơn vị hành chính cấp xã của tỉnh An Giang như sau:
1. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của thị trấn An Phú thành xã mới có tên gọi là xã An Phú.
Điều 2. Giao Chính phủ, căn cứ vào Nghị quyết này, tổ chức thực hiện việc sắp xếp.`,
      'NGHỊ QUYẾT',
      'NQ-UBTVQH15',
    );
    expect(rows(as)).toEqual(['Điều 2 lead Chính phủ']);
  });
  it('lets a lead-in own its direct sub-items only (nq-03 II over II.1.a)', () => {
    const as = doc(`II. NHIỆM VỤ, GIẢI PHÁP
Nhằm đạt được mục tiêu đề ra, các Bộ, cơ quan ngang Bộ, Ủy ban nhân dân các tỉnh tập trung thực hiện các nhiệm vụ, giải pháp sau:
1. Nâng cao nhận thức, đột phá về đổi mới tư duy
a) Xây dựng, triển khai và tổ chức triển khai chương trình tuyên truyền.`);
    expect(rows(as)).toEqual([]);
  });
  it('does not read the closing formula after the last item ("Ủy ban nhân dân tỉnh giao Giám đốc các sở, … triển khai thực hiện")', () => {
    const as = doc(`V. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân các xã, phường
a) Ban hành kế hoạch triển khai thực hiện Chương trình tại địa phương.
Ủy ban nhân dân tỉnh giao Giám đốc các sở, Thủ trưởng các ban, ngành, đoàn thể cấp tỉnh và Chủ tịch Ủy ban nhân dân các xã, phường, các cơ quan liên quan theo chức năng, nhiệm vụ được giao tại kế hoạch này triển khai thực hiện đảm bảo mục đích, yêu cầu, hiệu quả, đúng quy định./.`);
    expect(rows(as)).toEqual(['V.1.a lead Ủy ban nhân dân các xã, phường']);
  });
  it('gives a form or caption line under an owner heading no owner', () => {
    const as = doc(`Điều 8. Hội đồng Thi đua - Khen thưởng tỉnh
1. Thành phần Hội đồng gồm:
a) Chủ tịch Hội đồng là Chủ tịch Ủy ban nhân dân tỉnh;
b) Các Ủy viên Hội đồng;
2. Hội đồng có nhiệm vụ tham mưu cho Ủy ban nhân dân tỉnh về công tác thi đua, khen thưởng.`);
    expect(rows(as)).toEqual(['Điều 8.2 lead Hội đồng Thi đua - Khen thưởng tỉnh']);
  });
});

describe('task tables', () => {
  const table = (header: string, ...rowsText: string[]) => `PHỤ LỤC\n${[header, ...rowsText].join('\n')}`;
  it('repeats the cell above for "Như trên" and ignores a catalogue of administrative procedures', () => {
    const as = doc(`I. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính chủ trì theo dõi.
${table('| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |', '| 1 | Xây dựng kế hoạch phục hồi môi trường | Sở Nông nghiệp và Môi trường | Sở Tài chính | Năm 2026 |', '| 2 | Ban hành kế hoạch xử lý ô nhiễm | Như trên | Như trên | Năm 2026 |')}`);
    // both rows: the second repeats the first row's cells
    expect(as.filter((a) => a.agency === 'Sở Nông nghiệp và Môi trường' && a.role === 'lead').map((a) => a.task)).toEqual([
      'Xây dựng kế hoạch phục hồi môi trường',
      'Ban hành kế hoạch xử lý ô nhiễm',
    ]);
    expect(as.filter((a) => a.agency === 'Sở Tài chính' && a.role === 'support').length).toBe(2);
    const tthc = doc(`I. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp chủ trì theo dõi.
${table('| STT | Tên thủ tục hành chính | Lĩnh vực | Cơ quan thực hiện |', '| 1 | Cấp bản sao từ sổ gốc | Chứng thực | Ủy ban nhân dân cấp xã |')}`);
    expect(tthc.some((a) => a.agency === 'Ủy ban nhân dân cấp xã')).toBe(false);
  });
});
