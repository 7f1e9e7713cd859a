import { TracedBuilder, replaceTraced, type Traced } from './traced.js';

/**
 * Furniture of whole-page Markdown exports of legal websites (thuvienphapluat.vn): a copyright
 * banner, the document's metadata table ("Số hiệu:", … "Tình trạng:"), an editorial summary, and
 * after the signature the page title, "Văn bản liên quan", the site's notices and login dialogs.
 * None of it is the document, and its bullets and dates would be read as the document's own, so
 * only the span between the metadata table and the page title is kept. Exports that hold the
 * document body alone have none of these markers and pass through untouched.
 */

// The metadata table always closes with the "Tình trạng" row (validity status).
const META_LAST = /^\**\s*Tình trạng:\s*\**\s*$/;
const META_AREA = /^(?:Đang tải văn bản|#\s*$|\**\s*(?:Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|Số công báo|Tình trạng):)/;
// Lines that open the page's trailer; the line before each of them repeats the page title.
const TRAILER = /^(?:Văn bản này chưa cập nhật nội dung Tiếng Anh|##\s*Văn bản liên quan\b|##\s*Văn bản gốc\b)/;
const EMPTY_MARKUP = /^[*_\s]*$/;
const SUMMARY_END = /^Xem (?:thêm |nội dung |chi tiết )*(?:chi tiết|nội dung|tại)/;

interface LineSpan {
  s: number;
  e: number;
}

function lineSpans(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  let s = 0;
  for (;;) {
    const nl = text.indexOf('\n', s);
    if (nl < 0) {
      out.push({ s, e: text.length });
      return out;
    }
    out.push({ s, e: nl });
    s = nl + 1;
  }
}

/** [start, end) of the document inside a whole-page export, or null when there is no furniture. */
export function documentBounds(text: string): { start: number; end: number } | null {
  if (!text.includes('Tình trạng:') && !text.includes('Văn bản liên quan')) return null;
  const lines = lineSpans(text);
  const line = (i: number) => text.slice(lines[i].s, lines[i].e).trim();
  let first = 0;
  // The metadata table sits near the top; look for its last row only there so that a body line
  // quoting "Tình trạng:" cannot cut the document.
  const loading = lines.findIndex((_, i) => i < 200 && /^Đang tải văn bản/.test(line(i)));
  if (loading >= 0) {
    let last = -1;
    for (let i = loading; i < Math.min(lines.length, loading + 120); i++) {
      const l = line(i);
      if (META_LAST.test(l)) last = i;
      else if (last >= 0 && i > last + 3) break;
    }
    if (last >= 0) {
      // "Tình trạng:" | value |
      let i = last + 1;
      let pipes = 0;
      while (i < lines.length && pipes < 2 && i <= last + 6) {
        if (line(i) === '|') pipes++;
        i++;
      }
      first = i;
    } else {
      let i = loading + 1;
      while (i < lines.length && (META_AREA.test(line(i)) || line(i) === '|' || i < loading + 3)) i++;
      first = i;
    }
    // The editorial summary: a "## heading" and unwrapped paragraphs up to the header table.
    if (first < lines.length && /^##\s/.test(line(first))) {
      let end = -1;
      for (let i = first + 1; i < Math.min(lines.length, first + 200); i++) {
        const l = line(i);
        if (l === '|') {
          end = i;
          break;
        }
        if (SUMMARY_END.test(l)) {
          end = i + 1;
          break;
        }
      }
      first = end >= 0 ? end : first + 1;
    }
  }
  let last = lines.length;
  for (let i = first; i < lines.length; i++) {
    if (TRAILER.test(line(i))) {
      last = i;
      // the page title just above the trailer (never a table pipe: the signature table ends there)
      if (last > first && line(last - 1) !== '|' && !EMPTY_MARKUP.test(line(last - 1))) last--;
      while (last > first && EMPTY_MARKUP.test(line(last - 1)) && line(last - 1) !== '') last--;
      break;
    }
  }
  if (first === 0 && last === lines.length) return null;
  const start = first < lines.length ? lines[first].s : text.length;
  const end = last < lines.length ? lines[last].s : text.length;
  return { start, end: Math.max(start, end) };
}

/** Keep only the document of a whole-page export (offsets of kept text stay exact). */
export function keepDocument(t: Traced): Traced {
  const b = documentBounds(t.text);
  let out = t;
  if (b && (b.start > 0 || b.end < t.text.length)) {
    out = new TracedBuilder(t).copy(b.start, b.end).build(t.map[b.end]);
  }
  // A paywall note glued into an English translation that the site shows only in part.
  if (!out.text.includes('Thành viên Pro')) return out;
  return replaceTraced(out, /\s*(?:\.\.\.\s*){2,}Hãy đăng nhập hoặc đăng ký Thành viên Pro[^\n]*?(?:tiếng Anh|văn bản)\.?/g, () => '\n');
}
