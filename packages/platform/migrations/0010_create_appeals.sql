-- Appeals (申诉) against listed entries: a partner or an officer asks for a wrongly listed value to be
-- released; an analyst approves (the entry is withdrawn and the value kept on an allow list) or
-- rejects, with a reason. `value` and `match` are the entry's normalised form, as in intel_entries.
CREATE TABLE appeals (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  list_id             uuid NOT NULL REFERENCES intel_lists (id),
  kind                text NOT NULL CHECK (kind IN ('number', 'domain', 'url', 'account')),
  value               text NOT NULL,
  match               text NOT NULL,
  account_kind        text,
  appellant_type      text NOT NULL CHECK (appellant_type IN ('user', 'api_key', 'system')),
  appellant_id        uuid,
  appellant           text NOT NULL,
  appellant_unit_code text NOT NULL REFERENCES units (code),
  reason              text NOT NULL CHECK (length(reason) BETWEEN 2 AND 2000),
  evidence            text,
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by          text,
  decision_reason     text,
  created_at          timestamptz NOT NULL,
  decided_at          timestamptz,
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
-- One pending appeal per listed value at a time; decided ones stay as history.
CREATE UNIQUE INDEX appeals_pending ON appeals (list_id, value, match) WHERE status = 'pending';
CREATE INDEX appeals_unit ON appeals (appellant_unit_code, created_at DESC);
CREATE INDEX appeals_appellant ON appeals (appellant_id, created_at DESC);
