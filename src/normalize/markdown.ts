import { layoutPass } from './markdown-layout.js';
import { keepDocument } from './markdown-site.js';
import { replaceTraced, type Traced } from './traced.js';

/**
 * True when a .txt file is really a Markdown export: bold markers, table pipes on lines of their
 * own, pipe-table rows or ATX headings. Plain text from PDFs or Word has none of them in numbers.
 */
export function looksLikeMarkdown(text: string): boolean {
  const sample = text.slice(0, 40000);
  const count = (re: RegExp) => (sample.match(re) ?? []).length;
  if (count(/\*\*\S/g) >= 6) return true;
  if (count(/^\|[ \t]*$/gm) >= 3) return true;
  if (/^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/m.test(sample)) return true;
  if (count(/^#{1,6}[ \t]+\S/gm) >= 3) return true;
  return count(/(?<![\p{L}\d*])\*[^\s*][^*\n]*?[^\s*]\*(?![\p{L}\d*])/gu) >= 8;
}

/**
 * Markdown exports of legal websites → one paragraph per line.
 *
 * 1. keepDocument: drop the web page around the document (banner, metadata table, summary,
 *    related-documents list) when the export is of a whole page.
 * 2. layoutPass: rejoin hard wraps, keep real line starts, lay out header/signature tables as
 *    printed lines and data tables as "cell | cell" rows. It reads the emphasis markers (a wrap
 *    inside a bold span is not a line end), so they are still there.
 * 3. inlineMarkup: strip emphasis, escapes, link and image syntax; footnotes become "[n]".
 */
export function markdownPass(t: Traced): Traced {
  t = keepDocument(t);
  t = layoutPass(t);
  return inlineMarkup(t);
}

function inlineMarkup(t: Traced): Traced {
  // ![alt](src) → alt, [text](href) → text, <http://…> → http://…
  t = replaceTraced(t, /!?\[([^\]\n]*)\]\([^)\n]*\)|<((?:https?|mailto):[^>\s]+)>/g, (m) => m[1] ?? m[2] ?? '');
  // Footnotes as the cleaned texts print them: "[1]" in the text and at the start of the note.
  t = replaceTraced(t, /\[\^(\d{1,3})\]:?|\^(\d{1,3})\^/g, (m) => `[${m[1] ?? m[2]}]`);
  // __bold__ and _italic_ around words; runs of three or more underscores are rules or blanks.
  t = replaceTraced(t, /(?<![_\\])__(?!_)/g, () => '');
  t = replaceTraced(t, /(?<![_\p{L}\d\\])_([^\s_](?:[^_\n]*[^\s_\\])?)_(?![_\p{L}\d])/gu, (m) => m[1]);
  // Backslash escapes and emphasis in one pass, so that an escaped star stays. Every run of stars
  // goes, balanced or not ("**Điều 1. **Ban", "v****à"), except the note marks "(*)", "(**)". A
  // marker glued between a sentence end and the next word stood for the space the exporter lost.
  const src = t.text;
  t = replaceTraced(t, /\\([\\`*_{}[\]()#+\-.!|>~])|\((\*{1,3})\)|\*+/g, (m) => {
    if (m[1]) return m[1];
    if (m[2]) return m[0];
    const before = src[m.index - 1] ?? '';
    const after = src[m.index + m[0].length] ?? '';
    return /[.:;!?]/.test(before) && /[\p{Lu}\d]/u.test(after) ? ' ' : '';
  });
  return t;
}
