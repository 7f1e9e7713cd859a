/**
 * extract (assignments): ParsedDocument → Assignment[] (extraction.md §4, §5).
 *
 * A task is one bullet or the body of a numbered or lettered item (or a task-table row). Its
 * owner (`lead`) is the grammatical subject of the task, else the owner named by the heading the
 * task sits under; partners after "phối hợp (với)" / "cùng với" are `support`. Purpose, goals and
 * other non-task sections, the preamble and closing formulas give no assignments.
 */
import type { Assignment, Deadline, Paragraph, ParsedDocument, Role, Section } from '../../models.js';
import { definedTerms, segment, type Agency } from '../agencies/index.js';
import { findDeadline } from './deadline.js';
import {
  clauseOwners,
  clauseStarts,
  closingStart,
  declaresStandingBody,
  fieldLine,
  headingOwners,
  isNonTaskHeading,
  listedOwners,
  modalOwners,
  refersToStandingBody,
  supportsIn,
  type Owners,
} from './roles.js';
import { tableBlocks, taskRows } from './table.js';

export { findDeadline } from './deadline.js';

interface Task {
  section: string | null;
  text: string;
  start: number;
  end: number;
  deadline: Deadline | null;
  leads: { agency: Agency; requested: boolean }[];
  supports: Agency[];
}

/** What a section says about its owners: from its heading, its item's subject, or its field lines. */
interface SectionInfo {
  heading?: Owners;
  fieldLeads: Agency[];
  fieldSupports: Agency[];
  fieldDeadline: Deadline | null;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The heading text of a section's label paragraph and its clean-text offset. */
function headingOf(p: Paragraph, s: Section): { text: string; offset: number } {
  const h = s.heading;
  const at = h ? p.text.lastIndexOf(h) : -1;
  if (at >= 0) return { text: h, offset: p.start + at };
  const label = s.label.length;
  const rest = p.text.slice(label);
  const lead = rest.length - rest.trimStart().length;
  return { text: rest.trim(), offset: p.start + label + lead };
}

const BULLET = /^\s*[-+•*–—○▪►✓·]\s*/u;

export function findAssignments(doc: ParsedDocument): Assignment[] {
  const { tree, header } = doc;
  const defined = definedTerms(tree.text);
  const docDate = header.date;
  const noSections = tree.sections.length === 0;
  const paragraphs = tree.paragraphs;

  // sections that hold no tasks (purpose, goals, …) and everything below them
  const nonTask = new Set<Section>();
  const secondOf = new Map<Section, Paragraph>();
  for (const p of paragraphs) if (p.section && p.start > p.section.start && !secondOf.has(p.section)) secondOf.set(p.section, p);
  const titleOf = (s: Section): string => {
    if (s.heading) return s.heading;
    // "II." alone on its line, the title on the next one
    const next = secondOf.get(s);
    return next && next.text.length < 100 ? next.text : '';
  };
  for (const s of tree.sections) {
    if (isNonTaskHeading(titleOf(s)) || (s.parent && nonTask.has(s.parent))) nonTask.add(s);
  }

  // closing formulas inside the last text paragraphs of the main body
  const bodyParas = paragraphs.filter((p) => p.zone === 'body' && p.kind !== 'table-row');
  const closingCut = new Map<Paragraph, number>();
  for (const p of bodyParas.slice(-2)) {
    if (p.kind !== 'text') continue;
    const c = closingStart(p.text);
    if (c >= 0) closingCut.set(p, c);
  }

  const info = new Map<Section, SectionInfo>();
  const infoOf = (s: Section): SectionInfo => {
    let i = info.get(s);
    if (!i) info.set(s, (i = { fieldLeads: [], fieldSupports: [], fieldDeadline: null }));
    return i;
  };
  const tasks: Task[] = [];
  /** owners of a lead-in ("- Sở Y tế chủ trì thực hiện các nội dung sau:") for the paragraphs after it */
  const cur: { leadIn: { section: Section | null; owners: Owners } | null } = { leadIn: null };

  /** Read one task text: subjects of its clauses, partners, deadline. */
  const readTask = (text: string, offset: number, section: Section | null, closing: boolean): void => {
    const cut = closing ? closingStart(text) : -1;
    const body = cut >= 0 ? text.slice(0, cut) : text;
    if (!collapse(body)) return;
    const seg = segment(body, offset);
    const partners = supportsIn(seg, 0, seg.toks.length, defined);
    const subjects: Owners[] = [];
    const starts = clauseStarts(seg, closing).filter((k) => !partners.ranges.some(([a, b]) => k > a && k < b));
    starts.forEach((k, n) => {
      const r = clauseOwners(seg, k, defined);
      // a subject that names nobody ("Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan") leaves the heading's owner
      if (r && r.owners.some((a) => !a.vague)) subjects.push({ ...r, owners: r.owners.filter((a) => !a.vague) });
      else if (!closing) {
        const m = modalOwners(seg, k, starts[n + 1] ?? seg.toks.length, defined);
        if (m) subjects.push(m);
      }
    });
    if (closing && !subjects.length) return;
    const leads = subjects.flatMap((s) => s.owners.map((agency) => ({ agency, requested: s.requested })));
    const supports = partners.agencies;
    const t: Task = {
      section: section?.id ?? null,
      text: collapse(body),
      start: offset,
      end: offset + body.trimEnd().length,
      deadline: findDeadline(body, docDate),
      leads,
      supports,
    };
    const ownSection = section ? info.get(section)?.heading : undefined;
    if (!leads.length) {
      // no subject: the owner of the lead-in above, else of the nearest heading that names one
      const inherited = cur.leadIn && cur.leadIn.section === section ? cur.leadIn.owners : inheritedOwners(section, info);
      if (inherited) t.leads = inherited.owners.map((agency) => ({ agency, requested: inherited.requested }));
    } else if (ownSection) {
      // the heading's owner still owns the section's other work ("both levels are kept")
      t.leads.push(...ownSection.owners.map((agency) => ({ agency, requested: ownSection.requested })));
    }
    if (subjects.length && /:\s*$/.test(body)) cur.leadIn = { section, owners: subjects.length === 1 ? subjects[0] : { owners: leads.map((l) => l.agency), requested: subjects.some((s) => s.requested) } };
    tasks.push(t);
  };

  // "./." ends the text of a document: what follows in the same part is its recipients and signature
  let ended = false;
  for (const p of paragraphs) {
    if (p.zone === 'appendix') ended = false;
    if (ended) continue;
    if (p.zone === 'body' && /\.\s*\/\s*\.?\s*$/u.test(p.text)) ended = true;
    if (p.kind === 'table-row') continue;
    const closing = p.zone === 'closing';
    const inBody = p.zone === 'body' || p.zone === 'appendix' || (p.zone === 'preamble' && noSections);
    if (!inBody && !closing) continue;
    const section = closing ? null : p.section;
    if (section && nonTask.has(section)) continue;
    if (cur.leadIn && cur.leadIn.section !== section) cur.leadIn = null;

    const isLabel = !!section && p.start === section.start;
    let text = p.text;
    let offset = p.start;
    if (isLabel) {
      const h = headingOf(p, section!);
      text = h.text;
      offset = h.offset;
      // "b) Cơ quan chủ trì: Sở Y tế" — a field of the parent item's task
      const f = fieldLine(text);
      if (f && section!.parent) {
        addField(infoOf(section!.parent), f.role, text.slice(f.valueStart), offset + f.valueStart, defined, docDate);
        continue;
      }
      const ho = headingOwners(text, offset, defined);
      if (ho) {
        infoOf(section!).heading = ho;
        if (ho.bodyStart == null) continue;
        offset += ho.bodyStart;
        text = text.slice(ho.bodyStart);
      } else {
        // an item whose sentence names its owner owns the sub-items below it too
        const seg = segment(text, offset);
        const r = clauseOwners(seg, 0, defined);
        if (r && r.owners.some((a) => !a.vague)) infoOf(section!).heading = { owners: r.owners.filter((a) => !a.vague), requested: r.requested };
      }
    } else {
      const m = BULLET.exec(text);
      if (m) {
        offset += m[0].length;
        text = text.slice(m[0].length);
      }
      const f = fieldLine(text);
      if (f && section) {
        addField(infoOf(section), f.role, text.slice(f.valueStart), offset + f.valueStart, defined, docDate);
        continue;
      }
    }
    const cut = closingCut.get(p);
    if (cut != null) {
      const rel = cut - (offset - p.start);
      if (rel <= 0) continue;
      text = text.slice(0, rel);
    }
    readTask(text, offset, section, closing);
  }

  // field blocks: the item is the task, its fields name the owners
  const labelOf = new Map<Section, Paragraph>();
  for (const p of paragraphs) if (p.section && p.start === p.section.start) labelOf.set(p.section, p);
  for (const [s, i] of info) {
    if (!i.fieldLeads.length && !i.fieldSupports.length) continue;
    const p = labelOf.get(s);
    const h = p ? headingOf(p, s) : { text: s.heading, offset: s.start };
    tasks.push({
      section: s.id,
      text: collapse(h.text),
      start: h.offset,
      end: h.offset + h.text.length,
      deadline: i.fieldDeadline ?? findDeadline(h.text, docDate),
      leads: i.fieldLeads.map((agency) => ({ agency, requested: false })),
      supports: i.fieldSupports,
    });
  }

  // task tables
  for (const block of tableBlocks(paragraphs.filter((p) => p.zone === 'body' || p.zone === 'appendix'))) {
    for (const row of taskRows(block)) {
      const section = row.group ?? (row.para.section && !nonTask.has(row.para.section) ? row.para.section.id : null);
      const leads = row.lead ? listedOwners(row.lead.text, row.lead.start, defined) : [];
      const supports = row.support ? listedOwners(row.support.text, row.support.start, defined) : [];
      if (!leads.length && !supports.length) continue;
      const taskCell = row.task ?? { text: row.para.text, start: row.para.start, end: row.para.end };
      tasks.push({
        section,
        text: collapse(taskCell.text),
        start: taskCell.start,
        end: taskCell.end,
        deadline: row.time ? findDeadline(row.time.text, docDate, true) : findDeadline(taskCell.text, docDate),
        leads: leads.map((agency) => ({ agency, requested: false })),
        supports,
      });
    }
  }

  return emit(tasks, standingBody(tasks, info));
}

/**
 * The body the document makes its standing body: a heading owner whose first task reads "Là đơn
 * vị thường trực …". "Phối hợp với cơ quan thường trực" elsewhere then names it.
 */
function standingBody(tasks: Task[], info: Map<Section, SectionInfo>): Agency | null {
  for (const [s, i] of info) {
    const owners = i.heading?.owners.filter((a) => !a.vague) ?? [];
    if (owners.length !== 1) continue;
    const first = tasks.find((t) => t.section === s.id);
    if (first && declaresStandingBody(first.text)) return owners[0];
  }
  return null;
}

function addField(i: SectionInfo, role: string, value: string, offset: number, defined: Set<string>, docDate: string | null): void {
  if (role === 'lead') i.fieldLeads.push(...listedOwners(value, offset, defined));
  else if (role === 'support') i.fieldSupports.push(...listedOwners(value, offset, defined));
  else if (role === 'time') i.fieldDeadline ??= findDeadline(value, docDate, true);
}

function inheritedOwners(section: Section | null, info: Map<Section, SectionInfo>): Owners | null {
  for (let s = section; s; s = s.parent) {
    const h = info.get(s)?.heading;
    if (h && h.owners.some((a) => !a.vague)) return h;
  }
  return null;
}

function emit(tasks: Task[], standing: Agency | null): Assignment[] {
  const out: Assignment[] = [];
  const seen = new Set<string>();
  const push = (t: Task, mention: Agency, role: Role, requested: boolean) => {
    // "cơ quan thường trực" is the standing body the document named
    const a = standing && refersToStandingBody(mention.name) ? { ...standing, start: mention.start, end: mention.end } : mention;
    if (a.vague || !a.name) return;
    const key = `${a.key}|${role}|${t.section}|${t.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      agency: a.name,
      role,
      section: t.section,
      task: t.text,
      requested,
      deadline: t.deadline,
      start: t.start,
      end: t.end,
      agencyStart: a.start,
      agencyEnd: a.end,
      agencyKey: a.key,
      head: a.head,
      domain: a.domain,
      level: a.level,
    });
  };
  for (const t of tasks) {
    for (const l of t.leads) push(t, l.agency, 'lead', l.requested);
    const leadKeys = new Set(t.leads.map((l) => l.agency.key));
    for (const s of t.supports) if (!leadKeys.has(s.key)) push(t, s, 'support', false);
  }
  return out.sort((a, b) => a.start - b.start || (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
}
