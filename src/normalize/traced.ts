/**
 * Text that remembers where each character came from.
 *
 * Every normalisation pass takes a Traced and returns a new one; `map[i]` is the offset in the
 * original raw text of character i, so evidence found in clean text can always be shown in the
 * raw text (the role of eyecite's SpanUpdater). `map` has one extra slot at the end holding the
 * raw offset just past the last character, so a span's end maps too.
 */
export interface Traced {
  text: string;
  map: Int32Array;
}

/** Wrap raw text: every character maps to itself. */
export function identity(text: string): Traced {
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  return { text, map };
}

/** Appends pieces of a source Traced (copied with their origins) or new text (given an origin). */
export class TracedBuilder {
  private chunks: string[] = [];
  private map: Int32Array;
  private length = 0;
  private lastOrigin = 0;

  constructor(private readonly src: Traced) {
    this.map = new Int32Array(Math.max(16, src.text.length + 1));
  }

  private grow(n: number): void {
    if (this.length + n + 1 <= this.map.length) return;
    let size = this.map.length * 2;
    while (size < this.length + n + 1) size *= 2;
    const next = new Int32Array(size);
    next.set(this.map.subarray(0, this.length));
    this.map = next;
  }

  /** Copy src.text[start, end) keeping each character's origin. */
  copy(start: number, end: number): this {
    if (end <= start) return this;
    this.grow(end - start);
    this.chunks.push(this.src.text.slice(start, end));
    this.map.set(this.src.map.subarray(start, end), this.length);
    this.length += end - start;
    this.lastOrigin = this.src.map[end];
    return this;
  }

  /** Append text that is not in the source, attributed to source offset `at`. */
  insert(text: string, at: number): this {
    if (!text) return this;
    this.grow(text.length);
    const origin = this.src.map[Math.min(Math.max(at, 0), this.src.text.length)];
    this.chunks.push(text);
    this.map.fill(origin, this.length, this.length + text.length);
    this.length += text.length;
    this.lastOrigin = origin;
    return this;
  }

  /** Current length of the text built so far. */
  get size(): number {
    return this.length;
  }

  /** Last character appended, or '' when empty. */
  lastChar(): string {
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const c = this.chunks[i];
      if (c.length) return c[c.length - 1];
    }
    return '';
  }

  build(endOrigin?: number): Traced {
    const text = this.chunks.join('');
    const map = new Int32Array(text.length + 1);
    map.set(this.map.subarray(0, this.length));
    map[text.length] = endOrigin ?? (this.length ? this.lastOrigin : this.src.map[this.src.text.length]);
    return { text, map };
  }
}

/**
 * Replace every match of `re` (must be global) by what `fn` returns. When the replacement is a
 * substring of the match (the common case: stripping markers around kept text) its characters
 * keep their exact origins; otherwise they are attributed to the start of the match.
 */
export function replaceTraced(
  t: Traced,
  re: RegExp,
  fn: (m: RegExpExecArray) => string,
): Traced {
  if (!re.global) throw new Error('replaceTraced needs a global regex');
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let last = 0;
  let b: TracedBuilder | null = null;
  while ((m = re.exec(t.text))) {
    const rep = fn(m);
    if (m[0].length === 0) re.lastIndex++;
    if (rep === m[0]) continue;
    b ??= new TracedBuilder(t);
    b.copy(last, m.index);
    const k = rep ? m[0].indexOf(rep) : -1;
    if (k >= 0) b.copy(m.index + k, m.index + k + rep.length);
    else if (rep) emitWithin(b, rep, m[0], m.index);
    last = m.index + m[0].length;
  }
  if (!b) return t;
  b.copy(last, t.text.length);
  return b.build(t.map[t.text.length]);
}

/**
 * Emit `rep`, a rewrite of `match` (which starts at `at`): runs of `rep` that occur in order inside
 * the match keep their exact origins, the rest is attributed to the nearest copied position.
 */
function emitWithin(b: TracedBuilder, rep: string, match: string, at: number): void {
  let i = 0;
  let j = 0;
  while (i < rep.length) {
    // longest run of rep starting at i found in match at or after j
    let bestLen = 0;
    let bestPos = -1;
    for (let len = rep.length - i; len >= 2; len--) {
      const pos = match.indexOf(rep.slice(i, i + len), j);
      if (pos >= 0) {
        bestLen = len;
        bestPos = pos;
        break;
      }
    }
    if (bestLen) {
      b.copy(at + bestPos, at + bestPos + bestLen);
      i += bestLen;
      j = bestPos + bestLen;
    } else {
      b.insert(rep[i], at + Math.min(j, match.length - 1));
      i++;
    }
  }
}

/** Apply passes in order. */
export function pipe(t: Traced, ...passes: ((t: Traced) => Traced)[]): Traced {
  return passes.reduce((acc, p) => p(acc), t);
}
