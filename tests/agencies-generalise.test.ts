/**
 * Agency recognition rules that the held-out documents showed the dev gold did not exercise
 * (extraction.md §4). Each case is a real sentence from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { readAgencies } from '../src/extract/agencies/index.js';

const names = (text: string, mode: Parameters<typeof readAgencies>[1] = 'subject') =>
  readAgencies(text, mode).map((a) => (a.vague ? `(vague) ${a.name}` : a.name));

describe('lists of officials by title (cd-224-cd-ttg-2025 item 1)', () => {
  it('splits a subject list of titles, a bare title before another one included', () => {
    expect(
      names(
        'Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương, Chủ tịch Hội đồng thành viên, Tổng giám đốc các Tập đoàn, Tổng Công ty, đơn vị liên quan tiếp tục nâng cao tinh thần trách nhiệm',
      ),
    ).toEqual([
      'Bộ trưởng',
      'Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc Chính phủ',
      'Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
      'Chủ tịch Hội đồng thành viên',
      'Tổng giám đốc các Tập đoàn, Tổng Công ty',
      '(vague) Đơn vị liên quan',
    ]);
  });
  it('gives an office and its deputy the body printed once', () => {
    expect(names('Chủ tịch, Phó Chủ tịch Hội đồng nhân dân cấp xã, người ứng cử tham dự hội nghị').slice(0, 2)).toEqual([
      'Chủ tịch Hội đồng nhân dân cấp xã',
      'Phó Chủ tịch Hội đồng nhân dân cấp xã',
    ]);
  });
  it('distributes a title over the bodies listed after a colon', () => {
    expect(
      names('Giám đốc: Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Công báo - Tin học tỉnh; Chủ tịch Ủy ban nhân dân cấp xã chịu trách nhiệm thi hành'),
    ).toEqual(['Giám đốc Trung tâm Phục vụ hành chính công tỉnh', 'Giám đốc Trung tâm Công báo - Tin học tỉnh', 'Chủ tịch Ủy ban nhân dân cấp xã']);
  });
  it('knows the Governor of the State Bank', () => {
    expect(names('Thống đốc Ngân hàng Nhà nước Việt Nam chỉ đạo các ngân hàng, tổ chức tín dụng')).toEqual(['Thống đốc Ngân hàng Nhà nước Việt Nam']);
  });
});

describe('proper names and places', () => {
  it('keeps a list item whole up to its separator when the name resumes in capitals (ct-010 II.1)', () => {
    expect(
      names(
        'Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý các Khu công nghiệp tỉnh, UBND cấp xã có trách nhiệm phối hợp',
      ),
    ).toEqual([
      'Sở Tài chính',
      'Ban quản lý Khu Kinh tế Phú Yên',
      'Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên',
      'Ban Quản lý các Khu công nghiệp tỉnh',
      'Ủy ban nhân dân cấp xã',
    ]);
  });
  it('keeps such a name whole alone, before "chủ trì" or as a heading', () => {
    expect(names('Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên chủ trì, phối hợp với Sở Tài chính')).toEqual([
      'Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên',
    ]);
    expect(names('Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên', 'heading')).toEqual(['Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên']);
    // a verb and an object in capitals do not join the name
    expect(names('Ban Quản lý Khu kinh tế hướng dẫn Nhà đầu tư thực hiện')).toEqual(['Ban Quản lý Khu kinh tế']);
  });
  it('reads a body named by its domain and locality without a head ("Thuế tỉnh Đắk Lắk")', () => {
    expect(names('Thuế tỉnh Đắk Lắk', 'heading')).toEqual(['Thuế tỉnh Đắk Lắk']);
    expect(names('Công an tỉnh, Thuế tỉnh, Bảo hiểm xã hội tỉnh: Xác nhận việc thực hiện nghĩa vụ', 'heading')).toEqual([
      'Công an tỉnh',
      'Thuế tỉnh',
      'Bảo hiểm xã hội tỉnh',
    ]);
  });
  it('reads the places a plural unit names (tb-627, cd-227)', () => {
    expect(names('Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương hoàn thiện Báo cáo')).toEqual(['Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng']);
    expect(names('Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng tiếp tục phân công nhiệm vụ')).toEqual([
      'Bí thư tỉnh ủy',
      'Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng',
    ]);
    // a sentence after the colon is not a list of places
    expect(names('UBND các huyện, thành phố: Nghiên cứu, rà soát để chủ động xây dựng Quy hoạch tỉnh', 'support')).toEqual(['Ủy ban nhân dân các huyện, thành phố']);
  });
  it('reads a named locality acting as subject ("Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh …")', () => {
    expect(names('Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh tiến độ lập')).toEqual(['Thành phố Hà Nội', 'Các tỉnh Bắc Ninh, Gia Lai']);
  });
  it('ends a name with its locality ("Trung tâm Chuyển đổi số Thành phố | cấu hình …")', () => {
    expect(names('Trung tâm Chuyển đổi số Thành phố cấu hình thủ tục hành chính trên Hệ thống Thông tin')).toEqual(['Trung tâm Chuyển đổi số Thành phố']);
  });
});

describe('class phrases', () => {
  it('keeps a partner class with a definite qualifier in parentheses, without the parentheses (cd-224 item 5)', () => {
    expect(
      names('Bộ Xây dựng, Đài truyền hình Việt Nam và các bộ, ngành, địa phương, cơ quan (có dự án khánh thành, khởi công...) chủ động chuẩn bị', 'support'),
    ).toEqual(['Bộ Xây dựng', 'Đài truyền hình Việt Nam', 'Các bộ, ngành, địa phương, cơ quan có dự án khánh thành, khởi công']);
  });
  it('reads the members a parenthesis enumerates after a class (Hà Nam V.5)', () => {
    expect(names('Các cơ quan thông tấn, báo chí, truyền thông (Đài Phát thanh và Truyền hình, Báo Hà Nam...)', 'heading')).toEqual([
      'Các cơ quan thông tấn, báo chí, truyền thông',
      'Đài Phát thanh và Truyền hình',
      'Báo Hà Nam',
    ]);
  });
  it('reads a second modifier of the same head noun ("các cơ quan truyền thông, báo chí")', () => {
    expect(names('Các cơ quan truyền thông, báo chí tiếp tục bám sát địa bàn')).toEqual(['Các cơ quan truyền thông, báo chí']);
  });
  it('keeps a class of bodies inside a qualifier whole ("thuộc các bộ, ngành Trung ương")', () => {
    expect(names('các cơ quan chuyên môn thuộc các bộ, ngành Trung ương trong việc hỗ trợ vốn', 'support')).toEqual(['Các cơ quan chuyên môn thuộc các bộ, ngành Trung ương']);
  });
  it('"khác" leaves a specific class definite and a generic one vague', () => {
    expect(names('Các sở, ban, ngành khác:', 'heading')).toEqual(['Các sở, ban, ngành khác']);
    expect(names('Các đơn vị khác', 'heading')).toEqual(['(vague) Các đơn vị khác']);
  });
  it('does not read "Tổ chức, bộ máy" (a topic) as a class', () => {
    expect(names('Tổ chức, bộ máy', 'heading')).toEqual([]);
  });
});
