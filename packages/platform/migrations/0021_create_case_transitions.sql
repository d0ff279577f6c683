-- The status flow of a case (受理 → 立案 → 侦查 → 破案 / 撤案): one row per step with who and when.
-- The first row (from_status NULL) is the intake.
CREATE TABLE case_transitions (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id         text NOT NULL REFERENCES cases (id),
  from_status     text,
  to_status       text NOT NULL,
  cause           text CHECK (cause IN ('mistake', 'duplicate', 'no_crime', 'other')),
  reason          text,
  actor           text NOT NULL,
  actor_unit_code text,
  at              timestamptz NOT NULL
);
CREATE INDEX case_transitions_case ON case_transitions (case_id, id);
