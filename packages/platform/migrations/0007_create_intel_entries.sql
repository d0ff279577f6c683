-- Entries of the intelligence lists. `value` is the engine's normalised form (E.164, punycode host,
-- normalised URL, account digits), so one value has one row per list and match rule.
CREATE TABLE intel_entries (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  list_id      uuid NOT NULL REFERENCES intel_lists (id),
  value        text NOT NULL,
  match        text NOT NULL CHECK (match IN ('exact', 'prefix', 'domain', 'host', 'url_prefix', 'account')),
  account_kind text,
  action       text NOT NULL CHECK (action IN ('block', 'mark', 'allow')),
  confidence   smallint NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  source_kind  text NOT NULL CHECK (source_kind IN ('case', 'report', 'partner', 'rule')),
  source_id    text NOT NULL,
  reason       text,
  added_at     timestamptz NOT NULL,
  expires_at   timestamptz,
  added_by     text,
  UNIQUE (list_id, value, match)
);
CREATE INDEX intel_entries_value ON intel_entries (value text_pattern_ops);
CREATE INDEX intel_entries_source ON intel_entries (source_kind, source_id);
