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

let table: { phrases: [RegExp, string][]; lower: Set<string> } | null = null;

function lexicon() {
  if (!table) {
    const data = loadJson<CaseLexicon>('header-case.json');
    const phrases = [...data.phrases]
      .sort((a, b) => b.length - a.length)
      .map((p): [RegExp, string] => [new RegExp(`(?<![\\p{L}])${escape(p.toUpperCase())}(?![\\p{L}])`, 'gu'), p]);
    table = { phrases, lower: new Set(data.lower.map((w) => w.toUpperCase())) };
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
  const { phrases, lower } = lexicon();
  const placeholders: string[] = [];
  let out = s;
  for (const [re, phrase] of phrases) {
    out = out.replace(re, () => {
      placeholders.push(phrase);
      return `\u0000${placeholders.length - 1}\u0000`;
    });
  }
  out = out.replace(/[\p{L}]+/gu, (w) => {
    if (/^[\p{Lu}]{2,6}$/u.test(w) && /^(UBND|HĐND|MTTQ|TW|VN|TP|TT|CP|QH\d*)$/u.test(w)) return w;
    if (lower.has(w)) return w.toLowerCase();
    return w[0] + w.slice(1).toLowerCase();
  });
  out = out.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => placeholders[Number(i)]);
  return out;
}

