import { extractFacts, toExtraction, type Facts } from './extract/index.js';
import type { CleanText, Extraction, ParsedDocument } from './models.js';
import { normalize } from './normalize/index.js';
import { parse } from './parse/index.js';
import { readDocument, type ReadOptions, type ReadResult } from './read/index.js';

export interface Processed {
  read: ReadResult;
  clean: CleanText;
  doc: ParsedDocument;
  facts: Facts;
  extraction: Extraction;
}

/** The whole pipeline for one file: read → normalize → parse → extract. No database. */
export async function processFile(path: string, opts: ReadOptions = {}): Promise<Processed> {
  const read = await readDocument(path, opts);
  return processRead(path, read);
}

export function processRead(path: string, read: ReadResult): Processed {
  const clean = normalize(read.raw);
  const doc = parse(clean);
  const facts = extractFacts(doc);
  const extraction = toExtraction(
    { path, format: read.raw.format, sha256: read.sha256, pages: read.raw.pages, encoding: read.raw.encoding, size: read.size },
    clean,
    doc,
    facts,
  );
  return { read, clean, doc, facts, extraction };
}
