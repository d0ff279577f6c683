-- What a clue is about: phone numbers, accounts and cards, persons, cases, chat ids, devices, domains.
-- `value` as the sender gave it (numbers and cards normalised when they parse); `label` says who or what.
CREATE TABLE clue_entities (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clue_id  text NOT NULL REFERENCES clues (id) ON DELETE CASCADE,
  kind     text NOT NULL
           CHECK (kind IN ('number', 'account', 'person', 'case', 'qq', 'wechat', 'imei', 'domain', 'other')),
  value    text NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
  label    text
);
CREATE INDEX clue_entities_clue ON clue_entities (clue_id, id);
CREATE INDEX clue_entities_value ON clue_entities (value);
