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
  enactsAt,
  fieldLine,
  hasCommand,
  headingOwners,
  isNonTaskHeading,
  isOwnerSection,
  listedOwners,
  modalOwners,
  namesAction,
  namesWork,
  refersToStandingBody,
  supportsIn,
  type HeadingOwners,
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
  heading?: HeadingOwners | Owners;
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

  // label paragraph of each section; the sections whose sub-items name owners in their headings
  const labelOf = new Map<Section, Paragraph>();
  for (const p of paragraphs) if (p.section && p.start === p.section.start) labelOf.set(p.section, p);
  const ownerContext = new Set<Section | null>();
  for (const [s, p] of labelOf) {
    if (nonTask.has(s)) continue;
    const h = headingOf(p, s);
    if (isOwnerSection(h.text)) ownerContext.add(s);
    if (fieldLine(h.text)) continue;
    const ho = headingOwners(h.text, h.offset, defined);
    if (ho && ho.bodyStart == null && ho.owners.some((a) => !a.vague)) ownerContext.add(s.parent);
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

  /**
   * Read one task text: subjects of its clauses, partners, deadline. `structure`: the text is the heading or a
   * lead-in of a section whose sub-items hold its tasks ("2.1. Trách nhiệm chung", "5. Để …, các Sở, ngành …
   * triển khai những nội dung sau:"): it names owners for them but is no task of its own.
   */
  const readTask = (text: string, offset: number, section: Section | null, closing: boolean, structure: 'heading' | 'lead-in' | null = null): void => {
    const cut = closing ? closingStart(text) : -1;
    const body = cut >= 0 ? text.slice(0, cut) : text;
    if (!collapse(body)) return;
    const seg = segment(body, offset);
    const partners = supportsIn(seg, 0, seg.toks.length, defined);
    const subjects: Owners[] = [];
    let enacts = false;
    const starts = clauseStarts(seg, closing).filter((k) => !partners.ranges.some(([a, b]) => k > a && k < b));
    // the task opens without a subject: its first clause is the inherited owner's ("Chủ động công bố … . UBND cấp xã chú trọng …")
    let opensBare = false;
    let listEnd = 0;
    starts.forEach((k, n) => {
      // a ":" or ";" inside a subject list ("Giám đốc: Trung tâm …, Trung tâm …; Chủ tịch …") starts no clause
      if (k < listEnd) return;
      const r = clauseOwners(seg, k, defined);
      if (r) listEnd = r.end;
      if (r && enactsAt(seg, r.end)) enacts = true;
      // a subject that names nobody ("Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan") leaves the heading's owner
      if (r && r.owners.some((a) => !a.vague)) subjects.push({ ...r, owners: r.owners.filter((a) => !a.vague) });
      else if (!closing) {
        const m = modalOwners(seg, k, starts[n + 1] ?? seg.toks.length, defined);
        if (m) subjects.push(m);
        else if (n === 0 && !r) opensBare = true;
      }
    });
    if (closing && !subjects.length) return;
    // the issuer's own command ("Yêu cầu các bộ, ngành, địa phương … phải …") where nothing else names an owner
    if (!subjects.length && !closing && hasCommand(seg) && !(cur.leadIn && cur.leadIn.section === section) && !inheritedOwners(section, info)) {
      for (const k of starts) {
        const r = clauseOwners(seg, k, defined, true);
        if (r && r.owners.some((a) => !a.vague)) subjects.push({ ...r, owners: r.owners.filter((a) => !a.vague) });
      }
    }
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
    if (structure && section) {
      // a lead-in for the sub-items: its subject (and partners) own them
      // the issuer enacting ("…, Ủy ban Thường vụ Quốc hội quyết định … như sau:") owns no sub-item
      if (structure === 'lead-in' && leads.length && !enacts) {
        infoOf(section).heading = { owners: leads.map((l) => l.agency), requested: leads.some((l) => l.requested), bodyStart: null, supports, leadIn: true };
      }
      if (structure === 'lead-in' || (!leads.length && !supports.length)) return;
    }
    if (!leads.length) {
      // no subject: the owner of the lead-in above, else of the nearest heading that names one; a text that
      // names no work ("Nơi nhận:", "Mẫu số 10", "(Ký, đóng dấu …)") is no task of theirs
      const inherited = !namesAction(seg.toks) ? null : cur.leadIn && cur.leadIn.section === section ? cur.leadIn.owners : inheritedOwners(section, info);
      if (inherited) {
        t.leads = inherited.owners.map((agency) => ({ agency, requested: inherited.requested }));
        // partners of a lead-in ("… chủ trì, phối hợp với Sở Tài chính thực hiện các nội dung sau:") are its sub-items' too
        const more = (inherited as HeadingOwners).supports;
        if (more) t.supports = [...supports, ...more];
      }
    } else if (ownSection) {
      // the heading's owner still owns the section's other work ("both levels are kept")
      t.leads.push(...ownSection.owners.map((agency) => ({ agency, requested: ownSection.requested })));
    } else if (opensBare && !structure && namesAction(seg.toks.slice(0, starts[1] ?? seg.toks.length))) {
      const inherited = inheritedOwners(section, info);
      if (inherited) t.leads.push(...inherited.owners.map((agency) => ({ agency, requested: inherited.requested })));
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
      const ho = headingOwners(text, offset, defined, { whole: ownerContext.has(section!.parent) });
      if (ho) {
        infoOf(section!).heading = ho;
        if (ho.bodyStart == null) continue;
        offset += ho.bodyStart;
        text = text.slice(ho.bodyStart);
      } else {
        // an item whose sentence names its owner owns the sub-items below it too (a lead-in is read by readTask)
        const seg = segment(text, offset);
        const r = leadInShape(text, section!) ? null : clauseOwners(seg, 0, defined);
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
    // the heading or lead-in of a section whose sub-items hold the tasks
    let structure: 'heading' | 'lead-in' | null = null;
    if (section && section.children.length && !closing) {
      if (leadInShape(text, section)) structure = 'lead-in';
      // a heading, or a colon line that introduces the sub-items ("Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng:")
      else if (isLabel || /:\s*$/u.test(text)) structure = 'heading';
    }
    readTask(text, offset, section, closing, structure);
  }

  // field blocks: the item is the task, its fields name the owners
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
 * A lead-in of a section's sub-items: one sentence ending in ":" that names work ("… triển khai thực hiện
 * những nội dung sau:"). "X tổ chức kiểm tra … . Nội dung kiểm tra bao gồm:" is a task of its own, and
 * "… xác định kết quả bầu cử như sau:" introduces content, not work.
 */
function leadInShape(text: string, section: Section): boolean {
  if (!section.children.length || !/:\s*$/u.test(text)) return false;
  return !/[.!?;]\s+\S/u.test(text.trim()) && namesWork(text);
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

/** The owners of the nearest heading above that names any; a heading that names only vague bodies ("Các đơn vị khác") stops the search. */
function inheritedOwners(section: Section | null, info: Map<Section, SectionInfo>): HeadingOwners | Owners | null {
  let depth = 0;
  for (let s = section; s; s = s.parent, depth++) {
    const h = info.get(s)?.heading;
    // a lead-in owns its own sub-items, not theirs ("II. …, các Bộ, … thực hiện các nhiệm vụ sau:" over II.1.a)
    if (h && (h as HeadingOwners).leadIn && depth > 1) continue;
    if (h) return h.owners.some((a) => !a.vague) ? h : null;
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
