import type { Citation, ParsedDocument } from '../../models.js';

/** extract (citations): ParsedDocument → Citation[] (extraction.md §3, §7). Filled by the citation issue. */
export function findCitations(_doc: ParsedDocument): Citation[] {
  return [];
}
