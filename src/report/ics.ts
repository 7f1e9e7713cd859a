/**
 * iCalendar (RFC 5545) export of task deadlines: one all-day event per task on its due date
 * (the end of an interval), repeating when the task recurs. Lines end in CRLF and are folded at
 * 75 octets, as calendar programs require.
 */
export interface CalendarTask {
  uid: string;
  due: string; // YYYY-MM-DD
  summary: string;
  description: string;
  recurrence: string | null;
}

const RRULE: Record<string, string> = {
  monthly: 'FREQ=MONTHLY',
  quarterly: 'FREQ=MONTHLY;INTERVAL=3',
  'half-yearly': 'FREQ=MONTHLY;INTERVAL=6',
  yearly: 'FREQ=YEARLY',
};

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Fold a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function toIcs(name: string, tasks: CalendarTask[], now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//vanban//deadlines//VI', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${escapeText(name)}`];
  for (const t of tasks) {
    const day = t.due.replace(/-/g, '');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${t.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `SUMMARY:${escapeText(t.summary)}`,
      `DESCRIPTION:${escapeText(t.description)}`,
    );
    if (t.recurrence && RRULE[t.recurrence]) lines.push(`RRULE:${RRULE[t.recurrence]}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
