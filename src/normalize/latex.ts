import { replaceTraced, type Traced } from './traced.js';

const COMMANDS: Record<string, string> = {
  leq: '≤', le: '≤', geq: '≥', ge: '≥', lt: '<', gt: '>', neq: '≠', approx: '≈', sim: '~',
  times: '×', div: '÷', pm: '±', cdot: '·', infty: '∞', rightarrow: '→', to: '→', degree: '°', circ: '°',
};

/**
 * Documents exported from Word equations or Markdown carry LaTeX fragments: `$\leq 1,0\%$`
 * → `≤ 1,0%`. Only $…$ spans that look like maths (a backslash command or an operator next to a
 * number) are rewritten, so a stray dollar sign in prose is left alone.
 */
export function latexPass(t: Traced): Traced {
  if (!t.text.includes('$') && !t.text.includes('\\')) return t;
  t = replaceTraced(t, /\$\$?([^$\n]{1,80}?)\$\$?/g, (m) => {
    const body = m[1];
    if (!/\\[a-zA-Z%]|[\d][\s]*\\?%|^[\s<>=≤≥~]*[\d]/.test(body)) return m[0];
    return latexBody(body);
  });
  // Bare commands outside $…$ (seen after a Markdown export dropped the dollars).
  return replaceTraced(t, /\\(leq|geq|le|ge|times|approx|pm)\b\s?/g, (m) => COMMANDS[m[1]] + ' ');
}

function latexBody(body: string): string {
  let s = body
    .replace(/\\(?:text|mathrm|mathbf|textbf)\{([^}]*)\}/g, '$1')
    .replace(/\\([a-zA-Z]+)\s*/g, (_m, c: string) => (c in COMMANDS ? COMMANDS[c] + ' ' : ''))
    .replace(/\\%/g, '%')
    .replace(/\\,|\\ |~/g, ' ')
    .replace(/\^\{?\\?circ\}?/g, '°')
    .replace(/[{}]/g, '');
  s = s.replace(/\s+/g, ' ').trim();
  return s;
}
