import { replaceTraced, type Traced } from './traced.js';

const COMMANDS: Record<string, string> = {
  leq: '≤', le: '≤', leqslant: '≤', geq: '≥', ge: '≥', geqslant: '≥', lt: '<', gt: '>', neq: '≠', ne: '≠',
  approx: '≈', sim: '~', simeq: '≃', times: '×', div: '÷', pm: '±', mp: '∓', cdot: '·', infty: '∞',
  rightarrow: '→', to: '→', Rightarrow: '⇒', leftarrow: '←', degree: '°', circ: '°', ldots: '…', dots: '…',
  cdots: '…', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', Delta: 'Δ', mu: 'µ', pi: 'π', sigma: 'σ',
  Sigma: 'Σ', sum: 'Σ', percent: '%',
};

const SUPER: Record<string, string> = { '2': '²', '3': '³', o: '°', '\\circ': '°', circ: '°' };

/**
 * Documents exported from Word equations or Markdown carry LaTeX fragments: `$\leq 1,0\%$`
 * → `≤ 1,0%`. Only $…$ spans that look like maths (a backslash command, or nothing but numbers
 * and operators) are rewritten, so dollar amounts in prose ("$100 và $200") are left alone.
 */
export function latexPass(t: Traced): Traced {
  if (!t.text.includes('$') && !t.text.includes('\\')) return t;
  t = replaceTraced(t, /\$\$?([^$\n]{1,120}?)\$\$?/g, (m) => {
    const body = m[1];
    const command = /\\[a-zA-Z%,]/.test(body);
    const numeric = /^[\d\s.,+\-*/=<>≤≥~%^_{}()]+$/.test(body) && /\d/.test(body);
    if (!command && !numeric) return m[0];
    return latexBody(body);
  });
  // Bare commands outside $…$ (seen after a Markdown export dropped the dollars).
  t = replaceTraced(t, /\\(leq|geq|le|ge|neq|times|approx|pm|div|cdot)(?![a-zA-Z])\s?/g, (m) => COMMANDS[m[1]] + ' ');
  return replaceTraced(t, /(?<=\d\s?)\\%/g, () => '%');
}

function latexBody(body: string): string {
  let s = body
    .replace(/\\(?:text|mathrm|mathbf|textbf|textit|operatorname|mbox)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2')
    .replace(/\^\s*\{?\s*(\\circ|circ|o|2|3)\s*\}?/g, (_m, x: string) => SUPER[x] ?? _m)
    .replace(/_\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\([a-zA-Z]+)\s*/g, (_m, c: string) => (c in COMMANDS ? COMMANDS[c] + ' ' : ''))
    .replace(/\\%/g, '%')
    .replace(/\\[,;:! ]|~/g, ' ')
    .replace(/[{}]/g, '');
  s = s.replace(/\s+/g, ' ').trim();
  return s;
}
