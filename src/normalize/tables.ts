import { TracedBuilder, type Traced } from './traced.js';

/**
 * Tables that reach us one cell per line (a text copied out of a web page or a Word table):
 *
 *   TT / Nội dung thực hiện / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian …   (header)
 *   I / KIỆN TOÀN …                                                               (group row)
 *   1 / Tổ chức lại Ban Chỉ huy … / Bộ CHQS tỉnh / Văn phòng Ban Chỉ huy / …      (task row)
 *
 * are put back as "cell | cell" rows, the shape every other reader produces, so that task and
 * target tables are read the same whatever the source. A row starts at a line holding only its
 * number (1, 2, … or I, II, …); the table ends at a section label, "Nơi nhận" or a new heading.
 */
const HEADER_WORDS = /^(?:TT|STT|Số TT|Nội dung(?: thực hiện| công việc| nhiệm vụ)?|Nhiệm vụ(?:, giải pháp)?|Tên nhiệm vụ(?:\/dự án)?|Cơ quan chủ trì|Cơ quan phối hợp|Đơn vị chủ trì|Đơn vị phối hợp|Cơ quan thực hiện|Đơn vị thực hiện|Thời gian(?: hoàn thành| thực hiện| triển khai)?|Sản phẩm(?: dự kiến)?|Kết quả(?: dự kiến)?|Chỉ tiêu|Đơn vị tính|Đơn vị|Ghi chú|Kinh phí|Nguồn kinh phí|Lộ trình|Mục tiêu)$/iu;
const ROW_NUMBER = /^(?:\d{1,3}(?:\.\d{1,2})?|[IVX]{1,5})\.?$/;
const TABLE_END = /^(?:Nơi nhận|NƠI NHẬN|PHỤ LỤC|Phụ lục|TM\.|KT\.|Trên đây)|^(?:[IVX]+\.|Điều \d+\.|Chương )\s/u;

export function verticalTablesPass(t: Traced): Traced {
  if (!/\n(?:TT|STT|Số TT)\n/.test(`\n${t.text}`)) return t;
  const lines: { start: number; end: number; text: string }[] = [];
  let pos = 0;
  for (const raw of t.text.split('\n')) {
    lines.push({ start: pos, end: pos + raw.length, text: raw.trim() });
    pos += raw.length + 1;
  }
  const b = new TracedBuilder(t);
  let copied = 0;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    if (!/^(?:TT|STT|Số TT)$/i.test(lines[i].text)) continue;
    // header: the numbering cell then at least two more known column names, each on its line
    let h = i + 1;
    while (h < lines.length && HEADER_WORDS.test(lines[h].text)) h++;
    const columns = h - i;
    if (columns < 3) continue;
    const rows: number[][] = [[...Array(columns).keys()].map((k) => i + k)];
    let j = h;
    let current: number[] | null = null;
    for (; j < lines.length; j++) {
      const l = lines[j].text;
      if (!l) continue;
      if (TABLE_END.test(l)) break;
      if (ROW_NUMBER.test(l) || /^[.…]{2,}$|^…$/u.test(l)) {
        current = [j];
        rows.push(current);
      } else if (current) current.push(j);
      else break;
    }
    if (rows.length < 2) continue;
    // rewrite: the newlines between the cells of a row become " | "
    for (const row of rows) {
      b.copy(copied, lines[row[0]].start);
      row.forEach((k, n) => {
        if (n) b.insert(' | ', lines[k].start - 1);
        b.copy(lines[k].start + (lines[k].text ? t.text.slice(lines[k].start, lines[k].end).indexOf(lines[k].text) : 0), lines[k].end);
      });
      copied = lines[row[row.length - 1]].end;
    }
    changed = true;
    i = j - 1;
  }
  if (!changed) return t;
  b.copy(copied, t.text.length);
  return b.build(t.map[t.text.length]);
}
