-- Footprints (涉案线索) of a case: numbers that called, SMS senders, domains, URLs, accounts that
-- received money (one footprint per payment, with amount and time), chat ids, apps, devices. `value`
-- is the engine's normalised form; a screenable footprint names the intel list, value and match rule
-- of the entry it put there. A removed footprint stays as history (status 'removed').
CREATE TABLE case_footprints (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id        text NOT NULL REFERENCES cases (id),
  kind           text NOT NULL
                 CHECK (kind IN ('number', 'sms', 'domain', 'url', 'account', 'qq', 'wechat', 'app', 'imei')),
  account_kind   text,
  raw_value      text NOT NULL,
  value          text NOT NULL,
  list_id        uuid REFERENCES intel_lists (id),
  match          text,
  action         text CHECK (action IN ('block', 'mark')),
  confidence     smallint NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  amount         numeric(16, 2) CHECK (amount >= 0),
  occurred_at    timestamptz,
  note           text,
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL,
  removed_by     text,
  removed_at     timestamptz,
  removal_reason text,
  CHECK ((list_id IS NULL) = (match IS NULL) AND (list_id IS NULL) = (action IS NULL))
);
CREATE INDEX case_footprints_case ON case_footprints (case_id, id);
-- Which cases hold a listed value: a withdrawal hands the entry to another case that still holds it.
CREATE INDEX case_footprints_entry ON case_footprints (list_id, value, match) WHERE status = 'active';
