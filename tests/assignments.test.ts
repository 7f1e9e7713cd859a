import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAssignments } from '../src/extract/assignments/index.js';
import { parse } from '../src/parse/index.js';
import type { Assignment } from '../src/models.js';

/** A plan with the given body, as the parser sees a clean text. */
function plan(body: string, date = '20 tháng 11 năm 2024'): Assignment[] {
  const text = `ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 12/KH-UBND\nHải Phòng, ngày ${date}\nKẾ HOẠCH\nThực hiện công tác dân số\n${body}\nNơi nhận:\n- Như trên;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A`;
  return findAssignments(parse({ text }));
}

/** "section role agency" rows, as a user reads `vanban extract --json`. */
const rows = (as: Assignment[]) => [...new Set(as.map((a) => `${a.section} ${a.role}${a.requested ? ' requested' : ''} ${a.agency}`))];

describe('owners from headings and subjects (extraction.md §5)', () => {
  it('gives the heading agency lead for every task below it; "phối hợp với" gives support', () => {
    const as = plan(`I. TỔ CHỨC THỰC HIỆN
1. Sở Y tế
- Chủ trì, phối hợp với Sở Nội vụ và các cơ quan liên quan duy trì ổn định và nâng cao hiệu lực, hiệu quả tổ chức bộ máy.
- Phối hợp với Sở Thông tin và Truyền thông, các Sở, ngành, địa phương, các cơ quan báo chí để tổ chức tuyên truyền rộng rãi.`);
    expect(rows(as)).toEqual([
      'I.1 lead Sở Y tế',
      'I.1 support Sở Nội vụ',
      'I.1 support Sở Thông tin và Truyền thông',
      'I.1 support Các Sở, ngành, địa phương',
      'I.1 support Các cơ quan báo chí',
    ]);
    const first = as[0];
    expect(first.task.startsWith('Chủ trì, phối hợp với Sở Nội vụ')).toBe(true);
    expect(first.agencyKey).toBe('so y te');
    expect(first.domain).toBe('y tế');
    expect(first.level).toBe('province');
  });
  it('takes the grammatical subject as owner ("Sở Y tế chủ trì …")', () => {
    const as = plan(`I. NHIỆM VỤ
1. Cơ chế, chính sách
a) Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan tham mưu UBND tỉnh trình Hội đồng nhân dân tỉnh ban hành Nghị quyết về công tác dân số.
b) Sở Kế hoạch và Đầu tư chủ trì, phối hợp Sở Tài chính, Sở Y tế cân đối đủ nguồn vốn đầu tư cho công tác dân số.`);
    expect(rows(as)).toEqual(['I.1.a lead Sở Y tế', 'I.1.b lead Sở Kế hoạch và Đầu tư', 'I.1.b support Sở Tài chính', 'I.1.b support Sở Y tế']);
  });
  it('takes the assignee of "Giao X chủ trì …" as owner, before the heading', () => {
    const as = plan(`I. TỔ CHỨC THỰC HIỆN
1. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành
a) Phối hợp Sở Nông nghiệp và Môi trường và Ủy ban nhân dân xã, phường tuyên truyền, phổ biến quy định của pháp luật về tài nguyên nước.
b) Giao Thanh tra thành phố tổ chức thanh tra việc chấp hành các quy định pháp luật về tài nguyên nước.`);
    expect(rows(as)).toEqual([
      'I.1.a lead Giám đốc Sở',
      'I.1.a lead Thủ trưởng cơ quan, ban, ngành',
      'I.1.a support Sở Nông nghiệp và Môi trường',
      'I.1.a support Ủy ban nhân dân xã, phường',
      'I.1.b lead Thanh tra thành phố',
    ]);
  });
  it('marks "Đề nghị X …" requested', () => {
    const as = plan(`I. TỔ CHỨC THỰC HIỆN
1. Sở Y tế: Chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.
2. Đề nghị Ủy ban MTTQ Việt Nam thành phố và các tổ chức thành viên tăng cường tuyên truyền cho các thành viên, hội viên.`);
    expect(rows(as)).toEqual([
      'I.1 lead Sở Y tế',
      'I.2 lead requested Ủy ban Mặt trận Tổ quốc Việt Nam thành phố',
      'I.2 lead requested Các tổ chức thành viên',
    ]);
  });
  it('expands a distributive list in a heading', () => {
    const as = plan(`I. TỔ CHỨC THỰC HIỆN
1. Các Sở: Kế hoạch và Đầu tư, Tài chính: Theo chức năng, nhiệm vụ, phối hợp các cơ quan liên quan tham mưu UBND tỉnh cân đối ngân sách.`);
    expect(rows(as)).toEqual(['I.1 lead Sở Kế hoạch và Đầu tư', 'I.1 lead Sở Tài chính']);
  });
  it('gives no owner in purpose, requirement and goal sections, and none for objects of direction or advice', () => {
    const as = plan(`I. MỤC ĐÍCH, YÊU CẦU
1. Yêu cầu
- Các Sở, ngành, địa phương xây dựng kế hoạch cụ thể, chủ động, tích cực triển khai.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Y tế
- Tham mưu UBND quận xây dựng, tổ chức và chỉ đạo thực hiện chiến lược về dân số.
- Chỉ đạo Trạm Y tế các xã, phường nâng cao chất lượng dịch vụ; báo cáo Sở Y tế theo quy định.`);
    expect(rows(as)).toEqual(['II.1 lead Phòng Y tế']);
  });
  it('does not read "cung cấp" as the partner cue "cùng"', () => {
    const as = plan(`I. TỔ CHỨC THỰC HIỆN
1. Trung tâm Y tế
- Mở rộng và nâng cao chất lượng phục vụ của mạng lưới cung cấp dịch vụ chăm sóc sức khỏe sinh sản.`);
    expect(rows(as)).toEqual(['I.1 lead Trung tâm Y tế']);
  });
  it('does not annotate the closing formula', () => {
    const as = plan(`I. TỔ CHỨC THỰC HIỆN
1. Sở Y tế
- Tổng hợp báo cáo kết quả thực hiện.
Trên đây là Kế hoạch thực hiện công tác dân số. UBND quận yêu cầu các phòng, ban, ngành và UBND các phường phối hợp với Ủy ban MTTQ Việt Nam quận tổ chức thực hiện các nhiệm vụ được giao./.`);
    expect(rows(as)).toEqual(['I.1 lead Sở Y tế']);
  });
  it('reads a task block whose fields name the owners, under the item id', () => {
    const as = plan(`I. NỘI DUNG
1. Xây dựng văn bản
1.1. Xây dựng và ban hành Hướng dẫn của Ban Thường trực Ủy ban MTTQ Việt Nam xã về công tác bầu cử.
- Thời gian hoàn thành: Tháng 11/2025.
- Đơn vị chủ trì: Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội
- Đơn vị phối hợp: Các đ/c Phó chỉ tịch, Trưởng đoàn thể xã, các đồng chí Chuyên viên cơ quan MTTQ xã.`);
    expect(rows(as)).toEqual([
      'I.1.1 lead Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội',
      'I.1.1 support Các Phó chỉ tịch',
      'I.1.1 support Trưởng đoàn thể xã',
      'I.1.1 support Các Chuyên viên cơ quan Mặt trận Tổ quốc xã',
    ]);
    expect(as[0].deadline).toEqual({ text: 'Tháng 11/2025', value: '2025-11-01/2025-11-30', recurrence: 'none' });
  });
  it('reads a task table: one task per row, lead and support columns, "Thời gian" as deadline', () => {
    const as = plan(`I. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ: Chủ trì theo dõi.
TT | Nội dung/nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện
1 | Tổ chức điều chỉnh, bổ sung quy hoạch hạ tầng viễn thông | Ban Quản lý các khu công nghệ cao và khu công nghiệp | Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã | Quý III Năm 2026
2 | Khảo sát, đánh giá thực trạng hạ tầng viễn thông | Ban Quản lý các khu công nghệ cao và khu công nghiệp | Sở Khoa học và Công nghệ, Sở Công Thương, Các doanh nghiệp viễn thông | Quý IV/2025- Quý II/2026`);
    const table = as.filter((a) => a.task.startsWith('Khảo sát'));
    expect(rows(table)).toEqual([
      'I.1 lead Ban Quản lý các khu công nghệ cao và khu công nghiệp',
      'I.1 support Sở Khoa học và Công nghệ',
      'I.1 support Sở Công Thương',
      'I.1 support Các doanh nghiệp viễn thông',
    ]);
    expect(table[0].deadline).toEqual({ text: 'Quý IV/2025- Quý II/2026', value: '2025-10-01/2026-06-30', recurrence: 'none' });
    const row1 = as.filter((a) => a.task.startsWith('Tổ chức điều chỉnh'));
    expect(row1.map((a) => a.agency)).toContain('Ủy ban nhân dân các phường, xã');
  });
});

describe('real documents', () => {
  it('reproduces the section III owners of the Long Biên plan', () => {
    const text = readFileSync(new URL('../../shared/corpus/seeds/kh-long-bien-2024-thuc-hien-ct11.txt', import.meta.url), 'utf8');
    const as = findAssignments(parse({ text })).filter((a) => a.section?.startsWith('III.') && a.role === 'lead');
    expect([...new Set(as.map((a) => `${a.section} ${a.agency}`))]).toEqual([
      'III.1 Trung tâm Y tế quận',
      'III.2 Phòng Y tế',
      'III.3 Phòng Giáo dục và Đào tạo',
      'III.4 Phòng Văn hóa và Thông tin',
      'III.5 Phòng Tài chính - Kế hoạch',
      'III.6 Phòng Nội vụ',
      'III.7 Trung tâm Văn hóa - Thông tin và Thể thao quận',
      'III.8 Các phòng, ban, đơn vị thuộc quận',
      'III.9 Bệnh viện đa khoa Đức Giang',
      'III.9 Các bệnh viện trên địa bàn quận',
      'III.10 Ủy ban nhân dân các phường',
      'III.11 Ủy ban Mặt trận Tổ quốc Việt Nam quận',
      'III.11 Các tổ chức chính trị - xã hội',
    ]);
    // "Phối hợp với cơ quan thường trực" names the standing body the plan defined (III.1)
    const iii6 = findAssignments(parse({ text })).filter((a) => a.section === 'III.6' && a.role === 'support');
    expect(iii6.map((a) => a.agency)).toEqual(['Trung tâm Y tế quận']);
  });
  it('finds the Sở Y tế tasks of the Hà Nam plan with their section ids', () => {
    const text = readFileSync(new URL('../../shared/corpus/seeds/kh-ha-nam-2018-thuc-hien-nq137.txt', import.meta.url), 'utf8');
    const soYTe = findAssignments(parse({ text })).filter((a) => a.agencyKey === 'so y te' && a.role === 'lead');
    expect([...new Set(soYTe.map((a) => a.section))]).toEqual(['III.1.c', 'III.2.a', 'III.3.a', 'III.3.b', 'III.4.a', 'III.5.a', 'III.6.a', 'III.7', 'V.1']);
  });
});
