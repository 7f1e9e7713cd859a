import type { CommandSpec } from './args.js';

/** Commands are loaded on demand so that `vanban --help` and `extract` start fast. */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandSpec> }> = {
  ingest: { summary: 'read documents into the database (default corpus/ → out/vanban.db)', load: async () => (await import('./commands/ingest.js')).ingestCommand },
  extract: { summary: 'read one document and print what was found (no database)', load: async () => (await import('./commands/extract.js')).extractCommand },
  show: { summary: 'header and outline of one stored document', load: async () => (await import('./commands/show.js')).showCommand },
  search: { summary: 'full-text search, diacritics optional ("dan so" finds "dân số")', load: async () => (await import('./commands/search.js')).searchCommand },
  tasks: { summary: 'who owns which task, with deadlines, across all documents', load: async () => (await import('./commands/tasks.js')).tasksCommand },
  agencies: { summary: 'agencies with their task counts by role', load: async () => (await import('./commands/agencies.js')).agenciesCommand },
  matrix: { summary: 'the agency × task table of one document', load: async () => (await import('./commands/matrix.js')).matrixCommand },
  calendar: { summary: "export an agency's task deadlines as an .ics calendar", load: async () => (await import('./commands/calendar.js')).calendarCommand },
  targets: { summary: 'numeric targets; --compare checks them against implementing documents', load: async () => (await import('./commands/targets.js')).targetsCommand },
  coverage: { summary: 'does a plan carry down every task and target of the directive it implements', load: async () => (await import('./commands/coverage.js')).coverageCommand },
  chain: { summary: 'follow the citation cascade up or down from a document', load: async () => (await import('./commands/chain.js')).chainCommand },
  cites: { summary: 'what a document cites, and what cites it', load: async () => (await import('./commands/cites.js')).citesCommand },
  lag: { summary: 'days between a document and each document implementing it', load: async () => (await import('./commands/lag.js')).lagCommand },
  demo: { summary: 'ingest corpus/ and show a few example queries (npm start)', load: async () => (await import('./commands/demo.js')).demoCommand },
};
