-- Special operations (专项行动, e.g. 断卡, 云剑, 蓝剑1号): a named campaign of a unit over a time window
-- with a focus (fraud types, the two-card trade). Its figures are never stored: they are computed from
-- the cases, clues and cards of its window and its participating units' subtrees.
CREATE SEQUENCE operation_serial;
CREATE TABLE operations (
  id           text PRIMARY KEY,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  unit_code    text NOT NULL REFERENCES units (code),
  window_from  timestamptz NOT NULL,
  window_to    timestamptz NOT NULL,
  fraud_types  text[] NOT NULL DEFAULT '{}',
  card_trade   boolean NOT NULL DEFAULT false,
  description  text NOT NULL DEFAULT '',
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  CHECK (window_from < window_to)
);
CREATE INDEX operations_window ON operations (window_from DESC);
CREATE INDEX operations_unit ON operations (unit_code);
