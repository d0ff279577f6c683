-- Appeals against a punishment: filed (by the person through an officer, or by the deciding unit on
-- review), then decided: `revoke` ends the punishment at once, `uphold` leaves it running.
CREATE TABLE punishment_appeals (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  punishment_id    uuid NOT NULL REFERENCES punishments (id),
  reason           text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  status           text NOT NULL DEFAULT 'filed' CHECK (status IN ('filed', 'upheld', 'revoked')),
  filed_by         text NOT NULL,
  filed_at         timestamptz NOT NULL,
  decided_by       text,
  decided_at       timestamptz,
  decision_reason  text
);
-- One open appeal per punishment.
CREATE UNIQUE INDEX punishment_appeals_open ON punishment_appeals (punishment_id) WHERE status = 'filed';
