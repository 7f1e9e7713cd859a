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
// Cased letters beyond ASCII (Vietnamese lives in U+00C0–U+024F and U+1E00–U+1EFF), looked up
// by code: calling toUpperCase/toLowerCase on every character was a hot spot.
const UPPER = new Set<number>();
const LOWER = new Set<number>();
for (const [from, to] of [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
]) {
  for (let c = from; c <= to; c++) {
    const ch = String.fromCharCode(c);
    if (ch.toLowerCase() !== ch) UPPER.add(c);
    else if (ch.toUpperCase() !== ch) LOWER.add(c);
  }
}

export function mostlyUpper(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c >= 0xc0) {
      if (UPPER.has(c)) {
        letters++;
        upper++;
      } else if (LOWER.has(c)) letters++;
    }
  }
  return letters >= 4 && upper / letters > 0.8;
}

/** Is token t the written word w (tone marks count, their placement does not)? */
export function is(t: LexToken | undefined, w: string): boolean {
  return !!t && !t.punct && t.k === wordKey(w);
}
