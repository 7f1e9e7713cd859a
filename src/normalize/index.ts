import type { CleanText, RawText } from '../models.js';
import { collapseSpaces, dropBlankLines, dropSeparatorLines, joinContinuations } from './lines.js';
import { latexPass } from './latex.js';
import { markdownPass, looksLikeMarkdown } from './markdown.js';
import { pageLayoutPass } from './pages.js';
import { verticalTablesPass } from './tables.js';
import { identity, pipe, type Traced } from './traced.js';
import { repairSplitSyllables, unicodePass } from './unicode.js';

/**
 * normalize: RawText → CleanText.
 *
 * In: the reader's text (any line convention, NFD or NFC, Markdown syntax, PDF pages separated
 * by \f). Out: NFC text with one paragraph per line, single spaces, no page furniture, tables as
 * "cell | cell" rows; and `map`, the raw offset of every clean character.
 */
export function normalize(raw: RawText): CleanText {
  const passes: ((t: Traced) => Traced)[] = [unicodePass];
  if (raw.format === 'pdf') passes.push(repairSplitSyllables);
  if (raw.paged) passes.push(pageLayoutPass);
  if (raw.format === 'md' || (raw.format === 'txt' && looksLikeMarkdown(raw.text))) passes.push(markdownPass);
  passes.push(latexPass, collapseSpaces, dropSeparatorLines, verticalTablesPass, joinContinuations, collapseSpaces, dropBlankLines);
  const t = pipe(identity(raw.text), ...passes);
  return { text: t.text, map: t.map, raw };
}

/** Normalise a plain string (tests, queries): as if it were a .txt file. */
export function normalizeText(text: string): string {
  return normalize({ text, format: 'txt', pages: null, paged: false, warnings: [] }).text;
}
