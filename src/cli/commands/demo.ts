import { DEFAULT_DB } from '../../store/db.js';
import { parseCommandArgs, str, type CommandSpec } from '../args.js';

/** Example queries run by `npm start` after ingesting the shipped corpus. */
const EXAMPLES: { argv: string[]; why: string }[] = [
  { argv: ['show', 'corpus/kh-long-bien-2024-thuc-hien-ct11.txt'], why: 'header and outline of a district plan' },
  { argv: ['search', 'mat can bang gioi tinh', '-n', '5'], why: 'search without diacritics' },
  { argv: ['tasks', '--agency', 'so y te', '--limit', '10'], why: 'what Sở Y tế must do, across documents' },
  { argv: ['chain', '21-NQ/TW', '--down'], why: 'the cascade below the Party resolution on population' },
  { argv: ['targets', '--compare', '57-NQ/TW'], why: 'national targets restated by the Government programme' },
];

export const demoCommand: CommandSpec = {
  name: 'demo',
  summary: 'ingest corpus/ and show a few example queries (npm start)',
  usage: 'vanban demo [--db FILE]',
  details: 'Ingests the shipped corpus/ into the database (default out/vanban.db), prints the ingest summary, then runs a few example queries and prints each command line before its output.',
  options: { db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' } },
  async run({ values }) {
    const db = str(values.db) ?? DEFAULT_DB;
    const { ingestCommand } = await import('./ingest.js');
    const out = (s: string) => process.stdout.write(s + '\n');
    out(`$ vanban ingest corpus --db ${db}`);
    const code = await ingestCommand.run(parseCommandArgs(ingestCommand, ['corpus', '--db', db, '--quiet']));
    const { COMMANDS } = await import('../registry.js');
    for (const ex of EXAMPLES) {
      const entry = COMMANDS[ex.argv[0]];
      if (!entry) continue;
      const spec = await entry.load();
      out('');
      out(`# ${ex.why}`);
      out(`$ vanban ${ex.argv.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`);
      try {
        await spec.run(parseCommandArgs(spec, [...ex.argv.slice(1), '--db', db]));
      } catch (e) {
        out(`(${(e as Error).message})`);
      }
    }
    out('');
    out('More: vanban --help, and vanban COMMAND --help');
    return code;
  },
};
