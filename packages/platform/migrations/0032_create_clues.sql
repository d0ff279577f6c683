-- Clues (线索) dispatched down the org tree (下发). `origin_unit_code` sent it; `unit_code` holds it now
-- (the receiving unit, or after 不属本辖区 the common parent that redirects it). Status: pending (待签收),
-- working (已签收), transferring (待转派, at the common parent), done (已反馈 with a result). An overdue
-- clue is reminded once and escalated to the holder's parent (escalated_to). Every hop is in clue_hops.
CREATE SEQUENCE clue_serial;
CREATE TABLE clues (
  id                  text PRIMARY KEY,
  origin_unit_code    text NOT NULL REFERENCES units (code),
  unit_code           text NOT NULL REFERENCES units (code),
  status              text NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'working', 'transferring', 'done')),
  priority            text NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  content             text NOT NULL CHECK (length(content) BETWEEN 1 AND 20000),
  deadline_at         timestamptz NOT NULL,
  operation_id        text REFERENCES operations (id),
  -- What produced it, e.g. ('card_target', <id>) from the two-card analysis; free for callers.
  source_kind         text,
  source_id           text,
  -- The unit the last 不属本辖区 feedback named as the right one (a hint for the common parent).
  suggested_unit_code text REFERENCES units (code),
  result              text CHECK (result IN ('verified', 'caught', 'not_found')),
  caught_count        integer CHECK (caught_count >= 0),
  cards_seized        integer CHECK (cards_seized >= 0),
  money_frozen        numeric(16, 2) CHECK (money_frozen >= 0),
  result_note         text,
  dispatched_at       timestamptz NOT NULL,
  signed_at           timestamptz,
  signed_by           text,
  completed_at        timestamptz,
  completed_by        text,
  reminded_at         timestamptz,
  escalated_at        timestamptz,
  escalated_to        text REFERENCES units (code),
  created_by          text NOT NULL,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  CHECK ((status = 'done') = (result IS NOT NULL)),
  CHECK (result = 'caught' OR (caught_count IS NULL AND cards_seized IS NULL AND money_frozen IS NULL))
);
CREATE INDEX clues_unit_status ON clues (unit_code, status, deadline_at);
CREATE INDEX clues_origin ON clues (origin_unit_code, dispatched_at DESC);
CREATE INDEX clues_operation ON clues (operation_id) WHERE operation_id IS NOT NULL;
CREATE INDEX clues_open_deadline ON clues (deadline_at) WHERE status <> 'done';
CREATE INDEX clues_completed ON clues (completed_at) WHERE status = 'done';
CREATE INDEX clues_source ON clues (source_kind, source_id) WHERE source_kind IS NOT NULL;
