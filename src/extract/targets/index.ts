import type { ParsedDocument, Section, Target } from '../../models.js';
import { mentionsBudget } from './cues.js';
import { paragraphContexts, yearOfTitle } from './context.js';
import { indicatorKey } from './indicator.js';
import { proseTargets } from './prose.js';
import { tableTargets } from './table.js';

export { compareTargets, type Verdict } from './compare.js';
export { indicatorKey, tidyIndicator } from './indicator.js';

/** Zones whose text can state goals; the header, preamble, recipients and signature cannot. */
const ZONES = new Set(['body', 'appendix']);

/**
 * extract (targets): ParsedDocument → Target[] (extraction.md §8).
 *
 * Every paragraph of the body and appendices is read in its context (goals section or not, year in
 * force from its headings); table rows are read as target tables. Each target carries its
 * indicator, comparator, value (value_max for a range), unit, year, section id and evidence span.
 */
export function findTargets(doc: ParsedDocument): Target[] {
  const paragraphs = doc.tree.paragraphs;
  const contexts = paragraphContexts(doc);
  const out: Target[] = tableTargets(paragraphs, contexts, yearOfTitle(doc.header.title));
  const prose = (goal: boolean, hasGoals: boolean) =>
    paragraphs.forEach((p, i) => {
      if (p.kind === 'table-row' || !ZONES.has(p.zone) || contexts[i].goal !== goal) return;
      out.push(...proseTargets({ text: p.text, base: p.start, section: p.section?.id ?? null, ctx: contexts[i], hasGoals, budgetSection: underBudgetHeading(p.section) }));
    });
  prose(true, true);
  // a share in task prose counts only where the document sets quantified goals (NQ 57 III.6); the
  // same words in a regulation or a report are conditions and results
  prose(false, out.length > 0);
  const seen = new Set<string>();
  const unique: Target[] = [];
  for (const t of out.sort((a, b) => a.start - b.start)) {
    t.indicator_key = indicatorKey(t.indicator);
    const k = `${t.start}|${t.end}|${t.comparator}|${t.value}`;
    if (seen.has(k)) continue;
    seen.add(k);
    unique.push(t);
  }
  return unique;
}

/** A section about funding ("III. KINH PHÍ THỰC HIỆN", "8. Bảo đảm kinh phí"): its shares are budgets. */
function underBudgetHeading(s: Section | null): boolean {
  for (let cur = s; cur; cur = cur.parent) if (cur.heading.split(/\s+/).length <= 14 && mentionsBudget(cur.heading)) return true;
  return false;
}
