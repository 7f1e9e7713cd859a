import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { cleanControls, docTextLines, inspectOle } from '../src/read/doc.js';
import { readDocument } from '../src/read/index.js';
import { similarity } from './helpers/similarity.js';

const FIX = join(import.meta.dirname, '..', 'fixtures');
const CORPUS = join(import.meta.dirname, '..', 'corpus');

/**
 * A minimal OLE compound file (MS-CFB, 512-byte sectors): sector 0 holds the FAT, sector 1 the
 * directory, the streams follow. Enough to exercise the container checks of readDoc.
 */
function cfb(streams: { name: string; data: Buffer }[]): Buffer {
  const S = 512;
  const END = 0xfffffffe;
  const header = Buffer.alloc(S);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory in sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);

  const fat = Buffer.alloc(S, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(END, 4);
  const dir = Buffer.alloc(S * Math.ceil((streams.length + 1) / 4));
  const entry = (i: number, name: string, type: number, start: number, size: number) => {
    const off = i * 128;
    dir.write(name, off, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, off + 0x40);
    dir.writeUInt8(type, off + 0x42);
    dir.writeUInt32LE(0xffffffff, off + 0x44);
    dir.writeUInt32LE(0xffffffff, off + 0x48);
    dir.writeUInt32LE(0xffffffff, off + 0x4c);
    dir.writeUInt32LE(start, off + 0x74);
    dir.writeUInt32LE(size, off + 0x78);
  };
  entry(0, 'Root Entry', 5, END, 0);
  const data: Buffer[] = [];
  let next = 1 + dir.length / S;
  // directory chain
  for (let s = 1; s < next; s++) fat.writeUInt32LE(s + 1 < next ? s + 1 : END, s * 4);
  streams.forEach((st, i) => {
    const n = Math.ceil(st.data.length / S);
    entry(i + 1, st.name, 2, n ? next : END, st.data.length);
    for (let k = 0; k < n; k++) fat.writeUInt32LE(k + 1 < n ? next + k + 1 : END, (next + k) * 4);
    const padded = Buffer.alloc(n * S);
    st.data.copy(padded);
    data.push(padded);
    next += n;
  });
  return Buffer.concat([header, fat, dir, ...data]);
}

function fib(flags: number, nFib = 0xc1): Buffer {
  const b = Buffer.alloc(4096);
  b.writeUInt16LE(0xa5ec, 0);
  b.writeUInt16LE(nFib, 2);
  b.writeUInt16LE(flags, 0xa);
  return b;
}

describe('the .doc text stream → lines', () => {
  it('reads a layout table cell by cell and a data table row by row', () => {
    const body =
      'QUỐC HỘI\n-------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\t\n' +
      'Luật số: 83/2025/QH15\tHà Nội, ngày 24 tháng 6 năm 2025\t\n' +
      'LUẬT\n' +
      'Stt\tHọ và tên\tChức vụ công tác\t\n1\tNguyễn Văn A\tTrưởng\nthôn\t\n2\t \t \t\n' +
      'Điều 1. Phạm vi\n';
    expect(docTextLines(body)).toEqual([
      'QUỐC HỘI', '-------', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      'Luật số: 83/2025/QH15', 'Hà Nội, ngày 24 tháng 6 năm 2025',
      'LUẬT',
      'Stt | Họ và tên | Chức vụ công tác', '1 | Nguyễn Văn A | Trưởng thôn', '2 |  | ',
      'Điều 1. Phạm vi', '',
    ]);
  });

  it('keeps a tab typed in a paragraph as a space when no row ends after it', () => {
    expect(docTextLines('Số: 12/KH-UBND\tHà Nội, ngày 3 tháng 5\nKẾ HOẠCH')).toEqual(['Số: 12/KH-UBND Hà Nội, ngày 3 tháng 5', 'KẾ HOẠCH']);
  });

  it('repairs what word-extractor leaves: "undefined" for optional hyphens, U+2011, control characters', () => {
    expect(cleanControls('chuyểnundefinedđổi\u2011số\x01\r\nhai\x0cba')).toBe('chuyểnđổi-số\nhai\nba');
    expect(cleanControls('Trang \x13 PAGE \x142\x15 / \x13 IF \x13 NUMPAGES \x144\x15 > 1 \x14nhiều\x15\x07')).toBe('Trang 2 / nhiều\t');
  });
});

describe('OLE container checks', () => {
  it('lists the streams and reads the Word header flags', () => {
    const info = inspectOle(cfb([{ name: 'WordDocument', data: fib(0x0200) }, { name: '1Table', data: Buffer.alloc(0) }]));
    expect(info?.streams).toEqual(new Set(['worddocument', '1table']));
    expect(info?.fib).toEqual({ ident: 0xa5ec, nFib: 0xc1, flags: 0x0200 });
    expect(info?.truncated).toBe(false);
    expect(inspectOle(Buffer.from('not an OLE file at all'.padEnd(600)))).toBeNull();
  });

  describe('through readDocument', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'vanban-doc-'));
    });
    const reasonOf = async (name: string, bytes: Buffer) => {
      const f = join(dir, name);
      await writeFile(f, bytes);
      return readDocument(f).then(
        () => 'no error',
        (e: { name: string; reason: string }) => `${e.name}: ${e.reason}`,
      );
    };

    it('an encrypted DOCX (OLE with EncryptedPackage) asks for the password to be removed', async () => {
      const bytes = cfb([{ name: 'EncryptionInfo', data: Buffer.alloc(600, 1) }, { name: 'EncryptedPackage', data: Buffer.alloc(600, 2) }]);
      expect(await reasonOf('secret.docx', bytes)).toBe('InputError: encrypted Word document: remove the password first');
    });

    it('an encrypted .doc (fEncrypted in the Word header) too', async () => {
      const bytes = cfb([{ name: 'WordDocument', data: fib(0x0100 | 0x0200) }, { name: '1Table', data: Buffer.alloc(512) }]);
      expect(await reasonOf('secret.doc', bytes)).toBe('InputError: encrypted Word document: remove the password first');
    });

    it('a Word 6.0/95 file asks for a resave', async () => {
      const old = fib(0);
      old.writeUInt16LE(0xa5dc, 0);
      expect(await reasonOf('old.doc', cfb([{ name: 'WordDocument', data: old }]))).toBe(
        'InputError: Word 6.0/95 document, a format too old to read: save it as .docx first',
      );
    });

    it('an Excel workbook renamed .doc is named as such', async () => {
      expect(await reasonOf('book.doc', cfb([{ name: 'Workbook', data: Buffer.alloc(600) }]))).toBe(
        'InputError: this is an Excel workbook (.xls), not a Word document',
      );
    });

    it('a truncated .doc is damaged', async () => {
      const whole = readFileSync(join(FIX, 'real', 'luat-83-2025-qh15.doc'));
      expect(await reasonOf('half.doc', whole.subarray(0, 30000))).toBe('InputError: damaged legacy Word file: the file is cut short');
    });
  });
});

describe('real .doc files against the corpus texts', () => {
  // Measured: luat-83 0.9995, nq-101 0.9972 (the corpus has data-table and header rows as
  // "cell | cell"; we read 1–2 column layout tables cell by cell).
  const FLOORS: Record<string, number> = { 'luat-83-2025-qh15.doc': 0.99, 'nq-101-2025-ubtvqh15.doc': 0.99 };

  it('has a floor for every real .doc', () => {
    expect(readdirSync(join(FIX, 'real')).filter((f) => f.endsWith('.doc')).sort()).toEqual(Object.keys(FLOORS).sort());
  });

  for (const [name, floor] of Object.entries(FLOORS)) {
    it(name, async () => {
      const r = await readDocument(join(FIX, 'real', name));
      expect(r.raw).toMatchObject({ format: 'doc', pages: null, paged: false, warnings: [] });
      const clean = normalize(r.raw).text;
      const reference = readFileSync(join(CORPUS, name.replace(/\.doc$/, '.txt')), 'utf8');
      expect(similarity(clean, reference)).toBeGreaterThanOrEqual(floor);
      // Typed article headings survive; the text keeps its typographic quotes.
      const articles = (t: string) => t.split('\n').filter((l) => /^Điều \d+\./.test(l)).length;
      expect(articles(clean)).toBe(articles(reference.normalize('NFC')));
      expect(clean).not.toMatch(/undefined|\t|[\x00-\x08]/);
    });
  }

  it('reads the data tables of the annexed forms as rows', async () => {
    const clean = normalize((await readDocument(join(FIX, 'real', 'nq-101-2025-ubtvqh15.doc'))).raw).text;
    expect(clean).toContain('Stt | Họ và tên (3) | Chức vụ công tác | Tín nhiệm | Không tín nhiệm');
    expect(clean.split('\n')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
});
