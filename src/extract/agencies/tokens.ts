import { wordKey, type LexToken } from '../../lexicon/agencies.js';
import { fold } from '../../text/fold.js';

export interface Token extends LexToken {
  start: number;
  end: number;
  /** first letter is a capital */
  cap: boolean;
}

/** Words (letters and digits) and single punctuation marks, with offsets ("…" and "..." are one mark). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+|\.{2,}|[^\s\p{L}\p{N}]/gu)) {
    const punct = !/[\p{L}\p{N}]/u.test(m[0]);
    out.push({
      text: m[0],
      f: punct ? m[0] : fold(m[0]),
      k: punct ? m[0] : wordKey(m[0]),
      punct,
      start: m.index!,
      end: m.index! + m[0].length,
      cap: /^\p{Lu}/u.test(m[0]),
    });
  }
  return out;
}

/** A text is in capitals (a heading like "2. SỞ Y TẾ"): case tells nothing there. */
export function mostlyUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.8;
}

/** Is token t the written word w (tone marks count, their placement does not)? */
export function is(t: LexToken | undefined, w: string): boolean {
  return !!t && !t.punct && t.k === wordKey(w);
}
