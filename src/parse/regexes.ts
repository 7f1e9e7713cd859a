/**
 * Patterns of the parse stage, in one place (as eyecite keeps its regexes). All apply to one
 * clean-text paragraph (a line), anchored at its start unless the name says otherwise.
 */

/** Valid Roman numerals up to 39 (documents never go further), so "CV" or "MC" are not read as numbers. */
export const ROMAN = String.raw`(?:XXX|XX|X)?(?:IX|IV|VI{0,3}|I{1,3})|(?:XXX|XX|X)`;

export const LABELS = {
  part: new RegExp(String.raw`^(?:PHẦN|Phần)\s+((?:THỨ|Thứ)\s+[\p{L}]+|${ROMAN}|\d{1,2})\b\s*[.:\-–]?\s*`, 'u'),
  chapter: new RegExp(String.raw`^(?:CHƯƠNG|Chương)\s+(${ROMAN}|\d{1,2})\b\s*[.:\-–]?\s*`, 'u'),
  division: new RegExp(String.raw`^(?:MỤC|Mục)\s+(\d{1,2}|${ROMAN})\s*(?:[.:\-–]\s*|\s+(?=\p{Lu}))`, 'u'),
  article: /^(?:Điều|ĐIỀU)\s+(\d{1,3}[a-z]?)\s*[.:]\s*/u,
  roman: new RegExp(String.raw`^(${ROMAN})\s*[.\-–—)]\s*(?=\S)`, 'u'),
  dotted: /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+|(?=\p{Lu}))(?=\S)/u,
  // "1." "1)" and the party style "1- " (Nghị quyết of the Central Committee)
  arabic: /^(\d{1,2})\s?(?:\.(?!\d)|\)|-(?=\s))\s*(?=\S)/u,
  letter: /^([a-zđ])\s?\)\s*(?=\S)/u,
  paren: /^\((\d{1,2}|[a-zđ])\)\s*(?=\S)/u,
};

/** Bullets: "-", "+", "•", "*", "–", "○", "▪" at a paragraph start. */
export const BULLET = /^[-+•*–—○▪►✓·]\s*(?=\S)/u;

/** The national motto and its parts: header furniture, never a section or a title. */
export const MOTTO = /^(?:CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)/iu;

/** "Số: 94/KH-UBND", "Số 74-KH/TU", "Số: /KH-UBND" (blank number). */
export const NUMBER_LINE = /^(?:(?:Luật|Nghị quyết|Pháp lệnh|Lệnh|Nghị định|Quyết định|LUẬT|NGHỊ QUYẾT|PHÁP LỆNH)\s+)?(?:Số|SỐ|Sô|số)\s*[:.]?\s*(.*)$/u;

/** "<place>, ngày 20 tháng 11 năm 2024" — day and month may be blank or dotted. */
export const PLACE_DATE =
  /^(?:(.{2,60}?)\s*,?\s*)?ngày\s*(\d{1,2}|[.…_ ]*)\s*tháng\s*(\d{1,2}|[.…_ ]*)\s*năm\s*(\d{4})/iu;

/** A news dateline: "16:31 | 23/04/2018", "Thứ Hai, 23/04/2018 16:31". */
export const DATELINE = /(?:^|\|\s*|,\s*)(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s|$)/;

/** Start of the recipients list. */
export const RECIPIENTS = /^(?:Nơi nhận|NƠI NHẬN)\s*:?/u;
export const ADDRESSEES = /^(?:Kính gửi|KÍNH GỬI)\s*:?\s*/u;

/** Signature block titles ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Q. GIÁM ĐỐC"). */
export const SIGNATURE_TITLE =
  /^(?:(?:TM|KT|TL|TUQ|Q|TM\.\s?BAN|T\/M)\s?\.\s?|\(?(?:Đã ký|đã ký|Ký|ký)\)?\s*$)|^(?:PHÓ\s+)?(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|BÍ THƯ|PHÓ BÍ THƯ|TỔNG BÍ THƯ|THỨ TRƯỞNG|CHỦ NHIỆM|TRƯỞNG PHÒNG|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|CHI CỤC TRƯỞNG|TRƯỞNG ĐOÀN|THƯỜNG TRỰC|TỔ TRƯỞNG|HIỆU TRƯỞNG|ỦY VIÊN|UỶ VIÊN)\b/u;

/** A person's name: 2–5 capitalised syllables ("Nguyễn Thị Thanh Hằng") or the same in capitals. */
export const PERSON_NAME = /^(?:(?:[\p{Lu}][\p{Ll}]*)(?:\s+[\p{Lu}][\p{Ll}]*){1,4}|(?:[\p{Lu}]{1,7})(?:\s+[\p{Lu}]{1,7}){1,4})$/u;

/** An attached document after the signature: "PHỤ LỤC", "QUY CHẾ", "(Kèm theo Quyết định số …)". */
export const ATTACHMENT_START =
  /^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|KẾ HOẠCH|ĐỀ ÁN|HƯỚNG DẪN|DANH MỤC|DANH SÁCH|ĐIỀU LỆ|PHƯƠNG ÁN|NỘI QUY|BẢNG)\b|^\(?\s*(?:Ban hành |Kèm |Được ban hành )?(?:kèm|Kèm)\s+theo\s/u;

/** Closing formulas after the last section ("Trên đây là Kế hoạch …", "Văn phòng … thông báo để …"). */
export const CLOSING =
  /^(?:(?:Nghị quyết|Chỉ thị|Kết luận|Quyết định|Kế hoạch|Thông báo|Công văn) này (?:phổ biến|được phổ biến|có hiệu lực)|Trên đây là|Trên đây|Yêu cầu (?:các|Thủ trưởng|Giám đốc)|Quá trình (?:tổ chức )?thực hiện|Trong quá trình (?:tổ chức )?(?:triển khai )?thực hiện|Văn phòng .{0,80}thông báo để|Nhận được (?:Công văn|văn bản)|Đề nghị các .{0,60}(?:khẩn trương|nghiêm túc) (?:triển khai|thực hiện))/u;
