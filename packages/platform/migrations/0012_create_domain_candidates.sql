-- New domain names (newly registered, certificate transparency) that the lookalike scorer raised for
-- analyst review. An analyst's decision turns a candidate into a list entry or an allow entry.
CREATE TABLE domain_candidates (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            text NOT NULL UNIQUE,
  score           real NOT NULL CHECK (score BETWEEN 0 AND 1),
  contributions   jsonb NOT NULL,
  feed            text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'blocked', 'allowed', 'dismissed')),
  seen_at         timestamptz NOT NULL,
  decided_by      text,
  decided_at      timestamptz,
  decision_reason text,
  list_name       text
);
CREATE INDEX domain_candidates_pending ON domain_candidates (status, score DESC);
