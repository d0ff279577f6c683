-- A warning's evidence and history: the signals (events) and rule firings that raised it, with the
-- reasons, and its escalations and transfers. `key` makes each entry idempotent per warning
-- (`signal:<event id>`, `firing:<rule id>:<event id>`), so a redelivered event changes nothing.
CREATE TABLE warning_timeline (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  warning_id uuid NOT NULL REFERENCES warnings (id),
  key        text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('signal', 'firing', 'escalation', 'transfer')),
  event_id   text,
  rule_id    text,
  at         timestamptz NOT NULL,
  detail     jsonb NOT NULL
);
CREATE UNIQUE INDEX warning_timeline_key ON warning_timeline (warning_id, key);
CREATE INDEX warning_timeline_firing ON warning_timeline (key) WHERE kind = 'firing';
