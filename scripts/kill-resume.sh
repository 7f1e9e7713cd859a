#!/usr/bin/env bash
# Kill `vanban ingest` with SIGKILL in the middle of a run, run it again, and check that the
# database ends the same as after an uninterrupted run (documents, sections, tasks, targets,
# citations, files — everything but row ids and timestamps).
#   bash scripts/kill-resume.sh [SOURCE_DIR] [KILL_AFTER_SECONDS]
# Default source: ../shared/corpus/bench when present (446 documents), else corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/corpus/bench}
[ -d "$src" ] || src=corpus
after=${2:-1.5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npx --no-install tsc -p . >/dev/null
cli="node dist/src/cli/main.js"

$cli ingest "$src" --db "$work/full.db" --quiet --jobs 2 >/dev/null 2>&1 || true

$cli ingest "$src" --db "$work/killed.db" --quiet --jobs 2 >/dev/null 2>&1 &
pid=$!
sleep "$after"
if kill -9 "$pid" 2>/dev/null; then echo "killed ingest (pid $pid) after ${after}s"; else echo "ingest finished before the kill: use a larger SOURCE_DIR or a smaller delay" >&2; exit 2; fi
wait "$pid" 2>/dev/null || true
partial=$(node -e "const D=require('better-sqlite3');const db=new D(process.argv[1],{readonly:true});console.log(db.prepare('select count(*) n from documents where is_stub=0').get().n)" "$work/killed.db")
echo "documents stored before the kill: $partial"
$cli ingest "$src" --db "$work/killed.db" --quiet --jobs 2 >/dev/null 2>&1 || true

dump() {
  node -e "
const D = require('better-sqlite3');
const db = new D(process.argv[1], { readonly: true });
const q = (s) => JSON.stringify(db.prepare(s).all());
console.log([
  q('SELECT source_path, ref, kind, issuer, date, title, signer, sha256, is_stub FROM documents WHERE is_stub = 0 ORDER BY source_path'),
  q('SELECT ref, kind, issuer, date FROM documents WHERE is_stub = 1 ORDER BY ref, issuer, date'),
  q('SELECT d.source_path, s.sid, s.start, s.\"end\", s.text FROM sections s JOIN documents d ON d.id = s.document_id ORDER BY d.source_path, s.ord'),
  q('SELECT d.source_path, t.sid, t.text, t.deadline, a.role, g.key FROM tasks t JOIN documents d ON d.id = t.document_id JOIN assignments a ON a.task_id = t.id JOIN agencies g ON g.id = a.agency_id ORDER BY 1, 2, t.start, 5, 6'),
  q('SELECT d.source_path, t.sid, t.indicator, t.comparator, t.value, t.year FROM targets t JOIN documents d ON d.id = t.document_id ORDER BY 1, t.start, t.value'),
  q('SELECT a.source_path, c.cited_ref, c.relation, c.from_ref, c.start FROM citations c JOIN documents a ON a.id = c.asserted_in_document_id ORDER BY 1, c.start, 2, 3, 4'),
  q('SELECT path, size, sha256 FROM files ORDER BY path'),
].join('\n'));" "$1"
}
if [ "$(dump "$work/full.db" | sha256sum)" = "$(dump "$work/killed.db" | sha256sum)" ]; then
  echo "OK: killed-and-resumed database equals the uninterrupted one"
else
  echo "FAIL: the databases differ" >&2
  diff <(dump "$work/full.db" | tr '}' '\n') <(dump "$work/killed.db" | tr '}' '\n') | head -20 >&2
  exit 1
fi
