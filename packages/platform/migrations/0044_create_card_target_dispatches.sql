-- Key targets (重点对象) dispatched as clues: one row per person, naming the clue (modules/clues) that
-- carries him to the unit of his residence or opening place, with the score and reasons at the time.
-- A person is dispatched once; the clue's feedback says whether he was caught.
CREATE TABLE card_target_dispatches (
  person_id         uuid PRIMARY KEY REFERENCES card_persons (id),
  clue_id           text NOT NULL,
  from_unit_code    text NOT NULL REFERENCES units (code),
  target_unit_code  text NOT NULL REFERENCES units (code),
  score             numeric(10, 2) NOT NULL,
  reasons           jsonb NOT NULL,
  dispatched_by     text NOT NULL,
  dispatched_at     timestamptz NOT NULL
);
CREATE INDEX card_target_dispatches_target ON card_target_dispatches (target_unit_code);
