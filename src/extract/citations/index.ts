import type { Citation, ParsedDocument, Paragraph, Relation } from '../../models.js';
import { parseRef, refKey } from '../../text/refs.js';
import { aliasDefinitions, findShortMentions } from './alias.js';
import { findFullMentions, type Mention } from './find.js';
import { STRENGTH, patterns } from './patterns.js';
import { assertRelations, type Assertion, type Cue } from './relation.js';

export type { Mention } from './find.js';

/**
 * extract (citations): ParsedDocument → Citation[] (extraction.md §3, §7).
 *
 *   find      every reference printed in full, with its kind word, date and issuer
 *   alias     short forms ("Chỉ thị 27", "(gọi tắt là …)", "Nghị quyết nêu trên") → full references
 *   relation  the cue that governs each mention, and chained clauses
 *   here      one citation per referenced document from "self" (the strongest relation), one per
 *             chained (ref, from) pair; the document's own number is never cited.
 */
export function findCitations(doc: ParsedDocument): Citation[] {
  const text = doc.tree.text;
  const full = findFullMentions(text);
  const aliases = aliasDefinitions(text, full);
  const mentions = [...full, ...findShortMentions(text, full, aliases)].sort((a, b) => a.start - b.start || a.end - b.end);
  completeTruncated(mentions);
  const own = doc.header.ref ? refKey(doc.header.ref) : (selfNamed(text, full, doc.header.kind) ?? null);
  const isOwn = (m: Mention): boolean => refKey(m.ref) === own || isNumberLine(text, m) || isOwnAttachment(text, m, doc.header.kind);
  const news = doc.header.kind === 'Tin bài';
  const asserted = assertRelations(doc, mentions, isOwn, news).filter((a) => !isOwn(a.mention));
  return assemble(doc, asserted);
}

/**
 * A text without a header (a body copied from a portal) names itself in its first line:
 * "Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị về …". That is its own number.
 */
function selfNamed(text: string, full: Mention[], kind: string | null): string | null {
  const first = full[0];
  if (!first || !kind || first.kindWord !== kind) return null;
  const lineStart = text.lastIndexOf('\n', first.kindStart - 1) + 1;
  if (text.slice(0, lineStart).trim() !== '' || !/^[\s*_#]*$/u.test(text.slice(lineStart, first.kindStart))) return null;
  return refKey(first.ref);
}

/**
 * "Nghị quyết liên tịch số 102/2025/NQLT." printed cut short after the full reference was given
 * ("102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"): the short one is the same document.
 */
function completeTruncated(mentions: Mention[]): void {
  const refs = [...new Set(mentions.map((m) => m.ref))];
  for (const m of mentions) {
    const p = parseRef(m.ref);
    if (!p || p.party || p.issuer) continue;
    const longer = refs.filter((r) => r.startsWith(`${m.ref}-`));
    if (longer.length === 1) m.ref = longer[0];
  }
}

/** "Số: 94/KH-UBND" on a line of its own is the document's number line, whether or not the header parser read it. */
function isNumberLine(text: string, m: Mention): boolean {
  const lineStart = text.lastIndexOf('\n', m.kindStart - 1) + 1;
  return m.start - lineStart < 12 && /^[\s*_|]*(?:Số|SỐ|Sô)\s*[:.]?\s*$/u.test(text.slice(lineStart, m.start));
}

/**
 * "(Kèm theo Kế hoạch số 94/KH-UBND …)" at the top of an attached document names the document
 * itself even when its header number was not read (a blank "Số: /KH-UBND" or a broken header).
 */
function isOwnAttachment(text: string, m: Mention, kind: string | null): boolean {
  if (!kind || m.kindWord !== kind) return false;
  const lineStart = text.lastIndexOf('\n', m.kindStart - 1) + 1;
  return /^[\s*_]*\(\s*(?:Ban hành\s+|Được ban hành\s+)?[Kk]èm\s+theo\s*$/u.test(text.slice(lineStart, m.kindStart));
}

interface Facts {
  kind: string | null;
  date: string | null;
  issuer: string | null;
  year: number | null;
}

/**
 * What the mentions of one reference say about it: the first kind word printed (else the symbol's
 * kind code; "văn bản số 3280/UBND-VX", a generic word before a symbol without a kind code, is a
 * letter, §2), the commonest date, the fullest issuer.
 */
function factsOf(ref: string, ms: Mention[], ownIssuer: string | null): Facts {
  const printed = ms.filter((m) => m.form === 'full');
  const kind =
    printed.find((m) => m.kindWord)?.kindWord ??
    printed.find((m) => m.kindCode)?.kindCode ??
    (printed.some((m) => m.generic) ? 'Công văn' : null);
  const dates = new Map<string, number>();
  for (const m of ms) if (m.date) dates.set(m.date, (dates.get(m.date) ?? 0) + 1);
  const date = [...dates].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const issuers = [...new Set(ms.map((m) => m.issuer).filter((x): x is string => !!x))];
  const mixed = issuers.filter((i) => i !== i.toUpperCase());
  let issuer = (mixed.length ? mixed : issuers).sort((a, b) => b.length - a.length)[0] ?? null;
  if (issuer) issuer = completeIssuer(issuer, ownIssuer);
  const year = parseRef(ref)?.year ?? (date ? Number(date.slice(0, 4)) : null) ?? ms.find((m) => m.yearOnly)?.yearOnly ?? null;
  return { kind, date, issuer, year };
}

/**
 * "UBND Thành phố" in a document of the Ủy ban nhân dân thành phố Hà Nội is that body: a level
 * word without a place name takes the place of the citing document's issuer at the same level.
 */
function completeIssuer(issuer: string, own: string | null): string {
  const levels = patterns().issuer.levelWords.join('|');
  const bare = new RegExp(String.raw`(?:^|\s)(${levels})$`, 'u').exec(issuer);
  if (!bare || !own) return issuer;
  const place = new RegExp(String.raw`(?:^|\s)${bare[1]}\s+(\p{Lu}[\p{L}\s-]*)$`, 'u').exec(own);
  return place ? `${issuer} ${place[1].trim()}` : issuer;
}

function sectionAt(paragraphs: Paragraph[], pos: number): string | null {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid];
    if (pos < p.start) hi = mid - 1;
    else if (pos >= p.end && mid < paragraphs.length - 1 && paragraphs[mid + 1].start <= pos) lo = mid + 1;
    else return p.section?.id ?? null;
  }
  return null;
}

function assemble(doc: ParsedDocument, asserted: Assertion[]): Citation[] {
  const paragraphs = [...doc.tree.paragraphs].sort((a, b) => a.start - b.start);
  const byRef = new Map<string, Assertion[]>();
  for (const a of asserted) byRef.set(a.mention.ref, [...(byRef.get(a.mention.ref) ?? []), a]);
  const out: Citation[] = [];
  const make = (ref: string, f: Facts, relation: Relation, from: string, m: Mention, cue: Cue | null): Citation => ({
    ref,
    kind: f.kind,
    date: f.date,
    issuer: f.issuer,
    relation,
    from,
    start: m.start,
    end: m.end,
    cue: cue?.text ?? null,
    cueStart: cue?.start ?? null,
    cueEnd: cue?.end ?? null,
    section: sectionAt(paragraphs, m.start),
    year: f.year,
  });
  for (const [ref, list] of byRef) {
    const facts = factsOf(ref, list.map((a) => a.mention), doc.header.issuer);
    const counted = list.filter((a) => !a.mention.inAliasDefinition);
    if (!counted.length) continue;
    // From self: the strongest relation any mention asserts (§7), evidenced by its first mention.
    let best = counted[0];
    for (const a of counted) if (STRENGTH[a.self] > STRENGTH[best.self]) best = a;
    out.push(make(ref, facts, best.self, 'self', best.mention, best.selfCue));
    // Chained clauses: once per (ref, from).
    const seen = new Set<string>();
    for (const a of counted) {
      if (!a.chainFrom || a.chainFrom === 'self' || a.chainFrom === ref || seen.has(a.chainFrom)) continue;
      seen.add(a.chainFrom);
      out.push(make(ref, facts, 'implements', a.chainFrom, a.mention, a.chainCue));
    }
  }
  const rank = (c: Citation): number => (c.from === 'self' ? 0 : 1);
  return out.sort((a, b) => a.start - b.start || rank(a) - rank(b) || a.ref.localeCompare(b.ref) || a.from.localeCompare(b.from));
}
