import { replaceTraced, type Traced } from './traced.js';

/** True when a .txt file is really a Markdown export (bold markers, table pipes on their own lines). */
export function looksLikeMarkdown(text: string): boolean {
  const sample = text.slice(0, 20000);
  const bold = (sample.match(/\*\*/g) ?? []).length;
  const pipes = (sample.match(/^\|\s*$/gm) ?? []).length;
  return bold >= 6 || pipes >= 3;
}

/**
 * Markdown exports of legal websites: strip emphasis markers and escapes, turn table pipes into
 * paragraph breaks, and rejoin the hard wraps inside a paragraph.
 */
export function markdownPass(t: Traced): Traced {
  t = replaceTraced(t, /\\([\\`*_{}[\]()#+\-.!|])/g, (m) => m[1]);
  t = replaceTraced(t, /\*\*|__/g, () => '');
  t = replaceTraced(t, /(?<![\p{L}\d*])\*(?=\S)|(?<=\S)\*(?![\p{L}\d*])/gu, () => '');
  t = replaceTraced(t, /^#{1,6}\s+/gm, () => '');
  t = replaceTraced(t, /^\|\s*$/gm, () => '\n');
  return t;
}
