import { InputError, type RawText } from '../models.js';

/** DOCX → text, one paragraph per line. (Minimal version; see issue 2.) */
export async function readDocx(bytes: Buffer, path: string): Promise<RawText> {
  const mammoth = (await import('mammoth')).default;
  try {
    const res = await mammoth.extractRawText({ buffer: bytes });
    return { text: res.value, format: 'docx', pages: null, paged: false, warnings: [] };
  } catch (e) {
    throw new InputError(path, `not a readable Word document (${(e as Error).message})`);
  }
}
