import { describe, expect, it } from 'vitest';
import { readAgencies, definedTerms } from '../src/extract/agencies/index.js';
import { agencyKey, agencyProfile, expandAbbreviations, expandName, domainSuccessor } from '../src/lexicon/agencies.js';

/** Names of the non-vague agencies of a list, as a user would see them. */
const names = (text: string, mode: Parameters<typeof readAgencies>[1] = 'subject') =>
  readAgencies(text, mode)
    .filter((a) => !a.vague)
    .map((a) => a.name);

describe('abbreviations (extraction.md §4)', () => {
  it('expands UBND, HĐND, MTTQ, TT&TT, KH&ĐT, LĐ-TB&XH, BCH TƯ', () => {
    expect(expandName('UBND các quận, huyện')).toBe('Ủy ban nhân dân các quận, huyện');
    expect(expandName('Thường trực HĐND xã')).toBe('Thường trực Hội đồng nhân dân xã');
    expect(expandName('Ủy ban MTTQ Việt Nam quận')).toBe('Ủy ban Mặt trận Tổ quốc Việt Nam quận');
    expect(expandName('UBMTTQ tỉnh')).toBe('Ủy ban Mặt trận Tổ quốc tỉnh');
    expect(expandName('Sở TT&TT')).toBe('Sở Thông tin và Truyền thông');
    expect(expandName('Sở TTTT')).toBe('Sở Thông tin và Truyền thông');
    expect(expandName('Sở KH&ĐT')).toBe('Sở Kế hoạch và Đầu tư');
    expect(expandName('Phòng LĐ-TB&XH')).toBe('Phòng Lao động - Thương binh và Xã hội');
    expect(expandName('Hội nghị lần thứ sáu BCH TƯ Đảng khóa XII')).toBe('Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII');
    expect(expandName('Văn phòng HĐND & UBND thành phố')).toBe('Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố');
  });
  it('keeps a map back to the printed text', () => {
    const e = expandAbbreviations('phối hợp với UBND quận');
    const at = e.text.indexOf('quận');
    expect(e.map[at]).toBe('phối hợp với UBND quận'.indexOf('quận'));
  });
  it('leaves an ambiguous abbreviation as printed (TT-TT)', () => {
    expect(names('Phòng Văn hóa -Thông tin; Trung tâm Văn hóa, TT-TT', 'heading')).toEqual(['Phòng Văn hóa -Thông tin', 'Trung tâm Văn hóa, TT-TT']);
  });
});

describe('recognition in running text and headings', () => {
  it('reads a heading owner ("2. Sở Y tế", "III.9 Bệnh viện … và các bệnh viện …")', () => {
    expect(names('Sở Y tế', 'heading')).toEqual(['Sở Y tế']);
    expect(names('Bệnh viện đa khoa Đức Giang và các bệnh viện trên địa bàn quận', 'heading')).toEqual([
      'Bệnh viện đa khoa Đức Giang',
      'Các bệnh viện trên địa bàn quận',
    ]);
  });
  it('expands distributive lists (Các Sở: Kế hoạch và Đầu tư, Tài chính)', () => {
    expect(names('Các Sở: Kế hoạch và Đầu tư, Tài chính: Theo chức năng, nhiệm vụ')).toEqual(['Sở Kế hoạch và Đầu tư', 'Sở Tài chính']);
    expect(names('Các Sở, ngành: Y tế, Văn hóa Thể thao và Du lịch, Lao động- Thương binh và Xã hội theo chức năng')).toEqual([
      'Sở Y tế',
      'Sở Văn hóa Thể thao và Du lịch',
      'Sở Lao động- Thương binh và Xã hội',
    ]);
    // a ministry whose name holds a comma stays one (Công điện 217/CĐ-TTg, item 6)
    expect(names('Các Bộ: Giáo dục và Đào tạo, Y tế, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch theo chức năng')).toEqual([
      'Bộ Giáo dục và Đào tạo',
      'Bộ Y tế',
      'Bộ Khoa học và Công nghệ',
      'Bộ Văn hóa, Thể thao và Du lịch',
    ]);
  });
  it('keeps class references as written', () => {
    expect(names('Các Sở, ban, ngành thành phố', 'heading')).toEqual(['Các Sở, ban, ngành thành phố']);
    expect(names('Ủy ban nhân dân các quận, huyện', 'heading')).toEqual(['Ủy ban nhân dân các quận, huyện']);
    expect(names('phối hợp với Sở Thông tin và Truyền thông, các Sở, ngành, địa phương, các cơ quan báo chí để tổ chức'.slice(13), 'support')).toEqual([
      'Sở Thông tin và Truyền thông',
      'Các Sở, ngành, địa phương',
      'Các cơ quan báo chí',
    ]);
  });
  it('drops vague references', () => {
    expect(names('Sở Nội vụ và các cơ quan liên quan duy trì', 'support')).toEqual(['Sở Nội vụ']);
    expect(names('các Sở, ngành liên quan, UBND các huyện, thành phố: Cụ thể hóa', 'support')).toEqual(['Ủy ban nhân dân các huyện, thành phố']);
    expect(names('các đơn vị và các bệnh viện, cơ sở y tế trên địa bàn quận nghiên cứu', 'support')).toEqual(['Các bệnh viện, cơ sở y tế trên địa bàn quận']);
    expect(names('Các cơ quan, đơn vị, UBND các xã, phường đưa công tác dân số')).toEqual(['Ủy ban nhân dân các xã, phường']);
    expect(names('địa phương chỉ đạo các cơ quan chức năng', 'support')).toEqual([]);
    // the regulated public is not an agency
    expect(names('Các tổ chức, cá nhân và hộ gia đình khai thác sử dụng tài nguyên nước dưới đất trên địa bàn có trách nhiệm', 'heading')).toEqual([]);
  });
  it('keeps a class the document defines for itself', () => {
    const defined = definedTerms('áp dụng đối với các cơ quan hành chính nhà nước (sau đây gọi tắt là các cơ quan, đơn vị) và cán bộ');
    expect(readAgencies('Các cơ quan, đơn vị', 'heading').map((a) => a.vague)).toEqual([true]);
    expect([...defined]).toEqual(['co quan don vi']);
  });
  it('keeps names that contain "và" whole and splits lists on "và"', () => {
    expect(names('Sở Thông tin và Truyền thông, Báo Hải Phòng, Đài Phát thanh và Truyền hình Hải Phòng, Cổng thông tin điện tử thành phố phối hợp')).toEqual([
      'Sở Thông tin và Truyền thông',
      'Báo Hải Phòng',
      'Đài Phát thanh và Truyền hình Hải Phòng',
      'Cổng thông tin điện tử thành phố',
    ]);
    expect(names('Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội lãnh đạo, chỉ đạo')).toEqual([
      'Mặt trận Tổ quốc Việt Nam',
      'Các tổ chức chính trị - xã hội',
    ]);
    expect(names('Ban Quản lý các khu công nghệ cao và khu công nghiệp, Sở Khoa học và Công nghệ', 'support')).toEqual([
      'Ban Quản lý các khu công nghệ cao và khu công nghiệp',
      'Sở Khoa học và Công nghệ',
    ]);
    expect(names('Báo và Phát thanh, Truyền hình thành phố', 'heading')).toEqual(['Báo và Phát thanh, Truyền hình thành phố']);
  });
  it('reads officials by title', () => {
    expect(names('Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa', 'heading')).toEqual([
      'Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa',
    ]);
    expect(names('Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành', 'heading')).toEqual(['Giám đốc Sở', 'Thủ trưởng cơ quan, ban, ngành']);
    expect(names('UBND quận, thủ trưởng các đơn vị trực thuộc quận quán triệt đầy đủ')).toEqual([
      'Ủy ban nhân dân quận',
      'Thủ trưởng các đơn vị trực thuộc quận',
    ]);
    // the form of address is not part of the title; one person may hold two titles
    expect(names('Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Uỷ ban MTTQ Việt Nam xã lãnh đạo, chỉ đạo chung')).toEqual([
      'Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Uỷ ban Mặt trận Tổ quốc Việt Nam xã',
    ]);
    expect(names('Các đ/c Phó chỉ tịch, Trưởng đoàn thể xã', 'cell')[0]).toBe('Các Phó chỉ tịch');
    expect(names('Các Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng', 'heading')).toEqual([
      'Các Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng',
    ]);
  });
  it('reads named sectors ("ngành Y tế", "lực lượng quân đội, công an")', () => {
    expect(names('ngành Y tế tổ chức thực hiện', 'support')).toEqual(['Ngành Y tế']);
    expect(names('lực lượng quân đội, công an hỗ trợ vận chuyển nước', 'support')).toEqual(['Lực lượng quân đội', 'Lực lượng công an']);
  });
  it('does not read verbs that look like heads or class nouns', () => {
    expect(names('Ban hành Chương trình phát triển công nghệ')).toEqual([]);
    expect(names('Phòng, chống dịch bệnh', 'heading')).toEqual([]);
    expect(names('Tổ chức thực hiện', 'heading')).toEqual([]);
    expect(names('Doanh nghiệp số', 'heading')).toEqual([]);
    // diacritics count: "các số liệu" is not "các sở", "phong trào" is not "phòng"
    expect(names('các số liệu thống kê', 'support')).toEqual([]);
    expect(names('các phong trào khởi nghiệp, sáng tạo lan tỏa')).toEqual([]);
  });
});

describe('canonical key', () => {
  it('folds diacritics and spelling variants so one agency is one node', () => {
    expect(agencyKey('Sở Y tế')).toBe('so y te');
    expect(agencyKey('so y te')).toBe(agencyKey('Sở Y tế'));
    expect(agencyKey('Ủy ban nhân dân quận')).toBe(agencyKey('Uỷ ban nhân dân quận'));
    expect(agencyKey('UBND quận')).toBe(agencyKey('Ủy ban nhân dân quận'));
    expect(agencyKey('Sở Văn hoá, Thể thao và Du lịch')).toBe(agencyKey('Sở Văn hóa, Thể thao và Du lịch'));
    expect(agencyKey('Các Sở, ban, ngành')).toBe(agencyKey('sở, ban, ngành'));
  });
  it('never merges different bodies', () => {
    expect(agencyKey('Sở Nội vụ')).not.toBe(agencyKey('Sở Ngoại vụ'));
    expect(agencyKey('Sở Y tế')).not.toBe(agencyKey('Sở Y tế Hà Nội'));
  });
});

describe('domain and level (counterparts)', () => {
  it('gives Bộ / Sở / Phòng / Trung tâm Y tế quận the same domain at their levels', () => {
    expect(agencyProfile('Bộ Y tế')).toMatchObject({ domain: 'y tế', level: 'central', head: 'Bộ' });
    expect(agencyProfile('Sở Y tế')).toMatchObject({ domain: 'y tế', level: 'province', head: 'Sở' });
    expect(agencyProfile('Phòng Y tế')).toMatchObject({ domain: 'y tế', level: 'district' });
    expect(agencyProfile('Trung tâm Y tế quận')).toMatchObject({ domain: 'y tế', level: 'district' });
    expect(agencyProfile('Trạm Y tế xã')).toMatchObject({ domain: 'y tế', level: 'commune' });
  });
  it('reads the level from the locality and marks classes and mass organisations', () => {
    expect(agencyProfile('UBND các phường')).toMatchObject({ level: 'commune' });
    expect(agencyProfile('Ủy ban nhân dân tỉnh')).toMatchObject({ level: 'province' });
    expect(agencyProfile('Ủy ban MTTQ Việt Nam quận')).toMatchObject({ level: 'mass' });
    expect(agencyProfile('Các Sở, ban, ngành thành phố')).toMatchObject({ level: 'class' });
    expect(agencyProfile('ngành Y tế')).toMatchObject({ domain: 'y tế' });
  });
  it('knows the 2025 mergers without renaming anything', () => {
    expect(agencyProfile('Sở Kế hoạch và Đầu tư').domain).toBe('kế hoạch và đầu tư');
    expect(domainSuccessor('kế hoạch và đầu tư')).toBe('tài chính');
    expect(agencyProfile('Bộ Nông nghiệp và Môi trường').domain).toBe('nông nghiệp và môi trường');
  });
});
