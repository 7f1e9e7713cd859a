/**
 * How a plan's target compares with its superior's for the same indicator — the question an
 * analyst asks of every local plan: does it restate the national number at least as demanding?
 *
 *   superior "< 109 bé trai/100 bé gái", plan "< 108"   → stricter (lower is better for < and <=)
 *   superior ">= 30% GDP",               plan "= 25%"   → weaker   (higher is better for > >= = ~)
 *   superior "2030",                     plan "2035"    → later year (a later deadline is its own finding)
 *
 * The caller pairs targets by indicator (indicator_key); this function compares what the numbers
 * promise. Targets whose units or kinds of promise differ ("%" vs "người", a cut vs a level) are
 * incomparable.
 */
import type { Comparator, Target } from '../../models.js';
import { fold } from '../../text/fold.js';

export type Verdict = 'stricter' | 'equal' | 'weaker' | 'later year' | 'incomparable';

type Direction = 'lower' | 'higher';

/** Which way is more demanding for a comparator. */
function direction(c: Comparator): Direction | null {
  switch (c) {
    case '<':
    case '<=':
      return 'lower';
    case '>':
    case '>=':
    case '=':
    case '~':
    case 'increase_by':
    // a cut is a promise of size: "giảm 60%" demands more than "giảm 50%"
    case 'reduce_by':
      return 'higher';
    default:
      return null;
  }
}

/** Kind of promise: a level (with a bound), a change up, a change down. Only like compares with like. */
function family(c: Comparator): 'level' | 'increase' | 'reduce' {
  return c === 'increase_by' ? 'increase' : c === 'reduce_by' ? 'reduce' : 'level';
}

// a province writes its share of the economy against GRDP where the nation writes GDP
const unitKey = (u: string | null | undefined) => fold(u ?? '').replace(/\s+/g, '').replace(/grdp/g, 'gdp');

// abbreviations units are printed with ("% tổng chi NSNN" = "% tổng chi ngân sách nhà nước")
const UNIT_ABBR: [RegExp, string][] = [
  [/nsnn/g, 'ngansachnhanuoc'],
  [/ngansach(?!nhanuoc)/g, 'ngansachnhanuoc'],
];

/**
 * Two units measure the same thing: equal, one of them left out, or a share ("%") of bases
 * that are the same once abbreviations are expanded or one base names the other in full.
 */
function compatibleUnits(a: string, b: string): boolean {
  if (!a || !b || a === b) return true;
  if (!a.startsWith('%') || !b.startsWith('%')) return false;
  const base = (u: string) => UNIT_ABBR.reduce((s, [re, to]) => s.replace(re, to), u.slice(1));
  const x = base(a);
  const y = base(b);
  return !x || !y || x === y || x.includes(y) || y.includes(x);
}

/** Value a target promises in the given direction: the bound that matters of a range. */
function promised(t: Target, dir: Direction): number {
  if (t.comparator === 'range') return dir === 'lower' ? (t.value_max ?? t.value) : t.value;
  return t.value;
}

export function compareTargets(superior: Target, plan: Target): Verdict {
  if (family(superior.comparator) !== family(plan.comparator)) return 'incomparable';
  if (!compatibleUnits(unitKey(superior.unit), unitKey(plan.unit))) return 'incomparable';

  // a range or an equality takes its direction from the other side; two of them compare as "higher"
  const dir = direction(superior.comparator) ?? direction(plan.comparator) ?? 'higher';
  const supDir = direction(superior.comparator);
  const planDir = direction(plan.comparator);
  // an upper bound against a lower bound promise ("<= 5" vs ">= 5") says different things
  if (supDir && planDir && superior.comparator !== '=' && plan.comparator !== '=' && superior.comparator !== '~' && plan.comparator !== '~' && supDir !== planDir) return 'incomparable';

  const a = promised(superior, dir);
  const b = promised(plan, dir);
  let verdict: Verdict;
  const eps = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= eps) {
    // "trên 55%" restated as "≥ 55": the same threshold to an analyst (and to the coverage gold),
    // not a weaker one
    verdict = 'equal';
  } else if (dir === 'lower') verdict = b < a ? 'stricter' : 'weaker';
  else verdict = b > a ? 'stricter' : 'weaker';

  if (superior.year != null && plan.year != null && plan.year !== superior.year) {
    // promising it later is a finding of its own, whatever the number
    if (plan.year > superior.year) return 'later year';
    // an earlier milestone that is lower than the final goal is an interim step, not a weaker one
    if (verdict === 'weaker') return 'incomparable';
    if (verdict === 'equal') return 'stricter';
  }
  return verdict;
}
