import type { Assignment, ParsedDocument } from '../../models.js';

/** extract (assignments): ParsedDocument → Assignment[] (extraction.md §4, §5). Filled by the agency issue. */
export function findAssignments(_doc: ParsedDocument): Assignment[] {
  return [];
}
