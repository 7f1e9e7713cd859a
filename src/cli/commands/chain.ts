import type { Relation } from '../../models.js';
import { DEFAULT_DB } from '../../store/db.js';
import { UsageError, int, str, type CommandSpec } from '../args.js';
import { openForQuery, pickDocument } from '../db.js';

const RELATIONS: Relation[] = ['implements', 'guided_by', 'based_on', 'mentions'];

export const chainCommand: CommandSpec = {
  name: 'chain',
  summary: 'follow the citation cascade up or down from a document',
  usage: 'vanban chain REF [--down | --up | --both] [--depth N] [--relations LIST] [--format tree|json|dot|mermaid] [--db FILE]',
  details: `
Walks the citation graph from REF. --down (the default) lists the documents that implement REF,
are guided by it or based on it, then the documents that implement those, and so on; --up lists
what REF implements. Each edge shows the relation, the date and issuer of the document, the lag
in days for "implements" edges where both dates are known, and "[not ingested]" for documents
only known from citations. An edge asserted by a third document (a chained clause such as
"Kế hoạch 94/KH-UBND thực hiện Kế hoạch 74-KH/TU") says which document asserted it.

Examples:
  vanban chain 21-NQ/TW --down
  vanban chain corpus/kh-long-bien-2024-thuc-hien-ct11.txt --up
  vanban chain 57-NQ/TW --format mermaid > chain.mmd`,
  options: {
    down: { type: 'boolean', description: 'documents below REF (default)' },
    up: { type: 'boolean', description: 'documents above REF' },
    both: { type: 'boolean', description: 'both directions' },
    depth: { type: 'string', short: 'd', description: 'at most N levels (default 6)', placeholder: 'N' },
    relations: { type: 'string', description: 'relations to follow, comma-separated (default implements,guided_by,based_on; add mentions)', placeholder: 'LIST' },
    format: { type: 'string', short: 'f', description: 'tree (default), json, dot or mermaid', placeholder: 'FMT' },
    db: { type: 'string', description: `database file (default ${DEFAULT_DB})`, placeholder: 'FILE' },
  },
  async run({ values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('chain takes one REF');
    const direction = values.both ? 'both' : values.up ? 'up' : 'down';
    const format = str(values.format) ?? 'tree';
    if (!['tree', 'json', 'dot', 'mermaid'].includes(format)) throw new UsageError('--format takes tree, json, dot or mermaid');
    const relations = str(values.relations)?.split(',').map((r) => r.trim()) as Relation[] | undefined;
    if (relations?.some((r) => !RELATIONS.includes(r))) throw new UsageError(`--relations takes some of ${RELATIONS.join(', ')}`);
    const db = openForQuery(str(values.db));
    const doc = pickDocument(db, positionals[0]);
    const { walkChain, renderTree, renderDot, renderMermaid, chainJson } = await import('../../query/chain.js');
    const chain = walkChain(db, doc.id, { direction, depth: int(values.depth, 'depth', 1), relations });
    const out =
      format === 'json' ? JSON.stringify(chainJson(chain), null, 1) : format === 'dot' ? renderDot(chain) : format === 'mermaid' ? renderMermaid(chain) : renderTree(chain, direction);
    process.stdout.write(out + '\n');
    if (format === 'tree' && !chain.edges.length) process.stderr.write(`no ${direction === 'up' ? 'documents above' : 'documents below'} ${positionals[0]} in the database\n`);
    return 0;
  },
};
