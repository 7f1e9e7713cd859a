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
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const lo = c.toLowerCase();
    const up = c.toUpperCase();
    if (lo === up) continue; // not a cased letter
    letters++;
    if (c === up) upper++;
  }
  return letters >= 4 && upper / letters > 0.8;
}

/** Is token t the written word w (tone marks count, their placement does not)? */
export function is(t: LexToken | undefined, w: string): boolean {
  return !!t && !t.punct && t.k === wordKey(w);
}
