-- Warnings (预警): one open warning per potential victim (phone, E.164), routed to the unit responsible
-- for the person, with a deadline to first contact, escalation to the parent unit when it passes, and
-- the outcome of the officers' work (amount: loss avoided when dissuaded, loss when paid; yuan).
CREATE TABLE warnings (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone             text NOT NULL CHECK (phone ~ '^\+[0-9]{6,15}$'),
  id_number         text CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  unit_code         text NOT NULL REFERENCES units (code),
  routed_by         text NOT NULL CHECK (routed_by IN ('residence', 'home_region', 'province', 'transfer')),
  level             text NOT NULL CHECK (level IN ('red', 'orange', 'yellow')),
  fraud_type        text,
  rule_ids          text[] NOT NULL DEFAULT '{}',
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  outcome           text CHECK (outcome IN ('dissuaded', 'paid', 'false_alarm')),
  amount            numeric(16, 2) CHECK (amount >= 0),
  unreachable_count integer NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  deadline_at       timestamptz NOT NULL,
  first_contact_at  timestamptz,
  escalated_at      timestamptz,
  escalated_to      text REFERENCES units (code),
  closed_at         timestamptz,
  CHECK ((status = 'open') = (closed_at IS NULL)),
  CHECK ((status = 'open') = (outcome IS NULL))
);
CREATE UNIQUE INDEX warnings_open_phone ON warnings (phone) WHERE status = 'open';
CREATE INDEX warnings_unit ON warnings (unit_code, status, deadline_at);
CREATE INDEX warnings_created ON warnings (created_at);
CREATE INDEX warnings_overdue ON warnings (deadline_at)
  WHERE status = 'open' AND first_contact_at IS NULL AND escalated_at IS NULL;
