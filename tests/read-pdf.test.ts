import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError, type CleanText, type RawText } from '../src/models.js';
import { normalize } from '../src/normalize/index.js';
import { readDocument } from '../src/read/index.js';
import { layoutText, readPdf, type PdfTextItem } from '../src/read/pdf.js';
import { comparable, similarity } from './helpers/similarity.js';

const FIX = join(import.meta.dirname, '..', 'fixtures');
const fx = (p: string) => join(FIX, p);

/** Each PDF with the reference text it must give (fixtures/README.md). */
const CASES: { pdf: string; expected: string }[] = [
  { pdf: 'cv-hai-phong-2024-trien-khai-ct27.pdf', expected: 'cv-hai-phong-2024-trien-khai-ct27.expected.txt' },
  { pdf: 'kh-ha-nam-2018-thuc-hien-nq137.pdf', expected: 'kh-ha-nam-2018-thuc-hien-nq137.expected.txt' },
  { pdf: 'kh-lao-cai-2024-thuc-hien-nq27-tu.pdf', expected: 'kh-lao-cai-2024-thuc-hien-nq27-tu.expected.txt' },
  { pdf: 'kh-long-bien-2024-thuc-hien-ct11.pdf', expected: 'kh-long-bien-2024-thuc-hien-ct11.expected.txt' },
  { pdf: 'tin-ha-noi-2018-kh94.pdf', expected: 'tin-ha-noi-2018-kh94.expected.txt' },
  { pdf: 'layout/kh-long-bien-2024-thuc-hien-ct11.header-footer.pdf', expected: 'kh-long-bien-2024-thuc-hien-ct11.expected.txt' },
  { pdf: 'layout/kh-lao-cai-2024-thuc-hien-nq27-tu.2col.pdf', expected: 'kh-lao-cai-2024-thuc-hien-nq27-tu.expected.txt' },
  { pdf: 'encoding/cv-hai-phong-2024-trien-khai-ct27.nfd.pdf', expected: 'cv-hai-phong-2024-trien-khai-ct27.expected.txt' },
];

/** A line that opens a section (extraction.md §6). */
const SECTION_START = /^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|Điều \d+)/u;

/**
 * Expected lines that start with a section label and do not start a line of the clean text. A
 * clean line starts the same paragraph when it begins with the expected line's first 30
 * characters, or when it is a start of it (the clean text broke the paragraph early, e.g. after
 * a heading's colon: the label is still where it belongs).
 */
function missingSectionStarts(clean: string, expected: string): string[] {
  const starts = clean.split('\n').map(comparable);
  return expected
    .split('\n')
    .map(comparable)
    .filter((l) => SECTION_START.test(l))
    .filter((l) => !starts.some((s) => s.startsWith(l.slice(0, 30)) || (s.length >= 12 && l.startsWith(s))));
}

async function cleanOf(path: string, geometry = true): Promise<CleanText> {
  const raw = geometry ? (await readDocument(path)).raw : await readPdf(readFileSync(path), path, { maxPages: 500, geometry: false });
  return normalize(raw);
}

describe('PDF fixtures → clean text', () => {
  for (const { pdf, expected } of CASES) {
    describe(pdf, () => {
      const want = readFileSync(fx(expected), 'utf8');

      it('reads as a paged PDF', async () => {
        const { raw } = await readDocument(fx(pdf));
        expect(raw.format).toBe('pdf');
        expect(raw.paged).toBe(true);
        expect(raw.pages).toBe(raw.text.split('\f').length);
        // pdf-parse's joined text carries "-- 1 of 2 --" markers; the page texts do not
        expect(raw.text).not.toMatch(/-- \d+ of \d+ --/);
        expect(raw.warnings).toEqual([]);
      });

      it('matches the reference text (≥ 0.99) and starts every section on its own line', async () => {
        const clean = await cleanOf(fx(pdf));
        expect(similarity(clean.text, want)).toBeGreaterThanOrEqual(0.99);
        expect(missingSectionStarts(clean.text, want)).toEqual([]);
      });

      it('does as well from plain pdf.js text, without the layout hints', async () => {
        const clean = await cleanOf(fx(pdf), false);
        expect(similarity(clean.text, want)).toBeGreaterThanOrEqual(0.99);
        expect(missingSectionStarts(clean.text, want)).toEqual([]);
      });
    });
  }

  it('drops running headers and "Trang N/M" footers', async () => {
    for (const pdf of ['layout/kh-long-bien-2024-thuc-hien-ct11.header-footer.pdf', 'layout/kh-lao-cai-2024-thuc-hien-nq27-tu.2col.pdf']) {
      const { raw } = await readDocument(fx(pdf));
      expect(raw.text).toMatch(/Trang 2\/\d/);
      const clean = normalize(raw).text;
      expect(clean).not.toMatch(/Trang \d+\/\d+/);
      expect(clean).not.toContain('UBND QUẬN LONG BIÊN –');
      expect(clean).not.toContain('UBND THÀNH PHỐ LÀO CAI –');
    }
  });

  it('moves the page-bottom footnotes to the end, after the signature, one per paragraph', async () => {
    const clean = (await cleanOf(fx('kh-ha-nam-2018-thuc-hien-nq137.pdf'))).text;
    const lines = clean.split('\n');
    const signature = lines.indexOf('KT. CHỦ TỊCH');
    expect(signature).toBeGreaterThan(0);
    expect(lines.slice(signature + 1).map((l) => l.slice(0, 12))).toEqual(['1 Sau khi Qu', '2 Luật Bảo h', '3 Đề án củng']);
    expect(lines.at(-3)).toBe(
      '1 Sau khi Quốc hội ban hành Luật Dân số, Thủ tướng Chính phủ ban hành Chiến lược Dân số Việt Nam đến năm 2030, Đề án điều chỉnh mức sinh giữa các vùng.',
    );
    // no footnote text inside the running text, and the paragraphs they cut are whole again
    const body = lines.slice(0, signature + 1).join('\n');
    expect(body).not.toMatch(/Sau khi Quốc hội|Luật Bảo hiểm y tế; Quy định|Đề án củng cố, nâng cao chất lượng dịch vụ kế hoạch/);
    expect(body).toContain('với các dịch vụ xã hội cơ bản, góp phần thu hút dân cư');
    // the markers stay where the reference text has them
    expect(body).toContain('công tác dân số1.');
    expect(body).toContain('Nghị quyết số 21-NQ/TW2.');
  });

  it('joins references wrapped after their hyphen, in narrow columns too', async () => {
    const clean = (await cleanOf(fx('layout/kh-lao-cai-2024-thuc-hien-nq27-tu.2col.pdf'))).text;
    expect(clean).toContain('Thực hiện Nghị quyết số 27-NQ/TU ngày 01/7/2022');
    expect(clean).not.toMatch(/\d- [A-Z]/u);
    const hn = (await cleanOf(fx('kh-ha-nam-2018-thuc-hien-nq137.pdf'))).text;
    expect(hn).toContain('Nghị quyết số 137/NQ-CP, Chương trình hành động số 54-CTr/TU phù hợp');
    expect(hn).toContain('Nghị quyết số 21-NQ/TW, Nghị quyết số 137/NQ-CP và Chương trình hành động số 54-CTr/TU.');
  });

  it('keeps the 2-column text in reading order', async () => {
    const clean = (await cleanOf(fx('layout/kh-lao-cai-2024-thuc-hien-nq27-tu.2col.pdf'))).text;
    const order = ['I. MỤC TIÊU', '1. Mục tiêu chung', '2. Mục tiêu cụ thể năm 2024', 'c) Về chỉ số phát triển con người:', 'II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU', 'V. KIỂM TRA, GIÁM SÁT', 'Nơi nhận:'];
    const at = order.map((s) => clean.indexOf(s));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('offset map back to the raw PDF text', () => {
  /** The raw text under a clean span holds the same words, whatever the wraps and forms. */
  function expectTraced(clean: CleanText, phrase: string): void {
    const start = clean.text.indexOf(phrase);
    expect(start, phrase).toBeGreaterThanOrEqual(0);
    const raw = clean.raw.text.slice(clean.map[start], clean.map[start + phrase.length]);
    const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
    expect(squeeze(raw), phrase).toBe(squeeze(phrase));
  }

  it('maps phrases across line wraps, page breaks, reference joins and moved footnotes', async () => {
    const hn = await cleanOf(fx('kh-ha-nam-2018-thuc-hien-nq137.pdf'));
    expectTraced(hn, 'mục tiêu Nghị quyết số 21-NQ/TW, Chương trình hành động');
    expectTraced(hn, 'Nghị quyết số 137/NQ-CP, Chương trình hành động số 54-CTr/TU phù hợp');
    expectTraced(hn, 'Sau khi Quốc hội ban hành Luật Dân số');
    expectTraced(hn, 'đến năm 2030, Đề án điều chỉnh mức sinh giữa các vùng.');
    expectTraced(hn, 'triển khai thực hiện Kế hoạch; phối hợp các Sở, ngành liên quan'); // across a page break
    expectTraced(hn, 'bản, góp phần thu hút dân cư'); // first line of a page whose previous page ended in footnotes
    const lc = await cleanOf(fx('layout/kh-lao-cai-2024-thuc-hien-nq27-tu.2col.pdf'));
    expectTraced(lc, 'Nghị quyết số 27-NQ/TU ngày 01/7/2022');
    expectTraced(lc, 'II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU');
    const nfd = await cleanOf(fx('encoding/cv-hai-phong-2024-trien-khai-ct27.nfd.pdf'));
    expectTraced(nfd, 'Ủy ban Mặt trận Tổ quốc Việt Nam');
  });

  it('a footnote number maps to the number in the raw text', async () => {
    const hn = await cleanOf(fx('kh-ha-nam-2018-thuc-hien-nq137.pdf'));
    const at = hn.text.indexOf('\n3 Đề án') + 1;
    expect(hn.raw.text[hn.map[at]]).toBe('3');
    expect(hn.raw.text.slice(hn.map[at], hn.map[at] + 8)).toBe('3Đề án c');
  });
});

describe('bad PDFs', () => {
  async function reason(path: string, opts: Parameters<typeof readDocument>[1] = {}): Promise<string> {
    try {
      await readDocument(path, opts);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).reason;
    }
    throw new Error(`${path} was read`);
  }

  it('refuses a scanned PDF without a text layer', async () => {
    expect(await reason(fx('bad/scanned-no-text-layer.pdf'))).toBe('scanned PDF without a text layer: OCR it first');
  });

  it('refuses a truncated PDF as damaged, quickly', async () => {
    const t0 = Date.now();
    expect(await reason(fx('bad/corrupt-truncated.pdf'))).toBe('damaged PDF: invalid PDF structure');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('refuses an empty file', async () => {
    expect(await reason(fx('bad/empty-0-bytes.pdf'))).toBe('empty file (0 bytes)');
    await expect(readPdf(Buffer.alloc(0), 'x.pdf', { maxPages: 500 })).rejects.toMatchObject({ reason: 'empty file (0 bytes)' });
  });

  it('reads a text file named .pdf as text, and readPdf says it is not a PDF', async () => {
    const { raw } = await readDocument(fx('bad/fake-renamed-txt.pdf'));
    expect(raw.format).toBe('txt');
    expect(raw.warnings.join(' ')).toMatch(/named \.pdf but the content is plain text/);
    const bytes = readFileSync(fx('bad/fake-renamed-txt.pdf'));
    await expect(readPdf(bytes, 'fake.pdf', { maxPages: 500 })).rejects.toMatchObject({ reason: 'not a PDF: the file has no %PDF- header' });
  });

  it('asks for the password of a user-password PDF, and reads it with the right one', async () => {
    const path = fx('bad/encrypted-user-password.pdf');
    expect(await reason(path)).toBe('encrypted PDF: it needs a password to open (pass --password)');
    expect(await reason(path, { password: 'sai-mat-khau' })).toBe('encrypted PDF: the password given is wrong');
    const { raw } = await readDocument(path, { password: 'matkhau123' });
    expect(raw.pages).toBe(7);
    expect(raw.warnings).toEqual([]);
    const want = readFileSync(fx('kh-ha-nam-2018-thuc-hien-nq137.expected.txt'), 'utf8');
    expect(similarity(normalize(raw).text, want)).toBeGreaterThanOrEqual(0.99);
  });

  it('reads an owner-password PDF and says it has restrictions', async () => {
    const { raw } = await readDocument(fx('bad/encrypted-owner-only-no-user-password.pdf'));
    expect(raw.warnings).toEqual(['PDF has owner restrictions; text extracted anyway']);
    const want = readFileSync(fx('tin-ha-noi-2018-kh94.expected.txt'), 'utf8');
    expect(similarity(normalize(raw).text, want)).toBeGreaterThanOrEqual(0.99);
  });
});

describe('page limit', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses a PDF over the page limit with its page count, before reading any page', async () => {
    const getPage = vi.fn();
    const load = (PDFParse.prototype as unknown as { load: () => Promise<{ getPage: (n: number) => unknown }> }).load;
    vi.spyOn(PDFParse.prototype as unknown as { load: () => Promise<unknown> }, 'load').mockImplementation(async function (this: unknown) {
      const doc = await load.call(this);
      return new Proxy(doc, {
        get: (target, key) => (key === 'getPage' ? (n: number) => (getPage(n), target.getPage(n)) : Reflect.get(target, key)),
      });
    });
    const path = fx('kh-ha-nam-2018-thuc-hien-nq137.pdf');
    await expect(readDocument(path, { maxPdfPages: 3 })).rejects.toMatchObject({ reason: 'PDF has 7 pages, over the 3-page limit' });
    expect(getPage).not.toHaveBeenCalled();
    // and under the limit the same spy sees every page read
    await readDocument(path, { maxPdfPages: 7 });
    expect(getPage).toHaveBeenCalledTimes(7);
  });
});

describe('layoutText: pdf.js items → lines with paragraph gaps', () => {
  /** A text item at (x, y), size 13 unless told. */
  const item = (str: string, x: number, y: number, size = 13, width = str.length * size * 0.45): PdfTextItem => ({
    str,
    transform: [size, 0, 0, size, x, y],
    width,
    hasEOL: false,
  });
  /** Lines of a paragraph: 17 pt apart, the first one indented. */
  function paragraph(lines: string[], top: number): PdfTextItem[] {
    return lines.map((s, i) => item(s, i === 0 ? 113 : 85, top - 17 * i));
  }

  it('leaves an empty line where the spacing between lines grows, and none inside a paragraph', () => {
    const items = [
      ...paragraph(['Thực hiện Chỉ thị số 27/CT-TTg ngày 15/8/2024', 'của Thủ tướng Chính phủ về công tác dân số,', 'trong tình hình mới.'], 700),
      ...paragraph(['1. Các Sở, ban, ngành, đơn vị, địa phương:'], 700 - 34 - 21),
      ...paragraph(['Chủ động nghiên cứu, tổ chức quán triệt và chỉ đạo', 'triển khai thực hiện nghiêm túc.'], 700 - 34 - 42),
    ];
    expect(layoutText([items])).toEqual([
      'Thực hiện Chỉ thị số 27/CT-TTg ngày 15/8/2024\ncủa Thủ tướng Chính phủ về công tác dân số,\ntrong tình hình mới.\n\n1. Các Sở, ban, ngành, đơn vị, địa phương:\n\nChủ động nghiên cứu, tổ chức quán triệt và chỉ đạo\ntriển khai thực hiện nghiêm túc.',
    ]);
  });

  it('takes a first-line indent for a paragraph start when the document indents that way', () => {
    // No paragraph spacing at all: every line 17 pt below the previous one.
    const texts = [
      ['- Chủ trì, phối hợp với các Sở, ban, ngành tăng cường kiểm tra,', 'đôn đốc việc thực hiện.'],
      ['- Chủ trì, phối hợp với Sở Nội vụ duy trì ổn định bộ máy,', 'đáp ứng yêu cầu nhiệm vụ.'],
      ['- Phối hợp với Sở Thông tin và Truyền thông tổ chức tuyên truyền', 'rộng rãi, thường xuyên.'],
      ['Tiếp tục nâng cao chất lượng đội ngũ công chức, viên chức làm công tác', 'dân số các cấp.'],
    ];
    const flat = texts.flat();
    const indented = flat.map((s, i) => item(s, texts.some((p) => p[0] === s) ? 113 : 85, 700 - 17 * i));
    expect(layoutText([indented])[0]).toBe(texts.map((p) => p.join('\n')).join('\n\n'));
    // The same lines with a hanging indent (first line out, the rest in): no evidence, no marks.
    const hanging = flat.map((s, i) => item(s, texts.some((p) => p[0] === s) ? 85 : 113, 700 - 17 * i));
    expect(layoutText([hanging])[0]).toBe(flat.join('\n'));
  });

  it('keeps a superscript footnote marker on its line and glued to its word', () => {
    const body = item('tỉnh trình Hội đồng nhân dân ban hành Nghị quyết về công tác dân số', 85, 383, 13, 412.7);
    const marker = item('1', 498.1, 388.3, 7.5, 3.8);
    const dot = item('.', 501.8, 383, 13, 3.3);
    const next = item('b) Các Sở, ngành:', 113, 361.7);
    const [page] = layoutText([[body, marker, dot, next]]);
    expect(page.split('\n')[0]).toBe('tỉnh trình Hội đồng nhân dân ban hành Nghị quyết về công tác dân số1.');
  });

  it('sets the footnote area apart by its smaller font', () => {
    const items = [
      ...paragraph(['dân đến làm việc tại tỉnh được tiếp cận đầy đủ với các dịch vụ', 'xã hội cơ bản của tỉnh.', 'Dòng thứ ba của đoạn văn.', 'Dòng thứ tư của đoạn văn.'], 200),
      item('1', 85, 106.8, 5.8, 2.9),
      item('Sau khi Quốc hội ban hành Luật Dân số', 88.1, 102.9, 10),
    ];
    const lines = layoutText([items])[0].split('\n');
    expect(lines.slice(-2)).toEqual(['', '1Sau khi Quốc hội ban hành Luật Dân số']);
  });

  it('starts a new line when the text goes back left on the same baseline, and reads rotated pages', () => {
    const a = item('Cột một dòng một', 85, 700);
    const b = item('Cột một dòng hai', 85, 683);
    expect(layoutText([[a, b]])).toEqual(['Cột một dòng một\nCột một dòng hai']);
    // the same two lines drawn turned by 90° (text running up the page)
    const turn = (it: PdfTextItem): PdfTextItem => {
      const [s, , , , x, y] = it.transform;
      return { ...it, transform: [0, s, -s, 0, 600 - y, x] };
    };
    expect(layoutText([[turn(a), turn(b)]])).toEqual(['Cột một dòng một\nCột một dòng hai']);
  });
});

describe('readPdf on its own', () => {
  it('gives page texts joined by form feeds, and the same characters as getText()', async () => {
    const bytes = readFileSync(fx('cv-hai-phong-2024-trien-khai-ct27.pdf'));
    const withLayout: RawText = await readPdf(bytes, 'x.pdf', { maxPages: 500 });
    const plain: RawText = await readPdf(bytes, 'x.pdf', { maxPages: 500, geometry: false });
    expect(withLayout.pages).toBe(2);
    expect(withLayout.text.split('\f')).toHaveLength(2);
    const chars = (s: string) => s.replace(/\s+/g, '');
    expect(chars(withLayout.text)).toBe(chars(plain.text));
    expect(withLayout.text).toMatch(/\n\n/); // paragraph gaps marked
  });
});
