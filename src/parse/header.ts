import { loadJson } from '../lexicon/load.js';
import type { Header, Span } from '../models.js';
import { REF_SOURCE, canonicalRef, parseRef, symbolOf } from '../text/refs.js';
import { isMostlyUpper, properCase } from './case.js';
import {
  ADDRESSEES,
  ATTACHMENT_START,
  BULLET,
  DATELINE,
  LABELS,
  MOTTO,
  NUMBER_LINE,
  PERSON_NAME,
  PLACE_DATE,
  RECIPIENTS,
  SIGNATURE_TITLE,
} from './regexes.js';

export interface Line {
  start: number;
  end: number;
  text: string;
}

export interface HeaderResult {
  header: Header;
  /** Index of the first line after the header block (title, authority line, "Kính gửi"). */
  bodyStart: number;
  /** Index of the line where the signature block starts, or -1. */
  signatureStart: number;
  /** Index of the "Nơi nhận" line, or -1. */
  recipientsStart: number;
}

interface KindEntry {
  name: string;
  codes: string[];
}
let kinds: KindEntry[] | null = null;
export function documentKinds(): KindEntry[] {
  kinds ??= loadJson<{ kinds: KindEntry[] }>('document-kinds.json').kinds;
  return kinds;
}

/** "KẾ HOẠCH" → "Kế hoạch" when the whole line is a kind name (a trailing ':' allowed). */
export function kindHeading(line: string): string | null {
  const t = line.replace(/[:.\s]+$/u, '').trim();
  if (!isMostlyUpper(t)) return null;
  for (const k of documentKinds()) if (t.toUpperCase() === k.name.toUpperCase()) return k.name;
  return null;
}

/** Kind from a symbol's first part: "KH-UBND" → Kế hoạch; a symbol with no kind code is a letter. */
export function kindFromSymbol(symbol: string | null): string | null {
  if (!symbol) return null;
  const code = symbol.split(/[-/]/)[0];
  for (const k of documentKinds()) if (k.codes.some((c) => c.toUpperCase() === code.toUpperCase())) return k.name;
  return null;
}

const REF_IN_LINE = new RegExp(`(${REF_SOURCE})`, 'u');
const BLANK_NUMBER = new RegExp(String.raw`^\s*[.…_]*\s*\/\s*((?:[\p{Lu}][\p{L}\d&]*)(?:\s?[-/]\s?[\p{Lu}][\p{L}\d&]*){0,5})`, 'u');

// A sub-unit printed under its parent body in the header ("ỦY BAN MTTQ … / XÃ LƯƠNG MINH / BAN THƯỜNG TRỰC").
// (\b does not see Vietnamese letters as word characters, hence the explicit lookarounds)
const ORGAN_OF_PARENT = /^(?:BAN THƯỜNG TRỰC|THƯỜNG TRỰC|VĂN PHÒNG|BAN CHỈ ĐẠO|BAN THƯỜNG VỤ|TIỂU BAN|TỔ CÔNG TÁC|BAN TỔ CHỨC|ỦY BAN BẦU CỬ|UỶ BAN BẦU CỬ)(?![\p{L}])/u;
const SELF_NAMED = /^(?:ĐẢNG ĐOÀN|BAN CÁN SỰ ĐẢNG|ĐẢNG ỦY|ĐẢNG UỶ|BAN TUYÊN GIÁO|BAN TỔ CHỨC|BAN DÂN VẬN|BAN KINH TẾ|BAN NỘI CHÍNH|ỦY BAN KIỂM TRA)(?![\p{L}])/u;
const UNIT_OF_LOCALITY = /^(?:SỞ|PHÒNG|TRUNG TÂM|CHI CỤC|CỤC|BAN QUẢN LÝ|BỆNH VIỆN|TRƯỜNG|ĐÀI|BÁO|CÔNG AN|BỘ CHỈ HUY)(?![\p{L}])/u;
const LOCALITY = /(?<![\p{L}])((?:TỈNH|THÀNH PHỐ|QUẬN|HUYỆN|THỊ XÃ|XÃ|PHƯỜNG|ĐẶC KHU|TP\.?)\s.+)$/u;

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bUBND\b/gu, 'Ủy ban nhân dân'],
  [/\bHĐND\b/gu, 'Hội đồng nhân dân'],
  [/\bUBMTTQ\b/gu, 'Ủy ban Mặt trận Tổ quốc'],
  [/\bMTTQ\b/gu, 'Mặt trận Tổ quốc'],
  [/\bTP\.\s?/gu, 'thành phố '],
  [/\bTP\b/gu, 'thành phố'],
];

export function expandIssuer(s: string): string {
  let out = s;
  for (const [re, to] of ABBREVIATIONS) out = out.replace(re, to);
  return out.replace(/\s+/g, ' ').trim();
}

/** A line that opens the body's first section ("I. MỤC TIÊU", "1. …", "Điều 1.", "Chương I"). */
function startsSection(t: string): boolean {
  return LABELS.roman.test(t) || LABELS.article.test(t) || LABELS.arabic.test(t) || LABELS.chapter.test(t) || LABELS.part.test(t);
}

function titleTerminator(line: string): boolean {
  return /^(?:Căn cứ|Thực hiện|Triển khai|Theo đề nghị|Xét đề nghị|Xét Tờ trình|Để|Nhằm|Trong|Thời gian|Ngày|Kính gửi|Qua|Sau|Từ|Hiện nay|Năm)\b/u.test(line);
}

/** A line naming the body that enacts the document ("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "CHÍNH PHỦ"). */
function isAuthorityLine(line: string): boolean {
  if (!isMostlyUpper(line)) return false;
  return /^(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|ỦY BAN|UỶ BAN|HỘI ĐỒNG|CHÍNH PHỦ|BAN CHẤP HÀNH|BAN THƯỜNG|BỘ CHÍNH TRỊ|BAN BÍ THƯ|GIÁM ĐỐC|TRƯỞNG BAN|QUỐC HỘI|CHÁNH|BAN TỔ CHỨC|ĐOÀN)/u.test(line) && line.length < 120;
}

function isSignatureTitle(line: string): boolean {
  return line.length < 80 && SIGNATURE_TITLE.test(line) && (isMostlyUpper(line.replace(/\(.*?\)/g, '')) || /^\(?(?:Đã ký|đã ký|Ký)/u.test(line));
}

function personName(line: string): string | null {
  const t = line.replace(/^\(?(?:đã ký|Đã ký|ký)\)?\s*/u, '').replace(/[.,;]+$/, '').trim();
  if (!t || t.length > 40 || isSignatureTitle(t) || /^(?:Nơi nhận|Lưu|Như)/u.test(t)) return null;
  if (!PERSON_NAME.test(t)) return null;
  const cased = isMostlyUpper(t) ? t.split(/\s+/).map((w) => w[0] + w.slice(1).toLowerCase()).join(' ') : t;
  // A name in capitals is rare but happens ("NGUYỄN VĂN A"); a heading in capitals ("PHỤ LỤC")
  // is not a name: it does not start with a family name.
  if (isMostlyUpper(t) && !surnames().has(cased.split(' ')[0])) return null;
  if (/^(?:Phụ|Chủ|Phó|Giám|Trưởng|Thủ|Bộ|Sở|Ban|Ủy|Văn|Trung|Kế|Quyết|Chương|Điều|Mục|Nghị|Tờ|Căn|Thực)\s/u.test(cased) && !surnames().has(cased.split(' ')[0])) return null;
  return cased;
}

let surnameSet: Set<string> | null = null;
function surnames(): Set<string> {
  surnameSet ??= new Set(loadJson<{ surnames: string[] }>('surnames.json').surnames);
  return surnameSet;
}

const INLINE_SIGNER = /^((?:[\p{Lu}\d.,/()\s-])+?)\s((?:[\p{Lu}][\p{Ll}]+)(?:\s[\p{Lu}][\p{Ll}]+){1,4})$/u;

/**
 * Find the signature block: a short title line in capitals ("KT. CHỦ TỊCH") followed within a
 * few lines by a person's name. Markdown exports put the block on one line
 * ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Lộc Hà"), so a name at the end of a title line counts too.
 */
export function findSignature(lines: Line[], from: number, to = lines.length): { start: number; nameLine: number; signer: string } | null {
  for (let i = from; i < to; i++) {
    const text = lines[i].text;
    // one or more signature blocks on one line (Markdown exports; joint documents' tables)
    const inlineNames = text
      .split(' | ')
      .map((cell) => INLINE_SIGNER.exec(cell.trim()))
      .filter((m): m is RegExpExecArray => !!m && SIGNATURE_TITLE.test(m[1].trim()) && !!personName(m[2]))
      .map((m) => m[2]);
    if (inlineNames.length) return { start: i, nameLine: i, signer: inlineNames.join('; ') };
    if (!isSignatureTitle(text) && !/^(?:TM|KT|TL|TUQ)\s?\./u.test(text)) continue;
    for (let j = i + 1; j < Math.min(to, i + 7); j++) {
      const t = lines[j].text;
      if (isSignatureTitle(t) || /^\(?(?:đã ký|Đã ký|ký|Chữ ký|\[.*\])\)?$/iu.test(t) || /^(?:Nơi nhận|NƠI NHẬN)/u.test(t)) continue;
      const name = personName(t);
      if (name) return { start: i, nameLine: j, signer: name };
      if (!BULLET.test(t)) break;
    }
  }
  return null;
}

/**
 * parse (header part): lines of clean text → Header and where the body starts.
 *
 * Reads the header block of a Vietnamese administrative document: issuing body lines, the
 * number line ("Số: 94/KH-UBND"), the place-and-date line, the kind heading ("KẾ HOẠCH"), the
 * title, and "Kính gửi"; and, at the end, "Nơi nhận" and the signature block.
 */
export function parseHeader(lines: Line[], text: string): HeaderResult {
  const header: Header = {
    kind: null,
    ref: null,
    symbol: null,
    issuer: null,
    place: null,
    date: null,
    title: null,
    signer: null,
    recipients: [],
    copyTo: [],
    spans: {},
  };
  const span = (l: Line, a = 0, b = l.text.length): Span => ({ start: l.start + a, end: l.start + b });
  const limit = Math.min(lines.length, 40);
  const issuerLines: Line[] = [];
  let numberLine = -1;
  let dateLine = -1;
  let kindLine = -1;
  let vvLine = -1;
  let lastHeaderLine = -1;

  for (let i = 0; i < limit; i++) {
    const l = lines[i];
    const t = l.text;
    if (t.length > 300) break; // a body paragraph: the header is over
    if (kindLine >= 0 && i > kindLine) break;
    if (/^(?:Căn cứ|Thực hiện|Triển khai|Kính gửi)/u.test(t) || startsSection(t)) break;
    if (MOTTO.test(t)) {
      lastHeaderLine = i;
      // md exports put the motto and the date on one line
      const pd = PLACE_DATE.exec(t.replace(MOTTO, '').replace(/^.*?Hạnh phúc\s*/iu, ''));
      if (pd && dateLine < 0) {
        readPlaceDate(header, pd);
        dateLine = i;
        header.spans.date = span(l);
      }
      continue;
    }
    const num = NUMBER_LINE.exec(t);
    if (num && numberLine < 0 && (REF_IN_LINE.test(num[1]) || BLANK_NUMBER.test(num[1]) || num[1].trim() === '')) {
      numberLine = i;
      lastHeaderLine = i;
      readNumber(header, num[1]);
      header.spans.ref = span(l);
      // "Số: 5387/CT-CS v/v trả lời phản ánh kiến nghị": the subject printed beside the number
      const vv = /\s(V\/v|v\/v|V\/V)\s+(.+)$/u.exec(t);
      if (vv && vvLine < 0) {
        header.title = `V/v ${vv[2].trim()}`;
        header.spans.title = span(l, vv.index + 1);
        header.kind ??= 'Công văn';
      }
      const pd = PLACE_DATE.exec(t.slice(t.search(/\s\S+,\s*ngày/u) + 1));
      if (pd && /ngày/.test(t) && dateLine < 0) {
        readPlaceDate(header, pd);
        dateLine = i;
      }
      continue;
    }
    const pd = PLACE_DATE.exec(t);
    if (pd && dateLine < 0 && t.length < 120) {
      readPlaceDate(header, pd);
      dateLine = i;
      lastHeaderLine = i;
      header.spans.date = span(l);
      continue;
    }
    const kind = kindHeading(t);
    if (kind && kindLine < 0) {
      header.kind = kind;
      header.spans.kind = span(l);
      kindLine = i;
      lastHeaderLine = i;
      continue;
    }
    if ((/^(?:V\/v|V\/V|Về việc|VỀ VIỆC)(?![\p{L}])/u.test(t) || (/^Về\s/u.test(t) && numberLine >= 0 && kindLine < 0 && t.length < 250)) && vvLine < 0) {
      vvLine = i;
      lastHeaderLine = i;
      continue;
    }
    if (numberLine < 0 && dateLine < 0 && kindLine < 0 && isMostlyUpper(t) && t.length < 200 && !/^[IVX]+\./.test(t)) {
      issuerLines.push(l);
      lastHeaderLine = i;
      continue;
    }
    if (isMostlyUpper(t) && t.length < 90 && kindLine < 0 && vvLine < 0) {
      // issuer printed beside the number in a two-column header
      if (numberLine >= 0 && dateLine < 0 && issuerLines.length === 0) issuerLines.push(l);
      lastHeaderLine = i;
      continue;
    }
    // an unknown short line near the top (a misprinted motto, a stray mark) does not end the header
    if (kindLine < 0 && vvLine < 0 && numberLine < 0 && dateLine < 0 && (i > 12 || t.length > 80)) break;
  }

  // Title: after the kind heading, or the "V/v" subject line of a letter.
  let bodyStart = Math.max(0, lastHeaderLine + 1);
  if (kindLine >= 0) {
    const parts: Line[] = [];
    let i = kindLine + 1;
    while (i < lines.length && parts.length < 6) {
      const t = lines[i].text;
      if (parts.length === 0) {
        // a title in capitals run together with the first sentence of the body
        const glued = /^((?:[\p{Lu}\d][\p{Lu}\d\-/.,;:()]*\s+){3,}?[\p{Lu}\d][\p{Lu}\d\-/.,;:()]*)\s+(?=[\p{Lu}][\p{Ll}])/u.exec(t);
        if (glued && glued[1].length >= 20 && !isMostlyUpper(t.slice(glued[1].length))) {
          // the rest of the line is the body's first sentence: the body starts on this line
          parts.push({ start: lines[i].start, end: lines[i].start + glued[1].length, text: glued[1] });
          break;
        }
      }
      if (t.length > 400) break;
      if (parts.length === 0) {
        if (titleTerminator(t) && !/^(?:Thực hiện|Triển khai|Về)\b/u.test(t)) break;
        if (isAuthorityLine(t) && !/\b(?:VỀ|THỰC HIỆN|BAN HÀNH|TRIỂN KHAI|PHÊ DUYỆT)\b/u.test(t)) break;
        if (ATTACHMENT_START.test(t) && /^\(/.test(t)) break;
        parts.push(lines[i]);
        i++;
        continue;
      }
      const prev = parts[parts.length - 1].text;
      const upperRun = isMostlyUpper(prev) && isMostlyUpper(t) && !isAuthorityLine(t) && !ATTACHMENT_START.test(t) && !kindHeading(t) && !startsSection(t);
      const unfinished = !/[.:;!?)"”]$/.test(prev) && /^\p{Ll}/u.test(t);
      if ((upperRun || unfinished) && !titleTerminator(t)) {
        parts.push(lines[i]);
        i++;
        continue;
      }
      break;
    }
    if (parts.length) {
      header.title = cleanTitle(parts.map((p) => p.text).join(' '));
      header.spans.title = { start: parts[0].start, end: parts[parts.length - 1].end };
      bodyStart = i;
    } else bodyStart = kindLine + 1;
    // the enacting authority line under the title ("CHỦ TỊCH ỦY BAN NHÂN DÂN …")
    if (bodyStart < lines.length && isAuthorityLine(lines[bodyStart].text)) bodyStart++;
  } else if (vvLine >= 0) {
    const parts: Line[] = [lines[vvLine]];
    let i = vvLine + 1;
    while (i < lines.length && parts.length < 4) {
      const t = lines[i].text;
      const prev = parts[parts.length - 1].text;
      if (ADDRESSEES.test(t) || titleTerminator(t) || PLACE_DATE.test(t) || t.length > 200) break;
      if (!/[.:;!?]$/.test(prev) && (/^\p{Ll}/u.test(t) || /^(?:của|về|ngày)\b/iu.test(t) || /^\d/.test(t))) {
        parts.push(lines[i]);
        i++;
        continue;
      }
      break;
    }
    header.title = cleanTitle(parts.map((p) => p.text).join(' '));
    header.spans.title = { start: parts[0].start, end: parts[parts.length - 1].end };
    bodyStart = Math.max(bodyStart, i);
    if (!header.kind) header.kind = 'Công văn';
  }
  // A date line printed after the title (some exports put it there).
  if (dateLine < 0) {
    for (let i = bodyStart; i < Math.min(lines.length, bodyStart + 3); i++) {
      const pd = PLACE_DATE.exec(lines[i].text);
      if (pd && lines[i].text.length < 80) {
        readPlaceDate(header, pd);
        dateLine = i;
        bodyStart = i + 1;
      }
    }
  }

  // "Kính gửi:" block
  for (let i = Math.max(0, bodyStart - 2); i < Math.min(lines.length, bodyStart + 3); i++) {
    const m = ADDRESSEES.exec(lines[i].text);
    if (!m) continue;
    const inline = lines[i].text.slice(m[0].length).trim();
    if (inline) header.recipients.push(stripBullet(inline));
    let j = i + 1;
    while (j < lines.length && (BULLET.test(lines[j].text) || (!inline && j === i + 1)) && lines[j].text.length < 300) {
      header.recipients.push(stripBullet(lines[j].text));
      j++;
    }
    bodyStart = Math.max(bodyStart, j);
    break;
  }

  header.issuer = issuerFrom(issuerLines);
  if (header.issuer && issuerLines.length) header.spans.issuer = { start: issuerLines[0].start, end: issuerLines[issuerLines.length - 1].end };

  // Signature and "Nơi nhận" (searched after the body has started).
  let recipientsStart = -1;
  for (let i = bodyStart; i < lines.length; i++) {
    if (RECIPIENTS.test(lines[i].text) && lines[i].text.length < 120) {
      recipientsStart = i;
      break;
    }
  }
  const sig = findSignature(lines, bodyStart);
  let signatureStart = -1;
  if (sig && (recipientsStart < 0 || sig.start < recipientsStart + 40)) {
    header.signer = sig.signer;
    header.spans.signer = span(lines[sig.nameLine]);
    signatureStart = sig.start;
    // a signature block that precedes "Nơi nhận" by more than the block itself is in a letter body
  }
  if (recipientsStart >= 0) {
    const inline = lines[recipientsStart].text.replace(RECIPIENTS, '').trim();
    if (inline) header.copyTo.push(stripBullet(inline));
    for (let j = recipientsStart + 1; j < lines.length && header.copyTo.length < 60; j++) {
      const t = lines[j].text;
      if (isSignatureTitle(t) || ATTACHMENT_START.test(t) || t.length > 200) break;
      if (!BULLET.test(t) && j > recipientsStart + 1 && !/^(?:Lưu|Như)/u.test(t)) break;
      header.copyTo.push(stripBullet(t));
    }
  }

  finishHeader(header, lines, text, numberLine >= 0, kindLine >= 0);
  return { header, bodyStart: Math.min(bodyStart, lines.length), signatureStart, recipientsStart };
}

function stripBullet(s: string): string {
  return s.replace(BULLET, '').replace(/[;,.]+$/, '').trim();
}

function cleanTitle(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/^[*_\s]+|[*_\s]+$/g, '').trim();
}

function readNumber(h: Header, rest: string): void {
  const m = REF_IN_LINE.exec(rest);
  if (m && /^\s*$/.test(rest.slice(0, m.index).replace(/[:.]/g, ''))) {
    const ref = canonicalRef(m[1]);
    if (parseRef(ref)) {
      h.ref = ref;
      h.symbol = symbolOf(ref);
      return;
    }
  }
  const blank = BLANK_NUMBER.exec(rest);
  if (blank) h.symbol = blank[1].replace(/\s+/g, '');
  else if (m) {
    h.ref = canonicalRef(m[1]);
    h.symbol = symbolOf(h.ref);
  }
}

function readPlaceDate(h: Header, m: RegExpExecArray): void {
  const place = m[1]?.replace(/^[*_\s(]+|[*_\s]+$/g, '').trim();
  if (place && place.length <= 50 && !/\d{2,}/.test(place)) h.place = place;
  const day = /\d/.test(m[2]) ? Number(m[2]) : null;
  const month = /\d/.test(m[3]) ? Number(m[3]) : null;
  const year = Number(m[4]);
  h.date = day && month && month <= 12 && day <= 31 ? `${year}-${pad(month)}-${pad(day)}` : String(year);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function issuerFrom(lines: Line[]): string | null {
  const texts = lines.map((l) => l.text.replace(/^[*_\s]+|[*_\s]+$/g, '').trim()).filter((t) => t && !MOTTO.test(t));
  if (!texts.length) return null;
  let joined: string;
  const last = texts[texts.length - 1];
  if (texts.length >= 2 && SELF_NAMED.test(last)) {
    // "BAN CHẤP HÀNH TRUNG ƯƠNG / ĐẢNG ĐOÀN QUỐC HỘI": the party group names its own body
    joined = last;
  } else if (texts.length >= 2 && ORGAN_OF_PARENT.test(last)) {
    joined = `${last} ${texts.slice(0, -1).join(' ')}`;
  } else if (texts.length >= 2 && UNIT_OF_LOCALITY.test(last)) {
    const loc = LOCALITY.exec(texts.slice(0, -1).join(' '));
    joined = last + (loc && !LOCALITY.test(last) ? ` ${loc[1]}` : '');
  } else joined = texts.join(' ');
  return expandIssuer(properCase(joined));
}

const SELF_KIND = /\b(Nghị quyết|Chỉ thị|Kế hoạch|Quyết định|Công văn|Công điện|Chương trình|Thông báo|Hướng dẫn|Kết luận|Báo cáo|Quy chế|Quy định|Đề án|Phương án|Luật|Nghị định|Thông tư)\s+này\b/gu;

/** Fill what the header lines did not give: kind from the symbol or from the text, news articles, issuer from the preamble. */
function finishHeader(h: Header, lines: Line[], text: string, hasNumber: boolean, hasKindLine: boolean): void {
  if (!h.kind && h.symbol) {
    h.kind = kindFromSymbol(h.symbol) ?? (hasNumber ? 'Công văn' : null);
  }
  if (!h.kind && !hasNumber && !hasKindLine) {
    // A news article: a dateline near the top and no number line.
    for (let i = 0; i < Math.min(lines.length, 6); i++) {
      const m = DATELINE.exec(lines[i].text);
      if (m && lines[i].text.length < 60 && /\d{1,2}:\d{2}|\|/.test(lines[i].text)) {
        h.kind = 'Tin bài';
        h.date = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
        const headline = lines.slice(i + 1, i + 4).find((l) => l.text.length > 15 && l.text.length < 200 && !/[.]$/.test(l.text));
        if (headline) {
          h.title = headline.text;
          h.spans.title = { start: headline.start, end: headline.end };
        }
        return;
      }
    }
  }
  if (!h.kind) {
    // A body-only text names itself: "Nghị quyết này phổ biến đến chi bộ".
    const counts = new Map<string, number>();
    for (const m of text.matchAll(SELF_KIND)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) h.kind = best[0];
  }
  if (!h.issuer) h.issuer = issuerFromText(lines);
}

const ISSUER_IN_TEXT = [
  /((?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s*(?:\(UBND\)\s*)?(?:tỉnh|thành phố|TP\.?|quận|huyện|thị xã|xã|phường)(?:\s+[\p{Lu}][\p{Ll}]*){0,4})\s+(?:xây dựng|ban hành)\s+(?:[Kk]ế hoạch|[Cc]hương trình|[Hh]ướng dẫn)/u,
  /\b(Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương(?: Đảng)?|Chính phủ|Thủ tướng Chính phủ)\s+(?:yêu cầu|quyết nghị|chỉ thị|kết luận|quyết định)\b/u,
];

function issuerFromText(lines: Line[]): string | null {
  const head = lines.slice(0, 60).map((l) => l.text).join('\n');
  for (const re of ISSUER_IN_TEXT) {
    const m = re.exec(head);
    if (m) return expandIssuer(m[1].replace(/\s*\(UBND\)\s*/u, ' '));
  }
  return null;
}
