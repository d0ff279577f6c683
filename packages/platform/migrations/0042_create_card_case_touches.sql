-- The cases and money an involved card touched: one row per case footprint (one payment, one call),
-- copied from the cases module by the card synchronisation and kept in step with it (`active` false
-- once the footprint is removed or its case is withdrawn as a mistake). `case_unit_code` scopes who
-- sees the card through its cases.
CREATE TABLE card_case_touches (
  footprint_id    bigint PRIMARY KEY,
  card_id         uuid NOT NULL REFERENCES involved_cards (id),
  case_id         text NOT NULL,
  case_unit_code  text NOT NULL REFERENCES units (code),
  amount          numeric(16, 2) CHECK (amount >= 0),
  occurred_at     timestamptz,
  active          boolean NOT NULL
);
CREATE INDEX card_case_touches_card ON card_case_touches (card_id) WHERE active;
CREATE INDEX card_case_touches_case_unit ON card_case_touches (case_unit_code) WHERE active;
-- How far the synchronisation from the cases' footprints has read (one row per source).
CREATE TABLE card_sync_state (
  source     text PRIMARY KEY,
  watermark  timestamptz NOT NULL
);
