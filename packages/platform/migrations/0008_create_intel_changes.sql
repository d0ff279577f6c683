-- The change log of the intelligence lists: every add and remove, in order, with who and why. It is
-- the version history of each entry and the feed screening nodes follow (seq > last seen). A bulk
-- import is one 'bulk' row: followers load a fresh snapshot instead of replaying millions of adds.
CREATE TABLE intel_changes (
  seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  list_id    uuid NOT NULL REFERENCES intel_lists (id),
  op         text NOT NULL CHECK (op IN ('add', 'remove', 'bulk')),
  kind       text NOT NULL,
  value      text NOT NULL,
  match      text NOT NULL,
  entry      jsonb NOT NULL,
  actor      text,
  reason     text
);
CREATE INDEX intel_changes_value ON intel_changes (value, seq);
