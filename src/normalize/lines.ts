import { replaceTraced, type Traced } from './traced.js';

/**
 * Line-level passes. After them the clean text holds one paragraph per line, no blank lines,
 * single spaces, no leading or trailing space on a line.
 */

export function collapseSpaces(t: Traced): Traced {
  t = replaceTraced(t, / {2,}/g, () => ' ');
  // only newlines with a space beside them change (matching every newline costs a callback each)
  t = replaceTraced(t, / \n ?|\n /g, () => '\n');
  if (t.text.startsWith(' ')) t = replaceTraced(t, /^ /g, () => '');
  if (t.text.endsWith(' ')) t = replaceTraced(t, / $/g, () => '');
  return t;
}

/** Lines that are only rules or decoration: "-------", "___", "* * *". */
export function dropSeparatorLines(t: Traced): Traced {
  return replaceTraced(t, /^[ \t]*(?:[-_=~*•.·]\s*){3,}$/gm, () => '');
}

const CONNECTIVE_END = /(?:^|[\s(])(?:của|và|về|với|cho|tại|theo|các|những|để|đến|từ|thuộc|giữa|hoặc)$/u;

const LINE_LABEL = /^(?:[IVX]+[.\-]|\d+[.)]|[a-zđ]\)|[-+•])/u;

// A letter label "a)", "đ)" or "a." opens a new item even though it starts with a lower-case letter.
const LETTER_LABEL = /^[a-zđ]\s?[).]\s/u;

/**
 * Rejoin a sentence that a line wrap or a page break split ("quy mô dân\n\nsố"): the next line
 * starts in lower case and the previous one does not end a clause. A wrap inside a reference
 * ("27-\nNQ/TU", "11/CT-\nUBND") joins without a space so the hyphen stays.
 */
export function joinContinuations(t: Traced): Traced {
  return replaceTraced(t, /([^\n])[ ]*\n(?:[ ]*\n)*[ ]*(?=(\S)(\S?))/g, (m) => {
    const prev = m[1];
    const next = m[2];
    // a table row is never a continuation, nor continued ("… đồng/năm" + "a | Nhóm 1")
    const lineStart = t.text.lastIndexOf('\n', m.index) + 1;
    const nextEnd = t.text.indexOf('\n', m.index + m[0].length);
    if (t.text.slice(lineStart, m.index + 1).includes(' | ') || t.text.slice(m.index + m[0].length, nextEnd < 0 ? undefined : nextEnd).includes(' | ')) return m[0];
    const rest = t.text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (/[\d\p{Lu}][-/]$/u.test(t.text.slice(Math.max(0, m.index - 1), m.index + 1)) && /^[\p{Lu}\d]/u.test(next)) {
      return prev; // "27-" + "NQ/TU": join without space
    }
    if (/\p{Ll}/u.test(next) && !/[.:;!?)\]"”]/.test(prev) && !LETTER_LABEL.test(rest)) {
      return prev + ' ';
    }
    // "… của⏎Ban Thường vụ …": a line ending in a word that cannot end a sentence continues
    if (/[\p{L}\d]/u.test(next) && !LINE_LABEL.test(rest) && CONNECTIVE_END.test(t.text.slice(Math.max(0, m.index - 12), m.index + 1))) {
      return prev + ' ';
    }
    return m[0];
  });
}

export function dropBlankLines(t: Traced): Traced {
  t = replaceTraced(t, /\n{2,}/g, () => '\n');
  return replaceTraced(t, /^\n+|\n+$/g, () => '');
}
