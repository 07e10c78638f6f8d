/**
 * The store's SQLite schema. Bump {@link SCHEMA_VERSION} with any change to it: a file of another
 * version is refused at open rather than read with the wrong layout.
 */

/** Version of the schema below, stored in the `schema_version` table. */
export const SCHEMA_VERSION = 1;

/** Every status of a journalled submission: waiting, in a block, or refused with a receipt. */
export const JOURNAL_STATUSES = ['pending', 'included', 'rejected'] as const;

/** Status of a journalled submission. */
export type JournalStatus = (typeof JOURNAL_STATUSES)[number];

/** Tables of a new store. Values are the codec's text (see `stateCodec.ts`); times are Unix milliseconds. */
export const SCHEMA_SQL = `
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE genesis (root TEXT NOT NULL);
CREATE TABLE blocks (
  number INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  parent TEXT NOT NULL,
  state_root TEXT NOT NULL,
  time INTEGER NOT NULL
);
CREATE TABLE extrinsics (
  block INTEGER NOT NULL REFERENCES blocks (number),
  idx INTEGER NOT NULL,
  submission TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (block, idx)
);
CREATE TABLE receipts (
  block INTEGER NOT NULL REFERENCES blocks (number),
  idx INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (block, idx)
);
CREATE TABLE events (
  block INTEGER NOT NULL REFERENCES blocks (number),
  idx INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (block, idx)
);
CREATE TABLE snapshots (
  block INTEGER PRIMARY KEY REFERENCES blocks (number),
  state TEXT NOT NULL
);
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  envelope TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN (${JOURNAL_STATUSES.map((s) => `'${s}'`).join(', ')})),
  block INTEGER REFERENCES blocks (number),
  receipt TEXT,
  CHECK ((status = 'pending') = (block IS NULL AND receipt IS NULL))
);
CREATE INDEX journal_pending ON journal (seq) WHERE status = 'pending';
`;
