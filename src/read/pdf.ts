import { InputError, type RawText } from '../models.js';

/** PDF → text of each page, pages separated by \f. (Minimal version; see issue 2.) */
export async function readPdf(bytes: Buffer, path: string, opts: { password?: string; maxPages: number }): Promise<RawText> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(bytes), password: opts.password });
  try {
    const res = await parser.getText();
    const pages = res.pages.map((p) => p.text);
    if (!pages.join('').trim()) throw new InputError(path, 'scanned PDF without a text layer: OCR it first');
    return { text: pages.join('\f'), format: 'pdf', pages: pages.length, paged: true, warnings: [] };
  } finally {
    await parser.destroy();
  }
}
