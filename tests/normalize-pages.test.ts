import { describe, expect, it } from 'vitest';
import { pageLayoutPass } from '../src/normalize/pages.js';
import { identity, type Traced } from '../src/normalize/traced.js';

/** Run the pass on hand-made paged text. */
function pass(pages: string[] | string): Traced {
  return pageLayoutPass(identity(Array.isArray(pages) ? pages.join('\f') : pages));
}

function lines(pages: string[] | string): string[] {
  return pass(pages).text.split('\n');
}

/**
 * Every character of the output is either copied from the input (and maps to that very
 * character) or a space / newline the pass inserted.
 */
function expectMapValid(input: string, out: Traced): void {
  expect(out.map.length).toBe(out.text.length + 1);
  for (let i = 0; i < out.text.length; i++) {
    const c = out.text[i];
    if (c === ' ' || c === '\n') continue;
    expect(input[out.map[i]], `clean offset ${i} ("${out.text.slice(i, i + 12)}")`).toBe(c);
  }
}

// Justified lines of about 80 characters, the way a PDF reader hands them over.
const P1 = [
  '- Tổ chức thực hiện nghiêm túc, hiệu quả, đầy đủ các nội dung tại Nghị quyết số',
  '27-NQ/TU của Ban Thường vụ Tỉnh ủy Lào Cai về nâng cao chất lượng dân số tỉnh',
  'Lào Cai đến năm 2030, tầm nhìn đến năm 2050 trên địa bàn thành phố Lào Cai.',
];
const P1_JOINED =
  '- Tổ chức thực hiện nghiêm túc, hiệu quả, đầy đủ các nội dung tại Nghị quyết số 27-NQ/TU của Ban Thường vụ Tỉnh ủy Lào Cai về nâng cao chất lượng dân số tỉnh Lào Cai đến năm 2030, tầm nhìn đến năm 2050 trên địa bàn thành phố Lào Cai.';

describe('pageLayoutPass: running headers, footers and page numbers', () => {
  const header = 'UBND QUẬN LONG BIÊN – Kế hoạch thực hiện Chỉ thị số 11/CT-UBND';
  const pages = [
    [header, 'I. MỤC ĐÍCH, YÊU CẦU', ...P1, 'Trang 1/3'],
    [header, '1. Mục đích', '- Các đơn vị quán triệt và tuyên truyền phổ biến nội dung Chỉ thị số 11/CT-', 'UBND đến công chức, viên chức và người lao động trong đơn vị.', 'Trang 2/3'],
    [header, '2. Yêu cầu', '- Căn cứ chức năng, nhiệm vụ chủ động tham mưu, đề xuất và triển khai.', 'Trang 3/3'],
  ].map((p) => p.join('\n'));

  it('drops a header repeated on every page and a footer whose page number varies', () => {
    const out = lines(pages);
    expect(out).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      P1_JOINED,
      '1. Mục đích',
      '- Các đơn vị quán triệt và tuyên truyền phổ biến nội dung Chỉ thị số 11/CT-UBND đến công chức, viên chức và người lao động trong đơn vị.',
      '2. Yêu cầu',
      '- Căn cứ chức năng, nhiệm vụ chủ động tham mưu, đề xuất và triển khai.',
    ]);
    expectMapValid(pages.join('\f'), pass(pages));
  });

  it('drops a header missing from the first page, as long as most pages carry it', () => {
    const p = [...pages];
    p[0] = p[0].replace(header + '\n', '');
    expect(lines(p)).not.toContain(header);
    expect(pass(p).text).not.toContain('UBND QUẬN LONG BIÊN –');
  });

  it('drops page numbers in their usual forms, at the top or the bottom', () => {
    for (const [n1, n2] of [['1', '2'], ['- 1 -', '- 2 -'], ['Trang 1', 'Trang 2'], ['1/2', '2/2']]) {
      const text = [`${P1.join('\n')}\n${n1}`, `${n2}\n1. Mục đích của kế hoạch`];
      expect(lines(text), `${n1} / ${n2}`).toEqual([P1_JOINED, '1. Mục đích của kế hoạch']);
    }
  });

  it('follows printed page numbers that do not start at 1, and headers that carry them', () => {
    // Two unnumbered cover pages, then pages printed 1, 2, 3, 4 at the top; chapter headers
    // "Chương I: Quy định chung 2" change with the chapter, so they do not recur on half the pages.
    const bodies = [
      'Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng của Quy chế này.',
      'Điều 2. Nguyên tắc làm việc của Ủy ban nhân dân và các thành viên.',
      'Điều 3. Trách nhiệm, phạm vi giải quyết công việc của các thành viên.',
      'Điều 4. Chế độ thông tin, báo cáo và kiểm tra việc thực hiện.',
    ];
    const body = (n: number) => bodies[n - 1];
    const text = [
      'QUY CHẾ LÀM VIỆC',
      'Ban hành kèm theo Quyết định số 12/QĐ-UBND',
      `1\n${body(1)}`,
      `Chương I: Quy định chung 2\n${body(2)}`,
      `Chương I: Quy định chung 3\n${body(3)}`,
      `4\n${body(4)}`,
    ];
    const out = pass(text).text;
    expect(out).not.toMatch(/Chương I: Quy định chung|(^|\n)[1-4](\n|$)/);
    for (const n of [1, 2, 3, 4]) expect(out).toContain(body(n));
  });

  it('keeps a number that is not where the page number would be', () => {
    const text = ['Tổng số đơn vị được giao chỉ tiêu:\n37', 'Số liệu kèm theo phụ lục.'];
    expect(pass(text).text).toContain('37');
  });
});

describe('pageLayoutPass: footnotes', () => {
  const page1 = [
    'a) Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan tham mưu UBND',
    'tỉnh trình Hội đồng nhân dân tỉnh ban hành Nghị quyết về công tác dân số1.',
    'b) Các Sở, ngành: Y tế, Văn hóa Thể thao và Du lịch, Lao động- Thương binh',
    'và Xã hội theo chức năng, nhiệm vụ kịp thời tham mưu UBND tỉnh ban hành các văn',
    'bản chỉ đạo triển khai thực hiện các Luật, Nghị định được sửa đổi phù hợp',
    'với Nghị quyết số 21-NQ/TW2. Đồng thời nghiên cứu chính sách tạo điều kiện cho người',
    'dân đến làm việc tại tỉnh được tiếp cận đầy đủ và công bằng với các dịch vụ xã hội cơ',
    '1Sau khi Quốc hội ban hành Luật Dân số, Thủ tướng Chính phủ ban hành Chiến lược Dân số Việt Nam đến năm',
    '2030, Đề án điều chỉnh mức sinh giữa các vùng.',
    '2Luật Bảo hiểm y tế; Luật Người cao tuổi; Luật Bình đẳng giới.',
  ].join('\n');
  const page2 = ['bản, góp phần thu hút dân cư, tăng dân số cơ học về tỉnh.', 'Nơi nhận:', '- Như trên;', 'KT. CHỦ TỊCH'].join('\n');

  it('moves page-bottom footnotes to the end, numbered, and rejoins the text they interrupted', () => {
    const out = lines([page1, page2]);
    expect(out.slice(-2)).toEqual([
      '1 Sau khi Quốc hội ban hành Luật Dân số, Thủ tướng Chính phủ ban hành Chiến lược Dân số Việt Nam đến năm 2030, Đề án điều chỉnh mức sinh giữa các vùng.',
      '2 Luật Bảo hiểm y tế; Luật Người cao tuổi; Luật Bình đẳng giới.',
    ]);
    // the markers stay in the running text, as in the reference texts
    expect(out[0]).toMatch(/công tác dân số1\.$/);
    expect(out[1]).toContain('với Nghị quyết số 21-NQ/TW2. Đồng thời');
    // the paragraph cut by the footnotes and the page break continues on the next page
    expect(out[1]).toMatch(/các dịch vụ xã hội cơ bản, góp phần thu hút dân cư, tăng dân số cơ học về tỉnh\.$/);
    expect(out.slice(2, 5)).toEqual(['Nơi nhận:', '- Như trên;', 'KT. CHỦ TỊCH']);
    expectMapValid([page1, page2].join('\f'), pass([page1, page2]));
  });

  it('takes "1 Sau khi" (number, space, capital) as a footnote too', () => {
    const p = page1.replace('1Sau khi', '1 Sau khi').replace('2Luật', '2 Luật');
    expect(lines([p, page2]).at(-2)).toMatch(/^1 Sau khi Quốc hội/);
  });

  it('does not take a wrapped line starting with a number for a footnote without a marker', () => {
    const p = page1.replace('dân số1.', 'dân số.').replace('21-NQ/TW2.', '21-NQ/TW.');
    const out = pass([p, page2]).text;
    expect(out).not.toMatch(/\n1 Sau khi/);
    expect(out).toContain('1Sau khi');
  });
});

describe('pageLayoutPass: where paragraphs start', () => {
  it('starts a paragraph at section labels, bullets and legal units', () => {
    const starts = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II- NHIỆM VỤ',
      '1. Mục đích',
      '2.1. Nhiệm vụ cụ thể',
      'a) Các Sở, ngành và UBND các huyện có trách nhiệm:',
      'đ) Sở Xây dựng chủ trì rà soát',
      'Điều 5. Tổ chức thực hiện',
      'Chương II',
      '+ Rà soát, đề xuất',
      '• Báo cáo định kỳ',
      '* Ghi chú',
    ];
    // each start follows a line that leaves its phrase open and is full: only the label can split
    const filler = 'Ủy ban nhân dân các huyện, thành phố chủ động phối hợp tổ chức triển khai thực hiện';
    const text = starts.map((s) => `${filler}\n${s}`).join('\n');
    const out = lines(text);
    for (const s of starts) expect(out, s).toContain(s);
  });

  it('keeps a wrapped line that starts with a number inside its paragraph', () => {
    const text = [
      '- Cụ thể hóa các nội dung, nhiệm vụ, xác định rõ trách nhiệm của các Sở, ngành,',
      'địa phương, tập trung chỉ đạo, thực hiện thành công mục tiêu Nghị quyết số',
      '21-NQ/TW, Chương trình hành động số 54-CTr/TU đã xác định và Chiến lược đến năm',
      '2030, Đề án điều chỉnh mức sinh giữa các vùng, miền trên địa bàn toàn tỉnh ta.',
      '2. Yêu cầu',
    ].join('\n');
    expect(lines(text)).toEqual([
      '- Cụ thể hóa các nội dung, nhiệm vụ, xác định rõ trách nhiệm của các Sở, ngành, địa phương, tập trung chỉ đạo, thực hiện thành công mục tiêu Nghị quyết số 21-NQ/TW, Chương trình hành động số 54-CTr/TU đã xác định và Chiến lược đến năm 2030, Đề án điều chỉnh mức sinh giữa các vùng, miền trên địa bàn toàn tỉnh ta.',
      '2. Yêu cầu',
    ]);
  });

  it('starts a paragraph after a line that stops well short of the full width', () => {
    const text = [
      '1. Duy trì vững chắc mức sinh thay thế (bình quân mỗi phụ nữ trong độ tuổi',
      'sinh đẻ có 2 con), quy mô dân số 840 nghìn người.',
      'Giảm 50% chênh lệch mức sinh giữa nông thôn và thành thị; mọi phụ nữ trong',
      'độ tuổi sinh đẻ đều được tiếp cận thuận tiện với các biện pháp tránh thai hiện đại; giảm',
      '2/3 số vị thành niên và thanh niên có thai ngoài ý muốn.',
    ].join('\n');
    expect(lines(text)).toEqual([
      '1. Duy trì vững chắc mức sinh thay thế (bình quân mỗi phụ nữ trong độ tuổi sinh đẻ có 2 con), quy mô dân số 840 nghìn người.',
      'Giảm 50% chênh lệch mức sinh giữa nông thôn và thành thị; mọi phụ nữ trong độ tuổi sinh đẻ đều được tiếp cận thuận tiện với các biện pháp tránh thai hiện đại; giảm 2/3 số vị thành niên và thanh niên có thai ngoài ý muốn.',
    ]);
  });

  it('keeps header and signature lines apart', () => {
    const text = [
      'Số: /KH-UBND',
      'Long Biên, ngày tháng năm 2024',
      'KẾ HOẠCH',
      'Thực hiện Chỉ thị số 11/CT-UBND ngày 22/10/2024 của UBND Thành phố về công tác dân số',
      'trong tình hình mới trên địa bàn quận Long Biên, bảo đảm tiến độ và hiệu quả./.',
      'Nơi nhận:',
      '- Thường trực Quận ủy;',
      '- Lưu VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Thị Thanh Hằng',
    ].join('\n');
    const out = lines(text);
    expect(out).toEqual([
      'Số: /KH-UBND',
      'Long Biên, ngày tháng năm 2024',
      'KẾ HOẠCH',
      'Thực hiện Chỉ thị số 11/CT-UBND ngày 22/10/2024 của UBND Thành phố về công tác dân số trong tình hình mới trên địa bàn quận Long Biên, bảo đảm tiến độ và hiệu quả./.',
      'Nơi nhận:',
      '- Thường trực Quận ủy;',
      '- Lưu VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Thị Thanh Hằng',
    ]);
  });

  it('joins a heading in capitals wrapped over two lines', () => {
    expect(lines('II. NHIỆM VỤ VÀ GIẢI PHÁP\nCHỦ YẾU\n1. Tăng cường sự chỉ đạo')).toEqual([
      'II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU',
      '1. Tăng cường sự chỉ đạo',
    ]);
  });

  it('takes a spaced dash at the start of a wrapped line for a dash, not a bullet', () => {
    const text = [
      'Phối hợp các đơn vị liên quan đẩy mạnh các hoạt động thể dục, thể thao, văn hóa',
      '- văn nghệ cho các tầng lớp nhân dân nhằm phát triển thể lực, tầm vóc người dân.',
      '- Tiếp tục tổ chức triển khai.',
    ].join('\n');
    expect(lines(text)).toEqual([
      'Phối hợp các đơn vị liên quan đẩy mạnh các hoạt động thể dục, thể thao, văn hóa - văn nghệ cho các tầng lớp nhân dân nhằm phát triển thể lực, tầm vóc người dân.',
      '- Tiếp tục tổ chức triển khai.',
    ]);
  });

  it('breaks at every empty line the reader left, and trusts their absence when they are reliable', () => {
    const paragraphs = [
      ['I. MỤC TIÊU'],
      ['1. Mục tiêu chung'],
      ['- Căn cứ Kế hoạch số 57/KH-UBND ngày 30/01/2024 của UBND tỉnh Lào', 'Cai về thực hiện Nghị quyết số 27-NQ/TU ngày 01/7/2022 của Ban', 'Thường vụ Tỉnh ủy trên địa bàn thành phố Lào Cai.', 'UBND thành phố Lào Cai xây dựng kế hoạch thực hiện như sau:'],
      ['- Nâng cao chất lượng dân số.'],
      ['2. Mục tiêu cụ thể năm 2024'],
      ['a) Về quy mô dân số'],
      ['b) Về chất lượng dân số'],
      ['Quan tâm công tác giáo dục.'],
    ];
    const out = lines(paragraphs.map((p) => p.join('\n')).join('\n\n'));
    expect(out).toEqual(paragraphs.map((p) => p.join(' ')));
  });
});

describe('pageLayoutPass: references wrapped after their hyphen', () => {
  it('joins without a space and keeps the hyphen', () => {
    const cases: [string, string, string][] = [
      ['Thực hiện Nghị quyết số 27-', 'NQ/TU ngày 01/7/2022 của Ban Thường vụ', 'Thực hiện Nghị quyết số 27-NQ/TU ngày 01/7/2022 của Ban Thường vụ'],
      ['các đơn vị quán triệt nội dung Chỉ thị số 11/CT-', 'UBND đến công chức', 'các đơn vị quán triệt nội dung Chỉ thị số 11/CT-UBND đến công chức'],
      ['Quán triệt nội dung của Nghị quyết số 137/NQ-', 'CP, Chương trình hành động', 'Quán triệt nội dung của Nghị quyết số 137/NQ-CP, Chương trình hành động'],
      ['giai đoạn 2021-', '2025 và những năm tiếp theo', 'giai đoạn 2021-2025 và những năm tiếp theo'],
      ['chỉ đạo của Quận ủy, HĐND-', 'UBND quận về công tác dân số', 'chỉ đạo của Quận ủy, HĐND-UBND quận về công tác dân số'],
      ['phát triển kinh tế-', 'xã hội của địa phương', 'phát triển kinh tế-xã hội của địa phương'],
    ];
    for (const [a, b, joined] of cases) expect(lines(`${a}\n${b}`), joined).toEqual([joined]);
  });

  it('joins across a page break too', () => {
    const text = ['kinh tế, Nghị quyết số 21-', 'NQ/TW, Nghị quyết số 137/NQ-CP và Chương trình hành động.'];
    expect(lines(text)).toEqual(['kinh tế, Nghị quyết số 21-NQ/TW, Nghị quyết số 137/NQ-CP và Chương trình hành động.']);
  });

  it('keeps the space after a word ending in a hyphen', () => {
    const a = 'b) Các Sở, ngành: Y tế, Văn hóa Thể thao và Du lịch, Kế hoạch và Đầu tư, Lao động-';
    const b = 'Thương binh và Xã hội theo chức năng, nhiệm vụ kịp thời tham mưu UBND tỉnh.';
    expect(lines(`${a}\n${b}`)).toEqual([`${a} ${b}`]);
  });
});

describe('pageLayoutPass: robustness', () => {
  it('leaves empty and single-line texts alone', () => {
    expect(pass('').text).toBe('');
    expect(pass('\f\f').text).toBe('');
    expect(pass('KẾ HOẠCH').text).toBe('KẾ HOẠCH');
  });

  it('keeps the raw end offset for spans that end at the end of the text', () => {
    const input = 'I. MỤC TIÊU\nNâng cao chất lượng dân số.\fTrang 2';
    const out = pass(input);
    expect(out.text).toBe('I. MỤC TIÊU\nNâng cao chất lượng dân số.');
    expect(out.map[out.text.length]).toBe(input.length);
  });
});

describe('pageLayoutPass: preamble', () => {
  it('starts each "Căn cứ" clause on its own line, even after a full line', () => {
    const text = [
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi,',
      'bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương;',
      'Căn cứ Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương;',
      'Xét đề nghị của Giám đốc Sở Y tế tại Tờ trình số 12/TTr-SYT ngày 02/3/2024.',
    ].join('\n');
    expect(lines(text)).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương;',
      'Căn cứ Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương;',
      'Xét đề nghị của Giám đốc Sở Y tế tại Tờ trình số 12/TTr-SYT ngày 02/3/2024.',
    ]);
  });
});
