import type { CleanText, ParsedDocument } from '../models.js';
import { parseHeader, type Line } from './header.js';
import { parseSections } from './sections.js';

/** Split clean text (one paragraph per line) into lines with offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) lines.push({ start, end, text: text.slice(start, end) });
    start = end + 1;
  }
  return lines;
}

/**
 * parse: CleanText → ParsedDocument { header, tree }.
 *
 * The tree is built once here; every extractor walks it (sections with ids per extraction.md §6,
 * and every paragraph with its section, kind and zone).
 */
export function parse(clean: Pick<CleanText, 'text'>): ParsedDocument {
  const lines = splitLines(clean.text);
  const head = parseHeader(lines, clean.text);
  const { sections, paragraphs } = parseSections(lines, head);
  return { header: head.header, tree: { text: clean.text, sections, paragraphs } };
}
