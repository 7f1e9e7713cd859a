/**
 * Character similarity of two texts after NFC and whitespace collapse: 2·LCS / (|a| + |b|),
 * the ratio difflib reports. LCS comes from Myers' O(ND) diff, fast when the texts are close.
 */
export function comparable(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function similarity(a: string, b: string, maxD = 20000): number {
  a = comparable(a);
  b = comparable(b);
  const n = a.length;
  const m = b.length;
  if (!n && !m) return 1;
  const max = Math.min(n + m, maxD);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        const lcs = (n + m - d) / 2;
        return (2 * lcs) / (n + m);
      }
    }
  }
  return 1 - max / (n + m); // lower bound when more than maxD edits
}
