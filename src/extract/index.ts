import type { CleanText, Extraction, ExtractionSource, ParsedDocument } from '../models.js';
import { findAssignments } from './assignments/index.js';
import { findCitations } from './citations/index.js';
import { findTargets } from './targets/index.js';

export interface Facts {
  citations: Extraction['citations'];
  assignments: Extraction['assignments'];
  targets: Extraction['targets'];
}

/** extract: ParsedDocument → every fact with its section id and span. */
export function extractFacts(doc: ParsedDocument): Facts {
  return { citations: findCitations(doc), assignments: findAssignments(doc), targets: findTargets(doc) };
}

/** The `vanban extract --json` record (schema vanban.extract/1). */
export function toExtraction(source: ExtractionSource, clean: CleanText, doc: ParsedDocument, facts: Facts): Extraction {
  const { spans: _spans, ...header } = doc.header;
  return {
    schema: 'vanban.extract/1',
    source,
    document: header,
    sections: doc.tree.sections.map((s) => ({ id: s.id, label: s.label, level: s.level, heading: s.heading, start: s.start, end: s.end })),
    citations: facts.citations,
    assignments: facts.assignments,
    targets: facts.targets,
    warnings: clean.raw.warnings,
  };
}
