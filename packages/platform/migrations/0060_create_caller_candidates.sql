-- Numbers whose calling behaviour (carriers' CDRs through the caller-behaviour windows) scored above
-- the marking threshold, waiting for an analyst. One row per number: later marked windows raise its
-- count and keep its best score. An analyst's decision turns it into a block entry or an allow entry.
CREATE TABLE caller_candidates (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number          text NOT NULL UNIQUE,
  score           real NOT NULL CHECK (score BETWEEN 0 AND 1),
  contributions   jsonb NOT NULL,
  features        jsonb NOT NULL,
  window_start    timestamptz NOT NULL,
  windows         integer NOT NULL DEFAULT 1 CHECK (windows >= 1),
  first_seen_at   timestamptz NOT NULL,
  last_seen_at    timestamptz NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'blocked', 'allowed', 'dismissed')),
  decided_by      text,
  decided_at      timestamptz,
  decision_reason text,
  list_name       text
);
CREATE INDEX caller_candidates_status ON caller_candidates (status, score DESC);
