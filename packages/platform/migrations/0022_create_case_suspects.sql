-- Suspects of a case as far as they are known: often only a nickname or a phone. Personal data, masked
-- in answers like the victim's.
CREATE TABLE case_suspects (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     text NOT NULL REFERENCES cases (id),
  name        text CHECK (length(name) BETWEEN 1 AND 100),
  id_number   text,
  phone       text,
  note        text,
  created_at  timestamptz NOT NULL
);
CREATE INDEX case_suspects_case ON case_suspects (case_id);
