import { InputError, type RawText } from '../models.js';

/** Legacy Word .doc → text. (Minimal version; see issue 2.) */
export async function readDoc(bytes: Buffer, path: string): Promise<RawText> {
  const WordExtractor = (await import('word-extractor')).default;
  try {
    const doc = await new WordExtractor().extract(bytes);
    return { text: doc.getBody(), format: 'doc', pages: null, paged: false, warnings: [] };
  } catch (e) {
    throw new InputError(path, `not a readable legacy Word document (${(e as Error).message})`);
  }
}
