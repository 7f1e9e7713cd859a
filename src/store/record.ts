import type { Extraction } from '../models.js';
import type { Processed } from '../pipeline.js';

/**
 * What the store needs of a processed document, and no more: worker threads send this to the
 * writer instead of the whole pipeline state (raw text, offset map, paragraph objects), which
 * is several times larger and would be copied across threads for nothing.
 */
export interface StoreRecord {
  extraction: Extraction;
  /** The normalised text every offset points into. */
  text: string;
  sections: {
    id: string;
    label: string;
    level: number;
    heading: string;
    start: number;
    end: number;
    part: number;
    /** Index of the parent in this list, or -1. */
    parent: number;
    /** Start of the first sub-section, where the section's own text ends. */
    firstChildStart: number | null;
  }[];
  size: number;
}

export function toStoreRecord(p: Processed): StoreRecord {
  const sections = p.doc.tree.sections;
  const index = new Map(sections.map((s, i) => [s, i]));
  return {
    extraction: p.extraction,
    text: p.clean.text,
    sections: sections.map((s) => ({
      id: s.id,
      label: s.label,
      level: s.level,
      heading: s.heading,
      start: s.start,
      end: s.end,
      part: s.part,
      parent: s.parent ? index.get(s.parent) ?? -1 : -1,
      firstChildStart: s.children.length ? s.children[0].start : null,
    })),
    size: p.read.size,
  };
}
