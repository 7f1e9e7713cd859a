import { fold } from '../text/fold.js';

/**
 * Lexical similarity for aligning a plan's items with a superior document's: TF-IDF cosine over
 * Vietnamese syllable unigrams and bigrams. Vietnamese writes one syllable per space-separated
 * token and most words are two syllables ("dân số", "chuyển đổi"), so syllable bigrams stand in
 * for words without a segmenter.
 */

/** Syllables that carry no content in task text (function words and administrative filler). */
const STOP = new Set(
  (
    'va cua cac cho voi trong theo tai tu den de la co duoc nhung mot nay do ve tren giua hoac cung nhu ' +
    'thuc hien trien khai tang cuong day manh to chuc chu tri phoi hop nham bao dam dam bao tiep tuc ' +
    'nang cao hieu qua kip thoi dong bo quyet liet nghiem tuc chu dong tich cuc ' +
    'cac bo nganh dia phuong co quan don vi lien quan'
  ).split(' '),
);

export function syllables(text: string): string[] {
  return fold(text)
    .split(' ')
    .filter((w) => w && !/^\d+$/.test(w));
}

/** Unigram and bigram terms of a text (bigrams skip across stop words only inside one phrase). */
export function terms(text: string): string[] {
  const syl = syllables(text);
  const out: string[] = [];
  for (let i = 0; i < syl.length; i++) {
    if (!STOP.has(syl[i])) out.push(syl[i]);
    if (i + 1 < syl.length && !(STOP.has(syl[i]) && STOP.has(syl[i + 1]))) out.push(`${syl[i]}_${syl[i + 1]}`);
  }
  return out;
}

export type Vector = Map<string, number>;

/** Inverse document frequencies from a collection of texts (the documents' own units and sections). */
export class Idf {
  private readonly df = new Map<string, number>();
  private n = 0;

  add(text: string): void {
    this.n++;
    for (const t of new Set(terms(text))) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** Document frequencies from elsewhere (the database), merged in. */
  addCounts(counts: Map<string, number>, documents: number): void {
    for (const [t, c] of counts) this.df.set(t, (this.df.get(t) ?? 0) + c);
    this.n += documents;
  }

  idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (this.n + 1) / (df + 0.5));
  }

  vector(text: string): Vector {
    const tf = new Map<string, number>();
    for (const t of terms(text)) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = (1 + Math.log(c)) * this.idf(t) * (t.includes('_') ? 1.5 : 1);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  }
}

export function termCounts(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms(text)) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/**
 * BM25 (k1 1.2, b 0.75, as SQLite FTS5's bm25()) of a query against a unit, divided by the
 * query's score against itself so that it reads on the same 0–1 scale as the cosine.
 */
export function bm25(idf: Idf, q: Map<string, number>, d: Map<string, number>, dlen: number, avgdl: number): number {
  const k1 = 1.2;
  const b = 0.75;
  const one = (doc: Map<string, number>, len: number) => {
    let s = 0;
    for (const t of q.keys()) {
      const f = doc.get(t) ?? 0;
      if (f) s += idf.idf(t) * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * len) / avgdl)));
    }
    return s;
  };
  const self = one(q, [...q.values()].reduce((a, x) => a + x, 0));
  return self ? one(d, dlen) / self : 0;
}

export function cosine(a: Vector, b: Vector): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [t, w] of a) {
    const x = b.get(t);
    if (x) s += w * x;
  }
  return s;
}

/**
 * Share of the superior text's weight that the plan text contains (asymmetric): a plan item may
 * say much more than the superior's sentence and still carry it entirely.
 */
export function containment(sup: Vector, plan: Vector): number {
  let s = 0;
  let total = 0;
  for (const [t, w] of sup) {
    total += w * w;
    if (plan.has(t)) s += w * w;
  }
  return total ? s / total : 0;
}

/** Split a task into its action sentences ("… . …; …"), keeping pieces long enough to mean something. */
export function actionSentences(text: string, clauses = false): string[] {
  const parts = text
    .replace(/^[-+•*]\s*/, '')
    // sentences (or clauses at ";"): each is one point of work the plan must carry
    .split(clauses ? /(?<=[.;!?])\s+(?=\p{Lu})|;\s+(?=\p{Ll})/u : /(?<=[.!?])\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    // a lead-in ("Tập trung triển khai tốt các nội dung sau:") announces points, it is not one
    .filter((s) => syllables(s).length >= 5 && !/:$/.test(s));
  return parts.length ? parts : [text];
}
