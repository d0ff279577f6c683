-- Notices to a unit about its clues: a new clue to sign, one due soon or overdue (reminder), one
-- escalated to it, one returned to it for redirecting. Read by anyone of the unit; read_at once.
CREATE TABLE clue_notices (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_code  text NOT NULL REFERENCES units (code),
  clue_id    text NOT NULL REFERENCES clues (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('dispatched', 'due_soon', 'overdue', 'escalated', 'returned')),
  message    text NOT NULL,
  created_at timestamptz NOT NULL,
  read_at    timestamptz,
  read_by    text
);
CREATE INDEX clue_notices_unit ON clue_notices (unit_code, id DESC);
CREATE INDEX clue_notices_unread ON clue_notices (unit_code) WHERE read_at IS NULL;
