import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawText } from '../src/models.js';
import { normalize } from '../src/normalize/index.js';
import { looksLikeMarkdown } from '../src/normalize/markdown.js';
import { similarity } from './helpers/similarity.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'markdown');

function md(text: string): RawText {
  return { text, format: 'md', paged: false, pages: null, warnings: [] };
}
const clean = (text: string) => normalize(md(text)).text;
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

// The label shapes the parser builds sections from.
const LABEL = /^(?:[IVX]+[.\-]|\d+(?:\.\d+)*\.?\s|[a-zđ]\)|Điều \d+|Chương [IVX]+)/;
const PLACE_DATE = /^[^\n,]{2,40}, ngày [^\n]*tháng[^\n]*năm[^\n]*$/m;

/**
 * Fixture pairs with the floors measured when the Markdown pass was written (similarity against
 * the hand-cleaned text; share of the cleaned lines found as whole output lines). The remaining
 * character difference is the rule lines ("-------") that dropSeparatorLines removes.
 */
const PAIRS: { name: string; sim: number; lines: number }[] = [
  { name: 'kh-310-kh-ubnd-ha-noi-2025', sim: 0.998, lines: 0.95 },
  { name: 'ct-09-ct-ubnd-can-tho-2025', sim: 0.998, lines: 0.94 },
  { name: 'qd-2610-qd-ubnd-can-tho-2025', sim: 0.997, lines: 0.95 },
  { name: 'cd-217-cd-ttg-2025', sim: 0.997, lines: 0.93 },
  { name: 'kh-0130-kh-ubnd-dak-lak-2025', sim: 0.997, lines: 0.96 },
  { name: 'cd-96-cd-bxd-2025', sim: 0.997, lines: 0.92 },
  { name: 'cd-227-cd-ttg-2025', sim: 0.998, lines: 0.93 },
  { name: 'tb-627-tb-vpcp-2025', sim: 0.998, lines: 0.85 },
  { name: 'hd-45-hd-btctw-2025', sim: 0.998, lines: 0.94 },
  { name: 'qd-2597-qd-ttg-2025', sim: 0.998, lines: 0.95 },
];

describe('markdown exports against hand-cleaned texts', () => {
  for (const { name, sim, lines } of PAIRS) {
    describe(name, () => {
      const raw = readFileSync(join(FIX, `${name}.md`), 'utf8');
      const gold = readFileSync(join(FIX, `${name}.txt`), 'utf8');
      const out = clean(raw);
      const outLines = out.split('\n').map(norm);
      const outSet = new Set(outLines);
      const goldLines = gold
        .split('\n')
        .map(norm)
        .filter((l) => l && !/^[-_=*]{3,}$/.test(l));

      it(`is close to the cleaned text (≥ ${sim})`, () => {
        expect(similarity(out, gold, 100000)).toBeGreaterThanOrEqual(sim);
      });

      it('starts a line at ≥ 95% of the section labels', () => {
        const labelled = goldLines.filter((l) => LABEL.test(l));
        const found = labelled.filter((g) => {
          const prefix = g.slice(0, 40);
          return outLines.some((o) => o.startsWith(prefix));
        });
        expect(labelled.length).toBeGreaterThan(0);
        expect(found.length / labelled.length).toBeGreaterThanOrEqual(0.95);
      });

      it('puts "Số: …" and the place-date line on lines of their own', () => {
        const number = gold.match(/^Số:? ?\d.*$|^Số: .*$/m)?.[0];
        const date = gold.match(PLACE_DATE)?.[0];
        expect(number && outSet.has(norm(number))).toBe(true);
        expect(date && outSet.has(norm(date))).toBe(true);
      });

      it(`keeps the cleaned line structure (≥ ${lines} of the lines)`, () => {
        const same = goldLines.filter((g) => outSet.has(g)).length;
        expect(same / goldLines.length).toBeGreaterThanOrEqual(lines);
      });

      it('maps every letter back to the same raw character', () => {
        const r = normalize(md(raw));
        for (let i = 0; i < r.text.length; i++) {
          if (/[\p{L}\d]/u.test(r.text[i])) expect(raw[r.map[i]]).toBe(r.text[i]);
          if (i) expect(r.map[i]).toBeGreaterThanOrEqual(r.map[i - 1]);
        }
      });
    });
  }
});

describe('emphasis and inline markup', () => {
  it('strips bold and italic markers, balanced or not', () => {
    expect(clean('**Điều 1. **Ban hành kèm theo Quyết định này.')).toBe('Điều 1. Ban hành kèm theo Quyết định này.');
    expect(clean('**Quy ****định quy định chi tiết v****à hư****ớng dẫn**')).toBe('Quy định quy định chi tiết và hướng dẫn');
    expect(clean('*(Kèm theo Kế hoạch số:\n/KH-UBND ngày / /2025)*')).toBe('(Kèm theo Kế hoạch số: /KH-UBND ngày / /2025)');
    expect(clean('định kỳ trước **ngày 30 tháng 11 hàng\nnăm **báo cáo kết quả')).toBe(
      'định kỳ trước ngày 30 tháng 11 hàng năm báo cáo kết quả',
    );
    expect(clean('__Nơi nhận: __')).toBe('Nơi nhận:');
  });
  it('keeps the note marks (*) and (**)', () => {
    expect(clean('Ghi chú: (*) Ghi rõ tên; (**) nếu có')).toBe('Ghi chú: (*) Ghi rõ tên; (**) nếu có');
  });
  it('restores the space a marker stood for between sentences', () => {
    expect(clean('đã ban hành.**Bổ sung 41 cửa khẩu')).toBe('đã ban hành. Bổ sung 41 cửa khẩu');
  });
  it('drops heading marks, link and image syntax, escapes', () => {
    expect(clean('## Văn bản hướng dẫn\n\nXem [Nghị định 13/2023](https://x.vn/a) và ![sơ đồ](a.png) \\*')).toBe(
      'Văn bản hướng dẫn\nXem Nghị định 13/2023 và sơ đồ *',
    );
  });
  it('writes footnotes as "[n]" in the text and at the note', () => {
    expect(clean('sát diễn biến tình hình[1]. Với sự\n\n[1]\nBộ Chính trị phân công')).toBe(
      'sát diễn biến tình hình[1]. Với sự\n[1] Bộ Chính trị phân công',
    );
    expect(clean('nhiệm vụ^2^ và[^3]\n\n[^3]: Ghi chú')).toBe('nhiệm vụ[2] và[3]\n[3] Ghi chú');
  });
});

describe('wraps and paragraphs in body exports', () => {
  it('joins a hard wrap and keeps the blank-line paragraphs', () => {
    const text = 'Nước là nguồn tài nguyên có vai\ntrò đặc biệt quan trọng.\n\nThời gian qua, công tác quản lý\nnhà nước.';
    expect(clean(text)).toBe('Nước là nguồn tài nguyên có vai trò đặc biệt quan trọng.\nThời gian qua, công tác quản lý nhà nước.');
  });
  it('rejoins a sentence split by a blank line', () => {
    expect(clean('ổn định quy mô dân\n\nsố, cơ cấu dân số')).toBe('ổn định quy mô dân số, cơ cấu dân số');
  });
  it('tells a list item from a range dash that a wrap put first', () => {
    expect(clean('chuỗi giá trị từ sản xuất\n- quản lý - tiêu thụ.')).toBe('chuỗi giá trị từ sản xuất - quản lý - tiêu thụ.');
    expect(clean('gồm các nội dung sau:\n- Rà soát quy hoạch;\n- Lưu: VT.')).toBe('gồm các nội dung sau:\n- Rà soát quy hoạch;\n- Lưu: VT.');
  });
  it('keeps a heading number with its word when a wrap split them', () => {
    expect(clean('**Điều\n1. Phạm vi điều chỉnh**\n\nQuy định này')).toBe('Điều 1. Phạm vi điều chỉnh\nQuy định này');
  });
  it('joins a reference split at its hyphen without a space', () => {
    expect(clean('Số: 3783/QĐ-\nUBND')).toBe('Số: 3783/QĐ-UBND');
  });
});

const HEADER = [
  '|',
  '**ỦY BAN NHÂN',
  'DÂN **',
  'THÀNH PHỐ HÀ NỘI',
  '--------',
  '|',
  '**CỘNG HÒA XÃ',
  'HỘI CHỦ NGHĨA VIỆT NAM**',
  'Độc lập - Tự do - Hạnh phúc',
  '---------------',
  '|',
  '|',
  'Số: 310/KH-UBND',
  '|',
  '*Hà Nội, ngày',
  '24 tháng 11 năm 2025*',
  '|',
];
const SIGNATURE = [
  '|',
  '*Nơi nhận:*',
  '- Bộ Khoa học và Công nghệ;',
  '- VPUBTP: CVP, các PCVP,',
  'các phòng, đơn vị: ĐMPT, TH;',
  '- Lưu: VT, ĐMPT.',
  '|',
  '**TM. ỦY BAN',
  'NHÂN DÂN**',
  'KT. CHỦ TỊCH',
  '**PHÓ CHỦ TỊCH**',
  '**Trương Việt Dũng**',
  '|',
];
const HEADER_OUT = [
  'ỦY BAN NHÂN DÂN',
  'THÀNH PHỐ HÀ NỘI',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 310/KH-UBND',
  'Hà Nội, ngày 24 tháng 11 năm 2025',
];
const SIGNATURE_OUT = [
  'Nơi nhận:',
  '- Bộ Khoa học và Công nghệ;',
  '- VPUBTP: CVP, các PCVP, các phòng, đơn vị: ĐMPT, TH;',
  '- Lưu: VT, ĐMPT.',
  'TM. ỦY BAN NHÂN DÂN',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'Trương Việt Dũng',
];

describe('layout tables', () => {
  it('lays the header table out as printed lines', () => {
    const text = [...HEADER, '', '**KẾ HOẠCH**', '', 'PHÁT TRIỂN HẠ TẦNG 5G, IOT TRONG CÁC KHU CÔNG NGHỆ CAO,', 'KHU CÔNG NGHIỆP'].join('\n');
    expect(clean(text).split('\n')).toEqual([
      ...HEADER_OUT,
      'KẾ HOẠCH',
      'PHÁT TRIỂN HẠ TẦNG 5G, IOT TRONG CÁC KHU CÔNG NGHỆ CAO, KHU CÔNG NGHIỆP',
    ]);
  });
  it('splits issuer lines at a new unit but not inside one name', () => {
    const text = ['|', 'BỘ', 'TÀI CHÍNH', '**CỤC THUẾ**', '-------', '|', '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', '|', '', 'Văn bản.'];
    expect(clean(text.join('\n')).split('\n').slice(0, 3)).toEqual(['BỘ TÀI CHÍNH', 'CỤC THUẾ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    const agri = ['|', '**BỘ NÔNG NGHIỆP', 'VÀ **', 'MÔI TRƯỜNG', '-------', '|', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '|'];
    expect(clean(agri.join('\n')).split('\n')[0]).toBe('BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG');
  });
  it('lays the recipients and signature table out as printed lines', () => {
    expect(clean(['Trên đây là Kế hoạch./.', '', ...SIGNATURE].join('\n')).split('\n')).toEqual([
      'Trên đây là Kế hoạch./.',
      ...SIGNATURE_OUT,
    ]);
  });
});

describe('data tables', () => {
  const TABLE = [
    '|', '**TT**', '|', '**Nội dung/nhiệm', 'vụ**', '|', '**Cơ quan chủ trì**', '|',
    '|', '|', '**I. Kinh', 'tế số**', '|', '|',
    '|', '1', '|', 'Tổ chức điều chỉnh, bổ sung', 'quy hoạch hạ tầng viễn thông', '|', 'Ban Quản lý', '|',
    '|', '2', '|', 'Khảo sát', '|', '** **', '|',
  ];
  it('writes one row per line with " | " between cells; a spanning cell stands alone', () => {
    expect(clean([...TABLE, '', 'Đoạn văn sau bảng.'].join('\n')).split('\n')).toEqual([
      'TT | Nội dung/nhiệm vụ | Cơ quan chủ trì',
      'I. Kinh tế số',
      '1 | Tổ chức điều chỉnh, bổ sung quy hoạch hạ tầng viễn thông | Ban Quản lý',
      '2 | Khảo sát |',
      'Đoạn văn sau bảng.',
    ]);
  });
  it('ends a table of a page export (no blank lines) before the next paragraph', () => {
    const page = [...HEADER, '**CÔNG ĐIỆN**', 'VỀ VIỆC TẬP TRUNG', 'ỨNG PHÓ MƯA LŨ', '1. Các bộ chủ động ứng phó.', ...TABLE.slice(0, 22), 'Sau bảng là đoạn văn', 'được ngắt dòng.', '2. Mục tiếp theo.', ...SIGNATURE];
    expect(clean(page.join('\n')).split('\n')).toEqual([
      ...HEADER_OUT,
      'CÔNG ĐIỆN',
      'VỀ VIỆC TẬP TRUNG ỨNG PHÓ MƯA LŨ',
      '1. Các bộ chủ động ứng phó.',
      'TT | Nội dung/nhiệm vụ | Cơ quan chủ trì',
      'I. Kinh tế số',
      '1 | Tổ chức điều chỉnh, bổ sung quy hoạch hạ tầng viễn thông | Ban Quản lý',
      'Sau bảng là đoạn văn được ngắt dòng.',
      '2. Mục tiếp theo.',
      ...SIGNATURE_OUT,
    ]);
  });
  it('reads pipe-table rows written on one line', () => {
    expect(clean('| Mẫu số | Tên mẫu |\n|---|---|\n| 01 | Phiếu đăng ký |')).toBe('Mẫu số | Tên mẫu\n01 | Phiếu đăng ký');
  });
});

describe('page exports', () => {
  const page = [
    '|', '|', 'Bản dịch này thuộc quyền sở hữu của **', 'THƯ VIỆN PHÁP LUẬT**.', 'Đang tải văn bản...', '#',
    '**Số hiệu:**', '|', '96/CĐ-BXD', '|', '|', '**Tình trạng:**', '|', 'Đã biết', '|',
    '## Tóm tắt của trang', '**Ngày 22/11/2025, Bộ Xây dựng ban hành Công điện.**', '- Một ý tóm tắt.',
    'Xem chi tiết tại Công điện 96/CĐ-BXD.',
    ...HEADER,
    '**CÔNG ĐIỆN**', 'VỀ VIỆC ỨNG PHÓ', 'Triển khai chỉ đạo của Thủ tướng Chính phủ tại Công', 'điện số 225/CĐ-TTg, Bộ Xây dựng yêu cầu:',
    '1. Quán triệt, tổ chức thực hiện nghiêm chỉ đạo của', 'Thủ tướng Chính phủ.',
    ...SIGNATURE,
    '** **', 'Công điện 96/CĐ-BXD năm 2025 tập trung ứng phó', 'Văn bản này chưa cập nhật nội dung Tiếng Anh',
    'Công điện 96/CĐ-BXD ngày 22/11/2025', '## Văn bản liên quan', 'Ban hành:', '30/11/2025',
  ];
  it('keeps only the document and finds its paragraphs without blank lines', () => {
    expect(clean(page.join('\n')).split('\n')).toEqual([
      ...HEADER_OUT,
      'CÔNG ĐIỆN',
      'VỀ VIỆC ỨNG PHÓ',
      'Triển khai chỉ đạo của Thủ tướng Chính phủ tại Công điện số 225/CĐ-TTg, Bộ Xây dựng yêu cầu:',
      '1. Quán triệt, tổ chức thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ.',
      ...SIGNATURE_OUT,
    ]);
  });
});

describe('looksLikeMarkdown', () => {
  it('recognises the exports', () => {
    for (const { name } of PAIRS.slice(0, 3)) {
      expect(looksLikeMarkdown(readFileSync(join(FIX, `${name}.md`), 'utf8'))).toBe(true);
    }
    expect(looksLikeMarkdown('# A\n\ntext\n\n## B\n\n### C\n')).toBe(true);
    expect(looksLikeMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toBe(true);
  });
  it('leaves plain text alone', () => {
    for (const { name } of PAIRS.slice(0, 3)) {
      expect(looksLikeMarkdown(readFileSync(join(FIX, `${name}.txt`), 'utf8'))).toBe(false);
    }
    expect(looksLikeMarkdown('Điều 1. Phạm vi\n- Một; - Hai\n2 * 3 = 6 và 4 * 5 = 20')).toBe(false);
  });
});
