import iconv from 'iconv-lite';
import { syllableCounts } from '../lexicon/load.js';

/**
 * Decode the bytes of a text file. Order: BOM (UTF-8, UTF-16LE/BE), then strict UTF-8, else each
 * legacy Vietnamese 8-bit encoding, keeping the candidate with the most known syllables.
 * Byte-level detectors (chardet) call VISCII and TCVN3 "windows-1258", which is wrong, hence
 * the vote by vocabulary.
 */
export function decodeText(buf: Buffer): { text: string; encoding: string } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8 (BOM)' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le (BOM)' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be (BOM)' };
  }
  const utf8 = strictUtf8(buf);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  let best = { text: '', encoding: '', score: -1 };
  for (const enc of LEGACY) {
    const text = enc.decode(buf);
    const score = vietnameseScore(text);
    if (score > best.score) best = { text, encoding: enc.name, score };
  }
  return { text: best.text, encoding: best.encoding };
}

function strictUtf8(buf: Buffer): string | null {
  // Buffer decoding is fast and marks invalid bytes with U+FFFD; only then is the strict decoder
  // (slower) asked whether the file is UTF-8 that really contains U+FFFD
  const text = buf.toString('utf8');
  if (!text.includes('\uFFFD')) return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

/** Share of words that are known Vietnamese syllables, weighted toward words with diacritics. */
export function vietnameseScore(text: string): number {
  const counts = syllableCounts();
  let known = 0;
  let total = 0;
  for (const w of text.normalize('NFC').toLowerCase().split(/[^\p{L}]+/u)) {
    if (!w) continue;
    total++;
    if (counts.has(w)) known += /[^a-z]/.test(w) ? 2 : 1;
  }
  return total ? known / total : 0;
}

interface Legacy {
  name: string;
  decode(buf: Buffer): string;
}

const LEGACY: Legacy[] = [
  { name: 'windows-1258', decode: (b) => iconv.decode(b, 'windows-1258').normalize('NFC') },
  { name: 'viscii', decode: (b) => iconv.decode(b, 'viscii').normalize('NFC') },
  // TCVN 5712:1993 (the ".VnTime" fonts); iconv-lite calls it 'tcvn'
  { name: 'tcvn5712-1', decode: (b) => iconv.decode(b, 'tcvn').normalize('NFC') },
];
