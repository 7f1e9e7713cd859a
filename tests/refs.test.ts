import { describe, expect, it } from 'vitest';
import { REF_SOURCE, canonicalRef, parseRef, refKey, refMatchKey, symbolOf } from '../src/text/refs.js';

/**
 * Canonical references (extraction.md §3) on numbers as printed in corpus/ (file in the comment),
 * plus the misprints the spec and issue 3 name.
 */
const cases: [printed: string, canonical: string, source: string][] = [
  // state style
  ['137/NQ-CP', '137/NQ-CP', 'kh-ha-nam-2018-thuc-hien-nq137'],
  ['27/CT-TTg', '27/CT-TTg', 'cv-hai-phong-2024-trien-khai-ct27'],
  ['5646/KH-SYT', '5646/KH-SYT', 'kh-long-bien-2024-thuc-hien-ct11'],
  ['0130/KH-UBND', '0130/KH-UBND', 'kh-0130-kh-ubnd-dak-lak-2025 (leading zero kept as printed)'],
  ['16/KH-MTTQ-BTT', '16/KH-MTTQ-BTT', 'kh-16-kh-mttq-btt-luong-minh-2025'],
  ['06/KH-MTTW-BTT', '06/KH-MTTW-BTT', 'kh-16 (a Front symbol keeps the state slash form)'],
  ['9807/TTr-SNV', '9807/TTr-SNV', 'cv-4240-ubnd-vx-ho-chi-minh-2025'],
  ['10894/VPCP-CN', '10894/VPCP-CN', 'cd-224-cd-ttg-2025'],
  // with a year
  ['47/2024/NQ-HĐND', '47/2024/NQ-HĐND', 'nq-57-2025-nq-hdnd-ha-noi'],
  ['10/2022/TT-BLĐTBXH', '10/2022/TT-BLĐTBXH', 'kh-160-kh-ubnd-can-tho-2025'],
  ['85/2015/QH13', '85/2015/QH13', 'kh-16 (a law: no kind code)'],
  ['101/2025/UBTVQH15', '101/2025/UBTVQH15', 'nq-101-2025-ubtvqh15'],
  // joint
  ['102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN', '102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN', 'nqlt-102-2025-ubtvqh15-cp-dctubtwmttqvn'],
  ['102/2025/NQLT/UBTVQH15-CP- ĐCTUBTWMTTQVN', '102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN', 'hd-mttq-btt-quang-ninh-hiep-thuong-2025 (slash for a dash)'],
  ['102/2025/NQLT- UBTVQH15-CP-ĐCTUBTWMTTQVN', '102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN', 'hd-mttq-btt-quang-ninh-hiep-thuong-2025'],
  // party style
  ['21-NQ/TW', '21-NQ/TW', 'kh-ha-nam-2018-thuc-hien-nq137'],
  ['74-KH/TU', '74-KH/TU', 'tin-ha-noi-2018-kh94'],
  ['54-CTr/TU', '54-CTr/TU', 'kh-ha-nam-2018-thuc-hien-nq137'],
  ['27-NQ/TU', '27-NQ/TU', 'kh-lao-cai-2024-thuc-hien-nq27-tu'],
  ['21-KH/ĐU', '21-KH/ĐU', 'kh-16-kh-mttq-btt-luong-minh-2025'],
  ['3260-KH/ĐĐQH15', '3260-KH/ĐĐQH15', 'kh-3260-kh-ddqh15-2025'],
  ['03-QĐ/BCĐ', '03-QĐ/BCĐ', 'kh-597-kh-ubnd-dong-thap-2025'],
  // misprints
  ['158/KH-TU', '158-KH/TU', 'kh-lao-cai-2024-thuc-hien-nq27-tu (party plan printed in state style)'],
  ['21/NQ-TW', '21-NQ/TW', 'extraction.md §3'],
  ['1679/QĐ- TTg', '1679/QĐ-TTg', 'issue 3'],
  ['71/NQ -CP', '71/NQ-CP', 'kh-310-kh-ubnd-ha-noi-2025'],
  ['92/2009/TT- BTC', '92/2009/TT-BTC', 'kh-980-kh-ubnd-nghe-an-2025'],
  ['135/2020/NĐ -CP', '135/2020/NĐ-CP', 'hd-45-hd-btctw-2025'],
  ['21/2025/TT - BNV', '21/2025/TT-BNV', 'hd-mttq-btt-quang-ninh-hiep-thuong-2025'],
  ['132- KL/TW', '132-KL/TW', 'kh-182-kh-ubnd-dong-nai-2025'],
  ['57- NQ/TW', '57-NQ/TW', 'kh-144-kh-ubnd-bac-ninh-2025'],
  ['99- TB/TW', '99-TB/TW', 'nq-380-nq-cp-2025'],
  ['46 - CT/TW', '46-CT/TW', 'kh-01-kh-tbttkt-pho-bang-2025'],
  ['137/NQ-\nCP', '137/NQ-CP', 'a line wrap after the dash'],
  // case as the official symbol
  ['1899/QĐ-TTG', '1899/QĐ-TTg', 'kh-980-kh-ubnd-nghe-an-2025 (title in capitals)'],
  ['54-CTR/TU', '54-CTr/TU', 'an all-capitals title'],
  // a footnote marker printed against the symbol
  ['21-NQ/TW2', '21-NQ/TW', 'kh-ha-nam-2018-thuc-hien-nq137 ("Nghị quyết số 21-NQ/TW2.")'],
];

describe('canonicalRef on references printed in corpus/', () => {
  for (const [printed, canonical, source] of cases) {
    it(`${JSON.stringify(printed)} → ${canonical}  (${source})`, () => {
      expect(canonicalRef(printed)).toBe(canonical);
    });
  }
});

describe('canonicalRef keeps what is not a misprint', () => {
  it('a steering-committee code used on both sides keeps the printed style', () => {
    expect(canonicalRef('12/QĐ-BCĐ')).toBe('12/QĐ-BCĐ');
    expect(canonicalRef('03-QĐ/BCĐ')).toBe('03-QĐ/BCĐ');
  });
  it('legislature numbers are part of the symbol, not footnotes', () => {
    expect(canonicalRef('09/1998/QH10')).toBe('09/1998/QH10');
    expect(canonicalRef('3260-KH/ĐĐQH15')).toBe('3260-KH/ĐĐQH15');
  });
  it('a year in the reference is kept as printed', () => {
    expect(canonicalRef('11/2017/NQ-HĐND')).toBe('11/2017/NQ-HĐND');
    expect(parseRef('11/2017/NQ-HĐND')).toMatchObject({ number: '11', year: 2017, kind: 'NQ', issuer: 'HĐND', party: false });
  });
  it('Cyrillic look-alike capitals pasted into a symbol are read as Latin', () => {
    expect(canonicalRef('66/NQ-СР')).toBe('66/NQ-CP'); // С and Р are Cyrillic
  });
  it('English translations print the symbol without Vietnamese letters', () => {
    expect(canonicalRef('40/2025/ND-CP')).toBe('40/2025/NĐ-CP');
  });
});

describe('symbolOf, refKey, refMatchKey', () => {
  it('gives the symbol part in both styles', () => {
    expect(symbolOf('94/KH-UBND')).toBe('KH-UBND');
    expect(symbolOf('21-NQ/TW')).toBe('NQ/TW');
    expect(symbolOf('102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN')).toBe('NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN');
  });
  it('compares references the way the scorer does, and finds a document printed without its leading zero', () => {
    expect(refKey('21/NQ-TW')).toBe(refKey('21-NQ/TW'));
    expect(refMatchKey('09/CT-UBND')).toBe(refMatchKey('9/CT-UBND'));
  });
});

describe('REF_SOURCE', () => {
  const find = (s: string): string[] => [...s.matchAll(new RegExp(`(?<![\\p{L}\\p{N}/.\\-])(?:${REF_SOURCE})`, 'gu'))].map((m) => m[0]);
  it('finds references in running text and not dates, ranges or ratios', () => {
    expect(find('Chỉ thị số 27/CT-TTg ngày 15/8/2024 của Thủ tướng Chính phủ')).toEqual(['27/CT-TTg']);
    expect(find('nhiệm kỳ 2026 - 2031; 109 bé trai/100 bé gái; Quý IV/2025')).toEqual([]);
  });
  it('tolerates the spaces typists put around separators and a wrap after one', () => {
    expect(find('Quyết định số 1679/QĐ- TTg và Nghị quyết số 71/NQ -CP')).toEqual(['1679/QĐ- TTg', '71/NQ -CP']);
    expect(find('Nghị quyết số 27-\nNQ/TU ngày 01/7/2022')).toEqual(['27-\nNQ/TU']);
  });
  it('does not glue a bullet on the next line to a reference', () => {
    expect(find('Nghị quyết số 48/NQ-CP\n- Tập trung quán triệt')).toEqual(['48/NQ-CP']);
  });
});
