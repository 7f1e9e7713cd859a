import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { readDocument } from '../src/read/index.js';
import { comparable } from './helpers/similarity.js';

const seed = comparable(readFileSync('corpus/cv-hai-phong-2024-trien-khai-ct27.txt', 'utf8'));
const dir = 'fixtures/encoding';

describe('text encodings are detected and the text comes out NFC and exact', () => {
  for (const [file, encoding] of [
    ['cv-hai-phong-2024-trien-khai-ct27.utf8-bom.txt', 'utf-8 (BOM)'],
    ['cv-hai-phong-2024-trien-khai-ct27.utf16le-bom.txt', 'utf-16le (BOM)'],
    ['cv-hai-phong-2024-trien-khai-ct27.nfd.txt', 'utf-8'],
    ['cv-hai-phong-2024-trien-khai-ct27.cp1258.txt', 'windows-1258'],
    ['cv-hai-phong-2024-trien-khai-ct27.viscii.txt', 'viscii'],
    ['cv-hai-phong-2024-trien-khai-ct27.tcvn5712-1.txt', 'tcvn5712-1'],
  ]) {
    it(`${file} → ${encoding}`, async () => {
      const { raw } = await readDocument(`${dir}/${file}`);
      expect(raw.encoding).toBe(encoding);
      const text = normalize(raw).text;
      expect(text).toBe(text.normalize('NFC'));
      expect(comparable(text)).toBe(seed);
    });
  }
});
