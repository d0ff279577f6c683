-- Events the platform could not take, with the reason: invalid on arrival (stage 'validation') or
-- failing their handler too often (stage 'handler'). Nothing is dropped silently; analysts read them
-- here. `unit_code` is the sending API key's unit (null for events from the bus) and scopes reads.
CREATE TABLE event_dead_letters (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id    text,
  stage       text NOT NULL CHECK (stage IN ('validation', 'handler')),
  reason      text NOT NULL,
  payload     jsonb NOT NULL,
  source      text NOT NULL,
  unit_code   text REFERENCES units (code),
  received_at timestamptz NOT NULL
);
CREATE INDEX event_dead_letters_received ON event_dead_letters (received_at DESC, id DESC);
CREATE INDEX event_dead_letters_unit ON event_dead_letters (unit_code, received_at DESC);
