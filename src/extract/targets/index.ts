import type { ParsedDocument, Target } from '../../models.js';

/** extract (targets): ParsedDocument → Target[] (extraction.md §8). Filled by the target issue. */
export function findTargets(_doc: ParsedDocument): Target[] {
  return [];
}
