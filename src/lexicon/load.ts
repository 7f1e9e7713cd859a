import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Lexicons are data files under src/lexicon/data so that an analyst can extend them without
 * touching code. This finds that folder both when running from src (tests) and from dist.
 */
let dataDir: string | null = null;
export function lexiconDir(): string {
  if (dataDir) return dataDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'src', 'lexicon', 'data');
    if (existsSync(candidate)) return (dataDir = candidate);
    const here = join(dir, 'data');
    if (existsSync(join(here, 'syllables.txt'))) return (dataDir = here);
    dir = dirname(dir);
  }
  // a build written elsewhere (tsc --outDir /tmp/x) still finds the data of the working copy
  const fromCwd = join(process.cwd(), 'src', 'lexicon', 'data');
  if (existsSync(fromCwd)) return (dataDir = fromCwd);
  throw new Error('lexicon data folder src/lexicon/data not found');
}

const cache = new Map<string, unknown>();

export function loadJson<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(join(lexiconDir(), name), 'utf8')));
  return cache.get(name) as T;
}

/** Lines of a text data file, without '#' comments and blank lines. */
export function loadLines(name: string): string[] {
  const key = `lines:${name}`;
  if (!cache.has(key)) {
    const lines = readFileSync(join(lexiconDir(), name), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    cache.set(key, lines);
  }
  return cache.get(key) as string[];
}

let syllables: Map<string, number> | null = null;
/** Known Vietnamese syllables (lower case, NFC) with their corpus counts. */
export function syllableCounts(): Map<string, number> {
  if (!syllables) {
    syllables = new Map();
    for (const line of loadLines('syllables.txt')) {
      const [w, n] = line.split('\t');
      syllables.set(w, Number(n) || 1);
    }
  }
  return syllables;
}
