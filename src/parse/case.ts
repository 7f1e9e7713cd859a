import { loadJson } from '../lexicon/load.js';

/**
 * Header lines print names in capitals ("ỦY BAN NHÂN DÂN / THÀNH PHỐ CẦN THƠ"). Analysts read
 * them in ordinary case ("Ủy ban nhân dân thành phố Cần Thơ"): known phrases take the case the
 * lexicon gives, the rest (place names) is capitalised per syllable.
 */
interface CaseLexicon {
  phrases: string[];
  lower: string[];
}

let table: { re: RegExp; cased: Map<string, string>; lower: Set<string> } | null = null;

function lexicon() {
  if (!table) {
    const data = loadJson<CaseLexicon>('header-case.json');
    // one alternation, longest first, so a line is scanned once
    const phrases = [...data.phrases].sort((a, b) => b.length - a.length);
    const re = new RegExp(`(?<![\\p{L}])(?:${phrases.map((p) => escape(p.toUpperCase())).join('|')})(?![\\p{L}])`, 'gu');
    table = { re, cased: new Map(phrases.map((p) => [p.toUpperCase(), p])), lower: new Set(data.lower.map((w) => w.toUpperCase())) };
  }
  return table;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function isMostlyUpper(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.85;
}

/** "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ" → "Ủy ban nhân dân thành phố Cần Thơ". Mixed-case text is returned as is. */
export function properCase(s: string): string {
  if (!isMostlyUpper(s)) return s;
  const { re, cased, lower } = lexicon();
  const placeholders: string[] = [];
  let out = s.toUpperCase().replace(re, (m) => {
    placeholders.push(cased.get(m) ?? m);
    return `\u0000${placeholders.length - 1}\u0000`;
  });
  out = out.replace(/[\p{L}]+/gu, (w) => {
    if (/^[\p{Lu}]{2,6}$/u.test(w) && /^(UBND|HĐND|MTTQ|TW|VN|TP|TT|CP|QH\d*)$/u.test(w)) return w;
    if (lower.has(w)) return w.toLowerCase();
    return w[0] + w.slice(1).toLowerCase();
  });
  out = out.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => placeholders[Number(i)]);
  return out;
}

