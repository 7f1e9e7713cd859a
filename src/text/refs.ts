import { loadJson } from '../lexicon/load.js';

/**
 * References (số hiệu) and their canonical form (extraction.md §3):
 *   state style  137/NQ-CP, 11/2017/NQ-HĐND, 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN
 *   party style  21-NQ/TW, 54-CTr/TU
 * Canonical: no spaces, party symbols in party style, letter case as the official symbol.
 */

/**
 * One symbol part: letters (Vietnamese capitals included), digits, '&'. Tax and customs offices
 * write sub-units with a dot ("4814/CCTKV.05-TTKT3"), so a dot followed by a letter or digit
 * stays inside the part; a dot followed by a space is the end of the sentence. A capitalised
 * ordinary word ("Tập", "Nghị") is never a part: symbols are capitals with at most a lower-case
 * letter or two (TTg, CTr), so "48/NQ-CP - Tập trung …" stops at CP.
 */
const PART = String.raw`(?![\p{Lu}]\p{Ll}{2,}(?![\p{L}\d]))[\p{Lu}][\p{L}\d&]*(?:\.[\p{L}\d]+)*`;
/**
 * Space tolerated around a separator: typists write "1679/QĐ- TTg" and "71/NQ -CP", and a line
 * wrap can fall after a separator ("137/NQ-\nCP"). A break before a separator is not allowed: it
 * is how a bullet starts ("Nghị quyết số 48/NQ-CP\n- Tập trung …"), and at most one break, so two
 * paragraphs are never glued into one reference.
 */
const SB = String.raw`[ \t\u00a0]{0,2}`;
const SA = String.raw`[ \t\u00a0]{0,2}(?:\n[ \t\u00a0]{0,2})?`;
/** Source of a regex matching a reference; groups are not captured. */
export const REF_SOURCE =
  String.raw`\d{1,5}[a-z]?(?:\.\d{1,3})?` + // number, "66.2"
  String.raw`(?:${SB}\/${SA}(?:19|20)\d{2})?` + // year "/2017"
  String.raw`(?:` +
  String.raw`${SB}\/${SA}${PART}(?:${SB}[-/]${SA}${PART}){0,6}` + // state: /NQ-CP, /NQLT-UBTVQH15-CP (a slash typed for a dash too)
  String.raw`|${SB}-${SA}${PART}(?:${SB}-${SA}${PART})?${SB}\/${SA}${PART}(?:${SB}-${SA}${PART})?` + // party: -NQ/TW, -KH/TU, "46 - CT/TW"
  String.raw`)`;

interface CaseTable {
  tokens: string[];
  ascii?: Record<string, string>;
  homoglyphs?: Record<string, string>;
}
let officialCase: Map<string, string> | null = null;
let asciiParts: Map<string, string> | null = null;
let lookalikes: RegExp | null = null;
let latinOf: Record<string, string> = {};
let partyCodes: Set<string> | null = null;
let sharedCodes: Set<string> | null = null;
let knownCodes: Set<string> | null = null;

function caseTable(): Map<string, string> {
  if (!officialCase) {
    const table = loadJson<CaseTable>('symbol-case.json');
    officialCase = new Map();
    for (const t of table.tokens) officialCase.set(t.toUpperCase(), t);
    asciiParts = new Map(Object.entries(table.ascii ?? {}).map(([k, v]) => [k.toUpperCase(), v]));
    latinOf = table.homoglyphs ?? {};
    const chars = Object.keys(latinOf).join('');
    lookalikes = chars ? new RegExp(`[${chars}]`, 'gu') : null;
  }
  return officialCase;
}

/** Cyrillic and Greek capitals that look Latin ("NQ-СР" pasted from elsewhere) back to Latin. */
function latin(s: string): string {
  caseTable();
  return lookalikes ? s.replace(lookalikes, (c) => latinOf[c] ?? c) : s;
}

/** A code we know as a whole symbol part (party and national issuers, official-case tokens): "UBTVQH15", "TTg". */
export function isKnownPart(part: string): boolean {
  return known().has(part.toUpperCase()) || caseTable().has(part.toUpperCase());
}

/** True when a symbol part is written in its official case ("TTg"), so its lower-case letters belong to it. */
export function isOfficialPart(part: string): boolean {
  return caseTable().get(part.toUpperCase()) === part;
}

function party(): Set<string> {
  if (!partyCodes) {
    const data = loadJson<{ codes: string[]; shared?: string[] }>('party-issuers.json');
    partyCodes = new Set(data.codes.map((c) => c.toUpperCase()));
    sharedCodes = new Set((data.shared ?? []).map((c) => c.toUpperCase()));
  }
  return partyCodes;
}

/** Issuer codes we know as whole parts (party bodies, national bodies): a footnote digit glued to one is not part of it. */
function known(): Set<string> {
  if (!knownCodes) {
    knownCodes = new Set(party());
    for (const c of loadJson<{ codes: string[] }>('national-issuers.json').codes) knownCodes.add(c.toUpperCase());
  }
  return knownCodes;
}

export interface RefParts {
  number: string;
  year: number | null;
  /** Kind code ("NQ", "CT", "KH") — the first symbol part. */
  kind: string;
  /** Issuer code(s) after the kind ("CP", "TTg", "UBND", "TW"). */
  issuer: string;
  party: boolean;
}

/** Put a symbol part in official case: "TTG" → "TTg", "ND" (an English translation) → "NĐ"; others keep the case printed. */
function fixCase(part: string): string {
  const official = caseTable().get(part.toUpperCase());
  if (official) return official;
  const restored = asciiParts!.get(part);
  if (restored) return restored;
  return part;
}

/**
 * A footnote marker printed against the last part ("Nghị quyết số 21-NQ/TW2") is not part of the
 * symbol: drop one or two trailing digits when what is left is a known code and the whole is not.
 * Legislature numbers (QH10, UBTVQH15, ĐĐQH15) are real parts and stay.
 */
function dropFootnote(part: string): string {
  const m = /^(\p{L}+)(\d{1,2})$/u.exec(part);
  if (!m || /QH$/iu.test(m[1])) return part;
  const codes = known();
  return codes.has(m[1].toUpperCase()) && !codes.has(part.toUpperCase()) ? m[1] : part;
}

export function parseRef(s: string): RefParts | null {
  let compact = latin(s.normalize('NFC').replace(/\s+/g, ''));
  // "102/2025/NQLT/UBTVQH15-CP": a slash typed for the dash inside a state symbol
  const pieces = compact.split('/');
  const head = /^(?:19|20)\d{2}$/.test(pieces[1] ?? '') ? 3 : 2;
  if (pieces.length > head && !pieces[0].includes('-')) compact = `${pieces.slice(0, head).join('/')}-${pieces.slice(head).join('-')}`;
  let m = /^(\d{1,5}[a-z]?(?:\.\d{1,3})?)(?:\/((?:19|20)\d{2}))?\/([^/]+)$/u.exec(compact);
  if (m) {
    const [kind, ...rest] = m[3].split('-');
    const issuer = rest.join('-');
    return { number: m[1], year: m[2] ? Number(m[2]) : null, kind, issuer, party: false };
  }
  m = /^(\d{1,5}[a-z]?)(?:\/((?:19|20)\d{2}))?-([^/]+)\/(.+)$/u.exec(compact);
  if (m) return { number: m[1], year: m[2] ? Number(m[2]) : null, kind: m[3], issuer: m[4], party: true };
  return null;
}

export function isPartyIssuer(issuer: string): boolean {
  const first = issuer.split('-')[0].toUpperCase();
  return party().has(first);
}

/** A code used by Party and State bodies alike: the printed style is the only evidence, keep it. */
function isSharedIssuer(issuer: string): boolean {
  party();
  return sharedCodes!.has(issuer.split('-')[0].toUpperCase());
}

/** Canonical reference: "1679/QĐ- TTg" → "1679/QĐ-TTg", "21/NQ-TW" → "21-NQ/TW", "06/QĐ-TTG" → "06/QĐ-TTg". */
export function canonicalRef(s: string): string {
  const p = parseRef(s.replace(/[.,;:*_)\]]+$/u, ''));
  if (!p) return latin(s.normalize('NFC').replace(/\s+/g, ''));
  const kind = fixCase(p.kind);
  const parts = p.issuer ? p.issuer.split('-').map(fixCase) : [];
  if (parts.length) parts[parts.length - 1] = dropFootnote(parts[parts.length - 1]);
  const issuer = parts.join('-');
  const year = p.year ? `/${p.year}` : '';
  if (p.party || (issuer && isPartyIssuer(issuer) && !isSharedIssuer(issuer) && !p.year)) {
    if (p.party || parts.length === 1) return `${p.number}${year}-${kind}/${issuer}`;
  }
  return issuer ? `${p.number}${year}/${kind}-${issuer}` : `${p.number}${year}/${kind}`;
}

/** The symbol part of a reference: "94/KH-UBND" → "KH-UBND", "21-NQ/TW" → "NQ/TW". */
export function symbolOf(ref: string): string | null {
  const p = parseRef(ref);
  if (!p) return null;
  return p.party ? `${p.kind}/${p.issuer}` : p.issuer ? `${p.kind}-${p.issuer}` : p.kind;
}

/** Comparison key of a reference: canonical, then case-folded (score.mjs compares refs this way). */
export function refKey(s: string): string {
  return canonicalRef(s).toLowerCase();
}

/**
 * A looser key for finding the same document under another printing: leading zeros of the number
 * dropped ("09/CT-UBND" = "9/CT-UBND"). Used to resolve citations to documents, never as output.
 */
export function refMatchKey(s: string): string {
  return refKey(s).replace(/^0+(?=\d)/, '');
}
