import { parseRef } from '../../text/refs.js';
import { describe, type Mention } from './find.js';
import { kindOfWord, patterns } from './patterns.js';

/**
 * Short forms (extraction.md §3, issue 3 point 2). A document cited in full can be named again
 * by a short form: one the text defines ("(sau đây viết tắt là Chỉ thị 27)"), the kind and the
 * bare number ("Nghị quyết 137"), or "Nghị quyết nêu trên". A short form only ever resolves to a
 * reference printed in full in the same document; it never creates a new one ("Đề án số 03" with
 * no symbol anywhere stays uncited).
 */

interface Range {
  start: number;
  end: number;
}

const numberKey = (n: string): string => n.replace(/^0+(?=\d)/, '').toLowerCase();

/** Kinds a reference is known by in this document: the words printed before it and its symbol's code. */
function kindsByRef(full: Mention[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of full) {
    const set = out.get(m.ref) ?? new Set<string>();
    if (m.kindWord) set.add(m.kindWord);
    if (m.kindCode) set.add(m.kindCode);
    out.set(m.ref, set);
  }
  return out;
}

/** Does a reference known by `kinds` fit the kind word of a short form? "Chương trình" fits "Chương trình hành động". */
function fits(kinds: Set<string> | undefined, kind: string): boolean {
  if (!kinds) return false;
  for (const k of kinds) if (k === kind || k.startsWith(`${kind} `) || kind.startsWith(`${k} `)) return true;
  return false;
}

/**
 * Mark full mentions written inside an alias definition (they repeat the reference just given)
 * and return the short forms the definitions introduce, each with the reference it stands for.
 */
export function aliasDefinitions(text: string, full: Mention[]): { ranges: Range[]; phrases: Map<string, string> } {
  const ranges: Range[] = [];
  const phrases = new Map<string, string>();
  for (const m of text.matchAll(patterns().aliasDefinition)) {
    const range = { start: m.index!, end: m.index! + m[0].length };
    ranges.push(range);
    const inside = full.filter((f) => f.start >= range.start && f.end <= range.end);
    for (const f of inside) f.inAliasDefinition = true;
    if (inside.length) continue;
    const phrase = m[1].replace(/^[\s“"'‘]+|[\s”"'’.,;]+$/gu, '');
    if (!/\d/.test(phrase) || phrase.length > 80) continue;
    const antecedent = [...full].reverse().find((f) => f.end <= range.start && !f.inAliasDefinition && !/\n/.test(text.slice(f.end, range.start)));
    if (antecedent) phrases.set(phrase, antecedent.ref);
  }
  return { ranges, phrases };
}

/** Short forms and "nêu trên" mentions, resolved against the full references of the document. */
export function findShortMentions(text: string, full: Mention[], aliases: { ranges: Range[]; phrases: Map<string, string> }): Mention[] {
  const p = patterns();
  const taken: Range[] = [...aliases.ranges, ...full.map((f) => ({ start: f.kindStart, end: f.end }))];
  const free = (s: number, e: number): boolean => !taken.some((r) => s < r.end && e > r.start);
  const out: Mention[] = [];
  const add = (ref: string, start: number, end: number, form: Mention['form']): void => {
    if (!free(start, end)) return;
    const m = describe(text, ref, end, end, form);
    out.push({ ...m, start, end, kindStart: start });
    taken.push({ start, end });
  };

  // Short forms the document defines, wherever they recur.
  for (const [phrase, ref] of [...aliases.phrases].sort((a, b) => b[0].length - a[0].length)) {
    const re = new RegExp(String.raw`(?<![\p{L}\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, String.raw`\s+`)}(?![\p{L}\p{N}/\-])`, 'gu');
    for (const m of text.matchAll(re)) add(ref, m.index!, m.index! + m[0].length, 'alias');
  }

  // "Nghị quyết 137", "Chỉ thị số 27": one full reference with that number and a fitting kind.
  const kinds = kindsByRef(full);
  const byNumber = new Map<string, string[]>();
  for (const ref of kinds.keys()) {
    const n = numberKey(parseRef(ref)!.number);
    byNumber.set(n, [...(byNumber.get(n) ?? []), ref]);
  }
  for (const m of text.matchAll(p.shortForm)) {
    const kind = kindOfWord(m[1]);
    if (!kind) continue;
    const candidates = (byNumber.get(numberKey(m[2])) ?? []).filter((ref) => fits(kinds.get(ref), kind));
    if (candidates.length === 1) add(candidates[0], m.index!, m.index! + m[0].length, 'short');
  }

  // "Nghị quyết nêu trên": the one reference of that kind printed before it.
  for (const m of text.matchAll(p.anaphora)) {
    const kind = kindOfWord(m[1]);
    if (!kind) continue;
    const end = m.index! + m[0].length;
    if (/\strên$/u.test(m[0]) && !/(?:nêu|nói)\s+trên$/u.test(m[0]) && !/^\s*(?:[,.;:)]|$)/u.test(text.slice(end, end + 2))) continue;
    const before = new Set(full.filter((f) => f.end <= m.index! && !f.inAliasDefinition && fits(kinds.get(f.ref), kind)).map((f) => f.ref));
    if (before.size === 1) add([...before][0], m.index!, end, 'anaphora');
  }
  return out;
}
