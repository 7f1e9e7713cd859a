import { createHash } from 'node:crypto';
import { loadJson } from '../lexicon/load.js';
import { fold } from '../text/fold.js';
import { parseRef, refKey } from '../text/refs.js';

let national: Set<string> | null = null;
function nationalCodes(): Set<string> {
  national ??= new Set(loadJson<{ codes: string[] }>('national-issuers.json').codes.map((c) => c.toUpperCase()));
  return national;
}

/** True when the reference's issuer code is unique nationwide ("137/NQ-CP", "21-NQ/TW"). */
export function isNationalRef(ref: string): boolean {
  const p = parseRef(ref);
  if (!p) return false;
  const codes = p.issuer.split('-').map((c) => c.toUpperCase());
  return codes.some((c) => nationalCodes().has(c) || /^QH\d*$/.test(c) || /^UBTVQH\d*$/.test(c));
}

export interface Identity {
  ref: string | null;
  kind: string | null;
  issuer: string | null;
  date: string | null;
  title: string | null;
  sha256?: string | null;
}

export function yearOf(ref: string | null, date: string | null): number | null {
  const printed = ref ? parseRef(ref)?.year : null;
  if (printed) return printed;
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

/** Folded issuer used in identity: "UBND TP Hà Nội" and "Ủy ban nhân dân thành phố Hà Nội" agree. */
export function issuerKey(issuer: string | null): string | null {
  if (!issuer) return null;
  const f = fold(issuer.replace(/\bUBND\b/gu, 'Ủy ban nhân dân').replace(/\bHĐND\b/gu, 'Hội đồng nhân dân').replace(/\bTP\.?\s/gu, 'thành phố '));
  return f || null;
}

/**
 * A document's key (DESIGN.md "Identity of documents"): its canonical reference plus what makes it
 * unique — the year for national symbols, the issuer (and year) for local ones. A document with a
 * blank number is keyed by issuer + kind + date + title; one with nothing of these by its bytes.
 */
export function documentKey(d: Identity): string {
  const year = yearOf(d.ref, d.date);
  if (d.ref) {
    const base = refKey(d.ref);
    if (isNationalRef(d.ref)) return year ? `${base}#${year}` : base;
    const who = issuerKey(d.issuer) ?? '?';
    return `${base}@${who}${year ? `#${year}` : ''}`;
  }
  if (d.issuer || d.title) {
    const h = createHash('sha1').update(fold(d.title ?? '')).digest('hex').slice(0, 10);
    return `~${issuerKey(d.issuer) ?? '?'}|${fold(d.kind ?? '')}|${d.date ?? ''}|${h}`;
  }
  return `sha256:${d.sha256 ?? 'unknown'}`;
}
