import type { Facts } from '../extract/index.js';
import { loadJson } from '../lexicon/load.js';
import type { ParsedDocument, Paragraph, Section, Target } from '../models.js';
import { fold } from '../text/fold.js';

/**
 * The units a coverage check compares: in the superior document, each task (a bullet, a body
 * paragraph, an item that is a sentence, a task-table row) and each target; in the plan, every
 * such unit with the agencies the plan makes responsible for it.
 */
export interface Unit {
  kind: 'task' | 'target';
  section: string | null;
  /** Section ids from the top, for reasons ("III.2"). */
  text: string;
  start: number;
  end: number;
  /** Lead agencies (as written) the document names for this unit. */
  owners: { name: string; level: string | null; requested: boolean }[];
  /** The unit sits in a purpose / goals / viewpoint section: it states, it does not assign. */
  declarative: boolean;
  /** A task-table row (its owner column is the owner). */
  row: boolean;
  target?: Target;
  /** The words compared when they differ from the text shown (self-references resolved). */
  compareText?: string;
}

let nonTask: string[] | null = null;
function nonTaskStarts(): string[] {
  nonTask ??= loadJson<{ nonTaskSections: { starts: string[] } }>('assignment-cues.json').nonTaskSections.starts.map((s) => fold(s));
  return nonTask;
}

/** A section (or one of its ancestors) is a purpose, goals, viewpoint or background section. */
export function inNonTaskSection(s: Section | null): boolean {
  for (let x = s; x; x = x.parent) {
    const h = fold(x.heading.replace(/^[\s*_]+/, ''));
    if (nonTaskStarts().some((p) => h.startsWith(p))) return true;
  }
  return false;
}

const BODY_ZONES = new Set(['body', 'appendix']);

/** Column of a task table that holds the task, and the one that holds the lead. */
interface TableShape {
  task: number;
  lead: number;
}

function tableShape(cells: string[]): TableShape | null {
  const f = cells.map((c) => fold(c));
  const task = f.findIndex((c) => /^(?:ten )?(?:nhiem vu|noi dung|nhiem vu giai phap|nhiem vu cu the|de an|ten de an)/.test(c) || /noi dung\/?nhiem vu|nhiem vu\/?de an/.test(c));
  const lead = f.findIndex((c) => /chu tri/.test(c) && !/phoi hop/.test(c));
  return task >= 0 && lead >= 0 && task !== lead ? { task, lead } : null;
}

/**
 * Task units of a document. `all` keeps units of purpose/goals sections (a plan may restate a
 * superior's task there, without an owner); a superior's units come only from task sections.
 */
export function taskUnits(doc: ParsedDocument, facts: Facts, opts: { all: boolean }): Unit[] {
  const units: Unit[] = [];
  const paras = doc.tree.paragraphs;
  const ownSections = new Map<Section, Paragraph[]>();
  for (const p of paras) if (p.section) ownSections.set(p.section, [...(ownSections.get(p.section) ?? []), p]);
  let shape: TableShape | null = null;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (!BODY_ZONES.has(p.zone) && !(opts.all && p.zone === 'preamble')) continue;
    if (p.kind === 'table-row') {
      const cells = (p.cells ?? []).map((c) => c.text);
      const s = tableShape(cells);
      if (s) {
        shape = s;
        continue;
      }
      if (shape && cells[shape.task] && cells[shape.task].length > 15) {
        const c = p.cells![shape.task];
        units.push(unit(p.section, c.text, c.start, c.end, true, false));
      }
      continue;
    }
    shape = null;
    const declarative = inNonTaskSection(p.section);
    if (declarative && !opts.all) continue;
    if (!p.section && !opts.all) continue;
    const own = p.section ? ownSections.get(p.section) ?? [] : [];
    const isLabelLine = p.section !== null && p.start === p.section.start;
    let text = p.text;
    if (isLabelLine) {
      // a labelled line is a task only when nothing follows it inside its section: an item
      // ("4. Mặt trận Tổ quốc … vận động Nhân dân …"), not a heading over its bullets
      if (own.length > 1 || p.section!.children.length) continue;
      text = p.section!.heading;
      if (text.length < 40 && !/[.;]$/.test(text)) continue;
    } else if (p.kind === 'text' && /:$/.test(p.text) && paras[i + 1]?.kind === 'bullet' && p.text.length < 160) {
      // a lead-in line ("Các Sở, ngành … có trách nhiệm:") introduces the bullets after it
      continue;
    }
    const bare = text.replace(/^[-+•*–]\s*/, '');
    const u = unit(p.section, bare, p.end - bare.length, p.end, false, declarative);
    units.push(u);
  }
  attachOwners(units, facts);
  return units;
}

function unit(section: Section | null, text: string, start: number, end: number, row: boolean, declarative: boolean): Unit {
  return { kind: 'task', section: section?.id ?? null, text, start, end, owners: [], declarative, row };
}

/** Lead agencies of each unit: assignments whose task span overlaps the unit. */
function attachOwners(units: Unit[], facts: Facts): void {
  const leads = facts.assignments.filter((a) => a.role === 'lead');
  for (const u of units) {
    for (const a of leads) {
      const overlaps = a.start < u.end && a.end > u.start;
      const rowOwner = u.row && a.agencyStart !== undefined && a.agencyStart >= u.start - 2000 && a.start <= u.end && a.end >= u.start;
      if (!overlaps && !rowOwner) continue;
      if (!u.owners.some((o) => o.name === a.agency)) u.owners.push({ name: a.agency, level: a.level ?? null, requested: a.requested });
    }
  }
}

export function targetUnits(facts: Facts): Unit[] {
  return facts.targets.map((t) => ({
    kind: 'target' as const,
    section: t.section,
    text: t.text,
    start: t.start,
    end: t.end,
    owners: [],
    declarative: false,
    row: false,
    target: t,
  }));
}
