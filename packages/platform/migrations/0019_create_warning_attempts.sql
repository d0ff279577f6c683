-- The officers' attempts to reach a warned person (call via 96110, flash SMS, visit) and their outcome.
CREATE TABLE warning_attempts (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  warning_id   uuid NOT NULL REFERENCES warnings (id),
  channel      text NOT NULL CHECK (channel IN ('call', 'sms', 'visit')),
  outcome      text NOT NULL CHECK (outcome IN ('dissuaded', 'paid', 'unreachable', 'false_alarm')),
  amount       numeric(16, 2) CHECK (amount >= 0),
  note         text,
  message      text,
  by_user      text,
  by_user_id   uuid,
  unit_code    text REFERENCES units (code),
  at           timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL
);
CREATE INDEX warning_attempts_warning ON warning_attempts (warning_id, at);
