import { InputError } from '../../models.js';
import { UsageError, str, type CommandSpec } from '../args.js';

export const extractCommand: CommandSpec = {
  name: 'extract',
  summary: 'read one document and print what was found in it (no database)',
  usage: 'vanban extract FILE [--json | --text] [--password PW]',
  details: `
Runs read → normalize → parse → extract on FILE (PDF, DOCX, DOC, TXT, Markdown or HTML) and
prints the result. --json prints the contract of spec/extraction.md (schema vanban.extract/1):
document header, sections, citations, assignments and targets, each with offsets into the
normalised text. --text prints the normalised text those offsets point into. Without either
flag a short human summary is printed.

Examples:
  vanban extract corpus/kh-long-bien-2024-thuc-hien-ct11.txt --json
  vanban extract fixtures/kh-ha-nam-2018-thuc-hien-nq137.pdf --text`,
  options: {
    json: { type: 'boolean', description: 'print the extraction contract as JSON' },
    text: { type: 'boolean', description: 'print the normalised text' },
    password: { type: 'string', description: 'password of an encrypted PDF', placeholder: 'PW' },
  },
  async run({ values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('extract takes exactly one FILE');
    if (values.json && values.text) throw new UsageError('choose one of --json and --text');
    const { processFile } = await import('../../pipeline.js');
    const file = positionals[0];
    try {
      const p = await processFile(file, { password: str(values.password) });
      if (values.json) {
        process.stdout.write(JSON.stringify(p.extraction, null, 1) + '\n');
      } else if (values.text) {
        process.stdout.write(p.clean.text + '\n');
      } else {
        const { printSummary } = await import('../show.js');
        printSummary(p.extraction);
      }
      for (const w of p.extraction.warnings) process.stderr.write(`${file}: warning: ${w}\n`);
      return 0;
    } catch (e) {
      if (e instanceof InputError) {
        process.stderr.write(`${e.path}: ${e.reason}\n`);
        return 1;
      }
      throw e;
    }
  },
};
