/**
 * The graph in SQLite (DESIGN.md "SQLite schema"). Each entry of MIGRATIONS moves the schema one
 * version forward; `PRAGMA user_version` records how far a database has been migrated, so an
 * old database opened by a newer vanban is upgraded in place.
 */
export const MIGRATIONS: string[] = [
  // 1: the whole graph
  `
  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,          -- identity: canonical ref + year/issuer (store/identity.ts)
    ref TEXT,                          -- canonical number/symbol, null when blank
    kind TEXT,
    symbol TEXT,
    issuer TEXT,
    issuer_key TEXT,                   -- folded issuer, for identity of local symbols
    place TEXT,
    date TEXT,                         -- ISO date or year
    year INTEGER,
    title TEXT,
    signer TEXT,
    recipients TEXT,                   -- JSON arrays of the "Kính gửi" and "Nơi nhận" lines
    copy_to TEXT,
    source_path TEXT,                  -- null for a stub (cited, not ingested)
    sha256 TEXT,
    format TEXT,
    pages INTEGER,
    size INTEGER,
    text TEXT,                         -- the normalised text all offsets point into
    warnings TEXT,
    ingested_at TEXT,
    is_stub INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX documents_ref ON documents(ref);
  CREATE UNIQUE INDEX documents_source ON documents(source_path) WHERE source_path IS NOT NULL;

  -- files seen by ingest: incremental runs skip a file whose size and mtime (then sha256) match
  CREATE TABLE files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ms INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
  );

  CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sid TEXT NOT NULL,                 -- "II.3.a"; '' for the text outside every section
    label TEXT,
    level INTEGER NOT NULL,
    heading TEXT,
    parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    part INTEGER NOT NULL DEFAULT 0,   -- 0 main text, 1… attached documents
    ord INTEGER NOT NULL,              -- order in the document
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL                 -- the section's own text (heading and body, without sub-sections)
  );
  CREATE INDEX sections_doc ON sections(document_id, ord);

  CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,                -- as first seen, abbreviations expanded
    key TEXT NOT NULL UNIQUE,          -- folded: one agency is one node across documents
    head TEXT,                         -- "Sở", "Bộ", "Ủy ban nhân dân" …
    domain TEXT,                       -- "y tế", "nội vụ"
    level TEXT                         -- central / province / district / commune / mass / class
  );

  CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    sid TEXT,
    text TEXT NOT NULL,
    deadline TEXT,                     -- ISO date or interval
    deadline_text TEXT,                -- as printed
    recurrence TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
  );
  CREATE INDEX tasks_doc ON tasks(document_id);

  CREATE TABLE assignments (
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
    requested INTEGER NOT NULL DEFAULT 0,
    name TEXT,                         -- the agency as this document words it
    start INTEGER,                     -- span of the agency mention
    "end" INTEGER,
    PRIMARY KEY (task_id, agency_id, role)
  );
  CREATE INDEX assignments_agency ON assignments(agency_id);

  CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    sid TEXT,
    indicator TEXT NOT NULL,
    indicator_key TEXT,
    comparator TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    unit TEXT,
    year INTEGER,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
  );
  CREATE INDEX targets_doc ON targets(document_id);
  CREATE INDEX targets_indicator ON targets(indicator_key);

  CREATE TABLE citations (
    id INTEGER PRIMARY KEY,
    from_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    to_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    relation TEXT NOT NULL CHECK (relation IN ('implements', 'based_on', 'guided_by', 'mentions')),
    asserted_in_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    -- what the text says of the cited document, kept so links can be re-resolved
    cited_ref TEXT NOT NULL,
    cited_kind TEXT,
    cited_date TEXT,
    cited_issuer TEXT,
    from_ref TEXT,                     -- "self" or the ref of a chained clause's subject
    cue TEXT,
    sid TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
  );
  CREATE INDEX citations_from ON citations(from_document_id);
  CREATE INDEX citations_to ON citations(to_document_id);
  CREATE INDEX citations_asserted ON citations(asserted_in_document_id);

  CREATE TABLE ingest_log (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT,
    status TEXT NOT NULL,              -- new, replaced, failed, pruned
    error TEXT,
    at TEXT NOT NULL
  );

  -- Full text over the folded section text ("dan so" finds "dân số"; FTS5's own remove_diacritics
  -- does not fold đ or Tỉ/Tỷ). Contentless: the text itself lives in sections.text.
  CREATE VIRTUAL TABLE sections_fts USING fts5(folded, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

  CREATE VIEW v_task_owners AS
    SELECT d.ref AS document, d.key AS document_key, t.sid AS section, a.role, a.requested,
           ag.name AS agency, ag.key AS agency_key, ag.domain, ag.level, t.text AS task,
           t.deadline, t.deadline_text, t.recurrence, t.start, t."end", a.name AS agency_as_written
    FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN documents d ON d.id = t.document_id
    JOIN agencies ag ON ag.id = a.agency_id;

  CREATE VIEW v_chain AS
    SELECT c.id, f.ref AS from_ref, f.key AS from_key, c.relation, t.ref AS to_ref, t.key AS to_key,
           t.is_stub AS to_is_stub, f.date AS from_date, t.date AS to_date, f.issuer AS from_issuer,
           t.issuer AS to_issuer, a.ref AS asserted_in, c.start, c."end"
    FROM citations c JOIN documents f ON f.id = c.from_document_id
    LEFT JOIN documents t ON t.id = c.to_document_id JOIN documents a ON a.id = c.asserted_in_document_id;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
