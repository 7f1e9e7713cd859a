/**
 * Indicator phrases: tidy them for display, and key them so that one indicator printed two ways
 * in two documents compares equal ("Tỉ số giới tính khi sinh" = "tỷ số giới tính khi sinh",
 * "Tuổi thọ bình quân" = "Tuổi thọ trung bình"). The synonym groups are data
 * (src/lexicon/data/indicator-synonyms.json); folding is src/text/fold.ts.
 */
import { loadJson } from '../../lexicon/load.js';
import { fold } from '../../text/fold.js';
import { stripLead, stripTrail } from './cues.js';

/** Collapse spaces, drop lead verbs and trailing fillers, close a dangling parenthesis, capitalise. */
export function tidyIndicator(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  // the year is its own field: "nồng độ bụi PM2.5 trung bình năm vào năm 2030" → "… trung bình năm"
  s = s.replace(/,?\s*(?<![\p{L}])(?:(?:vào|đến|tới|trong|đến hết|tới hết|cả)\s+)?(?:hết\s+)?năm\s+(?:19|20)\d{2}(?!\d)\s*,?/giu, ' ').trim();
  s = stripTrail(stripLead(s)).trim();
  s = s.replace(/^[)\]]+\s*/, '');
  const open = (s.match(/\(/g) ?? []).length;
  const close = (s.match(/\)/g) ?? []).length;
  if (open > close) {
    const at = s.lastIndexOf('(');
    const tail = s.slice(at + 1).trim();
    // a short aside cut by the number ("… (từ 15") is dropped; a long one is closed
    s = tail.split(' ').length <= 3 ? s.slice(0, at).trim() : `${s})`;
  } else if (close > open) s = s.replace(/\)(?![^(]*\()/, '').trim();
  s = stripTrail(s).trim();
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

interface SynonymData {
  groups: string[][];
}

let synonyms: { from: RegExp; to: string }[] | null = null;

function synonymRules(): { from: RegExp; to: string }[] {
  if (synonyms) return synonyms;
  const rules: { from: string; to: string }[] = [];
  for (const group of loadJson<SynonymData>('indicator-synonyms.json').groups) {
    const canonical = baseKey(group[0]);
    for (const v of group.slice(1)) {
      const f = baseKey(v);
      if (f && f !== canonical) rules.push({ from: f, to: canonical });
    }
  }
  rules.sort((a, b) => b.from.length - a.from.length);
  return (synonyms = rules.map((r) => ({ from: new RegExp(`(?<![\\p{L}\\p{N}])${r.from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'), to: r.to })));
}

const STOP = new Set(['cac', 'nhung', 'cua']);

function baseKey(s: string): string {
  const noAside = s.replace(/\([^)]*\)/g, ' ');
  return fold(noAside.trim() ? noAside : s)
    .split(' ')
    .map((w) => (/^0+\d/.test(w) ? String(Number(w)) : w))
    .filter((w) => w && !STOP.has(w))
    .join(' ');
}

/** Comparison key of an indicator: folded, asides dropped, synonyms mapped to one form. */
export function indicatorKey(indicator: string): string {
  let k = baseKey(indicator);
  // one pass, longest phrase first; a replaced span is not rewritten again
  const marks: string[] = [];
  for (const r of synonymRules()) {
    k = k.replace(r.from, () => {
      marks.push(r.to);
      return `\u0000${marks.length - 1}\u0000`;
    });
  }
  return k.replace(/\u0000(\d+)\u0000/g, (_, i: string) => marks[Number(i)]).replace(/\s+/g, ' ').trim();
}
