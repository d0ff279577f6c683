-- Which units took part in a clue, and how: sender (dispatched or transferred it) or receiver (held it).
-- Reads are scoped through it: an actor sees a clue when a party's unit lies in the actor's subtree.
CREATE TABLE clue_parties (
  clue_id    text NOT NULL REFERENCES clues (id) ON DELETE CASCADE,
  unit_code  text NOT NULL REFERENCES units (code),
  role       text NOT NULL CHECK (role IN ('sender', 'receiver')),
  PRIMARY KEY (clue_id, unit_code, role)
);
CREATE INDEX clue_parties_unit ON clue_parties (unit_code, role);
