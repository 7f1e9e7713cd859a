import { loadJson } from '../lexicon/load.js';

/**
 * References (số hiệu) and their canonical form (extraction.md §3):
 *   state style  137/NQ-CP, 11/2017/NQ-HĐND, 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN
 *   party style  21-NQ/TW, 54-CTr/TU
 * Canonical: no spaces, party symbols in party style, letter case as the official symbol.
 */

/** One symbol part: letters (Vietnamese capitals included), digits, '&'. */
const PART = String.raw`[\p{Lu}][\p{L}\d&]*`;
/** Source of a regex matching a reference; groups are not captured. Spaces tolerated around separators. */
export const REF_SOURCE =
  String.raw`\d{1,5}[a-z]?(?:\.\d{1,3})?` + // number, "66.2"
  String.raw`(?:\s?\/\s?(?:19|20)\d{2})?` + // year "/2017"
  String.raw`(?:` +
  String.raw`\s?\/\s?${PART}(?:\s?-\s?${PART}){0,6}` + // state: /NQ-CP, /NQLT-UBTVQH15-CP
  String.raw`|-\s?${PART}(?:\s?-\s?${PART})?\s?\/\s?${PART}(?:\s?-\s?${PART})?` + // party: -NQ/TW, -KH/TU
  String.raw`)`;

interface CaseTable {
  tokens: string[];
}
let officialCase: Map<string, string> | null = null;
let partyCodes: Set<string> | null = null;

function caseTable(): Map<string, string> {
  if (!officialCase) {
    officialCase = new Map();
    for (const t of loadJson<CaseTable>('symbol-case.json').tokens) officialCase.set(t.toUpperCase(), t);
  }
  return officialCase;
}

function party(): Set<string> {
  if (!partyCodes) partyCodes = new Set(loadJson<{ codes: string[] }>('party-issuers.json').codes.map((c) => c.toUpperCase()));
  return partyCodes;
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

/** Put a symbol part in official case: "TTG" → "TTg"; others keep the case printed. */
function fixCase(part: string): string {
  const official = caseTable().get(part.toUpperCase());
  if (official) return official;
  // an all-capitals title prints "CTR"; a lone lower-case letter after capitals is kept otherwise
  return part;
}

export function parseRef(s: string): RefParts | null {
  const compact = s.normalize('NFC').replace(/\s+/g, '');
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

/** Canonical reference: "1679/QĐ- TTg" → "1679/QĐ-TTg", "21/NQ-TW" → "21-NQ/TW", "06/QĐ-TTG" → "06/QĐ-TTg". */
export function canonicalRef(s: string): string {
  const p = parseRef(s);
  if (!p) return s.normalize('NFC').replace(/\s+/g, '');
  const kind = fixCase(p.kind);
  const issuer = p.issuer.split('-').map(fixCase).join('-');
  const year = p.year ? `/${p.year}` : '';
  if (p.party || (issuer && isPartyIssuer(issuer) && !p.year)) {
    if (p.party || issuer.split('-').length === 1) return `${p.number}${year}-${kind}/${issuer}`;
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
