/**
 * HTML (saved web pages of legal portals) → text with one block per line and tables as
 * "cell | cell" rows. A small tag walker is enough: these pages are documents, not apps.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const BLOCK = /^(p|div|br|h[1-6]|li|tr|table|section|article|header|footer|blockquote|pre|ul|ol|dd|dt|title)$/i;

export function htmlToText(html: string): string {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|head)\b[\s\S]*?<\/\1>/gi, (m) => (/^<head/i.test(m) ? (m.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1] ?? '') + '\n' : ''));
  let out = '';
  let inCell = false;
  const re = /<(\/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[3] !== undefined) {
      out += decodeEntities(m[3].replace(/\s+/g, ' '));
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'td' || tag === 'th') {
      if (!closing) {
        if (inCell) out += ' | ';
        inCell = true;
      }
      continue;
    }
    if (tag === 'tr') {
      if (!closing) inCell = false;
      out += '\n';
      continue;
    }
    if (BLOCK.test(tag)) out += inCell && tag !== 'table' ? ' ' : '\n';
  }
  return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
