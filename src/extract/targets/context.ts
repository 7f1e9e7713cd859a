/**
 * Where a paragraph stands: inside a goals section or not, and which target year is in force.
 *
 * Both come from the headings above the paragraph, innermost first: "II. MỤC TIÊU" makes every item
 * below it a goal, "1. Đến năm 2030" gives them 2030, "III. NHIỆM VỤ VÀ GIẢI PHÁP" ends the goals.
 * Short unnumbered lines ("Mục tiêu cụ thể:", "* Chỉ tiêu đến năm 2025:") do the same inside a
 * section, because many plans print their sub-headings without a label.
 */
import type { Paragraph, ParsedDocument, Section } from '../../models.js';
import { headingClass } from './cues.js';

export interface GoalContext {
  goal: boolean;
  /** Target year from the headings (or a pseudo-heading line), null when none states one. */
  year: number | null;
}

const YEAR_IN_HEADING: RegExp[] = [
  /(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?((?:19|20)\d{2})(?!\d)/iu,
  /giai\s+đoạn\s+(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})(?!\d)/iu,
  /năm\s+((?:19|20)\d{2})(?!\d)/iu,
];

/** The target year a heading states ("MỤC TIÊU … ĐẾN NĂM 2030", "Mục tiêu cụ thể năm 2024"). */
export function yearOfHeading(heading: string): number | null {
  // a long item heading is a sentence: only a year phrase at its start speaks for the whole item
  const words = heading.split(/\s+/).length;
  const h = words > 24 ? heading.slice(0, 60) : heading;
  for (const re of YEAR_IN_HEADING) {
    const m = re.exec(h);
    if (m && !/so\s+với\s*(?:năm\s*)?$/iu.test(h.slice(Math.max(0, m.index - 12), m.index + (m[0].length - m[1].length)))) return Number(m[1]);
  }
  return null;
}

/** The title's horizon, a fallback year for goals whose headings state none. */
export function yearOfTitle(title: string | null): number | null {
  if (!title) return null;
  return yearOfHeading(title);
}

function sectionContext(s: Section | null): { cls: 'goal' | 'other' | null; year: number | null } {
  let cls: 'goal' | 'other' | null = null;
  let year: number | null = null;
  for (let cur = s; cur; cur = cur.parent) {
    if (cls === null) cls = headingClass(cur.heading);
    if (year === null) year = yearOfHeading(cur.heading);
    if (cls !== null && year !== null) break;
  }
  return { cls, year };
}

const PSEUDO_MAX_WORDS = 16;

/**
 * A short line that works as a heading without a label ("Mục tiêu cụ thể:", "- Chỉ tiêu:",
 * "**MỤC TIÊU**"): its class and year, or null when the line is ordinary text.
 */
export function pseudoHeading(p: Paragraph): { cls: 'goal' | 'other' | null; year: number | null } | null {
  if (p.kind === 'table-row') return null;
  const t = p.text.replace(/\*+/g, '').trim();
  // "… được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:" introduces a list of targets
  if (/(?<![\p{L}])(?:chỉ tiêu|mục tiêu)(?:\s+\S+){0,5}\s*:$/iu.test(t) && !/chương trình mục tiêu/iu.test(t.slice(-60))) return { cls: 'goal', year: yearOfHeading(t.slice(-80)) };
  if (!t || t.split(/\s+/).length > PSEUDO_MAX_WORDS) return null;
  const body = t.replace(/^[-+•*–]\s*/, '');
  // a line with a quantity other than a year is content, not a heading
  if (/\d/.test(body.replace(/(?:19|20)\d{2}/g, '')) && !/:\s*$/.test(body)) return null;
  const cls = headingClass(body);
  // "- Giai đoạn 2025-2027", "Đến năm 2030:", "Năm 2026:" — a line that only sets the period
  if (!cls && body.split(/\s+/).length <= 8 && /^(?:giai\s+đoạn|đến|tới|năm|từ năm|trong năm|tầm nhìn)\s/iu.test(body) && yearOfHeading(body) !== null && !/\d\s*%/.test(body))
    return { cls: null, year: yearOfHeading(body) };
  if (!cls) return null;
  // a heading without a label still looks like one: a colon, capitals, or a short bullet line;
  // a bare "Chỉ tiêu đạt được" is a column name of a flattened table, not a heading
  const looksLikeHeading = /:\s*$/.test(body) || p.kind === 'heading' || /^[\p{Lu}\s,0-9-]+$/u.test(body) || (t !== body && body.split(/\s+/).length <= 8);
  if (!looksLikeHeading) return null;
  return { cls, year: yearOfHeading(body) };
}

/**
 * Context of every paragraph of the document, in order. Goals are also in force in an appendix
 * titled as a target list ("PHỤ LỤC I – DANH MỤC CÁC CHỈ TIÊU"); that is handled with the tables.
 */
export function paragraphContexts(doc: ParsedDocument): GoalContext[] {
  const titleYear = yearOfTitle(doc.header.title);
  const out: GoalContext[] = [];
  let local: { section: Section | null; part: string; cls: 'goal' | 'other' | null; year: number | null } | null = null;
  for (const p of doc.tree.paragraphs) {
    const sc = sectionContext(p.section);
    const partKey = `${p.zone === 'appendix' ? 'a' : 'm'}`;
    if (local && (local.section !== p.section || local.part !== partKey)) local = null;
    const ph = pseudoHeading(p);
    if (ph) {
      const inherited: 'goal' | 'other' | null = local ? local.cls : null;
      local = { section: p.section, part: partKey, cls: ph.cls ?? inherited, year: ph.year };
    }
    const cls = local?.cls ?? sc.cls;
    const goal = cls === 'goal';
    let year = local?.year ?? sc.year;
    if (year === null && goal && p.zone !== 'appendix') year = titleYear;
    out.push({ goal, year });
  }
  return out;
}
