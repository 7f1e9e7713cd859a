import type { DB } from '../store/db.js';
import { fold, foldSameLength } from '../text/fold.js';

export interface SearchHit {
  ref: string | null;
  key: string;
  title: string | null;
  path: string | null;
  section: string;
  heading: string | null;
  snippet: string;
  /** Offsets of the matched words in the document's normalised text. */
  start: number;
  end: number;
  score: number;
}

/** FTS5 query from user words: each folded token quoted, the whole as one phrase. */
export function ftsQuery(text: string): string | null {
  const tokens = fold(text).split(' ').filter(Boolean);
  if (!tokens.length) return null;
  return `"${tokens.join(' ')}"`;
}

/**
 * Diacritic-insensitive full-text search over section text: "dan so" finds "dân số", "dieu
 * chinh" finds "điều chỉnh", "ty le" finds "tỉ lệ". Ranked by FTS5 bm25; each hit names the
 * document, the section id and the span of the words found.
 */
export function search(db: DB, text: string, opts: { limit?: number; documentKey?: string } = {}): SearchHit[] {
  const q = ftsQuery(text);
  if (!q) return [];
  const rows = db
    .prepare(
      `SELECT s.id, s.sid, s.heading, s.text, s.start, d.ref, d.key, d.title, d.source_path, d.text AS doc_text, bm25(sections_fts) AS score
       FROM sections_fts JOIN sections s ON s.id = sections_fts.rowid JOIN documents d ON d.id = s.document_id
       WHERE sections_fts MATCH ? ${opts.documentKey ? 'AND d.key = ?' : ''}
       ORDER BY score LIMIT ?`,
    )
    .all(...(opts.documentKey ? [q, opts.documentKey, opts.limit ?? 20] : [q, opts.limit ?? 20])) as {
    sid: string;
    heading: string | null;
    text: string;
    start: number;
    ref: string | null;
    key: string;
    title: string | null;
    source_path: string | null;
    doc_text: string | null;
    score: number;
  }[];
  const words = fold(text).split(' ').filter(Boolean);
  return rows.map((r) => {
    const { snippet, at, len } = locate(r.text, words);
    // section own text starts at s.start in the document text (after trimming leading spaces)
    const base = r.sid === '' ? locateInDoc(r.doc_text ?? '', r.text.slice(at, at + len)) : r.start;
    return {
      ref: r.ref,
      key: r.key,
      title: r.title,
      path: r.source_path,
      section: r.sid,
      heading: r.heading,
      snippet,
      start: r.sid === '' ? base : base + at,
      end: (r.sid === '' ? base : base + at) + len,
      score: -r.score,
    };
  });
}

function locateInDoc(doc: string, piece: string): number {
  const i = doc.indexOf(piece);
  return i < 0 ? 0 : i;
}

/** Find the words in the original text (same-length folding keeps offsets) and cut a snippet. */
function locate(text: string, words: string[]): { snippet: string; at: number; len: number } {
  const folded = foldSameLength(text);
  const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/i$/, '[iy]')).join('[^\\p{L}\\p{N}]+');
  const m = new RegExp(pattern, 'u').exec(folded);
  const at = m ? m.index : 0;
  const len = m ? m[0].length : 0;
  const from = Math.max(0, at - 60);
  const to = Math.min(text.length, at + len + 80);
  const snippet = `${from > 0 ? '…' : ''}${text.slice(from, at)}«${text.slice(at, at + len)}»${text.slice(at + len, to)}${to < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
  return { snippet, at, len };
}
