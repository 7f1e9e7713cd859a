import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { InputError } from '../src/models.js';
import { normalize } from '../src/normalize/index.js';
import { BodyWalker } from '../src/read/docx-body.js';
import { readDocx } from '../src/read/docx.js';
import { ListCounter, Numbering, StyleSheet, formatNumber } from '../src/read/docx-numbering.js';
import { readDocument } from '../src/read/index.js';
import { similarity } from './helpers/similarity.js';

const FIX = join(import.meta.dirname, '..', 'fixtures');
const CORPUS = join(import.meta.dirname, '..', 'corpus');
const LABEL = /^(?:[IVX]+\.|\d+(?:\.\d+)*\.?\s|[a-zđ]\)|Điều \d+)/;

async function cleanText(path: string): Promise<string> {
  return normalize((await readDocument(path)).raw).text;
}

// ---------------------------------------------------------------------------------------------
// Numbering engine on hand-made definitions
// ---------------------------------------------------------------------------------------------

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function lvl(ilvl: number, fmt: string, text: string, extra = '', start = 1): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
}

function numberingXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${body}</w:numbering>`;
}

/** Labels for a sequence of [numId, ilvl] paragraphs. */
function labels(xml: string, seq: [string, number][], styles?: string): (string | null)[] {
  const n = Numbering.parse(numberingXml(xml), StyleSheet.parse(styles ?? null));
  const c = new ListCounter(n);
  return seq.map(([id, l]) => c.next(id, l)?.text ?? null);
}

// The outline of a Vietnamese plan: I. / 1. / a).
const OUTLINE =
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%2.')}${lvl(2, 'lowerLetter', '%3)')}</w:abstractNum>` +
  `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

describe('formatNumber', () => {
  it('writes Word number formats', () => {
    expect([1, 4, 9, 14, 40, 1999].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIX']);
    expect(formatNumber(12, 'lowerRoman')).toBe('xii');
    expect([1, 5, 26, 27, 28].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'e', 'z', 'aa', 'bb']);
    expect(formatNumber(3, 'upperLetter')).toBe('C');
    expect([3, 12].map((n) => formatNumber(n, 'decimalZero'))).toEqual(['03', '12']);
    expect(formatNumber(7, 'none')).toBe('');
    expect(formatNumber(21, 'vietnameseCounting')).toBe('hai mươi mốt');
    expect(formatNumber(15, 'vietnameseCounting')).toBe('mười lăm');
    expect(formatNumber(2, 'ordinal')).toBe('2nd');
    expect(formatNumber(3, 'someScriptWeDoNotDraw')).toBe('3');
  });
});

describe('list counters', () => {
  it('counts an outline and restarts deeper levels when a shallower one advances', () => {
    const seq: [string, number][] = [['1', 0], ['1', 1], ['1', 2], ['1', 2], ['1', 1], ['1', 2], ['1', 0], ['1', 1]];
    expect(labels(OUTLINE, seq)).toEqual(['I.', '1.', 'a)', 'b)', '2.', 'a)', 'II.', '1.']);
  });

  it('keeps what Word draws for the fifth letter: "e)", never "đ)"', () => {
    const seq: [string, number][] = [0, 1, 2, 3, 4].map(() => ['1', 2]);
    expect(labels(OUTLINE, seq)).toEqual(['a)', 'b)', 'c)', 'd)', 'e)']);
  });

  it('draws multi-level patterns like "%1.%2." and literal text around them', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="3">${lvl(0, 'decimal', 'Điều %1.')}${lvl(1, 'decimal', '%1.%2.')}${lvl(2, 'decimal', '%1.%2.%3')}</w:abstractNum>` +
      `<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>`;
    const seq: [string, number][] = [['4', 0], ['4', 1], ['4', 1], ['4', 2], ['4', 0], ['4', 1], ['4', 2]];
    expect(labels(xml, seq)).toEqual(['Điều 1.', '1.1.', '1.2.', '1.2.1', 'Điều 2.', '2.1.', '2.1.1']);
  });

  it('honours start, and shows the start of a level not used yet', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.', '', 3)}${lvl(1, 'decimal', '%1.%2.', '', 1)}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(labels(xml, [['1', 1], ['1', 0], ['1', 0]])).toEqual(['3.1.', '3.', '4.']);
  });

  it('continues one abstractNum across numIds and restarts on a startOverride', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
      `<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>`;
    const seq: [string, number][] = [['1', 0], ['1', 0], ['2', 0], ['3', 0], ['3', 0], ['1', 0], ['4', 0], ['4', 0]];
    expect(labels(xml, seq)).toEqual(['1.', '2.', '3.', '1.', '2.', '3.', '7.', '8.']);
  });

  it('uses a whole replacement level from lvlOverride', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">${lvl(0, 'upperLetter', '%1.', '', 2)}</w:lvlOverride></w:num>`;
    expect(labels(xml, [['1', 0], ['1', 0]])).toEqual(['B.', 'C.']);
  });

  it('follows lvlRestart: 0 never restarts, n restarts only after level n', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%2.')}` +
      `${lvl(2, 'decimal', '(%3)', '<w:lvlRestart w:val="0"/>')}${lvl(3, 'lowerLetter', '%4)', '<w:lvlRestart w:val="1"/>')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const seq: [string, number][] = [['1', 0], ['1', 1], ['1', 2], ['1', 3], ['1', 1], ['1', 2], ['1', 3], ['1', 0], ['1', 2], ['1', 3]];
    // (n) runs through the document; a) restarts at I./II. but not at 1./2.
    expect(labels(xml, seq)).toEqual(['I.', '1.', '(1)', 'a)', '2.', '(2)', 'b)', 'II.', '(3)', 'a)']);
  });

  it('draws isLgl levels in decimal', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%1.%2.', '<w:isLgl/>')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(labels(xml, [['1', 0], ['1', 0], ['1', 1]])).toEqual(['I.', 'II.', '2.1.']);
  });

  it('gives bullets as "-" (a "+" stays) and no label for numFmt none', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'bullet', '\uF0B7')}${lvl(1, 'bullet', '+')}${lvl(2, 'bullet', 'o')}${lvl(3, 'none', '')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(labels(xml, [['1', 0], ['1', 1], ['1', 2], ['1', 3]])).toEqual(['-', '+', '-', null]);
  });

  it('reads Word 2010 custom formats from the AlternateContent fallback', () => {
    const xml =
      `<w:abstractNum w:abstractNumId="0" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
      `<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice>` +
      `<mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(labels(xml, [['1', 0], ['1', 0]])).toEqual(['01.', '02.']);
  });

  it('finds the list of a paragraph through its style chain and numStyleLink', () => {
    const styles =
      `<w:styles ${W}>` +
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>` +
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="MyHeading2"><w:basedOn w:val="Heading2"/></w:style>` +
      `<w:style w:type="numbering" w:styleId="Outline"><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>` +
      `</w:styles>`;
    const xml =
      `<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="Outline"/></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="Outline"/>${lvl(0, 'upperRoman', '%1.', '<w:pStyle w:val="Heading1"/>')}${lvl(1, 'decimal', '%2.', '<w:pStyle w:val="Heading2"/>')}</w:abstractNum>` +
      `<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>`;
    const n = Numbering.parse(numberingXml(xml), StyleSheet.parse(styles));
    expect(n.paragraphList('Heading1', null)).toEqual({ numId: '5', ilvl: 0 });
    expect(n.paragraphList('MyHeading2', null)).toEqual({ numId: '5', ilvl: 1 });
    expect(n.paragraphList('Heading1', { numId: '0', ilvl: null })).toBeNull();
    expect(n.paragraphList(null, null)).toBeNull();
    const c = new ListCounter(n);
    expect(['Heading1', 'MyHeading2', 'MyHeading2', 'Heading1'].map((s) => c.next('5', n.paragraphList(s, null)!.ilvl)?.text)).toEqual(['I.', '1.', '2.', 'II.']);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-made DOCX packages
// ---------------------------------------------------------------------------------------------

interface Parts {
  document: string;
  numbering?: string;
  styles?: string;
  footnotes?: string;
  endnotes?: string;
  settings?: string;
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"';

async function docx(parts: Parts): Promise<Buffer> {
  const zip = new JSZip();
  const rels: string[] = [];
  const over: string[] = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
  ];
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${parts.document}</w:body></w:document>`);
  let i = 1;
  for (const [key, root] of [['numbering', 'numbering'], ['styles', 'styles'], ['footnotes', 'footnotes'], ['endnotes', 'endnotes'], ['settings', 'settings']] as const) {
    const body = parts[key];
    if (body === undefined) continue;
    zip.file(`word/${key}.xml`, `<?xml version="1.0" encoding="UTF-8"?><w:${root} ${NS}>${body}</w:${root}>`);
    rels.push(`<Relationship Id="rId${i++}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${key}" Target="${key}.xml"/>`);
  }
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>${over.join('')}</Types>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const np = (numId: number, ilvl: number, text: string) => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
const tc = (...paras: string[]) => `<w:tc>${paras.map((t) => p(t)).join('')}</w:tc>`;
const tbl = (...rows: string[][][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => tc(...c)).join('')}</w:tr>`).join('')}</w:tbl>`;

async function read(parts: Parts): Promise<string[]> {
  const raw = await readDocx(await docx(parts), 'test.docx');
  expect(raw).toMatchObject({ format: 'docx', pages: null, paged: false });
  return raw.text.split('\n');
}

describe('readDocx on hand-made documents', () => {
  it('puts list labels back, continuing the list across body paragraphs', async () => {
    const lines = await read({
      numbering: OUTLINE,
      document: np(1, 0, 'MỤC ĐÍCH') + np(1, 1, 'Mục đích') + p('Nội dung không đánh số.') + np(1, 1, 'Yêu cầu') + np(1, 2, 'điểm một') + np(1, 0, 'NHIỆM VỤ') + np(1, 1, 'Sở Y tế'),
    });
    expect(lines).toEqual(['I. MỤC ĐÍCH', '1. Mục đích', 'Nội dung không đánh số.', '2. Yêu cầu', 'a) điểm một', 'II. NHIỆM VỤ', '1. Sở Y tế']);
  });

  it('numbers paragraphs through their style, and an empty bullet gives no line', async () => {
    const styles =
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>` +
      `<w:style w:type="paragraph" w:styleId="ListHead"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;
    const bullets = `<w:abstractNum w:abstractNumId="9">${lvl(0, 'bullet', '•')}</w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="9"/></w:num>`;
    const lines = await read({
      numbering: OUTLINE + bullets,
      styles,
      document: p('Một', '<w:pStyle w:val="ListHead"/>') + np(2, 0, 'gạch đầu dòng') + np(2, 0, '') + p('Hai', '<w:pStyle w:val="ListHead"/>'),
    });
    expect(lines.filter(Boolean)).toEqual(['1. Một', '- gạch đầu dòng', '2. Hai']);
  });

  it('reads a layout table cell by cell and a data table row by row', async () => {
    const header = tbl([['ỦY BAN NHÂN DÂN', 'TỈNH HÀ NAM', 'Số: 12/KH-UBND'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']]);
    const data = tbl([['TT'], ['Nội dung'], ['Cơ quan chủ trì'], ['Thời gian']], [['1'], ['Tuyên truyền', 'Nghị quyết'], ['Sở Y tế'], ['Quý I/2025']]);
    const twoCol = tbl([['STT'], ['Nhiệm vụ']], [['1'], ['Rà soát']]);
    const lines = await read({ document: header + p('KẾ HOẠCH') + data + twoCol });
    expect(lines).toEqual([
      'ỦY BAN NHÂN DÂN', 'TỈNH HÀ NAM', 'Số: 12/KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      'KẾ HOẠCH',
      'TT | Nội dung | Cơ quan chủ trì | Thời gian', '1 | Tuyên truyền Nghị quyết | Sở Y tế | Quý I/2025',
      'STT | Nhiệm vụ', '1 | Rà soát',
    ]);
  });

  it('does not count an empty spacer column as a data column', async () => {
    const lines = await read({ document: tbl([['Nơi nhận:', '- Như trên;'], [''], ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']]) });
    expect(lines.filter(Boolean)).toEqual(['Nơi nhận:', '- Như trên;', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });

  it('appends footnotes and endnotes in reference order, marks in the text', async () => {
    const ref = (kind: string, id: number) => `<w:r><w:${kind}Reference w:id="${id}"/></w:r>`;
    const note = (kind: string, id: number, text: string) =>
      `<w:${kind} w:id="${id}"><w:p><w:r><w:${kind}Ref/></w:r><w:r><w:t xml:space="preserve"> ${text}</w:t></w:r></w:p></w:${kind}>`;
    const lines = await read({
      document:
        `<w:p><w:r><w:t>dân số</w:t></w:r>${ref('footnote', 7)}<w:r><w:t>.</w:t></w:r></w:p>` +
        `<w:p><w:r><w:t>Nghị quyết</w:t></w:r>${ref('footnote', 3)}${ref('endnote', 2)}</w:p>`,
      footnotes:
        `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
        note('footnote', 3, 'Chú thích hai.') + note('footnote', 7, 'Chú thích một.') + note('footnote', 9, 'Không ai dẫn tới.'),
      endnotes: note('endnote', 2, 'Ghi chú cuối.'),
    });
    expect(lines.map((l) => l.replace(/\s+/g, ' '))).toEqual(['dân số1.', 'Nghị quyết2i', '1 Chú thích một.', '2 Chú thích hai.', 'i Ghi chú cuối.']);
  });

  it('shows field results, not field codes, and skips hidden and deleted text', async () => {
    const doc =
      `<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
      `<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>20/11/2024</w:t></w:r></w:fldSimple></w:p>` +
      `<w:p><w:r><w:t xml:space="preserve">Sở </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r>` +
      `<w:del w:id="1" w:author="a"><w:r><w:delText>cũ </w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>Y tế</w:t></w:r></w:ins></w:p>` +
      `<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr><w:del w:id="4" w:author="a"><w:r><w:delText>xoá</w:delText></w:r></w:del></w:p>`;
    expect((await read({ document: doc })).filter(Boolean)).toEqual(['Trang 3', '20/11/2024', 'Sở Y tế']);
  });

  it('does not let a field left open hide the rest of the document', async () => {
    const doc = `<w:p><w:r><w:t xml:space="preserve">Ngày </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r></w:p>` + p('Nội dung');
    expect(await read({ document: doc })).toEqual(['Ngày ', 'Nội dung']);
  });

  it('turns tabs into spaces, breaks into newlines, and drops soft hyphens', async () => {
    const doc =
      `<w:p><w:r><w:t>Số: 12</w:t><w:tab/><w:t>Hà Nội</w:t><w:br/><w:t>khóa XVI</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>27</w:t><w:noBreakHyphen/><w:t>NQ/TU chuyển</w:t><w:softHyphen/><w:t>đổi ≤ 1,0</w:t><w:sym w:font="Symbol" w:char="F0B3"/></w:r></w:p>`;
    expect(await read({ document: doc })).toEqual(['Số: 12 Hà Nội', 'khóa XVI', '27-NQ/TU chuyểnđổi ≤ 1,0≥']);
  });

  it('reads a text box once although Word stores it twice (Choice and Fallback)', async () => {
    const box = (t: string) => `<w:txbxContent>${p(t)}</w:txbxContent>`;
    const doc =
      `<w:p><w:r><w:t>Trước</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('DỰ THẢO')}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('DỰ THẢO')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      p('Sau');
    expect(await read({ document: doc })).toEqual(['Trước', 'DỰ THẢO', 'Sau']);
  });

  it('reads content controls and math', async () => {
    const doc =
      `<w:sdt><w:sdtContent>${p('Trong khung')}</w:sdtContent></w:sdt>` +
      `<w:p><w:r><w:t xml:space="preserve">tỷ lệ </w:t></w:r><m:oMath><m:r><m:t>≤1,0%</m:t></m:r></m:oMath></w:p>`;
    expect(await read({ document: doc })).toEqual(['Trong khung', 'tỷ lệ ≤1,0%']);
  });
});

describe('readDocx errors', () => {
  async function reason(bytes: Buffer): Promise<string> {
    try {
      await readDocx(bytes, 'x.docx');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).reason;
    }
    throw new Error('no error');
  }

  it('says what a ZIP that is not a Word document is', async () => {
    const xlsx = new JSZip();
    xlsx.file('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    xlsx.file('xl/workbook.xml', '<workbook/>');
    expect(await reason(await xlsx.generateAsync({ type: 'nodebuffer' }))).toBe('this is an Excel workbook, not a Word document');

    const odt = new JSZip();
    odt.file('mimetype', 'application/vnd.oasis.opendocument.text');
    odt.file('content.xml', '<office:document-content/>');
    expect(await reason(await odt.generateAsync({ type: 'nodebuffer' }))).toMatch(/^this is an OpenDocument text \(\.odt\), not a Word document/);

    const plain = new JSZip();
    plain.file('a.txt', 'xin chào');
    expect(await reason(await plain.generateAsync({ type: 'nodebuffer' }))).toBe('this is a ZIP archive, not a Word document (it has no word/document.xml)');
  });

  it('calls malformed XML and truncated files damaged', async () => {
    const bad = await docx({ document: '<w:p><w:r><w:t>không đóng thẻ</w:r></w:p>' });
    expect(await reason(bad)).toMatch(/^damaged Word file: word\/document\.xml is not well-formed XML/);
    const good = await docx({ document: p('một đoạn văn bản đủ dài để nén') });
    expect(await reason(good.subarray(0, Math.floor(good.length / 2)))).toMatch(/^damaged Word file: /);
  });

  it('refuses a Word file that expands to too much XML (zip bomb)', async () => {
    const bomb = await docx({ document: '<w:p/>'.repeat(12_000_000) });
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(await reason(bomb)).toMatch(/^the Word file expands to more than 64 MB of XML/);
  });

  it('refuses a document without text', async () => {
    expect(await reason(await docx({ document: '<w:p/><w:p><w:r><w:drawing/></w:r></w:p>' }))).toMatch(/contains no text/);
  });

  it('falls back to mammoth, with a warning, when our walk fails on something unforeseen', async () => {
    const spy = vi.spyOn(BodyWalker.prototype, 'document').mockImplementation(() => {
      throw new Error('unexpected structure');
    });
    try {
      const raw = await readDocx(await docx({ document: np(1, 0, 'Mục') + p('Nội dung') }), 'x.docx');
      expect(raw.text).toBe('Mục\nNội dung');
      expect(raw.warnings).toEqual(['Word list numbers, tables and footnotes could not be rebuilt (unexpected structure); text read without them']);
    } finally {
      spy.mockRestore();
    }
  });

  it('reads the text when a side part is damaged, with a warning', async () => {
    const raw = await readDocx(await docx({ document: np(1, 0, 'Mục') + p('Nội dung'), numbering: '<w:abstractNum>' }), 'x.docx');
    expect(raw.text).toBe('Mục\nNội dung');
    expect(raw.warnings.join(' ')).toMatch(/word\/numbering\.xml/);
  });
});

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/** DOCX fixture → the expected text it must give (fixtures/README.md). */
const EXPECTED: [string, string][] = [
  ...readdirSync(FIX)
    .filter((f) => f.endsWith('.docx'))
    .map((f): [string, string] => [f, f.replace(/\.docx$/, '.expected.txt')]),
  ['layout/kh-lao-cai-2024-thuc-hien-nq27-tu.2col.docx', 'kh-lao-cai-2024-thuc-hien-nq27-tu.expected.txt'],
  ['layout/kh-long-bien-2024-thuc-hien-ct11.header-footer.docx', 'kh-long-bien-2024-thuc-hien-ct11.expected.txt'],
  ['encoding/cv-hai-phong-2024-trien-khai-ct27.nfd.docx', 'cv-hai-phong-2024-trien-khai-ct27.expected.txt'],
];

describe('DOCX fixtures against their expected text', () => {
  it('covers every DOCX that has an expected text', () => {
    expect(EXPECTED.length).toBe(8);
  });
  for (const [docxName, expectedName] of EXPECTED) {
    it(docxName, async () => {
      const clean = await cleanText(join(FIX, docxName));
      const expected = readFileSync(join(FIX, expectedName), 'utf8').normalize('NFC');
      // Measured 1.0000 on all eight.
      expect(similarity(clean, expected)).toBeGreaterThanOrEqual(0.99);
      const lines = clean.split('\n');
      const labelled = expected.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => LABEL.test(l));
      const missing = labelled.filter((l) => !lines.some((c) => c.startsWith(l)));
      expect(missing).toEqual([]);
    });
  }
});

describe('real Word files against the corpus texts', () => {
  // Measured similarities to the corpus text (extracted from the same Word file without list
  // labels, footnotes, or table reading order): the floors sit just under them.
  const FLOORS: Record<string, number> = {
    'hd-mttq-btt-luong-minh-gioi-thieu-ung-cu-2025.docx': 0.99, // 0.9990
    'hd-mttq-btt-quang-ninh-hiep-thuong-2025.docx': 0.96, // 0.9740: 150 list labels and 4 long footnotes the corpus text lacks
    'kh-01-kh-tbttkt-pho-bang-2025.docx': 0.94, // 0.9499: 2 long footnotes the corpus text lacks
    'kh-16-kh-mttq-btt-luong-minh-2025.docx': 0.99, // 1.0000
    'kh-mttq-btt-luong-minh-hiep-thuong-2025.docx': 0.99, // 0.9952
    'kh-mttq-btt-luong-minh-hoi-nghi-cu-tri-2026.docx': 0.99, // 1.0000
    'qd-mttq-btt-luong-minh-to-tiep-cong-dan-2026.docx': 0.99, // 1.0000
  };
  it('has a floor for every real DOCX', () => {
    expect(readdirSync(join(FIX, 'real')).filter((f) => f.endsWith('.docx')).sort()).toEqual(Object.keys(FLOORS).sort());
  });
  for (const [name, floor] of Object.entries(FLOORS)) {
    it(name, async () => {
      const clean = await cleanText(join(FIX, 'real', name));
      const reference = readFileSync(join(CORPUS, name.replace(/\.docx$/, '.txt')), 'utf8');
      expect(similarity(clean, reference)).toBeGreaterThanOrEqual(floor);
    });
  }

  it('rebuilds the auto-numbered sections of the Quảng Ninh guidance', async () => {
    const lines = (await cleanText(join(FIX, 'real', 'hd-mttq-btt-quang-ninh-hiep-thuong-2025.docx'))).split('\n');
    // The body ends at "Nơi nhận:"; the footnotes after it quote law articles with typed "1." items.
    const body = lines.slice(0, lines.findIndex((l) => l.startsWith('Nơi nhận')));
    const n = body.filter((l) => LABEL.test(l)).length;
    // LibreOffice's text rendering has 163 labelled lines, mammoth.extractRawText 12; we give 164.
    expect(n).toBeGreaterThanOrEqual(155);
    expect(n).toBeLessThanOrEqual(172);
    expect(body).toContain('I. THÀNH PHẦN HỘI NGHỊ');
    expect(body.some((l) => l.startsWith('2.5.2. Thư ký hội nghị'))).toBe(true);
  });
});

describe('bad DOCX inputs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vanban-docx-'));
  });

  it('corrupt-truncated.docx is a damaged Word file', async () => {
    await expect(readDocument(join(FIX, 'bad', 'corrupt-truncated.docx'))).rejects.toMatchObject({
      name: 'InputError',
      reason: 'damaged Word file: the file is cut short or is not a complete ZIP archive',
    });
  });

  it('fake-renamed-txt.docx is read as text, with a warning', async () => {
    const r = await readDocument(join(FIX, 'bad', 'fake-renamed-txt.docx'));
    expect(r.raw.format).toBe('txt');
    expect(r.raw.warnings).toContain('named .docx but the content is plain text; read as txt');
  });

  it('a Word file renamed .doc is still read as DOCX', async () => {
    const f = join(dir, 'renamed.doc');
    await writeFile(f, await docx({ document: p('Xin chào') }));
    const r = await readDocument(f);
    expect(r.raw.format).toBe('docx');
    expect(r.raw.text).toBe('Xin chào');
  });
});
