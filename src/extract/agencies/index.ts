/**
 * extract (agencies): recognise agency mentions in a piece of clean text (extraction.md §4).
 *
 * A Segment is a piece of a paragraph with its abbreviations expanded and tokenised; mentions
 * found in it are mapped back to offsets of the clean text.
 */
import { agencyProfile, expandAbbreviations, type Expanded, type Profile } from '../../lexicon/agencies.js';
import { fold } from '../../text/fold.js';
import { parseList, type Mention, type Mode, type ParseContext } from './parse.js';
import { mostlyUpper, tokenize, type Token } from './tokens.js';

export type { Mention, Mode } from './parse.js';
export { ENUMERATED, enumeration, parseList, startsAgency } from './parse.js';

export interface Segment {
  /** the source text of the segment */
  source: string;
  /** clean-text offset of source[0] */
  offset: number;
  exp: Expanded;
  toks: Token[];
  upper: boolean;
}

// The same paragraph is read several times (as heading, subject, partner list); its expansion
// and tokens depend only on its text. Two generations: a long document never empties the cache of
// the paragraphs it is still reading (clearing one map at a size limit re-tokenised them all).
const SEGMENT_GENERATION = 4000;
let segments = new Map<string, Omit<Segment, 'offset'>>();
let olderSegments = new Map<string, Omit<Segment, 'offset'>>();

export function segment(source: string, offset = 0): Segment {
  let s = segments.get(source);
  if (!s) {
    s = olderSegments.get(source);
    if (!s) {
      const exp = expandAbbreviations(source);
      s = { source, exp, toks: tokenize(exp.text), upper: mostlyUpper(source) };
    }
    if (segments.size >= SEGMENT_GENERATION) {
      olderSegments = segments;
      segments = new Map();
    }
    segments.set(source, s);
  }
  return { ...s, offset };
}

export function context(seg: Segment, mode: Mode, defined?: Set<string>): ParseContext {
  return { toks: seg.toks, text: seg.exp.text, mode, upper: seg.upper, defined };
}

/** Clean-text span of an expanded-text span. */
export function docSpan(seg: Segment, start: number, end: number): { start: number; end: number } {
  const s = seg.exp.map[start] ?? seg.source.length;
  const e = end > 0 ? (seg.exp.map[end - 1] ?? seg.source.length - 1) + 1 : s;
  return { start: seg.offset + s, end: seg.offset + Math.max(e, s) };
}

export interface Agency extends Profile {
  name: string;
  start: number;
  end: number;
  vague: boolean;
}

/** Class phrases a document defines for itself: "(sau đây gọi tắt là các cơ quan, đơn vị)". */
export function definedTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\((?:sau đây\s+)?(?:gọi tắt là|gọi chung là|gọi là)\s+([^()]{2,60})\)/giu)) {
    out.add(fold(m[1]).replace(/^(?:cac|nhung)\s+/, ''));
  }
  return out;
}

/**
 * The agencies of a list printed at the start of `text` ("Sở Y tế, Sở Nội vụ và các cơ quan liên
 * quan …"), read as a heading, a subject, a partner list or a table cell. Vague references are
 * returned marked `vague`.
 */
export function readAgencies(text: string, mode: Mode = 'cell', offset = 0): Agency[] {
  const seg = segment(text, offset);
  const list = parseList(context(seg, mode), 0);
  return (list?.mentions ?? []).map((m) => toAgency(seg, m));
}

export function toAgency(seg: Segment, m: Mention): Agency {
  const span = docSpan(seg, m.start, m.end);
  return { ...agencyProfile(m.name), name: m.name, start: span.start, end: span.end, vague: m.vague || m.kind === 'person' };
}
