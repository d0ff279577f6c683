-- Cases (案件): a victim's report with its fraud type, loss, time line and narrative, owned by the unit
-- that took it. `id` is the readable case number (A + unit code + year and month + serial) that verdicts
-- name as their source. The victim's name, phone and ID number are personal data: lists show them
-- masked and the full values only through an audited reveal.
CREATE SEQUENCE case_serial;
CREATE TABLE cases (
  id                 text PRIMARY KEY,
  unit_code          text NOT NULL REFERENCES units (code),
  external_ref       text CHECK (length(external_ref) BETWEEN 1 AND 100),
  fraud_type         text NOT NULL,
  status             text NOT NULL DEFAULT 'accepted'
                     CHECK (status IN ('accepted', 'filed', 'investigating', 'solved', 'withdrawn')),
  victim_name        text NOT NULL CHECK (length(victim_name) BETWEEN 1 AND 100),
  victim_phone       text,
  victim_id_number   text,
  amount_lost        numeric(16, 2) NOT NULL DEFAULT 0 CHECK (amount_lost >= 0),
  occurred_at        timestamptz,
  reported_at        timestamptz NOT NULL,
  timeline           jsonb NOT NULL DEFAULT '[]',
  narrative          text NOT NULL DEFAULT '',
  warning_id         text,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
-- The officer's own reference (警情编号, or the case column of an imported sheet): one case per unit.
CREATE UNIQUE INDEX cases_external_ref ON cases (unit_code, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX cases_unit_reported ON cases (unit_code, reported_at DESC);
CREATE INDEX cases_warning ON cases (warning_id) WHERE warning_id IS NOT NULL;
