-- The flow of a clue, one row per step with who, when and why: dispatched (下发), signed (签收), note
-- (work note), feedback (反馈), returned (不属本辖区 → to the common parent), transferred (转派 to another
-- unit), reminded, escalated. from/to units say where it went; nothing here is ever updated.
CREATE TABLE clue_hops (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clue_id         text NOT NULL REFERENCES clues (id) ON DELETE CASCADE,
  kind            text NOT NULL
                  CHECK (kind IN ('dispatched', 'signed', 'note', 'feedback', 'returned', 'transferred',
                                  'reminded', 'escalated')),
  from_unit_code  text REFERENCES units (code),
  to_unit_code    text REFERENCES units (code),
  actor           text NOT NULL,
  actor_unit_code text,
  reason          text,
  detail          jsonb,
  at              timestamptz NOT NULL
);
CREATE INDEX clue_hops_clue ON clue_hops (clue_id, id);
CREATE INDEX clue_hops_at ON clue_hops (at DESC, id DESC);
