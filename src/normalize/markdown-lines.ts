/**
 * What a printed line of a Vietnamese administrative document can start with. The Markdown layout
 * pass uses these to tell a real line start from a hard wrap; they describe the document genre
 * (Decree 30/2020/NĐ-CP layout), not any one document.
 *
 * JavaScript's \b is ASCII-only, so word ends after Vietnamese letters are written (?=\s|$|…).
 */

export type Role = 'text' | 'issuer' | 'motto' | 'number' | 'date' | 'recipients' | 'signature';

/** Rules and decorations under the issuer and the motto: "-------", "___", "***", a lone "*". */
export const RULE = /^(?:[-_=~*•.·–]\s*){3,}$|^\*$/u;

export const BULLET = /^(?:[-+•●▪◦–]\s+\S|[-+•]$)/u;

const END = '(?=\\s|$|[.,:;)])';

/**
 * Section labels that open a paragraph: "Phần I", "Chương II", "Mục 1", "Điều 5.", "II.", "1.",
 * "1.2", "a)", "(1)", "[1]" (footnote text). A bare "Điều 5" is a reference inside a sentence
 * ("quy định tại Điều 5 Nghị định này") that a wrap happened to put first, so an article heading
 * needs its dot or colon; numbers above 999 are years and
 * "80.000 ha" a quantity, not labels.
 */
export const LABEL = new RegExp(
  [
    `(?:PHẦN|Phần)\\s+(?:THỨ\\s+|thứ\\s+)?[IVXLC\\d]+${END}`,
    `(?:CHƯƠNG|Chương)\\s+[IVXLC\\d]+${END}`,
    `(?:MỤC|Mục)\\s+\\d+${END}`,
    'Điều\\s+\\d+[a-zđ]?\\s*[.:]',
    '[IVXLC]{1,6}[.\\-–](?:\\s|$)',
    '\\d{1,3}(?:\\.\\d{1,2})*[.)](?:\\s|$)',
    '\\d{1,3}(?:\\.\\d{1,2})+\\s',
    '[a-zđ]\\d?[).](?:\\s|$)',
    '\\((?:\\d{1,3}|[a-zđ])\\)\\s',
    '\\[\\d{1,3}\\]',
  ]
    // a quoted amendment ("“Điều 13. …", "“b) …") starts its line like the text it replaces
    .map((p) => `^["“‘]?${p}`)
    .join('|'),
  'u',
);

/** Words that are always followed by their number, so a line cannot end with them. */
export const NUMBERED_END =
  /(?:^|\s)["“‘(]?(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Khoản|khoản|Điểm|(?:tại|theo|và|các) điểm|Phụ lục|PHỤ LỤC)$/u;

/** "Hà Nội, ngày 24 tháng 11 năm 2025", "TP. Hồ Chí Minh, ngày …". */
export const PLACE_DATE = /^[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,5}\s*,\s*ngày(?=\s|$|[.…\d])/u;

/** Lines of the header block and of the closing that always start a line. */
export const HEADER_START = new RegExp(`^(?:Số\\s*:|Độc lập\\s*[-–]\\s*Tự do|Kính gửi${END}|Nơi nhận${END}|V\\/v${END})`, 'u');

/** The document kind printed on a line of its own ("KẾ HOẠCH", "QUYẾT ĐỊNH:", "PHỤ LỤC II"). */
export const KIND_LINE =
  /^(?:KẾ HOẠCH|QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ|NGHỊ QUYẾT(?: LIÊN TỊCH)?|NGHỊ ĐỊNH|THÔNG TƯ(?: LIÊN TỊCH)?|THÔNG BÁO|CÔNG ĐIỆN|CÔNG VĂN|HƯỚNG DẪN|BÁO CÁO|TỜ TRÌNH|QUY ĐỊNH|QUY CHẾ|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|KẾT LUẬN|ĐỀ ÁN|LUẬT|PHỤ LỤC|BIÊN BẢN|VĂN BẢN HỢP NHẤT|LỆNH|PHƯƠNG ÁN|ĐIỀU LỆ)(?:\s+(?:SỐ\s+)?[IVXLC\d]+[a-zA-Z]?)?\s*:?$/u;

/** A unit name that starts a new line of the issuer block ("ỦY BAN NHÂN DÂN" / "TỈNH HÀ TĨNH"). */
export const ORG_START = new RegExp(
  `^(?:ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|BỘ|CỤC|CHI CỤC|TỔNG CỤC|SỞ|BAN|VỤ|TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|ĐẶC KHU|VĂN PHÒNG|TRUNG TÂM|THUẾ|KHO BẠC|ĐẢNG BỘ|ĐẢNG [ỦU]Y|TỈNH [ỦU]Y|THÀNH [ỦU]Y|HUYỆN [ỦU]Y|MẶT TRẬN|TRƯỜNG|BỆNH VIỆN|VIỆN|ĐOÀN|HỘI|CÔNG TY|TẬP ĐOÀN|TỔNG CÔNG TY|NGÂN HÀNG|KIỂM TOÁN|TÒA ÁN|TOÀ ÁN|CÔNG AN|BỘ CHỈ HUY|BỘ TƯ LỆNH|QUÂN KHU|HẢI QUAN|BẢO HIỂM)${END}`,
  'u',
);

/** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. BỘ TRƯỞNG", "Q. GIÁM ĐỐC". */
export const SIGN_PREFIX = /^(?:(?:T\/?M|K\/?T|T\/?L|TUQ|Q|PP)\s?\.|T\/M|K\/T|T\/L)\s?\S/u;

/** The signer's title, printed on its own line under "KT. …". */
export const SIGN_TITLE = new RegExp(
  `^(?:PHÓ|CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|CHI CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|VỤ TRƯỞNG|TRƯỞNG(?: BAN| PHÒNG| ĐOÀN)?|CHÁNH VĂN PHÒNG|CHÁNH THANH TRA|CHÁNH ÁN|VIỆN TRƯỞNG|BÍ THƯ|CHỦ NHIỆM|TỔNG KIỂM TOÁN|THỐNG ĐỐC|TỔNG THƯ KÝ|THỦ TRƯỞNG|ỦY VIÊN|UỶ VIÊN|KIỂM TOÁN TRƯỞNG)${END}`,
  'u',
);

/** A person's name: two to six capitalised words ("Trương Việt Dũng"). */
export const NAME_LINE = /^(?:[\p{Lu}][\p{Ll}]*\.?\s+){1,5}[\p{Lu}][\p{Ll}]+$/u;

/** Words that continue a name across a wrap ("BỘ NÔNG NGHIỆP VÀ" / "MÔI TRƯỜNG"). */
export const CONNECTOR_END = /(?:\s(?:VÀ|CỦA|VỚI|và|của|với)|[,&\-–/])$/u;
export const CONNECTOR_START = /^(?:VÀ|CỦA|VỚI|và|của|với|&)(?=\s|$)/u;

export function isUpper(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/** What a cell of a layout table holds, from its text lines. */
export function cellRole(lines: string[]): Role {
  if (!lines.length) return 'text';
  const first = lines[0];
  const all = lines.join(' ');
  if (/CỘNG H(?:ÒA|OÀ) XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do/u.test(all)) return 'motto';
  if (/^(?:Nơi nhận|Kính gửi)(?=\s|$|:)/u.test(first)) return 'recipients';
  if (/^Số(?:\s*:|\s+\d|\s*$)/u.test(first)) return 'number';
  if (PLACE_DATE.test(all)) return 'date';
  if (lines.length <= 8 && lines.some((l) => SIGN_PREFIX.test(l))) return 'signature';
  if (lines.length <= 6 && lines.some((l) => SIGN_TITLE.test(l) && isUpper(l)) && NAME_LINE.test(lines[lines.length - 1]))
    return 'signature';
  return 'text';
}
