import type { Header } from '../models.js';
import { canonicalRef, parseRef, symbolOf } from '../text/refs.js';
import { isMostlyUpper, properCase } from './case.js';
import { expandIssuer } from './header.js';

/** One record of a folder's manifest.json (where each document came from, and what it is). */
export interface ManifestEntry {
  file: string;
  type?: string | null;
  number?: string | null;
  issuer?: string | null;
  date?: string | null;
  title?: string | null;
}

/**
 * Fill the header fields a text does not print from its manifest record. Transcriptions of a
 * resolution often keep only the body ("toàn văn"), so its number and date are known only from
 * where it was collected. Printed fields always win; the fields taken are returned so the user
 * can be told.
 */
export function fillFromManifest(h: Pick<Header, 'ref' | 'symbol' | 'date' | 'kind' | 'issuer' | 'title'>, e: ManifestEntry): string[] {
  const filled: string[] = [];
  if (!h.ref && e.number && !e.number.trim().startsWith('/')) {
    const ref = canonicalRef(e.number);
    if (parseRef(ref)) {
      h.ref = ref;
      h.symbol ??= symbolOf(ref);
      filled.push('ref');
    }
  }
  if ((!h.date || /^\d{4}$/.test(h.date)) && e.date && /^\d{4}-\d{2}-\d{2}$/.test(e.date) && (!h.date || e.date.startsWith(h.date))) {
    h.date = e.date;
    filled.push('date');
  }
  if (!h.kind && e.type) {
    h.kind = e.type;
    filled.push('kind');
  }
  if (!h.issuer && e.issuer) {
    h.issuer = expandIssuer(isMostlyUpper(e.issuer) ? properCase(e.issuer) : e.issuer);
    filled.push('issuer');
  }
  if (!h.title && e.title) {
    h.title = e.title.replace(/\s*\([^()]*not printed[^()]*\)\s*$/i, '');
    filled.push('title');
  }
  return filled;
}
