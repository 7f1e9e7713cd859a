/**
 * Reading one Vietnamese number token ("68,5", "2.644.400", "05", "1.000,5") and numbers in words
 * ("hai mươi lăm", "một vạn").
 *
 * Vietnamese prints a comma for the decimal point and a dot between thousands. Documents copied
 * from English sources, and tables typed by hand, sometimes do the opposite; a token is read the
 * Vietnamese way unless its grouping only makes sense the other way ("1.5", "2,644,400").
 */
import { loadJson } from '../../lexicon/load.js';

/** Value of a digit token, or null when the token is not one number (a section label "1.2.3"). */
export function parseNumberToken(token: string): number | null {
  const t = token.trim();
  if (!/^\d+(?:[.,]\d+)*$/.test(t)) return null;
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  if (!dots && !commas) return Number(t);
  if (dots && commas) {
    // whichever separator comes last is the decimal mark
    const vn = t.lastIndexOf(',') > t.lastIndexOf('.');
    const [thousand, decimal] = vn ? ['.', ','] : [',', '.'];
    if ((vn ? commas : dots) !== 1) return null;
    const [int, frac] = t.split(decimal);
    if (!groupsOfThree(int, thousand)) return null;
    return Number(`${int.split(thousand).join('')}.${frac}`);
  }
  if (dots) {
    // "2.644.400", "12.500": thousands. "1.5", "0,7"-typed-as-"0.7": a decimal point.
    if (groupsOfThree(t, '.') && !/^0\./.test(t)) return Number(t.replace(/\./g, ''));
    if (dots === 1) return Number(t);
    return null;
  }
  // commas only: one comma is the Vietnamese decimal mark; several are English thousands.
  if (commas === 1) return Number(t.replace(',', '.'));
  if (groupsOfThree(t, ',')) return Number(t.replace(/,/g, ''));
  return null;
}

function groupsOfThree(s: string, sep: string): boolean {
  const parts = s.split(sep);
  return parts[0].length >= 1 && parts[0].length <= 3 && parts.slice(1).every((p) => p.length === 3);
}

interface NumberWords {
  digits: Record<string, number>;
  tens: string[];
  hundreds: Record<string, number>;
  scales: Record<string, number>;
  multipliers: Record<string, number>;
  notFirst: string[];
  notAlone: string[];
}

let words: NumberWords | null = null;
export function numberWords(): NumberWords {
  return (words ??= loadJson<NumberWords>('number-words.json'));
}

/** Is this (lower-case) word part of a number written in words? */
let numberWordSet: Set<string> | null = null;
export function isNumberWord(w: string): boolean {
  if (!numberWordSet) {
    const nw = numberWords();
    numberWordSet = new Set([...Object.keys(nw.digits), ...nw.tens, ...Object.keys(nw.hundreds), ...Object.keys(nw.scales)]);
  }
  return numberWordSet.has(w);
}

/**
 * Value of a run of number words ("hai", "mười hai", "hai mươi lăm", "ba trăm", "một vạn",
 * "hai nghìn năm trăm"), or null when the run is not a well-formed number.
 */
export function parseNumberWords(run: string[]): number | null {
  const nw = numberWords();
  if (!run.length) return null;
  let total = 0; // closed groups (nghìn, triệu, …)
  let group = 0; // hundreds and tens inside the current group
  let pending: number | null = null; // last digit not yet placed
  for (const raw of run) {
    const w = raw.toLowerCase();
    if (w in nw.digits) {
      const d = nw.digits[w];
      if (d === 10) {
        if (pending !== null) return null;
        group += 10;
        continue;
      }
      if (pending !== null) return null; // "hai ba" is not a number
      pending = d;
    } else if (nw.tens.includes(w)) {
      if (pending === null) return null;
      group += pending * 10;
      pending = null;
    } else if (w in nw.hundreds) {
      group += (pending ?? 1) * nw.hundreds[w];
      pending = null;
    } else if (w in nw.scales) {
      const g = group + (pending ?? 0) || 1;
      total += g * nw.scales[w];
      group = 0;
      pending = null;
    } else return null;
  }
  return total + group + (pending ?? 0);
}
