-- Partner events (预警 intake: calls, SMS, web visits, app installs, transfers, reports, screening hits)
-- after validation, one row per event id: the id is the idempotency key, so a redelivered or resent
-- event changes nothing. `phone` is E.164; `at` is when it happened, `received_at` when it arrived.
CREATE TABLE events (
  id          text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),
  kind        text NOT NULL CHECK (kind IN ('call', 'sms', 'web', 'app', 'transfer', 'report', 'screening_hit')),
  at          timestamptz NOT NULL,
  phone       text NOT NULL,
  id_number   text CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  evidence    jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  source      text NOT NULL
);
-- A person's recent events (correlation windows), and events by time (backtests, figures).
CREATE INDEX events_phone_at ON events (phone, at);
CREATE INDEX events_at ON events (at);
