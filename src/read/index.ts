import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError, type Format, type RawText } from '../models.js';
import { decodeText } from './encoding.js';

export const MAX_BYTES = 50 * 1024 * 1024;
export const MAX_PDF_PAGES = 500;

export interface ReadResult {
  raw: RawText;
  sha256: string;
  size: number;
}

export interface ReadOptions {
  /** Password for an encrypted PDF. */
  password?: string;
  maxBytes?: number;
  maxPdfPages?: number;
  /** The file's stat when the caller already has it (ingest does), to save a system call. */
  stat?: { size: number; isFile(): boolean };
}

/** What the first bytes say the file is; the extension is only a hint for text flavours. */
export function sniffFormat(head: Buffer, path: string): Format | 'zip' | 'binary' {
  const start = head.subarray(0, 1024).toString('latin1');
  if (start.includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'doc';
  if (/^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, ''))) return 'html';
  // UTF-16 text has NUL bytes; anything else with many NULs is not text.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16) {
    let nul = 0;
    for (let i = 0; i < Math.min(head.length, 4096); i++) if (head[i] === 0) nul++;
    if (nul > 4) return 'binary';
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm') return 'html';
  return 'txt';
}

/**
 * read: a file path → RawText.
 *
 * Decides the format by magic bytes (%PDF-, PK\x03\x04, OLE D0 CF 11 E0), refuses files over the
 * size limit before reading them, and turns every reader failure into an InputError whose reason
 * is one plain sentence a user can act on.
 */
export async function readDocument(path: string, opts: ReadOptions = {}): Promise<ReadResult> {
  let size: number;
  try {
    // synchronous calls: ingest reads in worker threads, where blocking costs nothing and the
    // promise round trips of fs/promises cost more than the read itself for small files
    const st = opts.stat ?? statSync(path);
    if (!st.isFile()) throw new InputError(path, 'not a regular file');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, `cannot open: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const maxBytes = opts.maxBytes ?? MAX_BYTES;
  if (size > maxBytes) {
    throw new InputError(path, `file is ${mb(size)}, over the ${mb(maxBytes)} limit: split it before ingesting`);
  }
  if (size === 0) throw new InputError(path, 'empty file (0 bytes)');
  // the size is known to be within the limit: one read gives both the magic bytes and the body
  const bytes = readFileSync(path);
  const sniffed = sniffFormat(bytes.subarray(0, 4096), path);
  if (sniffed === 'binary') throw new InputError(path, 'binary file of an unknown type: expected PDF, DOCX, DOC, HTML, Markdown or text');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const warnings: string[] = [];
  const ext = extname(path).toLowerCase().slice(1);
  let raw: RawText;
  switch (sniffed) {
    case 'pdf': {
      const { readPdf } = await import('./pdf.js');
      raw = await readPdf(bytes, path, { password: opts.password, maxPages: opts.maxPdfPages ?? MAX_PDF_PAGES });
      break;
    }
    case 'zip': {
      const { readDocx } = await import('./docx.js');
      raw = await readDocx(bytes, path);
      break;
    }
    case 'doc': {
      const { readDoc } = await import('./doc.js');
      raw = await readDoc(bytes, path);
      break;
    }
    case 'html': {
      const { htmlToText } = await import('./html.js');
      const { text, encoding } = decodeText(bytes);
      raw = { text: htmlToText(text), format: 'html', pages: null, paged: false, encoding, warnings: [] };
      break;
    }
    default: {
      const { text, encoding } = decodeText(bytes);
      if (!text.trim()) throw new InputError(path, 'file holds no text (only white space)');
      raw = { text, format: sniffed, pages: null, paged: false, encoding, warnings: [] };
    }
  }
  const expected: Record<string, Format[]> = { pdf: ['pdf'], docx: ['docx'], doc: ['doc', 'docx'], txt: ['txt', 'md'], md: ['md', 'txt'], html: ['html'], htm: ['html'] };
  if (expected[ext] && !expected[ext].includes(raw.format)) {
    warnings.push(`named .${ext} but the content is ${describe(raw.format)}; read as ${raw.format}`);
  }
  raw.warnings = [...warnings, ...raw.warnings];
  return { raw, sha256, size };
}

function describe(f: Format): string {
  return { pdf: 'a PDF', docx: 'a Word document', doc: 'a legacy Word document', txt: 'plain text', md: 'Markdown text', html: 'HTML' }[f];
}

export function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
