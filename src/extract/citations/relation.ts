import type { ParsedDocument, Relation } from '../../models.js';
import type { Mention } from './find.js';
import { STRENGTH, kindOfWord, patterns } from './patterns.js';

/**
 * Relations (extraction.md §7). Two kinds of cue decide them:
 *  - a list cue opens a sentence or a ';' item of the title or the opening and governs every
 *    reference listed after it ("Căn cứ A; B; C" — one "Căn cứ" for the whole list);
 *  - a local cue is printed right before a reference's kind word ("… về thực hiện Chỉ thị số 11").
 * A local implements-cue after another numbered reference in the same clause is a chained clause:
 * the text says that reference implements this one ("Kế hoạch số 5646/KH-SYT … về thực hiện Chỉ thị
 * số 11/CT-UBND"), and only the nearest head gets the edge. Otherwise a cue speaks for the citing
 * document, and implements / based_on count only in the title, the opening, or a closing sentence
 * that describes the document ("Trên đây là Kế hoạch thực hiện …"): elsewhere a document is doing
 * its work, and what it names there is a mention.
 */

export type Context = 'title' | 'opening' | 'closing' | 'body';

interface Block {
  start: number;
  end: number;
  context: Context;
}

export interface Cue {
  text: string;
  start: number;
  end: number;
}

export interface Assertion {
  mention: Mention;
  /** Relation from the citing document itself. */
  self: Relation;
  selfCue: Cue | null;
  /** Chained clause: the document that, per the text, implements this one ("self" for the citing document). */
  chainFrom: string | null;
  chainCue: Cue | null;
  /** The local cue that gave `self`, passed on to references listed after this one. */
  local: LocalCue | null;
}

const norm = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Paragraphs grouped into blocks that are read as running text: the title (which may wrap over
 * several lines) is one block, and a line that continues the previous one (a wrap: no closing
 * punctuation, next line in lower case) joins it.
 *
 * The opening is the preamble's running text. A letter without numbered sections keeps its
 * requests in the preamble zone too ("Sở Y tế đề nghị các đơn vị: - Tiếp tục thực hiện Công văn
 * số …"): bullets, and what follows a line that introduces requests, are the body of the letter
 * unless they open with a cue of their own ("- Căn cứ Luật …").
 */
function blocks(doc: ParsedDocument): Block[] {
  const p = patterns();
  const paras = [...doc.tree.paragraphs].sort((a, b) => a.start - b.start);
  const title = doc.header.spans.title;
  const out: Block[] = [];
  let titleBlock: Block | null = null;
  let prevText = '';
  let requests = false;
  let listIntro = false;
  for (const para of paras) {
    if (title && para.start < title.end && para.end > title.start) {
      if (!titleBlock) out.push((titleBlock = { start: Math.min(para.start, title.start), end: Math.max(para.end, title.end), context: 'title' }));
      else titleBlock.end = Math.max(titleBlock.end, para.end);
      prevText = '';
      continue;
    }
    let context: Context = para.zone === 'preamble' ? 'opening' : para.zone === 'closing' ? 'closing' : 'body';
    const prev = out[out.length - 1];
    if (context === 'opening') {
      const opensWithCue = p.listCue.test(para.text.replace(p.linePrefix, ''));
      // "Căn cứ:" followed by "- Luật …;" "- Nghị định …;": the cue governs the bulleted list
      if (listIntro && prev && para.kind === 'bullet' && !opensWithCue) {
        prev.end = para.end;
        continue;
      }
      listIntro = opensWithCue && /:\s*$/u.test(para.text);
      if (requests || ((para.kind === 'bullet' || para.kind === 'table-row') && !opensWithCue)) context = 'body';
      if (p.requestIntro.test(para.text)) requests = true;
    } else listIntro = false;
    const wraps = /(?:^|[^.;:!?])$/u.test(prevText) && (/^\p{Ll}/u.test(para.text) || /(?:số|của|và|ngày|[-/])$/u.test(prevText));
    if (prev && prev.context === context && para.kind === 'text' && prevText && wraps) {
      prev.end = para.end;
      prevText = para.text;
      continue;
    }
    out.push({ start: para.start, end: para.end, context });
    prevText = para.kind === 'table-row' ? '' : para.text;
  }
  return out;
}

/** Offsets where the sentences of a block start. */
function sentenceStarts(text: string, b: Block): number[] {
  const s = text.slice(b.start, b.end);
  const starts = [b.start];
  for (const m of s.matchAll(/[.!?…](?:\/\.)?["”’)]*\s+(?=[“"(\-–•+*]?\s*[\p{Lu}\d])/gu)) {
    const word = /(\S+)$/u.exec(s.slice(Math.max(0, m.index! - 12), m.index! + 1))?.[1] ?? '';
    // abbreviations end in a dot without ending the sentence: "TP. Hà Nội", "No. 40", "V/v."
    if (/^(?:TP|Tp|tp|No|Nos|St|Mr|Ms|Dr|[Vv]\/[Vv]|\p{Lu}|\d{1,2}|[IVX]+)\.$/u.test(word)) continue;
    starts.push(b.start + m.index! + m[0].length);
  }
  return starts;
}

function isKindPhrase(words: string): boolean {
  const [a, b, c] = words.split(/\s+/u);
  return [a, `${a} ${b}`, `${a} ${b} ${c}`].some((w) => kindOfWord(w ?? '') !== undefined);
}

/**
 * Does a new clause start in text[a, b)? ", UBND tỉnh ban hành …" starts the main clause after a
 * list of references; ", Chương trình hành động số …" continues the list; ", ngày …", ", tầm nhìn …"
 * belong to a reference's description. Text in parentheses and quotes is skipped.
 */
function clauseBreak(text: string, a: number, b: number): boolean {
  return clauseBreakAt(text, a, b) >= 0;
}

/** Offset of the first new clause in text[a, b) (see clauseBreak), or -1. */
function clauseBreakAt(text: string, a: number, b: number): number {
  const s = text.slice(a, b).replace(/\([^()]*\)|“[^”]*”|"[^"]*"/gu, (x) => ' '.repeat(x.length));
  for (const m of s.matchAll(/[,]\s+(\p{Lu}[\p{L}\d]*(?:\s+[\p{L}\d]+){0,2})/gu)) {
    if (/^(?:Số|No\.?)\b/u.test(m[1])) continue;
    if (!isKindPhrase(m[1])) return a + m.index!;
  }
  return -1;
}

/**
 * "Thực hiện Nghị quyết số 66/NQ-CP …, các bộ, ngành đã tập trung triển khai …": when the main
 * clause the cue introduces is in the past tense, the sentence reports work already done, not
 * what the citing document does (§7 "the past work of others"). Likewise "Thực hiện Nghị quyết
 * số 68-NQ/TW … thì hộ kinh doanh không áp dụng …" states a consequence of the cited document.
 */
function reportsPastWork(text: string, from: number, sentenceEnd: number): boolean {
  const at = clauseBreakAt(text, from, sentenceEnd);
  const rest = text.slice(from, sentenceEnd);
  const then = rest.search(/\sthì\s/u);
  if (then >= 0 && (at < 0 || from + then < at)) return true;
  if (at >= 0) return /^[^.;:]{0,100}?\s(?:đã|vừa)\s/u.test(text.slice(at, Math.min(sentenceEnd, at + 140)));
  // the main clause may open in lower case: "…, các bộ, cơ quan ngang bộ đã tập trung …"
  return /^[^;.]*?,[^;.,]{0,100}?\s(?:đã|vừa)\s/u.test(rest);
}

/**
 * A ';' item that opens with a capitalised word which is not a kind word ("…; UBND tỉnh yêu cầu …")
 * is a new clause, not one more item of the list the cue governs.
 */
function itemContinuesList(item: string): boolean {
  const t = item.replace(patterns().linePrefix, '');
  if (!/^\p{Lu}/u.test(t) || isKindPhrase(t)) return true;
  return /^(?:Các|Số|Điều|Khoản|Điểm|Mục|Chương|Phần|Ý kiến|Chỉ đạo|Đề nghị|Kết luận|Thông báo)(?![\p{L}])/u.test(t);
}

interface ListCue extends Cue {
  relation: Relation;
  /** The main clause is in the past tense: the sentence reports work done. */
  past: boolean;
  bare: boolean;
  sentenceStart: number;
}

/** The list cue governing a reference whose kind phrase starts at `pos`. */
function governingCue(text: string, sentenceStart: number, pos: number, sentenceEnd: number): ListCue | null {
  const p = patterns();
  const seg = text.slice(sentenceStart, pos);
  const itemStarts = [0, ...[...seg.matchAll(/;/g)].map((m) => m.index! + 1)];
  for (let i = itemStarts.length - 1; i >= 0; i--) {
    let k = itemStarts[i];
    k += p.linePrefix.exec(seg.slice(k))![0].length;
    const vv = /^(?:V\/v|V\/V|v\/v|Về việc|VỀ VIỆC|Về|VỀ)\s*:?\s*(?=\S)/u.exec(seg.slice(k));
    const afterVv = vv ? k + vv[0].length : k;
    const m = p.listCue.exec(seg.slice(afterVv));
    if (m) {
      const start = sentenceStart + afterVv;
      const end = start + m[0].length;
      // a new clause inside the reference's own item ends the list ("…, UBND tỉnh ban hành …");
      // earlier items may hold commas of their own ("của Ủy ban Thường vụ Quốc hội, Chính phủ và …")
      if (clauseBreak(text, Math.max(end, sentenceStart + itemStarts[itemStarts.length - 1]), pos)) return null;
      let relation = p.listCueRelation.get(norm(m[0])) ?? 'mentions';
      const past = relation === 'implements' && reportsPastWork(text, pos, sentenceEnd);
      if (past) relation = 'mentions';
      return { text: m[0], start, end, relation, past, bare: norm(m[0]) === 'theo', sentenceStart };
    }
    if (i > 0 && !itemContinuesList(seg.slice(itemStarts[i]))) return null;
  }
  return null;
}

interface LocalCue extends Cue {
  relation: Relation;
  past: boolean;
}

/** The local cue printed right before text position `pos` (the start of a reference's kind phrase). */
function localCue(text: string, from: number, pos: number): LocalCue | null {
  const p = patterns();
  const slice = text.slice(Math.max(from, pos - 160), pos);
  const m = p.localCue.exec(slice);
  if (!m) return null;
  const start = pos - slice.length + m.index!;
  const cueText = m[1];
  const relation = p.localCueRelation.get(norm(cueText)) ?? 'mentions';
  const past = relation === 'implements' && p.pastWork.test(text.slice(Math.max(from, start - 60), start));
  return { text: cueText, start, end: start + cueText.length, relation, past };
}

/**
 * Between a head reference and a chain cue, an unnumbered document name that is not what the head
 * issues is the real head ("139/KH-UBND … về thực hiện 71/NQ-CP … và Kế hoạch hành động của Ban
 * Thường vụ Thành ủy về triển khai 57-NQ/TW": the clause is about that Kế hoạch hành động).
 */
function unnumberedHead(text: string, a: number, b: number): boolean {
  const p = patterns();
  const s = text.slice(a, b);
  for (const m of s.matchAll(p.documentName)) {
    if (p.passThroughBefore.test(text.slice(a, a + m.index!))) continue; // "về ban hành Chương trình hành động …"
    return true;
  }
  return false;
}

function strongest(...rels: (Relation | null)[]): Relation | null {
  let best: Relation | null = null;
  for (const r of rels) if (r && (!best || STRENGTH[r] > STRENGTH[best])) best = r;
  return best;
}

/**
 * Decide, for every mention, its relation from the citing document and any chained clause.
 * `isOwn` tells the document's own number (never a citation, but a chain head that means "self").
 */
export function assertRelations(doc: ParsedDocument, mentions: Mention[], isOwn: (m: Mention) => boolean, news: boolean): Assertion[] {
  const p = patterns();
  const text = doc.tree.text;
  const out: Assertion[] = [];
  const blockList = blocks(doc);
  let bi = 0;
  let prevInBlock: { block: Block; list: Assertion[] } | null = null;
  /** Listed right after `head` ("A, B", "A và B"): B shares the cue that governs A. */
  const coordinated = (head: Mention, m: Mention): boolean => {
    const sep = text.slice(Math.min(head.tailEnd, m.kindStart), m.kindStart);
    return /^\s*(?:,\s*)?(?:và|cùng)\s*$/u.test(sep) || (/^\s*,\s*$/u.test(sep) && !head.issuer);
  };
  let starts: number[] = [];
  for (const m of mentions) {
    while (bi < blockList.length - 1 && blockList[bi].end <= m.start && blockList[bi + 1].start <= m.start) bi++;
    const block = blockList[bi];
    if (!block) continue;
    if (!prevInBlock || prevInBlock.block !== block) {
      prevInBlock = { block, list: [] };
      starts = sentenceStarts(text, block);
    }
    const sIndex = starts.findLastIndex((s) => s <= m.kindStart);
    const sStart = sIndex >= 0 ? starts[sIndex] : block.start;
    const sEnd = sIndex >= 0 && sIndex + 1 < starts.length ? starts[sIndex + 1] : block.end;
    const itemStart = Math.max(sStart, text.lastIndexOf(';', m.kindStart - 1) + 1);
    const a: Assertion = { mention: m, self: 'mentions', selfCue: null, chainFrom: null, chainCue: null, local: null };
    out.push(a);
    if (m.inAliasDefinition) continue;

    const sentence = text.slice(sStart, m.kindStart).replace(p.linePrefix, '');
    const selfCtx = block.context === 'title' || block.context === 'opening' || (block.context === 'closing' && p.selfClosing.test(sentence));
    let local = localCue(text, itemStart, m.kindStart);
    const earlier = prevInBlock.list.filter((x) => x.mention.end <= (local?.start ?? m.kindStart) && x.mention.start >= itemStart && !x.mention.inAliasDefinition);
    const head = earlier[earlier.length - 1];
    prevInBlock.list.push(a);

    // A chained clause: "<head> … về thực hiện <this>".
    if (local && local.relation === 'implements' && head && !local.past) {
      const purpose = p.purposeBefore.test(text.slice(Math.max(itemStart, local.start - 20), local.start));
      if (!purpose && !clauseBreak(text, head.mention.end, local.start)) {
        if (unnumberedHead(text, head.mention.end, local.start)) continue; // the clause is about a document without a number
        chain(a, isOwn(head.mention) ? 'self' : head.mention.ref, local);
        continue;
      }
    }
    if (!local && head && coordinated(head.mention, m)) {
      // "… về thực hiện Nghị quyết A và Nghị quyết B": B is in the same chain
      if (head.chainFrom) {
        chain(a, head.chainFrom, head.chainCue!);
        continue;
      }
      // "được hướng dẫn tại các công văn số 695/TCHQ-GSQL …, 4032/TCHQ-GSQL …": the same cue
      if (head.local) local = head.local;
    }
    if (news) continue; // a news article reports on documents; it implements nothing itself

    const list = governingCue(text, sStart, m.kindStart, sEnd);
    let listRel: Relation | null = list?.relation ?? null;
    // "Theo Công văn số … của Sở Y tế hướng dẫn …": the document it follows is a guide
    if (list?.bare && /^[\s,]*(?:về\s+(?:việc\s+)?)?hướng dẫn/iu.test(text.slice(m.tailEnd, m.tailEnd + 40))) listRel = 'guided_by';
    const allowed = (r: Relation | null): Relation | null => (!r ? null : r === 'implements' || r === 'based_on' ? (selfCtx ? r : null) : r);
    if (local && list?.past && local.start === list.start) local = { ...local, past: true };
    // a title names what the document is for: "Kế hoạch tổng kết 10 năm thực hiện Chỉ thị số …" works on it
    if (local?.past && block.context === 'title') local = { ...local, past: false };
    a.local = local;
    if (local && (local.past || local.relation === 'mentions')) {
      a.self = 'mentions';
      a.selfCue = local.past ? null : local;
      continue;
    }
    const localRel = allowed(local?.relation ?? null);
    const best = strongest(localRel, allowed(listRel));
    if (best) {
      a.self = best;
      a.selfCue = best === localRel && local ? local : list;
    }
  }
  return out;
}

/** Record a chained clause; a chain whose head is the citing document itself is its own relation. */
function chain(a: Assertion, from: string, cue: Cue): void {
  a.chainFrom = from;
  a.chainCue = cue;
  if (from === 'self') {
    a.self = 'implements';
    a.selfCue = cue;
  }
}
